#include "options.h"

#include "schema.h"
#include "util/hash.h"

#include <set>

namespace hemeroteca::indexer {

namespace {
const std::set<std::string>& mappable_fields() {
    static const std::set<std::string> fields = {"url",    "title", "date", "author", "section",
                                                 "source", "text",  "html", "lang",   "id"};
    return fields;
}
} // namespace

static void add_fetch_options(CLI::App& app, FetchOptions& f) {
    auto* g = app.add_option_group("Fetching", "Fetch pages over HTTP (robots.txt honoured)");
    g->add_option("--urls", f.urls_file, "Fetch and index the URLs in this file (one a line)")
        ->check(CLI::ExistingFile);
    g->add_option("--sitemap", f.sitemaps,
                  "Fetch and index the pages of a sitemap, sitemap index or news sitemap")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    g->add_option("--warc-out", f.warc_out,
                  "Also archive every fetched response in this WARC file (.warc or .warc.gz)");
    g->add_option("--concurrency", f.concurrency, "Transfers at once (at most one per host)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    g->add_option("--host-delay", f.host_delay, "Seconds between two requests to the same host")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    g->add_option("--timeout", f.timeout, "Seconds allowed for one transfer")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    g->add_option("--max-page-mb", f.max_page_mb, "Abandon responses larger than this")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    g->add_option("--retries", f.retries, "Retries after a 5xx or a timeout (never after a 4xx)")
        ->capture_default_str();
    g->add_option("--retry-delay", f.retry_delay, "Seconds before the first retry (doubled each time)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    g->add_option("--max-sitemaps", f.max_sitemaps, "Fetch at most this many sitemaps and sitemap indexes")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    g->add_option("--max-sitemap-depth", f.max_sitemap_depth, "Follow sitemap indexes this deep")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    g->add_option("--user-agent", f.user_agent, "The User-Agent header (default: hemeroteca-index/VERSION)");
}

void add_options(CLI::App& app, IndexOptions& o) {
    // A later option overrides an earlier one, as in most Unix tools.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("inputs", o.inputs,
                   "HTML pages (.html, .htm), JSON Lines (.jsonl), WARC files (.warc), any of them gzipped "
                   "(.gz), and folders of them")
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
    app.add_option("--commit-mb", o.commit_mb, "...or after this many MB of input")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("-j,--jobs", o.jobs, "Extraction threads (default: one per core)");
    app.add_flag("--prune", o.prune, "Remove the articles of input files that no longer exist");
    app.add_option("--max-text-kb", o.max_text_kb, "Cut an article's text at this many KB (said with -v)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--max-words", o.max_words, "...and after this many distinct words")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    auto* sharding =
        app.add_option_group("Sharding", "One database as several (Xapian's own multi-database)");
    sharding
        ->add_option("--shards", o.shards,
                     "Create --db as a folder of N shards searched as one (copies of a story share a shard)")
        ->check(CLI::Range(1, 256));
    sharding
        ->add_option("--split-from", o.split_from,
                     "Copy every article of this database into the new sharded --db (with --shards)")
        ->check(CLI::ExistingDirectory);
    add_fetch_options(app, o.fetch);
    app.callback([&o] {
        if (!o.split_from.empty() && o.shards == 0)
            throw CLI::ValidationError("--split-from", "needs --shards N (how many shards to split into)");
        if (o.inputs.empty() && !o.fetch.enabled() && o.split_from.empty())
            throw CLI::RequiredError("inputs (files or folders), --urls or --sitemap");
    });
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

std::string options_digest(const IndexOptions& o) {
    util::Fnv1a64 h;
    h.field(schema::schema_version).field(o.url).field(o.keep_non_articles ? "all-pages" : "articles");
    for (const auto& [field, key] : field_map(o)) h.field(field).field(key);
    if (o.max_text_kb != IndexOptions{}.max_text_kb || o.max_words != IndexOptions{}.max_words)
        h.field(std::to_string(o.max_text_kb)).field(std::to_string(o.max_words)); // the defaults: as before
    return h.hex();
}

} // namespace hemeroteca::indexer
