// Bounded memory per article: an article's text is cut at a length and at a
// number of distinct words, whatever the input (one 35 MB "article" of 3 million
// distinct words took 41 minutes and 3.7 GB). What was cut is said.
#pragma once

#include <cstddef>
#include <string>

namespace hemeroteca::indexer {

struct ArticleLimits {
    std::size_t max_text_bytes = 1u << 20;   // --max-text-kb (1 MiB: ~150,000 words, a long book chapter)
    std::size_t max_distinct_words = 100000; // --max-words
};

// Cuts `text` (at a word boundary, on a UTF-8 character) to the limits. Returns
// what was cut ("text cut to 1024 KB of 35840 KB"), "" when nothing was.
std::string apply_limits(std::string& text, const ArticleLimits& limits);

} // namespace hemeroteca::indexer
