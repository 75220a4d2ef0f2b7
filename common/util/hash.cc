#include "util/hash.h"

namespace hemeroteca::util {

Fnv1a64& Fnv1a64::add(std::string_view bytes) {
    for (const char c : bytes) {
        state_ ^= static_cast<unsigned char>(c);
        state_ *= 0x100000001b3ULL;
    }
    return *this;
}

Fnv1a64& Fnv1a64::field(std::string_view bytes) {
    add(bytes);
    return add(std::string_view("\x1f", 1));
}

std::string Fnv1a64::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    std::uint64_t v = state_;
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[v & 0xF];
        v >>= 4;
    }
    return out;
}

} // namespace hemeroteca::util
