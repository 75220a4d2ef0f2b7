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

bool WarcReader::next(WarcRecord& r) {
    std::string line;
    // Records are separated by two CRLFs; tolerate any number of blank lines.
    do {
        if (!in_.read_line(line)) return false;
    } while (line.empty());
    const std::string where = "record " + std::to_string(count_ + 1);
    if (line.rfind("WARC/", 0) != 0)
        throw InputError(where + ": not a WARC record (expected \"WARC/1.0\" or \"WARC/1.1\")");
    r = WarcRecord{};
    r.version = line;
    bool has_length = false;
    while (true) {
        if (!in_.read_line(line)) throw InputError(where + ": truncated header");
        if (line.empty()) break;
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
            try {
                r.length = std::stoull(r.headers.back().second);
                has_length = true;
            } catch (const std::exception&) {
                throw InputError(where + ": bad Content-Length");
            }
        }
    }
    if (!has_length) throw InputError(where + ": no Content-Length");
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
