// Hostile inputs of the indexer's sources (issue #14): chunk sizes that overflowed
// (case 7), WARC records that lost the rest of their file (case 2), robots.txt
// patterns that overflowed the stack or backtracked (cases 5, 8), a text of
// millions of distinct words (case 10), a title 2^64 - 1 (case 15).
#include "pipeline/article_limits.h"
#include "sources/fetch/robots.h"
#include "sources/http_response.h"
#include "sources/input_stream.h"
#include "sources/jsonl_file.h"
#include "sources/read_file.h"
#include "sources/warc_file.h"
#include "support/temp_dir.h"
#include "support/warc_fixture.h"
#include "util/json_depth.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca;
using indexer::fetch::RobotsRules;

namespace {

const std::string kHtml =
    "<html><head><title>Hola</title></head><body><p>Texto de la noticia</p></body></html>";

std::string http(std::string_view body, std::string_view extra = "") {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + std::string(extra) + "\r\n" + std::string(body);
}

// A WARC response record; `length` overrides the true Content-Length when given.
std::string record(std::string_view uri, std::string_view block, const std::string& length = "") {
    return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + std::string(uri) +
           "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
           (length.empty() ? std::to_string(block.size()) : length) + "\r\n\r\n" + std::string(block) +
           "\r\n\r\n";
}

struct Read {
    std::vector<std::string> urls;
    std::vector<std::string> skips;
};

Read read_warc(const std::filesystem::path& p) {
    Read out;
    indexer::InputStream in(p);
    indexer::read_warc_file(
        in, [&](indexer::WarcPage&& page) { out.urls.push_back(page.url); },
        [&](const std::string& where, const std::string& why) { out.skips.push_back(where + ": " + why); },
        [] { return false; });
    return out;
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

} // namespace

TEST_CASE("chunk sizes that are negative, huge or not hex are errors, not hangs", "[hostile][http]") {
    const char* sizes[] = {"-4", "FFFFFFFFFFFFFFEE", "FFFFFFFFFFFFFFFF", "10000000000000000", "+5", "x",
                           " 5"};
    for (const char* size : sizes) {
        CAPTURE(size);
        const std::string body =
            "5\r\nhola \r\n" + std::string(size) + "\r\n" + repeat("a", 64) + "\r\n0\r\n\r\n";
        CHECK_THROWS_AS(indexer::decode_http_body(body, "chunked", "", 1 << 20), indexer::InputError);
    }
    // Well-formed chunks, with extensions and upper-case hex, still decode.
    CHECK(indexer::decode_http_body("5;name=v\r\nhola \r\nA\r\n0123456789\r\n0\r\n\r\n", "chunked", "",
                                    1 << 20) == "hola 0123456789");
    SECTION("in a WARC file: that record is skipped, the next one read") {
        test::TempDir tmp;
        test::write_file(tmp / "c.warc",
                         record("https://a.example/1",
                                http("FFFFFFFFFFFFFFEE\r\nxx\r\n", "Transfer-Encoding: chunked\r\n")) +
                             record("https://a.example/2", http(kHtml)));
        const Read r = read_warc(tmp / "c.warc");
        CHECK(r.urls == std::vector<std::string>{"https://a.example/2"});
        REQUIRE(r.skips.size() == 1);
        CHECK_THAT(r.skips[0], Catch::Contains("chunked"));
    }
}

TEST_CASE("after a bad WARC record the reader goes on at the next WARC/1. line", "[hostile][warc]") {
    test::TempDir tmp;
    const std::string one = record("https://a.example/1", http(kHtml));
    const std::string three = record("https://a.example/3", http(kHtml));
    struct Case {
        const char* name;
        std::string bad;
    };
    const std::string block = http(kHtml);
    const Case cases[] = {
        {"Content-Length too short", record("https://a.example/2", block, std::to_string(block.size() - 30))},
        {"Content-Length negative", record("https://a.example/2", block, "-1")},
        {"Content-Length not a number", record("https://a.example/2", block, "12abc")},
        {"Content-Length missing", "WARC/1.1\r\nWARC-Type: response\r\n\r\n" + block + "\r\n\r\n"},
        {"garbage between records", "this is not a record\r\nnor is this\r\n\r\n"},
        {"a header cut short by the next record", "WARC/1.1\r\nWARC-Type: response\r\n"},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            test::write_file(tmp / "r.warc", one + c.bad + three);
            const Read r = read_warc(tmp / "r.warc");
            CHECK(r.urls.front() == "https://a.example/1");
            CHECK(r.urls.back() == "https://a.example/3");
            CHECK(r.urls.size() <= 3);
            bool reported = false;
            for (const auto& s : r.skips)
                reported = reported || s.find("WARC/1.") != std::string::npos ||
                           s.find("a.example/2") != std::string::npos;
            CHECK(reported);
        }
    }
    SECTION("a file that is not WARC at all is still an error") {
        test::write_file(tmp / "n.warc", "<html>not a warc</html>\n" + one);
        CHECK_THROWS_AS(read_warc(tmp / "n.warc"), indexer::InputError);
    }
}

