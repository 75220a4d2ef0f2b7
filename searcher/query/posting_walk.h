// The documents a boolean query of terms matches, in docid order, walked from
// its posting lists alone: no weights, no match set, no MatchSpy and no Document
// per match. For counting (match_counter.h), where Xapian's own match pass costs
// several times as much for the same documents. Over several local shards the
// walk sees the combined docids, which the FacetColumn is indexed by (a MatchSpy
// is handed each shard's own).
#pragma once

#include <xapian.h>

#include <memory>

namespace hemeroteca::search {

class PostingWalk {
public:
    // Null when `query` holds anything but terms (and match-all) joined by AND,
    // FILTER, OR, SYNONYM, MAX, AND_NOT, AND_MAYBE and SCALE_WEIGHT: phrases,
    // NEAR, value ranges, unexpanded wildcards are left to Xapian's matcher, and so
    // is an OR of more than 32 parts (a wildcard of many words).
    static std::unique_ptr<PostingWalk> of(const Xapian::Database& db, const Xapian::Query& query);

    struct Node;
    explicit PostingWalk(std::unique_ptr<Node> root);
    PostingWalk(const PostingWalk&) = delete;
    PostingWalk& operator=(const PostingWalk&) = delete;
    ~PostingWalk();

    // The next match (the first at the first call); 0 past the last.
    Xapian::docid next();

private:
    std::unique_ptr<Node> root_;
    Xapian::docid last_ = 0;
    bool done_ = false;
};

} // namespace hemeroteca::search
