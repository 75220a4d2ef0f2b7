#include "extract/metadata.h"

#include "extract/authors.h"
#include "extract/dates.h"
#include "extract/text.h"

#include <algorithm>
#include <array>
#include <cstdlib>

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

// True when `text` is the outlet's name or slogan rather than a headline («Juventud Rebelde -
// Diario de la Juventud Cubana» as the page's only <h1>).
bool names_site(std::string_view text, std::string_view site, std::string_view host) {
    const std::string t = fold(text);
    const std::string s = fold(site);
    if (!s.empty() && (t == s || t.starts_with(s + " - ") || t.starts_with(s + " | "))) return true;
    std::string squashed;
    for (char c : t)
        if (c != ' ' && c != '.' && c != '-') squashed += c;
    const std::string host_name = fold(host.substr(0, host.find('.')));
    return !host_name.empty() && squashed.starts_with(host_name) && words(text).size() <= 7 &&
           t.find(' ') != std::string::npos && squashed.size() < host_name.size() + 25 &&
           (squashed == host_name || t.find(" - ") != std::string::npos ||
            t.find(" | ") != std::string::npos);
}

// The page's own headline <h1>: the one the <title> names (pages put section names in <h1>
// too), else the first of four words or more; never the outlet's name. Empty when none.
std::string page_h1(const GumboNode* root, std::string_view title, std::string_view site,
                    std::string_view host, bool short_ok = false) {
    const std::string folded_title = fold(title);
    std::string first_h1;
    std::string matching;
    walk_elements(root, [&](const GumboNode* n) {
        if (tag_of(n) != GUMBO_TAG_H1) return true;
        std::string text = text_of(n);
        if (text.empty() || names_site(text, site, host)) return false;
        if (first_h1.empty() && (short_ok || words(text).size() >= 4)) first_h1 = text;
        if (matching.empty() && text.size() > 10 && folded_title.find(fold(text)) != std::string::npos)
            matching = text;
        return false;
    });
    return matching.empty() ? first_h1 : matching;
}

// The <h1> that the <title> names, else the first long <h1>, else the <title>.
Field headline_from_page(const GumboNode* root, std::string_view site, std::string_view host) {
    const GumboNode* title_node = find_first(root, GUMBO_TAG_TITLE);
    const std::string title = title_node ? text_of(title_node) : std::string();
    // A short <h1> is a section label («POLÍTICA»), unless there is no <title> to go by.
    if (std::string h1 = page_h1(root, title, site, host, title.empty()); !h1.empty()) return {h1, "h1"};
    return {title, "title"};
}

// Why the page's <h1> is the headline rather than the metadata's `candidate` (og:title, a
// JSON-LD headline): the JSON-LD headline or the <title> agrees with the <h1>, or the candidate
// is the <h1> cut short (an unescaped quote) or the <h1> plus a " | Sección" tail. Empty when
// the candidate stands: metadata that differs from the <h1> without a second witness may be the
// better headline (the <h1> of a redesign, an edition's kicker).
std::string h1_wins_because(std::string_view candidate, std::string_view h1, std::string_view ld_headline,
                            std::string_view title) {
    const std::string c = fold(candidate), h = fold(h1);
    if (c.empty() || h.empty() || c == h) return {};
    if (h.starts_with(c) && c.size() * 10 >= h.size() * 3) { // cut short at an unescaped quote
        std::string_view rest = std::string_view(h).substr(c.size());
        while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
        for (std::string_view q : {"\"", "“", "«", "'", "‘"})
            if (rest.starts_with(q)) return "the h1 cut short at a quote";
    }
    for (std::string_view sep : {" | ", " - ", " — ", " – ", " · ", " : "})
        if (c.starts_with(h + std::string(sep))) return "the h1 with a tail";
    if (!ld_headline.empty() && fold(ld_headline) == h) return "differs from the h1 and the JSON-LD headline";
    const std::string t = fold(title);
    if (!t.empty() && t.find(h) != std::string::npos && t.find(c) == std::string::npos)
        return "differs from the h1 and the <title>";
    return {};
}