TEST_CASE("robots.txt matching is linear: Google's * and $, no backtracking", "[hostile][robots]") {
    struct Case {
        std::string pattern;
        std::string path;
        bool matches;
    };
    const Case cases[] = {
        {"/private/", "/private/x", true},
        {"/private/", "/privat", false},
        {"/*.pdf$", "/a/b.pdf", true},
        {"/*.pdf$", "/a/b.pdf?x", false},
        {"/a*b*c", "/axxbyyc", true},
        {"/a*b*c", "/axxcyyb", false},
        {"/fish*", "/fish", true},
        {"/fish$", "/fishes", false},
        {"/*", "/", true},
        {"/a$b", "/a$b", true}, // "$" inside is a character
        {"/" + repeat("*a", 12) + "*b", "/" + repeat("a", 60), false},
        {"/" + repeat("*a", 12) + "*b", "/" + repeat("a", 60) + "b", true},
    };
    for (const auto& c : cases) {
        CAPTURE(c.pattern, c.path);
        const RobotsRules rules =
            RobotsRules::parse("User-agent: *\nDisallow: " + c.pattern + "\n", "hemeroteca");
        CHECK(rules.allowed(c.path) == !c.matches);
    }
    SECTION("Disallow: / followed by 300,000 stars") {
        const RobotsRules rules =
            RobotsRules::parse("User-agent: *\nDisallow: /" + repeat("*", 300000) + "\n", "hemeroteca");
        CHECK_FALSE(rules.allowed("/" + repeat("x", 2000)));
    }
    SECTION("the longest pattern as written wins") {
        const RobotsRules rules =
            RobotsRules::parse("User-agent: *\nDisallow: /a\nAllow: /a**\n", "hemeroteca");
        CHECK(rules.allowed("/abc"));
    }
}

TEST_CASE("an article's text is cut at a length and at a number of distinct words", "[hostile][limits]") {
    indexer::ArticleLimits limits;
    limits.max_text_bytes = 1000;
    limits.max_distinct_words = 50;
    SECTION("length: cut at a word boundary, on a character") {
        std::string text = repeat("año ", 400); // 5 bytes a word
        const std::string what = indexer::apply_limits(text, limits);
        CHECK(text.size() <= 1000);
        CHECK(text.size() >= 990);
        CHECK(text.ends_with(" "));
        CHECK_THAT(what, Catch::Contains("cut to"));
    }
    SECTION("distinct words") {
        std::string text;
        for (int i = 0; i < 200; ++i) text += "p" + std::to_string(i) + " ";
        const std::string what = indexer::apply_limits(text, limits);
        CHECK(text.starts_with("p0 p1 "));
        CHECK(text.find(" p49 ") != std::string::npos);
        CHECK(text.find("p50") == std::string::npos);
        CHECK_THAT(what, Catch::Contains("50 distinct words"));
    }
    SECTION("a text within the limits is untouched") {
        std::string text = repeat("la casa ", 100);
        const std::string before = text;
        CHECK(indexer::apply_limits(text, limits).empty());
        CHECK(text == before);
    }
}

TEST_CASE("JSON Lines values: 2^64 - 1 is not -1, deep nesting is refused before parsing",
          "[hostile][jsonl]") {
    const auto obj = nlohmann::json::parse(R"({"title": 18446744073709551615, "text": "Texto"})");
    const Article a = indexer::article_from_json(obj, {}, "f.jsonl");
    CHECK(a.title == "18446744073709551615");
    CHECK(util::json_nests_deeper(repeat("[", 10000) + repeat("]", 10000)));
    CHECK(util::json_nests_deeper(R"({"a": [[[[1]]]]})", 4));
    CHECK_FALSE(util::json_nests_deeper(R"({"a": "[[[[[[[[[[\"[[[[["})", 4)); // brackets in strings
    CHECK_FALSE(util::json_nests_deeper(R"({"a": [1, {"b": [2]}]})"));
}
