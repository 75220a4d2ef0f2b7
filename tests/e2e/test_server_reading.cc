// The reading room's endpoints against the real server (hemeroteca-search serve
// over corpus/ plus three JSON Lines articles: one without a URL, one behind a
// short link, one from a site:): the article view, the timeline, exports,
// the Atom feed (parsed by Debian's python3-feedparser), OpenSearch, the page's
// own /articulo/ID route, and their errors.
#include "support/cli.h"
#include "support/http_client.h"
#include "support/run.h"
#include "support/server_process.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>

using namespace hemeroteca::test;
using nlohmann::json;

namespace {

const char* kArticles =
    R"({"id": "7", "title": "Un gobierno sin enlace", "date": "2024-05-01", "section": "Cultura", "source": "Diario de Pruebas", "text": "Primer párrafo sin nada.\n\nEl gobierno habló del presupuesto.\n\nOtro párrafo."})"
    "\n"
    R"({"url": "https://goo.gl/abc123", "title": "Noticia tras un enlace corto", "date": "2024-05-02", "source": "Diario de Pruebas", "text": "El xilofonista tocó toda la noche."})"
    "\n"
    R"({"url": "https://m.diariolibre.com/actualidad/2024/05/03/lluvias", "title": "Lluvias en Santo Domingo", "date": "2024-05-03", "source": "Diario Libre", "text": "Las lluvias dejaron calles anegadas en Santo Domingo, dijo el gobierno."})"
    "\n";

struct Fixture {
    TempDir tmp;
    std::filesystem::path db = tmp / "reading.db";
    ServerProcess* server = nullptr;
    Fixture() {
        std::ofstream(tmp / "extra.jsonl", std::ios::binary) << kArticles;
        const auto r = index(db, {(source_dir() / "corpus").string(), (tmp / "extra.jsonl").string()});
        if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
        server = new ServerProcess(db, {"--export-max", "30"});
    }
    ~Fixture() { delete server; }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}
const ServerProcess& server() { return *fixture().server; }

HttpResponse get(const std::string& path, long status = 200) {
    const HttpResponse r = http_get(server().url(path));
    INFO(path << " -> " << r.status << " " << r.body.substr(0, 400));
    CHECK(r.status == status);
    return r;
}

json get_json(const std::string& path, long status = 200) {
    return json::parse(get(path, status).body, nullptr, false);
}

std::string first_id(const std::string& query) {
    const json r = get_json("/api/search?q=" + url_encode(query));
    REQUIRE(r["results"].size() >= 1);
    return r["results"][0]["id"].get<std::string>();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("GET /api/article?q=: highlighted paragraphs, first match, URL kind", "[e2e][server][reading]") {
    const std::string id = first_id("gobierno sin enlace");
    const json a = get_json("/api/article?id=" + id + "&q=gobierno");
    CHECK(a["id"] == id);
    CHECK(a["title_html"] == "Un <mark>gobierno</mark> sin enlace");
    REQUIRE(a["paragraphs"].size() == 3);
    CHECK(a["paragraphs"][0] == "Primer párrafo sin nada.");
    CHECK(a["paragraphs"][1] == "El <mark>gobierno</mark> habló del presupuesto.");
    CHECK(a["first_match"] == 1);
    CHECK(a["matches"] == 1);
    CHECK(a["url_kind"] == "none");
    CHECK(a["key"] == "extra.jsonl#7");

    const json short_link = get_json("/api/article?id=" + first_id("xilofonista noche"));
    CHECK(short_link["url_kind"] == "short");
    CHECK(short_link["first_match"] == -1);
    const json corpus = get_json("/api/article?id=" + first_id("soldados Corea") + "&q=soldados");
    CHECK(corpus["url_kind"] == "original");
    CHECK(corpus["paragraphs"][corpus["first_match"].get<int>()].get<std::string>().find(
              "<mark>soldados</mark>") != std::string::npos);

    SECTION("errors") {
        CHECK(get_json("/api/article?id=0123456789abcdef", 404)["code"] == "not_found");
        for (const char* bad : {"abc", "1", "0123456789ABCDEF", "0123456789abcdef0"}) {
            INFO(bad);
            const json e = get_json(std::string("/api/article?id=") + bad, 400);
            CHECK(e["code"] == "bad_parameter");
            CHECK(e["parameter"] == "id");
        }
        CHECK(get_json("/api/article?id=" + id + "&q=" + url_encode("Rusia AND"), 400)["code"] ==
              "query_syntax");
    }
}

TEST_CASE("GET /api/search: highlighted titles; page 501 names its parameter", "[e2e][server][reading]") {
    const json r = get_json("/api/search?q=gobierno+enlace");
    REQUIRE(r["results"].size() >= 1);
    CHECK(r["results"][0]["title_html"] == "Un <mark>gobierno</mark> sin <mark>enlace</mark>");
    const json deep = get_json("/api/search?q=gobierno&page=501", 400);
    CHECK(deep["parameter"] == "page");
    CHECK(deep["code"] == "bad_parameter");
}

TEST_CASE("site:, sitio: and url: filter by outlet domain and URL prefix", "[e2e][server][reading]") {
    for (const char* q :
         {"site:diariolibre.com", "sitio:www.diariolibre.com lluvias", "site:m.diariolibre.com",
          "url:m.diariolibre.com/actualidad/2024", "url:https://m.diariolibre.com/actualidad"}) {
        INFO(q);
        const json r = get_json("/api/search?q=" + url_encode(q));
        REQUIRE(r["results"].size() == 1);
        CHECK(r["results"][0]["title"] == "Lluvias en Santo Domingo");
    }
    CHECK(get_json("/api/search?q=" + url_encode("site:nohaytal.com"))["results"].empty());
    CHECK(get_json("/api/search?q=" + url_encode("url:diariolibre.com/deportes"))["results"].empty());
    const json minus =
        get_json("/api/search?q=" + url_encode("gobierno -site:diariolibre.com") + "&per_page=100");
    for (const auto& hit : minus["results"]) CHECK(hit["source"] != "Diario Libre");
    CHECK(minus["results"].size() >= 10);
}

TEST_CASE("GET /api/timeline: exact counts by year, month or day as the range narrows",
          "[e2e][server][reading]") {
    const json search = get_json("/api/search?q=gobierno&collapse=0&facets=1");
    const json all = get_json("/api/timeline?q=gobierno");
    CHECK(all["unit"] == "year");
    std::size_t sum = 0;
    for (const auto& b : all["buckets"]) sum += b["count"].get<std::size_t>();
    CHECK(sum + all["undated"].get<std::size_t>() == all["total"].get<std::size_t>());
    CHECK(all["total"] == search["total"]);
    // Contiguous years, with their first and last days.
    for (std::size_t i = 1; i < all["buckets"].size(); ++i)
        CHECK(std::stoi(all["buckets"][i]["key"].get<std::string>()) ==
              std::stoi(all["buckets"][i - 1]["key"].get<std::string>()) + 1);
    CHECK(all["buckets"][0]["from"].get<std::string>().ends_with("-01-01"));

    const json year = get_json("/api/timeline?q=gobierno&from=2024&to=2024");
    CHECK(year["unit"] == "month");
    const json days = get_json("/api/timeline?q=gobierno&from=2024-05-01&to=2024-05-31");
    CHECK(days["unit"] == "day");
    const json forced = get_json("/api/timeline?q=gobierno&unit=month");
    CHECK(forced["unit"] == "month");
    CHECK(forced["total"] == all["total"]);

    SECTION("errors") {
        CHECK(get_json("/api/timeline?q=gobierno&unit=week", 400)["parameter"] == "unit");
        CHECK(get_json("/api/timeline?q=" + url_encode("Rusia AND"), 400)["code"] == "query_syntax");
        CHECK(get_json("/api/timeline", 400)["code"] == "bad_request");
    }
}

TEST_CASE("GET /api/export: every result as CSV and JSON Lines, capped", "[e2e][server][reading]") {
    const json search = get_json("/api/search?q=elecciones");
    const std::size_t total = search["total"].get<std::size_t>();
    REQUIRE(total > 10); // more than one page
    REQUIRE(total <= 30);

    const HttpResponse jsonl = get("/api/export?q=elecciones&format=jsonl");
    CHECK(jsonl.content_type == "application/x-ndjson; charset=utf-8");
    CHECK(jsonl.headers.find("attachment; filename=\"hemeroteca-elecciones.jsonl\"") != std::string::npos);
    const auto rows = lines_of(jsonl.body);
    CHECK(rows.size() == total);
    std::set<std::string> ids;
    for (const auto& line : rows) {
        const json row = json::parse(line);
        for (const char* key : {"url", "id", "title", "date", "outlet", "author", "section", "snippet"})
            CHECK(row.contains(key));
        ids.insert(row["id"].get<std::string>());
    }
    CHECK(ids.size() == total);
    CHECK(ids.count(search["results"][0]["id"].get<std::string>()) == 1);

    const HttpResponse csv = get("/api/export?q=elecciones&format=csv");
    CHECK(csv.content_type == "text/csv; charset=utf-8");
    const auto csv_rows = lines_of(csv.body);
    CHECK(csv_rows.front() == "url,id,title,date,outlet,author,section,snippet\r");
    CHECK(csv_rows.size() == total + 1); // no field of these articles holds a line break

    SECTION("the cap (--export-max 30, or max=) is said in the headers") {
        const HttpResponse capped = get("/api/export?q=elecciones&format=jsonl&max=3");
        CHECK(lines_of(capped.body).size() == 3);
        CHECK(capped.headers.find("X-Export-Truncated: true") != std::string::npos);
        const HttpResponse everything = get("/api/export?from=2000&format=jsonl");
        CHECK(lines_of(everything.body).size() == 30);
    }
    SECTION("errors") {
        CHECK(get_json("/api/export?q=elecciones&format=xls", 400)["parameter"] == "format");
        CHECK(get_json("/api/export?q=elecciones&max=31", 400)["parameter"] == "max");
        CHECK(get_json("/api/export?q=" + url_encode("Rusia AND"), 400)["code"] == "query_syntax");
    }
}

TEST_CASE("GET /feed: a valid Atom feed of the newest matches (feedparser)", "[e2e][server][reading]") {
    const HttpResponse feed = get("/feed?q=gobierno");
    CHECK(feed.content_type == "application/atom+xml; charset=utf-8");
    REQUIRE(std::filesystem::exists("/usr/bin/python3")); // python3-feedparser: .ci/setup
    TempDir tmp;
    std::ofstream(tmp / "feed.xml", std::ios::binary) << feed.body;
    const RunResult parsed =
        run({"/usr/bin/python3", "-c",
             "import feedparser, json, sys\n"
             "f = feedparser.parse(open(sys.argv[1], 'rb').read())\n"
             "print(json.dumps({'bozo': bool(f.bozo), 'version': f.version, 'title': f.feed.title,"
             " 'dates': [e.published for e in f.entries if 'published' in e],"
             " 'links': [e.link for e in f.entries]}))\n",
             (tmp / "feed.xml").string()});
    INFO(parsed.err << feed.body.substr(0, 600));
    REQUIRE(parsed.exit_code == 0);
    const json f = json::parse(parsed.out);
    CHECK(f["bozo"] == false);
    CHECK(f["version"] == "atom10");
    CHECK(f["title"] == "Hemeroteca: gobierno");
    REQUIRE(f["links"].size() == 20);
    CHECK(f["links"][0].get<std::string>().find("/articulo/") != std::string::npos);
    // Newest first.
    const auto dates = f["dates"].get<std::vector<std::string>>();
    for (std::size_t i = 1; i < dates.size(); ++i)
        CHECK(dates[i - 1].substr(0, 10) >= dates[i].substr(0, 10));

    CHECK(get_json("/feed?q=" + url_encode("Rusia AND"), 400)["code"] == "query_syntax");
}

TEST_CASE("GET /opensearch.xml and the page's /articulo/ID route", "[e2e][server][reading]") {
    const HttpResponse os = get("/opensearch.xml");
    CHECK(os.content_type == "application/opensearchdescription+xml; charset=utf-8");
    CHECK(os.body.find("template=\"" + server().url("/?q={searchTerms}") + "\"") != std::string::npos);
    const HttpResponse page = get("/articulo/" + first_id("gobierno sin enlace"));
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.body.find("rel=\"search\"") != std::string::npos);
    get("/articulo/0123456789abcdef/mas", 404);
}

TEST_CASE("show ID|URL, and a stable id that show, --like and --versions accept", "[e2e][cli][reading]") {
    const auto& db = fixture().db;
    const SearchOutput r = search_json(db, "gobierno sin enlace");
    REQUIRE(r.json["results"].size() >= 1);
    const RunResult listed =
        run({search_bin(), "--db", db.string(), "--color", "never", "gobierno", "sin", "enlace"});
    CHECK(listed.out.find("extra.jsonl#7") != std::string::npos);
    CHECK(listed.out.find(".jsonl\n") == std::string::npos); // not the file's path as a "URL"

    const RunResult shown =
        run({search_bin(), "show", "--db", db.string(), "--color", "never", "extra.jsonl#7"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out.find("Un gobierno sin enlace") != std::string::npos);
    CHECK(shown.out.find("(no original URL) id: extra.jsonl#7") != std::string::npos);
    CHECK(shown.out.find("El gobierno habló del presupuesto.") != std::string::npos);
    const RunResult by_url =
        run({search_bin(), "show", "--db", db.string(), "--json", "https://goo.gl/abc123"});
    CHECK(json::parse(by_url.out)["title"] == "Noticia tras un enlace corto");
    CHECK(run({search_bin(), "show", "--db", db.string(), "nada"}).exit_code == 2);

    CHECK(run({search_bin(), "--db", db.string(), "--like", "extra.jsonl#7"}).exit_code == 0);
    CHECK(run({search_bin(), "--db", db.string(), "--versions", "extra.jsonl#7"}).exit_code == 0);

    // The public id the API gives (a digest of the id, not a docid) names it too.
    const std::string id = r.json["results"][0]["id"].get<std::string>();
    CHECK(id.size() == 16);
    CHECK(id == first_id("gobierno sin enlace"));
    const RunResult by_id = run({search_bin(), "show", "--db", db.string(), "--json", id});
    CHECK(by_id.exit_code == 0);
    CHECK(json::parse(by_id.out)["key"] == "extra.jsonl#7");
    CHECK(json::parse(by_id.out)["id"] == id);
    CHECK(run({search_bin(), "--db", db.string(), "--like", id}).exit_code == 0);
    CHECK(run({search_bin(), "--db", db.string(), "--versions", id}).exit_code == 0);
    // Docids are not public: "1" is not an article.
    CHECK(run({search_bin(), "show", "--db", db.string(), "1"}).exit_code == 2);

    const RunResult timeline = run({search_bin(), "--db", db.string(), "--timeline", "--json", "gobierno"});
    const json t = json::parse(timeline.out);
    CHECK(t["unit"] == "year");
    CHECK(t["total"] == get_json("/api/timeline?q=gobierno")["total"]);
    const RunResult bars =
        run({search_bin(), "--db", db.string(), "--timeline", "--color", "never", "gobierno"});
    CHECK(bars.out.find("2024      █") != std::string::npos);
}
