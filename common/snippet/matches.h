// Which tokens of a text match a query: the one matching that snippets
// (highlighting, the best passage) and passage ranking share, with the same
// Analyzer as the index, so that what was found is what is marked.
#pragma once

#include "analysis/analyzer.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::snippet {

struct TokenMatch {
    std::size_t begin; // byte offsets of the token in the text
    std::size_t end;
    int key; // which query term it matched (an index into TokenMatches::terms), -1 for none
};

struct TokenMatches {
    std::vector<TokenMatch> tokens; // every token of the text, in order
    // The query term each key stands for: the exact form ("elecciones") or the
    // stem with its prefix ("Zeleccion"), in the order first matched.
    std::vector<std::string> terms;
};

// Every token of `text`, each with the query term it matches. A matched stop
// word comes from a phrase ("Corea del Norte"): it counts only between two
// matched content words, not every "del" of the text.
TokenMatches match_tokens(std::string_view text, const analysis::QueryTerms& terms,
                          const analysis::Analyzer& analyzer);

} // namespace hemeroteca::snippet
