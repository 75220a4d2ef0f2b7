#include "analysis/spanish_stemmer.h"

namespace hemeroteca::analysis {

namespace {
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
} // namespace

std::string SpanishStemmer::operator()(const std::string& word) {
    if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
    constexpr std::size_t kMaxCached = 100000; // a bound on memory; the commonest words come back
    if (cache_.size() >= kMaxCached) cache_.clear();
    return cache_.emplace(word, stem(word)).first->second;
}

std::string SpanishStemmer::stem(const std::string& word) {
    std::string stem = snowball_(word);
    if (stem == word && word.size() >= 4 && word.back() == 's' && is_vowel(word[word.size() - 2]))
        stem.pop_back();
    return stem;
}

Xapian::Stem make_spanish_stem() { return Xapian::Stem(new SpanishStemmer()); }

} // namespace hemeroteca::analysis
