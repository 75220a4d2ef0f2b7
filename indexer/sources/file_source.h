// Input files -> pipeline jobs. HTML pages (.html, .htm, also .gz), JSON
// Lines (.jsonl, also .gz: one job per line) and WARC files (.warc, .warc.gz:
// one job per archived HTML page). Reading is sequential; the extraction of
// each job happens in the workers.
#pragma once

#include "pipeline/bounded_queue.h"
#include "pipeline/jobs.h"
#include "sources/input_walk.h"

#include <atomic>
#include <functional>

namespace hemeroteca::indexer {

struct SourceSink {
    BoundedQueue<Job>& jobs;
    BoundedQueue<Result>& results;           // for what the source itself skips or fails
    std::atomic<std::uintmax_t>& bytes_read; // input bytes read (the progress bar)
    std::function<bool()> stop;              // polled between jobs
};

// Reads `in` (entry `file` of the run's file table) and queues its jobs, then
// a file_done result with their number, unless stopped in the middle. Errors
// reading the file become a failed result.
void feed_file(const Input& in, std::size_t file, const std::string& page_url, SourceSink& sink);

} // namespace hemeroteca::indexer
