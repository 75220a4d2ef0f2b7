// hemeroteca-search's options, parsed once at the edge (CLI11).
#pragma once

#include "render/terminal.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace hemeroteca::search {

struct SearchOptions {
    std::vector<std::string> dbs;       // searched as one
    std::vector<std::string> query_words;
    bool json = false;
    std::size_t limit = 10;
    std::size_t offset = 0;
    ColorMode color = ColorMode::automatic;

    std::string query() const; // the words joined with spaces
};

void add_options(CLI::App& app, SearchOptions& options);

// --db given, else $HEMEROTECA_DB, else ./hemeroteca.db.
std::vector<std::string> database_paths(const SearchOptions& options);

} // namespace hemeroteca::search
