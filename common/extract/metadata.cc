#include "extract/metadata.h"

#include "extract/authors.h"
#include "extract/dates.h"
#include "extract/text.h"

#include <algorithm>
#include <array>

namespace hemeroteca::extract {
namespace {

std::string meta_value(const MetaTags& meta, std::string_view key) {
    const auto it = meta.find(key);
    return it == meta.end() ? std::string() : it->second;
}

// First non-empty among the meta keys, with the key as origin.
Field first_meta(const MetaTags& meta, std::initializer_list<std::string_view> keys) {
    for (std::string_view k : keys)
        if (std::string v = collapse_spaces(meta_value(meta, k)); !v.empty()) return {v, std::string(k)};
    return {};
}

std::string ld_string(const nlohmann::json& obj, const char* key) {
    if (!obj.is_object()) return {};
    const auto it = obj.find(key);
    return it == obj.end() ? std::string() : json_text(*it);
}

bool looks_like_url(std::string_view s) { return s.starts_with("http") || s.starts_with("/"); }

// The <h1> that the <title> names (pages put section names in <h1> too), else the
// first <h1>, else the <title>.
Field headline_from_page(const GumboNode* root) {
    const GumboNode* title_node = find_first(root, GUMBO_TAG_TITLE);
    const std::string title = title_node ? text_of(title_node) : std::string();
    const std::string folded_title = fold(title);
    std::string first_h1;
    std::string matching;
    walk_elements(root, [&](const GumboNode* n) {
        if (tag_of(n) != GUMBO_TAG_H1) return true;
        std::string text = text_of(n);
        if (text.empty()) return false;
        if (first_h1.empty()) first_h1 = text;
        if (matching.empty() && text.size() > 10 && folded_title.find(fold(text)) != std::string::npos)
            matching = text;
        return false;
    });
    if (!matching.empty()) return {matching, "h1"};
    // A short <h1> is a section label ("POLÍTICA"), not the headline.
    if (!first_h1.empty() && (title.empty() || words(first_h1).size() >= 4)) return {first_h1, "h1"};
    return {title, "title"};
}

Field read_title(const GumboNode* root, const JsonLd& ld, const MetaTags& meta, std::string_view site,
                 std::string_view host) {
    Field f = first_meta(meta, {"og:title"});
    if (f.value.empty()) f = {ld_string(ld.article, "headline"), "json-ld"};
    if (f.value.empty()) f = first_meta(meta, {"twitter:title", "dc.title"});
    if (f.value.empty()) f = headline_from_page(root);
    f.value = strip_outlet_tail(decode_entities(f.value), site, host);
    return f;
}

// A date written in the page's text («28 de abril de 2022», «22/04/2022»): the
// first in the text that follows the headline's <h1>, else the first in the page.
class TextDateFinder {
public:
    TextDateFinder(const GumboNode* root, std::string_view title) : root_(root) {
        const std::string folded = fold(title);
        walk_elements(root, [&](const GumboNode* n) {
            if (tag_of(n) != GUMBO_TAG_H1) return !headline_;
            if (!headline_ || fold(text_of(n)) == folded) headline_ = n;
            return false;
        });
    }

    std::string find() {
        if (headline_) {
            seen_headline_ = false;
            budget_ = 150; // the date sits next to the headline or the byline
            visit(root_);
        }
        if (found_.empty()) {
            seen_headline_ = true;
            budget_ = 600;
            visit(root_);
        }
        return found_;
    }

private:
    void visit(const GumboNode* node) {
        if (!found_.empty() || budget_ == 0) return;
        if (node->type == GUMBO_NODE_TEXT) {
            if (!seen_headline_) return;
            --budget_;
            const std::string_view text = node->v.text.text;
            if (text.size() < 200) found_ = parse_spanish_date(text);
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
        const GumboTag t = tag_of(node);
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD) return;
        const GumboVector& children =
            node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        for (unsigned i = 0; i < children.length && found_.empty(); ++i)
            visit(static_cast<const GumboNode*>(children.data[i]));
        if (node == headline_) seen_headline_ = true;
    }

