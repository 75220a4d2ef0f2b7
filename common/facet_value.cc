#include "facet_value.h"

#include "analysis/fold.h"

#include <xapian.h>

#include <algorithm>

namespace hemeroteca::facets {

namespace {

// "internacional" and "Internacional" show as one section.
std::string capitalized(const std::string& s) {
    Xapian::Utf8Iterator it(s);
    if (it == Xapian::Utf8Iterator()) return s;
    std::string out;
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::toupper(*it));
    ++it;
    out.append(it.raw(), static_cast<std::size_t>(s.data() + s.size() - it.raw()));
    return out;
}

// No separator inside a value (a crafted page cannot shift the fields).
void append_clean(std::string& out, std::string_view value) {
    for (const char c : display(value)) out.push_back(c == field_separator || c == value_separator ? ' ' : c);
}

} // namespace

std::string key(std::string_view value) {
    std::string folded = analysis::fold_key(value);
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        // ñ is C3 B1 (fold_lower has lowered Ñ already).
        if (folded[i] == '\xc3' && i + 1 < folded.size() && folded[i + 1] == '\xb1') {
            out.push_back('n');
            ++i;
        } else {
            out.push_back(folded[i]);
        }
    }
    return out;
}

std::string display(std::string_view value) { return analysis::collapse_spaces(value); }

std::string encode(const Article& a, std::string_view day) {
    std::string out(day.substr(0, std::min<std::size_t>(day.size(), 4)));
    out += field_separator;
    append_clean(out, capitalized(display(a.section)));
    out += field_separator;
    append_clean(out, a.source);
    out += field_separator;
    bool first = true;
    for_each_author(a.author, [&](std::string_view one) {
        if (!first) out += value_separator;
        first = false;
        append_clean(out, one);
    });
    out += field_separator;
    append_clean(out, a.lang);
    return out;
}

} // namespace hemeroteca::facets
