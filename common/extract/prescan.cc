#include "extract/prescan.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace hemeroteca::extract {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals_at(std::string_view s, std::size_t pos, std::string_view word) {
    if (pos + word.size() > s.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(s[pos + i]) != word[i]) return false;
    return true;
}

// What the pre-scan does with an element's content.
enum class Kind { keep, drop_raw, drop_nested, rcdata };

Kind kind_of(std::string_view name) {
    static constexpr std::array<std::string_view, 4> raw = {"script", "style", "noembed", "noframes"};
    // <nav> menus, <select> lists and <button>s never hold article text or metadata.
    static constexpr std::array<std::string_view, 9> nested = {
        "noscript", "svg", "template", "iframe", "math", "object", "nav", "select", "button"};
    static constexpr std::array<std::string_view, 3> rc = {"title", "textarea", "xmp"};
    for (auto n : raw)
        if (n == name) return Kind::drop_raw;
    for (auto n : nested)
        if (n == name) return Kind::drop_nested;
    for (auto n : rc)
        if (n == name) return Kind::rcdata;
    return Kind::keep;
}

// Attributes the extractor reads; the others (src, srcset, data-*, alt, title,
// width, on*...) are left out of what gumbo parses, which is a third of its bytes.
bool needed_attribute(std::string_view attr, std::string_view tag) {
    static constexpr std::array<std::string_view, 16> needed = {
        "class", "id",     "itemprop",    "property", "name",    "content",    "rel",   "datetime",
        "style", "hidden", "aria-hidden", "role",     "charset", "http-equiv", "value", "type"};
    if (attr.size() > 11) return false;
    char lowered[12];
    for (std::size_t i = 0; i < attr.size(); ++i) lowered[i] = lower(attr[i]);
    const std::string_view a(lowered, attr.size());
    if (a == "href") return tag == "link"; // rel=canonical
    for (std::string_view n : needed)
        if (a == n) return true;
    return false;
}

struct StartTag {
    std::string name;         // lower case
    std::size_t name_end = 0; // one past the tag name
    std::size_t end = 0;      // one past '>'
    bool self_closing = false;
    bool json_ld = false; // type="application/ld+json"
    // Spans of the attributes to keep, when some are to be dropped.
    static constexpr std::size_t kMaxKept = 12;
    std::array<std::pair<std::size_t, std::size_t>, kMaxKept> kept{};
    std::size_t kept_count = 0;
    bool drops = false; // some attribute is not needed (and the tag can be rewritten)
};

// Parses the start tag at html[pos] == '<' followed by a letter.
StartTag parse_start_tag(std::string_view html, std::size_t pos) {
    StartTag tag;
    std::size_t i = pos + 1;
    while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '/')
        tag.name += lower(html[i++]);
    tag.name_end = i;
    bool too_many = false;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '>') {
            tag.self_closing = i > pos && html[i - 1] == '/';
            tag.end = i + 1;
            if (too_many) tag.drops = false;
            return tag;
        }
        if (is_space(c) || c == '/') {
            ++i;
            continue;
        }
        // attribute name
        const std::size_t name_start = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/')
            ++i;
        const std::string_view attr = html.substr(name_start, i - name_start);
        const bool needed = needed_attribute(attr, tag.name);
        auto record = [&](std::size_t end) {
            if (!needed)
                tag.drops = true;
            else if (tag.kept_count < StartTag::kMaxKept)
                tag.kept[tag.kept_count++] = {name_start, end};
            else
                too_many = true;
        };
        const std::size_t name_end = i;
        while (i < html.size() && is_space(html[i])) ++i;
        if (i >= html.size() || html[i] != '=') {
            record(name_end);
            continue;
        }
        ++i;
        while (i < html.size() && is_space(html[i])) ++i;
        std::size_t vstart = i, vend = i;
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
            const char q = html[i];
            const std::size_t close = html.find(q, i + 1);
            vstart = i + 1;
            vend = close == std::string_view::npos ? html.size() : close;
            i = vend + 1;
        } else {
            while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
            vend = i;
        }
        record(std::min(i, html.size()));
        if (attr.size() == 4 && iequals_at(attr, 0, "type")) {
            const std::string_view v = html.substr(vstart, vend - vstart);
            tag.json_ld = v.size() >= 19 && iequals_at(v, 0, "application/ld+json");
        }
    }
    tag.end = html.size();
    tag.drops = false; // an unterminated tag is left as it is
    return tag;
}

// Position of "</name" followed by a space, '/' or '>' at or after pos; npos when absent.
std::size_t find_end_tag(std::string_view html, std::size_t pos, std::string_view name) {
    while ((pos = html.find("</", pos)) != std::string_view::npos) {
        const std::size_t after = pos + 2 + name.size();
        if (iequals_at(html, pos + 2, name) &&
            (after >= html.size() || is_space(html[after]) || html[after] == '>' || html[after] == '/'))
            return pos;
        pos += 2;
    }
    return std::string_view::npos;
}

