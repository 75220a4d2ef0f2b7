// Counting what a run did, reporting failures as they happen, and the summary.
#pragma once

#include "pipeline/index_writer.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace hemeroteca::indexer {

struct Counts {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0; // not articles (front pages, empty shells)
    std::size_t failed = 0;
};

class Reporter {
public:
    Reporter(std::FILE* out, bool verbose, bool quiet) : out_(out), verbose_(verbose), quiet_(quiet) {}

    void written(const std::string& where, WriteOutcome outcome);
    void skipped(const std::string& where, const std::string& reason);
    // "error: path:line: reason" — always printed, even with --quiet.
    void failed(const std::string& where, const std::string& reason);
    void summary(std::size_t articles_in_db) const;

    const Counts& counts() const { return counts_; }

private:
    std::FILE* out_;
    bool verbose_;
    bool quiet_;
    Counts counts_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

} // namespace hemeroteca::indexer
