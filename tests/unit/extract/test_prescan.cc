// The pre-scan drops what the extractor never reads, and nothing else.
#include "extract/prescan.h"

#include <catch2/catch.hpp>

using namespace hemeroteca::extract;

TEST_CASE("prescan drops scripts, styles, comments and hidden markup", "[extract][prescan]") {
    struct Case {
        const char* name;
        const char* html;
        const char* expected;
    };
    const Case cases[] = {
        {"script with markup in a string", "<p>a</p><script>var s = '</div><p>x</p>';</script><p>b</p>",
         "<p>a</p><p>b</p>"},
        {"upper-case and attributes", "<P>a<SCRIPT type=\"text/javascript\">x</SCRIPT >b</P>", "<P>ab</P>"},
        {"style", "<style>p > a { color: red }</style><p>a</p>", "<p>a</p>"},
        {"comment", "a<!-- <p>hidden</p> -->b", "ab"},
        {"empty comments", "a<!---->b<!-->c", "abc"},
        {"noscript", "a<noscript><img src=x></noscript>b", "ab"},
        {"nested svg", "a<svg><g><svg><text>t</text></svg></g></svg>b", "ab"},
        {"self-closing svg", "a<svg/>b", "ab"},
        {"'>' inside a quoted attribute", "<p class=\"a > b\">x</p><script>y</script>",
         "<p class=\"a > b\">x</p>"},
        {"title text is not markup", "<title>a <script> b</title><p>c</p>",
         "<title>a <script> b</title><p>c</p>"},
        {"'</scriptx' does not end a script", "a<script>1</scriptx>2</script>b", "ab"},
        {"unterminated script", "a<script>never ends", "a"},
        {"unterminated comment", "a<!-- never ends", "a"},
        {"text with '<' that is not a tag", "1 < 2 and a<b", "1 < 2 and a<b"},
        {"attributes nobody reads are dropped",
         "<img src=\"a.jpg\" alt='x > y' class=foto><a href=\"/x\" data-id=3 rel=author>b</a>",
         "<img class=foto><a rel=author>b</a>"},
        {"meta and canonical attributes are kept",
         "<meta property=\"og:title\" content='T'/><link rel=canonical href=\"https://x.es/a\">",
         "<meta property=\"og:title\" content='T'/><link rel=canonical href=\"https://x.es/a\">"},
        {"valueless attributes", "<div hidden data-x>a</div>", "<div hidden>a</div>"},
        {"nav menus", "<nav><ul><li><a href=/>Portada</a></li></ul></nav><p>a</p>", "<p>a</p>"},
        {"an unclosed nav is kept", "<nav><p>a</p>", "<nav><p>a</p>"},
        {"script inside a dropped element", "<noscript><script>x='</noscript>'</script></noscript>b", "b"},
        {"indentation between tags becomes one character",
         "<div>\n    <p>a</p>\n    <p>b</p>  <span>c</span>\t\t</div>",
         "<div>\n<p>a</p>\n<p>b</p> <span>c</span> </div>"},
        {"white space around words is text", "<p>  a  b  </p>", "<p>  a  b  </p>"},
        {"white space inside <pre> is content", "<pre><b>1</b>\n\n  <b>2</b></pre>\n\n<p>x</p>",
         "<pre><b>1</b>\n\n  <b>2</b></pre>\n<p>x</p>"},
        {"an end tag with a quoted '>'", "<p>a</p x='>'>  <p>b</p>", "<p>a</p x='>'>  <p>b</p>"},
    };
    for (const Case& c : cases) {
        SECTION(c.name) { CHECK(prescan(c.html).html == c.expected); }
    }
}

TEST_CASE("prescan keeps JSON-LD aside", "[extract][prescan]") {
    const Prescanned p = prescan(
        "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
        "<script TYPE='Application/LD+JSON'>[1]</script><script>var a;</script></head><body>x</body>");
    REQUIRE(p.json_ld.size() == 2);
    CHECK(p.json_ld[0] == "{\"@type\":\"NewsArticle\"}");
    CHECK(p.json_ld[1] == "[1]");
    CHECK(p.html == "<head></head><body>x</body>");
    CHECK(collect_json_ld("<script type=application/ld+json>{}</script>") == std::vector<std::string>{"{}"});
}
