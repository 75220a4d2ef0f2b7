#include "extract/blocks.h"

#include "extract/boilerplate.h"
#include "extract/text.h"
#include "extract/text_mass.h"

#include <unordered_set>

namespace hemeroteca::extract {
namespace {

// A caption that is the article's standfirst (some sites render the lead as the lead photo's
// <figcaption>): long, and the page's description says the same.
bool is_standfirst_caption(std::string_view caption, std::string_view description) {
    if (description.empty() || utf8_length(caption) < 60) return false;
    const std::string c = fold(caption), d = fold(description);
    const std::size_t n = std::min<std::size_t>(60, std::min(c.size(), d.size()));
    return c.compare(0, n, d, 0, n) == 0;
}

// Marks a <br> in a block's raw text (real newlines are just whitespace).
constexpr char kLineBreak = '\x1E';

// A box that asks the reader to do something: short promotional text around a
// button-like link ("Hazte miembro", "Suscríbete", "Apoya el periodismo").
bool is_call_to_action(const GumboNode* node) {
    bool button = false, headline = false;
    walk_elements(node, [&](const GumboNode* n) {
        if (tag_of(n) == GUMBO_TAG_H1) headline = true;
        if (tag_of(n) == GUMBO_TAG_A) {
            const std::string c = class_and_id(n);
            button = button || c.find("button") != std::string::npos || c.find("btn") != std::string::npos ||
                     c.find("cta") != std::string::npos;
        }
        return !headline;
    });
    if (!button || headline) return false;
    const std::string text = fold(text_of(node));
    for (const char* w : {"hazte", "miembro", "apoya", "dona ", "donar", "periodismo", "suscrib",
                          "suscripcion", "newsletter", "boletin"})
        if (text.find(w) != std::string::npos) return true;
    return false;
}

// A box introduced by a boilerplate heading ("Lea también", "Sobre la firma",
// "Noticias relacionadas"): its first child says what it is.
bool is_introduced_boilerplate(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_COMMENT) continue;
        if (!is_element(child)) return false;
        const std::string first = text_of(child);
        if (first.empty() && tag_of(child) != GUMBO_TAG_H2 && tag_of(child) != GUMBO_TAG_H3) continue;
        return first.size() <= 80 && is_boilerplate_text(first);
    }
    return false;
}

class Reader {
public:
    explicit Reader(const BlockOptions& options) : options_(options) {}

    void read(const GumboNode* node, bool in_link, bool top) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
            const std::string_view text = node->v.text.text;
            current_.text += text;
            if (in_link) current_.link_chars += text.size();
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT) return;
        if (!top && skip(node)) return;
        const GumboTag t = tag_of(node);
        if (t == GUMBO_TAG_BR) {
            current_.text += kLineBreak;
            links_at_break_.push_back(current_.link_chars);
            return;
        }
        const bool block = !is_inline(t);
        if (!top && t == GUMBO_TAG_DIV && options_.mass->text(node) < 1200 && is_call_to_action(node)) return;
        if (!top && (t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_UL) &&
            options_.mass->text(node) < 1200 && is_introduced_boilerplate(node))
            return;
        if (block) flush();
        const bool heading = t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
                             t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
        const GumboVector& children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i)
            read(static_cast<const GumboNode*>(children.data[i]), in_link || t == GUMBO_TAG_A, false);
        if (block) {
            current_.heading = heading;
            flush();
        }
    }

    std::vector<Block> take() {
        flush();
        return std::move(blocks_);
    }

