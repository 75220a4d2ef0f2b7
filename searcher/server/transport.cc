#include "server/transport.h"

#include <microhttpd.h>

#include <fcntl.h>
#include <netdb.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace hemeroteca::search::server {

namespace {

using Clock = std::chrono::steady_clock;

// Threads running MHD's epoll loops (reading requests, writing answers and
// streams); the searching is done by the workers.
constexpr unsigned kIoThreads = 2;

// One connection, from accept to close (MHD's socket context).
struct Connection {
    int fd = -1;
    bool armed = true; // waiting for a request's headers, before `deadline`
    Clock::time_point deadline;
    bool shut = false;
    std::size_t target_bytes = 0; // the current request's target, as received
};

// One request, from its headers to its response (MHD's request context).
struct Pending {
    std::size_t body_bytes = 0;
    bool ready = false; // a worker computed `response` and resumed the connection
    Request request;
    Response response;
};

// A request handed from an I/O thread to a worker.
struct Job {
    MHD_Connection* connection;
    Pending* pending;
};

// A streamed body as MHD reads it: the pieces of a BodyStream, copied out as
// MHD asks for them.
struct StreamState {
    BodyStream stream;
    std::string piece;
    std::size_t offset = 0;
    bool done = false;
};

ssize_t read_stream(void* cls, std::uint64_t, char* buf, std::size_t max) {
    auto* s = static_cast<StreamState*>(cls);
    try {
        while (s->offset == s->piece.size()) {
            if (s->done) return MHD_CONTENT_READER_END_OF_STREAM;
            s->piece.clear();
            s->offset = 0;
            s->done = !s->stream(s->piece);
        }
    } catch (const std::exception&) {
        return MHD_CONTENT_READER_END_WITH_ERROR;
    }
    const std::size_t n = std::min(max, s->piece.size() - s->offset);
    std::memcpy(buf, s->piece.data() + s->offset, n);
    s->offset += n;
    return static_cast<ssize_t>(n);
}

void free_stream(void* cls) { delete static_cast<StreamState*>(cls); }

MHD_Result collect(void* cls, MHD_ValueKind, const char* key, const char* value) {
    static_cast<std::vector<std::pair<std::string, std::string>>*>(cls)->emplace_back(key ? key : "",
                                                                                      value ? value : "");
    return MHD_YES;
}

MHD_Result collect_param(void* cls, MHD_ValueKind, const char* key, const char* value) {
    static_cast<std::multimap<std::string, std::string>*>(cls)->emplace(key ? key : "", value ? value : "");
    return MHD_YES;
}

Connection* connection_of(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<Connection*>(info->socket_context) : nullptr;
}

// A listening socket on the address (SO_REUSEADDR only: SO_REUSEPORT would let a
// second server bind the same port silently and share its connections).
int listen_on(const ListenAddress& address, int& port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(address.port);
    if (getaddrinfo(address.host.c_str(), service.c_str(), &hints, &found) != 0 || !found) return -1;
    int fd = -1;
    for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0) continue;
        int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (bind(fd, a->ai_addr, a->ai_addrlen) != 0 || listen(fd, 1024) != 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(found);
    if (fd < 0) return -1;
    sockaddr_storage bound{};
    socklen_t len = sizeof bound;
    getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
    port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                             : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    return fd;
}

// Enough file descriptors for every connection allowed (the soft limit is often 1024).
void raise_fd_limit(unsigned connections) {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return;
    const rlim_t want = static_cast<rlim_t>(connections) + 256;
    if (lim.rlim_cur >= want) return;
    lim.rlim_cur = lim.rlim_max == RLIM_INFINITY ? want : std::min(want, lim.rlim_max);
    setrlimit(RLIMIT_NOFILE, &lim);
}

} // namespace

struct HttpTransport::Impl {
    Limits limits;
    RequestHandler handler;
    MHD_Daemon* daemon = nullptr;
    int port = 0;

    // Requests waiting for a worker: the I/O threads suspend the connection,
    // a worker computes the answer and resumes it, so a slow search never
    // holds up the other connections of an I/O thread, and the workers share
    // the requests whatever connection they came on.
    std::mutex jobs_mutex;
    std::condition_variable jobs_ready;
    std::deque<Job> jobs;
    bool closing = false; // no more jobs: answered on the I/O thread (503)
    std::vector<std::thread> workers;

