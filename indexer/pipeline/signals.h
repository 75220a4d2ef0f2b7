// SIGINT/SIGTERM: stop reading new input, finish the batch in flight, commit,
// print the summary and exit. The handler sets one sig_atomic_t flag (the
// only process-wide state of the indexer: a signal handler can do nothing
// else safely); everything else polls it. The handler is reset after the
// first signal, so a second Ctrl-C kills at once (the database still holds
// its last commit).
#pragma once

namespace hemeroteca::indexer {

// Installs the handlers (idempotent).
void install_stop_handlers();
// The signal received (SIGINT, SIGTERM), 0 when none.
int stop_signal();

} // namespace hemeroteca::indexer