private:
    bool skip(const GumboNode* node) const {
        // A long caption that quotes someone is a pull-quote; other captions describe a
        // photo and credit it.
        if (tag_of(node) == GUMBO_TAG_FIGCAPTION) {
            const std::string caption = text_of(node);
            if (is_standfirst_caption(caption, options_.description)) return false;
            const bool quote = caption.starts_with("\xE2\x80\x9C") || caption.starts_with("\xC2\xAB") ||
                               caption.starts_with("\"");
            return !quote || utf8_length(caption) < 150;
        }
        if (tag_of(node) == GUMBO_TAG_FIGURE) return false;
        if (tag_of(node) == GUMBO_TAG_BLOCKQUOTE) { // an embedded tweet or post, not a quotation
            const std::string c = class_and_id(node);
            if (c.find("tweet") != std::string::npos || c.find("instagram") != std::string::npos ||
                c.find("tiktok") != std::string::npos || c.find("embed") != std::string::npos)
                return true;
        }
        if (is_boilerplate_tag(node)) return true;
        if (is_hidden(node) && options_.mass->raw(node) < 400) return true;
        // A hint on an element that holds most of the body is a false alarm.
        const ClassHints hints = options_.mass->hints(node);
        if (hints.boilerplate && !hints.body)
            return options_.mass->raw(node) * 10 < options_.container_mass * 6;
        return false;
    }

    void flush() {
        Block b = std::move(current_);
        current_ = Block{};
        std::vector<std::size_t> links_at_break = std::move(links_at_break_);
        links_at_break_.clear();
        // <br> separated lines: two or more line breaks make separate paragraphs, each
        // with its own share of link text.
        std::size_t part_start = 0, links_before = 0, marker = 0;
        for (std::size_t i = 0; i < b.text.size(); ++i) {
            if (b.text[i] != kLineBreak) continue;
            const std::size_t links_here =
                marker < links_at_break.size() ? links_at_break[marker] : b.link_chars;
            ++marker;
            const std::size_t next = b.text.find_first_not_of(" \t\r\n", i + 1);
            if (next == std::string::npos || b.text[next] != kLineBreak) continue;
            Block part;
            part.text = b.text.substr(part_start, i - part_start);
            part.link_chars = links_here - links_before;
            keep(std::move(part));
            links_before = links_here;
            part_start = next; // the second break starts the next part
        }
        Block last;
        last.text = b.text.substr(part_start);
        last.link_chars = b.link_chars - links_before;
        last.heading = b.heading;
        keep(std::move(last));
    }

    void keep(Block b) {
        for (char& c : b.text)
            if (c == kLineBreak) c = ' ';
        b.text = collapse_spaces(b.text);
        if (b.text.empty()) return;
        const std::size_t len = b.text.size();
        if (b.link_chars * 2 > len) return; // a link or a list of links
        if (is_boilerplate_text(b.text)) return;
        if (!options_.title.empty() && len <= options_.title.size() + 8 &&
            fold(b.text) == fold(options_.title))
            return;
        if (!seen_.insert(b.text).second) return; // repeated (mobile/desktop copies)
        if (!b.heading && len < 40 && words(b.text).size() < 3 &&
            b.text.find_first_of(".:!?") == std::string::npos)
            return;
        blocks_.push_back(std::move(b));
    }

    const BlockOptions& options_;
    Block current_;
    std::vector<std::size_t> links_at_break_; // current_.link_chars at each <br>
    std::vector<Block> blocks_;
    std::unordered_set<std::string> seen_;
};

bool has_standfirst_hint(const GumboNode* node) {
    const std::string c = class_and_id(node);
    for (const char* w :
         {"standfirst", "entradilla", "subtitle", "subtitulo", "sumario", "summary", "dek", "bajada", "lead",
          "excerpt", "intro", "deck", "epigraph", "sub-title", "subheadline", "bajada"})
        if (c.find(w) != std::string::npos) return true;
    return attr(node, "itemprop") == "description" || attr(node, "itemprop") == "alternativeHeadline";
}

} // namespace

std::vector<Block> read_blocks(const GumboNode* container, const BlockOptions& options) {
    Reader reader(options);
    reader.read(container, false, true);
    std::vector<Block> blocks = reader.take();
    // The article's tail inside its own container: from an appeal or a template dump in its last
    // half on, nothing is article text.
    for (std::size_t i = std::max<std::size_t>(1, blocks.size() / 2); i < blocks.size(); ++i)
        if (is_article_end_text(blocks[i].text)) {
            blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i), blocks.end());
            break;
        }
    // Headings and labels ("Contenido Premium:", "EMAIL:") with no text after them
    // introduce what was dropped (related links, tags, widgets).
    while (!blocks.empty() && (blocks.back().heading ||
                               (blocks.back().text.ends_with(":") && words(blocks.back().text).size() <= 5)))
        blocks.pop_back();
    return blocks;
}

std::string join_blocks(const std::vector<Block>& blocks) {
    std::string out;
    for (const Block& b : blocks) {
        if (!out.empty()) out += "\n\n";
        out += b.text;
    }
    return out;
}

std::string find_standfirst(const GumboNode* root, const GumboNode* container, std::string_view title,
                            std::string_view description) {
    const GumboNode* h1 = nullptr;
    std::string found;
    bool after_h1 = false;
    bool past_container = false;
    walk_elements(root, [&](const GumboNode* n) {
        if (n == container) past_container = true;
        if (!found.empty() || past_container) return false;
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER ||
            t == GUMBO_TAG_ASIDE)
            return false;
        if (t == GUMBO_TAG_H1 && !h1) {
            h1 = n;
            after_h1 = true;
            return false;
        }
        if (!after_h1) return true;
        const bool candidate =
            ((t == GUMBO_TAG_H2 || t == GUMBO_TAG_P || t == GUMBO_TAG_DIV) && has_standfirst_hint(n)) ||
            (t == GUMBO_TAG_FIGCAPTION && is_standfirst_caption(text_of(n), description));
        if (candidate || (t == GUMBO_TAG_H2 && n->parent == h1->parent)) {
            std::string text = text_of(n);
            const std::size_t len = utf8_length(text);
            if (len >= 30 && len <= 700 && fold(text) != fold(title) && !is_boilerplate_text(text))
                found = std::move(text);
            return false;
        }
        return true;
    });
    return found;
}

} // namespace hemeroteca::extract
