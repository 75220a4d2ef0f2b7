// The ranked query's lifts (query_builder.h with_boosts) add weight and never
// matches: whether written as FILTER(OR(query, lifts), query) or, when every
// lift is a term the query matches wherever it occurs, as OR(query, lifts),
// the matches are the query's and each match's weight is its query's plus
// the lifts that also match it.
#include "query/lifts.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

using hemeroteca::search::with_boosts;
using Q = Xapian::Query;

namespace {

Xapian::WritableDatabase database() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::vector<std::string>> docs = {{"Zmujer"},
                                                        {"Zmujer", "mujeres"},
                                                        {"mujeres"},
                                                        {"mujeres", "otro"},
                                                        {"otro"},
                                                        {"Zmujer", "otro"},
                                                        {"nada"},
                                                        {"Zmujer", "mujeres", "mujeres"},
                                                        {"mujeres", "Zmujer"}};
    for (const auto& terms : docs) {
        Xapian::Document doc;
        for (const auto& t : terms) doc.add_term(t);
        db.add_document(doc);
    }
    db.commit();
    return db;
}

std::map<Xapian::docid, double> ranked(const Xapian::Database& db, const Q& q) {
    Xapian::Enquire e(db);
    e.set_query(q);
    std::map<Xapian::docid, double> out;
    const Xapian::MSet m = e.get_mset(0, db.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) out[*it] = it.get_weight();
    return out;
}

// What a lift must give: the query's matches, each with the lifted weight.
std::map<Xapian::docid, double> expected(const Xapian::Database& db, const Q& query, const Q& lift) {
    return ranked(db, Q(Q::OP_FILTER, Q(Q::OP_OR, query, lift), query));
}

void check_same(const std::map<Xapian::docid, double>& got, const std::map<Xapian::docid, double>& want) {
    REQUIRE(got.size() == want.size());
    for (const auto& [id, w] : want) {
        REQUIRE(got.count(id) == 1);
        CHECK(got.at(id) == Approx(w));
    }
}

} // namespace

TEST_CASE("a word's exact-form lift ranks its query's matches only", "[ranking]") {
    const auto db = database();
    const Q query(Q::OP_OR, Q("Zmujer"), Q("mujeres"));
    const Q lift(Q::OP_SCALE_WEIGHT, Q("mujeres"), 0.5);
    const auto got = ranked(db, with_boosts(query, {lift}));
    check_same(got, expected(db, query, lift));
    CHECK(got.size() == 7); // every document with either term, «otro» and «nada» alone left out
    CHECK(got.at(2) > ranked(db, query).at(2)); // lifted where the exact form is
}

TEST_CASE("a lift outside the query adds weight, never matches", "[ranking]") {
    const auto db = database();
    const Q query("Zmujer");
    for (const Q& lift : {Q(Q::OP_SCALE_WEIGHT, Q("otro"), 0.3), Q(Q::OP_SCALE_WEIGHT, Q("mujeres"), 0.5),
                          Q(Q::OP_OR, Q("mujeres"), Q("otro"))}) {
        const auto got = ranked(db, with_boosts(query, {lift}));
        check_same(got, expected(db, query, lift));
        CHECK(got.size() == 5); // the documents with Zmujer
        CHECK(got.count(3) == 0);
        CHECK(got.count(5) == 0);
    }
}

TEST_CASE("several lifts: inside and outside the query together", "[ranking]") {
    const auto db = database();
    const Q query(Q::OP_SYNONYM, Q("Zmujer"), Q("mujeres"));
    const std::vector<Q> lifts = {Q(Q::OP_SCALE_WEIGHT, Q("mujeres"), 0.5),
                                  Q(Q::OP_SCALE_WEIGHT, Q("otro"), 0.3)};
    const auto got = ranked(db, with_boosts(query, lifts));
    check_same(got, expected(db, query, Q(Q::OP_OR, lifts.begin(), lifts.end())));
    CHECK(got.count(5) == 0); // «otro» alone
}
