// Every route the server answers, declared in one place (routes.cc):
//   GET /api/search, /api/article, /api/related, /api/health  -> JSON
//   GET /, /static/NAME                                       -> the embedded page
// Anything else is a JSON 404 (405 for other methods). Every response has a
// Content-Type with its charset and the security headers.
#pragma once

#include "server/api_handlers.h"

#include <httplib.h>

namespace hemeroteca::search::server {

void add_routes(httplib::Server& server, const ApiContext& context);

} // namespace hemeroteca::search::server
