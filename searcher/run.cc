#include "run.h"

#include "article_json.h"
#include "render/json.h"
#include "render/terminal.h"
#include "search.h"

#include <iostream>

namespace hemeroteca::search {

int run_search(const SearchOptions& options) {
    Searcher searcher(database_paths(options));
    const SearchResults results = searcher.search({options.query(), options.offset, options.limit});
    if (options.json)
        std::cout << dump_json(results_json(results, searcher.analyzer()), 2) << '\n';
    else
        print_results(std::cout, results, searcher.analyzer(), use_color(options.color));
    return results.hits.empty() ? exit_no_match : exit_found;
}

} // namespace hemeroteca::search
