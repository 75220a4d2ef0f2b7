#include "extract/classify.h"

#include "extract/text.h"

#include <algorithm>

namespace hemeroteca::extract {
namespace {

// The path of a URL ("/", "/es/", "/internacional/..."), empty without a URL.
std::string_view path_of(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    const std::size_t slash = url.find('/', scheme + 3);
    if (slash == std::string_view::npos) return "/";
    std::string_view path = url.substr(slash);
    return path.substr(0, path.find_first_of("?#"));
}

// A root or one-segment path without an article slug: "/", "/es/", "/deportes".
bool index_like_path(std::string_view path) {
    if (path.empty()) return false;
    std::size_t segments = 0;
    bool long_segment = false;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view seg = path.substr(start, end - start);
        if (!seg.empty()) {
            ++segments;
            if (seg.size() > 25 || std::count(seg.begin(), seg.end(), '-') >= 3 ||
                seg.find('.') != std::string_view::npos)
                long_segment = true;
        }
        start = end + 1;
    }
    return segments <= 1 && !long_segment;
}

// Headline-like links: <a> in or around h2/h3/h4, and <article> teasers.
std::size_t count_teasers(const GumboNode* root) {
    std::size_t teasers = 0;
    walk_elements(root, [&](const GumboNode* n) {
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4) {
            bool link = false;
            walk_elements(n, [&](const GumboNode* c) {
                link = link || tag_of(c) == GUMBO_TAG_A;
                return !link;
            });
            for (const GumboNode* p = n->parent; !link && p && is_element(p); p = p->parent)
                if (tag_of(p) == GUMBO_TAG_A) link = true;
            if (link) ++teasers;
            return false;
        }
        return true;
    });
    return teasers;
}

bool has_type(const std::vector<std::string>* types, std::string_view t) {
    return types && std::find(types->begin(), types->end(), t) != types->end();
}

} // namespace

Classification classify_page(const GumboNode* root, const PageSignals& s) {
    Classification c;
    if (s.body_chars < 200) {
        c.is_article = false;
        c.reason = "no article text (" + std::to_string(s.body_chars) +
                   " characters): an empty or JavaScript-rendered page";
        return c;
    }
    const std::size_t teasers = count_teasers(root);
    const bool website_type = s.og_type == "website" || has_type(s.json_ld_types, "WebSite") ||
                              has_type(s.json_ld_types, "CollectionPage") ||
                              has_type(s.json_ld_types, "ItemList");
    const bool index_path = index_like_path(path_of(s.url));
    int evidence = 0;
    if (!s.has_article_json_ld && s.og_type != "article") evidence += 1;
    if (website_type && !s.has_article_json_ld) evidence += 1;
    if (index_path) evidence += 1;
    if (teasers >= 15 && teasers * 150 > s.body_chars) evidence += 1;
    if (teasers >= 30) evidence += 1;
    // Only a page that says it is an index (its URL or its type) can be taken for one:
    // many related links around a short article are not enough.
    if (evidence >= 3 && (index_path || website_type)) {
        c.is_article = false;
        c.reason = (index_path && path_of(s.url).size() <= 4 ? "front page: " : "index page: ") +
                   std::to_string(teasers) + " headline links, " +
                   (s.og_type.empty() ? "no og:type" : "og:type " + std::string(s.og_type)) +
                   (s.has_article_json_ld ? "" : ", no article JSON-LD");
    }
    return c;
}

} // namespace hemeroteca::extract
