#include "run.h"

#include "pipeline/bounded_queue.h"
#include "pipeline/index_writer.h"
#include "pipeline/shards.h"
#include "pipeline/signals.h"
#include "pipeline/summary.h"
#include "pipeline/workers.h"
#include "pipeline/writer_loop.h"
#include "sources/fetch/fetch_source.h"
#include "sources/file_source.h"
#include "sources/input_walk.h"

#include <atomic>
#include <cstdio>
#include <exception>
#include <memory>
#include <thread>

namespace hemeroteca::indexer {

namespace {

std::size_t worker_count(const IndexOptions& o) {
    if (o.dry_run) return 1; // keeps the printed order the input order
    if (o.jobs > 0) return o.jobs;
    return std::max(1u, std::thread::hardware_concurrency());
}

WorkerOptions worker_options(const IndexOptions& o) {
    WorkerOptions w;
    w.extract.url = o.url;
    w.extract.keep_non_articles = o.keep_non_articles;
    w.extract.explain = o.explain;
    w.jsonl.field_map = field_map(o);
    w.jsonl.keep_non_articles = o.keep_non_articles;
    w.limits.max_text_bytes = o.max_text_kb << 10;
    w.limits.max_distinct_words = o.max_words;
    w.dry_run = o.dry_run;
    w.json = o.json;
    return w;
}

// The run's input files with their current state; the ones that cannot be
// examined are reported and dropped.
std::vector<Input> examine_files(const IndexOptions& o, Reporter& reporter, std::vector<FileTally>& files,
                                 std::uintmax_t& total_bytes) {
    auto inputs = walk_inputs(
        o.inputs, [&](const std::string& path, const std::string& reason) { reporter.failed(path, reason); });
    const std::string digest = options_digest(o);
    std::vector<Input> kept;
    for (const auto& in : inputs) {
        try {
            FileTally t;
            t.state = current_file_state(in.path, digest);
            total_bytes += t.state.size;
            files.push_back(std::move(t));
            kept.push_back(in);
        } catch (const std::exception& e) {
            reporter.failed(in.path.string(), e.what());
        }
    }
    return kept;
}

// The sources, on the calling thread: input files (unchanged ones only
// counted), then fetched pages.
void read_sources(const IndexOptions& options, const std::vector<Input>& inputs,
                  std::vector<FileTally>& files, const std::map<std::string, FileState>& known,
                  Reporter& reporter, SourceSink& sink) {
    for (std::size_t i = 0; i < inputs.size() && !sink.stop(); ++i) {
        const auto it = known.find(files[i].state.path);
        if (it != known.end() && it->second.same_file(files[i].state)) {
            files[i].state = it->second;
            Result r;
            r.kind = Result::Kind::file_unchanged;
            r.file = i;
            r.where = inputs[i].path.string();
            sink.bytes_read += files[i].state.size;
            sink.results.push(std::move(r));
            continue;
        }
        if (options.verbose) reporter.note(inputs[i].path.string() + ": reading");
        feed_file(inputs[i], i, options.url, sink);
    }
    if (options.fetch.enabled() && !sink.stop()) fetch_pages(options.fetch, sink);
}

} // namespace

int run_index(const IndexOptions& options) {
    install_stop_handlers();
    Progress progress(stderr, is_terminal(stderr) && !options.quiet && !options.verbose && !options.dry_run);
    Reporter reporter(stderr, options.verbose, options.quiet, &progress);

    std::unique_ptr<IndexWriter> writer;
    if (!options.dry_run) {
        if (options.shards > 0) prepare_shards(options.db, options.shards);
        writer = std::make_unique<IndexWriter>(options.db,
                                               CommitPolicy{options.commit_every, options.commit_mb << 20});
        if (!options.split_from.empty()) {
            const std::size_t copied =
                writer->copy_from(options.split_from, [] { return stop_signal() != 0; });
            if (!options.quiet)
                std::fprintf(stderr, "%zu articles copied from %s into %u shards\n", copied,
                             options.split_from.c_str(), writer->shards());
        }
    }
    std::vector<FileTally> files;
    std::uintmax_t total_bytes = 0;
    const std::vector<Input> inputs = examine_files(options, reporter, files, total_bytes);
    const auto known = writer ? writer->file_states() : std::map<std::string, FileState>{};
    if (options.fetch.enabled()) total_bytes = 0; // the size of what will be fetched is unknown

    const std::size_t threads = worker_count(options);
    BoundedQueue<Job> jobs(threads * 4);
    // Room for the documents the workers build while the writer commits (a
    // flush takes a few hundred ms): with a short queue they stood idle.
    BoundedQueue<Result> results(threads * 4 + 128);
    std::atomic<std::uintmax_t> bytes_read{0};
    std::atomic<bool> writer_failed{false};
    std::exception_ptr writer_error;

    const WorkerOptions wopts = worker_options(options);
    Workers workers(threads, wopts, jobs, results);
    std::thread writer_thread([&] {
        try {
            WriterLoop(writer.get(), reporter, progress, files, bytes_read, total_bytes).run(results);
        } catch (...) {
            writer_error = std::current_exception();
            writer_failed = true;
            results.close(); // the workers' pushes fail from now on, so nothing blocks
        }
    });

    SourceSink sink{jobs, results, bytes_read, [&] { return stop_signal() != 0 || writer_failed.load(); }};
    std::exception_ptr source_error;
    try {
        read_sources(options, inputs, files, known, reporter, sink);
    } catch (...) {
        source_error = std::current_exception(); // rethrown once the threads are stopped
    }

    jobs.close();
    workers.join();
    results.close();
    writer_thread.join();
    if (writer_error) std::rethrow_exception(writer_error);
    if (source_error) std::rethrow_exception(source_error);

    const int signal = stop_signal();
    const bool prune = options.prune && writer && signal == 0;
    if (prune) reporter.removed(writer->prune_missing_files());
    if (writer) {
        writer->finish(); // commit, then the spelling dictionary
        reporter.summary(writer->doc_count(), prune, signal);
    }
    if (signal != 0) return exit_interrupted;
    return reporter.counts().failed > 0 ? exit_some_failed : exit_ok;
}

} // namespace hemeroteca::indexer