// Where skip_nested found the end of elements it met on a failed search (for an
// unclosed one: npos), by the position of their '<': 20,000 unclosed <nav> are one
// search, not 20,000 searches to the end of the page.
using NestedEnds = std::unordered_map<std::size_t, std::size_t>;

// End (one past '>') of the element `name` whose start tag is at lt and ends at pos,
// counting nesting; npos when it is never closed (then the element is kept: dropping
// the rest of a page for one unclosed <nav> would lose the article).
std::size_t skip_nested(std::string_view html, std::size_t lt, std::size_t pos, std::string_view name,
                        NestedEnds& known) {
    if (const auto it = known.find(lt); it != known.end()) return it->second;
    std::vector<std::size_t> open{lt}; // the '<' of each open `name`
    const auto fail = [&] {
        for (const std::size_t at : open) known.emplace(at, std::string_view::npos);
        return std::string_view::npos;
    };
    while (pos < html.size()) {
        const std::size_t at = html.find('<', pos);
        if (at == std::string_view::npos) return fail();
        if (html.compare(at, 4, "<!--") == 0) {
            const std::size_t e = html.find("-->", at + 4);
            if (e == std::string_view::npos) return fail();
            pos = e + 3;
        } else if (at + 1 < html.size() && html[at + 1] == '/' && iequals_at(html, at + 2, name)) {
            const std::size_t gt = html.find('>', at);
            pos = gt == std::string_view::npos ? html.size() : gt + 1;
            if (open.size() == 1) return pos;
            known.emplace(open.back(), pos);
            open.pop_back();
        } else if (at + 1 < html.size() && is_alpha(html[at + 1])) {
            const StartTag inner = parse_start_tag(html, at);
            if (inner.name == name && !inner.self_closing)
                open.push_back(at);
            else if (inner.name == "script" || inner.name == "style") {
                const std::size_t e = find_end_tag(html, inner.end, inner.name);
                if (e == std::string_view::npos) return fail();
                pos = e + 2;
                continue;
            }
            pos = inner.end;
        } else {
            pos = at + 1;
        }
    }
    return fail();
}

// Elements that count towards the nesting bound: not the void ones, nor those
// whose end tag may be left out (an unclosed <p> or <li> does not nest).
bool nests(std::string_view name) {
    static constexpr std::array<std::string_view, 34> flat = {
        "area",   "base",     "br",       "col",     "embed", "hr",    "img",   "input", "link",
        "meta",   "param",    "source",   "track",   "wbr",   "p",     "li",    "dt",    "dd",
        "option", "optgroup", "tr",       "td",      "th",    "thead", "tbody", "tfoot", "rb",
        "rt",     "rp",       "colgroup", "caption", "html",  "head",  "body"};
    for (std::string_view f : flat)
        if (f == name) return false;
    return true;
}

// The lower-case name of the end tag at html[lt] == '<', html[lt + 1] == '/'.
std::string end_tag_name(std::string_view html, std::size_t lt) {
    std::string name;
    for (std::size_t i = lt + 2;
         i < html.size() && name.size() < 16 && !is_space(html[i]) && html[i] != '>' && html[i] != '/'; ++i)
        name += lower(html[i]);
    return name;
}

std::size_t skip_past(std::string_view html, std::size_t from, std::string_view what) {
    const std::size_t e = html.find(what, from);
    return e == std::string_view::npos ? html.size() : e + what.size();
}

bool all_space(std::string_view s) {
    for (const char c : s)
        if (!is_space(c)) return false;
    return true;
}

// "</name" followed by a space, '/' or '>' at html[pos].
bool is_end_tag(std::string_view html, std::size_t pos, std::string_view name) {
    const std::size_t after = pos + 2 + name.size();
    return html.compare(pos, 2, "</") == 0 && iequals_at(html, pos + 2, name) &&
           (after >= html.size() || is_space(html[after]) || html[after] == '>' || html[after] == '/');
}

// Open elements beyond this depth lose their tags (their text stays): gumbo looks
// through the stack of open elements for each new tag, so 40,000 nested <div>s
// took it 17 s.
constexpr std::size_t kMaxOpenElements = 512;

