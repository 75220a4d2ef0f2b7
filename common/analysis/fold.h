// Accent folding for Spanish: one way, and ñ stays a letter of its own.
//   á à â ä ã → a, é → e, í → i, ó → o, ú ü → u, ç → c (any case, also in
//   decomposed form with combining marks); ñ/Ñ are kept (also when written
//   as n + combining tilde). Case is preserved: the query parser needs it.
#pragma once

#include <string>
#include <string_view>

namespace hemeroteca::analysis {

// Folds accents, keeps case and ñ. Invalid UTF-8 bytes are passed through
// as their Latin-1 reading (Xapian's Utf8Iterator behaviour).
std::string fold(std::string_view text);

// fold() and then lowercase (Unicode-aware): the form of terms and filter values.
std::string fold_lower(std::string_view text);

// Runs of whitespace collapsed to one space, and trimmed (nothing else changed).
std::string collapse_spaces(std::string_view text);

// fold_lower() with runs of whitespace collapsed to one space and trimmed:
// the form of exact-match (boolean) values such as a section or outlet name.
std::string fold_key(std::string_view text);

} // namespace hemeroteca::analysis
