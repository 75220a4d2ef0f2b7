#include "analysis/spanish_stemmer.h"

namespace hemeroteca::analysis {

std::string SpanishStemmer::operator()(const std::string& word) {
    if (names_ && names_->count(word)) return word;
    if (auto known = cache_->find(word)) return std::move(*known);
    std::string lemma = lexicon_->lemma(word);
    if (lemma.empty()) lemma = SpanishLexicon::unknown_lemma(word);
    cache_->add(word, lemma);
    return lemma;
}

} // namespace hemeroteca::analysis
