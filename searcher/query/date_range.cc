#include "query/date_range.h"

#include "schema.h"
#include "search.h"
#include "util/strings.h"

#include <algorithm>
#include <array>
#include <chrono>
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

namespace {

struct Day {
    int year, month, day;
};

Day day_of(const std::string& key) { // "YYYYMMDD" (date_bound's form)
    return {std::stoi(key.substr(0, 4)), std::stoi(key.substr(4, 2)), std::stoi(key.substr(6, 2))};
}

unsigned days_in(int year, int month) {
    const std::chrono::year_month_day_last last{
        std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} / std::chrono::last};
    return static_cast<unsigned>(last.day());
}

std::string two(int n) { return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }
std::string four(int year) { return two(year / 100 % 100) + two(year % 100); }

// The Y, M and D terms (schema.h) that cover [lo, hi] exactly: whole years by
// their year term, whole months by their month term, the other days one by one
// (what Omega does); false once they would be more than `limit`.
class DateTerms {
public:
    explicit DateTerms(std::size_t limit) : limit_(limit) {}

    bool cover(Day lo, Day hi) {
        if (lo.year == hi.year) return year_part(lo.year, lo.month, lo.day, hi.month, hi.day);
        if (!year_part(lo.year, lo.month, lo.day, 12, 31)) return false;
        for (int y = lo.year + 1; y < hi.year; ++y)
            if (!add(std::string(schema::prefix::year) + four(y))) return false;
        return year_part(hi.year, 1, 1, hi.month, hi.day);
    }
    std::vector<Xapian::Query>& terms() { return terms_; }

private:
    bool year_part(int y, int m1, int d1, int m2, int d2) {
        if (m1 == 1 && d1 == 1 && m2 == 12 && d2 >= 31)
            return add(std::string(schema::prefix::year) + four(y));
        if (m1 == m2) return month_part(y, m1, d1, d2);
        if (!month_part(y, m1, d1, 31)) return false;
        for (int m = m1 + 1; m < m2; ++m)
            if (!add(std::string(schema::prefix::month) + four(y) + two(m))) return false;
        return month_part(y, m2, 1, d2);
    }
    bool month_part(int y, int m, int d1, int d2) {
        const int last = static_cast<int>(days_in(y, m));
        const std::string ym = four(y) + two(m);
        if (d1 <= 1 && d2 >= last) return add(std::string(schema::prefix::month) + ym);
        for (int d = d1; d <= std::min(d2, last); ++d)
            if (!add(std::string(schema::prefix::day) + ym + two(d))) return false;
        return true;
    }
    bool add(std::string term) {
        if (terms_.size() >= limit_) return false;
        terms_.emplace_back(std::move(term));
        return true;
    }

    std::size_t limit_;
    std::vector<Xapian::Query> terms_;
};

// Past this many terms a range is matched on the date slot instead.
constexpr std::size_t kMaxDateTerms = 120;

} // namespace

DateSpan dated_span(const Xapian::Database& db) {
    const auto slot = schema::slot(schema::Slot::date);
    DateSpan span{db.get_value_lower_bound(slot), db.get_value_upper_bound(slot)};
    if (span.first.size() != 8 || span.last.size() != 8) return {}; // nothing dated (or not by this schema)
    return span;
}

Xapian::Query date_range_query(const DateSpan& archive, const std::string& from, const std::string& to) {
    const auto slot = schema::slot(schema::Slot::date);
    std::string lo = from.empty() ? std::string() : date_bound(from, false);
    std::string hi = to.empty() ? std::string() : date_bound(to, true);
    if (!lo.empty() && !hi.empty() && lo > hi)
        throw RequestError("the date range ends before it starts (" + from + ".." + to + ")");
    if (lo.empty() && hi.empty()) return Xapian::Query::MatchAll;
    if (archive.first.empty())
        return lo.empty()   ? Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi)
               : hi.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo)
                            : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
    // An open or wide end stops at the archive's first or last year: whole years
    // either way, so no partial month is made up.
    const std::string& first = archive.first;
    const std::string& last = archive.last;
    lo = std::max(lo, first.substr(0, 4) + "0101");
    hi = hi.empty() ? last.substr(0, 4) + "1231" : std::min(hi, last.substr(0, 4) + "1231");
    if (lo > hi) return Xapian::Query::MatchNothing;
    // Boolean terms: one posting list a year or month, where a value range reads
    // the date of every candidate (the costliest filter of the load mix).
    DateTerms terms(kMaxDateTerms);
    if (!terms.cover(day_of(lo), day_of(hi)))
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
    auto& t = terms.terms();
    return t.size() == 1 ? t.front() : Xapian::Query(Xapian::Query::OP_OR, t.begin(), t.end());
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
    const auto dots = value.find("..");
    try {
        if (dots == std::string::npos) return date_range_query(archive_, value, value);
        return date_range_query(archive_, value.substr(0, dots), value.substr(dots + 2));
    } catch (const RequestError& e) {
        if (!error_) error_ = e.what();
        return Xapian::Query::MatchNothing;
    }
}

std::optional<std::string> DateFieldProcessor::take_error() { return std::exchange(error_, std::nullopt); }

} // namespace hemeroteca::search
