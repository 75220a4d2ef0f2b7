#include "extract/dates.h"

#include "extract/text.h"

#include <array>
#include <cstdio>
#include <optional>

namespace hemeroteca::extract {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at s[i]; advances i.
std::optional<int> read_digits(std::string_view s, std::size_t& i, std::size_t n) {
    if (i + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!digit(s[i + k])) return std::nullopt;
        v = v * 10 + (s[i + k] - '0');
    }
    i += n;
    return v;
}

std::string format_day(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string format_time(int h, int mi, int s) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, s);
    return buf;
}

std::string format_zone(int sign, int hours, int minutes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign < 0 ? '-' : '+', hours, minutes);
    return buf;
}

// Month number from a Spanish or English month name or abbreviation (folded), 0 when unknown.
int month_from_name(std::string_view w) {
    static constexpr std::array<std::string_view, 12> es = {
        "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
        "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
    static constexpr std::array<std::string_view, 12> en = {"january",   "february", "march",    "april",
                                                            "may",       "june",     "july",     "august",
                                                            "september", "october",  "november", "december"};
    if (w == "setiembre") return 9;
    for (std::size_t i = 0; i < 12; ++i) {
        if (w == es[i] || w == en[i]) return static_cast<int>(i) + 1;
        if (w.size() >= 3 && w.size() <= 4 && (es[i].starts_with(w) || en[i].starts_with(w)))
            return static_cast<int>(i) + 1;
    }
    if (w == "sept") return 9;
    return 0;
}

// "HH:MM[:SS][.fff][Z|+HH:MM|+HHMM|+HH]" at s[i]; appends to out.
void parse_time_and_zone(std::string_view s, std::size_t i, std::string& out) {
    const auto h = read_digits(s, i, 2);
    if (!h || i >= s.size()) return;
    if (s[i] == ':') ++i;
    const auto mi = read_digits(s, i, 2);
    if (!mi || *h > 23 || *mi > 59) return;
    int sec = 0;
    if (i < s.size() && (s[i] == ':' || digit(s[i]))) {
        if (s[i] == ':') ++i;
        if (const auto sv = read_digits(s, i, 2)) sec = *sv;
    }
    if (sec > 60) return;
    while (i < s.size() && (s[i] == '.' || s[i] == ',' || digit(s[i]))) ++i;
    while (i < s.size() && s[i] == ' ') ++i;
    out += format_time(*h, *mi, sec);
    if (i >= s.size()) return;
    if (s[i] == 'Z' || s[i] == 'z' || s.substr(i).starts_with("GMT") || s.substr(i).starts_with("UTC")) {
        const std::size_t after = s[i] == 'Z' || s[i] == 'z' ? i + 1 : i + 3;
        if (after < s.size() && (s[after] == '+' || s[after] == '-')) {
            i = after;
        } else {
            out += "Z";
            return;
        }
    }
    if (s[i] == '+' || s[i] == '-') {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        const auto zh = read_digits(s, i, 2);
        if (!zh || *zh > 14) return;
        int zm = 0;
        if (i < s.size() && s[i] == ':') ++i;
        if (const auto z = read_digits(s, i, 2)) zm = *z;
        out += format_zone(sign, *zh, zm);
    }
}

} // namespace

