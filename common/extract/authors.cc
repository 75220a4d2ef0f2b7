#include "extract/authors.h"

#include "extract/text.h"

#include <algorithm>
#include <array>

namespace hemeroteca::extract {
namespace {

// When s, folded, starts with the word `prefix`: the number of bytes of s it spans; else 0.
std::size_t folded_prefix_bytes(std::string_view s, std::string_view prefix) {
    std::size_t i = 0;
    std::string folded;
    while (i < s.size() && folded.size() < prefix.size()) {
        std::size_t n = 1;
        while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
        folded += fold(s.substr(i, n));
        i += n;
    }
    if (folded != prefix) return 0;
    if (i < s.size() && s[i] != ' ' && s[i] != ':') return 0;
    return i;
}

// A plausible person or agency name: short, no URL, not a date.
bool plausible_name(std::string_view name) {
    if (name.empty() || name.size() > 80) return false;
    if (name.find("://") != std::string_view::npos || name.find('@') != std::string_view::npos) return false;
    const std::size_t digits = static_cast<std::size_t>(
        std::count_if(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }));
    // A host name ("elmundo.es", "Elpais.cr") names the outlet, not a journalist.
    const std::size_t dot = name.rfind('.');
    if (name.find(' ') == std::string_view::npos && dot != std::string_view::npos && dot + 1 < name.size() &&
        name.size() - dot - 1 <= 3 && dot > 1)
        return false;
    return digits < 2 && words(name).size() <= 7;
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

void add_unique(std::vector<std::string>& names, std::string name) {
    const std::string key = fold(name);
    for (const auto& n : names)
        if (fold(n) == key) return;
    names.push_back(std::move(name));
}

// A byline's text without its place and time ("<span class=localizacion>Madrid</span>").
std::string byline_text(const GumboNode* node) {
    std::string out;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT) {
            out += child->v.text.text;
            continue;
        }
        if (!is_element(child) || tag_of(child) == GUMBO_TAG_TIME) continue;
        const std::string c = class_and_id(child);
        bool place_or_time = false;
        for (const char* w :
             {"locali", "location", "lugar", "ciudad", "place", "date", "fecha", "time", "hora"})
            place_or_time = place_or_time || c.find(w) != std::string::npos;
        if (!place_or_time) out += ' ' + byline_text(child) + ' ';
    }
    return collapse_spaces(out);
}

// Visible bylines: elements whose class/id says author/byline/firma, or rel=author links.
std::vector<std::string> bylines(const GumboNode* root) {
    std::vector<std::string> names;
    walk_elements(root, [&](const GumboNode* n) {
        if (!names.empty()) return false;
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD) return false;
        const std::string_view rel = attr(n, "rel");
        if (t == GUMBO_TAG_A && rel.find("author") != std::string_view::npos) {
            for (auto& name : clean_byline(text_of(n))) add_unique(names, std::move(name));
            return false;
        }
        if (attr(n, "itemprop") == "author") {
            for (auto& name : clean_byline(text_of(n))) add_unique(names, std::move(name));
            return false;
        }
        const std::string cls = class_and_id(n);
        if (cls.find("byline") != std::string::npos || cls.find("author-name") != std::string::npos ||
            cls.find("autor") != std::string::npos || cls.find("firma") != std::string::npos) {
            const std::string text = byline_text(n);
            if (text.size() < 120)
                for (auto& name : clean_byline(text)) add_unique(names, std::move(name));
            return false;
        }
        return true;
    });
    return names;
}

} // namespace

std::vector<std::string> clean_byline(std::string_view byline) {
    std::string s = collapse_spaces(decode_entities(byline));
    // Leading "Por", "By", "Escrito por", "Autor:", "Redacción:".
    static constexpr std::array<std::string_view, 8> prefixes = {
        "escrito por", "publicado por", "por", "by", "redaccion", "autor", "autora", "texto"};
    if (s.find("://") != std::string::npos || s.starts_with("www.")) return {}; // a profile URL, not a name
    for (bool again = true; again;) {
        again = false;
        for (std::string_view p : prefixes)
            if (const std::size_t n = folded_prefix_bytes(s, p)) {
                s = trim(std::string_view(s).substr(n));
                if (!s.empty() && s[0] == ':') s = trim(std::string_view(s).substr(1));
                again = true;
                break;
            }
    }
    // "Name | Place | Date": fields after a bar are not names.
    if (const std::size_t bar = s.find('|'); bar != std::string::npos && bar > 0)
        s = trim(std::string_view(s).substr(0, bar));
    // Split on ",", " y ", " and ", " & " and "/".
    std::vector<std::string> parts;
    std::string cur;
    auto flush = [&] {
        std::string p = trim(cur);
        cur.clear();
        if (plausible_name(p)) parts.push_back(std::move(p));
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string_view rest = std::string_view(s).substr(i);
        if (s[i] == ',' || s[i] == '|' || s[i] == '/' || s[i] == ';' || s[i] == '&') {
            flush();
            continue;
        }
        if (rest.starts_with(" y ")) {
            flush();
            i += 2;
            continue;
        }
        if (rest.starts_with(" and ")) {
            flush();
            i += 4;
            continue;
        }
        if (rest.starts_with(" e ")) {
            flush();
            i += 2;
            continue;
        }
        cur += s[i];
    }
    flush();
    return parts;
}

Field read_authors(const GumboNode* root, const JsonLd& json_ld, const MetaTags& meta) {
    std::vector<std::string> names;
    if (json_ld.article.is_object()) {
        if (const auto it = json_ld.article.find("author"); it != json_ld.article.end())
            for (const std::string& raw : json_names(*it))
                for (auto& n : clean_byline(raw)) add_unique(names, std::move(n));
        if (!names.empty()) return {join(names), "json-ld"};
    }
    for (const char* key :
         {"author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl"}) {
        const auto it = meta.find(key);
        if (it == meta.end()) continue;
        for (auto& n : clean_byline(it->second)) add_unique(names, std::move(n));
        if (!names.empty()) return {join(names), key};
    }
    names = bylines(root);
    if (!names.empty()) return {join(names), "byline"};
    return {};
}

} // namespace hemeroteca::extract
