// What the database remembers about each input file, so that a re-run skips
// files that have not changed (same size, modification time and options)
// without reading them, and --prune finds the files that are gone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace hemeroteca::indexer {

struct FileState {
    std::string path;   // absolute, normalised
    std::string origin; // the origin stored in its articles (the XF term): the path as given
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string options;      // a digest of the options that change what is indexed
    std::size_t articles = 0; // articles it holds (reported as unchanged when skipped)
    std::size_t skipped = 0;  // records skipped on purpose

    // True when the file on disk is still what this state describes.
    bool same_file(const FileState& now) const {
        return size == now.size && mtime_ns == now.mtime_ns && options == now.options;
    }
};

// The state of `path` as it is now (articles/skipped zero). Throws std::filesystem_error.
FileState current_file_state(const std::filesystem::path& path, const std::string& options_digest);

// The metadata key and value of a state.
std::string file_state_key(const std::string& absolute_path);
std::string encode_file_state(const FileState& state);
// False when the value is not a state this version wrote.
bool decode_file_state(const std::string& value, FileState& state);

} // namespace hemeroteca::indexer
