// "Quizás quiso decir": misspellings made from names and words of the shared
// articles (a letter dropped, doubled, swapped or replaced; a missing ñ) get the
// archive's word, as the archive most often writes it, as the first suggestion.
#include "analysis/analyzer.h"
#include "document.h"
#include "pipeline/spelling.h"
#include "query/query_builder.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

using namespace hemeroteca;

namespace {

struct Typo {
    const char* typed;
    const char* meant; // the archive's most frequent written form
};

const std::vector<Typo> kTypos = {
    // names
    {"Odebretch", "Odebrecht"},
    {"Danillo", "Danilo"},
    {"Pinera", "Piñera"},
    {"Medna", "Medina"},
    {"Abinadr", "Abinader"},
    {"Leonell", "Leonel"},
    {"Bachellet", "Bachelet"},
    {"Rodrigez", "Rodríguez"},
    {"Fernadez", "Fernández"},
    {"Martinex", "Martínez"},
    {"Gonzlez", "González"},
    {"Hernandex", "Hernández"},
    {"Ramirex", "Ramírez"},
    {"Guzmna", "Guzmán"},
    {"Maduor", "Maduro"},
    {"Trupm", "Trump"},
    {"Obamma", "Obama"},
    {"Venezeula", "Venezuela"},
    {"Washingon", "Washington"},
    {"Carabinerso", "Carabineros"},
    {"Procuradruia", "Procuraduría"},
    {"Macorris", "Macorís"},
    {"Cristobla", "Cristóbal"},
    {"Altagrasia", "Altagracia"},
    {"Valparaiiso", "Valparaíso"},
    {"Cataluna", "Cataluña"},
    {"Espana", "España"},
    {"Nunez", "Núñez"},
    {"Boricc", "Boric"},
    {"Mandeal", "Mandela"},
    {"Clintn", "Clinton"},
    {"Duartte", "Duarte"},
    {"Polacno", "Polanco"},
    {"Barahnoa", "Barahona"},
    {"Haitti", "Haití"},
    {"Clevelnad", "Cleveland"},
    {"Santiagp", "Santiago"},
    {"Fransisco", "Francisco"},
    {"Univercidad", "Universidad"},
    {"Presupesto", "Presupuesto"},
    // words
    {"corrupsion", "corrupción"},
    {"invetigacion", "investigación"},
    {"contruccion", "construcción"},
    {"particpacion", "participación"},
    {"organizacoin", "organización"},
    {"huracam", "huracán"},
    {"vehiculso", "vehículos"},
    {"kilometors", "kilómetros"},
    {"comunicasion", "comunicación"},
    {"econmia", "economía"},
    {"poblacon", "población"},
    {"prission", "prisión"},
    {"manana", "mañana"},
    {"compania", "compañía"},
    {"senalo", "señaló"},
    {"anadio", "añadió"},
    {"dialgo", "diálogo"},
    {"transitto", "tránsito"},
    {"aseguor", "aseguró"},
    {"asosiacion", "asociación"},
    {"fiscalya", "fiscalía"},
    {"constitusion", "constitución"},
    {"goberno", "gobierno"},
    {"preisdente", "presidente"},
};

// Typed without their accents, these need no suggestion: they find the word.
const std::vector<const char*> kAccentless = {"Rodriguez",     "Fernandez", "Haiti",   "corrupcion",
                                              "investigacion", "politica",  "Jimenez", "Peru"};

} // namespace

TEST_CASE("suggestions: the archive's word in its most frequent written form", "[suggest][shared]") {
    const auto dir = test::require_shared_data("articles");
    REQUIRE(kTypos.size() >= 60);
    const analysis::Analyzer analyzer;
    const test::TempDir tmp;
    // On disk: the spelling table is not in Xapian's in-memory backend.
    Xapian::WritableDatabase db((tmp.path() / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    auto tg = analyzer.term_generator();
    for (const char* file : {"periodicos-dominicanos-2017/noticias_do.jsonl",
                             "prensa-chile-muestra/prensa_chile_muestra.jsonl"}) {
        std::ifstream in(dir / file, std::ios::binary);
        std::string line;
        while (std::getline(in, line)) {
            const auto j = nlohmann::json::parse(line, nullptr, false);
            if (!j.is_object()) continue;
            Article a;
            a.title = j.value("title", "");
            a.text = j.value("body", "");
            db.add_document(build_document(a, analyzer, tg));
        }
    }
    indexer::add_missing_spellings(db, db);
    db.commit();
    const search::Synonyms none;
    search::QueryBuilder qb(analyzer, db, none);

    std::size_t right = 0;
    for (const auto& t : kTypos) {
        // The right word with its accents and ñ; its capitals as the archive writes them most.
        const std::string got = qb.suggest(qb.normalize(t.typed));
        if (Xapian::Unicode::tolower(got) == Xapian::Unicode::tolower(t.meant))
            ++right;
        else
            UNSCOPED_INFO(t.typed << " -> «" << got << "», not «" << t.meant << "»");
    }
    // At least 90% right; the misses are printed.
    WARN(right << " of " << kTypos.size() << " misspellings get the right first suggestion");
    CHECK(right * 10 >= kTypos.size() * 9);

    // The archive's written form, capitals, accents and ñ included.
    CHECK(qb.suggest(qb.normalize("Pinera")) == "Piñera");
    CHECK(qb.suggest(qb.normalize("Odebretch")) == "Odebrecht");
    // Two words, one wrong: the right one stays as typed.
    CHECK(qb.suggest(qb.normalize("Danillo Medina")) == "Danilo Medina");
    for (const char* word : kAccentless) {
        INFO(word);
        CHECK(qb.suggest(qb.normalize(word)).empty());
        CHECK(db.get_termfreq(analyzer.term(word)) > 0);
    }
}
