// How much text each element holds, measured once per page: paragraph text
// outside links (raw, and "clean" with boilerplate subtrees counted as zero) and
// all text. The body extractor chooses its container and guards its boilerplate
// rules with these figures instead of re-reading subtrees.
#pragma once

#include "extract/boilerplate.h"
#include "extract/dom.h"

#include <cstddef>
#include <unordered_map>

namespace hemeroteca::extract {

class TextMass {
public:
    explicit TextMass(const GumboNode* root);

    // Paragraph text (p, blockquote, pre, h2, h3) outside links, boilerplate removed.
    std::size_t of(const GumboNode* node) const { return find(node).clean; }
    // The same, boilerplate included.
    std::size_t raw(const GumboNode* node) const { return find(node).raw; }
    // All text in the element (bytes), links included.
    std::size_t text(const GumboNode* node) const { return find(node).text; }
    // The element's class/id hints, computed once.
    ClassHints hints(const GumboNode* node) const { return find(node).hints; }
    // Clean paragraph text of the whole page.
    std::size_t total() const { return total_; }

private:
    struct Sums {
        std::size_t raw = 0, clean = 0, text = 0;
        bool has_body = false; // the subtree holds an element with a body hint
        ClassHints hints;
    };
    Sums measure(const GumboNode* node, bool in_p, bool in_link);
    const Sums& find(const GumboNode* node) const;

    std::size_t total_raw_ = 0, total_ = 0;
    std::unordered_map<const GumboNode*, Sums> sums_;
};

} // namespace hemeroteca::extract
