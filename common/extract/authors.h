// Authors: JSON-LD, meta tags, rel=author and bylines, cleaned ("Por"/"By" removed).
#pragma once

#include "extract/dom.h"
#include "extract/jsonld.h"
#include "extract/metadata.h"

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

// Strips "Por", "By", "Redacción:", trailing dates and roles from a byline and
// splits it into names ("A y B", "A, B", "A and B").
std::vector<std::string> clean_byline(std::string_view byline);

// Authors joined with ", " and where they came from. Placeholders («Redacción», «Anónimo») and
// the outlet's own name (`site`, `host`) are no authors; each is noted in `rejected` when given.
Field read_authors(const GumboNode* root, const JsonLd& json_ld, const MetaTags& meta, std::string_view site,
                   std::string_view host, std::vector<std::string>* rejected = nullptr);

} // namespace hemeroteca::extract
