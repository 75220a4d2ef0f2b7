// The server's own request and response, independent of the HTTP library: the
// transport (transport.cc, libmicrohttpd) fills a Request from the wire and
// sends a Response back; routes.cc turns one into the other. Nothing above the
// transport includes an HTTP library's header.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hemeroteca::search::server {

struct Request {
    std::string method; // "GET", "HEAD", "OPTIONS", ...
    std::string path;   // percent-decoded, without the query string
    // The query string's parameters, percent-decoded, sorted by name (a name
    // given twice keeps both; param() answers the first).
    std::multimap<std::string, std::string> params;
    std::vector<std::pair<std::string, std::string>> headers; // as received
    std::size_t target_bytes = 0;                             // the request target's length on the wire

    std::optional<std::string> param(const std::string& name) const {
        const auto it = params.find(name);
        if (it == params.end()) return std::nullopt;
        return it->second;
    }
    // The first header of that name (case-insensitive), nullopt when absent.
    std::optional<std::string> header(std::string_view name) const;
};

// A body produced piece by piece: each call appends the next piece (a few KB
// to some tens of KB) to `out` and returns true, or returns false when the
// body is complete (what it appended on that call is still sent). It runs on
// a server thread between other connections' work, so one call must stay
// short; it may throw, which cuts the response off (the client sees a
// truncated chunked body). It is destroyed when the response ends or the
// client goes away; capture by value.
using BodyStream = std::function<bool(std::string& out)>;

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    BodyStream stream; // when set, the body is streamed (chunked) and `body` is ignored

    // Replaces a header of that name (case-insensitive), or adds it.
    void set_header(std::string_view name, std::string value);
    std::optional<std::string> header(std::string_view name) const;
};

// Case-insensitive ASCII comparison of header names.
bool same_header_name(std::string_view a, std::string_view b);

} // namespace hemeroteca::search::server
