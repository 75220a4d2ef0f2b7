// hemeroteca-index's options, parsed once at the edge (CLI11).
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

namespace hemeroteca::indexer {

struct IndexOptions {
    std::string db = "hemeroteca.db";
    std::vector<std::string> inputs;
    std::string url;                      // the URL of a single page given on the command line
    bool dry_run = false;                 // extract and print, write nothing
    bool json = false;                    // with --dry-run: one JSON object per article
    bool explain = false;                 // with --dry-run --json: where each field came from
    bool keep_non_articles = false;       // index front pages and section indexes too
    std::size_t commit_every = 2000;      // articles per commit
    std::vector<std::string> field_specs; // "section=topic": article field = JSON Lines key
    bool verbose = false;
    bool quiet = false;
};

// Declares the options on `app`, bound to `options`.
void add_options(CLI::App& app, IndexOptions& options);

// --field specs as a map: article field -> JSON Lines key.
std::map<std::string, std::string> field_map(const IndexOptions& options);

} // namespace hemeroteca::indexer
