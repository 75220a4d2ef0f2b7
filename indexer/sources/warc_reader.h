// WARC 1.0 / 1.1 records (ISO 28500), plain or gzip (one member per record,
// as crawlers write them, or the whole file compressed), read one at a time.
#pragma once

#include "sources/input_stream.h"

#include <string>
#include <utility>
#include <vector>

namespace hemeroteca::indexer {

struct WarcRecord {
    std::string version; // "WARC/1.0", "WARC/1.1"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string block;        // the record's content block (for a response: the HTTP response)
    bool truncated = false;   // the block was larger than the cap and was not read
    std::uint64_t length = 0; // Content-Length

    // A header by case-insensitive name; "" when absent.
    const std::string& header(std::string_view name) const;
    std::string type() const;              // WARC-Type, lowercased
    const std::string& target_uri() const; // WARC-Target-URI, without "<>"
};

class WarcReader {
public:
    // Reads from `in`; blocks over max_block bytes are skipped (truncated = true).
    WarcReader(InputStream& in, std::size_t max_block);

    // The next record; false at the end. Throws InputError on a malformed record.
    bool next(WarcRecord& record);
    std::size_t records_read() const { return count_; }

private:
    InputStream& in_;
    std::size_t max_block_;
    std::size_t count_ = 0;
};

} // namespace hemeroteca::indexer
