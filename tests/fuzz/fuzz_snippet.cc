// Snippets and highlighting: the first line holds the query words, the rest the text.
#include "analysis/analyzer.h"
#include "fuzz_input.h"
#include "snippet/snippet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca;
    static analysis::Analyzer analyzer;
    const auto parts = fuzz::split(fuzz::as_view(data, size), '\n', 2);
    analysis::QueryTerms terms;
    const auto words = fuzz::split(parts[0], ' ', 8);
    for (std::string_view w : words)
        if (!w.empty()) {
            terms.exact.emplace(w);
            terms.stems.emplace(w);
        }
    snippet::SnippetOptions o;
    o.max_bytes = 40 + size % 300;
    (void)snippet::make_snippet(parts.back(), terms, analyzer, o);
    (void)snippet::highlight(parts.back().substr(0, 500), terms, analyzer, o.markup);
    (void)snippet::escape_html(parts.back());
    return 0;
}
