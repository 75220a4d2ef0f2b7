// Following a query: GET /feed?q=... is an Atom feed (RFC 4287) of its newest
// matches (every filter of /api/search works), and GET /opensearch.xml lets a
// browser add Hemeroteca as a search engine. HTTP-free: the address the client
// used (from its Host header) in, the document's text out.
#pragma once

#include "search.h"
#include "server/api_params.h"
#include "server/server_options.h"

#include <string>

namespace hemeroteca::search::server {

struct TextBody {
    std::string content_type;
    std::string body;
};

// base: "http://127.0.0.1:8080" (no trailing slash).
TextBody atom_feed(Searcher& searcher, const ParamLookup& param, const Limits& limits,
                   const std::string& base);
TextBody opensearch_description(const std::string& base);

// "2024-05-01" -> "2024-05-01T00:00:00Z"; a date-time without a zone gets "Z"; "" when unusable.
std::string rfc3339(const std::string& iso_date);

} // namespace hemeroteca::search::server
