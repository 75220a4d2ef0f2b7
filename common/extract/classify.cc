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

// Evidence of a page rendered by script: an empty app root (#root, #app, #__next, #__nuxt,
// <app-root>) or a <noscript> that asks for JavaScript.
std::string script_shell_evidence(const GumboNode* root) {
    std::string found;
    walk_elements(root, [&](const GumboNode* n) {
        if (!found.empty()) return false;
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_NOSCRIPT) {
            const std::string text = fold(text_of(n));
            if (text.find("javascript") != std::string::npos) found = "a <noscript> asking for JavaScript";
            return false;
        }
        const std::string_view id = attr(n, "id");
        if ((id == "root" || id == "app" || id == "__next" || id == "__nuxt" || id == "app-root") &&
            text_of(n).size() < 40)
            found = "an empty app root (#" + std::string(id) + ")";
        return true;
    });
    return found;
}

bool has_tag(const GumboNode* root, GumboTag tag) { return find_first(root, tag) != nullptr; }

} // namespace

Classification classify_page(const GumboNode* root, const PageSignals& s) {
    Classification c;
    const bool typed_article = s.og_type == "article" || s.has_article_json_ld;
    const bool article_element = has_tag(root, GUMBO_TAG_ARTICLE);
    // One sentence of text at least (a wire flash), or nothing to index.
    const bool a_sentence = s.body_chars >= 40 && s.body_words >= 6;
    if (s.body_chars < 200) {
        const bool markup =
            typed_article || (s.has_headline && s.has_date) || (article_element && s.has_headline);
        if (a_sentence && markup) {
            c.short_article = true;
            return c;
        }
        c.is_article = false;
        const std::string shell = script_shell_evidence(root);
        if (!shell.empty())
            c.reason = "JavaScript-rendered page: " + shell + " and " + std::to_string(s.body_chars) +
                       " characters of text";
        else
            c.reason = "no article text (" + std::to_string(s.body_chars) + " characters" +
                       (a_sentence ? ", and no article markup)" : ")");
        return c;
    }
    // A dated headline with a body, typed as an article: its own signals outweigh link counts
    // (a long sidebar of headlines), unless its URL is a front page's ("/", "/es/").
    const std::string_view path = path_of(s.url);
    const bool front_path = !path.empty() && path.size() <= 4 && index_like_path(path);
    if (typed_article && s.has_headline && s.has_date && !front_path) return c;
    const std::size_t teasers = count_teasers(root);
    // The page's own type: og:type website, a CollectionPage or ItemList; a WebSite object in
    // JSON-LD (every WordPress page has one) only when nothing says article.
    const bool website_type =
        s.og_type == "website" || has_type(s.json_ld_types, "CollectionPage") ||
        has_type(s.json_ld_types, "ItemList") ||
        (has_type(s.json_ld_types, "WebSite") && s.og_type.empty() && !s.has_article_json_ld);
    const bool index_path = index_like_path(path_of(s.url));
    int evidence = 0;
    if (!typed_article) evidence += 1;
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
