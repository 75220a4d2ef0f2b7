// Authors on page fragments in the shapes real pages take: bylines in no metadata, JSON-LD by
// @id, entities inside JSON-LD, placeholders and the outlet's own name beside a real name.
#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca::extract;

namespace {

// A page with `head` in <head> and `header` between the <h1> and a body long enough to be an article.
std::string page(const std::string& head, const std::string& header) {
    std::string body;
    for (int i = 0; i < 6; ++i)
        body += "<p>El Ayuntamiento aprobó este martes el presupuesto del próximo año con los votos de la "
                "mayoría, tras una sesión de varias horas en la que la oposición pidió más inversión.</p>";
    return "<html><head><title>Aprueban el presupuesto municipal | El Diario del Sur</title>"
           "<meta property=\"og:site_name\" content=\"El Diario del Sur\">" +
           head + "</head><body><article><h1>Aprueban el presupuesto municipal</h1>" + header + body +
           "</article></body></html>";
}

std::string author_of(const std::string& html) {
    ExtractOptions options;
    options.url = "https://www.eldiariodelsur.es/local/presupuesto.html";
    return extract_article(html, options).article.author;
}

} // namespace

TEST_CASE("authors: visible bylines, JSON-LD references, placeholders and agencies", "[extract][authors]") {
    struct Case {
        const char* shape;
        std::string html;
        const char* author;
    };
    const std::string person_graph =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"NewsArticle\",\"headline\":\"Aprueban el presupuesto municipal\","
        "\"author\":{\"@id\":\"https://x/#/person/1\"}},"
        "{\"@type\":\"Person\",\"@id\":\"https://x/#/person/1\",\"name\":\"Lucía Fernández\"}]}</script>";
    const Case cases[] = {
        {"«| Por: Nombre Apellido |» in a paragraph", page("", "<p>| Por: Marta Gil Romero |</p>"),
         "Marta Gil Romero"},
        {"a .writer element", page("", "<div class=\"writer\">Jorge Salas</div>"), "Jorge Salas"},
        {"a theme's meta_author link",
         page("", "<div class=\"jeg_meta_author\"><a href=\"/author/x/\">Pablo Ríos</a></div>"),
         "Pablo Ríos"},
        {"several bylines side by side",
         page("",
              "<span class=\"story-author\">Ana Ruiz</span><span class=\"story-author\">Luis Mora</span>"),
         "Ana Ruiz, Luis Mora"},
        {"a photo credit is no byline",
         page("",
              "<span class=\"byline-image\">Foto: Carlos Vega</span><div class=\"byline\">Elena Soto</div>"),
         "Elena Soto"},
        {"JSON-LD author by @id into @graph", page(person_graph, ""), "Lucía Fernández"},
        {"entities inside JSON-LD decoded before splitting",
         page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
              "{\"name\":\"Mar&iacute;a P&eacute;rez; Juan G&oacute;mez\"}}</script>",
              ""),
         "María Pérez, Juan Gómez"},
        {"«Redacción» in metadata, the journalist in rel=author",
         page("<meta name=\"author\" content=\"Redacción\">",
              "<a rel=\"author\" href=\"/autor/ana\">Ana Pérez</a>"),
         "Ana Pérez"},
        {"the outlet's name in metadata, the journalist in rel=author",
         page("<meta name=\"author\" content=\"El Diario del Sur\">",
              "<a rel=\"author\" href=\"/a\">Iker Sanz</a>"),
         "Iker Sanz"},
        {"«Redacción Central» only", page("", "<span class=\"author\">Redacción Central</span>"), ""},
        {"«Anónimo» only", page("<meta name=\"author\" content=\"Anónimo\">", ""), ""},
        {"the outlet only, as a byline",
         page("", "<p class=\"autor-nota\">Por: Redacción / El Diario del Sur</p>"), ""},
        {"«Agencia EFE» kept", page("", "<div class=\"byline\">Agencia EFE</div>"), "Agencia EFE"},
        {"«EFE» kept", page("<meta name=\"author\" content=\"EFE\">", ""), "EFE"},
        {"«Europa Press» kept", page("", "<div class=\"article-author\">Europa Press</div>"), "Europa Press"},
        {"«Redacción: Nombre» names the journalist",
         page("<meta name=\"author\" content=\"Redacción: Rosa Marín\">", ""), "Rosa Marín"},
        {"a slug given as a name",
         page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
              "{\"name\":\"Graciela-Cuevas\"}}</script>",
              ""),
         "Graciela Cuevas"},
        {"a comment form's author field is no byline",
         page("", "<form><div class=\"comment-form-author\">Nombre: Pepe</div></form>"), ""},
    };
    for (const Case& c : cases) {
        INFO(c.shape);
        CHECK(author_of(c.html) == c.author);
    }
}

TEST_CASE("authors: --explain says which placeholder was rejected", "[extract][authors]") {
    ExtractOptions options;
    options.explain = true;
    const auto e = extract_article(page("<meta name=\"author\" content=\"Redacción Central\">",
                                        "<a rel=\"author\" href=\"/a\">Iker Sanz</a>"),
                                   options);
    CHECK(e.article.author == "Iker Sanz");
    bool said = false;
    for (const auto& [field, note] : e.rejected)
        said = said ||
               (field == "author" && note == "author 'Redacción Central' rejected: a placeholder or no name");
    CHECK(said);
}
