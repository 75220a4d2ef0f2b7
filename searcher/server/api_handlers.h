// The JSON API's handlers, one small function per endpoint, free of HTTP
// details: parameters in, a JSON body out; they throw HttpError (400, 404) and
// the searcher's errors, which routes.cc maps to statuses.
#pragma once

#include "server/api_params.h"
#include "server/searcher_pool.h"
#include "server/server_options.h"

#include <nlohmann/json.hpp>

namespace hemeroteca::search::server {

struct ApiContext {
    SearcherPool& pool;
    const Limits& limits;
};

// GET /api/search: results_json() plus page and per_page.
nlohmann::ordered_json api_search(const ApiContext& context, const ParamLookup& param);
// GET /api/article?id=N: the article's metadata, full text and versions.
nlohmann::ordered_json api_article(const ApiContext& context, const ParamLookup& param);
// GET /api/related?id=N[&per_page=]: articles about the same story.
nlohmann::ordered_json api_related(const ApiContext& context, const ParamLookup& param);
// GET /api/health: the article count and when the indexer last committed.
nlohmann::ordered_json api_health(const ApiContext& context, const ParamLookup& param);

} // namespace hemeroteca::search::server
