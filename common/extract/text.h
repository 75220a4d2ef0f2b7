// Plain-text helpers on UTF-8 strings: whitespace, case, tokens, entities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

// Collapses runs of whitespace (ASCII and NBSP) to one space and trims.
std::string collapse_spaces(std::string_view s);
std::string trim(std::string_view s);
// ASCII lower case (non-ASCII bytes unchanged).
std::string ascii_lower(std::string_view s);
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
