// Writes WARC/1.1 records: a warcinfo record when the file is started, then a
// response record per fetched page (the HTTP status line, headers and the
// payload as received). A name ending in ".gz" gets one gzip member per
// record, as crawlers write them. Existing files are appended to.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace hemeroteca::indexer {

class WarcWriter {
public:
    // Opens (appends to) the file; throws std::runtime_error when it cannot.
    WarcWriter(const std::filesystem::path& path, std::string_view software);
    ~WarcWriter();
    WarcWriter(const WarcWriter&) = delete;
    WarcWriter& operator=(const WarcWriter&) = delete;

    // `http` is the full HTTP response: status line, headers, blank line, payload.
    void write_response(std::string_view target_uri, std::string_view http);

private:
    void write_record(std::string_view type, std::string_view target_uri, std::string_view content_type,
                      std::string_view block);

    std::FILE* file_ = nullptr;
    bool gzip_ = false;
};

// "2026-01-02T09:40:00Z" for now (the WARC-Date form).
std::string warc_date_now();

} // namespace hemeroteca::indexer
