// JSON Lines of articles -> articles (one JSON object at a time; sources/file_source reads
// the lines, the pipeline's workers parse them). Accepts the field names of the common
// tools (news-please, trafilatura, datasets), and user mappings (--field).
#pragma once

#include "article.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace hemeroteca::indexer {

struct JsonlOptions {
    std::map<std::string, std::string> field_map; // article field -> key, overrides the defaults
    bool keep_non_articles = false;
};

// One JSON object -> an article. `origin_name` names the file for stable ids.
// Throws EmptyInput when it has no title and no text, InputError when it is
// not an article object.
Article article_from_json(const nlohmann::json& object, const JsonlOptions& options,
                          const std::string& origin_name);

// "2017-10-09 20:09:00" → "2017-10-09T20:09:00", «9 de enero de 2026» → "2026-01-09";
// empty when unreadable (the extractor's date parsers).
std::string normalize_date_field(const std::string& value);

} // namespace hemeroteca::indexer
