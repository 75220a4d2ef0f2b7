// Every route the server answers, declared in one place (routes.cc):
//   GET /api/search, /api/article, /api/related, /api/health  -> JSON
//   GET /, /static/NAME                                       -> the embedded page
// Anything else is a JSON 404 (405 for other methods). Every response has a
// Content-Type with its charset and the security headers. Each API request
// borrows a Searcher for its duration; search, article and related answers are
// reused from the ResponseCache while the database is unchanged (X-Cache: hit).
#pragma once

#include "server/response_cache.h"
#include "server/searcher_pool.h"
#include "server/server_options.h"

#include <httplib.h>

namespace hemeroteca::search::server {

// What the handlers share: the Searchers, the limits, recent answers.
struct ApiContext {
    SearcherPool& pool;
    const Limits& limits;
    ResponseCache& cache;
};

void add_routes(httplib::Server& server, const ApiContext& context);

} // namespace hemeroteca::search::server
