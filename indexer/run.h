// One indexing run: inputs -> articles -> the database (or, with --dry-run, stdout).
// The sources read on the calling thread; extraction runs on `--jobs` worker
// threads; one writer thread stores the results. Bounded queues between them.
#pragma once

#include "options.h"

namespace hemeroteca::indexer {

// Documented in README.md ("Exit codes").
enum ExitCode : int {
    exit_ok = 0,
    exit_some_failed = 1,   // some inputs failed; the others were indexed
    exit_usage = 2,         // bad command line
    exit_database = 3,      // the database cannot be opened or written (e.g. locked)
    exit_internal = 4,      // an unexpected error
    exit_interrupted = 130, // stopped by SIGINT/SIGTERM (what was read is committed)
};

int run_index(const IndexOptions& options);

} // namespace hemeroteca::indexer
