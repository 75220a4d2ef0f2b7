#include "analysis/fold.h"

#include <xapian.h>

namespace hemeroteca::analysis {

namespace {

// Base letter for an accented Latin letter, or 0 when it is not folded.
// ñ/Ñ (U+00F1/U+00D1) are deliberately absent.
unsigned folded_base(unsigned ch) {
    switch (ch) {
    case 0xE0:
    case 0xE1:
    case 0xE2:
    case 0xE3:
    case 0xE4:
    case 0xE5: return 'a';
    case 0xC0:
    case 0xC1:
    case 0xC2:
    case 0xC3:
    case 0xC4:
    case 0xC5: return 'A';
    case 0xE8:
    case 0xE9:
    case 0xEA:
    case 0xEB: return 'e';
    case 0xC8:
    case 0xC9:
    case 0xCA:
    case 0xCB: return 'E';
    case 0xEC:
    case 0xED:
    case 0xEE:
    case 0xEF: return 'i';
    case 0xCC:
    case 0xCD:
    case 0xCE:
    case 0xCF: return 'I';
    case 0xF2:
    case 0xF3:
    case 0xF4:
    case 0xF5:
    case 0xF6: return 'o';
    case 0xD2:
    case 0xD3:
    case 0xD4:
    case 0xD5:
    case 0xD6: return 'O';
    case 0xF9:
    case 0xFA:
    case 0xFB:
    case 0xFC: return 'u';
    case 0xD9:
    case 0xDA:
    case 0xDB:
    case 0xDC: return 'U';
    case 0xFD:
    case 0xFF: return 'y';
    case 0xDD: return 'Y';
    case 0xE7: return 'c';
    case 0xC7: return 'C';
    default: return 0;
    }
}

bool is_combining_mark(unsigned ch) { return ch >= 0x300 && ch <= 0x36F; }
constexpr unsigned combining_tilde = 0x303;

} // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_n = false; // an 'n'/'N' was just written (a combining tilde makes it ñ)
    std::size_t i = 0;
    while (i < text.size()) {
        // A run of ASCII is copied as it is.
        std::size_t j = i;
        while (j < text.size() && static_cast<unsigned char>(text[j]) < 0x80) ++j;
        if (j > i) {
            out.append(text.substr(i, j - i));
            pending_n = (text[j - 1] == 'n' || text[j - 1] == 'N');
            i = j;
        }
        if (i >= text.size()) break;
        Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
        const unsigned ch = *it;
        ++it;
        i = it == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
        if (is_combining_mark(ch)) {
            if (ch == combining_tilde && pending_n) {
                const bool upper = out.back() == 'N';
                out.pop_back();
                Xapian::Unicode::append_utf8(out, upper ? 0xD1 : 0xF1);
            }
            pending_n = false;
            continue; // other combining accents are dropped
        }
        pending_n = false;
        if (const unsigned base = folded_base(ch)) {
            out.push_back(static_cast<char>(base));
        } else if (ch == 0xA0 || ch == 0x2007 || ch == 0x202F) {
            out.push_back(' '); // no-break spaces
        } else {
            Xapian::Unicode::append_utf8(out, ch);
        }
    }
    return out;
}

std::string fold_lower(std::string_view text) {
    std::string folded = fold(text);
    for (char& c : folded) {
        if (static_cast<unsigned char>(c) >= 0x80) return Xapian::Unicode::tolower(folded);
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded; // ASCII, lowered here
}

std::string fold_key(std::string_view text) { return collapse_spaces(fold_lower(text)); }

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

} // namespace hemeroteca::analysis
