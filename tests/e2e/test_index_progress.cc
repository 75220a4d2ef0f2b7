// The progress bar: drawn on a terminal only, never into files or with --quiet.
#include "support/cli.h"
#include "support/temp_dir.h"
#include "support/terminal.h"
#include "support/warc_fixture.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace hemeroteca::test;

namespace {

// Runs argv with stderr on a pseudo-terminal; returns what it wrote there.
std::string run_on_terminal(const std::vector<std::string>& argv) {
    int master = -1, slave = -1;
    REQUIRE(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, slave, 2);
    posix_spawn_file_actions_addclose(&actions, master);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    close(slave);
    std::string out;
    char buf[4096];
    while (true) { // read until the child closes the terminal (EIO on Linux)
        pollfd p{master, POLLIN, 0};
        if (poll(&p, 1, 20000) <= 0) break;
        const ssize_t n = read(master, buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    close(master);
    int status = 0;
    waitpid(pid, &status, 0);
    return out;
}

} // namespace

TEST_CASE("a progress bar on a terminal, none in a file or with --quiet", "[e2e][index][progress]") {
    require_pseudo_terminal();
    TempDir tmp;
    std::string lines;
    for (int i = 0; i < 3000; ++i)
        lines += "{\"url\": \"https://p.example/" + std::to_string(i) + "\", \"title\": \"Nota " +
                 std::to_string(i) +
                 "\", \"text\": \"Texto de la nota sobre el puerto y la ciudad, con algo de contenido.\"}\n";
    write_file(tmp / "notas.jsonl", lines);
    const std::string input = (tmp / "notas.jsonl").string();

    const std::string tty = run_on_terminal({index_bin(), "--db", (tmp / "a").string(), input});
    INFO(tty);
    CHECK(tty.find("\r\033[K[") != std::string::npos); // a bar, redrawn in place
    CHECK(tty.find(" articles ") != std::string::npos);
    CHECK(tty.find("MB/s") != std::string::npos);
    CHECK(tty.find("3000 indexed") != std::string::npos); // the summary, on a line of its own

    const std::string quiet = run_on_terminal({index_bin(), "--db", (tmp / "b").string(), "--quiet", input});
    CHECK(quiet.find("articles") == std::string::npos);

    const auto piped = index(tmp / "c", {input});
    CHECK(piped.err.find('\r') == std::string::npos);
    CHECK(piped.err.find("3000 indexed") != std::string::npos);
}
