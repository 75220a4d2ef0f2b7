#include "pipeline/writer_loop.h"

#include <iostream>
#include <stdexcept>

namespace hemeroteca::indexer {

WriterLoop::WriterLoop(IndexWriter* writer, Reporter& reporter, Progress& progress,
                       std::vector<FileTally>& files, const std::atomic<std::uintmax_t>& bytes_read,
                       std::uintmax_t total_bytes) :
    writer_(writer),
    reporter_(reporter), progress_(progress), files_(files), bytes_read_(bytes_read),
    total_bytes_(total_bytes) {}

void WriterLoop::run(BoundedQueue<Result>& results) {
    while (true) {
        bool timed_out = false;
        auto r = results.pop_for(std::chrono::milliseconds(200), timed_out);
        if (!r && !timed_out) break;
        if (r) handle(std::move(*r));
        progress_.update({articles_, bytes_read_.load(std::memory_order_relaxed), total_bytes_});
    }
}

void WriterLoop::handle(Result&& r) {
    switch (r.kind) {
    case Result::Kind::article:
        try {
            reporter_.written(r.where, writer_->write(r.id, r.hash, r.origin, std::move(r.doc), r.bytes));
        } catch (const std::invalid_argument& e) { // refused (no id): that article fails, not the run
            r.kind = Result::Kind::failed;
            reporter_.failed(r.where, e.what());
            break;
        }
        if (!r.reason.empty()) reporter_.cut(r.where, r.reason);
        ++articles_;
        break;
    case Result::Kind::printed:
        std::cout << r.text;
        ++articles_;
        break;
    case Result::Kind::skipped: reporter_.skipped(r.where, r.reason); break;
    case Result::Kind::failed: reporter_.failed(r.where, r.reason); break;
    case Result::Kind::file_unchanged: {
        const FileState& s = files_.at(r.file).state;
        reporter_.unchanged_file(r.where, s.articles, s.skipped);
        articles_ += s.articles;
        return;
    }
    case Result::Kind::file_done:
        files_.at(r.file).source_done = true;
        files_.at(r.file).expected = r.jobs;
        maybe_record(r.file);
        return;
    }
    count_for_file(r);
}

void WriterLoop::count_for_file(const Result& r) {
    if (r.file == no_file) return;
    FileTally& f = files_.at(r.file);
    ++f.done;
    if (r.kind == Result::Kind::failed)
        ++f.failed;
    else if (r.kind == Result::Kind::skipped)
        ++f.state.skipped;
    else
        ++f.state.articles;
    maybe_record(r.file);
}

// Written after all of the file's articles, so any commit that holds the
// state also holds every article (a crash before it means re-reading the file).
void WriterLoop::maybe_record(std::size_t file) {
    FileTally& f = files_.at(file);
    if (!writer_ || !f.source_done || f.done < f.expected || f.failed > 0) return;
    writer_->record_file(f.state);
}

} // namespace hemeroteca::indexer
