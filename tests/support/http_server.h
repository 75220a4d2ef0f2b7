// A local HTTP server (cpp-httplib) for fetch tests: it listens on
// 127.0.0.1 on a free port, in a thread of the test process, and counts the
// requests per path. Tests never fetch from anywhere else.
#pragma once

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace hemeroteca::test {

class LocalHttpServer {
public:
    LocalHttpServer();
    ~LocalHttpServer(); // stops the server and joins its thread

    // Register routes before start().
    httplib::Server& routes() { return server_; }
    void start();

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    int requests(const std::string& path) const;
    std::string last_user_agent() const;
    // True once the test is tearing down (slow handlers should return).
    bool stopping() const { return stopping_; }

private:
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::map<std::string, int> counts_;
    std::string user_agent_;
};

} // namespace hemeroteca::test
