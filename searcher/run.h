// One search from the command line.
#pragma once

#include "options.h"

namespace hemeroteca::search {

// Documented in README.md ("Exit codes").
enum ExitCode : int {
    exit_found = 0,
    exit_no_match = 1,
    exit_usage = 2,    // bad command line, parameter or query syntax
    exit_database = 3, // the database cannot be opened
    exit_internal = 4,
    exit_listen = 5,     // serve: the address cannot be listened on
    exit_too_costly = 6, // the query is over a limit of "Query limits" (words, phrase, wildcard, time)
};

int run_search(const SearchOptions& options);

} // namespace hemeroteca::search
