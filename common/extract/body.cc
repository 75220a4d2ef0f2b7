#include "extract/body.h"

#include "extract/blocks.h"
#include "extract/boilerplate.h"
#include "extract/text.h"
#include "extract/text_mass.h"

#include <vector>

namespace hemeroteca::extract {
namespace {

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

Choice choose_container(const GumboNode* root, const TextMass& mass) {
    const std::size_t total = mass.total();
    if (total == 0) return {};
    // 1. Body hints (itemprop=articleBody, article-body classes): their common ancestor.
    std::vector<const GumboNode*> hinted;
    walk_elements(root, [&](const GumboNode* n) {
        if (mass.hints(n).body && mass.of(n) * 10 >= total) {
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
        if (mass.of(node) * 10 >= total * 3)
            return {node, attr(best, "itemprop") == "articleBody" ? "articleBody" : "class"};
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
        const GumboVector& children =
            node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
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
    const TextMass mass(root);
    const Choice choice = choose_container(root, mass);
    Body body;
    if (choice.node) {
        BlockOptions opts;
        opts.title = hints.title;
        opts.mass = &mass;
        opts.container_mass = mass.of(choice.node);
        opts.description = hints.description;
        body.text = join_blocks(read_blocks(choice.node, opts));
        body.origin = choice.origin;
        const std::string lead = find_standfirst(root, choice.node, hints.title, hints.description);
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