bool valid_day(int year, int month, int day) {
    static constexpr std::array<int, 12> days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
    if (day > days[static_cast<std::size_t>(month - 1)]) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

std::string parse_machine_date(std::string_view value) {
    const std::string v = trim(value);
    const std::string_view s(v);
    std::size_t i = 0;
    // ISO forms: YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD
    if (const auto y = read_digits(s, i, 4)) {
        const bool sep = i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.');
        if (sep) ++i;
        const auto m = read_digits(s, i, 2);
        if (sep && i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) ++i;
        const auto d = read_digits(s, i, 2);
        if (!m || !d || !valid_day(*y, *m, *d)) return {};
        std::string out = format_day(*y, *m, *d);
        if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) parse_time_and_zone(s, i + 1, out);
        return out;
    }
    // RFC 822 / prose forms: "Tue, 15 Oct 2024 12:47:33 +0200", "15 de octubre de 2024", "15/10/2024"
    const std::string prose = parse_spanish_date(s);
    if (prose.empty()) return {};
    // A time after the year, when there is one (RFC 822).
    const std::string year = prose.substr(0, 4);
    const std::size_t ypos = s.find(year);
    if (ypos != std::string_view::npos) {
        std::size_t t = ypos + 4;
        while (t < s.size() && (s[t] == ' ' || s[t] == ',')) ++t;
        if (t + 5 <= s.size() && digit(s[t]) && digit(s[t + 1]) && s[t + 2] == ':') {
            std::string out = prose;
            parse_time_and_zone(s, t, out);
            return out;
        }
    }
    return prose;
}

std::string parse_spanish_date(std::string_view text) {
    // Numeric day/month/year: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy
    for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
        if (!digit(text[i]) || (i > 0 && digit(text[i - 1]))) continue;
        std::size_t j = i;
        const std::size_t dlen = (j + 1 < text.size() && digit(text[j + 1])) ? 2 : 1;
        const auto d = read_digits(text, j, dlen);
        if (!d || j >= text.size() || (text[j] != '/' && text[j] != '-' && text[j] != '.')) continue;
        const char sep = text[j++];
        const std::size_t mlen = (j + 1 < text.size() && digit(text[j + 1])) ? 2 : 1;
        const auto m = read_digits(text, j, mlen);
        if (!m || j >= text.size() || text[j] != sep) continue;
        ++j;
        const auto y = read_digits(text, j, 4);
        if (y && (j >= text.size() || !digit(text[j])) && valid_day(*y, *m, *d))
            return format_day(*y, *m, *d);
    }
    // Words: [weekday,] 9 de enero de 2026 | 9 enero 2026 | enero 9, 2026 | 15 Oct 2024
    const std::vector<std::string> w = words(text);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const int month = month_from_name(w[i]);
        if (month == 0) continue;
        auto number = [&](std::size_t k) -> int {
            if (k >= w.size() || w[k].size() > 4 || !digit(w[k][0])) return -1;
            for (char c : w[k])
                if (!digit(c)) return -1;
            return std::stoi(w[k]);
        };
        int day = -1, year = -1;
        // day before: "9 de enero" / "9 enero"
        if (i >= 1 && number(i - 1) >= 1 && w[i - 1].size() <= 2)
            day = number(i - 1);
        else if (i >= 2 && w[i - 1] == "de" && number(i - 2) >= 1 && w[i - 2].size() <= 2)
            day = number(i - 2);
        std::size_t k = i + 1;
        if (day < 0 && number(k) >= 1 && w[k].size() <= 2) day = number(k++); // "enero 9, 2026"
        if (k < w.size() && (w[k] == "de" || w[k] == "del")) ++k;
        if (number(k) >= 1990 && w[k].size() == 4) year = number(k);
        if (day > 0 && year > 0 && valid_day(year, month, day)) return format_day(year, month, day);
    }
    return {};
}

std::string date_from_url(std::string_view url) {
    for (std::size_t i = 0; i + 8 <= url.size(); ++i) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
        std::size_t j = i + 1;
        const auto y = read_digits(url, j, 4);
        if (!y || *y < 1990 || *y > 2100) continue;
        const bool sep = j < url.size() && (url[j] == '/' || url[j] == '-');
        if (sep) ++j;
        const auto m = read_digits(url, j, 2);
        if (!m) continue;
        if (sep) {
            if (j >= url.size() || url[j] != url[i + 5]) continue;
            ++j;
        }
        const auto d = read_digits(url, j, 2);
        if (!d || !valid_day(*y, *m, *d)) continue;
        if (!sep) { // compact form: followed by the time or a separator
            while (j < url.size() && digit(url[j])) ++j;
        }
        if (j < url.size() && digit(url[j])) continue;
        return format_day(*y, *m, *d);
    }
    return {};
}

} // namespace hemeroteca::extract
