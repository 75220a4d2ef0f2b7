#include "analysis/spanish_stemmer.h"

namespace hemeroteca::analysis {

std::string SpanishStemmer::operator()(const std::string& word) {
    if (names_ && names_->count(word)) return word;
    if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
    constexpr std::size_t kMaxCached = 100000; // a bound on memory; the commonest words come back
    if (cache_.size() >= kMaxCached) cache_.clear();
    std::string lemma = lexicon_->lemma(word);
    if (lemma.empty()) lemma = SpanishLexicon::unknown_lemma(word);
    return cache_.emplace(word, std::move(lemma)).first->second;
}

} // namespace hemeroteca::analysis
