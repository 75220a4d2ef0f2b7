// A WARC file -> the HTML pages it archives. Only `response` records with a
// 200 HTML payload become pages; `revisit` records (a crawl's "same as
// before") never do, so they cannot duplicate an article; other record types
// (warcinfo, request, metadata...) are ignored. WARC-Target-URI is the page's
// URL; WARC-Date is when it was crawled, not when it was published, and is not used.
#pragma once

#include "sources/input_stream.h"

#include <functional>
#include <string>

namespace hemeroteca::indexer {

struct WarcPage {
    std::string url;
    std::string charset; // from the HTTP Content-Type, "" when not declared
    std::string html;
    std::size_t record = 0; // 1-based record number in the file
};

// Why an archived HTTP response is not a page to index ("" when it is one).
std::string unindexable_reason(int status, std::string_view content_type, std::string_view body);

// Reads every record. on_skip gets "#N url" and a reason for responses that
// are not indexed; `stop` is polled between records. Throws InputError when
// the file is not a WARC file or is corrupt (pages before the damage are kept).
void read_warc_file(InputStream& in, const std::function<void(WarcPage&&)>& on_page,
                    const std::function<void(const std::string& where, const std::string& reason)>& on_skip,
                    const std::function<bool()>& stop);

} // namespace hemeroteca::indexer
