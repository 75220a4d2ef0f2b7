// Following a query: GET /feed?q=... is an Atom feed (RFC 4287) of its newest
// matches (every filter of /api/search works), and GET /opensearch.xml lets a
// browser add Hemeroteca as a search engine. HTTP-free: the address the client
// used (from its Host header) in, the document's text out.
#pragma once

#include "server/reply.h"

#include <string>

namespace hemeroteca::search::server {

// GET /feed: Call::base is "http://127.0.0.1:8080" (no trailing slash).
Reply atom_feed(const Call& call);
// GET /opensearch.xml.
Reply opensearch_description(const Call& call);

// "2024-05-01" -> "2024-05-01T00:00:00Z"; a date-time without a zone gets "Z"; "" when unusable.
std::string rfc3339(const std::string& iso_date);

} // namespace hemeroteca::search::server
