// Every number a user reads is true: the total and each facet count in the
// terminal, --json and the web API (the real server, twice: the second answer
// comes from the in-memory column) equal a brute count made here, by reading
// every article of the database; a total does not change with --limit or
// --offset; spellings of one outlet, section or author are one value, and
// filtering by it selects exactly the articles it counts.
#include "facet_value.h"
#include "support/cli.h"
#include "support/http_client.h"
#include "support/run.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

using namespace hemeroteca;
using namespace hemeroteca::test;
using nlohmann::json;

namespace {

constexpr int kArticles = 360; // more than the ranked pass checks (100): its bounds are estimates
constexpr int kCopies = 24;    // the first kCopies texts again, from other outlets

const std::vector<std::string> kWords = {
    "ciudad",    "puerto",   "mercado",  "escuela",    "hospital",    "carretera",  "puente",
    "parque",    "río",      "montaña",  "biblioteca", "museo",       "estadio",    "aeropuerto",
    "fábrica",   "granja",   "playa",    "bosque",     "valle",       "isla",       "plaza",
    "barrio",    "avenida",  "teatro",   "iglesia",    "castillo",    "torre",      "jardín",
    "lago",      "desierto", "selva",    "costa",      "frontera",    "provincia",  "región",
    "distrito",  "vecinos",  "alumnos",  "médicos",    "obreros",     "turistas",   "pescadores",
    "artistas",  "jueces",   "policías", "bomberos",   "maestros",    "ingenieros", "músicos",
    "atletas",   "lluvia",   "sequía",   "incendio",   "tormenta",    "cosecha",    "festival",
    "concierto", "partido",  "elección", "reforma",    "presupuesto", "contrato",   "licitación",
    "protesta",  "huelga",   "acuerdo",  "denuncia",   "sentencia",   "informe",    "estudio",
    "encuesta",  "proyecto", "nuevo",    "antiguo",    "grande",      "pequeño",    "rápido",
    "lento",     "caro",     "barato",   "verde",      "azul",        "abre",       "cierra",
    "anuncia",   "rechaza",  "aprueba",  "inaugura",   "suspende",    "investiga",  "celebra",
    "recibe"};

const std::vector<std::string> kSources = {"El País", "El País",       "El país",     "El País",    "El Pais",
                                           "EL PAÍS", "La Jornada",    "La Jornada ", "La Jornada", "Clarín",
                                           "clarin",  "Diario  Libre", "Diario Libre"};
const std::vector<std::string> kSections = {"Economía", "Economia", "economía", "España",
                                            "espana",   "Política", "Cultura",  "España"};
const std::vector<std::string> kAuthors = {"María Gómez", "maria gomez", "María Gómez, EFE",
                                           "Juan Pérez",  "JUAN PÉREZ",  "",
                                           "Ana Núñez",   "Ana Nuñez"};

struct Written {
    json line;
    bool gobierno = false;
};

std::vector<Written> generate() {
    std::vector<Written> out;
    std::uint32_t state = 12345;
    const auto next = [&] { return (state = state * 1103515245u + 12345u) >> 8; };
    for (int i = 0; i < kArticles + kCopies; ++i) {
        const bool copy = i >= kArticles;
        const int base = copy ? i - kArticles : i;
        Written w;
        if (copy) {
            w = out[static_cast<std::size_t>(base)];
        } else {
            w.gobierno = i % 5 != 0;
            std::string text = "Informe " + std::to_string(i) + ":";
            for (int k = 0; k < 70; ++k) {
                text += " " + kWords[next() % kWords.size()];
                if (k == 30 && w.gobierno) text += " gobierno";
            }
            text += " y " + std::to_string(1000 + i) + ".";
            w.line["text"] = text;
            w.line["title"] = "Crónica " + std::to_string(i) + (w.gobierno ? " del gobierno" : "");
        }
        w.line["url"] = "https://prueba.example/" + std::to_string(i);
        w.line["date"] = std::to_string(2015 + i % 7) + "-0" + std::to_string(1 + i % 9) + "-1" +
                         std::to_string(i % 10) + "T08:00:00Z";
        w.line["source"] = copy ? "Agencia Copia" : kSources[static_cast<std::size_t>(i) % kSources.size()];
        w.line["section"] = kSections[static_cast<std::size_t>(i) % kSections.size()];
        w.line["author"] = kAuthors[static_cast<std::size_t>(i) % kAuthors.size()];
        w.line["lang"] = i % 11 == 0 ? "pt" : "es";
        out.push_back(w);
    }
    return out;
}

struct Archive {
    TempDir tmp;
    std::filesystem::path db = tmp / "counts.db";
    std::vector<Written> written = generate();
    Archive() {
        std::ofstream lines(tmp / "articles.jsonl");
        for (const auto& w : written) lines << w.line.dump() << '\n';
        lines.close();
        const auto r = index(db, {(tmp / "articles.jsonl").string()});
        if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
    }
};

const Archive& archive() {
    static const Archive a;
    return a;
}

// key -> count, brute force: every document of the database read back.
struct Brute {
    std::size_t articles = 0;
    std::size_t stories = 0;
    std::map<std::string, std::map<std::string, std::size_t>> facets; // facet -> key -> count
};

// The articles of the database that hold the word «gobierno» (as written by generate())
// and pass `keep`.
template <typename Keep> Brute brute(Keep&& keep) {
    std::set<std::string> with_word;
    for (const auto& w : archive().written)
        if (w.gobierno) with_word.insert(w.line["url"].get<std::string>());
    Xapian::Database db(archive().db.string());
    Brute b;
    std::set<std::string> clusters;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        const json a = json::parse(doc.get_data());
        if (!with_word.count(a["url"].get<std::string>()) || !keep(a)) continue;
        ++b.articles;
        clusters.insert(doc.get_value(7)); // Slot::cluster: syndicated copies share it
        const auto add = [&](const char* facet, const std::string& value) {
            if (const std::string k = facets::key(value); !k.empty()) ++b.facets[facet][k];
        };
        add("year", a["date"].get<std::string>().substr(0, 4));
        add("section", a.value("section", ""));
        add("source", a.value("source", ""));
        add("lang", a.value("lang", ""));
        facets::for_each_author(a.value("author", ""),
                                [&](std::string_view one) { add("author", std::string(one)); });
    }
    b.stories = clusters.size();
    return b;
}

