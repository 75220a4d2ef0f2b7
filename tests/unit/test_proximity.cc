// Proximity re-ranking of questions: the article whose passage holds the
// question's words together comes before one that only scatters them, the
// words of one lemma count once, and pages of a re-ranked question still
// join into the same list.
#include "analysis/analyzer.h"
#include "document.h"
#include "query/proximity.h"
#include "query/query_builder.h"
#include "search.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace hemeroteca;

namespace {

Article article(const std::string& id, const std::string& title, const std::string& text) {
    Article a;
    a.url = "https://diario.example/" + id;
    a.title = title;
    a.text = text;
    a.lang = "es";
    return a;
}

std::string filler(int words) {
    std::string out;
    for (int i = 0; i < words; ++i) out += "texto" + std::string(i % 2 ? " de relleno " : " sin interés ");
    return out;
}

void add(Xapian::WritableDatabase& db, const std::vector<Article>& articles) {
    const analysis::Analyzer an;
    auto tg = an.term_generator();
    for (const auto& a : articles) db.replace_document(id_term(a), build_document(a, an, tg));
    db.commit();
}

analysis::QueryTerms terms_of(const analysis::Analyzer& an, const Xapian::Database& db,
                              const std::string& q) {
    const search::Synonyms none; // (the builder keeps a reference: not a temporary)
    search::QueryBuilder qb(an, db, none);
    return an.query_terms(qb.parse(qb.normalize(q), search::Matching::any_word).query);
}

} // namespace

TEST_CASE("proximity: the share of the words one passage holds", "[ranking][proximity]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    add(db, {article("1", "Uno", "El terremoto de Haití dejó miles de muertos."),
             article("2", "Dos", "Un terremoto. " + filler(40) + " Haití celebra."),
             article("3", "Tres", "Nada que ver: un partido de béisbol.")});
    const analysis::Analyzer an;
    const auto terms = terms_of(an, db, "¿cuántos muertos dejó el terremoto de Haití?");
    const search::ProximityScorer proximity(db, terms, an, 30);
    REQUIRE(proximity.words() >= 3);

    CHECK(proximity.score("El terremoto de Haití dejó miles de muertos.") == Approx(1.0));
    const double apart = proximity.score("Un terremoto. " + filler(40) + " Haití celebra.");
    CHECK(apart > 0.0);
    CHECK(apart < 0.7);
    CHECK(proximity.score("Nada que ver: un partido de béisbol.") == 0.0);
}

TEST_CASE("proximity: the forms of one word count once", "[ranking][proximity]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    add(db, {article("1", "Uno", "Las elecciones del domingo."),
             article("2", "Dos", "La elección del presidente.")});
    const analysis::Analyzer an;
    const auto terms = terms_of(an, db, "¿cuándo son las elecciones del presidente?");
    const search::ProximityScorer proximity(db, terms, an, 30);
    // «elección» and «elecciones» together are one word of two: not the whole question.
    CHECK(proximity.score("Elecciones, elección, elecciones.") < 0.8);
    CHECK(proximity.score("La elección del presidente.") == Approx(1.0));
}

TEST_CASE("a question ranks the passage that holds its words first, and pages agree",
          "[ranking][proximity]") {
    const test::TempDir dir;
    const std::string path = (dir / "db").string();
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        std::vector<Article> articles;
        // The scattered one is shorter and says each word twice, so BM25 alone puts it first.
        articles.push_back(article("scattered", "Crónica",
                                   "El puerto. " + filler(12) + " La sequía. " + filler(12) + " El maíz. " +
                                       filler(12) + " Se cerró. " + filler(12) + " Otro puerto. " +
                                       filler(12) + " Otra sequía. " + filler(12) + " Más maíz. " +
                                       filler(12) + " Lo cerró."));
        articles.push_back(article("together", "Crónica",
                                   filler(30) + " La sequía cerró el puerto del maíz. " + filler(30)));
        for (int i = 0; i < 25; ++i)
            articles.push_back(article("other" + std::to_string(i), "Nota " + std::to_string(i),
                                       "El puerto recibe barcos. " + filler(10 + i)));
        add(db, articles);
    }
    search::Searcher searcher({path});
    search::SearchRequest request;
    request.query = "¿por qué la sequía cerró el puerto del maíz?";
    request.collapse = false;
    request.limit = 20;
    const auto all = searcher.search(request);
    REQUIRE(all.hits.size() == 20);
    CHECK(all.matching == search::Matching::any_word);
    CHECK(all.hits[0].article.url == "https://diario.example/together");
    CHECK(all.hits[1].article.url == "https://diario.example/scattered");
    for (std::size_t i = 1; i < all.hits.size(); ++i) CHECK(all.hits[i - 1].score >= all.hits[i].score);

    std::vector<std::string> paged;
    request.limit = 7;
    for (std::size_t offset = 0; offset < 20; offset += 7) {
        request.offset = offset;
        const auto page = searcher.search(request);
        CHECK(page.total.estimated == all.total.estimated);
        for (const auto& h : page.hits)
            if (paged.size() < 20) paged.push_back(h.article.url);
        CHECK(page.hits.front().rank == offset + 1);
    }
    std::vector<std::string> whole;
    for (const auto& h : all.hits) whole.push_back(h.article.url);
    CHECK(paged == whole);

    // A page longer than the re-ranked depth (50 > 30) and a short one (3) agree with it too.
    for (const std::size_t limit : {50, 3}) {
        request.offset = 0;
        request.limit = limit;
        const auto page = searcher.search(request);
        REQUIRE(page.hits.size() >= 3);
        for (std::size_t i = 0; i < std::min<std::size_t>(page.hits.size(), 20); ++i)
            CHECK(page.hits[i].article.url == whole[i]);
    }
}
