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
    SearchRequest& r = o.request;
    app.add_option("query", o.query_words,
                   "The query (README: words, \"phrases\", AND/OR/NOT, -word, titulo:, fecha:...)");
    app.add_option("--db", o.dbs,
                   "A database to search (repeat to search several as one; or set HEMEROTECA_DB)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_flag("--json", o.json, "Print one JSON object");
    app.add_option("-n,--limit", r.limit, "How many results")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    app.add_option("--offset", r.offset, "Skip this many results (for paging)")->capture_default_str();
    const std::map<std::string, ColorMode> modes = {
        {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
    app.add_option("--color", o.color, "Colour: auto (on a terminal, unless NO_COLOR), always, never")
        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case));

    auto* filters = app.add_option_group("Filters");
    filters->add_option("--from", r.filters.from,
                        "Published on or after: 2024, 2024-06, 2024-06-15, marzo-2004");
    filters->add_option("--to", r.filters.to, "Published on or before (a year or month counts whole)");
    filters->add_option("--section", r.filters.section, "Only this section (accents and case ignored)");
    filters->add_option("--source", r.filters.source, "Only this outlet");
    filters->add_option("--author", r.filters.author, "Only this author");
    filters->add_option("--lang", r.filters.lang, "Only this language (es, en, pt...)");

    const std::map<std::string, Sort> sorts = {{"relevance", Sort::relevance},
                                               {"newest", Sort::newest},
                                               {"oldest", Sort::oldest},
                                               {"mixed", Sort::mixed}};
    app.add_option("--sort", r.sort, "relevance (default), newest, oldest (undated articles last), or mixed")
        ->transform(CLI::CheckedTransformer(sorts, CLI::ignore_case));
    app.add_option("--half-life", r.half_life_days, "With --sort mixed: days for recency's lift to halve")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_flag("--facets", r.facets, "Count the matches by year, section and outlet");
    app.add_flag(
        "--no-collapse", [&r](std::int64_t) { r.collapse = false; }, "Show every copy of syndicated stories");
    app.add_option("--versions", o.versions_of,
                   "List every version (syndicated copy) of the article with this URL or id");
    app.add_option("--like", r.like, "Articles about the same story as the article with this URL or id");
    app.add_flag("--timeline", o.timeline,
                 "Count the matches by year, month or day (a bar chart; --json: buckets)");
    app.add_flag("--explain", r.explain, "Show which terms matched each result, with their weights");
    app.add_option("--exact-boost", r.exact_boost,
                   "Extra weight of exact word forms over other stemmed forms (0: none)")
        ->check(CLI::Range(0.0, 10.0))
        ->capture_default_str();
    app.add_option("--queries", o.queries_file, "Batch: one query a line (or JSON Lines); JSON Lines out")
        ->check(CLI::ExistingFile);
    app.add_option("--synonyms", o.synonyms_file,
                   "A synonyms file (A = B = C per line) instead of the default list")
        ->check(CLI::ExistingFile);
    app.add_flag("--no-synonyms", o.no_synonyms, "Do not expand synonyms and acronyms");
}

std::vector<std::string> database_paths(const SearchOptions& o) {
    if (!o.dbs.empty()) return o.dbs;
    if (const char* env = std::getenv("HEMEROTECA_DB"); env && *env) return {env};
    return {"hemeroteca.db"};
}

} // namespace hemeroteca::search
