// What site:, url: and the article view's «enlace corto» see in a URL, and how
// an export writes a CSV field.
#include "query/url_filters.h"
#include "server/export_stream.h"
#include "util/url_host.h"

#include <catch2/catch.hpp>

using namespace hemeroteca;

TEST_CASE("url_host: lower case, without www., port, user or path", "[url]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"https://www.DiarioLibre.com/actualidad/x.html", "diariolibre.com"},
        {"http://m.diariolibre.com:8080/a?b#c", "m.diariolibre.com"},
        {"https://user:pw@elpais.com./x", "elpais.com"},
        {"diariolibre.com/deportes", "diariolibre.com"},
        {"www.elpais.com", "elpais.com"},
        {"", ""},
        {"file.jsonl#7", "file.jsonl"},
    };
    for (const auto& [url, host] : cases) {
        INFO(url);
        CHECK(util::url_host(url) == host);
    }
}

TEST_CASE("host_domains: the host and its parents of two labels or more", "[url]") {
    CHECK(util::host_domains("m.noticias.elpais.com") ==
          std::vector<std::string>{"m.noticias.elpais.com", "noticias.elpais.com", "elpais.com"});
    CHECK(util::host_domains("elpais.com") == std::vector<std::string>{"elpais.com"});
    CHECK(util::host_domains("localhost") == std::vector<std::string>{"localhost"});
    CHECK(util::host_domains("").empty());
}

TEST_CASE("short links are the shorteners' hosts only", "[url]") {
    for (const char* host : {"goo.gl", "ow.ly", "bit.ly", "t.co"}) CHECK(util::is_short_link_host(host));
    for (const char* host : {"elpais.com", "t.com", "bit.ly.example.org", ""})
        CHECK_FALSE(util::is_short_link_host(host));
}

TEST_CASE("site:/sitio:/url: clauses leave the query, the rest stays as typed", "[url][query]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"site:diariolibre.com lluvias", "lluvias"},
        {"lluvias SITIO:DiarioLibre.com \"Santo Domingo\"", "lluvias \"Santo Domingo\""},
        {"gobierno -site:elpais.com", "gobierno"},
        {"url:\"elpais.com/a b\" x", "x"},
        {"website:algo site: nada", "website:algo site: nada"}, // not a clause: no value, or another word
        {"titulo:Putin", "titulo:Putin"},
    };
    for (const auto& [query, rest] : cases) {
        INFO(query);
        const auto f = search::extract_url_filters(query);
        CHECK(f.rest == rest);
    }
    CHECK(search::extract_url_filters("site:a.com").require.get_description().find("XDa.com") !=
          std::string::npos);
    CHECK(search::extract_url_filters("-site:a.com x").exclude.get_description().find("XDa.com") !=
          std::string::npos);
    CHECK(search::extract_url_filters("x").empty());
}

TEST_CASE("CSV fields: quoted when needed, formulas defused", "[export]") {
    using search::server::csv_field;
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a, b") == "\"a, b\"");
    CHECK(csv_field("dijo \"no\"") == "\"dijo \"\"no\"\"\"");
    CHECK(csv_field("línea\nnueva") == "\"línea\nnueva\"");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+34 600") == "'+34 600");
    CHECK(csv_field("-5 grados") == "-5 grados");
}
