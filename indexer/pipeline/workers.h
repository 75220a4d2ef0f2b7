// The extraction workers: one thread per core, each with its own Analyzer and
// TermGenerator (Xapian objects are not thread-safe). A job (a page or a JSON
// line) becomes a Result holding a ready Xapian::Document, so the writer
// thread only has to store it.
#pragma once

#include "pipeline/article_limits.h"
#include "analysis/analyzer.h"
#include "extract/extractor.h"
#include "pipeline/bounded_queue.h"
#include "pipeline/jobs.h"
#include "sources/jsonl_file.h"

#include <thread>
#include <vector>

namespace hemeroteca::indexer {

struct WorkerOptions {
    extract::ExtractOptions extract; // the base options (URL of a single page, --all-pages)
    JsonlOptions jsonl;
    ArticleLimits limits; // text length and distinct words per article
    bool dry_run = false; // print instead of building documents
    bool json = false;    // with dry_run: JSON output
};

// Turns one job into its result (what each worker thread does).
class JobProcessor {
public:
    // `lemmas`: shared by the workers of one run (each word looked up once, not once a thread).
    JobProcessor(const WorkerOptions& options, std::shared_ptr<analysis::LemmaCache> lemmas);
    Result process(Job&& job);

private:
    Result page(Job& job);
    Result json_line(Job& job);
    Result finish(Job& job, Article&& article);

    const WorkerOptions& options_;
    analysis::Analyzer analyzer_;
    Xapian::TermGenerator tg_;
};

class Workers {
public:
    // Starts `threads` workers reading `in` and writing `out`.
    Workers(std::size_t threads, const WorkerOptions& options, BoundedQueue<Job>& in,
            BoundedQueue<Result>& out);
    ~Workers();
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    // Waits for the workers to drain `in` (after it is closed).
    void join();

private:
    std::vector<std::thread> threads_;
};

} // namespace hemeroteca::indexer
