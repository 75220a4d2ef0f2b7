#include "extract/authors.h"

#include "extract/text.h"

#include <algorithm>
#include <array>

namespace hemeroteca::extract {
namespace {

bool starts_with_folded(std::string_view folded, std::string_view prefix) {
    return folded.starts_with(prefix) && (folded.size() == prefix.size() || folded[prefix.size()] == ' ' ||
                                          folded[prefix.size()] == ':');
}

// A plausible person or agency name: short, no URL, not a date.
bool plausible_name(std::string_view name) {
    if (name.empty() || name.size() > 80) return false;
    if (name.find("://") != std::string_view::npos || name.find('@') != std::string_view::npos) return false;
    const std::size_t digits = static_cast<std::size_t>(std::count_if(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }));
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
            const std::string text = text_of(n);
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
    static constexpr std::array<std::string_view, 8> prefixes = {"escrito por", "publicado por", "por", "by", "redaccion",
        "autor", "autora", "texto"};
    for (bool again = true; again;) {
        again = false;
        const std::string f = fold(s);
        for (std::string_view p : prefixes)
            if (starts_with_folded(f, p)) {
                s = trim(std::string_view(s).substr(p.size()));
                if (!s.empty() && s[0] == ':') s = trim(std::string_view(s).substr(1));
                again = true;
                break;
            }
    }
    // Split on ",", " y ", " and ", " & ", "/" and "|".
    std::vector<std::string> parts;
    std::string cur;
    auto flush = [&] {
        std::string p = trim(cur);
        cur.clear();
        if (plausible_name(p)) parts.push_back(std::move(p));
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string_view rest = std::string_view(s).substr(i);
        if (s[i] == ',' || s[i] == '|' || s[i] == '/' || s[i] == ';' || s[i] == '&') { flush(); continue; }
        if (rest.starts_with(" y ")) { flush(); i += 2; continue; }
        if (rest.starts_with(" and ")) { flush(); i += 4; continue; }
        if (rest.starts_with(" e ")) { flush(); i += 2; continue; }
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
    for (const char* key : {"author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl"}) {
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
