#include "extract/body.h"

#include "extract/blocks.h"
#include "extract/boilerplate.h"
#include "extract/text.h"

#include <unordered_map>
#include <vector>

namespace hemeroteca::extract {
namespace {

// Hidden elements holding this much paragraph text are article text behind a paywall.
constexpr std::size_t kHiddenTextKept = 400;

// Characters of paragraph text outside links, per element, with boilerplate removed.
class Mass {
public:
    explicit Mass(const GumboNode* root) {
        total_raw_ = measure(root, false).raw;
        measure(root, true);
    }
    std::size_t of(const GumboNode* n) const {
        const auto it = clean_.find(n);
        return it == clean_.end() ? 0 : it->second;
    }
    std::size_t total() const { return total_; }
    const std::unordered_map<const GumboNode*, std::size_t>& all() const { return clean_; }

private:
    struct Sums { std::size_t raw = 0, clean = 0; };

    Sums measure(const GumboNode* node, bool record, bool in_p = false, bool in_link = false) {
        Sums s;
        if (node->type == GUMBO_NODE_TEXT) {
            if (in_p && !in_link) s.raw = s.clean = node->v.text.original_text.length;
            return s;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return s;
        const bool element = node->type == GUMBO_NODE_ELEMENT;
        const GumboTag tag = tag_of(node);
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) return s;
        const GumboTag t = tag;
        const bool p = in_p || t == GUMBO_TAG_P || t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_PRE || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3;
        const bool link = in_link || t == GUMBO_TAG_A;
        const GumboVector& children = element ? node->v.element.children : node->v.document.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const Sums c = measure(static_cast<const GumboNode*>(children.data[i]), record, p, link);
            s.raw += c.raw;
            s.clean += c.clean;
        }
        // Boilerplate, unless it holds most of the page's text (a misplaced </header>, a page-wide class).
        if (record && element && is_hidden(node) && s.raw < kHiddenTextKept) s.clean = 0;
        if (record && element && (is_boilerplate_tag(node) || (has_boilerplate_hint(node) && !has_body_hint(node))) &&
            s.raw * 10 < total_raw_ * 6)
            s.clean = 0;
        if (record) {
            clean_[node] = s.clean;
            if (node->type == GUMBO_NODE_DOCUMENT) total_ = s.clean;
        }
        return s;
    }

    std::size_t total_raw_ = 0, total_ = 0;
    std::unordered_map<const GumboNode*, std::size_t> clean_;
};

bool inside(const GumboNode* node, const GumboNode* ancestor) {
    for (const GumboNode* n = node; n; n = n->parent)
        if (n == ancestor) return true;
    return false;
}

const GumboNode* common_ancestor(const GumboNode* a, const GumboNode* b) {
    for (const GumboNode* n = a; n; n = n->parent)
        if (inside(b, n)) return n;
    return a;
}

struct Choice {
    const GumboNode* node = nullptr;
    std::string origin;
};

Choice choose_container(const GumboNode* root, const Mass& mass) {
    const std::size_t total = mass.total();
    if (total == 0) return {};
    // 1. Body hints (itemprop=articleBody, article-body classes): their common ancestor.
    std::vector<const GumboNode*> hinted;
    walk_elements(root, [&](const GumboNode* n) {
        if (has_body_hint(n) && mass.of(n) * 10 >= total) {
            hinted.push_back(n);
            return false;
        }
        return true;
    });
    if (!hinted.empty()) {
        const GumboNode* best = hinted.front();
        std::size_t sum = 0;
        for (const GumboNode* n : hinted) {
            sum += mass.of(n);
            if (mass.of(n) > mass.of(best)) best = n;
        }
        const GumboNode* node = best;
        // Several hinted parts of one body: take the parts' common ancestor when they
        // together hold much more than the largest.
        if (hinted.size() > 1 && mass.of(best) * 10 < sum * 8)
            for (const GumboNode* n : hinted) node = common_ancestor(node, n);
        if (mass.of(node) * 10 >= total * 3) return {node, attr(best, "itemprop") == "articleBody" ? "articleBody" : "class"};
    }
    // 2. The <article> with the most text.
    const GumboNode* article = nullptr;
    walk_elements(root, [&](const GumboNode* n) {
        if (tag_of(n) == GUMBO_TAG_ARTICLE && (!article || mass.of(n) > mass.of(article))) article = n;
        return true;
    });
    if (article && mass.of(article) * 10 >= total * 4) return {article, "article"};
    // 3. The deepest element holding most of the page's paragraph text.
    const GumboNode* node = root;
    for (bool descended = true; descended;) {
        descended = false;
        if (!is_element(node) && node->type != GUMBO_NODE_DOCUMENT) break;
        const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (is_element(child) && mass.of(child) * 10 >= total * 7) {
                node = child;
                descended = true;
                break;
            }
        }
    }
    return {node, "density"};
}

std::string from_json_ld(std::string_view body) {
    std::string text = decode_entities(strip_tags(body));
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string para = collapse_spaces(std::string_view(text).substr(start, end - start));
        if (!para.empty()) {
            if (!out.empty()) out += "\n\n";
            out += para;
        }
        start = end + 1;
    }
    return out;
}

} // namespace

Body extract_body(const GumboNode* root, const BodyHints& hints) {
    const Mass mass(root);
    const Choice choice = choose_container(root, mass);
    Body body;
    if (choice.node) {
        BlockOptions opts;
        opts.title = hints.title;
        opts.container_mass = mass.of(choice.node);
        body.text = join_blocks(read_blocks(choice.node, opts));
        body.origin = choice.origin;
        const std::string lead = find_standfirst(root, choice.node, hints.title);
        if (!lead.empty() && body.text.find(lead) == std::string::npos) body.text = lead + "\n\n" + body.text;
    }
    const std::string ld = hints.json_ld_body.empty() ? std::string() : from_json_ld(hints.json_ld_body);
    if (utf8_length(ld) > 3 * utf8_length(body.text) + 200) {
        body.text = ld;
        body.origin = "json-ld";
    }
    return body;
}

} // namespace hemeroteca::extract
