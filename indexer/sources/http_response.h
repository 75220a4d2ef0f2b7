// An HTTP/1.x response as archived in a WARC record or received by the
// fetcher: status, headers, and the payload decoded (chunked transfer coding,
// gzip/deflate content coding).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hemeroteca::indexer {

struct HttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body; // decoded payload

    const std::string& header(std::string_view name) const; // case-insensitive; "" when absent
};

// Parses "HTTP/1.1 200 OK\r\nName: value\r\n...\r\n\r\nbody" and decodes the
// body. Throws InputError when it is not an HTTP response or cannot be decoded.
HttpResponse parse_http_response(std::string_view bytes, std::size_t max_body);

// Decodes a body by its Transfer-Encoding and Content-Encoding headers.
std::string decode_http_body(std::string body, const std::string& transfer_encoding,
                             const std::string& content_encoding, std::size_t max_body);

// "text/html; charset=windows-1252" → "windows-1252" ("" when absent).
std::string charset_of(std::string_view content_type);

// True for text/html and application/xhtml+xml; with no Content-Type at all,
// true when the body looks like HTML.
bool is_html(std::string_view content_type, std::string_view body);

} // namespace hemeroteca::indexer
