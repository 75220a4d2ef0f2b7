// Every route the server answers, declared in one table (routes.cc):
//   GET /api/search, /api/article, /api/related, /api/health  -> JSON
//   GET /, /static/NAME                                       -> the embedded page
// OPTIONS is 204 with Allow (and the CORS preflight headers when --cors-origin
// matches the request's Origin); methods other than GET, HEAD and OPTIONS are
// 405 with Allow; unknown paths are a JSON 404. Every response has a
// Content-Type with its charset and the security headers. Each API request
// borrows a Searcher for its duration; search, article and related answers are
// reused from the ResponseCache while the database is unchanged (X-Cache: hit),
// carry an ETag and Last-Modified from the database revision (304 when the
// client has them), and are gzipped when the client accepts it.
//
// A route is either a JSON handler (api_handlers.h: parameters in, JSON out)
// or a Reply handler (reply.h: parameters in, a content type and a body or a
// stream out); a prefix route passes the rest of the path (/articulo/ID).
#pragma once

#include "server/http_message.h"
#include "server/response_cache.h"
#include "server/searcher_pool.h"
#include "server/server_options.h"

namespace hemeroteca::search::server {

// What the handlers share: the Searchers, the limits, recent answers.
struct ApiContext {
    SearcherPool& pool;
    const Limits& limits;
    ResponseCache& cache;
    const HttpOptions& http;
};

// The answer to one request; never throws (errors become JSON statuses).
Response respond(const ApiContext& context, const Request& request);

} // namespace hemeroteca::search::server
