// hemeroteca-index over WARC files and gzipped inputs (fixtures written by the
// test from the shared real pages, never copied into the project).
#include "support/cli.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"
#include "support/warc_fixture.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

using namespace hemeroteca::test;
namespace fs = std::filesystem;

namespace {

struct SharedPage {
    std::string url;
    std::string html;
};

// The fundus-es pages with the URL they were crawled from.
std::vector<SharedPage> fundus_pages() {
    const auto dir = require_shared_data("pages/fundus-es");
    std::vector<SharedPage> out;
    std::ifstream manifest(dir / "manifest.jsonl");
    std::string line;
    while (std::getline(manifest, line)) {
        const auto j = nlohmann::json::parse(line);
        out.push_back({j["url"].get<std::string>(), slurp_file(dir / j["file"].get<std::string>())});
    }
    return out;
}

std::set<std::string> all_urls(const fs::path& db) {
    const auto urls = search_json(db, "de OR la OR el OR en", {"--limit", "1000"}).urls();
    return {urls.begin(), urls.end()};
}

} // namespace

TEST_CASE("WARC files of real pages, plain and gzip, index like the pages themselves", "[e2e][index][warc]") {
    const auto pages = fundus_pages();
    TempDir tmp;
    WarcFixture warc;
    warc.record("warcinfo", "", "application/warc-fields", "software: test-crawler/1.0\r\n");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        warc.record("request", pages[i].url, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n");
        // The El Mundo pages declare iso-8859-15 in <meta> but are UTF-8, as the HTTP header says.
        warc.response(pages[i].url, 200, "text/html; charset=utf-8", pages[i].html,
                      i % 2 ? "WARC/1.0" : "WARC/1.1");
        write_file(tmp / "pages" / (std::to_string(i) + ".html"), pages[i].html);
    }
    warc.response("https://www.abc.es/favicon.png", 200, "image/png", "\x89PNG\r\n\x1a\n....");
    warc.response("https://www.abc.es/no-existe.html", 404, "text/html", pages[0].html);
    warc.revisit("https://revisitada.example/otra-vez.html", pages[1].html);
    warc.write(tmp / "crawl.warc", false);
    warc.write(tmp / "crawl.warc.gz", true);

    const auto direct = index(tmp / "direct", {(tmp / "pages").string()});
    REQUIRE(direct.exit_code == 0);
    const auto plain = index(tmp / "plain", {(tmp / "crawl.warc").string()}, {"--verbose"});
    INFO(plain.err);
    REQUIRE(plain.exit_code == 0);
    const auto gz = index(tmp / "gz", {(tmp / "crawl.warc.gz").string()});
    INFO(gz.err);
    REQUIRE(gz.exit_code == 0);

    // Two crawls of one ABC URL are one article; the revisit, the image and the 404 add nothing.
    CHECK(doc_count(tmp / "plain") == doc_count(tmp / "direct"));
    CHECK(doc_count(tmp / "gz") == doc_count(tmp / "plain"));
    CHECK(doc_count(tmp / "plain") >= 12);
    CHECK(plain.err.find("favicon.png: skipped: not HTML (image/png)") != std::string::npos);
    CHECK(plain.err.find("no-existe.html: skipped: HTTP status 404") != std::string::npos);
    CHECK(plain.err.find("otra-vez.html: skipped: revisit record") != std::string::npos);
    CHECK(gz.err.find("3 skipped, 0 failed") != std::string::npos);

    const auto urls = all_urls(tmp / "gz");
    CHECK(urls == all_urls(tmp / "plain"));
    CHECK(urls.count("https://revisitada.example/otra-vez.html") == 0);
    CHECK(urls.count("https://www.abc.es/no-existe.html") == 0);
    // The lying-charset El Mundo pages come out right: accented words are found.
    CHECK(search_json(tmp / "gz", "titulo:sanción Verstappen").urls() ==
          std::vector<std::string>{
              "https://www.elmundo.es/deportes/formula-1/2024/12/02/674cdc8a21efa004028b45a8.html"});
    CHECK(search_json(tmp / "gz", "Zaplana cárcel").exit_code == 0);
}

TEST_CASE("the crawl date of a WARC record is not the publication date", "[e2e][index][warc]") {
    TempDir tmp;
    const std::string page =
        R"(<html lang="es"><head><meta charset="utf-8"><title>Sin fecha en la página</title></head>
<body><article><h1>Sin fecha en la página</h1><p>Una nota sin fecha de publicación visible en ninguna parte del
documento, con texto suficiente para ser un artículo de verdad sobre el puerto y la ciudad.</p><p>El segundo
párrafo cuenta lo que dijeron los vecinos del barrio sobre las obras del puerto durante la semana.</p></article></body></html>)";
    WarcFixture warc;
    warc.response("https://sinfecha.example/nota.html", 200, "text/html", page);
    warc.write(tmp / "c.warc", false);
    const auto r = index(tmp / "db", {(tmp / "c.warc").string()});
    REQUIRE(r.exit_code == 0);
    const auto s = search_json(tmp / "db", "puerto");
    REQUIRE(s.json["results"].size() == 1);
    CHECK(s.json["results"][0]["url"] == "https://sinfecha.example/nota.html");
    CHECK(s.json["results"][0]["date"] == ""); // not the WARC-Date 2025-03-02
}

TEST_CASE(".html.gz and .jsonl.gz are read transparently", "[e2e][index][gzip]") {
    TempDir tmp;
    const std::string page = slurp_file(
        source_dir() / "corpus/el-diario-del-sur/2026/kim-jong-un-promete-apoyo-incondicional-putin.html");
    write_file(tmp / "in" / "kim.html.gz", gzip_bytes(page));
    write_file(tmp / "in" / "notas.jsonl.gz",
               gzip_bytes("{\"title\": \"Primera\", \"text\": \"Texto comprimido sobre el puerto.\", "
                          "\"url\": \"https://x.example/1\"}\n") +
                   gzip_bytes("{\"title\": \"Segunda\", \"text\": \"Otro texto comprimido.\", \"url\": "
                              "\"https://x.example/2\"}\n"));
    const auto r = index(tmp / "db", {(tmp / "in").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(doc_count(tmp / "db") == 3);
    CHECK(search_json(tmp / "db", "comprimido").urls().size() == 2);
    CHECK(search_json(tmp / "db", "Putin").exit_code == 0);
}
