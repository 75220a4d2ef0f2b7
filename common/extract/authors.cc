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

// A desk or a placeholder rather than a person or an agency: «Redacción», «Redacción Central»,
// «Anónimo», «Staff», «Admin», «Invitado».
bool placeholder_name(std::string_view name) {
    const std::vector<std::string> w = words(name);
    if (w.empty()) return true;
    static constexpr std::array<std::string_view, 14> desks = {
        "redaccion",     "redaccio", "anonimo", "anonima", "anonymous", "staff",       "admin",
        "administrador", "invitado", "usuario", "editor",  "editores",  "colaborador", "web"};
    for (std::string_view d : desks)
        if (w[0] == d) return true;
    return false;
}

// "Graciela-Cuevas" (a URL slug given as a name) -> "Graciela Cuevas".
std::string unslug(std::string name) {
    if (name.find(' ') != std::string::npos || name.find('-') == std::string::npos) return name;
    std::size_t parts = 1;
    for (char c : name) parts += c == '-';
    if (parts < 2) return name;
    for (char& c : name)
        if (c == '-') c = ' ';
    return name;
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

// True when a class/id token marks a byline: "author", "byline", "writer", "autor", "firma" as a
// token or its last part ("jeg_meta_author", "story-byline", "author-name"), but not a photo
// credit, an author box's picture or biography, or a comment form's author field.
bool byline_class(std::string_view classes) {
    static constexpr std::array<std::string_view, 6> marks = {"author", "byline", "writer",
                                                              "autor",  "firma",  "creator"};
    static constexpr std::array<std::string_view, 14> not_byline = {
        "image", "img", "photo",  "foto",    "avatar", "comment", "form",
        "desc",  "bio", "social", "warning", "email",  "box",     "info-author"};
    bool marked = false;
    std::size_t i = 0;
    while (i < classes.size()) {
        std::size_t j = classes.find(' ', i);
        if (j == std::string_view::npos) j = classes.size();
        const std::string_view token = classes.substr(i, j - i);
        i = j + 1;
        if (token.empty()) continue;
        for (std::string_view bad : not_byline)
            if (token.find(bad) != std::string_view::npos) return false;
        for (std::string_view m : marks) {
            const std::size_t p = token.find(m);
            if (p == std::string_view::npos) continue;
            const bool starts = p == 0 || token[p - 1] == '-' || token[p - 1] == '_';
            const std::string_view after = token.substr(p + m.size());
            const bool ends = after.empty() || after == "s" || after == "-name" || after == "_name" ||
                              after == "-names" || after == "__names" || after == "-nota" ||
                              after == "-info" || after == "-post" || after == "-line";
            marked = marked || (starts && ends);
        }
    }
    return marked;
}

// Visible bylines: rel=author links, itemprop=author, and elements whose class marks a byline.
// The first one found and its siblings (several authors side by side) count; an element whose
// text holds no name is looked into.
std::vector<std::string> bylines(const GumboNode* root) {
    std::vector<std::string> names;
    const GumboNode* first_parent = nullptr;
    walk_elements(root, [&](const GumboNode* n) {
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_FORM ||
            t == GUMBO_TAG_FOOTER)
            return false;
        if (first_parent) { // only the first byline's siblings and cousins now
            const GumboNode* p = n->parent;
            const GumboNode* grand = first_parent->parent;
            if (p != first_parent && p != grand && (!p || p->parent != grand)) return false;
        }
        const std::string_view rel = attr(n, "rel");
        const bool marked = (t == GUMBO_TAG_A && rel.find("author") != std::string_view::npos) ||
                            attr(n, "itemprop") == "author" || byline_class(class_and_id(n));
        if (!marked) return true;
        const std::string text = byline_text(n);
        if (text.size() >= 120) return true;
        const std::size_t before = names.size();
        for (auto& name : clean_byline(text)) add_unique(names, std::move(name));
        if (names.size() == before) return true; // nothing here: look inside
        if (!first_parent) first_parent = n->parent;
        return false;
    });
    return names;
}

// «Por: Nombre Apellido» or «Por Nombre Apellido» in a short text of its own, no markup saying so.
bool capitalised(std::string_view w) {
    if (w.empty()) return false;
    const auto c = static_cast<unsigned char>(w[0]);
    if (c >= 'A' && c <= 'Z') return true;
    return c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
           static_cast<unsigned char>(w[1]) <= 0x9E;
}

std::vector<std::string> por_bylines(const GumboNode* root) {
    std::vector<std::string> names;
    walk_elements(root, [&](const GumboNode* n) {
        if (!names.empty()) return false;
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_A ||
            t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_NAV)
            return false;
        const GumboVector& children = n->v.element.children;
        for (unsigned i = 0; i < children.length && names.empty(); ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type != GUMBO_NODE_TEXT) continue;
            std::string text = collapse_spaces(child->v.text.text);
            while (!text.empty() && (text[0] == '|' || text[0] == ' ')) text.erase(0, 1);
            if (text.size() > 80 || !(text.starts_with("Por ") || text.starts_with("Por:") ||
                                      text.starts_with("POR ") || text.starts_with("POR:")))
                continue;
            std::string rest = trim(std::string_view(text).substr(4));
            if (const std::size_t bar = rest.find('|'); bar != std::string::npos)
                rest = trim(rest.substr(0, bar));
            std::size_t capitals = 0, total = 0;
            const std::vector<std::string> original_words = [&] {
                std::vector<std::string> out;
                std::size_t a = 0;
                while (a < rest.size()) {
                    std::size_t b = rest.find(' ', a);
                    if (b == std::string::npos) b = rest.size();
                    if (b > a) out.emplace_back(rest.substr(a, b - a));
                    a = b + 1;
                }
                return out;
            }();
            for (const auto& w : original_words) {
                ++total;
                const std::string f = fold(w);
                if (capitalised(w))
                    ++capitals;
                else if (f != "de" && f != "del" && f != "la" && f != "y" && f != "e")
                    capitals = 0, total = 99;
            }
            if (total < 2 || total > 6 || capitals < 2) continue;
            for (auto& name : clean_byline(rest)) add_unique(names, std::move(name));
        }
        return true;
    });
    return names;
}

