// hemeroteca-search serve, run as a user runs it: the real binary on a free
// loopback port over corpus/ (plus an article with an XSS payload) indexed into
// a temporary database, queried over HTTP with libcurl.
#include "support/cli.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hemeroteca::test;
using nlohmann::json;

namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

const char* kXssArticle =
    R"({"url": "https://example.org/xss", "title": "<script>alert('titular')</script> Un xilofonista en apuros",)"
    R"( "date": "2024-05-01", "section": "Cultura", "source": "Diario de Pruebas",)"
    R"( "text": "El xilofonista <script>alert('cuerpo')</script> tocó <b>fuerte</b> & siguió \"tocando\"."})"
    "\n";

// One server per test process over corpus/ and the XSS article.
struct Fixture {
    TempDir tmp;
    std::filesystem::path db = tmp / "web.db";
    ServerProcess* server = nullptr;
    Fixture() {
        write_file(tmp / "xss.jsonl", kXssArticle);
        const auto r = index(db, {(source_dir() / "corpus").string(), (tmp / "xss.jsonl").string()});
        if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
        server = new ServerProcess(db);
    }
    ~Fixture() { delete server; }
};

const ServerProcess& server() {
    static Fixture fixture;
    return *fixture.server;
}

json get_json(const std::string& path, long expected_status = 200) {
    const HttpResponse r = http_get(server().url(path));
    INFO(path << " -> " << r.status << " " << r.body);
    CHECK(r.status == expected_status);
    CHECK(r.content_type == kJsonType);
    return json::parse(r.body, nullptr, false);
}

} // namespace

TEST_CASE("GET /api/health: article count and last update", "[e2e][server]") {
    const json health = get_json("/api/health");
    CHECK(health["status"] == "ok");
    CHECK(health["articles"] == 50);
    CHECK(health["last_updated"].get<std::string>().rfind("20", 0) == 0);
}

TEST_CASE("GET /api/search: highlighted results, total, facets, timing, paging", "[e2e][server]") {
    const json r = get_json("/api/search?q=" + url_encode("soldados Corea del Norte") + "&facets=1");
    REQUIRE(r["results"].size() >= 1);
    CHECK(r["results"][0]["title"].get<std::string>().find("Kim Jong-un") != std::string::npos);
    CHECK(r["results"][0]["snippet"].get<std::string>().find("<mark>") != std::string::npos);
    CHECK(r["total"].get<int>() >= 1);
    CHECK(r["took_ms"].is_number());
    CHECK(r["page"] == 1);
    for (const char* facet : {"year", "section", "source"}) CHECK(r["facets"][facet].size() >= 1);

    SECTION("paging: page 2 of size 2 continues page 1") {
        const json p1 = get_json("/api/search?q=gobierno&per_page=2");
        const json p2 = get_json("/api/search?q=gobierno&per_page=2&page=2");
        REQUIRE(p1["results"].size() == 2);
        REQUIRE(p2["results"].size() == 2);
        CHECK(p2["results"][0]["rank"] == 3);
        CHECK(p2["results"][0]["id"] != p1["results"][0]["id"]);
    }
    SECTION("filters and sort") {
        const json only = get_json("/api/search?q=gobierno&source=" + url_encode("El Diario del Sur"));
        REQUIRE(only["results"].size() >= 1);
        for (const auto& hit : only["results"]) CHECK(hit["source"] == "El Diario del Sur");
        const json dated = get_json("/api/search?q=gobierno&from=2023&to=2024&sort=newest");
        REQUIRE(dated["results"].size() >= 1);
        std::string previous = "9999";
        for (const auto& hit : dated["results"]) {
            const std::string date = hit["date"];
            CHECK(date.substr(0, 4) >= "2023");
            CHECK(date.substr(0, 4) <= "2024");
            CHECK(date <= previous);
            previous = date;
        }
    }
    SECTION("did you mean") {
        // Nothing matches the word typed: the results of the suggestion, said so.
        const json none = get_json("/api/search?q=argentna");
        CHECK(none["suggestion"] == "Argentina");
        CHECK(none["retried_with"] == "Argentina");
        CHECK(none["total"] > 0);
    }
    SECTION("syndicated copies collapse; collapse=0 shows them") {
        const json collapsed = get_json("/api/search?q=argentina&per_page=100");
        const json all = get_json("/api/search?q=argentina&per_page=100&collapse=0");
        CHECK(all["results"].size() > collapsed["results"].size());
    }
}

TEST_CASE("GET /api/search: bad queries and parameters are 400 with a message", "[e2e][server][errors]") {
    const std::vector<std::string> bad = {
        "q=" + url_encode("Rusia AND"),
        "q=rusia&per_page=101",
        "q=rusia&per_page=0",
        "q=rusia&page=0",
        "q=rusia&page=abc",
        "q=rusia&sort=bogus",
        "q=rusia&from=nunca",
        "q=rusia&facets=maybe",
        "q=" + std::string(1001, 'a'),
        "q=",
        "",
    };
    for (const auto& query : bad) {
        const json r = get_json("/api/search?" + query, 400);
        CHECK(!r["error"].get<std::string>().empty());
    }
}

