#include "sources/warc_writer.h"

#include "util/strings.h"

#include "sources/gzip.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <random>
#include <stdexcept>

namespace hemeroteca::indexer {

namespace {

std::string uuid_urn() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    const std::uint64_t a = rng(), b = rng();
    char buf[64];
    std::snprintf(buf, sizeof buf, "<urn:uuid:%08x-%04x-4%03x-%04x-%012llx>", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0x0fff),
                  static_cast<unsigned>(((b >> 48) & 0x3fff) | 0x8000),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return buf;
}

} // namespace

std::string warc_date_now() { return util::utc_now_iso(); }

WarcWriter::WarcWriter(const std::filesystem::path& path, std::string_view software) :
    file_(std::fopen(path.c_str(), "ab")), gzip_(path.extension() == ".gz") {
    if (!file_) throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
    const std::string info = "software: " + std::string(software) + "\r\nformat: WARC File Format 1.1\r\n";
    write_record("warcinfo", {}, "application/warc-fields", info);
}

WarcWriter::~WarcWriter() {
    if (file_) std::fclose(file_);
}

void WarcWriter::write_response(std::string_view target_uri, std::string_view http) {
    write_record("response", target_uri, "application/http;msgtype=response", http);
}

void WarcWriter::write_record(std::string_view type, std::string_view target_uri,
                              std::string_view content_type, std::string_view block) {
    std::string record = "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\nWARC-Record-ID: " + uuid_urn() +
                         "\r\nWARC-Date: " + warc_date_now() + "\r\n";
    if (!target_uri.empty()) record += "WARC-Target-URI: " + std::string(target_uri) + "\r\n";
    record += "Content-Type: " + std::string(content_type) +
              "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    record += block;
    record += "\r\n\r\n";
    if (gzip_) record = gzip_member(record);
    if (std::fwrite(record.data(), 1, record.size(), file_) != record.size() || std::fflush(file_) != 0)
        throw std::runtime_error(std::string("cannot write the WARC file: ") + std::strerror(errno));
}

} // namespace hemeroteca::indexer
