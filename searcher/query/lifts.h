// Lifts: parts of a ranked query that add weight to its matches and never
// match by themselves (a word's exact form, its Snowball family, --like's
// terms, the recency of `mixed`).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace hemeroteca::search {

// `query` ranked with the weights of `lifts` added where they also match: the
// same matches as `query`. Written FILTER(OR(query, lifts), query), not
// OP_AND_MAYBE: Xapian 1.4.22 loses documents from the top results with
// AND_MAYBE, over several shards and on one database alike (on one, when the
// match stops early: «enfermedad» dropped its 5th article at check_at_least
// 100, not at 1,000; tests/e2e/test_shared_articles.cc). So `query` is read
// twice, not once per lift; once when every lift is a term that `query`
// matches wherever it occurs (a single word's exact form): OR(query, lifts).
Xapian::Query with_boosts(const Xapian::Query& query, const std::vector<Xapian::Query>& lifts);

// The query text with the quotes of its phrases taken away, for the exact-form
// lift, when every match holds every phrase (all words required, no OR, NOT,
// XOR, NEAR or ADJ): on such a match a phrase's lift and its words' lift weigh
// the same, and the lift no longer reads the phrase's positions a second time
// (the matches check them already). A phrase after a field, a '-' or a '+' keeps
// its quotes. Returns `q` itself when it keeps them all.
std::string unquote_phrases_for_lift(const std::string& q);

} // namespace hemeroteca::search
