#include "extract/charset.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iconv.h>
#include <memory>
#include <stdexcept>
#include <type_traits>

namespace hemeroteca::extract {
namespace {

// RAII owner of an iconv descriptor.
class Iconv {
public:
    Iconv(const std::string& to, const std::string& from) : cd_(iconv_open(to.c_str(), from.c_str())) {
        if (cd_ == reinterpret_cast<iconv_t>(-1)) throw std::invalid_argument("unknown charset: " + from);
    }
    ~Iconv() { iconv_close(cd_); }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;

    // Converts all of `in`; bytes iconv rejects are replaced by `replacement`.
    // Returns false (and stops) when strict and a byte is rejected.
    bool convert(std::string_view in, std::string& out, std::string_view replacement, bool strict) {
        char* src = const_cast<char*>(in.data());
        std::size_t left = in.size();
        char buffer[8192];
        while (left > 0) {
            char* dst = buffer;
            std::size_t room = sizeof buffer;
            const std::size_t rc = iconv(cd_, &src, &left, &dst, &room);
            out.append(buffer, static_cast<std::size_t>(dst - buffer));
            if (rc != static_cast<std::size_t>(-1)) continue;
            if (errno == E2BIG) continue;
            if (strict) return false;
            out.append(replacement); // EILSEQ or EINVAL: skip one byte
            ++src;
            --left;
            iconv(cd_, nullptr, nullptr, nullptr, nullptr);
        }
        char* dst = buffer;
        std::size_t room = sizeof buffer;
        iconv(cd_, nullptr, nullptr, &dst, &room);
        out.append(buffer, static_cast<std::size_t>(dst - buffer));
        return true;
    }

private:
    iconv_t cd_;
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

bool is_single_byte(const std::string& cs) {
    return cs.starts_with("iso-8859") || cs.starts_with("windows-12") || cs == "koi8-r" || cs == "koi8-u" ||
           cs == "macintosh";
}

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return 1;
    std::size_t n = 0;
    unsigned min = 0;
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
        min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        min = 0x10000;
    } else
        return 0;
    if (i + n > s.size()) return 0;
    unsigned cp = b & (0x3Fu >> (n - 1));
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

// Valid multi-byte UTF-8 sequences and invalid bytes in the text.
struct Utf8Census {
    std::size_t multibyte = 0, invalid = 0;
};

Utf8Census utf8_census(std::string_view bytes) {
    Utf8Census c;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = utf8_sequence(bytes, i);
        if (n == 0) {
            ++c.invalid;
            ++i;
        } else {
            c.multibyte += n > 1;
            i += n;
        }
    }
    return c;
}

// Mostly UTF-8 with stray single-byte characters (a UTF-8 template around text
// stored as windows-1252): valid sequences are kept, runs of invalid bytes are
// decoded as windows-1252.
std::string decode_mixed_utf8(std::string_view bytes) {
    Iconv cd("UTF-8", "WINDOWS-1252");
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 16);
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::size_t n = utf8_sequence(bytes, i);
        if (n > 0) {
            out.append(bytes.substr(i, n));
            i += n;
            continue;
        }
        const std::size_t start = i;
        while (i < bytes.size() && utf8_sequence(bytes, i) == 0) ++i;
        cd.convert(bytes.substr(start, i - start), out, "\xEF\xBF\xBD", false);
    }
    return out;
}

} // namespace

std::string canonical_charset(std::string_view name) {
    std::string cs = to_lower(name);
    while (!cs.empty() && (cs.back() == ' ' || cs.back() == '"' || cs.back() == '\'' || cs.back() == ';'))
        cs.pop_back();
    while (!cs.empty() && (cs.front() == ' ' || cs.front() == '"' || cs.front() == '\'')) cs.erase(0, 1);
    if (cs == "utf8" || cs == "unicode-1-1-utf-8") return "utf-8";
    if (cs == "iso-8859-1" || cs == "iso8859-1" || cs == "latin1" || cs == "latin-1" || cs == "l1" ||
        cs == "us-ascii" || cs == "ascii" || cs == "cp1252" || cs == "iso_8859-1" || cs == "x-cp1252")
        return "windows-1252";
    if (cs == "iso8859-15" || cs == "latin9" || cs == "latin-9") return "iso-8859-15";
    return cs;
}

