// Small helpers over gumbo's tree: an RAII document, attribute access, walks
// and text collection.
#pragma once

#include <gumbo.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace hemeroteca::extract {

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const;
};
using HtmlDocument = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

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
