// The one owner of the WritableDatabase (used by one thread at a time: the
// writer thread during a run). Idempotent writes: each article is stored under
// its Q id term with replace_document(); unchanged content (same digest) is
// not rewritten. Commits are explicit: every N articles or N bytes of input,
// and at the end, so a crash loses at most the batch in progress.
#pragma once

#include "dedup/near_duplicates.h"
#include "pipeline/file_state.h"
#include "pipeline/shards.h"

#include <xapian.h>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>

namespace hemeroteca::indexer {

// The database cannot be opened for writing; what() is a one-line reason.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class WriteOutcome { added, updated, unchanged };

struct CommitPolicy {
    std::size_t articles = 2000;                // commit after this many written articles...
    std::size_t bytes = std::size_t{256} << 20; // ...or this many input bytes, whichever comes first
};

class IndexWriter {
public:
    // Creates the database when missing. Throws DatabaseError (locked, unreadable...).
    IndexWriter(const std::string& path, CommitPolicy policy);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Stores `doc` under `id` unless a document with that id has digest `hash`
    // and the same `origin` term (the input it came from).
    // `bytes` (the input it came from) counts towards the commit policy.
    WriteOutcome write(const std::string& id, const std::string& hash, const std::string& origin,
                       Xapian::Document&& doc, std::size_t bytes);
    void commit();
    // Commits and brings the spelling dictionary up to date: call at the end of a run.
    void finish();
    Xapian::doccount doc_count() const { return db_.get_doccount(); }
    unsigned shards() const { return router_.shards(); }

    // --split-from: copies the articles, file states and spelling data of the
    // database at `path` (see copy_database); returns how many articles.
    std::size_t copy_from(const std::string& path, const std::function<bool()>& stop);

    // The states of the input files indexed before, by absolute path.
    std::map<std::string, FileState> file_states() const;
    // Remembers a file indexed completely (committed with the next commit).
    void record_file(const FileState& state);
    // Deletes the articles of every remembered file that no longer exists, and
    // forgets it; returns how many articles were deleted.
    std::size_t prune_missing_files();

private:
    bool has_term(Xapian::docid did, const std::string& term) const;
    // The database that holds the spelling data: db_ itself, or the one beside
    // a stub (database_layout.h), opened for this write.
    template <typename Write> void with_spelling_database(Write&& write);

    Xapian::WritableDatabase db_;
    CommitPolicy policy_;
    std::size_t pending_ = 0;
    std::size_t pending_bytes_ = 0;
    bool dirty_ = false; // something was committed since the last finish()
    dedup::NearDuplicateIndex near_duplicates_;
    ShardRouter router_;        // where new documents go (one shard: Xapian's next docid)
    std::string spelling_path_; // empty: the spelling data live in db_
};

} // namespace hemeroteca::indexer
