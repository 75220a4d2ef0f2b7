// Publication dates: normalising the formats found on news pages to ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hemeroteca::extract {

// An ISO 8601 date from a machine-readable value: "2024-10-15T12:47:33+02:00",
// "2024-10-15 12:47:33", "20241015T124733Z", "Tue, 15 Oct 2024 12:47:33 +0200",
// "2024-10-15". Returns "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or with "+HH:MM"/"Z"
// when the zone is known; empty when the value is not a plausible date.
std::string parse_machine_date(std::string_view value);

// A date written in Spanish prose: «9 de enero de 2026», «09/01/2026»
// (day/month/year), «9 ene 2026». Returns "YYYY-MM-DD" or empty.
std::string parse_spanish_date(std::string_view text);

// The time of day written in prose («20:10», «8:10 pm», «9:10 p.m.», «02:26:59 am») as seconds
// since midnight; -1 when there is none.
int clock_seconds(std::string_view text);

// An ISO 8601 value as parts: the day (days since 1970-01-01 of the date as written), the wall
// clock (seconds, -1 without a time) and the zone when written.
struct DateParts {
    long day = 0;
    int seconds = -1;
    bool has_zone = false;
    int offset_minutes = 0;
    // Seconds since the epoch; meaningful only with has_zone.
    long long instant() const {
        return static_cast<long long>(day) * 86400 + seconds - static_cast<long long>(offset_minutes) * 60;
    }
};
std::optional<DateParts> split_date(std::string_view iso);
long days_from_civil(int year, int month, int day);
// "YYYY-MM-DD[THH:MM:SS[±HH:MM|Z]]" from a day number, seconds (-1: none) and an optional zone.
std::string format_local(long day, int seconds, std::optional<int> offset_minutes);

// A date in a URL path: /2026/01/09/, /2026-01-09/, /20260109/, -20241015124732-.
std::string date_from_url(std::string_view url);

// True when y-m-d is a real calendar day between 1990 and 2100.
bool valid_day(int year, int month, int day);

} // namespace hemeroteca::extract
