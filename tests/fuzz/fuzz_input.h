// Helpers shared by the libFuzzer targets: the input split into parts, and a
// scratch file for the readers that take a path.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The input cut at its first `n - 1` occurrences of `sep` (fewer parts when absent).
inline std::vector<std::string_view> split(std::string_view in, char sep, std::size_t n) {
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < n) {
        const auto at = in.find(sep);
        if (at == std::string_view::npos) break;
        parts.push_back(in.substr(0, at));
        in.remove_prefix(at + 1);
    }
    parts.push_back(in);
    return parts;
}

// A file of this process, rewritten for each input.
class ScratchFile {
public:
    explicit ScratchFile(const char* name) :
        path_(std::filesystem::temp_directory_path() /
              ("hemeroteca-fuzz-" + std::to_string(::getpid()) + "-" + name)) {}
    ~ScratchFile() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    const std::filesystem::path& write(std::string_view bytes) {
        std::FILE* f = std::fopen(path_.c_str(), "wb");
        if (f) {
            std::fwrite(bytes.data(), 1, bytes.size(), f);
            std::fclose(f);
        }
        return path_;
    }

private:
    std::filesystem::path path_;
};

} // namespace hemeroteca::fuzz
