#include "extract/dom.h"

#include "extract/text.h"

#include <algorithm>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <vector>

namespace hemeroteca::extract {

namespace {

// Gumbo's defaults record every parse error, each with a copy of the stack of
// open elements; real pages have hundreds of them and nothing here reads them.
// The tree is the same either way.
GumboOptions parse_options(ParseArena& arena) {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;
    o.userdata = &arena;
    o.allocator = [](void* userdata, std::size_t size) {
        return static_cast<ParseArena*>(userdata)->allocate(size);
    };
    o.deallocator = [](void*, void*) {}; // all at once, with the arena
    return o;
}

// Every element deeper than kMaxDomDepth loses its child elements: their text,
// in document order, becomes the children of the element at the limit (a space
// between two elements keeps their words apart). Done without recursion, so that
// every walk of the tree, recursive or not, has a bounded depth.
GumboNode* space_node(ParseArena& arena, GumboNode* parent) {
    static const char kSpace[] = " ";
    auto* n = static_cast<GumboNode*>(arena.allocate(sizeof(GumboNode)));
    if (!n) throw std::bad_alloc();
    *n = GumboNode{};
    n->type = GUMBO_NODE_WHITESPACE;
    n->parent = parent;
    n->v.text.text = kSpace;
    n->v.text.original_text = {kSpace, 1};
    return n;
}

void flatten(GumboNode* limit, ParseArena& arena) {
    std::vector<GumboNode*> texts;
    std::vector<GumboNode*> stack;
    GumboVector& kids = limit->v.element.children;
    for (unsigned i = kids.length; i > 0; --i) stack.push_back(static_cast<GumboNode*>(kids.data[i - 1]));
    while (!stack.empty()) {
        GumboNode* n = stack.back();
        stack.pop_back();
        const bool boundary = n == nullptr || n->type == GUMBO_NODE_ELEMENT; // an element starts or ends
        if (boundary && !texts.empty() && texts.back()->type != GUMBO_NODE_WHITESPACE)
            texts.push_back(space_node(arena, limit));
        if (n == nullptr) continue;
        if (n->type == GUMBO_NODE_ELEMENT) {
            const GumboTag t = n->v.element.tag;
            if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE) continue;
            stack.push_back(nullptr);
            const GumboVector& c = n->v.element.children;
            for (unsigned i = c.length; i > 0; --i) stack.push_back(static_cast<GumboNode*>(c.data[i - 1]));
            continue;
        }
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA)
            texts.push_back(n);
    }
    void** data = texts.empty() ? nullptr : static_cast<void**>(arena.allocate(texts.size() * sizeof(void*)));
    if (!texts.empty() && !data) throw std::bad_alloc();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        texts[i]->parent = limit;
        texts[i]->index_within_parent = i;
        data[i] = texts[i];
    }
    kids.data = data;
    kids.length = kids.capacity = static_cast<unsigned>(texts.size());
}

void bound_depth(GumboNode* root, ParseArena& arena) {
    std::vector<std::pair<GumboNode*, std::size_t>> stack{{root, 0}};
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
        if (depth >= kMaxDomDepth && node->type == GUMBO_NODE_ELEMENT) {
            flatten(node, arena);
            continue;
        }
        const GumboVector& c =
            node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        for (unsigned i = 0; i < c.length; ++i)
            stack.emplace_back(static_cast<GumboNode*>(c.data[i]), depth + 1);
    }
}

} // namespace

ParseArena::~ParseArena() {
    for (void* b : blocks_) std::free(b);
}

// Called from inside gumbo (C): it must not throw, and like gumbo's default
// (malloc) it returns nullptr when memory is exhausted.
void* ParseArena::allocate(std::size_t size) {
    constexpr std::size_t align = alignof(std::max_align_t);
    size = (std::max<std::size_t>(size, 1) + align - 1) & ~(align - 1);
    if (size > kBlock / 4) { // a large buffer gets a block of its own
        void* b = std::malloc(size);
        if (b) blocks_.push_back(b);
        return b;
    }
    if (size > left_) {
        void* b = std::malloc(kBlock);
        if (!b) return nullptr;
        blocks_.push_back(b);
        next_ = static_cast<char*>(b);
        left_ = kBlock;
    }
    void* p = next_;
    next_ += size;
    left_ -= size;
    return p;
}

HtmlDocument parse_html(std::string_view html) {
    auto arena = std::make_unique<ParseArena>();
    const GumboOptions options = parse_options(*arena);
    GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
    if (!out) throw std::runtime_error("gumbo could not parse the page");
    bound_depth(out->document, *arena);
    return HtmlDocument(std::move(arena), out);
}

bool is_inline(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_B:
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_U:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_UNKNOWN: return true;
    default: return false;
    }
}

bool is_element(const GumboNode* node) { return node && node->type == GUMBO_NODE_ELEMENT; }

GumboTag tag_of(const GumboNode* node) { return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view attr(const GumboNode* node, const char* name) {
    if (!is_element(node)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboNode* node, const char* name) {
    return is_element(node) && gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

std::string class_and_id(const GumboNode* node) {
    std::string s(attr(node, "class"));
    s += ' ';
    s += attr(node, "id");
    return ascii_lower(s);
}

void walk_elements(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (!is_element(node) && node->type != GUMBO_NODE_DOCUMENT) continue;
        if (is_element(node) && !visit(node)) continue;
        const GumboVector& children =
            node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        for (unsigned i = children.length; i > 0; --i)
            stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
}

const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
    const GumboNode* found = nullptr;
    walk_elements(root, [&](const GumboNode* n) {
        if (found) return false;
        if (tag_of(n) == tag) {
            found = n;
            return false;
        }
        return true;
    });
    return found;
}

namespace {
void append_text(const GumboNode* node, std::string& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        out += node->v.text.text;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT) return;
    if (t == GUMBO_TAG_BR) {
        out += ' ';
        return;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        append_text(child, out);
        if (is_element(child) && !is_inline(child->v.element.tag)) out += ' '; // keep blocks' words apart
    }
}
} // namespace

std::string text_of(const GumboNode* node) {
    std::string raw;
    if (node) append_text(node, raw);
    return collapse_spaces(raw);
}

} // namespace hemeroteca::extract
