// The JSON API's handlers, one small function per endpoint, free of HTTP
// details: a Searcher (borrowed by routes.cc for the request) and parameters
// in, a JSON body out; they throw HttpError (400, 404) and the searcher's
// errors, which routes.cc maps to statuses.
#pragma once

#include "search.h"
#include "server/api_params.h"
#include "server/server_options.h"

#include <nlohmann/json.hpp>

namespace hemeroteca::search::server {

// GET /api/search: results_json() plus page and per_page.
nlohmann::ordered_json api_search(Searcher& searcher, const ParamLookup& param, const Limits& limits);
// GET /api/article?id=N[&q=]: the article's metadata, full text, its paragraphs
// and headline with q's matches highlighted, the first matching paragraph, what
// kind of URL it has, and its versions.
nlohmann::ordered_json api_article(Searcher& searcher, const ParamLookup& param, const Limits& limits);
// GET /api/related?id=N[&per_page=]: articles about the same story.
nlohmann::ordered_json api_related(Searcher& searcher, const ParamLookup& param, const Limits& limits);
// GET /api/timeline?q=...[&unit=year|month|day]: matches over time (every filter of /api/search).
nlohmann::ordered_json api_timeline(Searcher& searcher, const ParamLookup& param, const Limits& limits);
// GET /api/health: the article count and when the indexer last committed.
nlohmann::ordered_json api_health(Searcher& searcher, const ParamLookup& param, const Limits& limits);

} // namespace hemeroteca::search::server
