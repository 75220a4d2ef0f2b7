// JSON Lines of articles -> articles. Accepts the field names of the common
// tools (news-please, trafilatura, datasets), and user mappings (--field).
#pragma once

#include "article.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
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

// Reads the file line by line; each good line goes to on_article, each bad
// one to on_error and each empty record to on_skip, with its 1-based line
// number. Throws InputError when the file cannot be read at all.
void read_jsonl_file(const std::filesystem::path& path, const JsonlOptions& options,
                     const std::function<void(Article&&)>& on_article,
                     const std::function<void(std::size_t line, const std::string& reason)>& on_error,
                     const std::function<void(std::size_t line, const std::string& reason)>& on_skip);

} // namespace hemeroteca::indexer
