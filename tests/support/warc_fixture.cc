#include "support/warc_fixture.h"

#include <zlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hemeroteca::test {

std::string gzip_bytes(std::string_view data) {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate failed");
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    return out;
}

std::string gunzip_all(std::string_view data) {
    std::string out;
    z_stream z{};
    inflateInit2(&z, 15 + 32);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    char buf[65536];
    while (z.avail_in > 0) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        const int rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
        if (rc == Z_STREAM_END)
            inflateReset(&z);
        else if (rc != Z_OK)
            break;
    }
    inflateEnd(&z);
    return out;
}

WarcFixture& WarcFixture::record(std::string_view type, std::string_view uri, std::string_view content_type,
                                 std::string_view block, std::string_view version, std::string_view extra) {
    const std::string serial = std::to_string(++records_);
    std::ostringstream r;
    r << version << "\r\nWARC-Type: " << type << "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-"
      << std::string(12 - serial.size(), '0') << serial << ">\r\nWARC-Date: 2025-03-02T10:00:00Z\r\n";
    if (!uri.empty()) r << "WARC-Target-URI: " << uri << "\r\n";
    r << extra << "Content-Type: " << content_type << "\r\nContent-Length: " << block.size() << "\r\n\r\n"
      << block << "\r\n\r\n";
    plain_ += r.str();
    members_ += gzip_bytes(r.str());
    return *this;
}

WarcFixture& WarcFixture::response(std::string_view uri, int status, std::string_view http_content_type,
                                   std::string_view body, std::string_view version) {
    std::ostringstream http;
    http << "HTTP/1.1 " << status << (status == 200 ? " OK" : " Not Found")
         << "\r\nContent-Type: " << http_content_type << "\r\nContent-Length: " << body.size()
         << "\r\nServer: test\r\n\r\n"
         << body;
    return record("response", uri, "application/http; msgtype=response", http.str(), version);
}

WarcFixture& WarcFixture::revisit(std::string_view uri, std::string_view body) {
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + std::string(body);
    return record("revisit", uri, "application/http; msgtype=response", http, "WARC/1.1",
                  "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n"
                  "WARC-Refers-To-Target-URI: " +
                      std::string(uri) + "\r\n");
}

void WarcFixture::write(const std::filesystem::path& path, bool gzip) const {
    write_file(path, gzip ? members_ : plain_);
}

void write_file(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

std::string slurp_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace hemeroteca::test
