#include "sources/read_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace hemeroteca::indexer {

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw InputError("cannot read: " + ec.message());
    if (size > max_bytes)
        throw InputError("too large (" + std::to_string(size >> 20) + " MiB; the limit is " +
                         std::to_string(max_bytes >> 20) + " MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(std::string("cannot open: ") + std::strerror(errno));
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw InputError("read error");
    return bytes;
}

} // namespace hemeroteca::indexer
