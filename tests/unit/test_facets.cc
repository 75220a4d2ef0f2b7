// Facet counts: the same whether read from each match's document (a one-shot
// search) or from the in-memory column (from the second facet request on), and
// right again after the indexer commits more articles.
#include "analysis/analyzer.h"
#include "document.h"
#include "schema.h"
#include "search.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca;

namespace {

Article article(int n, const std::string& year, const std::string& section, const std::string& source) {
    Article a;
    a.url = "https://diario.example/" + std::to_string(n);
    a.title = "El gobierno anuncia medidas " + std::to_string(n);
    a.date = year + "-03-1" + std::to_string(n % 10) + "T10:00:00Z";
    a.section = section;
    a.source = source;
    a.lang = "es";
    a.text = "El gobierno presentó hoy su plan. Texto número " + std::to_string(n) + ".";
    return a;
}

// cluster: a syndicated-copy key (as the indexer's near-duplicate detection sets), "" for none
void add(const std::string& path, int first, int count, const std::string& year, const std::string& section,
         const std::string& source, const std::string& cluster = "") {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    const analysis::Analyzer an;
    auto tg = an.term_generator();
    for (int n = first; n < first + count; ++n) {
        Xapian::Document doc = build_document(article(n, year, section, source), an, tg);
        if (!cluster.empty()) doc.add_value(schema::slot(schema::Slot::cluster), cluster);
        db.add_document(doc);
    }
    db.commit();
}

Xapian::doccount count_of(const search::SearchResults& r, const std::string& facet,
                          const std::string& value) {
    for (const auto& [v, n] : r.facets.at(facet))
        if (v == value) return n;
    return 0;
}

} // namespace

TEST_CASE("facet counts agree with and without the column, and follow new commits", "[facets]") {
    const test::TempDir dir;
    const std::string path = (dir / "db").string();
    add(path, 0, 6, "2023", "Política", "El Diario del Sur");
    add(path, 6, 3, "2024", "Economía", "La Voz");

    search::Searcher searcher({path});
    search::SearchRequest request;
    request.query = "gobierno";
    request.facets = true;
    request.collapse = false;

    const auto first = searcher.search(request);  // reads each match's value
    const auto second = searcher.search(request); // builds and uses the column
    CHECK(first.facets == second.facets);
    CHECK(count_of(second, "year", "2023") == 6);
    CHECK(count_of(second, "year", "2024") == 3);
    CHECK(count_of(second, "section", "Economía") == 3);
    CHECK(count_of(second, "source", "El Diario del Sur") == 6);
    CHECK(second.facets.at("year").front().first == "2023"); // commonest first
    CHECK(second.total.exact());
    CHECK(second.total.estimated == 9);
    // Terms (joined by AND, OR, NOT) are counted from their posting lists, any other
    // query by a match pass: the same articles (every one says «gobierno presentó») count the same.
    search::SearchRequest phrase = request;
    phrase.query = "\"gobierno presentó\"";
    const auto passed = searcher.search(phrase);
    CHECK(passed.facets == second.facets);
    CHECK(passed.total.estimated == second.total.estimated);
    phrase.query = "\"gobierno presentó\" medidas";
    request.query = "gobierno medidas";
    CHECK(searcher.search(phrase).facets == searcher.search(request).facets);
    request.query = "gobierno";

    add(path, 9, 4, "2025", "Cultura", "La Voz");
    { // an article corrected in place keeps its docid but changes section
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        const analysis::Analyzer an;
        auto tg = an.term_generator();
        const Article fixed = article(0, "2023", "Cultura", "El Diario del Sur");
        db.replace_document(id_term(fixed), build_document(fixed, an, tg));
        db.commit();
    }
    CHECK(searcher.reopen());
    const auto after = searcher.search(request);
    CHECK(count_of(after, "year", "2025") == 4);
    CHECK(count_of(after, "source", "La Voz") == 7);
    CHECK(count_of(after, "section", "Cultura") == 5);
    CHECK(count_of(after, "section", "Política") == 5);
    CHECK(after.total.estimated == 13);

    request.query = "medidas 7";
    const auto narrow = searcher.search(request); // filters apply to the counts too
    CHECK(narrow.facets.at("year").size() == 1);
    CHECK(count_of(narrow, "year", "2024") == 1);
}

TEST_CASE("with facets the total is exact, syndicated copies counted once", "[facets]") {
    const test::TempDir dir;
    const std::string path = (dir / "db").string();
    add(path, 0, 4, "2023", "Política", "El Diario del Sur");
    add(path, 4, 3, "2024", "Internacional", "La Voz", "wire-1"); // one wire story, three outlets' copies
    add(path, 7, 2, "2024", "Internacional", "El Eco", "wire-2");

    search::Searcher searcher({path});
    search::SearchRequest request;
    request.query = "gobierno";
    request.limit = 1;
    request.facets = true;
    for (int pass = 0; pass < 3; ++pass) { // from the documents, then the column: postings, a match pass
        request.query = pass < 2 ? "gobierno" : "\"gobierno presentó\"";
        const auto collapsed = searcher.search(request);
        CHECK(collapsed.total.exact());
        CHECK(collapsed.total.estimated == 6);           // 4 + one per wire story
        CHECK(count_of(collapsed, "year", "2024") == 5); // facets count every copy
    }
    request.query = "gobierno";
    request.collapse = false;
    const auto all = searcher.search(request);
    CHECK(all.total.exact());
    CHECK(all.total.estimated == 9);
}