    void work() {
        std::unique_lock lock(jobs_mutex);
        while (true) {
            jobs_ready.wait(lock, [this] { return closing || !jobs.empty(); });
            if (jobs.empty()) return; // closing, and every queued job done
            const Job job = jobs.front();
            jobs.pop_front();
            lock.unlock();
            try {
                job.pending->response = handler(job.pending->request);
            } catch (const std::exception&) {
                job.pending->response = error_response(500, "internal error");
            }
            job.pending->ready = true;
            MHD_resume_connection(job.connection);
            lock.lock();
        }
    }

    // Suspends the connection and queues the request; false when closing.
    bool hand_over(MHD_Connection* c, Pending* pending) {
        std::lock_guard lock(jobs_mutex);
        if (closing) return false;
        MHD_suspend_connection(c);
        jobs.push_back({c, pending});
        jobs_ready.notify_one();
        return true;
    }

    // The connections waiting for headers, watched for their deadline.
    std::mutex mutex;
    std::unordered_set<Connection*> connections;
    std::condition_variable wake;
    bool stopping = false;
    std::thread watchdog;

    void arm(Connection& c) {
        std::lock_guard lock(mutex);
        c.armed = true;
        c.deadline = Clock::now() + std::chrono::seconds(limits.header_timeout_s);
    }
    void disarm(Connection& c) {
        std::lock_guard lock(mutex);
        c.armed = false;
    }

    // Closes the connections whose headers are late. shutdown() (not close):
    // MHD sees the connection end and closes it itself, and the descriptor
    // cannot be reused meanwhile, since NOTIFY_CLOSED (which forgets it) takes
    // the same lock before MHD closes it.
    void watch() {
        std::unique_lock lock(mutex);
        while (!stopping) {
            wake.wait_for(lock, std::chrono::milliseconds(250));
            const auto now = Clock::now();
            for (Connection* c : connections) {
                if (c->armed && !c->shut && now >= c->deadline) {
                    shutdown(c->fd, SHUT_RDWR);
                    c->shut = true;
                }
            }
        }
    }

    static void on_connection(void* cls, MHD_Connection* c, void** socket_context,
                              MHD_ConnectionNotificationCode code) {
        auto* self = static_cast<Impl*>(cls);
        if (code == MHD_CONNECTION_NOTIFY_STARTED) {
            auto* conn = new Connection;
            const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
            conn->fd = info ? info->connect_fd : -1;
            conn->deadline = Clock::now() + std::chrono::seconds(self->limits.header_timeout_s);
            *socket_context = conn;
            std::lock_guard lock(self->mutex);
            self->connections.insert(conn);
        } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
            auto* conn = static_cast<Connection*>(*socket_context);
            if (!conn) return;
            {
                std::lock_guard lock(self->mutex);
                self->connections.erase(conn);
            }
            delete conn;
            *socket_context = nullptr;
        }
    }

    static void* on_uri(void*, const char* uri, MHD_Connection* c) {
        if (Connection* conn = connection_of(c)) conn->target_bytes = uri ? std::strlen(uri) : 0;
        return nullptr;
    }

    static void on_completed(void* cls, MHD_Connection* c, void** request_context,
                             MHD_RequestTerminationCode) {
        delete static_cast<Pending*>(*request_context);
        *request_context = nullptr;
        if (Connection* conn = connection_of(c)) static_cast<Impl*>(cls)->arm(*conn);
    }

    static MHD_Result send(MHD_Connection* c, Response&& res) {
        MHD_Response* r = nullptr;
        if (res.stream) {
            auto* state = new StreamState{std::move(res.stream), {}, 0, false};
            r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 32 * 1024, read_stream, state,
                                                  free_stream);
            if (!r) delete state;
        } else {
            r = MHD_create_response_from_buffer(res.body.size(), res.body.data(), MHD_RESPMEM_MUST_COPY);
        }
        if (!r) return MHD_NO;
        for (const auto& [name, value] : res.headers) MHD_add_response_header(r, name.c_str(), value.c_str());
        const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(res.status), r);
        MHD_destroy_response(r);
        return ok;
    }

    static Response error_response(int status, const std::string& message) {
        Response res;
        res.status = status;
        res.set_header("Content-Type", "application/json; charset=utf-8");
        res.set_header("Cache-Control", "no-store");
        res.body = R"({"error":")" + message + R"("})";
        return res;
    }
    static Response payload_too_large() { return error_response(413, "request too large"); }

    // GET and HEAD go to a worker; other methods are answered here (405,
    // OPTIONS: nothing to compute).
    MHD_Result dispatch(MHD_Connection* c, const char* url, const char* method, Pending* pending) {
        if (pending->ready) return send(c, std::move(pending->response));
        pending->request = request_of(c, url, method);
        const std::string& m = pending->request.method;
        if (m != "GET" && m != "HEAD") return send(c, handler(pending->request));
        if (hand_over(c, pending)) return MHD_YES;
        return send(c, error_response(503, "the server is stopping"));
    }

    Request request_of(MHD_Connection* c, const char* url, const char* method) const {
        Request req;
        req.method = method ? method : "";
        req.path = url ? url : "";
        MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_param, &req.params);
        MHD_get_connection_values(c, MHD_HEADER_KIND, collect, &req.headers);
        if (const Connection* conn = connection_of(c)) req.target_bytes = conn->target_bytes;
        return req;
    }

    static MHD_Result on_request(void* cls, MHD_Connection* c, const char* url, const char* method,
                                 const char*, const char*, std::size_t* upload_size, void** request_context) {
        auto* self = static_cast<Impl*>(cls);
        if (!*request_context) {
            // The request line and headers are in: the header deadline is met.
            if (Connection* conn = connection_of(c)) self->disarm(*conn);
            auto* pending = new Pending;
            *request_context = pending;
            const char* length =
                MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            const char* chunked =
                MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
            std::size_t declared = 0;
            if (length) {
                const char* end = length + std::strlen(length);
                if (std::from_chars(length, end, declared).ec != std::errc()) declared = SIZE_MAX;
            }
            if (declared > self->limits.max_payload_bytes) return send(c, payload_too_large());
            // No body coming (or any method but GET/HEAD: its answer, 405, does
            // not depend on the body): answer now, without waiting for it.
            const std::string_view m = method ? method : "";
            const bool body_expected = declared > 0 || chunked;
            if (!body_expected || (m != "GET" && m != "HEAD" && m != "OPTIONS"))
                return self->dispatch(c, url, method, pending);
            return MHD_YES;
        }
        auto* pending = static_cast<Pending*>(*request_context);
        if (*upload_size > 0) { // a small body, read and dropped (the API takes none)
            pending->body_bytes += *upload_size;
            *upload_size = 0;
            if (pending->body_bytes > self->limits.max_payload_bytes) return send(c, payload_too_large());
            return MHD_YES;
        }
        return self->dispatch(c, url, method, pending);
    }
};

