#include "server/server.h"

#include "options.h"
#include "server/routes.h"
#include "server/searcher_pool.h"

#include <httplib.h>

#include <sys/socket.h>

#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace hemeroteca::search::server {

namespace {

std::vector<std::string> database_paths(const ServeOptions& options) {
    SearchOptions as_search;
    as_search.dbs = options.dbs;
    return search::database_paths(as_search);
}

void configure(httplib::Server& server, const ServeOptions& options) {
    const Limits& limits = options.limits;
    const std::size_t threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_payload_max_length(limits.max_payload_bytes);
    server.set_read_timeout(limits.read_timeout_s, 0);
    server.set_write_timeout(limits.write_timeout_s, 0);
    server.set_keep_alive_timeout(limits.keep_alive_timeout_s);
    server.set_keep_alive_max_count(limits.keep_alive_max_requests);
    server.set_tcp_nodelay(true); // headers and body are separate writes: no 40 ms Nagle/delayed-ACK stall
    // SO_REUSEADDR only: the library's default adds SO_REUSEPORT, which would let
    // a second server bind the same port silently and share its connections.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
}

// Waits for SIGINT/SIGTERM on a thread of its own (blocked in every other
// thread), then stops the server so that run_server returns normally.
class StopOnSignal {
public:
    explicit StopOnSignal(httplib::Server& server) {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
        waiter_ = std::thread([this, &server] {
            int signal = 0;
            sigwait(&signals_, &signal);
            if (signal != 0) server.stop();
        });
    }
    ~StopOnSignal() {
        if (waiter_.joinable()) {
            pthread_kill(waiter_.native_handle(),
                         SIGTERM); // wakes sigwait when the server stopped on its own
            waiter_.join();
        }
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
    sigset_t signals_{};
    std::thread waiter_;
};

} // namespace

int run_server(const ServeOptions& options) {
    const ListenAddress address = parse_listen(options.listen);
    SearcherPool pool(options.threads, database_paths(options), options.synonyms_file, !options.no_synonyms);
    ResponseCache cache(options.limits.cache_bytes);
    const ApiContext context{pool, options.limits, cache};

    httplib::Server server;
    configure(server, options);
    add_routes(server, context);
    StopOnSignal stop(server); // before the worker threads start, so they inherit the mask

    const int port = address.port == 0
                         ? server.bind_to_any_port(address.host)
                         : (server.bind_to_port(address.host, address.port) ? address.port : -1);
    if (port < 0)
        throw ListenError("cannot listen on " + options.listen +
                          " (the port is in use, or the address is not this machine's)");
    const bool ipv6 = address.host.find(':') != std::string::npos;
    std::printf("hemeroteca-search: listening on http://%s%s%s:%d/\n", ipv6 ? "[" : "", address.host.c_str(),
                ipv6 ? "]" : "", port);
    std::fflush(stdout);
    if (!server.listen_after_bind()) throw ListenError("stopped listening on " + options.listen);
    return 0;
}

} // namespace hemeroteca::search::server