Brute brute_all() {
    return brute([](const json&) { return true; });
}

// The reported facets of a JSON answer, by key.
std::map<std::string, std::map<std::string, std::size_t>> reported(const json& answer) {
    std::map<std::string, std::map<std::string, std::size_t>> out;
    for (const auto& [facet, values] : answer["facets"].items())
        for (const auto& v : values) {
            const std::string k = facets::key(v["value"].get<std::string>());
            CHECK(out[facet].count(k) == 0); // one value per key
            out[facet][k] += v["count"].get<std::size_t>();
        }
    return out;
}

std::string display_of(const json& answer, const std::string& facet, const std::string& key) {
    for (const auto& v : answer["facets"][facet])
        if (facets::key(v["value"].get<std::string>()) == key) return v["value"].get<std::string>();
    return {};
}

} // namespace

TEST_CASE("exact counts: --json totals and facets equal a brute count, whatever the page", "[e2e][counts]") {
    const Brute b = brute_all();
    REQUIRE(b.articles > 200);
    REQUIRE(b.stories < b.articles); // the copies are grouped
    for (const std::vector<std::string>& page : {std::vector<std::string>{"-n", "1"},
                                                 {"-n", "5", "--offset", "3"},
                                                 {"-n", "10"},
                                                 {"-n", "50", "--offset", "200"}}) {
        auto args = page;
        args.push_back("--facets");
        const auto out = search_json(archive().db, "gobierno", args);
        INFO(page[1]);
        REQUIRE(out.exit_code == 0);
        CHECK(out.json["total"] == b.stories);
        CHECK(out.json["total_exact"] == true);
        CHECK(out.json["facets_exact"] == true);
        CHECK(reported(out.json) == b.facets);
        // Without facets too: the total is counted, not estimated.
        const auto plain = search_json(archive().db, "gobierno", page);
        CHECK(plain.json["total"] == b.stories);
        CHECK(plain.json["total_exact"] == true);
        const auto uncollapsed = search_json(archive().db, "gobierno", {"--no-collapse", "-n", page[1]});
        CHECK(uncollapsed.json["total"] == b.articles);
    }
}

TEST_CASE("exact counts: spellings are one value, shown in their commonest form", "[e2e][counts]") {
    const auto out = search_json(archive().db, "gobierno", {"--facets", "-n", "1"});
    CHECK(display_of(out.json, "source", "el pais") == "El País");
    CHECK(display_of(out.json, "source", "la jornada") == "La Jornada");
    CHECK(display_of(out.json, "source", "diario libre") == "Diario Libre");
    CHECK(display_of(out.json, "section", "economia") == "Economía");
    CHECK(display_of(out.json, "section", "espana") == "España");
    CHECK(display_of(out.json, "author", "maria gomez") == "María Gómez");
}

