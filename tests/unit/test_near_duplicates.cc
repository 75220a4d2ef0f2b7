// Syndicated copies are grouped; templated reports (the same sentences with other
// figures, dates or people) are not: what a user notices is whether an article
// can be found on its own or hides under another's "+ 1 more version".
#include "analysis/analyzer.h"
#include "dedup/near_duplicates.h"
#include "schema.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca;

namespace {

struct Report {
    std::string day = "lunes";
    std::string cases = "1.234";
    std::string total = "45.872";
    std::string bulletin = "212";
    std::string hospital = "318";
    std::string dead = "4";
    std::string director = "Ramón Espinal";
    std::string province = "San Cristóbal";
};

std::string report(const Report& r) {
    return "El Ministerio de Salud Pública informó este " + r.day +
           " que en las últimas 24 horas se registraron " + r.cases +
           " nuevos casos de dengue en el país, con lo que el total acumulado asciende a " + r.total +
           ". Según el boletín epidemiológico número " + r.bulletin + ", " + r.hospital +
           " pacientes permanecen hospitalizados y " + r.dead +
           " fallecieron. Las autoridades recomendaron a la población eliminar los criaderos de mosquitos, "
           "usar repelente y acudir al centro de salud más cercano ante la presencia de fiebre, dolor de "
           "cabeza o dolor muscular. El director de epidemiología, " +
           r.director +
           ", pidió no automedicarse y recordó que las jornadas de fumigación continuarán durante toda la "
           "semana en las provincias más afectadas, entre ellas " +
           r.province + ", donde los hospitales reciben cada día a decenas de pacientes con síntomas.";
}

// The cluster the indexer gives each text, in order (the first is its own).
std::vector<std::string> clusters(const std::vector<std::string>& texts) {
    const analysis::Analyzer an;
    const Xapian::Database nothing_committed; // all in memory
    dedup::NearDuplicateIndex index(nothing_committed);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Xapian::Document doc;
        dedup::add_fingerprint(doc, texts[i], an);
        index.assign_cluster(doc, "own" + std::to_string(i),
                             [&](const std::string&) { return static_cast<Xapian::docid>(i + 1); });
        out.push_back(doc.get_value(schema::slot(schema::Slot::cluster)));
    }
    return out;
}

} // namespace

TEST_CASE("templated reports with other figures, dates or people are not copies", "[dedup]") {
    const Report base;
    Report figures = base;
    figures.cases = "987";
    Report total = base;
    total.total = "46.859";
    Report day = base;
    day.day = "martes";
    Report person = base;
    person.director = "Carmen Ortega";
    Report place = base;
    place.province = "Puerto Plata";
    const struct {
        const char* what;
        Report other;
    } cases[] = {
        {"another day's new cases", figures}, {"another cumulative total", total}, {"another weekday", day},
        {"another director", person},         {"another province", place},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const auto got = clusters({report(base), report(c.other)});
        CHECK(got[1] != got[0]);
    }
}

TEST_CASE("syndicated copies with small edits stay grouped", "[dedup]") {
    const std::string wire = report(Report{});
    const std::string sentence_cut = wire.substr(0, wire.rfind(", entre ellas")) + ".";
    std::string reworded = wire;
    reworded.replace(reworded.find("informó"), 7, "dijo");
    const struct {
        const char* what;
        std::string copy;
    } cases[] = {
        {"the same text", wire},
        {"an agency dateline in front", "SANTO DOMINGO (EFE). " + wire},
        {"another outlet's credit", "Madrid (Europa Press). " + wire},
        {"the last clause cut", sentence_cut},
        {"a word changed", reworded},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const auto got = clusters({wire, c.copy});
        CHECK(got[1] == got[0]);
    }
}

TEST_CASE("facts: figures and dates on each side, or two names each, tell reports apart", "[dedup]") {
    const analysis::Analyzer an;
    const auto f = [&](const std::string& t) { return dedup::facts(t, an); };
    CHECK(dedup::same_facts(f("Llegaron 12 personas a Lima."), f("Llegaron 12 personas a Lima.")));
    CHECK_FALSE(dedup::same_facts(f("Llegaron 12 personas."), f("Llegaron 15 personas.")));
    CHECK(dedup::same_facts(f("Llegaron 12 personas."), f("Llegaron 12 personas el 3 de mayo.")));
    CHECK_FALSE(dedup::same_facts(f("Habló con Juan Pérez."), f("Habló con Ana Gómez.")));
    CHECK(dedup::same_facts(f("Habló con Juan Pérez (EFE)."), f("Habló con Juan Pérez (AFP).")));
    CHECK(dedup::same_facts(f("Sin cifras ni nombres."), f("sin cifras ni nombres")));
}
