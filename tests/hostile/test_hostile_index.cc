// hemeroteca-index on hostile inputs (issue #14), end to end: the real binary, a
// temporary database, inputs generated here. Cases 1, 2, 3, 4, 10, 14 and 15.
#include "support/cli.h"
#include "support/http_server.h"
#include "support/temp_dir.h"
#include "support/warc_fixture.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace hemeroteca::test;
namespace fs = std::filesystem;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

const std::string kBody = "El Congreso aprobó ayer la reforma de la ley de presupuestos con los votos de la "
                          "mayoría, tras una sesión de doce horas en la que intervinieron todos los grupos "
                          "parlamentarios y varios ministros del gobierno.";

std::string page(const std::string& title, const std::string& inner = "") {
    return "<html lang=\"es\"><head><title>" + title + "</title></head><body><article><h1>" + title +
           "</h1>" + (inner.empty() ? "<p>" + kBody + "</p>" : inner) + "</article></body></html>";
}

std::string http(const std::string& body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body;
}

// A WARC response record without WARC-Target-URI.
std::string record_without_uri(const std::string& block) {
    return "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
           "Content-Length: " +
           std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

// The articles that hold `query` itself (not those of a spelling suggestion it was retried with).
std::size_t hits(const fs::path& db, const std::string& query) {
    const auto out = search_json(db, query);
    if (out.json.is_object() && !out.json.value("retried_with", std::string()).empty()) return 0;
    return out.urls().size();
}

std::vector<std::string> fetch_args(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"--host-delay", "0", "--timeout", "2", "--retries", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

void html(httplib::Response& res, const std::string& body) {
    res.set_content(body, "text/html; charset=utf-8");
}

} // namespace

TEST_CASE("records without a URL get ids of their own and never replace another article",
          "[hostile][e2e][ids]") {
    TempDir tmp;
    write_file(
        tmp / "a.jsonl",
        R"({"url":"https://diario.example/1","title":"Primera noticia del archivo","text":"Texto de la primera noticia."})"
        "\n");
    REQUIRE(index(tmp / "db", {(tmp / "a.jsonl").string()}).exit_code == 0);
    std::string warc = record_without_uri(http(page("Segunda noticia sin dirección"))) +
                       record_without_uri(http(page("Tercera noticia sin dirección")));
    // WARC 1.0 tools write the URI in angle brackets; "<>" is no URI at all.
    warc += "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <>\r\nContent-Type: application/http; "
            "msgtype=response\r\nContent-Length: " +
            std::to_string(http(page("Cuarta noticia sin dirección")).size()) + "\r\n\r\n" +
            http(page("Cuarta noticia sin dirección")) + "\r\n\r\n";
    write_file(tmp / "b.warc", warc);
    const auto r = index(tmp / "db", {(tmp / "b.warc").string()}, {"--all-pages"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("3 indexed, 0 updated") != std::string::npos);
    CHECK(doc_count(tmp / "db") == 4);
    CHECK(hits(tmp / "db", "primera") == 1);
    // Indexed again: the same ids, nothing added or replaced.
    const auto again = index(tmp / "db", {(tmp / "b.warc").string()}, {"--all-pages"});
    CHECK(doc_count(tmp / "db") == 4);
    CHECK(hits(tmp / "db", "primera") == 1);
}

TEST_CASE("a JSON Lines line over 64 MiB is reported and skipped; the lines after it are indexed",
          "[hostile][e2e][jsonl]") {
    TempDir tmp;
    const std::string good1 =
        R"({"url":"https://d.example/1","title":"Antes de la línea larga","text":"Uno."})";
    const std::string good2 =
        R"({"url":"https://d.example/2","title":"Después de la línea larga","text":"Dos."})";
    // 65 MiB of text in one line, gzipped to a few hundred KB.
    const std::string huge = R"({"title":"x","text":")" + std::string(65u << 20, 'a') + "\"}";
    write_file(tmp / "big.jsonl.gz", gzip_bytes(good1 + "\n" + huge + "\n" + good2 + "\n"));
    const auto r = index(tmp / "db", {(tmp / "big.jsonl.gz").string()});
    INFO(r.err);
    CHECK(r.err.find("big.jsonl.gz:2: line over 64 MiB skipped") != std::string::npos);
    CHECK(doc_count(tmp / "db") == 2);
    CHECK(hits(tmp / "db", "después") == 1);
}

TEST_CASE("pages nested 50,000 deep index from files, WARC and the JSON Lines html field",
          "[hostile][e2e][extract]") {
    TempDir tmp;
    const std::string deep = page("Una página muy anidada", repeat("<div>", 50000) + "<p>" + kBody + "</p>");
    write_file(tmp / "in" / "deep.html", deep);
    WarcFixture warc;
    warc.response("https://d.example/warc", 200, "text/html; charset=utf-8", deep);
    warc.write(tmp / "in" / "deep.warc", false);
    nlohmann::json line = {{"url", "https://d.example/jsonl"}, {"html", deep}};
    write_file(tmp / "in" / "deep.jsonl", line.dump() + "\n");
    const auto r = index(tmp / "db", {(tmp / "in").string()}, {"--url", "https://d.example/file"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(doc_count(tmp / "db") == 3);
    CHECK(hits(tmp / "db", "presupuestos") == 3);
}

TEST_CASE("a JSON Lines line nested 10,000 deep fails alone", "[hostile][e2e][jsonl]") {
    TempDir tmp;
    write_file(tmp / "n.jsonl",
               R"({"title":"Anidado","text":"x","author":)" + repeat("[", 10000) + "\"a\"" +
                   repeat("]", 10000) + "}\n" +
                   R"({"url":"https://d.example/ok","title":"Normal","text":"Texto normal."})"
                   "\n");
    const auto r = index(tmp / "db", {(tmp / "n.jsonl").string()});
    INFO(r.err);
    CHECK(r.err.find("n.jsonl:1: invalid JSON (nested over 64 deep)") != std::string::npos);
    CHECK(doc_count(tmp / "db") == 1);
}

TEST_CASE("an article of hundreds of thousands of distinct words is cut to the limits, and says so",
          "[hostile][e2e][limits]") {
    TempDir tmp;
    // 200,000 distinct letter-only words (5 letters each): 1.2 MB of text.
    auto word = [](std::size_t n) {
        std::string w = "q";
        for (int i = 0; i < 4; ++i, n /= 26) w += static_cast<char>('a' + n % 26);
        return w;
    };
    std::string text;
    for (std::size_t i = 0; i < 200000; ++i) text += word(i) + " ";
    nlohmann::json line = {
        {"url", "https://d.example/enorme"}, {"title", "Un artículo enorme"}, {"text", text}};
    write_file(tmp / "e.jsonl", line.dump() + "\n");
    const auto r = index(tmp / "db", {(tmp / "e.jsonl").string()}, {"--verbose"});
    INFO(r.err.substr(0, 2000));
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("1 cut to the size limits") != std::string::npos);
    CHECK(r.err.find("text cut after 100000 distinct words") != std::string::npos);
    CHECK(hits(tmp / "db", word(10)) == 1);
    CHECK(hits(tmp / "db", word(150000)) == 0);
    SECTION("the limits are options") {
        const auto r2 = index(tmp / "db2", {(tmp / "e.jsonl").string()},
                              {"--max-words", "300000", "--max-text-kb", "4096"});
        CHECK(r2.err.find("cut to the size limits") == std::string::npos);
        CHECK(hits(tmp / "db2", word(150000)) == 1);
    }
}

TEST_CASE("a database that cannot be locked for writing is not said to be locked by another indexer",
          "[hostile][e2e][db]") {
    TempDir tmp;
    write_file(tmp / "a.jsonl", R"({"title":"Hola","text":"Texto."})"
                                "\n");
    REQUIRE(index(tmp / "db", {(tmp / "a.jsonl").string()}).exit_code == 0);
    // The lock file cannot be opened (as in a read-only database; root ignores permissions).
    fs::remove(tmp / "db" / "flintlock");
    fs::create_directory(tmp / "db" / "flintlock");
    const auto r = index(tmp / "db", {(tmp / "a.jsonl").string()});
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("locked by another indexer") == std::string::npos);
    CHECK(r.err.find("cannot write to the database") != std::string::npos);
}

TEST_CASE("UTF-16 declared on ASCII bytes, and UTF-16 without a BOM, index their text",
          "[hostile][e2e][charset]") {
    TempDir tmp;
    write_file(tmp / "in" / "meta16.html", "<html><head><meta charset=\"utf-16\"><title>Reforma fiscal "
                                           "aprobada</title></head><body><article><p>" +
                                               kBody + "</p></article></body></html>");
    std::string ascii = page("Elecciones municipales anticipadas");
    std::string utf16le;
    for (const char c : ascii) {
        utf16le += c;
        utf16le += '\0';
    }
    write_file(tmp / "in" / "utf16.html", utf16le);
    const auto r = index(tmp / "db", {(tmp / "in").string()}, {"--all-pages"});
    INFO(r.err);
    CHECK(doc_count(tmp / "db") == 2);
    CHECK(hits(tmp / "db", "reforma fiscal") == 1);
    CHECK(hits(tmp / "db", "municipales") == 1);
    CHECK(hits(tmp / "db", "article") == 0); // markup is not text
}

TEST_CASE("a redirect to another host obeys that host's robots.txt", "[hostile][e2e][fetch]") {
    LocalHttpServer target;
    target.routes().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("User-agent: *\nDisallow: /privado/\n", "text/plain");
    });
    target.routes().Get("/privado/nota.html", [](const httplib::Request&, httplib::Response& res) {
        html(res, page("Una nota privada"));
    });
    target.routes().Get("/publico/nota.html", [](const httplib::Request&, httplib::Response& res) {
        html(res, page("Una nota pública"));
    });
    target.start();
    LocalHttpServer origin;
    const std::string priv = target.url("/privado/nota.html"), pub = target.url("/publico/nota.html");
    origin.routes().Get(
        "/a.html", [priv](const httplib::Request&, httplib::Response& res) { res.set_redirect(priv, 302); });
    origin.routes().Get(
        "/b.html", [pub](const httplib::Request&, httplib::Response& res) { res.set_redirect(pub, 301); });
    origin.start();
    TempDir tmp;
    write_file(tmp / "urls.txt", origin.url("/a.html") + "\n" + origin.url("/b.html") + "\n");
    const auto r = index(tmp / "db", {}, fetch_args({"--urls", (tmp / "urls.txt").string(), "--verbose"}));
    INFO(r.err);
    CHECK(target.requests("/robots.txt") == 1);
    CHECK(target.requests("/privado/nota.html") == 0);
    CHECK(target.requests("/publico/nota.html") == 1);
    CHECK(r.err.find("redirected to " + priv + ": disallowed by robots.txt") != std::string::npos);
    CHECK(doc_count(tmp / "db") == 1);
    CHECK(hits(tmp / "db", "pública") == 1);
}

