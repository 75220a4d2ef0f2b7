// gzip (RFC 1952) with zlib: whole buffers, concatenated members, and a
// streaming decoder. WARC files are written as one gzip member per record,
// so every decoder here reads across member boundaries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <zlib.h>

namespace hemeroteca::indexer {

// True when the bytes start with the gzip magic number (1f 8b).
bool has_gzip_magic(std::string_view bytes);

// Decodes gzip (all members), zlib or raw deflate data (HTTP's "deflate" is
// either). Throws InputError when it is corrupt or grows past max_bytes.
std::string gunzip(std::string_view data, std::size_t max_bytes);

// One gzip member holding `data` (what a WARC writer emits per record).
std::string gzip_member(std::string_view data);

// A streaming gzip decoder over compressed chunks: feed(), then take the
// decoded bytes. Handles concatenated members. Throws InputError on corrupt data.
class GzipDecoder {
public:
    GzipDecoder();
    ~GzipDecoder();
    GzipDecoder(const GzipDecoder&) = delete;
    GzipDecoder& operator=(const GzipDecoder&) = delete;

    // Decodes `in`, appending to `out`.
    void feed(std::string_view in, std::string& out);
    // True when the input ended cleanly (at the end of a member).
    bool at_member_end() const { return member_end_; }

private:
    z_stream z_{};
    bool member_end_ = true;
};

} // namespace hemeroteca::indexer
