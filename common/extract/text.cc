#include "extract/text.h"

#include <array>
#include <cctype>
#include <cstdint>

namespace hemeroteca::extract {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Decodes one code point at s[i]; advances i. Invalid bytes decode as themselves.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + n > s.size()) n = 1;
    std::uint32_t cp = n == 1 ? b : (b & (0x7Fu >> n));
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += n;
    return cp;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80)
        out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Folds Latin-1 letters to their base ASCII letter, lower case; 0 when not a letter to fold.
char fold_latin1(std::uint32_t cp) {
    // U+00C0..U+00FF
    static constexpr std::string_view table = "aaaaaaaceeeeiiii"
                                              "dnooooo*ouuuuyts" // C0..DF
                                              "aaaaaaaceeeeiiii"
                                              "dnooooo/ouuuuyty"; // E0..FF
    if (cp < 0xC0 || cp > 0xFF) return 0;
    const char c = table[cp - 0xC0];
    return (c == '*' || c == '/') ? 0 : c;
}

} // namespace

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
        // U+200B zero width space, U+2009 thin space, U+202F narrow nbsp
        const bool wide =
            c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
            (s[i + 2] == '\x8B' || s[i + 2] == '\x89' || s[i + 2] == '\xAF' || s[i + 2] == '\xA8');
        if (is_ascii_space(c) || nbsp || wide) {
            pending = !out.empty();
            if (nbsp) ++i;
            if (wide) i += 2;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::uint32_t cp = next_code_point(s, i);
        if (cp < 0x80)
            out += (cp >= 'A' && cp <= 'Z') ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp);
        else if (const char f = fold_latin1(cp))
            out += f;
        else
            append_utf8(out, cp);
    }
    return out;
}

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    const std::string f = fold(s);
    std::string cur;
    for (std::size_t i = 0; i < f.size(); ++i) {
        const auto c = static_cast<unsigned char>(f[i]);
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        // Non-ASCII punctuation (« » “ ” — …) separates words too.
        if (c >= 0xE2 && c <= 0xE2 && i + 2 < f.size() && f[i + 1] == '\x80') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
            i += 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < f.size()) { // « » ¿ ¡ · º ª etc.
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
            ++i;
            continue;
        }
        if (word)
            cur += static_cast<char>(c);
        else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string decode_entities(std::string_view s) {
    struct Named {
        std::string_view name;
        std::uint32_t cp;
    };
    // The entities of Spanish text (pages and JSON-LD write accents as named entities too).
    static constexpr std::array<Named, 48> named = {
        {{"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
         {"nbsp", 0xA0},    {"laquo", 0xAB},   {"raquo", 0xBB},   {"ldquo", 0x201C}, {"rdquo", 0x201D},
         {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
         {"iexcl", 0xA1},   {"iquest", 0xBF},  {"ordf", 0xAA},    {"ordm", 0xBA},    {"deg", 0xB0},
         {"middot", 0xB7},  {"bull", 0x2022},  {"euro", 0x20AC},  {"copy", 0xA9},    {"reg", 0xAE},
         {"aacute", 0xE1},  {"eacute", 0xE9},  {"iacute", 0xED},  {"oacute", 0xF3},  {"uacute", 0xFA},
         {"Aacute", 0xC1},  {"Eacute", 0xC9},  {"Iacute", 0xCD},  {"Oacute", 0xD3},  {"Uacute", 0xDA},
         {"ntilde", 0xF1},  {"Ntilde", 0xD1},  {"uuml", 0xFC},    {"Uuml", 0xDC},    {"ccedil", 0xE7},
         {"Ccedil", 0xC7},  {"agrave", 0xE0},  {"egrave", 0xE8},  {"ograve", 0xF2},  {"ecirc", 0xEA},
         {"acirc", 0xE2},   {"atilde", 0xE3},  {"otilde", 0xF5}}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += '&';
            continue;
        }
        const std::string_view ent = s.substr(i + 1, semi - i - 1);
        std::uint32_t cp = 0;
        if (ent.size() > 1 && ent[0] == '#') {
            const bool hex = ent[1] == 'x' || ent[1] == 'X';
            for (std::size_t k = hex ? 2 : 1; k < ent.size(); ++k) {
                const char c = ent[k];
                const int d = (c >= '0' && c <= '9')          ? c - '0'
                              : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                              : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                              : -1;
                if (d < 0 || cp > 0x10FFFF) {
                    cp = 0;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            }
        } else {
            for (const auto& n : named)
                if (n.name == ent) cp = n.cp;
        }
        if (cp == 0 || cp > 0x10FFFF) {
            out += '&';
            continue;
        }
        append_utf8(out, cp);
        i = semi;
    }
    return out;
}

std::string strip_tags(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool in_tag = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (!in_tag && c == '<' && i + 1 < s.size() &&
            (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/')) {
            in_tag = true;
            out += ' ';
        } else if (in_tag && c == '>') {
            in_tag = false;
        } else if (!in_tag) {
            out += c;
        }
    }
    return out;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

} // namespace hemeroteca::extract
