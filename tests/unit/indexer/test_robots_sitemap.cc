#include "sources/fetch/robots.h"
#include "sources/fetch/sitemap.h"
#include "sources/read_file.h"

#include <catch2/catch.hpp>

using namespace hemeroteca::indexer;
using namespace hemeroteca::indexer::fetch;

TEST_CASE("robots.txt: our group else *, longest match, Allow wins ties, wildcards", "[indexer][fetch]") {
    const auto rules = RobotsRules::parse("# comentario\n"
                                          "User-agent: *\nDisallow: /\n\n"
                                          "User-agent: Googlebot\nUser-agent: Hemeroteca\n"
                                          "Disallow: /privado/\nAllow: /privado/publico\nDisallow: /*.pdf$\n"
                                          "Disallow: /buscar?\nCrawl-delay: 2.5\n",
                                          "hemeroteca-index");
    const struct {
        const char* path;
        bool allowed;
    } cases[] = {
        {"/", true},
        {"/noticias/2025/a.html", true},
        {"/privado/x", false},
        {"/privado/publico/y", true},
        {"/doc.pdf", false},
        {"/doc.pdf?x=1", true},
        {"/buscar?q=a", false},
        {"/buscar", true},
        {"/robots.txt", true},
    };
    for (const auto& c : cases) {
        INFO(c.path);
        CHECK(rules.allowed(c.path) == c.allowed);
    }
    CHECK(rules.crawl_delay() == 2.5);

    const auto star = RobotsRules::parse("User-agent: *\nDisallow: /admin\nDisallow:\n", "hemeroteca");
    CHECK_FALSE(star.allowed("/admin/x"));
    CHECK(star.allowed("/noticia"));
    CHECK(RobotsRules::parse("User-agent: OtroBot\nDisallow: /\n", "hemeroteca").allowed("/x"));
    CHECK_FALSE(RobotsRules::disallow_all().allowed("/x"));
}

TEST_CASE("URLs split into scheme+host and path", "[indexer][fetch]") {
    std::string host, path;
    REQUIRE(split_url("https://Diario.Example:8080/a/b.html?x=1#frag", host, path));
    CHECK(host == "https://diario.example:8080");
    CHECK(path == "/a/b.html?x=1");
    REQUIRE(split_url("http://a.example", host, path));
    CHECK(path == "/");
    CHECK_FALSE(split_url("ftp://a.example/x", host, path));
    CHECK_FALSE(split_url("no es una url", host, path));
}

TEST_CASE("sitemaps: index, urlset, Google News dates, CDATA and entities", "[indexer][fetch]") {
    const auto index = parse_sitemap(
        R"(<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://d.example/news.xml</loc><lastmod>2025-01-01</lastmod></sitemap>
  <sitemap><loc> https://d.example/2024.xml.gz </loc></sitemap></sitemapindex>)");
    CHECK(index.is_index);
    REQUIRE(index.entries.size() == 2);
    CHECK(index.entries[1].loc == "https://d.example/2024.xml.gz");

    const auto news = parse_sitemap(
        R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://d.example/a?x=1&amp;y=2</loc><news:news><news:publication><news:name>D</news:name></news:publication>
<news:publication_date>2025-06-01T08:00:00+02:00</news:publication_date><news:title><![CDATA[Título & más]]></news:title></news:news></url>
<url><loc><![CDATA[https://d.example/b]]></loc></url><urlset-extra/></urlset>)");
    CHECK_FALSE(news.is_index);
    REQUIRE(news.entries.size() == 2);
    CHECK(news.entries[0].loc == "https://d.example/a?x=1&y=2");
    CHECK(news.entries[0].publication_date == "2025-06-01T08:00:00+02:00");
    CHECK(news.entries[1].loc == "https://d.example/b");
    CHECK(news.entries[1].publication_date.empty());
    CHECK_THROWS_AS(parse_sitemap("<html><body>no</body></html>"), InputError);
}
