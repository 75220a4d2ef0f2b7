// Xapian's own distributed search, for tests: shards served by the stock
// xapian-tcpsrv on free loopback ports, and a stub file that opens them as
// one database. Each server runs in a session of its own (setsid): xapian-tcpsrv
// answers SIGTERM by signalling its whole process group.
#pragma once

#include "support/process.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace hemeroteca::test {

// The folders of the shards of a sharded database (its XAPIANDB stub's lines).
std::vector<std::filesystem::path> local_shards(const std::filesystem::path& sharded_db);

// A free TCP port on 127.0.0.1 (bound and released; a race is unlikely in tests).
int free_port();

// Blocks until something accepts TCP connections on 127.0.0.1:port; false after `seconds`.
bool wait_for_port(int port, double seconds);

class TcpShards {
public:
    // Starts one xapian-tcpsrv per shard folder (read-only, or --writable) and
    // writes `stub` with one `remote 127.0.0.1:PORT` line each (idle_timeout_ms: the
    // servers close connections idle that long; 0: xapian-tcpsrv's default). Throws when a
    // server does not come up. Skips (exit 77) when xapian-tcpsrv is absent.
    TcpShards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& stub,
              bool writable = false, int idle_timeout_ms = 0);
    // Stops every server (SIGTERM to its own process group, then waits).
    ~TcpShards();
    TcpShards(const TcpShards&) = delete;
    TcpShards& operator=(const TcpShards&) = delete;

    const std::vector<int>& ports() const { return ports_; }

private:
    std::vector<std::unique_ptr<Process>> servers_;
    std::vector<int> ports_;
};

// Skips the test (exit 77, with the reason) when a program is not installed.
void require_program(const std::string& path);

} // namespace hemeroteca::test
