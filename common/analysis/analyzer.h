// The one Spanish analysis object. It configures the TermGenerator (indexing),
// the QueryParser (searching) and tells the snippet highlighter which words a
// query matched, so the three can never drift apart.
//
// Text is normalised first (tokens.h: accents folded except ñ, acronyms and
// thousands joined), then each word's dictionary lemma (spanish_stemmer.h) is
// its stem and a Spanish stop-word list applies. Unstemmed terms keep
// positions for phrase search. A capitalised word the dictionary holds as a
// name (Moro, Morales) is its own stem in documents and unstemmed in queries.
#pragma once

#include "analysis/lemma_cache.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace hemeroteca::analysis {

class SpanishLexicon;
class SpanishStemmer;

// What a query can match in a text: unstemmed forms and stems (both lowercased).
struct QueryTerms {
    std::unordered_set<std::string> exact;
    std::unordered_set<std::string> stems;
    bool empty() const { return exact.empty() && stems.empty(); }
};

// AND, OR, NOT, XOR, NEAR, ADJ: the query operators (upper case only).
bool is_query_operator(std::string_view word);

// One thread at a time (like the Xapian::Stem it holds, whose Spanish stemmer
// remembers its stems): each indexer worker and each Searcher has its own.
class Analyzer {
public:
    // Loads the Spanish dictionary (spanish_lexicon.h); throws std::runtime_error without it.
    // Analyzers of one process's threads may share one LemmaCache (by default, their own).
    explicit Analyzer(std::shared_ptr<LemmaCache> lemmas = std::make_shared<LemmaCache>());
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // A TermGenerator for documents (stemmer, stop-words, positions).
    Xapian::TermGenerator term_generator() const;

    // Indexes `text` into tg's current document: normalised, then stemmed.
    void index_text(Xapian::TermGenerator& tg, std::string_view text, Xapian::termcount wdf_inc = 1,
                    std::string_view prefix = {}) const;

    // A QueryParser configured like term_generator(): same stemmer, stop-words.
    // With `exact_forms`, words are not stemmed: the query then matches the
    // unstemmed terms (the exact forms, accents folded) the index also holds.
    Xapian::QueryParser query_parser(bool exact_forms = false) const;

    // Normalises a user query before parsing: tokens normalised and lowercased,
    // the query syntax (quotes, field:, -word, AND/OR/NOT) kept intact.
    std::string normalize_query(std::string_view query) const;

    // The lowercase unstemmed term of one token's normalised text ("Política" → "politica").
    std::string term(std::string_view token_text) const;
    // The stem (lemma) of a lowercase term ("politicas" → "politico", "dijo" → "decir").
    std::string stem(std::string_view term) const;
    // The ranking-only term of a lowercase word's Snowball family ("XR" + stem; schema.h).
    std::string relative(std::string_view term) const;
    // True when a capitalised word ("Morales", folded, case kept) is a name.
    bool is_name(std::string_view word) const;
    // False when stem(term) cannot be `stem` (a cheap test on the first letters:
    // lemmas keep the first, irregular verbs too, and nouns and adjectives all
    // but the last; true does not mean it is).
    bool may_stem_to(std::string_view term, std::string_view stem) const;
    bool is_stopword(std::string_view term) const;

    // The unstemmed forms and stems a parsed query can match in free text:
    // unprefixed terms and title-field terms (titulo:Putin highlights Putin).
    QueryTerms query_terms(const Xapian::Query& query) const;

private:
    std::shared_ptr<const SpanishLexicon> lexicon_;
    SpanishStemmer* lemmas_; // owned by stemmer_ (Xapian reference-counts it)
    Xapian::Stem stemmer_;
    Xapian::Stem snowball_;
    mutable std::unordered_map<std::string, bool> names_; // is_name() answers
    std::unordered_set<std::string_view> stopwords_;
    // Shared by the query parsers, not reference-counted by Xapian (query parsers
    // do not outlive their Analyzer): built once, not once per query.
    std::shared_ptr<const Xapian::SimpleStopper> query_stopper_;
};

} // namespace hemeroteca::analysis
