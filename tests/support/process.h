// A real program started in the background, for tests that signal or kill it
// in the middle of its work.
#pragma once

#include "support/run.h"
#include "support/temp_dir.h"

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace hemeroteca::test {

class Process {
public:
    // Starts argv[0] (no shell); stdout and stderr go to temporary files.
    explicit Process(const std::vector<std::string>& argv);
    // Kills (SIGKILL) and reaps the process if it is still running.
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    void signal(int sig);
    // True while it has not exited.
    bool running();
    // Waits for the exit; the exit code (128+signal when killed) and the output.
    RunResult wait();

private:
    TempDir tmp_;
    pid_t pid_ = -1;
    std::optional<int> status_;
};

} // namespace hemeroteca::test
