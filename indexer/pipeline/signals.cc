#include "pipeline/signals.h"

#include <csignal>

namespace hemeroteca::indexer {

namespace {
volatile std::sig_atomic_t received = 0; // set by the handler only

extern "C" void on_stop_signal(int sig) { received = sig; }
} // namespace

void install_stop_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND; // a second signal gets the default action
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

int stop_signal() { return received; }

} // namespace hemeroteca::indexer
