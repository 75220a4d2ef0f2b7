// Stable, fast, non-cryptographic hashing (FNV-1a, 64 bits) for ids and change
// detection. Stable across runs and machines, unlike std::hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hemeroteca::util {

class Fnv1a64 {
public:
    Fnv1a64& add(std::string_view bytes);
    // Adds the bytes and a separator, so ("ab","c") and ("a","bc") differ.
    Fnv1a64& field(std::string_view bytes);
    std::uint64_t value() const { return state_; }
    std::string hex() const;

private:
    std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

inline std::string hash_hex(std::string_view bytes) { return Fnv1a64().add(bytes).hex(); }

} // namespace hemeroteca::util
