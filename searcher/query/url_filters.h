// site:/sitio: (an outlet's domain) and url: (a URL prefix) in a query. They
// are filters, taken out of the query text before it is analysed (URLs are
// case-sensitive and full of dots and dashes the analyser would split), and
// ANDed onto what the rest of the query matches; a leading '-' excludes.
//   site:diariolibre.com   also www.diariolibre.com and m.diariolibre.com (XD terms, schema.h)
//   url:elpais.com/internacional/2024   http(s)://, with or without www. (the Q id terms)
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace hemeroteca::search {

struct UrlFilters {
    std::string rest;      // the query without its site:/url: clauses
    Xapian::Query require; // every site:/url: clause (AND); empty when none
    Xapian::Query exclude; // every -site:/-url: clause (OR); empty when none
    bool empty() const { return require.empty() && exclude.empty(); }
    // `query` (MatchAll when empty) within the filters.
    Xapian::Query apply(const Xapian::Query& query) const;
};

UrlFilters extract_url_filters(std::string_view user_query);

} // namespace hemeroteca::search
