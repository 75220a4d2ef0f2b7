// extract_article on small hand-written pages: each field and the boilerplate
// that must stay out of the text.
#include "extract/extraction_json.h"
#include "extract/extractor.h"
#include "extract/metadata.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca::extract;
using hemeroteca::Article;

namespace {

const char* const kPage = R"(<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><title>Sube el paro en Madrid | Diario Ejemplo</title>
<meta property="og:title" content="Sube el paro en Madrid | Diario Ejemplo">
<meta property="og:site_name" content="Diario Ejemplo">
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Diario Ejemplo"},
 {"@type":"NewsArticle","headline":"Sube el paro en Madrid","datePublished":"2026-01-09T08:30:00+01:00",
  "author":[{"@type":"Person","name":"Por Ana García"},{"@type":"Person","name":"Luis Pérez"}],
  "articleSection":"Economía"}]}</script>
<script>var fecha = "2020-01-01"; document.write('<p>no</p>');</script>
</head><body>
<nav><ul><li><a href="/">Portada</a></li><li><a href="/economia">Economía</a></li></ul></nav>
<div class="cookie-banner"><p>Usamos cookies para mejorar su experiencia de navegación en este sitio.</p></div>
<article>
 <h1>Sube el paro en Madrid</h1>
 <p class="subtitle">El desempleo crece por tercer mes consecutivo en la región.</p>
 <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <span>Compartir esta noticia en redes</span></div>
 <div itemprop="articleBody">
  <p>El número de parados en la Comunidad de Madrid aumentó en enero, según los datos publicados este viernes por el ministerio.</p>
  <p>La subida se concentra en el sector servicios, que perdió miles de empleos tras la campaña de Navidad, explicaron los técnicos.</p>
  <figure><img src="a.jpg"><figcaption>Foto: Europa Press. Una oficina de empleo.</figcaption></figure>
  <div class="related"><h3>Lea también</h3><ul><li><a href="/a">El paro baja en Barcelona durante el verano pasado</a></li></ul></div>
  <p><strong>Lea también:</strong> <a href="/b">Los sindicatos piden más inspecciones de trabajo en la región</a></p>
  <h2>Los jóvenes, los más afectados</h2>
  <p>Los menores de 25 años son el grupo que más empleo ha perdido, con una caída del 4% respecto al mes anterior.</p>
  <div class="newsletter-box"><p>Suscríbete a nuestro boletín y recibe las noticias de economía cada mañana.</p></div>
 </div>
 <section class="comments"><p>Comentario de un lector que no forma parte del artículo publicado hoy.</p></section>
</article>
<footer><p>© Diario Ejemplo. Todos los derechos reservados. Aviso legal y política de privacidad.</p></footer>
</body></html>)";

} // namespace

TEST_CASE("extract_article reads every field of a news page", "[extract]") {
    ExtractOptions options;
    options.url = "https://www.diarioejemplo.es/economia/2026/01/09/sube-paro-madrid.html";
    options.explain = true;
    const Extraction e = extract_article(kPage, options);
    const Article& a = e.article;
    CHECK(e.is_article);
    CHECK(e.charset == "utf-8");
    CHECK(a.title == "Sube el paro en Madrid");
    CHECK(a.date == "2026-01-09T08:30:00+01:00");
    CHECK(a.author == "Ana García, Luis Pérez");
    CHECK(a.section == "Economía");
    CHECK(a.source == "Diario Ejemplo");
    CHECK(a.lang == "es"); // although <html lang="en">
    CHECK(a.url == options.url);

    SECTION("the text is the article, in order, with the standfirst and subheadings") {
        CHECK(a.text.starts_with(
            "El desempleo crece por tercer mes consecutivo en la región.\n\nEl número de parados"));
        CHECK(a.text.find("Los jóvenes, los más afectados\n\nLos menores de 25 años") != std::string::npos);
    }
    SECTION("boilerplate stays out") {
        for (const char* unwanted : {"Portada", "cookies", "Facebook", "Compartir", "Foto: Europa Press",
                                     "Lea también", "Barcelona", "sindicatos", "Suscríbete", "Comentario",
                                     "derechos reservados", "document.write", "Sube el paro en Madrid"}) {
            INFO(unwanted);
            CHECK(a.text.find(unwanted) == std::string::npos);
        }
    }
    SECTION("provenance explains each field") {
        const nlohmann::json j = to_json(e, true);
        CHECK(j["title"] == "Sube el paro en Madrid");
        CHECK(j["explain"]["title"] == "og:title");
        CHECK(j["explain"]["date"] == "json-ld");
        CHECK(j["explain"]["author"] == "json-ld");
        CHECK(j["is_article"] == true);
        CHECK(!to_json(e, false).contains("explain"));
    }
}

