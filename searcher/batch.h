// Batch mode (--queries FILE): many queries, one open database, JSON Lines out.
// Each input line is a query, or a JSON object {"id", "query", "limit",
// "offset", the filters of request.h ("from", "to", "section", "source",
// "author", "lang"), "sort", "facets", "collapse", "exact_boost", "like"},
// validated as the terminal's options are. Blank lines and lines starting with
// "#" are skipped (comments). Each output line is the query's results_json()
// plus "id" and "line"; a line that fails (a bad field, a query that means
// nothing) gives {"line", "id", "error"}.
#pragma once

#include "search.h"

#include <istream>
#include <ostream>

namespace hemeroteca::search {

// Returns the number of lines that failed.
std::size_t run_batch(Searcher& searcher, const SearchRequest& defaults, std::istream& in, std::ostream& out);

} // namespace hemeroteca::search
