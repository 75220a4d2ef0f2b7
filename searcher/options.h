// hemeroteca-search's options, parsed once at the edge (CLI11).
#pragma once

#include "render/terminal.h"
#include "search.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace hemeroteca::search {

struct SearchOptions {
    std::vector<std::string> dbs; // searched as one
    std::vector<std::string> query_words;
    SearchRequest request; // limit, offset, filters, sort, facets, collapse, explain, like
    bool json = false;
    ColorMode color = ColorMode::automatic;
    std::string versions_of;  // --versions URL|ID: list the copies of that story
    bool timeline = false;    // --timeline: the matches by year, month or day
    std::string show;         // show URL|ID: one article in full
    std::string queries_file; // --queries FILE: batch mode, JSON Lines out
    std::string synonyms_file;
    bool no_synonyms = false;

    std::string query() const; // the words joined with spaces
};

void add_options(CLI::App& app, SearchOptions& options);

// The "Query limits" options, shared by searching and `serve`.
void add_query_limit_options(CLI::App& app, QueryLimits& limits);

// --db given, else $HEMEROTECA_DB, else ./hemeroteca.db.
std::vector<std::string> database_paths(const SearchOptions& options);

} // namespace hemeroteca::search
