#include "sources/gzip.h"

#include "sources/read_file.h"

#include <cstring>

namespace hemeroteca::indexer {

namespace {

constexpr std::size_t chunk = 64 * 1024;

// windowBits: 15 + 32 detects gzip or zlib headers; -15 is raw deflate.
std::string inflate_all(std::string_view data, std::size_t max_bytes, int window_bits) {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) throw InputError("cannot initialise zlib");
    std::string out;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (true) {
        const std::size_t old = out.size();
        out.resize(old + chunk);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
        z.avail_out = static_cast<uInt>(chunk);
        rc = inflate(&z, Z_NO_FLUSH);
        out.resize(old + chunk - z.avail_out);
        if (out.size() > max_bytes) {
            inflateEnd(&z);
            throw InputError("decompressed data over " + std::to_string(max_bytes >> 20) + " MiB");
        }
        if (rc == Z_STREAM_END) {
            // Another gzip member may follow (concatenated gzip).
            if (z.avail_in >= 2 && has_gzip_magic({reinterpret_cast<const char*>(z.next_in), 2})) {
                inflateReset(&z);
                continue;
            }
            break;
        }
        if (rc != Z_OK && !(rc == Z_BUF_ERROR && z.avail_in > 0)) break;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw InputError(std::string("corrupt compressed data (") + (z.msg ? z.msg : "truncated") + ")");
    return out;
}

} // namespace

bool has_gzip_magic(std::string_view b) {
    return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
           static_cast<unsigned char>(b[1]) == 0x8b;
}

std::string gunzip(std::string_view data, std::size_t max_bytes) {
    if (has_gzip_magic(data)) return inflate_all(data, max_bytes, 15 + 32);
    // HTTP "deflate" is meant to be zlib but some servers send raw deflate.
    const bool zlib_header =
        data.size() >= 2 && (static_cast<unsigned char>(data[0]) & 0x0f) == 8 &&
        ((static_cast<unsigned char>(data[0]) << 8) | static_cast<unsigned char>(data[1])) % 31 == 0;
    return inflate_all(data, max_bytes, zlib_header ? 15 : -15);
}

std::string gzip_member(std::string_view data) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("cannot initialise zlib");
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("gzip compression failed");
    return out;
}

GzipDecoder::GzipDecoder() {
    if (inflateInit2(&z_, 15 + 16) != Z_OK) throw InputError("cannot initialise zlib");
}

GzipDecoder::~GzipDecoder() { inflateEnd(&z_); }

void GzipDecoder::feed(std::string_view in, std::string& out) {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    while (z_.avail_in > 0) {
        if (member_end_) {
            inflateReset(&z_);
            member_end_ = false;
        }
        const std::size_t old = out.size();
        out.resize(old + chunk);
        z_.next_out = reinterpret_cast<Bytef*>(out.data() + old);
        z_.avail_out = static_cast<uInt>(chunk);
        const int rc = inflate(&z_, Z_NO_FLUSH);
        out.resize(old + chunk - z_.avail_out);
        if (rc == Z_STREAM_END) {
            member_end_ = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            throw InputError(std::string("corrupt gzip data (") + (z_.msg ? z_.msg : "unknown") + ")");
        }
    }
}

} // namespace hemeroteca::indexer
