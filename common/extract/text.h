// Plain-text helpers on UTF-8 strings: whitespace, case, tokens, entities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/strings.h"

namespace hemeroteca::extract {

// Collapses runs of whitespace (ASCII and NBSP) to one space and trims.
std::string collapse_spaces(std::string_view s);
using util::ascii_lower;
using util::trim;
// Lower case with Spanish/Latin accents folded (á->a, ñ->n, Á->a ...), for comparisons.
std::string fold(std::string_view s);
// Words (letters and digits) of folded text.
std::vector<std::string> words(std::string_view s);
// Decodes the common HTML character references (&amp; &quot; &#39; &#x27; &nbsp; ...).
std::string decode_entities(std::string_view s);
// Removes tags from a string that carries HTML (as JSON-LD articleBody sometimes does).
std::string strip_tags(std::string_view s);
// Number of code points.
std::size_t utf8_length(std::string_view s);

} // namespace hemeroteca::extract
