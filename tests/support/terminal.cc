#include "support/terminal.h"

#include <pty.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace hemeroteca::test {

void require_pseudo_terminal() {
    int master = -1, slave = -1;
    if (openpty(&master, &slave, nullptr, nullptr, nullptr) == 0) {
        close(master);
        close(slave);
        return;
    }
    std::fprintf(stderr, "SKIPPED: no pseudo-terminal can be opened here (openpty: %s)\n",
                 std::strerror(errno));
    std::fflush(stderr);
    std::_Exit(77);
}

} // namespace hemeroteca::test
