// Article <-> JSON, the one place that names the fields: used for the stored
// document data, the indexer's --dry-run --json and the searcher's results.
#pragma once

#include "article.h"

#include <nlohmann/json.hpp>

namespace hemeroteca {

nlohmann::json to_json(const Article& article);
Article article_from_stored_json(const nlohmann::json& object);

// Serialises with invalid UTF-8 replaced, never throwing.
std::string dump_json(const nlohmann::json& value, int indent = -1);
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

} // namespace hemeroteca
