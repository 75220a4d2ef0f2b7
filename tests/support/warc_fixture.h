// Writing WARC fixtures and gzip files for tests, independently of the
// indexer's own WARC writer (so a bug cannot hide in both).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace hemeroteca::test {

// One gzip member holding `data` (zlib, written here, not by the indexer).
std::string gzip_bytes(std::string_view data);

// Decodes concatenated gzip members (zlib, not the indexer's code).
std::string gunzip_all(std::string_view data);

// A WARC file built record by record; written plain or with one gzip member per record.
class WarcFixture {
public:
    // A record of any type; `version` is "WARC/1.0" or "WARC/1.1".
    WarcFixture& record(std::string_view type, std::string_view uri, std::string_view content_type,
                        std::string_view block, std::string_view version = "WARC/1.1",
                        std::string_view extra_headers = "");
    // A response record with an HTTP response around `body`.
    WarcFixture& response(std::string_view uri, int status, std::string_view http_content_type,
                          std::string_view body, std::string_view version = "WARC/1.1");
    // A revisit record (identical-payload-digest profile) for `uri`.
    WarcFixture& revisit(std::string_view uri, std::string_view body);

    void write(const std::filesystem::path& path, bool gzip) const;

private:
    std::string plain_;   // all records, uncompressed
    std::string members_; // all records, one gzip member each
    int records_ = 0;
};

// Writes `content` to `path`, creating the parent folders.
void write_file(const std::filesystem::path& path, std::string_view content);
std::string slurp_file(const std::filesystem::path& path);

} // namespace hemeroteca::test
