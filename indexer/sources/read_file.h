// Reading input files whole, with a size cap and one-line errors.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hemeroteca::indexer {

// An input that cannot be read or parsed; what() is a one-line reason.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An input that holds nothing to index (an empty record): skipped, not failed.
class EmptyInput : public InputError {
public:
    using InputError::InputError;
};

inline constexpr std::size_t max_page_bytes = 64u << 20; // 64 MiB: larger "pages" are not pages

// Reads the whole file; throws InputError when it cannot or it is over max_bytes.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes = max_page_bytes);

} // namespace hemeroteca::indexer