TEST_CASE("GET /api/article: metadata, full text and versions", "[e2e][server]") {
    const json search = get_json("/api/search?q=argentina&per_page=100");
    json story;
    for (const auto& hit : search["results"])
        if (hit["versions"].get<int>() > 0) story = hit;
    REQUIRE(story.is_object());
    const json a = get_json("/api/article?id=" + story["id"].get<std::string>());
    CHECK(a["id"] == story["id"]);
    CHECK(a["title"] == story["title"]);
    CHECK(a["url"] == story["url"]);
    CHECK(a["text"].get<std::string>().size() > 300);
    CHECK(a["versions"].size() == story["versions"].get<std::size_t>() + 1);

    CHECK(get_json("/api/article?id=0000000000000001", 404)["error"] ==
          "no article with the id 0000000000000001");
    for (const char* bad : {"", "?id=", "?id=abc", "?id=0", "?id=-3", "?id=1", "?id=%200123456789abcdef"})
        get_json(std::string("/api/article") + bad, 400);
}

TEST_CASE("GET /api/related: other articles about the same story", "[e2e][server]") {
    const json search = get_json("/api/search?q=" + url_encode("Kim Jong-un Putin"));
    REQUIRE(search["results"].size() >= 1);
    const std::string id = search["results"][0]["id"];
    const json related = get_json("/api/related?id=" + id);
    CHECK(related["id"] == id);
    REQUIRE(related["results"].size() >= 1);
    CHECK(related["results"].size() <= 5);
    for (const auto& hit : related["results"]) CHECK(hit["id"] != id);
    get_json("/api/related?id=0000000000000001", 404);
    get_json("/api/related", 400);
}

TEST_CASE("XSS: <script> in an article comes back escaped in snippets", "[e2e][server][security]") {
    const HttpResponse raw = http_get(server().url("/api/search?q=xilofonista"));
    CHECK(raw.status == 200);
    CHECK(raw.content_type == kJsonType);
    CHECK(raw.headers.find("X-Content-Type-Options: nosniff") != std::string::npos);
    CHECK(raw.headers.find("Content-Security-Policy: default-src 'none'; script-src 'self'") !=
          std::string::npos);
    const json r = json::parse(raw.body);
    REQUIRE(r["results"].size() == 1);
    const std::string snippet = r["results"][0]["snippet"];
    INFO(snippet);
    CHECK(snippet.find("<script") == std::string::npos);
    CHECK(snippet.find("<b>") == std::string::npos);
    CHECK(snippet.find("&lt;script&gt;alert(&#39;cuerpo&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(snippet.find("&amp; siguió &quot;tocando&quot;") != std::string::npos);
    CHECK(snippet.find("<mark>xilofonista</mark>") != std::string::npos);
    // Titles are JSON text (the page inserts them with textContent), never HTML.
    CHECK(r["results"][0]["title"].get<std::string>().rfind("<script>", 0) == 0);
}

TEST_CASE("the page and its files are served with their charsets", "[e2e][server][static]") {
    const struct {
        const char* path;
        const char* type;
        const char* contains;
    } files[] = {
        {"/", "text/html; charset=utf-8", "<html lang=\"es\">"},
        {"/static/app.js", "text/javascript; charset=utf-8", "pushState"},
        {"/static/app.css", "text/css; charset=utf-8", "@media"},
    };
    for (const auto& f : files) {
        INFO(f.path);
        const HttpResponse r = http_get(server().url(f.path));
        CHECK(r.status == 200);
        CHECK(r.content_type == f.type);
        CHECK(r.body.find(f.contains) != std::string::npos);
    }
    // The page makes no external request: every src/href is local.
    const std::string page = http_get(server().url("/")).body;
    CHECK(page.find("http://") == std::string::npos);
    CHECK(page.find("https://") == std::string::npos);
}

TEST_CASE("path traversal and unknown paths get a JSON 404", "[e2e][server][security]") {
    for (const char* path : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/../../x",
                             "/static/..%2f..%2fetc%2fpasswd", "/static/%2e%2e/CMakeLists.txt", "/static/",
                             "/static/app.js/../../../etc/passwd", "/static//etc/passwd", "/index.html/..",
                             "/api/nope", "/favicon.ico", "/static/assets/app.js", "/etc/passwd"}) {
        INFO(path);
        const HttpResponse r = http_get(server().url(path));
        CHECK(r.status == 404);
        CHECK(r.content_type == kJsonType);
        CHECK(r.body.find("root:") == std::string::npos);
    }
}

TEST_CASE("other methods get 405", "[e2e][server][errors]") {
    for (const char* method : {"POST", "PUT", "DELETE"}) {
        INFO(method);
        const HttpResponse r = http_request(server().url("/api/search?q=rusia"), method);
        CHECK(r.status == 405);
        CHECK(r.content_type == kJsonType);
    }
}

TEST_CASE("an oversized URI gets a JSON 414", "[e2e][server][errors]") {
    const HttpResponse r = http_get(server().url("/api/search?q=" + std::string(9000, 'a')));
    CHECK(r.status == 414);
    CHECK(r.content_type == kJsonType);
    CHECK(json::parse(r.body)["error"] == "URI too long");
}
