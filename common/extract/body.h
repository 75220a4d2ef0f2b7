// The article text: the container that holds it (itemprop=articleBody and body
// class hints, <article>, else text density), read in order as paragraphs
// without boilerplate; JSON-LD articleBody as a fallback.
#pragma once

#include "extract/dom.h"

#include <string>
#include <string_view>

namespace hemeroteca::extract {

struct Body {
    std::string text;   // paragraphs separated by blank lines
    std::string origin; // "articleBody", "article", "density", "json-ld"
};

struct BodyHints {
    std::string_view title;        // the headline (not repeated in the body)
    std::string_view json_ld_body; // JSON-LD articleBody, for the fallback
    std::string_view description;  // og:description / meta description (a standfirst caption)
};

Body extract_body(const GumboNode* root, const BodyHints& hints);

} // namespace hemeroteca::extract
