// PostingWalk, the match counter's walk of posting lists: for every boolean query
// of terms it takes, the same documents as Xapian's own match, in docid order,
// also over two shards opened as one database (the combined docids); anything
// else (phrases, value ranges) is left to Xapian's matcher.
#include "query/posting_walk.h"

#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace hemeroteca;
using Q = Xapian::Query;

namespace {

// Document n (1-based) has term "tK" for each K dividing n (K = 2..7), and "all".
Xapian::Document numbered(int n) {
    Xapian::Document doc;
    doc.add_term("all");
    for (int k = 2; k <= 7; ++k)
        if (n % k == 0) doc.add_posting("t" + std::to_string(k), static_cast<Xapian::termpos>(k));
    doc.add_value(0, std::to_string(n));
    return doc;
}

std::vector<Xapian::docid> walked(const Xapian::Database& db, const Q& q) {
    const auto walk = search::PostingWalk::of(db, q);
    REQUIRE(walk);
    std::vector<Xapian::docid> out;
    for (Xapian::docid id = walk->next(); id != 0; id = walk->next()) out.push_back(id);
    CHECK(walk->next() == 0); // stays at the end
    return out;
}

std::vector<Xapian::docid> matched(const Xapian::Database& db, const Q& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<Xapian::docid> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
}

std::vector<Q> boolean_queries() {
    const Q t2("t2"), t3("t3"), t5("t5"), t7("t7"), none("nadie");
    return {
        t3,
        Q(Q::OP_AND, t2, t3),
        Q(Q::OP_FILTER, Q(Q::OP_AND, t2, t3), t5),
        Q(Q::OP_OR, t5, t7),
        Q(Q::OP_SYNONYM, t5, t7),
        Q(Q::OP_MAX, t3, t7),
        Q(Q::OP_AND_NOT, t2, t3),
        Q(Q::OP_AND_NOT, Q("all"), Q(Q::OP_OR, t2, t3)),
        Q(Q::OP_AND, Q(Q::OP_OR, t2, t5), Q(Q::OP_OR, t3, t7)), // words that are lemma groups
        Q(Q::OP_AND_MAYBE, t7, t2),
        Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, t3, t7), 2.5),
        Q(Q::OP_AND, t2, none), // a word no document has
        Q(Q::OP_OR, t7, none),
        Q::MatchAll,
        Q(Q::OP_AND_NOT, Q::MatchAll, t2),
        Q::MatchNothing,
    };
}

} // namespace

TEST_CASE("walking posting lists finds what Xapian's match finds", "[counting]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int n = 1; n <= 420; ++n) db.add_document(numbered(n));
    for (const Q& q : boolean_queries()) {
        INFO(q.get_description());
        CHECK(walked(db, q) == matched(db, q));
    }
    CHECK(walked(db, Q(Q::OP_AND, Q("t2"), Q("t3"))).size() == 70); // 420 / 6: the test can fail
}

TEST_CASE("over two shards the walk gives the combined docids", "[counting]") {
    const test::TempDir dir;
    const std::string a = (dir / "a").string(), b = (dir / "b").string();
    {
        // Xapian's round robin: combined docid d is shard (d - 1) % 2's document (d - 1) / 2 + 1.
        Xapian::WritableDatabase first(a, Xapian::DB_CREATE), second(b, Xapian::DB_CREATE);
        for (int n = 1; n <= 300; ++n) (n % 2 == 1 ? first : second).add_document(numbered(n));
        first.commit();
        second.commit();
    }
    Xapian::Database both(a);
    both.add_database(Xapian::Database(b));
    for (const Q& q : boolean_queries()) {
        INFO(q.get_description());
        const auto ids = walked(both, q);
        CHECK(ids == matched(both, q));
        for (const Xapian::docid id : ids) // each id is the combined one: its document's own number
            CHECK(both.get_document(id).get_value(0) == std::to_string(id));
    }
}

TEST_CASE("phrases, value ranges and large ORs are left to Xapian's matcher", "[counting]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(numbered(6));
    CHECK_FALSE(search::PostingWalk::of(db, Q(Q::OP_PHRASE, Q("t2"), Q("t3"))));
    CHECK_FALSE(search::PostingWalk::of(db, Q(Q::OP_VALUE_RANGE, 0, "1", "9")));
    CHECK_FALSE(search::PostingWalk::of(db, Q(Q::OP_AND, Q("t2"), Q(Q::OP_NEAR, Q("t2"), Q("t3")))));
    // An OR of many words (a wildcard's expansion) costs a step of each per match:
    // Xapian's matcher, which honours the search's time limit, counts it.
    std::vector<Q> words;
    for (int i = 0; i < 33; ++i) words.emplace_back("w" + std::to_string(i));
    CHECK_FALSE(search::PostingWalk::of(db, Q(Q::OP_SYNONYM, words.begin(), words.end())));
    words.pop_back();
    CHECK(search::PostingWalk::of(db, Q(Q::OP_SYNONYM, words.begin(), words.end())));
}