    const GumboNode* root_;
    const GumboNode* headline_ = nullptr;
    bool seen_headline_ = false;
    int budget_ = 0;
    std::string found_;
};

Field read_date(const GumboNode* root, const JsonLd& ld, const MetaTags& meta, std::string_view url,
                std::string_view title) {
    if (std::string d = parse_machine_date(ld_string(ld.article, "datePublished")); !d.empty())
        return {d, "json-ld"};
    static constexpr std::array<std::string_view, 16> keys = {"article:published_time",
                                                              "og:article:published_time",
                                                              "datepublished",
                                                              "date",
                                                              "dc.date.issued",
                                                              "dc.date",
                                                              "dcterms.created",
                                                              "sailthru.date",
                                                              "parsely-pub-date",
                                                              "publish-date",
                                                              "pubdate",
                                                              "publishdate",
                                                              "cxenseparse:recs:publishtime",
                                                              "article.published",
                                                              "published_time",
                                                              "fecha"};
    for (std::string_view k : keys)
        if (std::string d = parse_machine_date(meta_value(meta, k)); !d.empty()) return {d, std::string(k)};
    Field from_time;
    walk_elements(root, [&](const GumboNode* n) {
        if (!from_time.value.empty()) return false;
        if (tag_of(n) == GUMBO_TAG_TIME) {
            std::string d = parse_machine_date(attr(n, "datetime"));
            if (d.empty()) d = parse_spanish_date(text_of(n));
            if (!d.empty()) from_time = {d, "time"};
        }
        return true;
    });
    if (!from_time.value.empty()) return from_time;
    if (std::string d = date_from_url(url); !d.empty()) return {d, "url"};
    if (std::string d = TextDateFinder(root, title).find(); !d.empty()) return {d, "text"};
    if (std::string d = parse_machine_date(ld_string(ld.article, "dateModified")); !d.empty())
        return {d, "json-ld dateModified"};
    if (std::string d = parse_machine_date(meta_value(meta, "article:modified_time")); !d.empty())
        return {d, "article:modified_time"};
    return {};
}

Field read_section(const JsonLd& ld, const MetaTags& meta, std::string_view url) {
    Field f = first_meta(
        meta, {"article:section", "og:article:section", "section", "cxenseparse:recs:articlesection"});
    if (!f.value.empty()) return f;
    if (std::string s = ld_string(ld.article, "articleSection"); !s.empty()) return {s, "json-ld"};
    if (ld.breadcrumbs.is_object()) {
        const auto it = ld.breadcrumbs.find("itemListElement");
        if (it != ld.breadcrumbs.end() && it->is_array() && it->size() >= 2) {
            // The first crumb is the home page; the second is the section.
            const auto& crumb = (*it)[1];
            std::string name = ld_string(crumb, "name");
            if (name.empty() && crumb.is_object() && crumb.contains("item")) name = json_text(crumb["item"]);
            if (!name.empty() && !looks_like_url(name)) return {name, "breadcrumbs"};
        }
    }
    // URL: the first path segment that is a word (not a date or an id).
    const std::size_t scheme = url.find("://");
    const std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    if (path != std::string_view::npos) {
        std::string_view rest = url.substr(path + 1);
        const std::size_t end = rest.find_first_of("/?#");
        if (end != std::string_view::npos) { // a segment followed by more path
            const std::string_view seg = rest.substr(0, end);
            // Not a language code ("/es/") nor a word every article URL has ("/noticia/").
            static constexpr std::array<std::string_view, 10> generic = {
                "noticia",  "noticias", "news",  "nota", "notas",
                "articulo", "article",  "story", "post", "contenidos"};
            bool word = seg.size() > 2 && seg.size() <= 30 &&
                        std::find(generic.begin(), generic.end(), seg) == generic.end();
            for (char c : seg) word = word && ((c >= 'a' && c <= 'z') || c == '-' || c == '_');
            if (word) return {std::string(seg), "url"};
        }
    }
    return {};
}

} // namespace

MetaTags read_meta_tags(const GumboNode* root) {
    MetaTags meta;
    walk_elements(root, [&](const GumboNode* n) {
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_META) {
            std::string_view key = attr(n, "property");
            if (key.empty()) key = attr(n, "name");
            if (key.empty()) key = attr(n, "itemprop");
            const std::string_view content = has_attr(n, "content") ? attr(n, "content") : attr(n, "value");
            if (!key.empty() && !content.empty()) meta.emplace(ascii_lower(trim(key)), std::string(content));
        } else if (t == GUMBO_TAG_LINK && ascii_lower(attr(n, "rel")) == "canonical") {
            meta.emplace("link:canonical", std::string(attr(n, "href")));
        }
        return true;
    });
    return meta;
}

