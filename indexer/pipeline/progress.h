// The progress bar on a terminal: articles, articles/s, MB/s of input and,
// when the total is known, a bar and an ETA. Drawn on one line with "\r",
// at most a few times a second; nothing at all when disabled (not a TTY,
// --quiet, --verbose).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace hemeroteca::indexer {

struct ProgressSnapshot {
    std::size_t articles = 0;       // written (added, updated, unchanged)
    std::uintmax_t bytes = 0;       // input bytes read
    std::uintmax_t total_bytes = 0; // 0 when unknown
};

// One line of progress (without "\r"), e.g.
// "[#####.....]  52%  1,204 articles  310/s  14.2 MB/s  ETA 0:21".
std::string progress_line(const ProgressSnapshot& s, double seconds, std::size_t width);

class Progress {
public:
    Progress(std::FILE* out, bool enabled) : out_(out), enabled_(enabled) {}
    ~Progress() { clear(); }

    // Redraws when enough time has passed since the last draw.
    void update(const ProgressSnapshot& s);
    // Erases the bar (before a message is printed, and at the end).
    void clear();

private:
    std::FILE* out_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

// True when `f` is a terminal.
bool is_terminal(std::FILE* f);

} // namespace hemeroteca::indexer
