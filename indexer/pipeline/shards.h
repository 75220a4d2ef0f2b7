// Sharded databases, on Xapian's own multi-database support: a folder holding
// N databases (shard-00, shard-01, ...) and the stub file XAPIANDB (one
// `auto shard-NN` line each), through which Xapian opens the folder as one
// database, for writing (the indexer) and for reading (the searcher). A stub's
// lines may also be `remote HOST:PORT` (shards served by xapian-tcpsrv).
// Xapian places document d in shard (d - 1) % N; metadata goes to the first
// shard and is read from it; spelling data to a database beside the stub
// (database_layout.h).
#pragma once

#include "database_layout.h"

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <string_view>
#include <string>
#include <vector>

namespace hemeroteca::indexer {

class ShardWriters;

// One line of a stub file.
struct ShardLine {
    enum class Kind { local, remote } kind = Kind::local;
    std::string path;  // local: absolute path of the shard
    std::string host;  // remote
    unsigned port = 0; // remote
    bool writable = false;
};

// The shards of the database at `path`: its stub's lines, or the database
// itself (or a path where none exists yet) as one local shard. Throws
// DatabaseError on an unreadable stub.
std::vector<ShardLine> shard_lines(const std::filesystem::path& path);

// --shards N: creates `dir` with `count` empty shards and its stub when it does
// not exist; accepts an existing sharded folder of `count` shards. Throws
// DatabaseError otherwise (a single database, another count).
void prepare_shards(const std::filesystem::path& dir, unsigned count);

// Where a new document goes in a database of N shards: the shard of its copy
// cluster (hash of the cluster key mod N), so that every copy of a story is in
// one shard (the remote backend collapses copies within each shard), at the
// first docid of that shard above every docid in use when the writer opened.
// Docids left unused in a shard are harmless holes.
class ShardRouter {
public:
    ShardRouter(unsigned shards, Xapian::docid last_docid);
    unsigned shards() const { return static_cast<unsigned>(next_.size()); }
    Xapian::docid next(std::string_view cluster);

private:
    std::vector<Xapian::docid> next_; // per shard
};

// --split-from: copies every document of `from` into `to` (placed by `router`,
// so docids change), then its metadata (file states: a re-run reads nothing
// again), and its spelling data into `spelling` (`to` itself, or the spelling
// database beside a stub). Commits every `batch` documents. When `stop()`
// says so it stops, commits what it copied and leaves the metadata out (a
// re-run then reads every input again, and replaces rather than duplicates).
// Returns the documents copied.
std::size_t copy_database(const std::string& from, ShardWriters& to, Xapian::WritableDatabase& spelling,
                          ShardRouter& router, std::size_t batch, const std::function<bool()>& stop);

} // namespace hemeroteca::indexer
