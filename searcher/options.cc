#include "options.h"

#include <array>
#include <cstdlib>
#include <map>

namespace hemeroteca::search {

namespace {
// Help and errors in people's words for an option whose value is one of
// `choices`: "--color auto|always|never=auto" and "bogus not in {always,auto,never}"
// instead of CLI11's enum mapping ("ENUM:value in {always->1,...} OR {1,0,2}").
// The option's one validator is its CheckedTransformer; transform() puts the
// name check before it, so the check sees what was typed.
template <class Choices> void name_the_choices(CLI::Option* option, const Choices& choices,
                                               const std::string& names, const std::string& default_name) {
    option->get_validator(0)->description("");
    option->transform(CLI::IsMember(choices, CLI::ignore_case).description(""))
        ->type_name(names)
        ->default_str(default_name);
}
} // namespace

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
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->default_str("hemeroteca.db");
    app.add_flag("--json", o.json, "Print one JSON object");
    app.add_option("-n,--limit", r.limit, "How many results")
        ->check(CLI::Range(std::size_t{1}, kMaxLimit))
        ->capture_default_str();
    app.add_option("--offset", r.offset, "Skip this many results (for paging)")->capture_default_str();
    const std::map<std::string, ColorMode> modes = {
        {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
    app.add_option("--color", o.color, "Colour: auto (on a terminal, unless NO_COLOR), always, never")
        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case));

    auto* filters = app.add_option_group("Filters");
    static constexpr std::array<std::pair<Filter, const char*>, kFilters.size()> kHelp = {{
        {Filter::from, "Published on or after: 2024, 2024-06, 2024-06-15, marzo-2004"},
        {Filter::to, "Published on or before (a year or month counts whole)"},
        {Filter::section, "Only this section (case, accents and spaces ignored)"},
        {Filter::source, "Only this outlet (case, accents and spaces ignored)"},
        {Filter::author, "Only this author (case, accents and spaces ignored)"},
        {Filter::lang, "Only this language (es, en, pt...)"},
    }};
    for (const auto& [filter, help] : kHelp)
        filters->add_option("--" + std::string(name(filter)),
                            r.filters.*kFilters[static_cast<std::size_t>(filter)].field, help);

    std::map<std::string, Sort> sorts;
    for (const auto& [n, s] : kSorts) sorts.emplace(n, s);
    app.add_option("--sort", r.sort, sort_names(", ") + " (relevance is the default; undated articles last)")
        ->transform(CLI::CheckedTransformer(sorts, CLI::ignore_case));
    app.add_option("--half-life", r.half_life_days, "With --sort mixed: days for recency's lift to halve")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_flag("--facets", r.facets, "Count the matches by year, section, outlet, author and language");
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
        ->check(CLI::Range(0.0, kMaxExactBoost))
        ->capture_default_str();
    app.add_option("--queries", o.queries_file, "Batch: one query a line (or JSON Lines); JSON Lines out")
        ->check(CLI::ExistingFile);
    app.add_option("--synonyms", o.synonyms_file,
                   "A synonyms file (A = B = C per line) instead of the default list")
        ->check(CLI::ExistingFile);
    app.add_flag("--no-synonyms", o.no_synonyms, "Do not expand synonyms and acronyms");

    name_the_choices(app.get_option("--color"), modes, "auto|always|never", "auto");
    name_the_choices(app.get_option("--sort"), sorts, "relevance|newest|oldest|mixed", "relevance");
    add_query_limit_options(app, r.cost);
}

void add_query_limit_options(CLI::App& app, QueryLimits& limits) {
    auto* group = app.add_option_group("Query limits");
    group
        ->add_option("--max-wildcard", limits.max_wildcard_words,
                     "Words one wildcard (corrup*) may stand for; more is an error")
        ->check(CLI::Range(1u, 1000000u))
        ->capture_default_str();
    group->add_option("--max-words", limits.max_words, "Words in a query at most")
        ->check(CLI::Range(1u, 100000u))
        ->capture_default_str();
    group->add_option("--max-phrase", limits.max_phrase_words, "Words in one \"phrase\" at most")
        ->check(CLI::Range(1u, 100000u))
        ->capture_default_str();
    group->add_option("--time-limit", limits.time_limit_s, "Seconds one search may take (0: no limit)")
        ->check(CLI::Range(0.0, 3600.0))
        ->capture_default_str();
}

std::vector<std::string> database_paths(const SearchOptions& o) {
    if (!o.dbs.empty()) return o.dbs;
    if (const char* env = std::getenv("HEMEROTECA_DB"); env && *env) return {env};
    return {"hemeroteca.db"};
}

} // namespace hemeroteca::search
