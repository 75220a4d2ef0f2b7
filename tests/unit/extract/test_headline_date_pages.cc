// Headlines and publication dates on page fragments in the shapes real pages take: og:title
// against the <h1>, section tails, UTC metadata against the page's own zone and dateline,
// 12-hour clocks and «actualizado».
#include "extract/dates.h"
#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca::extract;

namespace {

std::string page(const std::string& head, const std::string& before_h1, const std::string& h1,
                 const std::string& after_h1) {
    std::string body;
    for (int i = 0; i < 6; ++i)
        body += "<p>El Ayuntamiento aprobó este martes el presupuesto del próximo año con los votos de la "
                "mayoría, tras una sesión de varias horas en la que la oposición pidió más inversión.</p>";
    return "<html><head><meta property=\"og:site_name\" content=\"El Diario del Sur\">" + head +
           "</head><body><article>" + before_h1 + (h1.empty() ? "" : "<h1>" + h1 + "</h1>") + after_h1 +
           body + "</article><aside><p>Otra noticia</p><p>21 de abril de 2022</p></aside></body></html>";
}

Extraction run(const std::string& html) {
    ExtractOptions options;
    options.explain = true;
    return extract_article(html, options);
}

const std::string kH1 = "El Ayuntamiento aprueba el presupuesto de 2023";

} // namespace

TEST_CASE("headline: the page's h1 beats an og:title that a second witness contradicts", "[extract][title]") {
    struct Case {
        const char* shape;
        std::string html;
        std::string title;
    };
    const std::string ld_h1 =
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"" + kH1 +
        "\"}</script>";
    const Case cases[] = {
        {"a teaser og:title, JSON-LD headline = h1",
         page("<meta property=\"og:title\" content=\"¿Qué pasará con tus impuestos?\">" + ld_h1, "", kH1, ""),
         kH1},
        {"the site's slogan as og:title, <title> = h1 | outlet",
         page("<title>" + kH1 +
                  " | El Diario del Sur</title><meta property=\"og:title\" content=\"Las noticias "
                  "del sur, cada día\">",
              "", kH1, ""),
         kH1},
        {"another story's headline as og:title",
         page("<title>" + kH1 +
                  "</title><meta property=\"og:title\" content=\"Detenido un hombre por el robo "
                  "de cable\">",
              "", kH1, ""),
         kH1},
        {"og:title cut at an unescaped quote",
         page("<meta property=\"og:title\" content=\"El alcalde dice que el presupuesto es \">", "",
              "El alcalde dice que el presupuesto es \"el más social\" de la década", ""),
         "El alcalde dice que el presupuesto es \"el más social\" de la década"},
        {"og:title = h1 plus a section tail",
         page("<meta property=\"og:title\" content=\"" + kH1 + " | Local\">", "", kH1, ""), kH1},
        {"a « | Sección» tail without an h1",
         page("<meta property=\"og:title\" content=\"" + kH1 +
                  " | Local\"><meta property=\"article:section\" "
                  "content=\"Local\">",
              "", "", ""),
         kH1},
        {"an « - Outlet» tail",
         page("<meta property=\"og:title\" content=\"" + kH1 + " - El Diario del Sur\">", "", "", ""), kH1},
        {"the outlet's name as the only h1: og:title stands",
         page("<title>" + kH1 + " - El Diario del Sur</title><meta property=\"og:title\" content=\"" + kH1 +
                  "\">",
              "", "El Diario del Sur - Noticias del sur", ""),
         kH1},
        {"og:title differs with no second witness: it stands",
         page("<meta property=\"og:title\" content=\"Aprobado el presupuesto municipal\">", "", kH1, ""),
         "Aprobado el presupuesto municipal"},
    };
    for (const Case& c : cases) {
        INFO(c.shape);
        CHECK(run(c.html).article.title == c.title);
    }
}

