#include "support/process.h"

#include "support/warc_fixture.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstring>
#include <stdexcept>

extern char** environ;

namespace hemeroteca::test {

Process::Process(const std::vector<std::string>& argv) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, (tmp_ / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, (tmp_ / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(rc));
}

Process::~Process() {
    if (running()) {
        ::kill(pid_, SIGKILL);
        wait();
    }
}

void Process::signal(int sig) { ::kill(pid_, sig); }

bool Process::running() {
    if (status_) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) status_ = status;
    return !status_;
}

RunResult Process::wait() {
    if (!status_) {
        int status = 0;
        while (waitpid(pid_, &status, 0) < 0) {
        }
        status_ = status;
    }
    RunResult r;
    r.exit_code = WIFEXITED(*status_) ? WEXITSTATUS(*status_) : 128 + WTERMSIG(*status_);
    r.out = slurp_file(tmp_ / "out");
    r.err = slurp_file(tmp_ / "err");
    return r;
}

} // namespace hemeroteca::test
