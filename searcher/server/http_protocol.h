// The HTTP protocol details routes.cc applies to every answer, kept apart
// from the route table: validators (ETag, Last-Modified, 304), compression
// (gzip when the client accepts it) and CORS (only for --cors-origin).
#pragma once

#include "server/http_message.h"
#include "server/server_options.h"

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace hemeroteca::search::server {

// A short stable hash (64-bit FNV-1a, hex) for entity tags.
std::string digest_hex(std::string_view text);

// "2026-12-01T09:50:00Z" -> the time, nullopt when it is not that form.
std::optional<std::time_t> parse_iso_utc(std::string_view iso);
// RFC 9110 IMF-fixdate: "Tue, 01 Dec 2026 09:50:00 GMT"; and back (nullopt when unreadable).
std::string http_date(std::time_t t);
std::optional<std::time_t> parse_http_date(std::string_view text);

// True when the request's If-None-Match matches `etag` (weak comparison), or,
// without If-None-Match, when If-Modified-Since is at or after `last_modified`.
bool not_modified(const Request& request, std::string_view etag, std::optional<std::time_t> last_modified);

// The client accepts gzip (Accept-Encoding lists gzip or * with a q above 0).
bool accepts_gzip(const Request& request);
// Compresses the body with gzip (and sets Content-Encoding) when the client
// accepts it and it is worth it (text, at least ~1 KB); always adds
// Vary: Accept-Encoding to compressible answers.
void maybe_gzip(const Request& request, Response& response);
// gzip of `data` (zlib, default level); what it gives is a complete gzip member.
std::string gzip_compress(std::string_view data);

// The Access-Control-* headers when --cors-origin is set and matches the
// request's Origin (or is "*"); nothing at all otherwise. `preflight`: the
// answer to an OPTIONS preflight (methods, headers, max age).
void add_cors_headers(const HttpOptions& http, const Request& request, Response& response, bool preflight);

} // namespace hemeroteca::search::server
