#include "analysis/analyzer.h"
#include "snippet/snippet.h"

#include <catch2/catch.hpp>

using namespace hemeroteca;

namespace {
analysis::QueryTerms terms_for(const analysis::Analyzer& an, const std::string& q) {
    auto qp = an.query_parser();
    return an.query_terms(qp.parse_query(an.normalize_query(q)));
}
const snippet::Markup kBrackets{"[", "]", false, "…"};
} // namespace

TEST_CASE("every matched form is highlighted", "[snippet]") {
    const analysis::Analyzer an;
    const auto terms = terms_for(an, "politica");
    const std::string text = "Las políticas del Gobierno. POLÍTICA y política, sin más.";
    CHECK(snippet::highlight(text, terms, an, kBrackets) ==
          "Las [políticas] del Gobierno. [POLÍTICA] y [política], sin más.");
}

TEST_CASE("capitalised query words highlight their accented forms", "[snippet]") {
    const analysis::Analyzer an;
    const auto terms = terms_for(an, "Canada EEUU");
    CHECK(snippet::highlight("Viaje a Canadá y a EE.UU. hoy", terms, an, kBrackets) ==
          "Viaje a [Canadá] y a [EE.UU.] hoy");
}

TEST_CASE("ñ is not highlighted for n", "[snippet]") {
    const analysis::Analyzer an;
    const auto terms = terms_for(an, "pena");
    CHECK(snippet::highlight("La peña y la pena", terms, an, kBrackets) == "La peña y la [pena]");
}

TEST_CASE("the snippet is the passage with the most query terms", "[snippet]") {
    const analysis::Analyzer an;
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Relleno sin interés para nadie. ";
    text += "Corea del Norte envió soldados a Rusia, según Seúl. ";
    for (int i = 0; i < 40; ++i) text += "Más relleno al final del texto. ";
    snippet::SnippetOptions so;
    so.max_bytes = 160;
    so.markup = kBrackets;
    const std::string s = snippet::make_snippet(text, terms_for(an, "soldados Rusia"), an, so);
    CHECK(s.find("[soldados]") != std::string::npos);
    CHECK(s.find("[Rusia]") != std::string::npos);
    CHECK(s.rfind("…", 0) == 0);                     // cut at the start
    CHECK(s.size() <= so.max_bytes + 2 * 3 + 4 * 2); // passage + ellipses + markers
}

TEST_CASE("HTML snippets escape the text and mark matches", "[snippet]") {
    const analysis::Analyzer an;
    snippet::SnippetOptions so;
    so.markup = {"<mark>", "</mark>", true, "…"};
    const std::string s =
        snippet::make_snippet("Un <script>alert(1)</script> & política", terms_for(an, "politica"), an, so);
    CHECK(s == "Un &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>política</mark>");
}

TEST_CASE("without a match the snippet is the opening", "[snippet]") {
    const analysis::Analyzer an;
    snippet::SnippetOptions so;
    so.max_bytes = 20;
    so.markup = kBrackets;
    CHECK(snippet::make_snippet("Primera frase del texto. Segunda frase.", {}, an, so) ==
          "Primera frase del…");
}

TEST_CASE("a passage across paragraphs marks the break", "[snippet]") {
    const analysis::Analyzer an;
    snippet::SnippetOptions so;
    so.markup = kBrackets;
    CHECK(snippet::make_snippet("Fin del primero.\n\nLa política vuelve.", terms_for(an, "politica"), an,
                                so) == "Fin del primero. · La [política] vuelve.");
}

TEST_CASE("stop-words of a phrase are marked only inside the phrase", "[snippet]") {
    const analysis::Analyzer an;
    CHECK(snippet::highlight("La casa del pueblo y Corea del Norte", terms_for(an, "\"Corea del Norte\""), an,
                             kBrackets) == "La casa del pueblo y [Corea] [del] [Norte]");
}

TEST_CASE("outlet and section filters do not mark the text", "[snippet]") {
    const analysis::Analyzer an;
    auto qp = an.query_parser();
    qp.add_prefix("fuente", "XSRC");
    qp.add_prefix("titulo", "S");
    const auto terms = an.query_terms(qp.parse_query("fuente:diario titulo:putin"));
    CHECK(snippet::highlight("El diario de Putin", terms, an, kBrackets) == "El diario de [Putin]");
}