TEST_CASE("a gzip robots.txt over 1 MiB decoded disallows, it does not allow all", "[hostile][e2e][fetch]") {
    LocalHttpServer server;
    const std::string big =
        gzip_bytes("User-agent: *\nDisallow: /privado/\n" + repeat("# relleno\n", 150000));
    server.routes().Get("/robots.txt", [big](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(big, "application/octet-stream"); // not a text/* type: not compressed again
    });
    server.routes().Get("/privado/nota.html", [](const httplib::Request&, httplib::Response& res) {
        html(res, page("Una nota privada"));
    });
    server.start();
    TempDir tmp;
    write_file(tmp / "urls.txt", server.url("/privado/nota.html") + "\n");
    const auto r = index(tmp / "db", {}, fetch_args({"--urls", (tmp / "urls.txt").string(), "--verbose"}));
    INFO(r.err);
    CHECK(server.requests("/privado/nota.html") == 0);
    CHECK(r.err.find("robots.txt is unreadable") != std::string::npos);
}

TEST_CASE("generated sitemap indexes end at a depth and a count", "[hostile][e2e][fetch]") {
    LocalHttpServer server;
    std::atomic<int> served{0};
    // /s/N.xml lists /s/(2N).xml and /s/(2N+1).xml: without bounds, a tree without end.
    server.routes().Get(R"(/s/(\d+)\.xml)", [&](const httplib::Request& req, httplib::Response& res) {
        ++served;
        const long n = std::stol(req.matches[1]);
        const std::string base = "http://" + req.get_header_value("Host") + "/s/";
        res.set_content("<sitemapindex><sitemap><loc>" + base + std::to_string(2 * n) +
                            ".xml</loc></sitemap><sitemap><loc>" + base + std::to_string(2 * n + 1) +
                            ".xml</loc></sitemap></sitemapindex>",
                        "application/xml");
    });
    server.routes().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("", "text/plain");
    });
    server.start();
    TempDir tmp;
    SECTION("depth") {
        const auto r = index(tmp / "db", {}, fetch_args({"--sitemap", server.url("/s/1.xml"), "--verbose"}));
        INFO(r.err);
        CHECK(served == 7); // 1 + 2 + 4: three levels (--max-sitemap-depth 3)
        CHECK(r.err.find("(--max-sitemap-depth)") != std::string::npos);
    }
    SECTION("count") {
        const auto r = index(tmp / "db", {},
                             fetch_args({"--sitemap", server.url("/s/1.xml"), "--max-sitemap-depth", "30",
                                         "--max-sitemaps", "20", "--verbose"}));
        INFO(r.err);
        CHECK(served == 20);
        CHECK(r.err.find("(--max-sitemaps)") != std::string::npos);
    }
}
