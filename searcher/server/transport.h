// The HTTP transport: libmicrohttpd (Debian's libmicrohttpd-dev) turning
// bytes on sockets into Requests and Responses into bytes. Event-driven: two
// I/O threads run epoll loops over every connection, so slow or idle clients
// cost a socket and a few KB, never a thread; a complete GET/HEAD request is
// handed to one of `threads` workers (its connection suspended meanwhile),
// which runs the handler and resumes it. A streamed body's pieces are made on
// the I/O threads, so each must be quick. A connection whose
// request line and headers do not arrive within Limits::header_timeout_s is
// closed, however slowly they trickle in; one that sends and receives nothing
// for idle_timeout_s too; connections are capped in all and per client
// address; a request body beyond max_payload_bytes is 413; Range is ignored
// (answers are whole, 200). The handler runs on the workers (and, for methods
// other than GET and HEAD, which need no search, on the I/O threads).
#pragma once

#include "server/http_message.h"
#include "server/server_options.h"

#include <functional>
#include <memory>

namespace hemeroteca::search::server {

using RequestHandler = std::function<Response(const Request&)>;

class HttpTransport {
public:
    // Binds and starts serving at once. Throws ListenError.
    HttpTransport(const ListenAddress& address, std::size_t threads, const Limits& limits,
                  RequestHandler handler);
    ~HttpTransport(); // stops: closes the listening socket and every connection
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;

    int port() const; // the bound port (the OS's choice for port 0)

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace hemeroteca::search::server
