#include "pipeline/summary.h"

namespace hemeroteca::indexer {

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
    if (verbose_) std::fprintf(out_, "%s: %s\n", where.c_str(), what);
}

void Reporter::skipped(const std::string& where, const std::string& reason) {
    ++counts_.skipped;
    if (verbose_) std::fprintf(out_, "%s: skipped: %s\n", where.c_str(), reason.c_str());
}

void Reporter::failed(const std::string& where, const std::string& reason) {
    ++counts_.failed;
    std::fprintf(out_, "error: %s: %s\n", where.c_str(), reason.c_str());
}

void Reporter::summary(std::size_t articles_in_db) const {
    if (quiet_) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(out_,
                 "%zu indexed, %zu updated, %zu unchanged, %zu skipped, %zu failed in %.2f s (%zu articles "
                 "in the database)\n",
                 counts_.added, counts_.updated, counts_.unchanged, counts_.skipped, counts_.failed, seconds,
                 articles_in_db);
}

} // namespace hemeroteca::indexer
