// Run a real binary (the project's programs) and capture what it prints.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace hemeroteca::test {

struct RunResult {
    int exit_code = -1; // the exit status, or 128+signal when killed by a signal
    std::string out;
    std::string err;
};

// Runs argv[0] with the given arguments in the current environment, changed by
// `env`: "NAME=value" sets NAME (replacing the inherited value), a bare "NAME"
// removes it. Never goes through a shell.
RunResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

// Paths of the built programs.
std::string index_bin();
std::string search_bin();

} // namespace hemeroteca::test
