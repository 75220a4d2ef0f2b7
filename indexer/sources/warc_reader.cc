#include "sources/warc_reader.h"

#include "util/strings.h"

#include "sources/read_file.h"

#include <algorithm>
#include <cctype>

namespace hemeroteca::indexer {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

const std::string empty_string;

} // namespace

const std::string& WarcRecord::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return v;
    return empty_string;
}

std::string WarcRecord::type() const {
    std::string t = header("WARC-Type");
    std::transform(t.begin(), t.end(), t.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return t;
}

const std::string& WarcRecord::target_uri() const { return header("WARC-Target-URI"); }

WarcReader::WarcReader(InputStream& in, std::size_t max_block) : in_(in), max_block_(max_block) {}

namespace {

// A WARC version line: "WARC/1.0", "WARC/1.1" (and later minor versions).
bool is_version_line(std::string_view line) { return line.starts_with("WARC/1."); }

// Content-Length: decimal digits only (stoull took "-1" as 2^64 - 1), at most 18.
bool parse_length(std::string_view s, std::uint64_t& out) {
    if (s.empty() || s.size() > 18) return false;
    std::uint64_t v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    out = v;
    return true;
}

} // namespace

bool WarcReader::next(WarcRecord& r) {
    std::string line;
    std::uint64_t skipped = skipped_pending_;
    std::string reason = problem_;
    skipped_pending_ = 0;
    problem_.clear();
    while (true) {
        // Records are separated by two CRLFs; tolerate any number of blank lines.
        bool too_long = false;
        if (!pending_line_.empty()) { // a record's first line, met inside the previous header
            line = std::move(pending_line_);
            pending_line_.clear();
        } else
            do {
                if (!in_.read_line(line, &too_long)) {
                    skipped_pending_ = skipped;
                    problem_ = reason;
                    return false;
                }
                if (too_long) skipped += max_page_bytes;
            } while (line.empty() && !too_long);
        if (too_long || !is_version_line(line)) {
            if (count_ == 0 && skipped == 0 && !line.starts_with("WARC/"))
                throw InputError("record 1: not a WARC record (expected \"WARC/1.0\" or \"WARC/1.1\")");
            if (reason.empty()) reason = "not a WARC record";
            skipped += line.size() + 1;
            continue;
        }
        const std::uint64_t before = skipped;
        if (read_record(r, line)) {
            r.skipped_before = before;
            r.skip_reason = reason;
            return true;
        }
        skipped += r.length + line.size() + 2; // about what was read of the malformed record
        reason = problem_;
        problem_.clear();
    }
}

bool WarcReader::read_record(WarcRecord& r, std::string line) {
    const std::string where = "record " + std::to_string(count_ + 1);
    r = WarcRecord{};
    r.version = line;
    bool has_length = false;
    while (true) {
        bool too_long = false;
        if (!in_.read_line(line, &too_long)) throw InputError(where + ": truncated header");
        if (too_long) {
            problem_ = where + ": header line too long";
            return false;
        }
        if (line.empty()) break;
        if (is_version_line(line)) { // a new record starts inside this one's header
            problem_ = where + ": truncated header";
            r.length = 0;
            pending_line_ = std::move(line);
            return false;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            // A continuation line (obsolete folding) belongs to the previous header.
            if (!r.headers.empty() && (line[0] == ' ' || line[0] == '\t'))
                r.headers.back().second += " " + util::trim(line);
            continue;
        }
        r.headers.emplace_back(util::trim(std::string_view(line).substr(0, colon)),
                               util::trim(std::string_view(line).substr(colon + 1)));
        if (iequals(r.headers.back().first, "Content-Length")) {
            if (!parse_length(r.headers.back().second, r.length)) {
                problem_ = where + ": bad Content-Length \"" + r.headers.back().second.substr(0, 40) + "\"";
                r.length = 0;
                return false;
            }
            has_length = true;
        }
    }
    if (!has_length) {
        problem_ = where + ": no Content-Length";
        return false;
    }
    auto& uri = r.headers; // WARC 1.0 wrote the URI in angle brackets in some tools
    for (auto& [k, v] : uri)
        if (iequals(k, "WARC-Target-URI") && v.size() >= 2 && v.front() == '<' && v.back() == '>')
            v = v.substr(1, v.size() - 2);
    if (r.length > max_block_) {
        r.truncated = true;
        std::string sink;
        for (std::uint64_t left = r.length; left > 0;) {
            sink.clear();
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, 1u << 20));
            const std::size_t got = in_.read(want, sink);
            if (got == 0) throw InputError(where + ": truncated content");
            left -= got;
        }
    } else {
        r.block.reserve(static_cast<std::size_t>(r.length));
        if (in_.read(static_cast<std::size_t>(r.length), r.block) != r.length)
            throw InputError(where + ": truncated content");
    }
    ++count_;
    return true;
}

} // namespace hemeroteca::indexer
