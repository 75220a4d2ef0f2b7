// hemeroteca-search serve: the HTTP server over a pool of read-only Searchers.
#pragma once

#include "server/server_options.h"

namespace hemeroteca::search::server {

// Opens the databases, binds, prints "listening on http://HOST:PORT/" and
// serves until SIGINT or SIGTERM. Throws DatabaseError, RequestError, and
// ListenError (bad --listen, or the address cannot be bound). Returns 0 after a clean stop.
int run_server(const ServeOptions& options);

} // namespace hemeroteca::search::server
