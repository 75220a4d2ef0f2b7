// How deeply JSON text nests, measured on the bytes before parsing: nlohmann's
// parser is iterative, but copying, printing and every reader of a parsed value
// recurse, so input nested 10,000 deep would overflow the stack.
#pragma once

#include <cstddef>
#include <string_view>

namespace hemeroteca::util {

// JSON from input nests at most this deep (real articles and JSON-LD stay under ~10).
inline constexpr std::size_t kMaxJsonDepth = 64;

// Whether the JSON text opens more than `limit` arrays/objects inside one another
// (brackets inside strings do not count). Linear, no allocation.
bool json_nests_deeper(std::string_view text, std::size_t limit = kMaxJsonDepth);

} // namespace hemeroteca::util