// `rewrite`: the pre-scan proper (squeezed white space, bounded nesting); without
// it, only the JSON-LD blocks are collected.
template <typename OnKeep, typename OnJsonLd>
void scan(std::string_view html, OnKeep keep, OnJsonLd json_ld, bool rewrite) {
    const bool squeeze_space = rewrite;
    std::size_t pos = 0;
    std::size_t copied = 0;  // html[copied, pos) is pending output
    int in_pre = 0;          // inside <pre>: white space is content
    std::size_t open = 0;    // elements open (an estimate: end tags are trusted)
    std::size_t dropped = 0; // start tags left out past kMaxOpenElements, not yet closed
    NestedEnds nested_ends;
    while (pos < html.size()) {
        const std::size_t lt = html.find('<', pos);
        if (lt == std::string_view::npos) break;
        // Indentation between two tags: one character of it is enough. Gumbo
        // handles text one character at a time, and the extractor only ever
        // reads white space as one space (text nodes with words keep theirs,
        // as text lengths are measured).
        if (squeeze_space && in_pre == 0 && lt - pos >= 2 && pos > 0 && html[pos - 1] == '>' &&
            pos >= copied && all_space(html.substr(pos, lt - pos))) {
            const std::string_view run = html.substr(pos, lt - pos);
            keep(html.substr(copied, pos - copied));
            keep(run.find_first_of("\n\r") != std::string_view::npos ? "\n" : " ");
            copied = lt;
        }
        if (lt + 1 < html.size() && html[lt + 1] == '/' && lt + 2 < html.size() && is_alpha(html[lt + 2])) {
            // An end tag: the text after it starts past its '>' (when it is a plain
            // one, without quotes that could hide a '>').
            if (in_pre > 0 && is_end_tag(html, lt, "pre")) --in_pre;
            const std::size_t gt = html.find_first_of("<>\"'", lt + 2);
            pos = gt != std::string_view::npos && html[gt] == '>' ? gt + 1 : lt + 1;
            if (rewrite && (open > 0 || dropped > 0) && nests(end_tag_name(html, lt))) {
                if (dropped > 0 && pos > lt + 1) { // the end of an element left out
                    --dropped;
                    keep(html.substr(copied, lt - copied));
                    copied = pos;
                } else if (open > 0) {
                    --open;
                }
            }
            continue;
        }
        if (html.compare(lt, 4, "<!--") == 0) {
            keep(html.substr(copied, lt - copied));
            // "<!-->" and "<!--->" are empty comments
            std::size_t end;
            if (html.compare(lt, 5, "<!-->") == 0)
                end = lt + 5;
            else if (html.compare(lt, 6, "<!--->") == 0)
                end = lt + 6;
            else
                end = skip_past(html, lt + 4, "-->");
            pos = copied = end;
            continue;
        }
        if (lt + 1 >= html.size() || !is_alpha(html[lt + 1])) {
            pos = lt + 1;
            continue;
        }
        const StartTag tag = parse_start_tag(html, lt);
        const Kind kind = kind_of(tag.name);
        if (tag.name == "pre" && !tag.self_closing) ++in_pre;
        if (kind == Kind::keep) {
            if (rewrite && !tag.self_closing && nests(tag.name)) {
                if (open >= kMaxOpenElements) { // too deep: the tag is left out, its text kept
                    ++dropped;
                    keep(html.substr(copied, lt - copied));
                    pos = copied = tag.end;
                    continue;
                }
                ++open;
            }
            if (tag.drops) { // the tag without the attributes nobody reads
                keep(html.substr(copied, tag.name_end - copied));
                for (std::size_t k = 0; k < tag.kept_count; ++k) {
                    keep(" ");
                    keep(html.substr(tag.kept[k].first, tag.kept[k].second - tag.kept[k].first));
                }
                keep(tag.self_closing ? "/>" : ">");
                copied = tag.end;
            }
            pos = tag.end;
            continue;
        }
        if (kind == Kind::rcdata) {
            const std::size_t e = find_end_tag(html, tag.end, tag.name);
            pos = e == std::string_view::npos ? html.size() : e + 2;
            continue;
        }
        std::size_t end;
        if (tag.self_closing && kind == Kind::drop_nested) {
            end = tag.end;
        } else if (kind == Kind::drop_raw) {
            const std::size_t e = find_end_tag(html, tag.end, tag.name);
            if (tag.json_ld)
                json_ld(html.substr(tag.end, (e == std::string_view::npos ? html.size() : e) - tag.end));
            end = e == std::string_view::npos ? html.size() : skip_past(html, e, ">");
        } else {
            end = skip_nested(html, lt, tag.end, tag.name, nested_ends);
            if (end == std::string_view::npos) { // never closed: keep it (within the nesting bound)
                if (rewrite && open >= kMaxOpenElements) {
                    ++dropped;
                    keep(html.substr(copied, lt - copied));
                    copied = tag.end;
                } else if (rewrite) {
                    ++open;
                }
                pos = tag.end;
                continue;
            }
        }
        keep(html.substr(copied, lt - copied));
        pos = copied = end;
    }
    keep(html.substr(copied));
}

} // namespace

Prescanned prescan(std::string_view html) {
    Prescanned out;
    out.html.reserve(html.size() / 2);
    scan(
        html, [&](std::string_view s) { out.html.append(s); },
        [&](std::string_view s) { out.json_ld.emplace_back(s); }, true);
    return out;
}

std::vector<std::string> collect_json_ld(std::string_view html) {
    std::vector<std::string> blocks;
    scan(
        html, [](std::string_view) {}, [&](std::string_view s) { blocks.emplace_back(s); }, false);
    return blocks;
}

} // namespace hemeroteca::extract
