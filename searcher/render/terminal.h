// Results for a person at a terminal: colour on a TTY (NO_COLOR respected),
// plain **markers** otherwise.
#pragma once

#include "search.h"

#include <ostream>

namespace hemeroteca::search {

enum class ColorMode { automatic, always, never };

// Whether to colour, given the mode, whether stdout is a TTY and NO_COLOR / TERM.
bool use_color(ColorMode mode);

void print_results(std::ostream& out, const SearchResults& results, const SearchRequest& request,
                   const analysis::Analyzer& analyzer, bool color);

// The versions of one story (--versions URL).
void print_versions(std::ostream& out, const std::vector<Hit>& versions, bool color);

// One article in full (show ID|URL): headline, metadata, URL or stable id, text.
void print_article(std::ostream& out, const Article& article, std::size_t versions, bool color);

// --timeline: a bar per year, month or day, with its exact count.
void print_timeline(std::ostream& out, const Timeline& timeline, const std::string& query, bool color);

} // namespace hemeroteca::search
