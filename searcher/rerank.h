// Re-ranking a question's first results by how close its words stand in each
// article (query/proximity.h), which BM25's bag of words ignores.
#pragma once

#include "analysis/analyzer.h"
#include "query/query_builder.h"
#include "request.h"
#include "search.h"

#include <xapian.h>

#include <vector>

namespace hemeroteca::search {

// How many of the first results a question re-ranks by proximity; 0: none (not a
// question of several words, or not ranked by relevance).
Xapian::doccount rerank_depth(const ParsedQuery& text, const SearchRequest& request);

// Re-ranks the first rerank_depth() of `hits` (a question's results from the top).
void rerank_by_proximity(std::vector<Hit>& hits, const Xapian::Database& db,
                         const analysis::QueryTerms& terms, const analysis::Analyzer& analyzer);

} // namespace hemeroteca::search
