// Which pages are articles: briefs of one or two sentences in real page shapes are indexed, an
// article beside a long sidebar of headlines is an article, a JavaScript shell needs evidence,
// random bytes are no text at all, and a truncated page is indexed for what it has, flagged.
#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace hemeroteca::extract;

namespace {

Extraction run(const std::string& html,
               const std::string& url = "https://www.diarioandino.pe/peru/2024/03/02/sismo") {
    ExtractOptions options;
    options.url = url;
    return extract_article(html, options);
}

const std::string kOne =
    "Un sismo de magnitud 5,1 se registró la madrugada de este sábado en Arequipa, sin que se "
    "reporten daños, informó el Instituto Geofísico del Perú.";
const std::string kTwo =
    kOne + " El epicentro se ubicó a 40 kilómetros de Caylloma, a 12 kilómetros de profundidad.";

std::string chrome(const std::string& head, const std::string& main) {
    return "<html><head><title>Sismo sacude el sur de Perú | Diario Andino</title>" + head +
           "</head><body><nav><a href='/'>Portada</a> <a href='/peru'>Perú</a> <a "
           "href='/mundo'>Mundo</a></nav>" +
           main + "<footer>© 2024 Diario Andino. Todos los derechos reservados.</footer></body></html>";
}

} // namespace

TEST_CASE("briefs of one or two sentences are indexed", "[extract][classify]") {
    struct Case {
        const char* shape;
        std::string html;
        std::string sentence;
    };
    const Case cases[] = {
        {"<article>, <h1>, <time>, one sentence",
         chrome(
             "",
             "<article><h1>Sismo sacude el sur de Perú</h1><time datetime='2024-03-02T08:15:00-05:00'>2 de "
             "marzo</time><p>" +
                 kOne + "</p></article>"),
         kOne},
        {"og:type article and og:title, two sentences in a div",
         chrome("<meta property='og:type' content='article'><meta property='og:title' content='Sismo sacude "
                "el sur "
                "de Perú'>",
                "<div class='nota'><h2>Sismo sacude el sur de Perú</h2><div class='texto'>" + kTwo +
                    "</div></div>"),
         kTwo},
        {"JSON-LD NewsArticle, one sentence in the entry content",
         chrome(
             "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
             "\"WebSite\",\"name\":\"Diario Andino\"},{\"@type\":\"NewsArticle\",\"headline\":\"Sismo sacude "
             "el "
             "sur de Perú\",\"datePublished\":\"2024-03-02T08:15:00-05:00\"}]}</script>",
             "<main><div class='entry-content'><p>" + kOne + "</p></div></main>"),
         kOne},
        {"a wire flash with a published time and a headline",
         chrome("<meta property='article:published_time' content='2024-03-02T08:15:00-05:00'>",
                "<div id='content'><h1>ÚLTIMA HORA: Sismo sacude el sur de Perú</h1><p>Lima, 2 mar (EFE).- " +
                    kOne + "</p></div>"),
         kOne},
    };
    for (const Case& c : cases) {
        INFO(c.shape);
        const Extraction e = run(c.html);
        INFO(e.reason);
        CHECK(e.is_article);
        CHECK(e.article.text.find(c.sentence) != std::string::npos);
    }
}

TEST_CASE("an empty page is not an article; a JavaScript shell is called one only with evidence",
          "[extract][classify]") {
    const Extraction shell = run(chrome("<meta property='og:type' content='article'>",
                                        "<div id='root'></div><noscript>Activa JavaScript para ver esta "
                                        "página.</noscript>"));
    CHECK(!shell.is_article);
    CHECK(shell.reason.find("JavaScript-rendered page") != std::string::npos);
    const Extraction empty = run(chrome("", "<div class='contenido'></div>"));
    CHECK(!empty.is_article);
    CHECK(empty.reason.find("no article text") != std::string::npos);
    CHECK(empty.reason.find("JavaScript") == std::string::npos);
    // Text without any article markup (a stray notice) is not a brief.
    const Extraction notice =
        run(chrome("", "<div><p>" + kOne + "</p></div>"), "https://www.diarioandino.pe/aviso");
    CHECK(!notice.is_article);
}

TEST_CASE("an article beside a long sidebar of headlines is an article; a front page is not",
          "[extract][classify]") {
    std::string sidebar = "<aside>";
    for (int i = 0; i < 68; ++i)
        sidebar += "<h3><a href='/peru/2024/03/0" + std::to_string(i % 9 + 1) + "/nota-" + std::to_string(i) +
                   "'>Otra noticia del día número " + std::to_string(i) + " en el país</a></h3>";
    sidebar += "</aside>";
    std::string body;
    for (int i = 0; i < 4; ++i) body += "<p>" + kTwo + "</p>";
    const std::string head = "<meta property='og:type' content='article'>"
                             "<meta property='article:published_time' content='2024-03-02T08:15:00-05:00'>"
                             "<script type='application/ld+json'>{\"@type\":\"WebSite\",\"name\":\"Diario "
                             "Andino\"}</script>";
    const Extraction article =
        run(chrome(head, "<article><h1>Sismo sacude el sur de Perú</h1>" + body + "</article>" + sidebar),
            "https://www.diarioandino.pe/peru/sismo-sacude-el-sur");
    INFO(article.reason);
    CHECK(article.is_article);
    const Extraction front = run(
        chrome(head, "<main><h1>Diario Andino</h1><p>" + kOne + " " + kTwo + "</p>" + sidebar + "</main>"),
        "https://www.diarioandino.pe/");
    CHECK(!front.is_article);
    CHECK(front.reason.find("front page") != std::string::npos);
}

TEST_CASE("random bytes are rejected with a reason; a truncated page is indexed and flagged",
          "[extract][classify]") {
    std::string noise(200 * 1024, '\0');
    std::uint32_t x = 12345;
    for (char& c : noise) {
        x = x * 1664525u + 1013904223u;
        c = static_cast<char>(x >> 24);
    }
    ExtractOptions keep;
    keep.keep_non_articles = true;
    const Extraction garbage = extract_article(noise, keep);
    CHECK(!garbage.is_article);
    CHECK(garbage.reason.find("not text") != std::string::npos);
    CHECK(garbage.article.text.empty());

    std::string body;
    for (int i = 0; i < 8; ++i) body += "<p>Párrafo " + std::to_string(i) + ". " + kTwo + "</p>";
    const std::string full = chrome("<meta property='og:type' content='article'>",
                                    "<article><h1>Sismo sacude el sur de Perú</h1>" + body + "</article>");
    const Extraction whole = run(full);
    CHECK(!whole.truncated);
    const std::string cut = full.substr(0, full.find("Párrafo 3") + 40); // in the middle of a paragraph
    const Extraction part = run(cut);
    INFO(part.reason);
    CHECK(part.is_article);
    CHECK(part.truncated);
    CHECK(part.article.text.find("Párrafo 2. " + kOne) != std::string::npos);
}
