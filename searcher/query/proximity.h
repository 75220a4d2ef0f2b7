// Proximity: a question's words stand close together in the passage that
// answers it, which BM25's bag of words ignores. The share of the query's word
// weight (IDF) that an article's best passage holds, for re-ranking the top of
// a question's results.
#pragma once

#include "analysis/analyzer.h"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hemeroteca::search {

class ProximityScorer {
public:
    // Words group by lemma: «elecciones» and «elección» are one word of the query.
    ProximityScorer(const Xapian::Database& db, const analysis::QueryTerms& terms,
                    const analysis::Analyzer& analyzer, std::size_t window_tokens);

    // Words of the query that weigh (two at least make proximity mean anything).
    std::size_t words() const { return weights_.size(); }

    // From 0 to 1: the weight of the distinct query words in the passage of
    // `window_tokens` consecutive tokens of `text` that holds the most of it,
    // over the weight of all the query's words.
    double score(std::string_view text) const;

private:
    // The word (lemma) a matched term belongs to: "Zeleccion" and "elecciones" → "eleccion".
    const std::string& word_of(const std::string& term) const;

    const analysis::QueryTerms& terms_;
    const analysis::Analyzer& analyzer_;
    std::size_t window_;
    std::unordered_map<std::string, double> weights_; // word -> IDF
    double total_ = 0;
    mutable std::unordered_map<std::string, std::string> words_; // term -> word
};

} // namespace hemeroteca::search
