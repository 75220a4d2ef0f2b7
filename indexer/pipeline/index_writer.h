// The one owner of the database's writable side (used by one thread at a
// time: the writer thread during a run), which it writes through ShardWriters
// (a thread per shard) and reads through a snapshot of the last commit plus
// what it wrote since. Idempotent writes: each article is stored under its Q
// id term; unchanged content (same digest) is not rewritten. Commits are
// explicit: every N articles or N bytes of input, and at the end, so a crash
// loses at most the batch in progress.
#pragma once

#include "dedup/near_duplicates.h"
#include "pipeline/file_state.h"
#include "pipeline/shard_writers.h"
#include "pipeline/shards.h"

#include <xapian.h>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

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
    Xapian::doccount doc_count() const { return snapshot_.get_doccount(); } // as last committed
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
    // An article written since the last commit (the snapshot does not have it yet).
    struct Written {
        Xapian::docid did;
        std::string hash;
        std::string origin;
    };
    // The document with id term `id` (committed or written since), 0 if none;
    // `unchanged` says whether it has digest `hash` and origin `origin`.
    Xapian::docid find(const std::string& id, const std::string& hash, const std::string& origin,
                       bool& unchanged) const;
    bool has_term(Xapian::docid did, const std::string& term) const;
    // Whether the document carries schema::prefix::story_copy (committed, or marked since).
    bool story_copy(Xapian::docid did) const;
    // Adds the mark to a document already written (committed, or queued to its shard).
    void mark_story_copy(Xapian::docid did);
    // The database that holds the spelling data: the one beside a stub
    // (database_layout.h), opened for this write; a single database holds its own.
    template <typename Write> void with_spelling_database(Write&& write);

    ShardWriters shards_;
    Xapian::Database snapshot_;                        // the last commit, reopened after each
    std::unordered_map<std::string, Written> written_; // by id term, since the last commit
    std::unordered_set<Xapian::docid> marked_;         // given the story_copy mark since the last commit
    CommitPolicy policy_;
    std::size_t pending_ = 0;
    std::size_t pending_bytes_ = 0;
    bool dirty_ = false; // something was committed since the last finish()
    dedup::NearDuplicateIndex near_duplicates_;
    ShardRouter router_;        // where new documents go (one shard: Xapian's next docid)
    std::string spelling_path_; // empty: the spelling data live in the database itself
};

} // namespace hemeroteca::indexer
