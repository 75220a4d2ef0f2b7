// Article <-> JSON, the one place that names the fields: used for the stored
// document data, the indexer's --dry-run --json and the searcher's results.
#pragma once

#include "article.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace hemeroteca {

nlohmann::json to_json(const Article& article);
// The article stored as `data` (to_json's object); empty when unreadable.
Article article_from_stored_json(std::string_view data);

// Serialises with invalid UTF-8 replaced, never throwing.
std::string dump_json(const nlohmann::json& value, int indent = -1);
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

} // namespace hemeroteca
