// hemeroteca-search serve: its options (parsed once by CLI11) and the limits
// that keep the server safe by default.
#pragma once

#include "query/query_builder.h"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace hemeroteca::search::server {

struct Limits {
    std::size_t max_query_bytes = 1000;   // longer q -> 400
    std::size_t max_per_page = 100;       // larger per_page -> 400
    std::size_t max_page = 500;           // deeper paging -> 400 (cost grows with the offset)
    std::size_t max_payload_bytes = 8192; // request bodies (the API has none) -> 413
    std::size_t max_target_bytes = 8192;  // the request target (path + query string) -> 414
    std::size_t max_header_bytes = 32768; // request line + headers (what the transport buffers) -> 431
    std::size_t export_max = 100000;      // rows of one /api/export at most
    std::size_t feed_max = 50;            // entries of one /feed at most
    std::size_t cache_bytes = 32u << 20;  // recent answers kept while the database is unchanged; 0: none
    unsigned header_timeout_s = 10;       // a request's line and headers must arrive within this, else closed
    unsigned idle_timeout_s = 5;     // a connection with nothing sent or received for this long is closed
    unsigned max_connections = 2000; // open connections in all; more are closed at once
    unsigned max_connections_per_client = 64; // open connections from one client address
    QueryLimits query;                        // what one search may cost (400, or 503 out of time)
};

// The HTTP API's cross-origin policy.
struct HttpOptions {
    std::string cors_origin; // "https://example.org" or "*"; empty: no Access-Control-* headers at all
};

// Worker threads by default: one a core. A search of a local database is CPU
// work: more at once than cores only share them, and a slow search's share of
// time shrinks while the fast ones queue behind it (the 100k mix on 2 cores:
// p99 54-72 ms with 8 workers, 22-27 ms with 2, the same requests/s). Over
// remote shards a search mostly waits on the network: give more (--threads).
std::size_t default_workers();

struct ServeOptions {
    std::vector<std::string> dbs; // searched as one; empty: $HEMEROTECA_DB or ./hemeroteca.db
    std::string listen = "127.0.0.1:8080";
    std::size_t threads = default_workers(); // each with its own Searcher while it answers
    std::string synonyms_file;
    bool no_synonyms = false;
    Limits limits;
    HttpOptions http;
};

// The address to bind, split from "host:port" ("[::1]:8080" for IPv6).
struct ListenAddress {
    std::string host;
    int port = 0;
};
// A bad --listen, or an address that cannot be bound; what() is a one-line reason.
class ListenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws ListenError.
ListenAddress parse_listen(const std::string& listen);

// Adds the "serve" subcommand's options to `serve`.
void add_serve_options(CLI::App& serve, ServeOptions& options);

} // namespace hemeroteca::search::server
