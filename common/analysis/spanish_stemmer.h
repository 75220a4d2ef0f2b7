// The stemmer of the index and the query parser: dictionary lemmas
// (spanish_lexicon.h) in place of Snowball's suffix stripping, which merges
// unrelated words (casa/caso, Moro/morir, parte/partido, récord/recordar).
// A word the dictionary does not know (a name, a new word) is its own stem,
// less a plural -s (SpanishLexicon::unknown_lemma).
#pragma once

#include "analysis/lemma_cache.h"
#include "analysis/spanish_lexicon.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_set>

namespace hemeroteca::analysis {

// Like any Xapian::Stem, one instance is for one thread at a time. The lemmas
// it finds go into a LemmaCache, which the threads of a process may share.
class SpanishStemmer : public Xapian::StemImplementation {
public:
    SpanishStemmer(std::shared_ptr<const SpanishLexicon> lexicon, std::shared_ptr<LemmaCache> cache) :
        lexicon_(std::move(lexicon)), cache_(std::move(cache)) {}
    std::string operator()(const std::string& word) override;
    std::string get_description() const override { return "spanish-hunspell"; }

    // While set, these lowercase words are names in the text being indexed
    // ("Morales" the surname, not the plural of moral) and are their own stem.
    void set_names(const std::unordered_set<std::string>* names) { names_ = names; }

private:
    std::shared_ptr<const SpanishLexicon> lexicon_;
    std::shared_ptr<LemmaCache> cache_;
    const std::unordered_set<std::string>* names_ = nullptr;
};

} // namespace hemeroteca::analysis
