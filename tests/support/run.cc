#include "support/run.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "support/temp_dir.h"

extern char** environ;

namespace hemeroteca::test {

namespace {
std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
} // namespace

RunResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    TempDir tmp;
    const auto out_path = tmp / "out";
    const auto err_path = tmp / "err";

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    // The inherited variables that `env` does not name, then `env`'s settings.
    // (An inherited duplicate would win in a shell: script(1) runs one.)
    const auto name_of = [](std::string_view entry) { return entry.substr(0, entry.find('=')); };
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        const bool named = std::any_of(env.begin(), env.end(),
                                       [&](const std::string& s) { return name_of(s) == name_of(*e); });
        if (!named) env_strings.emplace_back(*e);
    }
    for (const auto& s : env)
        if (s.find('=') != std::string::npos) env_strings.push_back(s);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(rc));

    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = slurp(out_path);
    result.err = slurp(err_path);
    return result;
}

std::string index_bin() { return HEMEROTECA_INDEX_BIN; }
std::string search_bin() { return HEMEROTECA_SEARCH_BIN; }

} // namespace hemeroteca::test