HttpTransport::HttpTransport(const ListenAddress& address, std::size_t threads, const Limits& limits,
                             RequestHandler handler) :
    impl_(std::make_unique<Impl>()) {
    impl_->limits = limits;
    impl_->handler = std::move(handler);
    raise_fd_limit(limits.max_connections);
    const int fd = listen_on(address, impl_->port);
    if (fd < 0)
        throw ListenError("cannot listen on " + address.host + ":" + std::to_string(address.port) +
                          " (the port is in use, or the address is not this machine's)");
    sockaddr_storage bound{};
    socklen_t len = sizeof bound;
    getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_TURBO | MHD_ALLOW_SUSPEND_RESUME;
    if (bound.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
    Impl* self = impl_.get();
    impl_->daemon = MHD_start_daemon(
        flags, 0, nullptr, nullptr, &Impl::on_request, self, MHD_OPTION_LISTEN_SOCKET, fd,
        MHD_OPTION_THREAD_POOL_SIZE, kIoThreads, MHD_OPTION_CONNECTION_LIMIT, limits.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, limits.max_connections_per_client, MHD_OPTION_CONNECTION_TIMEOUT,
        limits.idle_timeout_s, MHD_OPTION_CONNECTION_MEMORY_LIMIT, limits.max_header_bytes,
        MHD_OPTION_NOTIFY_CONNECTION, &Impl::on_connection, self, MHD_OPTION_NOTIFY_COMPLETED,
        &Impl::on_completed, self, MHD_OPTION_URI_LOG_CALLBACK, &Impl::on_uri, self, MHD_OPTION_END);
    if (!impl_->daemon) {
        close(fd);
        throw ListenError("cannot serve on " + address.host + ":" + std::to_string(impl_->port) +
                          " (libmicrohttpd did not start)");
    }
    impl_->watchdog = std::thread([self] { self->watch(); });
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i)
        impl_->workers.emplace_back([self] { self->work(); });
}

HttpTransport::~HttpTransport() {
    // Workers first: they finish what is queued and resume those connections
    // (MHD must not stop with a connection suspended); later requests get 503.
    {
        std::lock_guard lock(impl_->jobs_mutex);
        impl_->closing = true;
    }
    impl_->jobs_ready.notify_all();
    for (auto& worker : impl_->workers) worker.join();
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    impl_->watchdog.join();
    MHD_stop_daemon(impl_->daemon);
}

int HttpTransport::port() const { return impl_->port; }

} // namespace hemeroteca::search::server
