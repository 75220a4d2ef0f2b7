#include "support/http_server.h"

#include <stdexcept>

namespace hemeroteca::test {

LocalHttpServer::LocalHttpServer() {
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
        std::lock_guard lock(mutex_);
        ++counts_[req.path];
        user_agent_ = req.get_header_value("User-Agent");
        return httplib::Server::HandlerResponse::Unhandled;
    });
}

void LocalHttpServer::start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind a port on 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
}

LocalHttpServer::~LocalHttpServer() {
    stopping_ = true;
    server_.stop();
    if (thread_.joinable()) thread_.join();
}

int LocalHttpServer::requests(const std::string& path) const {
    std::lock_guard lock(mutex_);
    const auto it = counts_.find(path);
    return it == counts_.end() ? 0 : it->second;
}

std::string LocalHttpServer::last_user_agent() const {
    std::lock_guard lock(mutex_);
    return user_agent_;
}

} // namespace hemeroteca::test
