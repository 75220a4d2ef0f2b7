// What counts as boilerplate: class/id words and prompt texts.
#include "extract/boilerplate.h"
#include "extract/dom.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca::extract;

TEST_CASE("is_boilerplate_text knows prompts and labels but not sentences", "[extract][boilerplate]") {
    struct Case {
        const char* text;
        bool boilerplate;
    };
    const Case cases[] = {
        {"Lea también: El paro baja en Barcelona", true},
        {"LEE TAMBIÉN", true},
        {"Te puede interesar", true},
        {"Noticias relacionadas", true},
        {"Más noticias", true},
        {"Compartir", true},
        {"Suscríbete a nuestro boletín", true},
        {"Únete a nuestro canal de WhatsApp", true},
        {"Tu suscripción se está usando en otro dispositivo", true},
        {"Tendencias", true},
        {"Tendencias de consumo muestran que los hogares gastan menos en alimentos este año.", false},
        {"Compartir piso es la única opción para muchos jóvenes en Madrid, según el estudio.", false},
        {"El Gobierno aprobó la ley con los votos de sus socios.", false},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(is_boilerplate_text(c.text) == c.boilerplate);
    }
}

TEST_CASE("class_hints reads class and id words", "[extract][boilerplate]") {
    struct Case {
        const char* html;
        bool boilerplate;
        bool body;
    };
    const Case cases[] = {
        {"<div class=\"share-buttons\">", true, false},
        {"<div class=\"relatedNews\">", true, false},
        {"<div id=\"comments\">", true, false},
        {"<div class=\"c-newsletter-box\">", true, false},
        {"<div class=\"article-body\">", false, true},
        {"<div class=\"articleBody\">", false, true},
        {"<div itemprop=\"articleBody\">", false, true},
        {"<div class=\"entry-content with-share\">", true, true},
        {"<div class=\"header\">", false, false},
        {"<div class=\"shadow readable\">", false, false},
        {"<div class=\"paywall\">", false, false},
    };
    for (const Case& c : cases) {
        INFO(c.html);
        const hemeroteca::extract::HtmlDocument doc = parse_html(std::string(c.html) + "x</div>");
        const GumboNode* div = find_first(doc->root, GUMBO_TAG_DIV);
        REQUIRE(div);
        const ClassHints hints = class_hints(div);
        CHECK(hints.boilerplate == c.boilerplate);
        CHECK(hints.body == c.body);
    }
}