std::string host_of(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/:?#"));
    if (rest.starts_with("www.")) rest.remove_prefix(4);
    return ascii_lower(rest);
}

std::string strip_outlet_tail(std::string_view title, std::string_view site_name, std::string_view host) {
    std::string t = collapse_spaces(title);
    static constexpr std::array<std::string_view, 7> separators = {" | ", " - ",  " — ", " – ",
                                                                   " · ", " :: ", " » "};
    const std::string site = fold(site_name);
    const std::string host_name =
        host.substr(0, host.find('.')).empty() ? std::string() : fold(host.substr(0, host.find('.')));
    for (int round = 0; round < 2; ++round) {
        std::size_t best = std::string::npos, sep_len = 0;
        for (std::string_view sep : separators) {
            const std::size_t p = t.rfind(sep);
            if (p != std::string::npos && (best == std::string::npos || p > best)) {
                best = p;
                sep_len = sep.size();
            }
        }
        if (best == std::string::npos || best == 0) break;
        const std::string tail = fold(std::string_view(t).substr(best + sep_len));
        std::string squashed; // "El País" vs host "elpais"
        for (char c : tail)
            if (c != ' ' && c != '.' && c != '-') squashed += c;
        const bool names_outlet = (!site.empty() && (tail == site || site.find(tail) != std::string::npos)) ||
                                  (!host_name.empty() &&
                                   (squashed.find(host_name) != std::string::npos ||
                                    host_name.find(squashed) != std::string::npos) &&
                                   squashed.size() >= 3);
        if (!names_outlet) break;
        t.erase(best);
    }
    // "Outlet - Headline"
    for (std::string_view sep : separators) {
        const std::size_t p = t.find(sep);
        if (p == std::string::npos || p == 0) continue;
        const std::string head = fold(std::string_view(t).substr(0, p));
        std::string squashed;
        for (char c : head)
            if (c != ' ' && c != '.' && c != '-') squashed += c;
        if ((!site.empty() && head == site) || (!host_name.empty() && squashed == host_name)) {
            t.erase(0, p + sep.size());
            break;
        }
    }
    return t;
}

Metadata read_metadata(const GumboNode* root, const JsonLd& json_ld, std::string_view url) {
    const MetaTags meta = read_meta_tags(root);
    Metadata m;
    m.url = {std::string(url), "input"};
    if (m.url.value.empty()) {
        m.url = first_meta(meta, {"og:url", "link:canonical"});
        if (!looks_like_url(m.url.value) || !m.url.value.starts_with("http")) m.url = {};
    }
    const std::string host = host_of(m.url.value);
    m.source = first_meta(meta, {"og:site_name", "application-name", "twitter:site"});
    if (m.source.value.starts_with("@")) m.source = {};
    if (m.source.value.empty()) {
        std::string pub = json_ld.article.is_object() && json_ld.article.contains("publisher")
                              ? json_text(json_ld.article["publisher"])
                              : "";
        if (pub.empty() && json_ld.organization.is_object()) pub = ld_string(json_ld.organization, "name");
        if (!pub.empty()) m.source = {pub, "json-ld publisher"};
    }
    if (m.source.value.empty() && !host.empty()) m.source = {host, "host"};
    m.title = read_title(root, json_ld, meta, m.source.value, host);
    m.date = read_date(root, json_ld, meta, m.url.value, m.title.value);
    m.author = read_authors(root, json_ld, meta, m.source.value, host);
    m.section = read_section(json_ld, meta, m.url.value);
    m.og_type = ascii_lower(meta_value(meta, "og:type"));
    m.description = first_meta(meta, {"og:description", "description"}).value;
    m.json_ld_body = ld_string(json_ld.article, "articleBody");
    return m;
}

} // namespace hemeroteca::extract
