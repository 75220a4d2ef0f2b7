#include "sources/http_response.h"
#include "sources/input_stream.h"
#include "sources/read_file.h"
#include "sources/warc_file.h"
#include "sources/warc_reader.h"
#include "sources/warc_writer.h"
#include "support/temp_dir.h"
#include "support/warc_fixture.h"

#include <catch2/catch.hpp>

using namespace hemeroteca;

namespace {
const std::string kHtml = "<html><head><title>Hola</title></head><body><p>Texto</p></body></html>";

struct Read {
    std::vector<indexer::WarcPage> pages;
    std::vector<std::string> skips;
};

Read read_all(const std::filesystem::path& p) {
    Read out;
    indexer::InputStream in(p);
    indexer::read_warc_file(
        in, [&](indexer::WarcPage&& page) { out.pages.push_back(std::move(page)); },
        [&](const std::string& where, const std::string& reason) {
            out.skips.push_back(where + ": " + reason);
        },
        [] { return false; });
    return out;
}
} // namespace

TEST_CASE("HTTP responses: status, headers, chunked and gzip bodies, charset", "[indexer][warc]") {
    const auto r =
        indexer::parse_http_response("HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                                     "charset=\"Windows-1252\"\r\nTransfer-Encoding: chunked\r\n\r\n"
                                     "5\r\nHola \r\n6\r\nmundo.\r\n0\r\n\r\n",
                                     1 << 20);
    CHECK(r.status == 200);
    CHECK(r.body == "Hola mundo.");
    CHECK(indexer::charset_of(r.header("content-type")) == "windows-1252");
    const auto gz = indexer::parse_http_response(
        "HTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + test::gzip_bytes(kHtml), 1 << 20);
    CHECK(gz.body == kHtml);
    CHECK(indexer::parse_http_response("HTTP/1.1 404 Not Found\r\n\r\n", 100).status == 404);
    CHECK_THROWS_AS(indexer::parse_http_response("GET / HTTP/1.1\r\n\r\n", 100), indexer::InputError);
    CHECK(indexer::is_html("text/html; charset=utf-8", ""));
    CHECK(indexer::is_html("application/xhtml+xml", ""));
    CHECK_FALSE(indexer::is_html("image/jpeg", "<html>"));
    CHECK(indexer::is_html("", "  <!DOCTYPE html><html>"));
}

TEST_CASE("WARC files: only 200 HTML responses become pages and revisits never do", "[indexer][warc]") {
    test::TempDir tmp;
    test::WarcFixture warc;
    warc.record("warcinfo", "", "application/warc-fields", "software: test\r\n")
        .record("request", "https://a.example/1", "application/http; msgtype=request",
                "GET /1 HTTP/1.1\r\n\r\n")
        .response("https://a.example/1", 200, "text/html; charset=ISO-8859-1", kHtml, "WARC/1.0")
        .response("https://a.example/logo.jpg", 200, "image/jpeg", "\xff\xd8\xff\xe0 binary")
        .response("https://a.example/missing", 404, "text/html", kHtml)
        .revisit("https://a.example/1", kHtml)
        .record("metadata", "https://a.example/1", "application/warc-fields", "outlinks: x\r\n")
        .response("<https://a.example/2>", 200, "text/html", kHtml);
    warc.write(tmp / "plain.warc", false);
    warc.write(tmp / "members.warc.gz", true);
    for (const char* name : {"plain.warc", "members.warc.gz"}) {
        INFO(name);
        const Read r = read_all(tmp / name);
        REQUIRE(r.pages.size() == 2);
        CHECK(r.pages[0].url == "https://a.example/1");
        CHECK(r.pages[0].charset == "iso-8859-1");
        CHECK(r.pages[0].html == kHtml);
        CHECK(r.pages[1].url == "https://a.example/2"); // WARC 1.0 angle brackets removed
        REQUIRE(r.skips.size() == 3);
        CHECK(r.skips[0] == "#4 https://a.example/logo.jpg: not HTML (image/jpeg)");
        CHECK(r.skips[1] == "#5 https://a.example/missing: HTTP status 404");
        CHECK(r.skips[2].find("revisit record") != std::string::npos);
    }
}

TEST_CASE("a damaged WARC file is an error after the pages before the damage", "[indexer][warc]") {
    test::TempDir tmp;
    test::WarcFixture warc;
    warc.response("https://a.example/1", 200, "text/html", kHtml);
    std::string bytes = test::slurp_file((warc.write(tmp / "ok.warc", false), tmp / "ok.warc"));
    test::write_file(tmp / "bad.warc",
                     bytes + "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\nshort");
    test::write_file(tmp / "notwarc.warc", "<html>not a warc</html>");
    std::size_t pages = 0;
    indexer::InputStream in(tmp / "bad.warc");
    CHECK_THROWS_AS(indexer::read_warc_file(
                        in, [&](indexer::WarcPage&&) { ++pages; },
                        [](const std::string&, const std::string&) {}, [] { return false; }),
                    indexer::InputError);
    CHECK(pages == 1);
    CHECK_THROWS_AS(read_all(tmp / "notwarc.warc"), indexer::InputError);
}

TEST_CASE("the WARC writer's files read back, plain and gzip", "[indexer][warc]") {
    test::TempDir tmp;
    for (const char* name : {"out.warc", "out.warc.gz"}) {
        {
            indexer::WarcWriter w(tmp / name, "test");
            w.write_response("https://b.example/x",
                             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kHtml);
        }
        { indexer::WarcWriter again(tmp / name, "test"); } // appending keeps the file valid
        const Read r = read_all(tmp / name);
        REQUIRE(r.pages.size() == 1);
        CHECK(r.pages[0].url == "https://b.example/x");
        CHECK(r.pages[0].html == kHtml);
    }
}
