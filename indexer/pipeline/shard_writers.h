// The writable side of a database: one Xapian::WritableDatabase per shard (a
// single database is one shard; a stub's `auto PATH` and `remote HOST:PORT`
// lines are opened one by one), each written by a thread of its own when
// there are several. Xapian's work per document (the inverted buffers, the
// compression, the commit's flush) was the one writer thread's, and it capped
// indexing at one core (issue #15); with a thread per shard it runs on every
// core. A single database is written in the caller's thread, as before.
//
// Placement follows Xapian's multi-database: the database's docid d is docid
// (d - 1) / N + 1 of shard (d - 1) % N. Tasks queued to one shard run in the
// order they were queued; nothing orders tasks of different shards but
// wait() and commit().
#pragma once

#include "pipeline/bounded_queue.h"

#include <xapian.h>

#include <atomic>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hemeroteca::indexer {

class ShardWriters {
public:
    using Task = std::function<void(Xapian::WritableDatabase&)>;

    // Opens every shard of the database at `path` for writing, creating a
    // single database when missing. Throws DatabaseError (locked, read-only...).
    explicit ShardWriters(const std::string& path);
    ~ShardWriters(); // waits for what is queued; errors then are lost (commit() reports them)
    ShardWriters(const ShardWriters&) = delete;
    ShardWriters& operator=(const ShardWriters&) = delete;

    unsigned size() const { return static_cast<unsigned>(shards_.size()); }

    // Runs `task` on shard `shard`'s database: now for a single database,
    // else in that shard's thread (waiting while its queue is full). Rethrows
    // an earlier error of any shard.
    void run(unsigned shard, Task task);
    // Stores `doc` (which must not refer to another database: see detached())
    // as the database's document `did`.
    void replace(Xapian::docid did, Xapian::Document&& doc);
    // Metadata lives in the first shard (where Xapian reads it from a stub).
    void set_metadata(const std::string& key, const std::string& value);
    // Deletes every document carrying `term`, in every shard.
    void delete_documents(const std::string& term);
    // Waits for every queued task, then commits every shard, the first one
    // last: it holds the file states, which promise that every article of
    // their file is committed. Rethrows the first error of any shard.
    void commit();
    // Waits for every queued task; rethrows the first error of any shard.
    void wait();

private:
    struct Job {
        Task task;
        std::shared_ptr<std::promise<void>> done; // set when a barrier
    };
    struct Shard {
        explicit Shard(Xapian::WritableDatabase database) : db(std::move(database)) {}
        Xapian::WritableDatabase db;
        BoundedQueue<Job> queue{256};
        std::thread thread;
    };
    void loop(Shard& shard);
    void barrier(const std::vector<unsigned>& shards);
    void rethrow();

    std::vector<std::unique_ptr<Shard>> shards_;
    std::mutex error_mutex_;
    std::exception_ptr error_;
    std::atomic<bool> failed_{false};
};

// Opens (or creates) the local database at `path` for writing. Throws
// DatabaseError with a one-line reason (locked by another indexer, read-only...).
Xapian::WritableDatabase open_writable(const std::string& path);

// A copy of `doc` that holds its data, values, terms and positions itself:
// a document read from a database refers to it, and must not cross threads.
Xapian::Document detached(const Xapian::Document& doc);

} // namespace hemeroteca::indexer
