#include "extract/dates.h"

#include "extract/text.h"

#include <array>
#include <cstdlib>
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
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string format_time(int h, int mi, int s) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, s);
    return buf;
}

std::string format_zone(int sign, int hours, int minutes) {
    char buf[64];
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

// The length of an «am», «pm», «a.m.», «p. m.» marker at the start of s (case-insensitive), 0 when none.
std::size_t meridiem_length(std::string_view s) {
    if (s.empty()) return 0;
    const char c = static_cast<char>(s[0] | 0x20);
    if (c != 'a' && c != 'p') return 0;
    std::size_t i = 1;
    if (i < s.size() && s[i] == '.') ++i;
    if (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size() || (s[i] | 0x20) != 'm') return 0;
    ++i;
    if (i < s.size() && s[i] == '.') ++i;
    if (i < s.size() && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) return 0; // "amigos", "pmx"
    return i;
}

// "HH:MM[:SS][.fff][ pm][Z|+HH:MM|+HHMM|+HH]" at s[i]; appends to out.
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
    int hour = *h;
    if (const std::size_t n = meridiem_length(s.substr(i)); n && hour <= 12) {
        const char m = static_cast<char>(s[i] | 0x20);
        hour = m == 'p' ? (hour % 12) + 12 : hour % 12;
        i += n;
        while (i < s.size() && s[i] == ' ') ++i;
    }
    out += format_time(hour, *mi, sec);
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

int clock_seconds(std::string_view text) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if (!digit(text[i]) || (i > 0 && (digit(text[i - 1]) || text[i - 1] == ':'))) continue;
        std::size_t j = i;
        const std::size_t hlen = digit(text[j + 1]) ? 2 : 1;
        const auto h = read_digits(text, j, hlen);
        if (!h || j >= text.size() || text[j] != ':') continue;
        ++j;
        const auto mi = read_digits(text, j, 2);
        if (!mi || *mi > 59) continue;
        int sec = 0;
        if (j < text.size() && text[j] == ':') {
            std::size_t k = j + 1;
            if (const auto sv = read_digits(text, k, 2); sv && *sv < 60) {
                sec = *sv;
                j = k;
            }
        }
        if (j < text.size() && digit(text[j])) continue;
        while (j < text.size() && text[j] == ' ') ++j;
        int hour = *h;
        if (const std::size_t n = meridiem_length(text.substr(j)); n && hour >= 1 && hour <= 12)
            hour = (text[j] | 0x20) == 'p' ? (hour % 12) + 12 : hour % 12;
        if (hour > 23) continue;
        return hour * 3600 + *mi * 60 + sec;
    }
    return -1;
}

long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::optional<DateParts> split_date(std::string_view iso) {
    if (iso.size() < 10) return std::nullopt;
    std::size_t i = 0;
    const auto y = read_digits(iso, i, 4);
    ++i;
    const auto m = read_digits(iso, i, 2);
    ++i;
    const auto d = read_digits(iso, i, 2);
    if (!y || !m || !d || !valid_day(*y, *m, *d)) return std::nullopt;
    DateParts p;
    p.day = days_from_civil(*y, *m, *d);
    if (iso.size() < 19 || iso[10] != 'T') return p;
    i = 11;
    const auto h = read_digits(iso, i, 2);
    ++i;
    const auto mi = read_digits(iso, i, 2);
    ++i;
    const auto sec = read_digits(iso, i, 2);
    if (!h || !mi || !sec) return p;
    p.seconds = *h * 3600 + *mi * 60 + *sec;
    if (i < iso.size() && iso[i] == 'Z') {
        p.has_zone = true;
    } else if (i + 6 <= iso.size() && (iso[i] == '+' || iso[i] == '-')) {
        const int sign = iso[i] == '-' ? -1 : 1;
        std::size_t k = i + 1;
        const auto zh = read_digits(iso, k, 2);
        ++k;
        const auto zm = read_digits(iso, k, 2);
        if (zh && zm) {
            p.has_zone = true;
            p.offset_minutes = sign * (*zh * 60 + *zm);
        }
    }
    return p;
}

std::string format_local(long day, int seconds, std::optional<int> offset_minutes) {
    // civil_from_days
    const long z = day + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
    std::string out = format_day(y, m, d);
    if (seconds < 0) return out;
    out += format_time(seconds / 3600, seconds / 60 % 60, seconds % 60);
    if (offset_minutes) {
        const int o = *offset_minutes;
        out += o == 0 ? std::string("Z") : format_zone(o < 0 ? -1 : 1, std::abs(o) / 60, std::abs(o) % 60);
    }
    return out;
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