Field read_title(const GumboNode* root, const JsonLd& ld, const MetaTags& meta, std::string_view site,
                 std::string_view host, std::string_view section, std::vector<std::string>& rejected) {
    auto clean = [&](std::string_view v) {
        std::string t = strip_outlet_tail(decode_entities(v), site, host);
        // "Headline | Internacional": a tail that is the article's section.
        if (!section.empty())
            for (std::string_view sep : {" | ", " - ", " — ", " – "}) {
                const std::size_t p = t.rfind(sep);
                if (p != std::string::npos && p > 0 &&
                    fold(std::string_view(t).substr(p + sep.size())) == fold(section)) {
                    t.erase(p);
                    break;
                }
            }
        return t;
    };
    Field f = first_meta(meta, {"og:title"});
    if (f.value.empty()) f = {ld_string(ld.article, "headline"), "json-ld"};
    if (f.value.empty()) f = first_meta(meta, {"twitter:title", "dc.title"});
    if (f.value.empty()) {
        f = headline_from_page(root, site, host);
        f.value = clean(f.value);
        return f;
    }
    f.value = clean(f.value);
    const GumboNode* title_node = find_first(root, GUMBO_TAG_TITLE);
    const std::string title = title_node ? text_of(title_node) : std::string();
    const std::string h1 = collapse_spaces(page_h1(root, title, site, host));
    const std::string ld_headline = clean(ld_string(ld.article, "headline"));
    if (const std::string why = h1_wins_because(f.value, h1, ld_headline, title); !why.empty()) {
        rejected.push_back(f.origin + " '" + f.value + "' rejected: " + why);
        return {h1, "h1"};
    }
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

// The dateline the reader sees next to the headline: the date in the text node nearest the
// headline's <h1> (a few nodes before it, the kicker line, or the first ones after it, the byline),
// with the time written beside it. «Actualizado …» is not the publication date.
struct Dateline {
    std::string day;  // "YYYY-MM-DD", empty when none
    int seconds = -1; // the time shown, -1 when none
};

Dateline visible_dateline(const GumboNode* root, std::string_view title) {
    std::vector<const GumboNode*> texts;
    std::size_t headline = std::string::npos;
    const std::string folded = fold(title);
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT) {
            texts.push_back(n);
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
        const GumboTag t = n->type == GUMBO_NODE_ELEMENT ? tag_of(n) : GUMBO_TAG_UNKNOWN;
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD) continue;
        if (t == GUMBO_TAG_H1 && (headline == std::string::npos || fold(text_of(n)) == folded)) {
            if (headline == std::string::npos || fold(text_of(n)) == folded) headline = texts.size();
        }
        const GumboVector& children =
            n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
    Dateline out;
    if (headline == std::string::npos) return out;
    auto try_at = [&](std::size_t k) {
        const std::string_view text = texts[k]->v.text.text;
        if (text.size() >= 200) return false;
        const std::string f = fold(text);
        if (f.find("actualiz") != std::string::npos || f.find("updated") != std::string::npos ||
            f.find("modificad") != std::string::npos)
            return false;
        out.day = parse_spanish_date(text);
        if (out.day.empty()) return false;
        out.seconds = clock_seconds(text);
        if (out.seconds < 0 && k + 1 < texts.size() &&
            std::string_view(texts[k + 1]->v.text.text).size() < 40)
            out.seconds = clock_seconds(texts[k + 1]->v.text.text); // «… 2022» «HORA: 03:45 PM»
        return true;
    };
    // The headline's own text nodes start at `headline`; the nodes after them come first.
    for (std::size_t d = 0; d < 40; ++d) {
        if (headline + d < texts.size() && try_at(headline + d)) return out;
        if (d >= 1 && d <= 8 && headline >= d && try_at(headline - d)) return out;
    }
    return {};
}

bool is_utc(std::string_view iso) { return iso.ends_with("Z") || iso.ends_with("+00:00"); }

