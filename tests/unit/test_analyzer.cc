// The accent and ñ rules, through the real index and query paths: documents
// built by build_document(), queries parsed by the searcher's QueryBuilder.
#include "analysis/analyzer.h"
#include "analysis/tokens.h"
#include "document.h"
#include "query/query_builder.h"
#include "support/shared_data.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>

using namespace hemeroteca;

namespace {

class Fixture {
public:
    Fixture() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY), tg_(analyzer_.term_generator()) {}

    void add(const std::string& id, const std::string& title, const std::string& text) {
        Article a;
        a.url = "https://example.org/" + id;
        a.title = title;
        a.text = text;
        db_.replace_document(id_term(a), build_document(a, analyzer_, tg_));
        db_.commit();
    }

    std::set<std::string> find(const std::string& query, search::Matching m = search::Matching::all_words,
                               const search::Synonyms& synonyms = {}) {
        search::QueryBuilder qb(analyzer_, db_, synonyms);
        Xapian::Enquire enquire(db_);
        enquire.set_query(qb.parse(qb.normalize(query), m).query);
        std::set<std::string> out;
        const auto mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            out.insert(stored_article(it.get_document()).url.substr(20));
        return out;
    }

    const analysis::Analyzer& analyzer() const { return analyzer_; }

private:
    analysis::Analyzer analyzer_;
    Xapian::WritableDatabase db_;
    Xapian::TermGenerator tg_;
};

} // namespace

TEST_CASE("accents fold one way: every form finds every other", "[analysis][accents]") {
    Fixture f;
    f.add("1", "La política", "Debate sobre la política del gobierno.");
    f.add("2", "POLÍTICA", "TITULARES DE POLÍTICA NACIONAL.");
    f.add("3", "Políticas", "Nuevas políticas públicas.");
    f.add("4", "Pingüinos", "Una colonia de pingüinos en la Antártida.");
    f.add("5", "Deporte", "Nada que ver con lo anterior.");
    for (const char* q : {"politica", "Política", "POLÍTICA", "políticas", "politicas"}) {
        INFO(q);
        CHECK(f.find(q) == std::set<std::string>{"1", "2", "3"});
    }
    CHECK(f.find("pinguino") == std::set<std::string>{"4"});
    CHECK(f.find("pingüinos") == std::set<std::string>{"4"});
}

TEST_CASE("ñ is a letter of its own", "[analysis][accents]") {
    Fixture f;
    f.add("ano", "Anatomía", "El ano es parte del aparato digestivo.");
    f.add("año", "Balance", "Fue un buen año para la economía.");
    f.add("pena", "Tribunal", "La pena impuesta fue de dos meses.");
    f.add("peña", "Fútbol", "La peña del club celebró el ascenso.");
    CHECK(f.find("año") == std::set<std::string>{"año"});
    CHECK(f.find("ano") == std::set<std::string>{"ano"});
    CHECK(f.find("peña") == std::set<std::string>{"peña"});
    CHECK(f.find("pena") == std::set<std::string>{"pena"});
    CHECK(f.find("PEÑA") == std::set<std::string>{"peña"});
}

TEST_CASE("short plurals find their singular: años, días", "[analysis][stemming]") {
    Fixture f;
    f.add("1", "Balance", "Tres años y diez días después.");
    f.add("2", "Otro", "Un año y un día.");
    f.add("3", "Nada", "Sin relación.");
    CHECK(f.find("año") == std::set<std::string>{"1", "2"});
    CHECK(f.find("años") == std::set<std::string>{"1", "2"});
    CHECK(f.find("dia") == std::set<std::string>{"1", "2"});
    CHECK(f.find("ano") == std::set<std::string>{});
}

TEST_CASE("unstemmed terms fold too: phrases and capitalised names", "[analysis][accents]") {
    Fixture f;
    f.add("1", "Moscú", "La política exterior de Rusia cambia. Viaje a Canadá.");
    f.add("2", "Otra", "Exterior de la casa; la política local.");
    CHECK(f.find("\"politica exterior\"") == std::set<std::string>{"1"});
    CHECK(f.find("\"política exterior\"") == std::set<std::string>{"1"});
    CHECK(f.find("Canada") == std::set<std::string>{"1"});
    CHECK(f.find("Moscu") == std::set<std::string>{"1"});
}

TEST_CASE("acronyms, hyphenated names and numbers match however typed", "[analysis][tokens]") {
    Fixture f;
    f.add("1", "Kim Jong-un escribe", "Corea del Norte envió unos 15.000 soldados. Reacción en EE.UU.");
    f.add("2", "Otra", "Jong habló con un vecino. Había 15 personas y 000 dudas.");
    CHECK(f.find("Jong-un") == std::set<std::string>{"1"});
    CHECK(f.find("EE.UU.") == std::set<std::string>{"1"});
    CHECK(f.find("EEUU") == std::set<std::string>{"1"});
    CHECK(f.find("15.000") == std::set<std::string>{"1"});
    CHECK(f.find("15000") == std::set<std::string>{"1"});
    f.add("3", "Vacunas", "La vacuna contra la COVID-19 llega a la isla.");
    f.add("4", "Cumbre", "El G20 se reúne; la covid sigue.");
    CHECK(f.find("Covid19") == std::set<std::string>{"3"});
    CHECK(f.find("covid-19") == std::set<std::string>{"3"});
    CHECK(f.find("G-20") == std::set<std::string>{"4"});
}

