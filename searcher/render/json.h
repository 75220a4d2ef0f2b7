// Results as one JSON object:
// {query, total, total_exact, matching, relaxed, suggestion, filters, sort,
//  took_ms, results: [{rank, id, url, title, date, author, section, source,
//  lang, score, snippet, versions[, explain]}], facets: {year, section, source, author, lang}}
// Snippets are HTML-escaped with matches in <mark>.
#pragma once

#include "search.h"

#include <nlohmann/json.hpp>

namespace hemeroteca::search {

nlohmann::ordered_json results_json(const SearchResults& results, const SearchRequest& request,
                                    const analysis::Analyzer& analyzer);

// One article with its full text (for versions and the API's article view).
nlohmann::ordered_json hit_json(const Hit& hit);

const char* sort_name(Sort sort);

// {"query", "unit": "year", "total": N, "undated": N, "buckets": [{"key", "from", "to", "count"}]}
nlohmann::ordered_json timeline_json(const Timeline& timeline, const std::string& query);
const char* unit_name(TimeUnit unit);

} // namespace hemeroteca::search
