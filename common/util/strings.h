// Small ASCII string and time helpers shared by every part of the project.
#pragma once

#include <string>
#include <string_view>

namespace hemeroteca::util {

// Without leading and trailing ASCII whitespace (space, \t, \r, \n, \f, \v).
std::string trim(std::string_view s);
// ASCII lower case; other bytes (UTF-8) unchanged.
std::string ascii_lower(std::string_view s);
// The current UTC time as ISO 8601 ("2026-11-28T02:49:17Z").
std::string utc_now_iso();

} // namespace hemeroteca::util
