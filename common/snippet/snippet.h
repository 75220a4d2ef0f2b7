// Snippets: the best passage of a text for a query, with every matched form
// highlighted ("politica" highlights «políticas» and «POLÍTICA»). Matching uses
// the same Analyzer as the index, so what was found is what is highlighted.
#pragma once

#include "analysis/analyzer.h"

#include <string>
#include <string_view>

namespace hemeroteca::snippet {

struct Markup {
    std::string open;         // e.g. "<mark>", "\x1b[1;33m", "**"
    std::string close;        // e.g. "</mark>", "\x1b[0m", "**"
    bool escape_html = false; // escape the text (for HTML and JSON output)
    std::string ellipsis = "…";
};

struct SnippetOptions {
    std::size_t max_bytes = 300; // length of the passage, in bytes of the source text
    Markup markup;
};

// The passage of `text` with the most distinct query terms (then the most
// matches), whitespace collapsed, cut at word boundaries, matches highlighted.
// Without any match, the opening of the text.
std::string make_snippet(std::string_view text, const analysis::QueryTerms& terms,
                         const analysis::Analyzer& analyzer, const SnippetOptions& options);

// The whole of a short text (a headline) with its matches highlighted.
std::string highlight(std::string_view text, const analysis::QueryTerms& terms,
                      const analysis::Analyzer& analyzer, const Markup& markup);

// HTML-escapes & < > " '.
std::string escape_html(std::string_view text);

} // namespace hemeroteca::snippet
