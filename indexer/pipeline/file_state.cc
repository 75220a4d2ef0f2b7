#include "pipeline/file_state.h"

#include "schema.h"
#include "util/hash.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

namespace hemeroteca::indexer {

FileState current_file_state(const std::filesystem::path& path, const std::string& options_digest) {
    FileState s;
    s.path = std::filesystem::absolute(path).lexically_normal().string();
    s.origin = path.string();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw std::filesystem::filesystem_error("cannot stat", path,
                                                std::error_code(errno, std::generic_category()));
    s.size = static_cast<std::uintmax_t>(st.st_size);
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.options = options_digest;
    return s;
}

std::string file_state_key(const std::string& absolute_path) {
    return std::string(schema::metadata_file_prefix) + util::hash_hex(absolute_path);
}

std::string encode_file_state(const FileState& s) {
    return nlohmann::json{{"path", s.path},         {"origin", s.origin},   {"size", s.size},
                          {"mtime_ns", s.mtime_ns}, {"options", s.options}, {"articles", s.articles},
                          {"skipped", s.skipped}}
        .dump();
}

bool decode_file_state(const std::string& value, FileState& s) {
    const auto j = nlohmann::json::parse(value, nullptr, false);
    if (!j.is_object()) return false;
    try {
        s.path = j.at("path").get<std::string>();
        s.origin = j.at("origin").get<std::string>();
        s.size = j.at("size").get<std::uintmax_t>();
        s.mtime_ns = j.at("mtime_ns").get<std::int64_t>();
        s.options = j.at("options").get<std::string>();
        s.articles = j.at("articles").get<std::size_t>();
        s.skipped = j.at("skipped").get<std::size_t>();
    } catch (const nlohmann::json::exception&) {
        return false;
    }
    return true;
}

} // namespace hemeroteca::indexer
