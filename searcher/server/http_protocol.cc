#include "server/http_protocol.h"

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace hemeroteca::search::server {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Calls f(item) for each comma-separated item of a header value.
template <typename F> void each_item(std::string_view list, F&& f) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        f(trim(list.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
}

bool iequals(std::string_view a, std::string_view b) { return same_header_name(a, b); }

std::string_view strip_weak(std::string_view tag) {
    if (tag.size() >= 2 && (tag[0] == 'W' || tag[0] == 'w') && tag[1] == '/') tag.remove_prefix(2);
    return tag;
}

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

bool compressible(std::string_view content_type) {
    return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
           content_type.starts_with("application/atom+xml") ||
           content_type.starts_with("application/opensearchdescription+xml") ||
           content_type.starts_with("application/x-ndjson") || content_type.starts_with("application/xml") ||
           content_type.starts_with("image/svg+xml");
}

constexpr std::size_t kMinGzipBytes = 1024;

} // namespace

std::string digest_hex(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (const unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::optional<std::time_t> parse_iso_utc(std::string_view iso) {
    std::tm tm{};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (iso.size() != 20 ||
        std::sscanf(std::string(iso).c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6)
        return std::nullopt;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return timegm(&tm);
}

std::string http_date(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                  kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::optional<std::time_t> parse_http_date(std::string_view text) {
    if (text.size() != 29) return std::nullopt;
    char day[4] = {}, month[4] = {};
    std::tm tm{};
    int d = 0, y = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(std::string(text).c_str(), "%3s, %2d %3s %4d %2d:%2d:%2d GMT", day, &d, month, &y, &h,
                    &mi, &s) != 7)
        return std::nullopt;
    int m = -1;
    for (int i = 0; i < 12; ++i)
        if (std::string_view(kMonths[i]) == month) m = i;
    if (m < 0) return std::nullopt;
    tm.tm_year = y - 1900;
    tm.tm_mon = m;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return timegm(&tm);
}

bool not_modified(const Request& request, std::string_view etag, std::optional<std::time_t> last_modified) {
    if (const auto inm = request.header("If-None-Match")) {
        bool match = false;
        each_item(*inm, [&](std::string_view tag) {
            if (tag == "*" || (!etag.empty() && strip_weak(tag) == strip_weak(etag))) match = true;
        });
        return match;
    }
    if (!last_modified) return false;
    const auto ims = request.header("If-Modified-Since");
    if (!ims) return false;
    const auto since = parse_http_date(*ims);
    return since && *last_modified <= *since;
}

bool accepts_gzip(const Request& request) {
    const auto accept = request.header("Accept-Encoding");
    if (!accept) return false;
    bool gzip = false, star = false, gzip_refused = false;
    each_item(*accept, [&](std::string_view item) {
        const auto semi = item.find(';');
        const std::string_view coding = trim(item.substr(0, semi));
        bool refused = false;
        if (semi != std::string_view::npos) {
            std::string_view param = trim(item.substr(semi + 1));
            if (param.starts_with("q=") || param.starts_with("Q=")) {
                param.remove_prefix(2);
                refused = param.find_first_not_of("0.") == std::string_view::npos; // q=0, q=0.0, q=0.000
            }
        }
        if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) (refused ? gzip_refused : gzip) = true;
        if (coding == "*" && !refused) star = true;
    });
    return gzip || (star && !gzip_refused);
}

std::string gzip_compress(std::string_view data) {
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
    return out;
}

void maybe_gzip(const Request& request, Response& response) {
    const auto type = response.header("Content-Type");
    if (response.stream || !type || !compressible(*type) || response.header("Content-Encoding")) return;
    if (response.status != 200 && response.status < 400) return; // 204, 304: no body
    response.set_header("Vary", response.header("Vary") ? *response.header("Vary") + ", Accept-Encoding"
                                                        : std::string("Accept-Encoding"));
    if (response.body.size() < kMinGzipBytes || !accepts_gzip(request)) return;
    response.body = gzip_compress(response.body);
    response.set_header("Content-Encoding", "gzip");
}

void add_cors_headers(const HttpOptions& http, const Request& request, Response& response, bool preflight) {
    if (http.cors_origin.empty()) return;
    const auto origin = request.header("Origin");
    const bool any = http.cors_origin == "*";
    if (!any) {
        response.set_header("Vary", response.header("Vary") ? *response.header("Vary") + ", Origin"
                                                            : std::string("Origin"));
    }
    if (!origin || (!any && *origin != http.cors_origin)) return;
    response.set_header("Access-Control-Allow-Origin", any ? "*" : http.cors_origin);
    if (preflight) {
        response.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        response.set_header("Access-Control-Allow-Headers",
                            "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since");
        response.set_header("Access-Control-Max-Age", "600");
    } else {
        response.set_header("Access-Control-Expose-Headers", "ETag, Last-Modified, X-Cache");
    }
}

} // namespace hemeroteca::search::server
