// The writer thread: takes Results from the workers and the sources, stores
// articles through the one IndexWriter (or prints them with --dry-run),
// reports, draws the progress bar, and remembers each input file once all of
// its results are stored without error (so a re-run can skip it).
#pragma once

#include "pipeline/bounded_queue.h"
#include "pipeline/file_state.h"
#include "pipeline/index_writer.h"
#include "pipeline/jobs.h"
#include "pipeline/progress.h"
#include "pipeline/summary.h"

#include <atomic>
#include <vector>

namespace hemeroteca::indexer {

// One input file of the run, as the writer tallies it.
struct FileTally {
    FileState state;
    std::size_t expected = 0; // results the source produced (known at file_done)
    std::size_t done = 0;
    std::size_t failed = 0;
    bool source_done = false;
};

class WriterLoop {
public:
    // `writer` is null with --dry-run. `bytes_read` and `total_bytes` feed the progress bar.
    WriterLoop(IndexWriter* writer, Reporter& reporter, Progress& progress, std::vector<FileTally>& files,
               const std::atomic<std::uintmax_t>& bytes_read, std::uintmax_t total_bytes);

    // Runs until `results` is closed and drained.
    void run(BoundedQueue<Result>& results);

private:
    void handle(Result&& r);
    void count_for_file(const Result& r);
    void maybe_record(std::size_t file);

    IndexWriter* writer_;
    Reporter& reporter_;
    Progress& progress_;
    std::vector<FileTally>& files_;
    const std::atomic<std::uintmax_t>& bytes_read_;
    std::uintmax_t total_bytes_;
    std::size_t articles_ = 0;
};

} // namespace hemeroteca::indexer
