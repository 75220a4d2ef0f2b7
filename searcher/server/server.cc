#include "server/server.h"

#include "options.h"
#include "server/routes.h"
#include "server/searcher_pool.h"
#include "server/transport.h"

#include <csignal>
#include <cstdio>

namespace hemeroteca::search::server {

namespace {

std::vector<std::string> database_paths(const ServeOptions& options) {
    SearchOptions as_search;
    as_search.dbs = options.dbs;
    return search::database_paths(as_search);
}

// SIGINT and SIGTERM blocked in this thread and every thread started after
// it (the transport's), then waited for here.
class StopSignals {
public:
    StopSignals() {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    }
    void wait() const {
        int signal = 0;
        sigwait(&signals_, &signal);
    }

private:
    sigset_t signals_{};
};

} // namespace

int run_server(const ServeOptions& options) {
    const ListenAddress address = parse_listen(options.listen);
    SearcherPool pool(options.threads, database_paths(options), options.synonyms_file, !options.no_synonyms);
    ResponseCache cache(options.limits.cache_bytes);
    const ApiContext context{pool, options.limits, cache, options.http};

    const StopSignals stop; // before the transport's threads start, so they inherit the mask
    HttpTransport transport(address, options.threads, options.limits,
                            [&context](const Request& request) { return respond(context, request); });
    const bool ipv6 = address.host.find(':') != std::string::npos;
    std::printf("hemeroteca-search: listening on http://%s%s%s:%d/\n", ipv6 ? "[" : "", address.host.c_str(),
                ipv6 ? "]" : "", transport.port());
    std::fflush(stdout);
    stop.wait();
    return 0;
}

} // namespace hemeroteca::search::server