std::string sniff_meta_charset(std::string_view bytes) {
    const std::string head = to_lower(bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096)));
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        const std::size_t end = head.find('>', pos);
        if (end == std::string::npos) break;
        const std::string_view tag(head.data() + pos, end - pos);
        pos = end;
        const std::size_t at = tag.find("charset");
        if (at == std::string_view::npos) continue;
        std::size_t v = at + 7;
        while (v < tag.size() && (tag[v] == ' ' || tag[v] == '=' || tag[v] == '"' || tag[v] == '\'')) ++v;
        std::size_t e = v;
        while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' ||
                                  tag[e] == '_' || tag[e] == ':' || tag[e] == '.'))
            ++e;
        if (e > v) return canonical_charset(tag.substr(v, e - v));
    }
    return {};
}

namespace {

// Index of the first byte >= 0x80 at or after i (bytes.size() when none):
// eight bytes at a time, as pages are mostly ASCII markup.
std::size_t skip_ascii(std::string_view bytes, std::size_t i) {
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        if (word & high_bits) break;
    }
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
    return i;
}

// Evidence of UTF-8 read as windows-1252 and encoded again: «Ã» or «Â»
// (U+00C3/U+00C2) followed by another non-ASCII character, or «â€» (U+00E2 U+20AC).
bool looks_double_encoded(std::string_view utf8) {
    std::size_t evidence = 0;
    const char* const begin = utf8.data();
    const char* const end = begin + utf8.size();
    for (const char* p = begin; end - p > 2;) {
        p = static_cast<const char*>(std::memchr(p, '\xC3', static_cast<std::size_t>(end - p - 2)));
        if (!p) break;
        const std::size_t i = static_cast<std::size_t>(p - begin);
        const char b = utf8[i + 1];
        if ((b == '\x83' || b == '\x82') && static_cast<unsigned char>(utf8[i + 2]) >= 0x80)
            ++evidence;
        else if (b == '\xA2' && utf8.substr(i + 2, 3) == "\xE2\x82\xAC")
            ++evidence;
        if (evidence >= 2) return true;
        ++p;
    }
    return false;
}

} // namespace

bool is_valid_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        i = skip_ascii(bytes, i); // the common case
        if (i == bytes.size()) break;
        const std::size_t n = utf8_sequence(bytes, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

bool has_non_ascii(std::string_view bytes) { return skip_ascii(bytes, 0) < bytes.size(); }

std::string convert_to_utf8(std::string_view bytes, const std::string& charset) {
    Iconv cd("UTF-8", charset);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    cd.convert(bytes, out, "\xEF\xBF\xBD", false);
    // glibc's own UTF-8 decoder (reached through names like "utf_8") passes the
    // old 5- and 6-byte forms through: what comes out is UTF-8 all the same.
    if (!is_valid_utf8(out)) {
        std::string clean;
        clean.reserve(out.size());
        for (std::size_t i = 0; i < out.size();) {
            const std::size_t n = utf8_sequence(out, i);
            if (n == 0) {
                clean += "\xEF\xBF\xBD";
                ++i;
            } else {
                clean.append(out, i, n);
                i += n;
            }
        }
        out.swap(clean);
    }
    return out;
}

std::string repair_double_utf8(std::string_view utf8) {
    if (!looks_double_encoded(utf8)) return std::string(utf8);
    Iconv back("WINDOWS-1252", "UTF-8");
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t n = utf8_sequence(utf8, i);
        if (n != 2 || (utf8[i] != '\xC3' && utf8[i] != '\xC2')) {
            out.append(utf8.substr(i, std::max<std::size_t>(n, 1)));
            i += std::max<std::size_t>(n, 1);
            continue;
        }
        // Try a run of up to 4 characters that encode, as windows-1252, one UTF-8 sequence.
        bool repaired = false;
        for (std::size_t chars = 2; chars <= 4 && !repaired; ++chars) {
            std::size_t j = i;
            for (std::size_t k = 0; k < chars && j < utf8.size(); ++k)
                j += std::max<std::size_t>(utf8_sequence(utf8, j), 1);
            std::string bytes;
            if (!back.convert(utf8.substr(i, j - i), bytes, "", true) || bytes.size() != chars) continue;
            if (utf8_sequence(bytes, 0) == bytes.size() && bytes.size() > 1) {
                out += bytes;
                i = j;
                repaired = true;
            }
        }
        if (!repaired) {
            out.append(utf8.substr(i, 2));
            i += 2;
        }
    }
    return out;
}

