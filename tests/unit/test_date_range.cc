// Date filters match by year, month and day terms where they can (a value range
// reads every candidate's date): the same articles as a range on the date slot,
// for every shape of range, open ends and leap days included.
#include "analysis/analyzer.h"
#include "document.h"
#include "query/date_range.h"
#include "schema.h"
#include "search.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <set>

using namespace hemeroteca;
using namespace hemeroteca::search;

namespace {

std::string iso(std::chrono::sys_days d) {
    const std::chrono::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::set<Xapian::docid> out;
    for (const auto id : enquire.get_mset(0, db.get_doccount())) out.insert(id);
    return out;
}

// One article every 3 days from 2011-12-20 to 2016-03-05 (two leap days), and one undated.
Xapian::WritableDatabase archive() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const analysis::Analyzer an;
    auto tg = an.term_generator();
    const auto first = std::chrono::sys_days{std::chrono::year{2011} / 12 / 20};
    const auto last = std::chrono::sys_days{std::chrono::year{2016} / 3 / 5};
    int n = 0;
    for (auto d = first; d <= last; d += std::chrono::days{3}) {
        Article a;
        a.url = "https://x.example/" + std::to_string(++n);
        a.title = "Noticia";
        a.text = "Texto.";
        a.date = iso(d);
        db.add_document(build_document(a, an, tg));
    }
    Article undated;
    undated.url = "https://x.example/sin-fecha";
    undated.text = "Sin fecha.";
    db.add_document(build_document(undated, an, tg));
    return db;
}

Xapian::Query slot_range(const std::string& from, const std::string& to) {
    const auto slot = schema::slot(schema::Slot::date);
    const std::string lo = from.empty() ? std::string() : date_bound(from, false);
    const std::string hi = to.empty() ? std::string() : date_bound(to, true);
    if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
    if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
}

bool uses_terms(const Xapian::Query& q) {
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) return true;
    return false;
}

} // namespace

TEST_CASE("date ranges by terms match what the date slot's range matches", "[dates]") {
    const Xapian::WritableDatabase db = archive();
    const std::vector<std::pair<std::string, std::string>> shapes = {
        {"2014", "2014"},
        {"2012-01", "2015-12"},
        {"2012-02", "2012-02"},       // a leap February as a month
        {"2012-02-29", "2012-03-01"}, // the leap day itself
        {"2013-02-27", "2013-03-02"}, // no leap day
        {"2012-02-30", "2012-03-02"}, // a day February does not have
        {"2011-12-31", "2012-01-01"}, // across a year
        {"2013-05-17", "2015-08-02"}, // partial months and years at both ends
        {"", "2013-06-15"},           // open start
        {"2015-11-03", ""},           // open end
        {"1990", "2013"},             // before the archive begins
        {"2015", "2030-07-01"},       // past its end
        {"2017", "2020"},             // outside it
        {"marzo-2013", "abril-2013"}, // month names
        {"2011-01-01", "2011-12-19"}, // the year before, up to the first day
    };
    for (const auto& [from, to] : shapes) {
        INFO(from << ".." << to);
        const Xapian::Query q = date_range_query(dated_span(db), from, to);
        CHECK(uses_terms(q) == (from != "2017"));
        CHECK(matches(db, q) == matches(db, slot_range(from, to)));
    }
    // Random day ranges within and around the archive.
    std::mt19937 rng(20261201);
    std::uniform_int_distribution<int> day(0, 6 * 366);
    const auto base = std::chrono::sys_days{std::chrono::year{2010} / 12 / 1};
    for (int i = 0; i < 300; ++i) {
        auto a = base + std::chrono::days{day(rng)}, b = base + std::chrono::days{day(rng)};
        if (b < a) std::swap(a, b);
        INFO(iso(a) << ".." << iso(b));
        CHECK(matches(db, date_range_query(dated_span(db), iso(a), iso(b))) ==
              matches(db, slot_range(iso(a), iso(b))));
    }
}

TEST_CASE("a range that would need too many terms falls back to the date slot", "[dates]") {
    Xapian::WritableDatabase db = archive();
    // One article dated 1650 makes the open ranges span four centuries of years.
    const analysis::Analyzer an;
    auto tg = an.term_generator();
    Article old;
    old.url = "https://x.example/1650";
    old.text = "Crónica antigua.";
    old.date = "1650-06-01";
    db.add_document(build_document(old, an, tg));
    const Xapian::Query q = date_range_query(dated_span(db), "", "2013-06-15");
    CHECK_FALSE(uses_terms(q));
    CHECK(matches(db, q) == matches(db, slot_range("", "2013-06-15")));
    CHECK(matches(db, q).size() > 1);
}

TEST_CASE("an archive without dates still filters, and a reversed range is an error", "[dates]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_term("x");
    db.add_document(doc);
    CHECK(matches(db, date_range_query(dated_span(db), "2014", "2015")).empty());
    CHECK_THROWS_AS(date_range_query(dated_span(db), "2015", "2014"), RequestError);
}
