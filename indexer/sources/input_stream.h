// Reading an input file as a stream of bytes, transparently gunzipped when it
// is gzip (by its magic number, whatever its name), with a line reader for
// JSON Lines and WARC headers. Memory stays flat whatever the file size.
#pragma once

#include "sources/gzip.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace hemeroteca::indexer {

class InputStream {
public:
    // Opens the file; throws InputError when it cannot.
    explicit InputStream(const std::filesystem::path& path);
    ~InputStream();
    InputStream(const InputStream&) = delete;
    InputStream& operator=(const InputStream&) = delete;

    // Reads one line (without "\n" and a trailing "\r"); false at the end. A line
    // over max_page_bytes is skipped up to its newline: then `line` is empty and
    // *too_long is set (without too_long, InputError is thrown instead).
    bool read_line(std::string& line, bool* too_long = nullptr);
    // Reads exactly n bytes (fewer only at the end of the data); appends to out.
    std::size_t read(std::size_t n, std::string& out);
    // Bytes consumed from the file so far (compressed bytes for gzip).
    std::uintmax_t file_position() const { return file_pos_; }
    bool compressed() const { return decoder_ != nullptr; }

private:
    bool fill();      // more decoded bytes into buf_; false at the end
    void skip_line(); // past the next newline (or to the end)

    std::FILE* file_ = nullptr;
    std::unique_ptr<GzipDecoder> decoder_;
    std::string buf_;
    std::size_t pos_ = 0;
    std::uintmax_t file_pos_ = 0;
    bool eof_ = false;
};

} // namespace hemeroteca::indexer