TEST_CASE("metadata falls back in order of trust", "[extract]") {
    struct Case {
        const char* name;
        const char* html;
        const char* url;
        const char* title;
        const char* date;
        const char* author;
        const char* section;
        const char* source;
    };
    const Case cases[] = {
        {"meta tags only",
         "<title>Titular - El Diario</title><meta property='article:published_time' "
         "content='2025-03-02T10:00:00Z'>"
         "<meta name='author' content='By John Smith'><meta property='article:section' content='Mundo'>"
         "<p>Texto.</p>",
         "https://eldiario.com/x/nota-larga-de-prueba", "Titular", "2025-03-02T10:00:00Z", "John Smith",
         "Mundo", "eldiario.com"},
        {"h1, <time> and a byline",
         "<title>Otra cosa</title><h1>El titular de verdad</h1><div class='byline'>Por María López y "
         "EFE</div>"
         "<time datetime='2024-05-06'>6 de mayo</time><p>Texto del artículo.</p>",
         "https://medio.com/deportes/nota-de-prueba", "El titular de verdad", "2024-05-06",
         "María López, EFE", "deportes", "medio.com"},
        {"URL date, prose date ignored inside scripts",
         "<h1>Sin fecha</h1><script>var d='2020-01-01';</script><p>Texto sin fecha alguna.</p>",
         "https://medio.com/2026/01/09/sin-fecha", "Sin fecha", "2026-01-09", "", "", "medio.com"},
        {"JSON-LD publisher and breadcrumbs",
         "<script type='application/ld+json'>[{\"@type\":\"ReportageNewsArticle\",\"headline\":\"Reportaje\","
         "\"datePublished\":\"2023-07-01\",\"author\":{\"name\":\"Europa "
         "Press\"},\"publisher\":{\"@type\":\"Organization\",\"name\":\"La Gaceta\"}},"
         "{\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"position\":1,\"name\":\"Inicio\"},{"
         "\"position\":2,\"name\":\"Cultura\"}]}]</script>",
         "", "Reportaje", "2023-07-01", "Europa Press", "Cultura", "La Gaceta"},
    };
    for (const Case& c : cases) {
        SECTION(c.name) {
            ExtractOptions options;
            options.url = c.url;
            options.keep_non_articles = true;
            const Article a = extract_article(c.html, options).article;
            CHECK(a.title == c.title);
            CHECK(a.date == c.date);
            CHECK(a.author == c.author);
            CHECK(a.section == c.section);
            CHECK(a.source == c.source);
        }
    }
}

TEST_CASE("strip_outlet_tail removes only the outlet", "[extract]") {
    CHECK(strip_outlet_tail("Titular | El País", "EL PAÍS", "elpais.com") == "Titular");
    CHECK(strip_outlet_tail("Titular - elmundo.es", "", "elmundo.es") == "Titular");
    CHECK(strip_outlet_tail("Madrid - Barcelona: la final", "Marca", "marca.com") ==
          "Madrid - Barcelona: la final");
    CHECK(strip_outlet_tail("Titular | Economía | La Nación", "La Nación", "lanacion.com.ar") ==
          "Titular | Economía");
}

TEST_CASE("an old page without <p> still yields its text", "[extract]") {
    const char* html =
        R"(<html><head><title>Una noticia antigua - Diario Viejo</title></head><body><table><tr>
<td class="menu"><a href="/">Portada</a> <a href="/x">Nacional</a></td><td>
<font size="4"><b>Una noticia antigua</b></font><br><br>
El Ayuntamiento aprobó ayer el presupuesto municipal para el próximo año con los votos del equipo de gobierno y la abstención de la oposición.<br><br>
La alcaldesa defendió que las cuentas son realistas y que permitirán reducir la deuda sin subir los impuestos, una promesa que repitió varias veces.
</td></tr></table><div class="footer">© Diario Viejo 2003. Todos los derechos reservados.</div></body></html>)";
    ExtractOptions options;
    options.url = "http://www.diarioviejo.es/2003/05/12/noticia.html";
    const Extraction e = extract_article(html, options);
    CHECK(e.is_article);
    CHECK(e.article.title == "Una noticia antigua");
    CHECK(e.article.date == "2003-05-12");
    CHECK(e.article.text.find("con los votos del equipo de gobierno y la abstención de la oposición.\n\nLa "
                              "alcaldesa defendió") != std::string::npos);
    CHECK(e.article.text.find("Portada") == std::string::npos);
    CHECK(e.article.text.find("derechos reservados") == std::string::npos);
}

TEST_CASE("a section index is not an article", "[extract]") {
    std::string html = "<html><head><title>Deportes | Diario</title><meta property='og:type' "
                       "content='website'></head><body>";
    for (int i = 0; i < 20; ++i)
        html += "<article><h3><a href='/deportes/nota-" + std::to_string(i) +
                "'>Titular de la nota deportiva número " + std::to_string(i) +
                "</a></h3><p>Un resumen breve de la nota deportiva " + std::to_string(i) +
                " que se publica hoy en la portada.</p></article>";
    html += "</body></html>";
    ExtractOptions options;
    options.url = "https://diario.com/deportes/";
    const Extraction e = extract_article(html, options);
    CHECK(!e.is_article);
    INFO(e.reason);
    CHECK(e.reason.find("index") != std::string::npos);
    options.keep_non_articles = true;
    const Extraction kept = extract_article(html, options);
    CHECK(kept.is_article);
    CHECK(!kept.reason.empty());
}

TEST_CASE("pages without article text are not articles", "[extract]") {
    const Extraction shell =
        extract_article("<html><body><div id=app></div><script>render()</script></body></html>", {});
    CHECK(!shell.is_article);
    CHECK(!shell.reason.empty());
    ExtractOptions keep;
    keep.keep_non_articles = true;
    CHECK(extract_article("<html><body><div id=app></div></body></html>", keep).is_article);
}
