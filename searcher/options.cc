#include "options.h"

#include <cstdlib>
#include <map>

namespace hemeroteca::search {

std::string SearchOptions::query() const {
    std::string q;
    for (const auto& w : query_words) {
        if (!q.empty()) q += ' ';
        q += w;
    }
    return q;
}

void add_options(CLI::App& app, SearchOptions& o) {
    // A later option overrides an earlier one, as in most Unix tools.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("query", o.query_words, "The query (see README: words, \"phrases\", AND/OR/NOT, -word, titulo:...)")
        ->required();
    app.add_option("--db", o.dbs, "A database to search (repeat to search several as one; or set HEMEROTECA_DB)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_flag("--json", o.json, "Print one JSON object");
    app.add_option("-n,--limit", o.limit, "How many results")->check(CLI::Range(1, 10000))->capture_default_str();
    app.add_option("--offset", o.offset, "Skip this many results (for paging)")->capture_default_str();
    const std::map<std::string, ColorMode> modes = {
        {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
    app.add_option("--color", o.color, "Colour: auto (on a terminal, unless NO_COLOR), always, never")
        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case));
}

std::vector<std::string> database_paths(const SearchOptions& o) {
    if (!o.dbs.empty()) return o.dbs;
    if (const char* env = std::getenv("HEMEROTECA_DB"); env && *env) return {env};
    return {"hemeroteca.db"};
}

} // namespace hemeroteca::search