namespace {

// UTF-16 without a BOM, told by its NUL bytes: markup is ASCII, so one byte of
// each pair is NUL (the second in little-endian). "utf-16le"/"utf-16be", or nullptr.
const char* utf16_without_bom(std::string_view bytes) {
    const std::size_t pairs = std::min<std::size_t>(bytes.size(), 1024) / 2;
    if (pairs < 4) return nullptr;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        even += bytes[2 * i] == '\0';
        odd += bytes[2 * i + 1] == '\0';
    }
    if (odd * 10 >= pairs * 6 && even * 10 < pairs) return "utf-16le";
    if (even * 10 >= pairs * 6 && odd * 10 < pairs) return "utf-16be";
    return nullptr;
}

} // namespace

DecodedText decode_html(std::string_view bytes, std::string_view declared_charset) {
    DecodedText result;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        result.utf8 = is_valid_utf8(bytes.substr(3)) ? std::string(bytes.substr(3))
                                                     : convert_to_utf8(bytes.substr(3), "UTF-8");
        result.charset = "utf-8";
        result.origin = "bom";
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        result.charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
        result.utf8 = convert_to_utf8(bytes.substr(2), result.charset);
        result.origin = "bom";
    } else if (const char* utf16 = utf16_without_bom(bytes)) {
        result.charset = utf16;
        result.utf8 = convert_to_utf8(bytes, result.charset);
        result.origin = "bytes (utf-16 without BOM)";
    } else {
        std::string declared = canonical_charset(declared_charset);
        std::string origin = "http";
        if (declared.empty()) {
            declared = sniff_meta_charset(bytes);
            origin = "meta";
        }
        // Bytes that are not UTF-16 (no BOM, no NUL pattern) declared UTF-16: read as
        // UTF-8 (what the HTML standard does for a <meta> saying utf-16), not as CJK.
        if (declared.starts_with("utf-16")) declared = "utf-8";
        const bool utf8_ok = is_valid_utf8(bytes);
        if (declared.empty() || declared == "utf-8") {
            result.charset = utf8_ok ? "utf-8" : "windows-1252";
            result.origin = declared.empty() ? (utf8_ok ? "bytes" : "default")
                                             : (utf8_ok ? origin : "bytes (declared utf-8)");
        } else if (is_single_byte(declared) && utf8_ok && has_non_ascii(bytes)) {
            result.charset = "utf-8";
            result.origin = "bytes (declared " + declared + ")";
        } else {
            result.charset = declared;
            result.origin = origin;
        }
        // Declared (or presumed) UTF-8 with invalid bytes: mostly UTF-8, or really single-byte?
        const bool presumed_utf8 = declared.empty() || declared == "utf-8";
        const Utf8Census census = !utf8_ok && presumed_utf8 ? utf8_census(bytes) : Utf8Census{};
        if (census.multibyte > census.invalid) {
            result.charset = "utf-8";
            result.origin = "bytes (mostly utf-8, stray windows-1252)";
            result.utf8 = decode_mixed_utf8(bytes);
        } else if (result.charset == "utf-8") {
            result.utf8 = std::string(bytes);
        } else {
            try {
                result.utf8 = convert_to_utf8(bytes, result.charset);
            } catch (const std::invalid_argument&) {
                result.charset = utf8_ok ? "utf-8" : "windows-1252";
                result.origin = "default (unknown " + declared + ")";
                result.utf8 = utf8_ok ? std::string(bytes) : convert_to_utf8(bytes, result.charset);
            }
        }
    }
    if (looks_double_encoded(result.utf8)) result.utf8 = repair_double_utf8(result.utf8);
    return result;
}

} // namespace hemeroteca::extract
