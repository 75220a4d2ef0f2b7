// Counting a query's matches: the exact number of articles and of stories (articles
// less the syndicated copies that collapsing groups), and, on request, the facets.
// It runs as a pass of its own (unweighted, uncollapsed, unsorted, every match), so
// that the ranked pass can stop after the top results and totals never depend on
// --limit or --offset.
//
// MatchCounter is the one interface the Searcher counts through. LocalMatchCounter
// counts with a MatchSpy over the in-memory FacetColumn (or each match's values);
// RemoteMatchCounter, for shards served by a stock xapian-tcpsrv (which knows only
// Xapian's own classes), with Xapian's ValueCountMatchSpy on the facet and cluster
// slots, which each shard fills and Xapian merges. Both give the same counts
// (tests/e2e/test_shards.cc); the local one is faster where it can run.
#pragma once

#include "query/facet_column.h"

#include <xapian.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hemeroteca::search {

class FacetSpy;
class PostingWalk;

// facet name (request.h kFacets: "year", "section", "source", "author", "lang") -> (value, count),
// by count then value.
using Facets = std::map<std::string, std::vector<std::pair<std::string, Xapian::doccount>>>;

struct CountRequest {
    bool facets = false;
    std::size_t facet_values = 20; // the commonest values of each facet
    double time_limit_s = 0;       // Xapian's Enquire::set_time_limit for the counting pass; 0: none
    bool stories = true;           // false: MatchCounts::stories may be left at 0 (not collapsed)
};

struct MatchCounts {
    Xapian::doccount articles = 0; // matches, copies included
    Xapian::doccount stories = 0;  // matches with each group of copies counted once
    bool exact = true;             // false: a sample was counted (facets scaled; totals not set)
    Facets facets;                 // with CountRequest::facets
};

class MatchCounter {
public:
    virtual ~MatchCounter() = default;
    virtual MatchCounts count(const Xapian::Query& query, const CountRequest& request) = 0;
};

class LocalMatchCounter : public MatchCounter {
public:
    // `column` may be null: each match's values are then read from its document.
    LocalMatchCounter(const Xapian::Database& db, const FacetColumn* column) : db_(db), column_(column) {}
    MatchCounts count(const Xapian::Query& query, const CountRequest& request) override;

private:
    // Counts the matches a walk of posting lists yields (query/posting_walk.h; with the column only).
    void count_postings(PostingWalk& walk, FacetSpy& spy) const;
    static MatchCounts counts_of(const FacetSpy& spy, Xapian::doccount matches, const CountRequest& request);

    const Xapian::Database& db_;
    const FacetColumn* column_;
};

// Stories are matches less the copies plus their distinct cluster keys. Every article
// has a key (its own when it has no copy), and a ValueCountMatchSpy of every match's key
// sends each shard's hundreds of thousands of keys back (0.5 s for a common word at 1M).
// Where the indexer marked the copies (schema.h story_copy), the keys are read of
// the marked matches only, in a second pass.
class RemoteMatchCounter : public MatchCounter {
public:
    // `copies_marked`: every database searched says so (schema.h metadata_copies_marked_key).
    RemoteMatchCounter(const Xapian::Database& db, bool copies_marked) :
        db_(db), copies_marked_(copies_marked) {}
    MatchCounts count(const Xapian::Query& query, const CountRequest& request) override;

private:
    const Xapian::Database& db_;
    bool copies_marked_;
};

} // namespace hemeroteca::search
