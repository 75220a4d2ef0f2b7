#include "sources/http_response.h"

#include "sources/gzip.h"
#include "sources/read_file.h"

#include "util/strings.h"

#include <algorithm>
#include <cctype>

namespace hemeroteca::indexer {

namespace {

// A chunk-size line: hex digits (at most 15: no overflow), then optional white
// space and ";extensions". "-4" and "FFFFFFFFFFFFFFEE" are errors, not sizes.
std::size_t chunk_size(std::string_view line) {
    std::size_t size = 0, digits = 0;
    for (; digits < line.size(); ++digits) {
        const char c = line[digits];
        int v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            break;
        if (digits == 15) throw InputError("bad chunked encoding (chunk size too large)");
        size = size * 16 + static_cast<std::size_t>(v);
    }
    const std::string_view rest = line.substr(digits);
    if (digits == 0 ||
        (!rest.empty() && rest[0] != ';' && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '\r'))
        throw InputError("bad chunked encoding");
    return size;
}

std::string dechunk(std::string_view in) {
    std::string out;
    std::size_t pos = 0;
    while (pos < in.size()) {
        const auto eol = in.find('\n', pos);
        if (eol == std::string_view::npos) break;
        const std::size_t size = chunk_size(in.substr(pos, eol - pos));
        pos = eol + 1;
        if (size == 0) break;
        if (size > in.size() - pos) throw InputError("truncated chunked encoding");
        out.append(in.substr(pos, size));
        pos += size;
        if (pos < in.size() && in[pos] == '\r') ++pos;
        if (pos < in.size() && in[pos] == '\n') ++pos;
    }
    return out;
}

const std::string empty_string;

} // namespace

const std::string& HttpResponse::header(std::string_view name) const {
    const std::string want = util::ascii_lower(name);
    for (const auto& [k, v] : headers)
        if (util::ascii_lower(k) == want) return v;
    return empty_string;
}

std::string decode_http_body(std::string body, const std::string& transfer_encoding,
                             const std::string& content_encoding, std::size_t max_body) {
    if (util::ascii_lower(transfer_encoding).find("chunked") != std::string::npos) body = dechunk(body);
    const std::string ce = util::ascii_lower(util::trim(content_encoding));
    if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
        // Some archives store the payload already decoded under the original header.
        if (ce != "deflate" && !has_gzip_magic(body)) return body;
        body = gunzip(body, max_body);
    } else if (!ce.empty() && ce != "identity") {
        throw InputError("unsupported Content-Encoding: " + ce);
    }
    return body;
}

HttpResponse parse_http_response(std::string_view bytes, std::size_t max_body) {
    HttpResponse r;
    if (bytes.substr(0, 5) != "HTTP/") throw InputError("not an HTTP response");
    std::size_t pos = bytes.find('\n');
    if (pos == std::string_view::npos) throw InputError("truncated HTTP response");
    const std::string status_line(bytes.substr(0, pos));
    const auto sp = status_line.find(' ');
    try {
        r.status = std::stoi(status_line.substr(sp + 1, 3));
    } catch (const std::exception&) {
        throw InputError("bad HTTP status line");
    }
    ++pos;
    while (pos < bytes.size()) {
        auto eol = bytes.find('\n', pos);
        if (eol == std::string_view::npos) eol = bytes.size();
        const std::string_view line = bytes.substr(pos, eol - pos);
        pos = eol + 1;
        if (line.empty() || line == "\r") break;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        r.headers.emplace_back(util::trim(line.substr(0, colon)), util::trim(line.substr(colon + 1)));
    }
    std::string body(pos < bytes.size() ? bytes.substr(pos) : std::string_view());
    r.body = decode_http_body(std::move(body), r.header("Transfer-Encoding"), r.header("Content-Encoding"),
                              max_body);
    return r;
}

std::string charset_of(std::string_view content_type) {
    const std::string ct = util::ascii_lower(content_type);
    auto at = ct.find("charset=");
    if (at == std::string::npos) return {};
    at += 8;
    auto end = ct.find(';', at);
    std::string cs =
        util::trim(std::string_view(ct).substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (cs.size() >= 2 && (cs.front() == '"' || cs.front() == '\'')) cs = cs.substr(1, cs.size() - 2);
    return cs;
}

bool is_html(std::string_view content_type, std::string_view body) {
    const std::string ct = util::ascii_lower(util::trim(content_type.substr(0, content_type.find(';'))));
    if (!ct.empty()) return ct == "text/html" || ct == "application/xhtml+xml";
    const std::string head = util::ascii_lower(body.substr(0, 1024));
    return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
}

} // namespace hemeroteca::indexer
