// HTML page -> Article. A pure function: bytes (+ URL, + declared charset) in,
// an Extraction out. No I/O, no globals.
#pragma once

#include "article.h"

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

struct ExtractOptions {
    std::string url;                // the page's URL when known (from the crawl); may be empty
    std::string declared_charset;   // from an HTTP Content-Type header, empty when unknown
    bool keep_non_articles = false; // index front pages / section indexes too
    bool explain = false;           // fill Extraction::provenance
    bool prescan = true;            // drop scripts/styles/comments before gumbo (off only to measure)
};

struct Extraction {
    Article article;
    bool is_article = true; // false when the page is to be skipped: a front page, a section
                            // index, an empty JS shell... (true for those with keep_non_articles)
    std::string reason;     // why the page is not an article (also when kept); empty for articles
    std::string charset;    // the charset the bytes were decoded from
    bool truncated = false; // the page ends before its </body> or </html>: indexed for what it has
    // field name -> where it came from (e.g. "title" -> "og:title"), with explain
    std::vector<std::pair<std::string, std::string>> provenance;
    // field name -> the candidates a rule rejected and why, with explain
    std::vector<std::pair<std::string, std::string>> rejected;
};

Extraction extract_article(std::string_view html_bytes, const ExtractOptions& options);

} // namespace hemeroteca::extract