// True when `name` is the outlet's own name («Confidencial», «Crítica», «Diario La Huella»).
bool names_outlet(std::string_view name, std::string_view site, std::string_view host) {
    auto squash = [](std::string_view s) {
        std::string out;
        for (char c : fold(s))
            if (c != ' ' && c != '.' && c != '-' && c != '_') out += c;
        return out;
    };
    const std::string n = squash(name);
    if (n.size() < 3) return false;
    const std::string sq_site = squash(site);
    const std::string host_name = squash(host.substr(0, host.find('.')));
    if (!sq_site.empty() && (n == sq_site || (sq_site.find(n) != std::string::npos && n.size() >= 5)))
        return true;
    if (!host_name.empty() && (n == host_name || host_name.find(n) != std::string::npos ||
                               (n.find(host_name) != std::string::npos && host_name.size() >= 5)))
        return true;
    return false;
}

// The JSON-LD author value with {"@id": ...} references replaced by the objects they name.
nlohmann::json resolve_ids(const nlohmann::json& value, const JsonLd& ld) {
    auto resolve_one = [&](const nlohmann::json& v) -> nlohmann::json {
        if (v.is_object() && !v.contains("name"))
            if (const auto id = v.find("@id"); id != v.end() && id->is_string())
                if (const auto it = ld.by_id.find(id->get<std::string>()); it != ld.by_id.end())
                    return it->second;
        return v;
    };
    if (!value.is_array()) return resolve_one(value);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : value) out.push_back(resolve_one(v));
    return out;
}

} // namespace

std::vector<std::string> clean_byline(std::string_view byline) {
    std::string s = collapse_spaces(decode_entities(byline));
    if (s.find('&') != std::string::npos && s.find(';') != std::string::npos)
        s = collapse_spaces(decode_entities(s)); // "Redacci&amp;oacute;n": encoded twice
    // «Redacción: Ana Pérez» names her; «Redacción Central» is the desk (rejected below).
    if (const std::size_t n = folded_prefix_bytes(s, "redaccion"); n && n < s.size() && s[n] == ':')
        s = trim(std::string_view(s).substr(n + 1));
    // Leading "Por", "By", "Escrito por", "Autor:", "Redacción:".
    static constexpr std::array<std::string_view, 7> prefixes = {"escrito por", "publicado por", "por",  "by",
                                                                 "autor",       "autora",        "texto"};
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
        std::string p = unslug(trim(cur));
        cur.clear();
        if (plausible_name(p) && !placeholder_name(p)) parts.push_back(std::move(p));
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

Field read_authors(const GumboNode* root, const JsonLd& json_ld, const MetaTags& meta, std::string_view site,
                   std::string_view host, std::vector<std::string>* rejected) {
    // Each source in turn; names that are the outlet's own are dropped, so a source that gives
    // only «Redacción», «Anónimo» or the outlet leaves the choice to the next one.
    auto keep = [&](std::vector<std::string>& names, std::string name, const char* origin) {
        if (names_outlet(name, site, host)) {
            if (rejected)
                rejected->push_back(std::string(origin) + " '" + name + "' rejected: the outlet's name");
            return;
        }
        add_unique(names, std::move(name));
    };
    // A source's raw value with its names; a value that yields none is noted as rejected.
    auto names_in = [&](const std::string& raw, const char* origin) {
        std::vector<std::string> found = clean_byline(raw);
        if (found.empty() && rejected && !trim(raw).empty() && raw.size() < 120)
            rejected->push_back(std::string(origin) + " '" + trim(raw) +
                                "' rejected: a placeholder or no name");
        return found;
    };
    std::vector<std::string> names;
    if (json_ld.article.is_object()) {
        if (const auto it = json_ld.article.find("author"); it != json_ld.article.end())
            for (const std::string& raw : json_names(resolve_ids(*it, json_ld)))
                for (auto& n : names_in(raw, "json-ld author")) keep(names, std::move(n), "json-ld author");
        if (!names.empty()) return {join(names), "json-ld"};
    }
    for (const char* key : {"author", "article:author", "dc.creator", "sailthru.author", "parsely-author",
                            "byl", "articleauthors"}) {
        const auto it = meta.find(key);
        if (it == meta.end()) continue;
        for (auto& n : names_in(it->second, key)) keep(names, std::move(n), key);
        if (!names.empty()) return {join(names), key};
    }
    for (auto& n : bylines(root)) keep(names, std::move(n), "byline");
    if (!names.empty()) return {join(names), "byline"};
    for (auto& n : por_bylines(root)) keep(names, std::move(n), "«Por» line");
    if (!names.empty()) return {join(names), "«Por» line"};
    return {};
}

} // namespace hemeroteca::extract