TEST_CASE("synonyms: an acronym matches only as written, a name only as a phrase", "[analysis][synonyms]") {
    Fixture f;
    f.add("1", "Aranceles de Estados Unidos", "Estados Unidos sube los aranceles.");
    f.add("2", "Washington", "Los EE.UU. y China negocian.");
    f.add("3", "Coches",
          "Quien usa el coche a diario y quienes usan el tren; los estados del norte se unieron.");
    const auto synonyms = search::Synonyms::spanish_default(f.analyzer());
    CHECK(synonyms.expand("estados unidos") == "(\"eeuu\" OR \"estados unidos\" OR \"eua\")");
    CHECK(f.find("Estados Unidos", search::Matching::all_words, synonyms) == std::set<std::string>{"1", "2"});
    CHECK(f.find("estados unidos", search::Matching::all_words, synonyms) == std::set<std::string>{"1", "2"});
    CHECK(f.find("EEUU", search::Matching::all_words, synonyms) == std::set<std::string>{"1", "2"});
    // Without synonyms, a lowercase word still finds the name it is part of
    // («Unidos» is indexed as a name, «unidos» lemmatises to unir), and the verb's forms.
    CHECK(f.find("estados unidos") == std::set<std::string>{"1", "3"});
    // The verb «usa» is no acronym of anything, and keeps its own forms.
    CHECK(f.find("usa", search::Matching::all_words, synonyms) == std::set<std::string>{"3"});
}

TEST_CASE("stop-words do not match on their own but questions still work", "[analysis][stopwords]") {
    Fixture f;
    f.add("1", "Soldados", "Corea del Norte envió soldados a Rusia.");
    f.add("2", "Otra", "De la y el en que los del.");
    CHECK(f.analyzer().is_stopword("cuantos"));
    CHECK_FALSE(f.analyzer().is_stopword("soldados"));
    CHECK(f.find("¿Cuántos soldados envió Corea del Norte a Rusia?", search::Matching::any_word) ==
          std::set<std::string>{"1"});
}

TEST_CASE("the highlighter's stemming shortcut holds for every word of the shared articles",
          "[analysis][stemming][shared]") {
    const auto dir = test::require_shared_data("articles");
    const analysis::Analyzer an;
    std::set<std::string> terms;
    for (const char* file :
         {"periodicos-dominicanos-2017/noticias_do.jsonl", "prensa-chile-muestra/prensa_chile_muestra.jsonl",
          "spanish-fake-news-corpus/fakenews_es.jsonl"}) {
        std::ifstream in(dir / file, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        analysis::tokenize(text, [&](const analysis::Token& tok) { terms.insert(an.term(tok.text)); });
    }
    REQUIRE(terms.size() > 20000);
    std::vector<std::string> missed;
    for (const auto& term : terms)
        if (!an.may_stem_to(term, an.stem(term))) missed.push_back(term);
    for (std::size_t i = 0; i < missed.size() && i < 20; ++i)
        UNSCOPED_INFO(missed[i] << " -> " << an.stem(missed[i]));
    CHECK(missed.empty());
    // and it does rule out what cannot match
    CHECK_FALSE(an.may_stem_to("gobierno", an.stem("presidente")));
    CHECK(an.may_stem_to("presidentas", an.stem("presidente")));
    CHECK_FALSE(an.may_stem_to("presidencia", an.stem("presidente")));
    CHECK_FALSE(an.may_stem_to("aeropuerto", an.stem("años"))); // nouns: all letters but the last
    CHECK(an.may_stem_to("hizo", an.stem("hacer")));            // verbs: the first
}

TEST_CASE("an all-words phrase reads its positions once: the exact lift takes its words", "[query][phrase]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const analysis::Analyzer an;
    const search::Synonyms none;
    search::QueryBuilder qb(an, db, none, 0.5);
    const auto lift_of = [&](const std::string& q, search::Matching m) {
        const auto parsed = qb.parse(qb.normalize(q), m);
        REQUIRE_FALSE(parsed.lifts.empty());
        return parsed.lifts.front().get_description();
    };
    const auto has_phrase = [](const std::string& d) { return d.find("PHRASE") != std::string::npos; };
    // Every match holds the phrase: its words' lift weighs the same on them.
    CHECK_FALSE(has_phrase(lift_of("\"medio ambiente\" economía", search::Matching::all_words)));
    CHECK(lift_of("\"medio ambiente\" economía", search::Matching::all_words).find("ambiente") !=
          std::string::npos);
    // Not when a match may lack it: any word, an OR, an excluded or a field's phrase.
    CHECK(has_phrase(lift_of("\"medio ambiente\" economía", search::Matching::any_word)));
    CHECK(has_phrase(lift_of("\"medio ambiente\" OR economía", search::Matching::all_words)));
    CHECK(has_phrase(lift_of("economía -\"medio ambiente\"", search::Matching::all_words)));
    CHECK(has_phrase(lift_of("titulo:\"medio ambiente\" economía", search::Matching::all_words)));
}