// The page's own day: `chosen` (metadata) given in UTC is replaced by another candidate for the
// same instant that keeps the page's zone; then a dateline beside the headline that shows another
// day (20:10 on the 26th for 02:10 UTC on the 27th) wins, since the reader's day is the one shown.
Field keep_page_day(Field chosen, const std::vector<std::string>& candidates, const Dateline& dateline,
                    std::vector<std::string>& rejected) {
    auto parts = split_date(chosen.value);
    if (!parts) return chosen;
    if (is_utc(chosen.value) && parts->seconds >= 0)
        for (const std::string& c : candidates) {
            const auto other = split_date(c);
            if (other && other->has_zone && other->offset_minutes != 0 && other->seconds >= 0 &&
                other->instant() == parts->instant()) {
                rejected.push_back(chosen.origin + " '" + chosen.value +
                                   "' rejected: UTC; the page's zone kept");
                chosen = {c, chosen.origin + " (in the page's zone)"};
                parts = other;
                break;
            }
        }
    if (dateline.day.empty() || parts->seconds < 0) return chosen;
    const auto shown = split_date(dateline.day);
    if (!shown || shown->day == parts->day || std::labs(shown->day - parts->day) > 1) return chosen;
    // Compared to the minute: a dateline seldom shows seconds.
    const long long wall = static_cast<long long>(parts->day) * 86400 + parts->seconds / 60 * 60;
    if (dateline.seconds >= 0) {
        const long long diff = static_cast<long long>(shown->day) * 86400 + dateline.seconds / 60 * 60 - wall;
        if (diff == 0 || std::llabs(diff) > 14 * 3600 || diff % 1800 != 0) return chosen;
        std::optional<int> zone; // a UTC value shifted by whole hours gives the zone; a wrong zone, none
        if (parts->has_zone && parts->offset_minutes == 0) zone = static_cast<int>(diff / 60);
        rejected.push_back(chosen.origin + " '" + chosen.value + "' rejected: the page shows another day");
        return {format_local(shown->day, dateline.seconds / 60 * 60 + parts->seconds % 60, zone),
                "dateline beside the headline"};
    }
    if (!is_utc(chosen.value)) return chosen;
    rejected.push_back(chosen.origin + " '" + chosen.value + "' rejected: UTC; the page shows another day");
    return {dateline.day, "dateline beside the headline"};
}

Field read_date(const GumboNode* root, const JsonLd& ld, const MetaTags& meta, std::string_view url,
                std::string_view title, std::vector<std::string>& rejected) {
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
    std::vector<std::string> candidates; // every machine-readable publication time, for the zone
    Field chosen;
    if (std::string d = parse_machine_date(ld_string(ld.article, "datePublished")); !d.empty()) {
        chosen = {d, "json-ld"};
        candidates.push_back(d);
    }
    for (std::string_view k : keys)
        if (std::string d = parse_machine_date(meta_value(meta, k)); !d.empty()) {
            if (chosen.value.empty()) chosen = {d, std::string(k)};
            candidates.push_back(d);
        }
    Field from_time;
    walk_elements(root, [&](const GumboNode* n) {
        if (tag_of(n) == GUMBO_TAG_TIME) {
            // <time class="updated"> is when it changed, not when it was published.
            const std::string cls = class_and_id(n);
            const bool updated =
                (cls.find("updated") != std::string::npos || cls.find("modified") != std::string::npos) &&
                cls.find("publi") == std::string::npos && cls.find("entry-date") == std::string::npos;
            std::string d = parse_machine_date(attr(n, "datetime"));
            if (d.empty()) d = parse_spanish_date(text_of(n));
            if (!d.empty() && !updated) {
                candidates.push_back(d);
                if (from_time.value.empty()) from_time = {d, "time"};
            }
        }
        return true;
    });
    const Dateline dateline = visible_dateline(root, title);
    if (chosen.value.empty()) chosen = from_time;
    if (!chosen.value.empty()) return keep_page_day(chosen, candidates, dateline, rejected);
    if (std::string d = date_from_url(url); !d.empty()) return {d, "url"};
    if (!dateline.day.empty()) return {dateline.day, "dateline beside the headline"};
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
    m.section = read_section(json_ld, meta, m.url.value);
    m.title = read_title(root, json_ld, meta, m.source.value, host,
                         m.section.origin == "url" ? "" : m.section.value, m.rejected["title"]);
    m.date = read_date(root, json_ld, meta, m.url.value, m.title.value, m.rejected["date"]);
    m.author = read_authors(root, json_ld, meta, m.source.value, host, &m.rejected["author"]);
    m.og_type = ascii_lower(meta_value(meta, "og:type"));
    m.description = first_meta(meta, {"og:description", "description"}).value;
    m.json_ld_body = ld_string(json_ld.article, "articleBody");
    return m;
}

} // namespace hemeroteca::extract
