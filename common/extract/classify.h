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
    std::size_t body_paragraphs = 0;
};

struct Classification {
    bool is_article = true;
    std::string reason; // why not, e.g. "front page: 87 headline links, 120 characters of body"
};

Classification classify_page(const GumboNode* root, const PageSignals& signals);

} // namespace hemeroteca::extract
