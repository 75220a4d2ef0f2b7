#include "rerank.h"

#include "query/proximity.h"

#include <algorithm>

namespace hemeroteca::search {

namespace {

// Re-ranking a question's first results by how close its words stand
// (query/proximity.h): score × (1 + lift × proximity). Measured with
// tests/relevance over lifts 0.25-1, windows 15-50 tokens and depths 20-50:
// every setting gave news +0.003-0.007, XQuAD +0.004-0.008; these are the middle.
constexpr Xapian::doccount kRerankDepth = 30;
constexpr std::size_t kProximityWindow = 30; // tokens: a sentence or two
constexpr double kProximityLift = 0.5;

} // namespace

Xapian::doccount rerank_depth(const ParsedQuery& text, const SearchRequest& request) {
    const bool question = text.matching == Matching::any_word && text.content_words > 1;
    return question && request.sort == Sort::relevance && request.like.empty() && request.like_id == 0
               ? kRerankDepth
               : 0;
}

void rerank_by_proximity(std::vector<Hit>& hits, const Xapian::Database& db,
                         const analysis::QueryTerms& terms, const analysis::Analyzer& analyzer) {
    const ProximityScorer proximity(db, terms, analyzer, kProximityWindow);
    if (proximity.words() < 2) return;
    const std::size_t depth = std::min<std::size_t>(hits.size(), kRerankDepth);
    for (std::size_t i = 0; i < depth; ++i) {
        const Article& a = hits[i].article;
        hits[i].score *= 1.0 + kProximityLift * proximity.score(a.title + "\n\n" + a.text);
    }
    std::stable_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(depth),
                     [](const Hit& a, const Hit& b) { return a.score > b.score; });
}

} // namespace hemeroteca::search