TEST_CASE("headline: --explain says which og:title was rejected and why", "[extract][title]") {
    const auto e =
        run(page("<meta property=\"og:title\" content=\"¿Qué pasará con tus impuestos?\">"
                 "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"" +
                     kH1 + "\"}</script>",
                 "", kH1, ""));
    bool said = false;
    for (const auto& [field, note] : e.rejected)
        said = said || (field == "title" && note.find("og:title") != std::string::npos &&
                        note.find("rejected: differs from the h1") != std::string::npos);
    CHECK(said);
}

TEST_CASE("dates: 12-hour clocks", "[extract][dates]") {
    CHECK(parse_machine_date("2022-04-26 05:22 pm") == "2022-04-26T17:22:00");
    CHECK(parse_machine_date("2022-04-26 12:05 a.m.") == "2022-04-26T00:05:00");
    CHECK(parse_machine_date("2022-04-26 12:30 PM") == "2022-04-26T12:30:00");
    CHECK(clock_seconds("26 abril, 2022 - 8:10 pm") == 20 * 3600 + 10 * 60);
    CHECK(clock_seconds("martes 26 de abril de 2022 - 9:10 p.m.") == 21 * 3600 + 10 * 60);
    CHECK(clock_seconds("abr. 22, 2022 | 12:01 a. m.") == 60);
    CHECK(clock_seconds("Publicado: 02:26:59 am") == 2 * 3600 + 26 * 60 + 59);
    CHECK(clock_seconds("26 de abril de 2022") == -1);
}

TEST_CASE("dates: the day the page shows, in the page's zone", "[extract][dates]") {
    struct Case {
        const char* shape;
        std::string html;
        std::string date;
    };
    const Case cases[] = {
        {"UTC og time and the same instant with the page's zone",
         page("<meta property=\"article:published_time\" content=\"2022-04-22T02:37:15+00:00\">"
              "<meta itemprop=\"datePublished\" content=\"2022-04-21T20:37:15-06:00\">",
              "", kH1, ""),
         "2022-04-21T20:37:15-06:00"},
        {"UTC only, a dateline with a 12-hour time beside the headline",
         page("<meta property=\"article:published_time\" content=\"2022-04-27T02:10:09+00:00\">", "", kH1,
              "<div class=\"meta\"><a href=\"/author/x\">MA</a> 26 abril, 2022 - 8:10 pm</div>"),
         "2022-04-26T20:10:09-06:00"},
        {"a wrong zone in JSON-LD against the dateline",
         page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
              "\"2022-04-27T02:10:00-05:00\"}</script>",
              "", kH1, "<p>martes 26 de abril de 2022 - 9:10 p.m.</p>"),
         "2022-04-26T21:10:00"},
        {"UTC only, a dateline with the day only",
         page("<meta property=\"article:published_time\" content=\"2022-04-22T05:46:58+00:00\">", "", kH1,
              "<span>21 abril, 2022</span>"),
         "2022-04-21"},
        {"metadata and dateline agree: unchanged",
         page("<meta property=\"article:published_time\" content=\"2022-04-21T20:30:00Z\">", "", kH1,
              "<span>21 de abril 2022, 2:30 PM</span>"),
         "2022-04-21T20:30:00Z"},
        {"no metadata: the kicker line above the headline, not a sidebar date",
         page("", "<p>Abril 19, 2022</p>", kH1, "<p>EFE</p>"), "2022-04-19"},
        {"«Actualizado» never beats the publication date",
         page("", "", kH1,
              "<p>Actualizado el 28 de abril de 2022</p><p>Publicado el 25 de abril de 2022</p>"),
         "2022-04-25"},
        {"<time class=updated> before the published one",
         page("", "", kH1,
              "<time class=\"updated\" datetime=\"2022-04-28T10:00:00+02:00\">28/04/2022</time>"
              "<time class=\"published\" datetime=\"2022-04-25T09:00:00+02:00\">25/04/2022</time>"),
         "2022-04-25T09:00:00+02:00"},
    };
    for (const Case& c : cases) {
        INFO(c.shape);
        CHECK(run(c.html).article.date == c.date);
    }
}
