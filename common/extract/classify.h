// Is the page one article, or a front page / section index / empty shell?
#pragma once

#include "extract/dom.h"

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

struct PageSignals {
    std::string_view url;
    std::string_view og_type;                                // og:type
    const std::vector<std::string>* json_ld_types = nullptr; // every JSON-LD @type
    bool has_article_json_ld = false;                        // a NewsArticle/Article object was found
    std::size_t body_chars = 0;                              // length of the extracted body
    std::size_t body_words = 0;
    std::size_t body_paragraphs = 0;
    bool has_headline = false; // a title was found (og:title, JSON-LD headline, <h1>...)
    bool has_date = false;     // a publication date was found
};

struct Classification {
    bool is_article = true;
    std::string reason;         // why not, e.g. "front page: 87 headline links, 120 characters of body"
    bool short_article = false; // a brief: one or two sentences, kept for its article markup
};

// Dropping a page is the costliest mistake: "not an article" needs strong evidence. A page with
// article markup (og:type article, JSON-LD NewsArticle, <article>, a dated headline) and one
// sentence of text is a brief, not an empty page; a "JavaScript-rendered page" needs an app root
// or a <noscript> to say so; an index needs its URL or type to say so, and a dated article's own
// signals outweigh any count of headline links beside it.

Classification classify_page(const GumboNode* root, const PageSignals& signals);

} // namespace hemeroteca::extract
