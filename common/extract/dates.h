// Publication dates: normalising the formats found on news pages to ISO 8601.
#pragma once

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

// A date in a URL path: /2026/01/09/, /2026-01-09/, /20260109/, -20241015124732-.
std::string date_from_url(std::string_view url);

// True when y-m-d is a real calendar day between 1990 and 2100.
bool valid_day(int year, int month, int day);

} // namespace hemeroteca::extract
