#include "pipeline/shard_writers.h"

#include "pipeline/index_writer.h"
#include "pipeline/shards.h"

#include <filesystem>

namespace hemeroteca::indexer {

Xapian::WritableDatabase open_writable(const std::string& path) {
    // Xapian creates the database's own folder, not the ones above it.
    std::error_code ec;
    if (const auto parent = std::filesystem::path(path).parent_path(); !parent.empty())
        std::filesystem::create_directories(parent, ec);
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
        // Xapian says "already locked" only when another writer holds the lock; a
        // read-only database or folder fails to lock for another reason.
        if (e.get_msg().find("already locked") != std::string::npos)
            throw DatabaseError("the database " + path + " is locked by another indexer");
        throw DatabaseError("cannot write to the database " + path + " (read-only?): " + e.get_msg() +
                            (e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : ""));
    } catch (const Xapian::DatabaseVersionError& e) {
        throw DatabaseError("the database " + path +
                            " was written by an incompatible version: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot open the database " + path + ": " + e.get_msg());
    }
}

namespace {

// Xapian's default for a writable remote database is to wait forever: a shard
// that stops answering would stall its writer thread, and the run with it. Five
// minutes leaves room for a commit of a large shard; past it the run fails
// with NetworkTimeoutError's one line, the file states uncommitted.
constexpr useconds_t remote_timeout_ms = 300'000;
constexpr useconds_t remote_connect_timeout_ms = 10'000;

Xapian::WritableDatabase open_remote(const ShardLine& line) {
    const std::string where = line.host + ":" + std::to_string(line.port);
    try {
        return Xapian::Remote::open_writable(line.host, line.port, remote_timeout_ms,
                                             remote_connect_timeout_ms);
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot write to the remote shard " + where +
                            " (is xapian-tcpsrv --writable running there?): " + e.get_msg());
    }
}

} // namespace

ShardWriters::ShardWriters(const std::string& path) {
    const std::vector<ShardLine> lines = shard_lines(path);
    if (lines.size() == 1 && lines.front().kind == ShardLine::Kind::local) {
        shards_.push_back(std::make_unique<Shard>(open_writable(lines.front().path)));
        return; // written in the caller's thread
    }
    for (const ShardLine& line : lines)
        shards_.push_back(std::make_unique<Shard>(
            line.kind == ShardLine::Kind::local ? open_writable(line.path) : open_remote(line)));
    for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { loop(*s); });
}

ShardWriters::~ShardWriters() {
    for (auto& shard : shards_) shard->queue.close();
    for (auto& shard : shards_)
        if (shard->thread.joinable()) shard->thread.join();
}

void ShardWriters::loop(Shard& shard) {
    while (auto job = shard.queue.pop()) {
        if (job->task && !failed_.load(std::memory_order_acquire)) {
            try {
                job->task(shard.db);
            } catch (...) {
                std::lock_guard lock(error_mutex_);
                if (!error_) error_ = std::current_exception();
                failed_.store(true, std::memory_order_release);
            }
        }
        // After an error the shard's other tasks are dropped, but a barrier is
        // always answered (the caller then rethrows the error).
        if (job->done) job->done->set_value();
    }
}

void ShardWriters::rethrow() {
    if (!failed_.load(std::memory_order_acquire)) return;
    std::lock_guard lock(error_mutex_);
    std::rethrow_exception(error_);
}

void ShardWriters::run(unsigned shard, Task task) {
    Shard& s = *shards_.at(shard);
    if (!s.thread.joinable()) {
        task(s.db);
        return;
    }
    rethrow();
    s.queue.push(Job{std::move(task), nullptr});
}

void ShardWriters::replace(Xapian::docid did, Xapian::Document&& doc) {
    const unsigned n = size();
    const unsigned shard = (did - 1) % n;
    const Xapian::docid local = (did - 1) / n + 1;
    run(shard,
        [local, doc = std::move(doc)](Xapian::WritableDatabase& db) { db.replace_document(local, doc); });
}

void ShardWriters::set_metadata(const std::string& key, const std::string& value) {
    run(0, [key, value](Xapian::WritableDatabase& db) { db.set_metadata(key, value); });
}

void ShardWriters::delete_documents(const std::string& term) {
    for (unsigned s = 0; s < size(); ++s)
        run(s, [term](Xapian::WritableDatabase& db) { db.delete_document(term); });
}

void ShardWriters::barrier(const std::vector<unsigned>& shards) {
    std::vector<std::future<void>> done;
    for (const unsigned s : shards) {
        if (!shards_[s]->thread.joinable()) continue;
        auto promise = std::make_shared<std::promise<void>>();
        done.push_back(promise->get_future());
        shards_[s]->queue.push(Job{{}, std::move(promise)});
    }
    for (auto& d : done) d.wait();
    rethrow();
}

void ShardWriters::wait() {
    std::vector<unsigned> all(size());
    for (unsigned s = 0; s < size(); ++s) all[s] = s;
    barrier(all);
}

void ShardWriters::commit() {
    const auto commit = [](Xapian::WritableDatabase& db) { db.commit(); };
    std::vector<unsigned> others;
    for (unsigned s = 1; s < size(); ++s) {
        run(s, commit);
        others.push_back(s);
    }
    barrier(others);
    run(0, commit);
    barrier({0});
}

Xapian::Document detached(const Xapian::Document& doc) {
    Xapian::Document copy;
    copy.set_data(doc.get_data());
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) copy.add_value(v.get_valueno(), *v);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) copy.add_posting(term, *p, 0);
        copy.add_term(term, t.get_wdf()); // the wdf as it was (boolean terms: 0)
    }
    return copy;
}

} // namespace hemeroteca::indexer
