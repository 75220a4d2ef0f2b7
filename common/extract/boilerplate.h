// What is not article text: boilerplate elements (by tag, attributes and
// class/id words) and boilerplate blocks (related-links headings, share and
// newsletter prompts, credits).
#pragma once

#include "extract/dom.h"

#include <string_view>

namespace hemeroteca::extract {

// Elements never part of the article text (nav, aside, footer, figure, form,
// buttons, ARIA navigation/banner roles).
bool is_boilerplate_tag(const GumboNode* node);

// hidden, aria-hidden or display:none. Paywalled article text is often hidden
// this way, so callers keep hidden elements that hold long paragraphs.
bool is_hidden(const GumboNode* node);

struct ClassHints {
    bool boilerplate = false; // the class/id names a boilerplate role
    bool body = false;        // the class/id (or itemprop) names the article body
};
// Both hints in one pass over the class and id.
ClassHints class_hints(const GumboNode* node);

// True when a block of text is a boilerplate prompt or heading ("Lea también",
// "Te puede interesar", "Noticias relacionadas", "Compartir", "Suscríbete"...).
bool is_boilerplate_text(std::string_view text);

// True when a block marks the end of the article text inside the article's own container: a
// membership or donation appeal, a template left unfilled («{{title}}»), a page counter. What
// follows such a block in the article's last half is its tail (newsletter boxes, more appeals).
bool is_article_end_text(std::string_view text);

} // namespace hemeroteca::extract
