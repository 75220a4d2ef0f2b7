#include "query/date_range.h"

#include "schema.h"
#include "search.h"
#include "util/strings.h"

#include <array>
#include <cstdio>
#include <utility>
#include <vector>

namespace hemeroteca::search {

namespace {

int month_number(std::string_view name) {
    static constexpr std::array<std::array<std::string_view, 3>, 12> kMonths = {{
        {"enero", "ene", "january"},
        {"febrero", "feb", "february"},
        {"marzo", "mar", "march"},
        {"abril", "abr", "april"},
        {"mayo", "may", "may"},
        {"junio", "jun", "june"},
        {"julio", "jul", "july"},
        {"agosto", "ago", "august"},
        {"septiembre", "sep", "september"},
        {"octubre", "oct", "october"},
        {"noviembre", "nov", "november"},
        {"diciembre", "dic", "december"},
    }};
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        for (const auto n : kMonths[i])
            if (name == n) return static_cast<int>(i) + 1;
    if (name == "setiembre" || name == "jan" || name == "apr" || name == "aug" || name == "dec")
        return name == "setiembre" ? 9 : name == "jan" ? 1 : name == "apr" ? 4 : name == "aug" ? 8 : 12;
    return 0;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto pos = s.find(sep, start);
        parts.push_back(s.substr(start, pos - start));
        if (pos == std::string_view::npos) return parts;
        start = pos + 1;
    }
}

} // namespace

std::string date_bound(std::string_view text, bool end) {
    const std::string t = util::ascii_lower(text);
    auto parts =
        split(t, t.find('-') != std::string::npos ? '-' : (t.find('/') != std::string::npos ? '/' : '.'));
    int year = 0, month = 0, day = 0;
    const auto bad = [&]() -> std::string {
        const std::string shown =
            text.size() > 40 ? std::string(text.substr(0, 40)) + "…" : std::string(text);
        throw RequestError("cannot read the date '" + shown +
                           "' (use 2024, 2024-06, 2024-06-15 or marzo-2004)");
    };
    if (parts.size() == 2 && !all_digits(parts[0])) std::swap(parts[0], parts[1]); // marzo-2004
    if (parts.empty() || parts[0].size() != 4 || !all_digits(parts[0])) return bad();
    year = std::stoi(std::string(parts[0]));
    if (parts.size() >= 2) {
        month = all_digits(parts[1]) && parts[1].size() <= 2 ? std::stoi(std::string(parts[1]))
                                                             : month_number(parts[1]);
        if (month < 1 || month > 12) return bad();
    }
    if (parts.size() == 3) {
        if (!all_digits(parts[2]) || parts[2].size() > 2) return bad();
        day = std::stoi(std::string(parts[2]));
        if (day < 1 || day > 31) return bad();
    }
    if (parts.size() > 3 || year < 1000) return bad();
    if (month == 0) month = end ? 12 : 1;
    if (day == 0) day = end ? 31 : 1;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
    return buf;
}

Xapian::Query date_range_query(const std::string& from, const std::string& to) {
    const auto slot = schema::slot(schema::Slot::date);
    const std::string lo = from.empty() ? std::string() : date_bound(from, false);
    const std::string hi = to.empty() ? std::string() : date_bound(to, true);
    if (!lo.empty() && !hi.empty() && lo > hi)
        throw RequestError("the date range ends before it starts (" + from + ".." + to + ")");
    if (!lo.empty() && !hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
    if (!lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
    if (!hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
    return Xapian::Query::MatchAll;
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
    const auto dots = value.find("..");
    try {
        if (dots == std::string::npos) return date_range_query(value, value);
        return date_range_query(value.substr(0, dots), value.substr(dots + 2));
    } catch (const RequestError& e) {
        if (!error_) error_ = e.what();
        return Xapian::Query::MatchNothing;
    }
}

std::optional<std::string> DateFieldProcessor::take_error() { return std::exchange(error_, std::nullopt); }

} // namespace hemeroteca::search
