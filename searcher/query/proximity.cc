#include "query/proximity.h"

#include "schema.h"
#include "snippet/matches.h"

#include <algorithm>
#include <cmath>

namespace hemeroteca::search {

namespace {

// Lucene's BM25 IDF: never negative, so that a word most articles hold still counts a little.
double idf(const Xapian::Database& db, const std::string& term) {
    const double n = db.get_doccount();
    const double df = db.get_termfreq(term);
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

} // namespace

ProximityScorer::ProximityScorer(const Xapian::Database& db, const analysis::QueryTerms& terms,
                                 const analysis::Analyzer& analyzer, std::size_t window_tokens) :
    terms_(terms),
    analyzer_(analyzer), window_(window_tokens) {
    const std::string z(schema::prefix::stem);
    for (const auto& stem : terms.stems)
        if (!analyzer.is_stopword(stem)) weights_.emplace(stem, idf(db, z + stem));
    for (const auto& exact : terms.exact) {
        if (analyzer.is_stopword(exact)) continue;
        const std::string& word = word_of(exact);
        if (!weights_.count(word)) weights_.emplace(word, idf(db, exact));
    }
    for (const auto& [word, weight] : weights_) total_ += weight;
}

const std::string& ProximityScorer::word_of(const std::string& term) const {
    const auto known = words_.find(term);
    if (known != words_.end()) return known->second;
    const std::string_view z = schema::prefix::stem;
    std::string word;
    if (term.compare(0, z.size(), z) == 0) {
        word = term.substr(z.size());
    } else {
        word = analyzer_.stem(term);
        if (!terms_.stems.count(word)) word = term; // an exact form only (a name, a phrase's word)
    }
    return words_.emplace(term, std::move(word)).first->second;
}

double ProximityScorer::score(std::string_view text) const {
    if (total_ <= 0 || window_ == 0) return 0;
    const snippet::TokenMatches matches = snippet::match_tokens(text, terms_, analyzer_);
    // The matched tokens: where they stand among all tokens, and their word.
    using Word = const std::pair<const std::string, double>*;
    std::vector<Word> word_of_key;
    for (const auto& term : matches.terms) {
        const auto it = weights_.find(word_of(term));
        word_of_key.push_back(it == weights_.end() ? nullptr : &*it);
    }
    struct Matched {
        std::size_t at;
        Word word;
    };
    std::vector<Matched> matched;
    for (std::size_t i = 0; i < matches.tokens.size(); ++i)
        if (const int key = matches.tokens[i].key; key >= 0)
            if (const Word w = word_of_key[static_cast<std::size_t>(key)]) matched.push_back({i, w});
    // Two pointers over the matched tokens: every window of at most window_ tokens.
    std::unordered_map<Word, int> in_window;
    double held = 0, best = 0;
    std::size_t first = 0;
    for (std::size_t last = 0; last < matched.size(); ++last) {
        if (in_window[matched[last].word]++ == 0) held += matched[last].word->second;
        while (matched[last].at - matched[first].at >= window_) {
            if (--in_window[matched[first].word] == 0) held -= matched[first].word->second;
            ++first;
        }
        best = std::max(best, held);
    }
    return std::min(1.0, best / total_);
}

} // namespace hemeroteca::search
