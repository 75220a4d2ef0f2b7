#include "server/server_options.h"

#include "options.h"

#include <algorithm>
#include <charconv>
#include <iostream>
#include <stdexcept>
#include <thread>

namespace hemeroteca::search::server {

std::size_t default_workers() { return std::max(1u, std::thread::hardware_concurrency()); }

ListenAddress parse_listen(const std::string& listen) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon + 1 == listen.size())
        throw ListenError("--listen wants HOST:PORT, e.g. 127.0.0.1:8080, not " + listen);
    ListenAddress out;
    out.host = listen.substr(0, colon);
    if (out.host.size() >= 2 && out.host.front() == '[' && out.host.back() == ']')
        out.host = out.host.substr(1, out.host.size() - 2);
    if (out.host.empty()) throw ListenError("--listen has no host: " + listen);
    const char* first = listen.data() + colon + 1;
    const char* last = listen.data() + listen.size();
    const auto [end, ec] = std::from_chars(first, last, out.port);
    if (ec != std::errc() || end != last || out.port < 0 || out.port > 65535)
        throw ListenError("--listen has no valid port (0-65535): " + listen);
    return out;
}

void add_serve_options(CLI::App& serve, ServeOptions& o) {
    serve.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    serve
        .add_option("--db", o.dbs,
                    "A database to serve (repeat to search several as one; or set HEMEROTECA_DB)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->default_str("hemeroteca.db");
    serve
        .add_option(
            "--listen", o.listen,
            "HOST:PORT to listen on (port 0: any free port, printed at start); only this machine by default")
        ->capture_default_str();
    serve.add_option("--threads", o.threads, "Searches at once (worker threads); by default one a core")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    serve
        .add_option_function<unsigned>(
            "--facet-sample",
            [](unsigned) {
                std::cerr
                    << "warning: --facet-sample is no longer used: totals and facets are always exact\n";
            },
            "(no longer used: totals and facets are always exact)")
        ->group("");
    serve
        .add_option_function<std::size_t>(
            "--cache-mb", [&o](std::size_t mb) { o.limits.cache_bytes = mb << 20; },
            "Keep recent answers (MiB) while the database is unchanged; 0: none")
        ->default_str("32");
    serve.add_option("--export-max", o.limits.export_max, "Rows of one export (/api/export) at most")
        ->check(CLI::Range(1, 10000000))
        ->capture_default_str();
    serve
        .add_option("--max-connections", o.limits.max_connections,
                    "Open connections at most (more are closed at once)")
        ->check(CLI::Range(1u, 100000u))
        ->capture_default_str();
    serve
        .add_option("--max-connections-per-client", o.limits.max_connections_per_client,
                    "Open connections at most from one client address")
        ->check(CLI::Range(1u, 100000u))
        ->capture_default_str();
    serve
        .add_option(
            "--header-timeout", o.limits.header_timeout_s,
            "Seconds a client has to send a request's line and headers (else the connection is closed)")
        ->check(CLI::Range(1u, 3600u))
        ->capture_default_str();
    serve
        .add_option("--idle-timeout", o.limits.idle_timeout_s,
                    "Seconds a connection may send and receive nothing before it is closed")
        ->check(CLI::Range(1u, 3600u))
        ->capture_default_str();
    serve.add_option("--cors-origin", o.http.cors_origin,
                     "Let pages from this origin (https://host[:port], or *) call the API; off by default");
    serve.add_option("--synonyms", o.synonyms_file, "A synonyms file instead of the default list")
        ->check(CLI::ExistingFile);
    serve.add_flag("--no-synonyms", o.no_synonyms, "Do not expand synonyms and acronyms");
    add_query_limit_options(serve, o.limits.query);
}

} // namespace hemeroteca::search::server
