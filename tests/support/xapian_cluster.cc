#include "support/xapian_cluster.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace hemeroteca::test {

namespace fs = std::filesystem;

std::vector<fs::path> local_shards(const fs::path& sharded_db) {
    std::ifstream in(sharded_db / "XAPIANDB");
    if (!in) throw std::runtime_error("no stub in " + sharded_db.string());
    std::vector<fs::path> out;
    std::string kind, path;
    while (in >> kind >> path) out.push_back(sharded_db / path);
    return out;
}

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

} // namespace

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in addr = loopback(0);
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot bind a port on 127.0.0.1");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool wait_for_port(int port, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr = loopback(port);
        const bool up = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        if (fd >= 0) ::close(fd);
        if (up) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

void require_program(const std::string& path) {
    if (::access(path.c_str(), X_OK) == 0) return;
    std::fprintf(stderr, "SKIPPED: %s is not installed (Debian package xapian-tools)\n", path.c_str());
    std::fflush(stderr);
    std::_Exit(77);
}

TcpShards::TcpShards(const std::vector<fs::path>& shards, const fs::path& stub, bool writable,
                     int idle_timeout_ms) {
    require_program("/usr/bin/xapian-tcpsrv");
    std::ostringstream lines;
    for (const auto& shard : shards) {
        const int port = free_port();
        std::vector<std::string> argv = {"/usr/bin/setsid", "/usr/bin/xapian-tcpsrv",
                                         "--interface",     "127.0.0.1",
                                         "--port",          std::to_string(port)};
        if (writable) argv.push_back("--writable");
        if (idle_timeout_ms > 0) {
            argv.push_back("--idle-timeout");
            argv.push_back(std::to_string(idle_timeout_ms));
        }
        argv.push_back(shard.string());
        servers_.push_back(std::make_unique<Process>(argv));
        ports_.push_back(port);
        if (!wait_for_port(port, 10)) {
            const auto r = servers_.back()->running() ? RunResult{} : servers_.back()->wait();
            throw std::runtime_error("xapian-tcpsrv did not start on port " + std::to_string(port) + ": " +
                                     r.err);
        }
        lines << "remote 127.0.0.1:" << port << "\n";
    }
    std::ofstream(stub) << lines.str();
}

TcpShards::~TcpShards() {
    for (auto& server : servers_)
        if (server->running()) server->signal(SIGTERM);
    for (auto& server : servers_) server->wait();
}

} // namespace hemeroteca::test
