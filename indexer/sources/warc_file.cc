#include "sources/warc_file.h"

#include "sources/http_response.h"
#include "sources/read_file.h"
#include "sources/warc_reader.h"

namespace hemeroteca::indexer {

std::string unindexable_reason(int status, std::string_view content_type, std::string_view body) {
    if (status != 200) return "HTTP status " + std::to_string(status);
    if (!is_html(content_type, body))
        return "not HTML (" + std::string(content_type.empty() ? "no Content-Type" : content_type) + ")";
    return {};
}

void read_warc_file(InputStream& in, const std::function<void(WarcPage&&)>& on_page,
                    const std::function<void(const std::string&, const std::string&)>& on_skip,
                    const std::function<bool()>& stop) {
    WarcReader reader(in, max_page_bytes);
    WarcRecord record;
    // Damage between records: reported with the record the reader went on at.
    const auto report_skip = [&](std::uint64_t bytes, const std::string& why, const char* place) {
        if (bytes == 0) return;
        on_skip(std::string(place) + std::to_string(reader.records_read()),
                "about " + std::to_string(bytes) + " bytes skipped to the next \"WARC/1.\" line (" + why +
                    ")");
    };
    while (!stop() && reader.next(record)) {
        report_skip(record.skipped_before, record.skip_reason, " before #");
        const std::string type = record.type();
        if (type != "response" && type != "revisit") continue;
        const std::string where = "#" + std::to_string(reader.records_read()) + " " + record.target_uri();
        if (type == "revisit") {
            on_skip(where, "revisit record (the page was archived before)");
            continue;
        }
        if (record.truncated) {
            on_skip(where, "record too large");
            continue;
        }
        const std::string& block_type = record.header("Content-Type");
        if (block_type.find("application/http") == std::string::npos && !block_type.empty()) {
            // A resource record-like response without HTTP headers: not a page we know how to read.
            on_skip(where, "not an HTTP response (" + block_type + ")");
            continue;
        }
        HttpResponse http;
        try {
            http = parse_http_response(record.block, max_page_bytes);
        } catch (const InputError& e) {
            on_skip(where, e.what());
            continue;
        }
        const std::string& content_type = http.header("Content-Type");
        if (std::string why = unindexable_reason(http.status, content_type, http.body); !why.empty()) {
            on_skip(where, why);
            continue;
        }
        WarcPage page;
        page.url = record.target_uri();
        page.charset = charset_of(content_type);
        page.html = std::move(http.body);
        page.record = reader.records_read();
        on_page(std::move(page));
    }
    if (!stop()) report_skip(reader.skipped_at_end(), "damage at the end of the file", " after #");
}

} // namespace hemeroteca::indexer
