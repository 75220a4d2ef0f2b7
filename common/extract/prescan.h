// A pre-scan that removes what the extractor never reads (scripts, styles,
// comments, <noscript>, <svg>, <template>, <iframe>...) before gumbo parses the
// page. It is a small tokenizer, not a regex: it respects quoted attribute
// values, RCDATA elements (<title>, <textarea>) and "</script" end rules.
// JSON-LD blocks (<script type="application/ld+json">) are kept aside. Runs of
// white space between two tags (indentation) become one character, outside <pre>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

struct Prescanned {
    std::string html;                 // the page without the dropped elements
    std::vector<std::string> json_ld; // contents of the application/ld+json scripts, in order
};

Prescanned prescan(std::string_view html);

// Keeps the HTML but collects the JSON-LD blocks (for parsing without the pre-scan).
std::vector<std::string> collect_json_ld(std::string_view html);

} // namespace hemeroteca::extract
