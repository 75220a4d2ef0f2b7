#include "sources/input_stream.h"

#include "sources/read_file.h"

#include <cerrno>
#include <cstring>

namespace hemeroteca::indexer {

namespace {
constexpr std::size_t read_chunk = 256 * 1024;
}

InputStream::InputStream(const std::filesystem::path& path) : file_(std::fopen(path.c_str(), "rb")) {
    if (!file_) throw InputError(std::string("cannot open: ") + std::strerror(errno));
    const int c1 = std::fgetc(file_);
    const int c2 = c1 == EOF ? EOF : std::fgetc(file_);
    std::rewind(file_);
    if (c1 == 0x1f && c2 == 0x8b) decoder_ = std::make_unique<GzipDecoder>();
}

InputStream::~InputStream() {
    if (file_) std::fclose(file_);
}

bool InputStream::fill() {
    if (eof_) return false;
    if (pos_ > 0) {
        buf_.erase(0, pos_);
        pos_ = 0;
    }
    std::string raw(read_chunk, '\0');
    const std::size_t got = std::fread(raw.data(), 1, raw.size(), file_);
    if (std::ferror(file_)) throw InputError("read error");
    file_pos_ += got;
    raw.resize(got);
    if (got == 0) {
        eof_ = true;
        if (decoder_ && !decoder_->at_member_end()) throw InputError("truncated gzip data");
        return false;
    }
    if (decoder_)
        decoder_->feed(raw, buf_);
    else
        buf_ += raw;
    return true;
}

void InputStream::skip_line() {
    while (true) {
        const auto nl = buf_.find('\n', pos_);
        if (nl != std::string::npos) {
            pos_ = nl + 1;
            return;
        }
        pos_ = buf_.size(); // drop what was read of it: memory stays flat
        if (!fill()) return;
    }
}

bool InputStream::read_line(std::string& line, bool* too_long) {
    line.clear();
    if (too_long) *too_long = false;
    while (true) {
        const auto nl = buf_.find('\n', pos_);
        if (nl != std::string::npos && nl - pos_ <= max_page_bytes) {
            line.assign(buf_, pos_, nl - pos_);
            pos_ = nl + 1;
            break;
        }
        if (buf_.size() - pos_ > max_page_bytes) { // with or without its newline yet
            if (!too_long) throw InputError("line too long");
            *too_long = true;
            skip_line();
            return true;
        }
        if (!fill()) {
            if (pos_ >= buf_.size()) return false;
            line.assign(buf_, pos_, std::string::npos);
            pos_ = buf_.size();
            break;
        }
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

std::size_t InputStream::read(std::size_t n, std::string& out) {
    std::size_t done = 0;
    while (done < n) {
        if (pos_ >= buf_.size() && !fill()) break;
        const std::size_t take = std::min(n - done, buf_.size() - pos_);
        out.append(buf_, pos_, take);
        pos_ += take;
        done += take;
    }
    return done;
}

} // namespace hemeroteca::indexer
