// A small HTTP client for the server tests (libcurl, RAII handle).
#pragma once

#include <string>
#include <vector>

namespace hemeroteca::test {

struct HttpResponse {
    long status = 0;          // 0 when the server could not be reached
    std::string content_type; // the Content-Type header
    std::string body;
    std::string headers; // every response header, as received
};

// GET (or another method) `url`; the path is sent exactly as written (no
// "../" normalisation), so traversal attempts reach the server.
// `headers` are extra request headers ("If-None-Match: W/\"x\""); curl
// decodes nothing (a gzip body comes back as sent).
HttpResponse http_request(const std::string& url, const std::string& method = "GET",
                          const std::vector<std::string>& headers = {});
inline HttpResponse http_get(const std::string& url) { return http_request(url); }

// Percent-encodes a query-string value.
std::string url_encode(const std::string& value);

} // namespace hemeroteca::test
