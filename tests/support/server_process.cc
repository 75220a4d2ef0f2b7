#include "support/server_process.h"

#include "support/http_client.h"
#include "support/run.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace hemeroteca::test {

namespace {

using namespace std::chrono_literals;

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The exit status once the process ended within the time, else -1.
int wait_exit(pid_t pid, std::chrono::milliseconds within) {
    const auto deadline = std::chrono::steady_clock::now() + within;
    int status = 0;
    do {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::this_thread::sleep_for(10ms);
    } while (std::chrono::steady_clock::now() < deadline);
    return -1;
}

} // namespace

ServerProcess::ServerProcess(const std::filesystem::path& db, const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {search_bin(), "serve", "--db", db.string(), "--listen", "127.0.0.1:0"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, (tmp_ / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, (tmp_ / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(rc));

    const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+)/)");
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    std::smatch m;
    while (std::chrono::steady_clock::now() < deadline) {
        const std::string out = slurp(tmp_ / "out");
        if (port_ == 0 && std::regex_search(out, m, listening)) port_ = std::stoi(m[1]);
        if (port_ != 0 && http_get(url("/api/health")).status == 200) return;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("the server exited at start: " + errors());
        }
        std::this_thread::sleep_for(20ms);
    }
    stop();
    throw std::runtime_error("the server did not answer /api/health within 30 s: " + errors());
}

ServerProcess::~ServerProcess() { stop(); }

int ServerProcess::stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = wait_exit(pid_, 5000ms);
    if (status < 0) {
        kill(pid_, SIGKILL);
        status = wait_exit(pid_, 5000ms);
    }
    pid_ = -1;
    return status;
}

std::string ServerProcess::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::string ServerProcess::errors() const { return slurp(tmp_ / "err"); }

} // namespace hemeroteca::test
