#include "options.h"

#include <set>

namespace hemeroteca::indexer {

namespace {
const std::set<std::string>& mappable_fields() {
    static const std::set<std::string> fields = {"url",    "title", "date", "author", "section",
                                                 "source", "text",  "html", "lang",   "id"};
    return fields;
}
} // namespace

void add_options(CLI::App& app, IndexOptions& o) {
    // A later option overrides an earlier one, as in most Unix tools.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("inputs", o.inputs, "HTML pages (.html, .htm), JSON Lines (.jsonl) and folders of them")
        ->required()
        ->check(CLI::ExistingPath);
    app.add_option("--db", o.db, "The database to create or update (or set HEMEROTECA_DB)")
        ->envname("HEMEROTECA_DB")
        ->capture_default_str();
    app.add_option("--url", o.url, "The URL of the page given (when indexing one page)");
    app.add_flag("--dry-run", o.dry_run, "Extract and print the articles; write nothing");
    app.add_flag("--json", o.json, "With --dry-run: print one JSON object per article");
    app.add_flag("--explain", o.explain, "With --dry-run --json: say where each field came from");
    app.add_flag("--all-pages", o.keep_non_articles, "Index front pages and section indexes too");
    app.add_option("--commit-every", o.commit_every, "Commit after this many articles")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--field", o.field_specs,
                   "Read an article field from another JSON Lines key, e.g. --field section=topic")
        ->check([](const std::string& value) -> std::string {
            const auto eq = value.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == value.size())
                return "expected FIELD=KEY, e.g. section=topic";
            if (!mappable_fields().count(value.substr(0, eq)))
                return "unknown field '" + value.substr(0, eq) +
                       "' (url, title, date, author, section, source, text, html, lang, id)";
            return {};
        })
        ->delimiter(',')
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_flag("-v,--verbose", o.verbose, "Print a line per input");
    app.add_flag("-q,--quiet", o.quiet, "Print only errors");
}

std::map<std::string, std::string> field_map(const IndexOptions& o) {
    std::map<std::string, std::string> out;
    for (const auto& spec : o.field_specs) {
        const auto eq = spec.find('=');
        out[spec.substr(0, eq)] = spec.substr(eq + 1);
    }
    return out;
}

} // namespace hemeroteca::indexer
