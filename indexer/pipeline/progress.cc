#include "pipeline/progress.h"

#include <unistd.h>

#include <algorithm>

namespace hemeroteca::indexer {

namespace {

std::string thousands(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

std::string duration(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

} // namespace

std::string progress_line(const ProgressSnapshot& s, double seconds, std::size_t width) {
    const double secs = std::max(seconds, 1e-3);
    std::string line;
    if (s.total_bytes > 0) {
        const double frac = std::min(1.0, static_cast<double>(s.bytes) / static_cast<double>(s.total_bytes));
        const std::size_t filled = static_cast<std::size_t>(frac * static_cast<double>(width));
        line = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] ";
        char pct[8];
        std::snprintf(pct, sizeof pct, "%3d%%", static_cast<int>(frac * 100));
        line += pct;
    }
    char rates[96];
    std::snprintf(rates, sizeof rates, "  %s articles  %.0f/s  %.1f MB/s", thousands(s.articles).c_str(),
                  static_cast<double>(s.articles) / secs, static_cast<double>(s.bytes) / 1e6 / secs);
    line += rates;
    if (s.total_bytes > 0 && s.bytes > 0 && s.bytes < s.total_bytes) {
        const double eta = secs * static_cast<double>(s.total_bytes - s.bytes) / static_cast<double>(s.bytes);
        line += "  ETA " + duration(eta);
    }
    return line;
}

void Progress::update(const ProgressSnapshot& s) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::fprintf(out_, "\r\033[K%s", progress_line(s, seconds, 30).c_str());
    std::fflush(out_);
    drawn_ = true;
}

void Progress::clear() {
    if (!enabled_ || !drawn_) return;
    std::fputs("\r\033[K", out_);
    std::fflush(out_);
    drawn_ = false;
}

bool is_terminal(std::FILE* f) { return ::isatty(fileno(f)) == 1; }

} // namespace hemeroteca::indexer
