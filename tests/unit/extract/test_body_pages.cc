// Body text on page fragments in the shapes real pages take: a standfirst rendered as the lead
// photo's <figcaption>, captions and credits as paragraphs, the tail inside <article> (appeals,
// newsletter boxes, page counters), embedded tweets.
#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca::extract;

namespace {

const std::string kLead =
    "El Gobierno aprobó este martes un plan de vivienda que movilizará 4.000 millones de euros "
    "en cinco años para construir pisos de alquiler asequible.";

std::string paragraphs(int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += "<p>Párrafo " + std::to_string(i) +
               ": el plan prevé ayudas a los ayuntamientos que cedan suelo público y a los promotores que "
               "mantengan el alquiler por debajo del precio de mercado durante veinte años.</p>";
    return out;
}

std::string text_of_page(const std::string& inside_article) {
    const std::string html =
        "<html><head><title>El Gobierno aprueba un plan de vivienda | Diario</title>"
        "<meta property='og:type' content='article'><meta property='og:description' content='" +
        kLead + "'></head><body><article><h1>El Gobierno aprueba un plan de vivienda</h1>" + inside_article +
        "</article></body></html>";
    return extract_article(html, {}).article.text;
}

} // namespace

TEST_CASE("body: standfirst captions kept; captions, credits, tails and embeds dropped", "[extract][body]") {
    struct Case {
        const char* shape;
        std::string inside_article;
        std::string kept;    // must be in the text
        std::string dropped; // must not
    };
    const Case cases[] = {
        {"the standfirst as the lead photo's <figcaption>",
         "<figure><img src='a.jpg'><figcaption>" + kLead + "</figcaption></figure>" + paragraphs(5), kLead,
         "no such text"},
        {"a photo caption in a <figcaption>",
         "<figure><img src='a.jpg'><figcaption>La ministra, durante la presentación del plan en Madrid. EFE"
         "</figcaption></figure>" +
             paragraphs(5),
         "Párrafo 4", "durante la presentación del plan"},
        {"a credit as a paragraph of its own", paragraphs(3) + "<p>Foto: Ana Beltrán</p>" + paragraphs(2),
         "Párrafo 1", "Ana Beltrán"},
        {"a membership appeal and a newsletter box in the article's tail",
         paragraphs(6) +
             "<h3>Nuestro equipo te necesita</h3><p>El periodismo de este diario no sería posible sin tu "
             "apoyo. Con cada membresía o donación respaldás el trabajo de nuestros periodistas.</p>"
             "<div><p>Recibe cada mañana las noticias más importantes en tu correo.</p></div>",
         "Párrafo 5", "Nuestro equipo te necesita"},
        {"«Tú también puedes hacer periodismo» in the tail",
         paragraphs(6) +
             "<p>Tú también puedes hacer periodismo: envíanos tu denuncia con fotos y vídeos.</p>",
         "Párrafo 5", "hacer periodismo"},
        {"a page counter", paragraphs(5) + "<p>(Visited 122 times, 11 visits today)</p>", "Párrafo 4",
         "Visited"},
        {"an embedded tweet",
         paragraphs(3) +
             "<blockquote class='twitter-tweet'><p>Hoy aprobamos el plan de vivienda más ambicioso de "
             "la democracia pic.twitter.com/abc123</p>— Ministerio (@ministerio) 2 de mayo de 2023"
             "</blockquote>" +
             paragraphs(2),
         "Párrafo 2", "más ambicioso de la democracia"},
    };
    for (const Case& c : cases) {
        INFO(c.shape);
        const std::string text = text_of_page(c.inside_article);
        INFO(text);
        CHECK(text.find(c.kept) != std::string::npos);
        CHECK(text.find(c.dropped) == std::string::npos);
    }
}
