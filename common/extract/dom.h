// Small helpers over gumbo's tree: an RAII document, attribute access, walks
// and text collection.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

// The memory of one parsed page: gumbo allocates each node, attribute and
// string on its own and frees them one by one; here they come from a few large
// blocks, released together with the document.
class ParseArena {
public:
    ParseArena() = default;
    ParseArena(const ParseArena&) = delete;
    ParseArena& operator=(const ParseArena&) = delete;
    ~ParseArena();
    void* allocate(std::size_t size);

private:
    static constexpr std::size_t kBlock = 256 * 1024;
    char* next_ = nullptr;
    std::size_t left_ = 0;
    std::vector<void*> blocks_;
};

// A parsed page (gumbo's output and the memory it lives in). The tree points into
// the HTML it was parsed from, which must outlive it.
class HtmlDocument {
public:
    HtmlDocument(std::unique_ptr<ParseArena> arena, GumboOutput* output) :
        arena_(std::move(arena)), output_(output) {}
    GumboOutput* operator->() const { return output_; }
    GumboOutput& operator*() const { return *output_; }
    GumboOutput* get() const { return output_; }

private:
    std::unique_ptr<ParseArena> arena_;
    GumboOutput* output_;
};

// The deepest element of a parsed page: below it, elements are replaced by their
// text (a page nested 50,000 deep would overflow the stack of any recursive walk;
// real pages stay under ~60).
inline constexpr std::size_t kMaxDomDepth = 256;

// The page's tree, never deeper than kMaxDomDepth.
HtmlDocument parse_html(std::string_view html);

bool is_element(const GumboNode* node);
// Phrasing elements (a, span, b, em...) that do not separate words or paragraphs.
bool is_inline(GumboTag tag);
GumboTag tag_of(const GumboNode* node);
// The attribute's value, empty when absent.
std::string_view attr(const GumboNode* node, const char* name);
bool has_attr(const GumboNode* node, const char* name);
// Lower-cased "class id" of an element, for boilerplate hints.
std::string class_and_id(const GumboNode* node);

// Visits every element in document order; return false from `visit` to skip its children.
void walk_elements(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit);

// The first element with this tag, or nullptr.
const GumboNode* find_first(const GumboNode* root, GumboTag tag);

// The text content, whitespace collapsed (scripts/styles ignored).
std::string text_of(const GumboNode* node);

} // namespace hemeroteca::extract
