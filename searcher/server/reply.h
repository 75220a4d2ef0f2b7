// What a handler that does not answer JSON returns (the Atom feed, the
// OpenSearch description, an article page, a streamed export), free of HTTP
// like the JSON handlers: a content type and a body, whole or streamed.
// routes.cc adds the status, the validators, compression and the security
// headers.
#pragma once

#include "search.h"
#include "server/api_params.h"
#include "server/http_message.h"
#include "server/searcher_pool.h"
#include "server/server_options.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hemeroteca::search::server {

struct Reply {
    std::string content_type; // with its charset, e.g. "application/atom+xml; charset=utf-8"
    std::string body;
    // A body produced piece by piece (see BodyStream). A stream that needs a
    // Searcher borrows one from Call::pool for each piece and gives it back
    // before returning: a Searcher is never held while the client reads.
    BodyStream stream;
    // Extra headers, e.g. {"Content-Disposition", "attachment; filename=\"resultados.csv\""}.
    std::vector<std::pair<std::string, std::string>> headers;
};

// What a Reply handler gets: the Searcher borrowed for this request, the pool
// (for streams), the parameters, the limits, and what follows a prefix
// route's path ("/articulo/" + "123" -> rest "123"; "" for exact routes).
struct Call {
    Searcher& searcher;
    SearcherPool& pool;
    const ParamLookup& param;
    const Limits& limits;
    std::string_view rest;
    std::string_view base; // "http://HOST" as the client addressed this server (for links in feeds)
};

} // namespace hemeroteca::search::server
