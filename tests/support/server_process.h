// `hemeroteca-search serve` as a child process on a free loopback port (the OS
// picks it: --listen 127.0.0.1:0, read back from the "listening on" line).
// The constructor returns once /api/health answers; the destructor stops the
// server (SIGTERM, then SIGKILL) and reaps it.
#pragma once

#include "support/temp_dir.h"

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace hemeroteca::test {

class ServerProcess {
public:
    explicit ServerProcess(const std::filesystem::path& db, const std::vector<std::string>& extra = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    // "http://127.0.0.1:PORT" + path.
    std::string url(const std::string& path) const;
    // What the server printed on stderr so far (for failure messages).
    std::string errors() const;
    // SIGTERM, then SIGKILL after 5 s; returns the exit status (128+signal when
    // killed), or -1 when already stopped.
    int stop();

private:
    TempDir tmp_;
    pid_t pid_ = -1;
    int port_ = 0;
};

} // namespace hemeroteca::test
