// Word tokens over original text, with byte offsets (for snippets) and the
// normalised form the index uses. Rules on top of plain Unicode word runs:
//   - acronyms with dots are one token: "EE.UU." → "EEUU", "O.T.A.N." → "OTAN";
//   - numbers with thousands dots are one token: "15.000" → "15000";
//   - hyphenated names stay two tokens ("Jong-un" → "Jong", "un"), which the
//     query parser and the index both treat as a phrase;
//   - accents are folded (fold.h), case is kept.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace hemeroteca::analysis {

struct Token {
    std::size_t begin = 0; // byte offset of the token in the source text
    std::size_t end = 0;   // one past its last byte
    std::string text;      // normalised form (folded, dots removed), case kept
};

// Calls `sink` for each token, in order.
void tokenize(std::string_view text, const std::function<void(const Token&)>& sink);

// The text with every token replaced by its normalised form and everything
// between tokens kept as it is. What the TermGenerator and QueryParser see.
std::string normalize(std::string_view text);

} // namespace hemeroteca::analysis
