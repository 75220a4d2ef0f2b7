#include "pipeline/summary.h"

#include <csignal>
#include <cstring>

namespace hemeroteca::indexer {

void Reporter::print_line(const std::string& line) {
    if (progress_) progress_->clear();
    std::fprintf(out_, "%s\n", line.c_str());
}

void Reporter::note(const std::string& line) {
    if (verbose_) print_line(line);
}

void Reporter::written(const std::string& where, WriteOutcome outcome) {
    const char* what = "added";
    switch (outcome) {
    case WriteOutcome::added: ++counts_.added; break;
    case WriteOutcome::updated:
        ++counts_.updated;
        what = "updated";
        break;
    case WriteOutcome::unchanged:
        ++counts_.unchanged;
        what = "unchanged";
        break;
    }
    if (verbose_) print_line(where + ": " + what);
}

namespace {

// The kind of a skip reason: what comes before its details ("index page: 68 headline links" ->
// "index page", "not an article: no article text (0 characters)" -> "no article text").
std::string reason_kind(std::string_view reason) {
    if (reason.starts_with("not an article: ")) reason.remove_prefix(16); // the worker's prefix
    const std::size_t end = reason.find_first_of(":(");
    std::string kind(reason.substr(0, end));
    while (!kind.empty() && kind.back() == ' ') kind.pop_back();
    return kind.empty() ? std::string("other") : kind;
}

} // namespace

void Reporter::cut(const std::string& where, const std::string& what) {
    ++counts_.cut;
    if (verbose_) print_line(where + ": " + what);
}

void Reporter::skipped(const std::string& where, const std::string& reason) {
    ++counts_.skipped;
    ++skipped_by_reason_[reason_kind(reason)];
    if (verbose_) print_line(where + ": skipped: " + reason);
}

void Reporter::unchanged_file(const std::string& where, std::size_t articles, std::size_t skipped) {
    counts_.unchanged += articles;
    counts_.skipped += skipped;
    if (skipped) skipped_by_reason_["in unchanged files"] += skipped;
    if (verbose_)
        print_line(where + ": unchanged since the last run (" + std::to_string(articles) + " articles)");
}

void Reporter::failed(const std::string& where, const std::string& reason) {
    ++counts_.failed;
    print_line("error: " + where + ": " + reason);
}

void Reporter::summary(std::size_t articles_in_db, bool pruned, int signal) const {
    if (progress_) progress_->clear();
    if (quiet_ && signal == 0) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string removed = pruned ? ", " + std::to_string(counts_.removed) + " removed" : std::string();
    if (counts_.cut > 0) removed += ", " + std::to_string(counts_.cut) + " cut to the size limits";
    std::string stopped;
    if (signal != 0)
        stopped = std::string("interrupted by ") +
                  (signal == SIGINT    ? "SIGINT"
                   : signal == SIGTERM ? "SIGTERM"
                                       : "a signal") +
                  ": ";
    std::fprintf(out_,
                 "%s%zu indexed, %zu updated, %zu unchanged, %zu skipped, %zu failed%s in %.2f s (%zu "
                 "articles in the database)\n",
                 stopped.c_str(), counts_.added, counts_.updated, counts_.unchanged, counts_.skipped,
                 counts_.failed, removed.c_str(), seconds, articles_in_db);
    if (skipped_by_reason_.empty()) return;
    std::string by_reason;
    for (const auto& [kind, n] : skipped_by_reason_)
        by_reason += (by_reason.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
    std::fprintf(out_, "skipped: %s%s\n", by_reason.c_str(), verbose_ ? "" : " (--verbose lists them)");
}

} // namespace hemeroteca::indexer