TEST_CASE("exact counts: a filter selects exactly what its facet value counts", "[e2e][counts]") {
    const auto facets = search_json(archive().db, "gobierno", {"--facets", "-n", "1"});
    const auto counted = reported(facets.json);
    const struct {
        const char* option;
        const char* facet;
        const char* typed;
    } cases[] = {
        {"--source", "source", "El País"},
        {"--source", "source", "el pais"},
        {"--source", "source", "EL PAÍS"},
        {"--source", "source", "La Jornada"},
        {"--section", "section", "economia"},
        {"--section", "section", "España"},
        {"--author", "author", "María Gómez"},
        {"--author", "author", "ana nunez"},
        {"--lang", "lang", "pt"},
    };
    for (const auto& c : cases) {
        INFO(c.option << " " << c.typed);
        const auto filtered =
            search_json(archive().db, "gobierno", {c.option, c.typed, "--no-collapse", "-n", "1"});
        const std::string key = facets::key(c.typed);
        const Brute b = brute([&](const json& a) {
            if (std::string(c.facet) == "author") {
                bool any = false;
                facets::for_each_author(a.value("author", ""),
                                        [&](std::string_view one) { any |= facets::key(one) == key; });
                return any;
            }
            return facets::key(a.value(c.facet, "")) == key;
        });
        CHECK(b.articles > 0);
        CHECK(filtered.json["total"] == b.articles);
        CHECK(counted.at(c.facet).at(key) == b.articles);
    }
}

TEST_CASE("exact counts: the terminal prints the same numbers, singular for one", "[e2e][counts]") {
    const Brute b = brute_all();
    for (const char* limit : {"1", "10"}) {
        const auto r =
            run({search_bin(), "--db", archive().db.string(), "--facets", "-n", limit, "gobierno"});
        INFO(r.out);
        CHECK(r.out.find("«gobierno»: " + std::to_string(b.stories) + " articles,") != std::string::npos);
        CHECK(r.out.find("El País (" + std::to_string(b.facets.at("source").at("el pais")) + ")") !=
              std::string::npos);
        CHECK(r.out.find("about") == std::string::npos);
    }
    const auto one = run({search_bin(), "--db", archive().db.string(), "Informe", "100"});
    INFO(one.out);
    CHECK(one.out.find(": 1 article,") != std::string::npos);
}

TEST_CASE("exact counts: the web API's facets equal the brute count, first and later requests",
          "[e2e][counts][server]") {
    const Brute b = brute_all();
    const ServerProcess server(archive().db);
    for (int request = 0; request < 3; ++request) { // the first reads documents, later ones the column
        INFO("request " << request);
        const HttpResponse r = http_get(server.url("/api/search?q=gobierno&facets=1&per_page=3"));
        REQUIRE(r.status == 200);
        const json answer = json::parse(r.body);
        CHECK(answer["total"] == b.stories);
        CHECK(answer["total_exact"] == true);
        CHECK(answer["facets_exact"] == true);
        CHECK(reported(answer) == b.facets);
        CHECK(display_of(answer, "source", "el pais") == "El País");
    }
    const HttpResponse filtered =
        http_get(server.url("/api/search?q=gobierno&collapse=0&source=" + url_encode("EL PAIS")));
    REQUIRE(filtered.status == 200);
    CHECK(json::parse(filtered.body)["total"] == b.facets.at("source").at("el pais"));
}

TEST_CASE("exact counts: the old --facet-sample N no longer makes estimates", "[e2e][counts][server]") {
    // It scaled facets from N matches and took the ranked pass's estimate as the
    // total: «gobierno» 2016-2018 said 110 of these 132 articles at N = 40.
    const Brute b = brute([](const json& a) {
        const std::string year = a["date"].get<std::string>().substr(0, 4);
        return year >= "2016" && year <= "2018";
    });
    REQUIRE(b.articles > 40);
    const ServerProcess server(archive().db, {"--facet-sample", "40"});
    for (const char* page : {"1", "2"}) {
        INFO("page " << page);
        const HttpResponse r = http_get(server.url(
            std::string("/api/search?q=gobierno&facets=1&collapse=0&per_page=10&from=2016&to=2018&page=") +
            page));
        REQUIRE(r.status == 200);
        const json answer = json::parse(r.body);
        CHECK(answer["total"] == b.articles);
        CHECK(answer["total_exact"] == true);
        CHECK(answer["facets_exact"] == true);
        CHECK(reported(answer) == b.facets);
    }
}
