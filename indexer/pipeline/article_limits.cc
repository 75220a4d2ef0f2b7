#include "pipeline/article_limits.h"

#include <string_view>
#include <unordered_set>

namespace hemeroteca::indexer {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The last position <= at that is not inside a UTF-8 character, moved back to the
// start of the word it cuts (when the word is not the whole text).
std::size_t boundary(std::string_view text, std::size_t at) {
    if (at >= text.size()) return text.size();
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    std::size_t b = at;
    while (b > 0 && !is_space(text[b - 1])) --b;
    return b > 0 ? b : at;
}

// Where the text reaches `max` distinct words (by white space, case as written): npos when never.
std::size_t distinct_words_end(std::string_view text, std::size_t max) {
    std::unordered_set<std::string_view> seen;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > start && seen.insert(text.substr(start, i - start)).second && seen.size() > max) return start;
    }
    return std::string_view::npos;
}

} // namespace

std::string apply_limits(std::string& text, const ArticleLimits& limits) {
    const std::size_t original = text.size();
    std::string what;
    if (text.size() > limits.max_text_bytes) {
        text.resize(boundary(text, limits.max_text_bytes));
        what = "text cut to " + std::to_string(text.size() >> 10) + " KB of " +
               std::to_string(original >> 10) + " KB (--max-text-kb)";
    }
    // A text needs at least this many bytes to hold that many distinct words.
    if (text.size() > limits.max_distinct_words) {
        if (const std::size_t end = distinct_words_end(text, limits.max_distinct_words);
            end != std::string_view::npos) {
            text.resize(boundary(text, end));
            if (!what.empty()) what += "; ";
            what += "text cut after " + std::to_string(limits.max_distinct_words) + " distinct words, at " +
                    std::to_string(text.size() >> 10) + " KB of " + std::to_string(original >> 10) +
                    " KB (--max-words)";
        }
    }
    return what;
}

} // namespace hemeroteca::indexer
