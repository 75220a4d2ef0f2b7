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
    std::string skip_reason;  // with skipped_before: what was wrong
    bool truncated = false;   // the block was larger than the cap and was not read
    std::uint64_t length = 0; // Content-Length
    // Bytes skipped before this record because they were not a readable record (a
    // Content-Length too short or too long, a damaged header): the reader went on at
    // the next "WARC/1." line. 0 normally.
    std::uint64_t skipped_before = 0;

    // A header by case-insensitive name; "" when absent.
    const std::string& header(std::string_view name) const;
    std::string type() const;              // WARC-Type, lowercased
    const std::string& target_uri() const; // WARC-Target-URI, without "<>"
};

class WarcReader {
public:
    // Reads from `in`; blocks over max_block bytes are skipped (truncated = true).
    WarcReader(InputStream& in, std::size_t max_block);

    // The next record; false at the end. A malformed record is skipped up to the
    // next line that starts with "WARC/1." (counted in skipped_before). Throws
    // InputError only when the file holds no WARC record at all before the damage.
    bool next(WarcRecord& record);
    std::size_t records_read() const { return count_; }
    // Bytes skipped after the last record (damage at the end of the file).
    std::uint64_t skipped_at_end() const { return skipped_pending_; }

private:
    bool read_record(WarcRecord& record, std::string first_line); // false: malformed (skip_ set)
    std::uint64_t skipped_pending_ = 0;
    std::string problem_;
    std::string pending_line_; // the next record's version line, already read
    InputStream& in_;
    std::size_t max_block_;
    std::size_t count_ = 0;
};

} // namespace hemeroteca::indexer
