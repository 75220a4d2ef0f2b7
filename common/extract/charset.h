// Charset detection and decoding to UTF-8 (iconv). The declared charset is a
// hint that is verified against the bytes: pages that declare a single-byte
// charset while their bytes are valid UTF-8 are decoded as UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace hemeroteca::extract {

struct DecodedText {
    std::string utf8;    // the page as UTF-8
    std::string charset; // the charset the bytes were decoded from ("utf-8", "windows-1252", ...)
    std::string origin;  // why: "http", "bom", "meta", "bytes (declared x)", "default"
};

// Canonical lower-case name; ISO-8859-1, latin1 and US-ASCII become windows-1252
// (as browsers do). Empty when the name is empty.
std::string canonical_charset(std::string_view name);

// The charset named by <meta charset> or <meta http-equiv content="...charset=">
// in the first bytes of the page; empty when none.
std::string sniff_meta_charset(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);
bool has_non_ascii(std::string_view bytes);

// Converts bytes in `charset` to UTF-8 with iconv; invalid sequences become U+FFFD.
// Throws std::invalid_argument when iconv does not know the charset.
std::string convert_to_utf8(std::string_view bytes, const std::string& charset);

// Repairs evident double-encoded UTF-8 («Ã©» -> «é»); returns the text unchanged
// when there is no evidence of it.
std::string repair_double_utf8(std::string_view utf8);

// HTTP header (declared) > BOM > meta charset, verified against the bytes.
DecodedText decode_html(std::string_view bytes, std::string_view declared_charset);

} // namespace hemeroteca::extract
