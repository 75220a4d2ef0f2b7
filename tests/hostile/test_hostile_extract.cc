// Hostile pages (issue #14, cases 3 and 9): nesting that overflowed the stack of
// the recursive DOM walks, and markup that made the pre-scan or gumbo quadratic.
// Each completes (ctest gives these tests a time bound) and keeps the text.
#include "extract/charset.h"
#include "extract/dom.h"
#include "extract/extractor.h"
#include "extract/jsonld.h"
#include "extract/prescan.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca::extract;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::size_t count(std::string_view hay, std::string_view needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

const std::string kParagraph =
    "<p>El Congreso aprobó ayer la reforma de la ley de presupuestos con los votos de la "
    "mayoría, tras una sesión de doce horas en la que intervinieron todos los grupos.</p>";

std::size_t depth_of(const GumboNode* root) {
    std::size_t deepest = 0;
    std::vector<std::pair<const GumboNode*, std::size_t>> stack{{root, 0}};
    while (!stack.empty()) {
        auto [n, d] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, d);
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
        const GumboVector& c =
            n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
        for (unsigned i = 0; i < c.length; ++i)
            stack.emplace_back(static_cast<const GumboNode*>(c.data[i]), d + 1);
    }
    return deepest;
}

} // namespace

TEST_CASE("pages nested 50,000 deep are extracted, their text kept", "[hostile][extract]") {
    struct Case {
        const char* name;
        std::string open, close;
    };
    const Case cases[] = {
        {"<div>", "<div>", "</div>"},
        {"<span> never closed", "<span>", ""},
        {"<b><i> formatting", "<b><i>", "</i></b>"},
        {"<table><tr><td>", "<table><tr><td>", "</td></tr></table>"},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            const std::string html = "<html><head><title>Reforma</title></head><body><article>" +
                                     repeat(c.open, 50000) + kParagraph + repeat(c.close, 50000) +
                                     "</article></body></html>";
            ExtractOptions o;
            o.keep_non_articles = true;
            CHECK(extract_article(html, o).article.text.find("reforma de la ley de presupuestos") !=
                  std::string::npos);
        }
    }
    SECTION("without the pre-scan (gumbo itself is quadratic there: 20,000 deep)") {
        const std::string html = "<html><body><article>" + repeat("<div>", 20000) + kParagraph +
                                 repeat("</div>", 20000) + "</article></body></html>";
        ExtractOptions o;
        o.keep_non_articles = true;
        o.prescan = false;
        CHECK(extract_article(html, o).article.text.find("reforma de la ley de presupuestos") !=
              std::string::npos);
    }
}

TEST_CASE("the parsed tree is never deeper than kMaxDomDepth, and keeps the deep text in order",
          "[hostile][extract]") {
    const std::string html = "<body>" + repeat("<div>", 3000) + "uno" + repeat("<div>dos</div>", 2) + "tres" +
                             repeat("</div>", 3000) + "</body>";
    const HtmlDocument doc = parse_html(html);
    CHECK(depth_of(doc->document) <= kMaxDomDepth + 1);
    const std::string text = text_of(find_first(doc->document, GUMBO_TAG_BODY));
    CHECK(text == "uno dos dos tres");
}

TEST_CASE("the pre-scan bounds nesting, so that gumbo stays linear", "[hostile][extract][prescan]") {
    SECTION("40,000 nested <div>: at most 512 are left, with all their text") {
        const std::string html = "<body>" + repeat("<div>a ", 40000) + repeat("</div>", 40000) + "</body>";
        const Prescanned p = prescan(html);
        CHECK(count(p.html, "<div") <= 512);
        CHECK(count(p.html, "</div") <= 512);
        CHECK(count(p.html, "a ") == 40000);
    }
    SECTION("20,000 unclosed <nav>: one search for their ends, at most 512 kept") {
        const std::string html = "<body>" + kParagraph + repeat("<nav>x ", 20000) + "</body>";
        const Prescanned p = prescan(html);
        CHECK(count(p.html, "<nav") <= 512);
        CHECK(p.html.find("reforma de la ley") != std::string::npos);
    }
    SECTION("closed <nav> menus are still dropped, unclosed ones kept") {
        const Prescanned p = prescan("<nav><nav>menu</nav></nav><p>a</p><nav>b");
        CHECK(p.html == "<p>a</p><nav>b");
    }
    SECTION("ordinary nesting is untouched") {
        const std::string html = repeat("<div>", 100) + "<p>x</p><p>y" + repeat("</div>", 100);
        CHECK(prescan(html).html == html);
    }
}

TEST_CASE("JSON-LD nested 10,000 deep is ignored, not a crash", "[hostile][extract]") {
    const std::string deep = repeat("[", 10000) + "\"x\"" + repeat("]", 10000);
    const std::string obj = "{\"@type\":\"NewsArticle\",\"headline\":" + deep + ",\"author\":" + deep + "}";
    const JsonLd ld = read_json_ld({obj, R"({"@type":"Organization","name":"Diario"})"});
    CHECK(ld.article.is_null());
    CHECK(ld.organization.is_object());
    const std::string html = "<html><head><script type=\"application/ld+json\">" + obj +
                             "</script></head><body><article>" + kParagraph + "</article></body></html>";
    ExtractOptions o;
    o.keep_non_articles = true;
    CHECK_FALSE(extract_article(html, o).article.text.empty());
}

TEST_CASE("decoding always gives valid UTF-8, whatever the charset's spelling (found by fuzz_charset)",
          "[hostile][extract][charset]") {
    // glibc's iconv reads "utf~8" and "utf_8" as UTF-8 and let the old 6-byte form through.
    static constexpr char kBytes[] =
        "\xA2\xFE<\0</\0/\0\x85\x85\x85\x85\xFF\xFF\xFF\xFD\x85\x85\x85\x85\x85>";
    const std::string bytes(kBytes, sizeof kBytes - 1); // (NULs inside: the length from the array)
    for (const char* declared : {"utf~8", "utf_8", "UTF-8", "", "utf-16", "windows-1252"}) {
        CAPTURE(declared);
        CHECK(is_valid_utf8(decode_html(bytes, declared).utf8));
    }
}
