// hemeroteca-index's options, parsed once at the edge (CLI11).
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

namespace hemeroteca::indexer {

// Fetching pages over HTTP (--urls, --sitemap).
struct FetchOptions {
    std::string urls_file;             // one URL a line ("-" for stdin)
    std::vector<std::string> sitemaps; // sitemap, sitemap index or Google News sitemap URLs
    std::string warc_out;              // every response is also archived here (.warc or .warc.gz)
    std::size_t concurrency = 8;       // transfers at once (one per host at a time)
    double host_delay = 1.0;           // seconds between two requests to the same host
    double timeout = 30.0;             // seconds for a whole transfer
    double connect_timeout = 10.0;     // seconds to connect
    std::size_t max_page_mb = 10;      // larger responses are abandoned
    std::size_t retries = 3;           // on 5xx and timeouts, never on 4xx
    double retry_delay = 1.0;          // seconds before the first retry, doubled each time
    std::string user_agent;            // default: "hemeroteca-index/VERSION (+project URL)"
    std::size_t max_sitemaps = 1000;   // sitemaps (and sitemap indexes) fetched in one run
    std::size_t max_sitemap_depth = 3; // sitemap indexes inside one another

    bool enabled() const { return !urls_file.empty() || !sitemaps.empty(); }
};

struct IndexOptions {
    std::string db = "hemeroteca.db";
    std::vector<std::string> inputs;
    std::string url;                      // the URL of a single page given on the command line
    bool dry_run = false;                 // extract and print, write nothing
    bool json = false;                    // with --dry-run: one JSON object per article
    bool explain = false;                 // with --dry-run --json: where each field came from
    bool keep_non_articles = false;       // index front pages and section indexes too
    std::size_t commit_every = 2000;      // articles per commit...
    std::size_t commit_mb = 256;          // ...or MB of input per commit
    std::size_t jobs = 0;                 // extraction threads; 0 = one per core
    bool prune = false;                   // remove articles whose input file is gone
    unsigned shards = 0;                  // create --db as a folder of this many shards (0: as it is)
    std::string split_from;               // copy this database's articles into the new --db first
    std::vector<std::string> field_specs; // "section=topic": article field = JSON Lines key
    std::size_t max_text_kb = 1024;       // an article's text is cut at this length...
    std::size_t max_words = 100000;       // ...and at this many distinct words
    FetchOptions fetch;
    bool verbose = false;
    bool quiet = false;
};

// Declares the options on `app`, bound to `options`.
void add_options(CLI::App& app, IndexOptions& options);

// --field specs as a map: article field -> JSON Lines key.
std::map<std::string, std::string> field_map(const IndexOptions& options);

// A digest of the options that change what a file yields (a file indexed
// with other options is read again even when it has not changed).
std::string options_digest(const IndexOptions& options);

} // namespace hemeroteca::indexer
