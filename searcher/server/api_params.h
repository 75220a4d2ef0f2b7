// The API's query-string parameters -> a SearchRequest, validated against the
// server's limits. Anything out of range throws HttpError 400 with a message
// that names the parameter.
#pragma once

#include "search.h"
#include "server/server_options.h"

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>

namespace hemeroteca::search::server {

// Looks a parameter up: its value, or nullopt when absent.
using ParamLookup = std::function<std::optional<std::string>(const std::string& name)>;

// /api/search: q, page, per_page, sort, from, to, section, source, author,
// lang, facets, collapse.
SearchRequest search_request(const ParamLookup& param, const Limits& limits);

// The page number (1-based) a request asked for (for the response).
std::size_t page_of(const SearchRequest& request);

// id= for /api/article and /api/related: a public id (document.h), checked for its shape.
std::string article_id(const ParamLookup& param);

} // namespace hemeroteca::search::server
