// Results as one JSON object:
// {query, total, total_exact, matching, relaxed,
//  results: [{rank, url, title, date, author, section, source, score, snippet}]}
// Snippets are HTML-escaped with matches in <mark>.
#pragma once

#include "search.h"

#include <nlohmann/json.hpp>

namespace hemeroteca::search {

nlohmann::ordered_json results_json(const SearchResults& results, const analysis::Analyzer& analyzer);

} // namespace hemeroteca::search
