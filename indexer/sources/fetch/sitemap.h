// Sitemaps (sitemaps.org): a sitemap index lists sitemaps; a urlset lists
// pages; a Google News sitemap adds <news:publication_date> to each page.
// A small tolerant scanner: namespace prefixes, CDATA and entities handled.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::indexer::fetch {

struct SitemapEntry {
    std::string loc;
    std::string publication_date; // news:publication_date, "" when absent
};

struct Sitemap {
    bool is_index = false; // entries are sitemaps, not pages
    std::vector<SitemapEntry> entries;
};

// Throws InputError when the text is neither a <sitemapindex> nor a <urlset>.
Sitemap parse_sitemap(std::string_view xml);

} // namespace hemeroteca::indexer::fetch
