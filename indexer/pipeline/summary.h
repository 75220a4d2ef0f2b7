// Counting what a run did, reporting failures as they happen, and the summary.
#pragma once

#include "pipeline/index_writer.h"
#include "pipeline/progress.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

namespace hemeroteca::indexer {

struct Counts {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0; // not articles (front pages, empty shells, non-HTML responses)
    std::size_t failed = 0;
    std::size_t removed = 0; // --prune: articles of files that are gone
    std::size_t cut = 0;     // articles whose text was cut to the limits (indexed all the same)
};

class Reporter {
public:
    Reporter(std::FILE* out, bool verbose, bool quiet, Progress* progress = nullptr) :
        out_(out), verbose_(verbose), quiet_(quiet), progress_(progress) {}

    void written(const std::string& where, WriteOutcome outcome);
    void skipped(const std::string& where, const std::string& reason);
    // A file not read again because it has not changed since the last run.
    void unchanged_file(const std::string& where, std::size_t articles, std::size_t skipped);
    // "error: path:line: reason" — always printed, even with --quiet.
    void failed(const std::string& where, const std::string& reason);
    void removed(std::size_t articles) { counts_.removed += articles; }
    // An article indexed with its text cut to the limits (said with --verbose, counted in the summary).
    void cut(const std::string& where, const std::string& what);
    // The one-line summary (with `signal`, it says the run was interrupted), then, when pages were
    // skipped, how many for each reason ("skipped: 3 index page, 1 front page"), also without --verbose.
    void summary(std::size_t articles_in_db, bool pruned, int signal) const;
    // A line for --verbose.
    void note(const std::string& line);

    const Counts& counts() const { return counts_; }

private:
    void print_line(const std::string& line);

    std::FILE* out_;
    bool verbose_;
    bool quiet_;
    Progress* progress_;
    Counts counts_;
    // kind of reason ("front page", "no article text", "not HTML"...) -> pages skipped for it
    std::map<std::string, std::size_t> skipped_by_reason_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

} // namespace hemeroteca::indexer
