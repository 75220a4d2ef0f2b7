#include "extract/text_mass.h"

#include "extract/boilerplate.h"

namespace hemeroteca::extract {
namespace {

// Hidden elements holding this much paragraph text are article text behind a paywall.
constexpr std::size_t kHiddenTextKept = 400;

const GumboVector& children_of(const GumboNode* node) {
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

bool is_paragraph(GumboTag t) {
    return t == GUMBO_TAG_P || t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_PRE || t == GUMBO_TAG_H2 ||
           t == GUMBO_TAG_H3;
}

// Text that reads as a paragraph: inside <p> and the like, or a long run of text
// on its own (pages from before <p> was in fashion put text straight in <td>/<div>
// between <br>s).
constexpr std::size_t kBareParagraph = 120;

bool paragraph_text(const GumboNode* text, bool in_p, bool in_link) {
    return !in_link && (in_p || text->v.text.original_text.length >= kBareParagraph);
}

// Paragraph text of the page, boilerplate included (the scale for "most of the page").
std::size_t raw_paragraph_text(const GumboNode* node, bool in_p, bool in_link) {
    if (node->type == GUMBO_NODE_TEXT)
        return paragraph_text(node, in_p, in_link) ? node->v.text.original_text.length : 0;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return 0;
    const GumboTag t = tag_of(node);
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE) return 0;
    std::size_t sum = 0;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i)
        sum += raw_paragraph_text(static_cast<const GumboNode*>(children.data[i]), in_p || is_paragraph(t),
                                  in_link || t == GUMBO_TAG_A);
    return sum;
}

} // namespace

TextMass::TextMass(const GumboNode* root) {
    total_raw_ = raw_paragraph_text(root, false, false);
    sums_.reserve(4096);
    total_ = measure(root, false, false).clean;
}

const TextMass::Sums& TextMass::find(const GumboNode* node) const {
    static const Sums none;
    const auto it = sums_.find(node);
    return it == sums_.end() ? none : it->second;
}

TextMass::Sums TextMass::measure(const GumboNode* node, bool in_p, bool in_link) {
    Sums s;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        s.text = node->v.text.original_text.length;
        if (paragraph_text(node, in_p, in_link)) s.raw = s.clean = s.text;
        return s;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return s;
    const bool element = node->type == GUMBO_NODE_ELEMENT;
    const GumboTag t = tag_of(node);
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE) return s;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) {
        const Sums c = measure(static_cast<const GumboNode*>(children.data[i]), in_p || is_paragraph(t),
                               in_link || t == GUMBO_TAG_A);
        s.raw += c.raw;
        s.clean += c.clean;
        s.text += c.text;
        s.has_body = s.has_body || c.has_body;
    }
    if (element) {
        const ClassHints hints = class_hints(node);
        s.hints = hints;
        const bool body_hint = hints.body;
        if (is_hidden(node) && s.raw < kHiddenTextKept) s.clean = 0;
        // Boilerplate, unless it holds most of the page's text (a misplaced </header>, a
        // page-wide class) or wraps the article body ("no-sidebar", "with-share").
        if (!s.has_body && !body_hint && (hints.boilerplate || is_boilerplate_tag(node)) &&
            s.raw * 10 < total_raw_ * 6)
            s.clean = 0;
        s.has_body = s.has_body || (body_hint && s.raw > 0);
    }
    sums_[node] = s;
    s.hints = {}; // hints describe this element only, not its parent
    return s;
}

} // namespace hemeroteca::extract
