#include "pipeline/index_writer.h"

#include "database_layout.h"
#include "dedup/near_duplicates.h"
#include "document.h"
#include "pipeline/spelling.h"
#include "schema.h"
#include "util/hash.h"
#include "util/strings.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <stdexcept>

namespace hemeroteca::indexer {

namespace {

Xapian::Database open_snapshot(const std::string& path) {
    try {
        return Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read the database " + path + ": " + e.get_msg());
    }
}

} // namespace

IndexWriter::IndexWriter(const std::string& path, CommitPolicy policy) :
    shards_(path), snapshot_(open_snapshot(path)), policy_(policy), near_duplicates_(snapshot_),
    router_(shards_.size(), snapshot_.get_lastdocid()),
    spelling_path_(layout::spelling_database(path).string()) {
    if (policy_.articles == 0) policy_.articles = 1;
    const std::string version = snapshot_.get_metadata(std::string(schema::metadata_schema_key));
    if (!version.empty() && version != schema::schema_version)
        throw DatabaseError("the database " + path + " has schema " + version + ", this program writes " +
                            std::string(schema::schema_version) + ": index into a new database");
    if (version.empty()) { // a new database: every story's copies will be marked
        shards_.set_metadata(std::string(schema::metadata_schema_key), std::string(schema::schema_version));
        shards_.set_metadata(std::string(schema::metadata_copies_marked_key), "1");
    }
}

IndexWriter::~IndexWriter() {
    try {
        finish();
    } catch (...) { // a destructor must not throw; the last batch is lost, earlier ones are safe
    }
}

Xapian::docid IndexWriter::find(const std::string& id, const std::string& hash, const std::string& origin,
                                bool& unchanged) const {
    if (const auto w = written_.find(id); w != written_.end()) {
        unchanged = w->second.hash == hash && (origin.empty() || w->second.origin == origin);
        return w->second.did;
    }
    const auto it = snapshot_.postlist_begin(id);
    if (it == snapshot_.postlist_end(id)) return 0;
    const Xapian::docid did = *it;
    unchanged = snapshot_.get_document(did).get_value(schema::slot(schema::Slot::content_hash)) == hash &&
                has_term(did, origin);
    return did;
}

WriteOutcome IndexWriter::write(const std::string& id, const std::string& hash, const std::string& origin,
                                Xapian::Document&& doc, std::size_t bytes) {
    // An empty id term's posting list is every document: the write would replace
    // docid 1 (issue #14). The workers always give one; this is the last line.
    if (id.size() <= schema::prefix::id.size() || !id.starts_with(schema::prefix::id))
        throw std::invalid_argument("the article has no id (no URL and no stable id): not written");
    bool unchanged = false;
    Xapian::docid did = find(id, hash, origin, unchanged);
    if (did != 0 && unchanged) return WriteOutcome::unchanged;
    const WriteOutcome outcome = did != 0 ? WriteOutcome::updated : WriteOutcome::added;
    // A story's copies all carry the mark (schema.h story_copy); once marked, an
    // article keeps it when rewritten: marking too many is safe, too few is not.
    bool copy = did != 0 && story_copy(did);
    if (did != 0) near_duplicates_.replaced(did);
    const Xapian::docid joined =
        near_duplicates_.assign_cluster(doc, util::hash_hex(id), [&](const std::string& cluster) {
            return did != 0 ? did : did = router_.next(cluster);
        });
    if (joined != 0) {
        copy = true;
        if (!story_copy(joined)) mark_story_copy(joined); // the story's first article, alone until now
    }
    if (copy) {
        doc.add_boolean_term(std::string(schema::prefix::story_copy));
        marked_.insert(did);
    }
    written_[id] = Written{did, hash, origin};
    shards_.replace(did, std::move(doc));
    pending_bytes_ += bytes;
    if (++pending_ >= policy_.articles || pending_bytes_ >= policy_.bytes) commit();
    return outcome;
}

bool IndexWriter::story_copy(Xapian::docid did) const {
    return marked_.count(did) != 0 || has_term(did, std::string(schema::prefix::story_copy));
}

void IndexWriter::mark_story_copy(Xapian::docid did) {
    // After the document's own write if it is still queued: one shard runs its tasks in order.
    const unsigned n = shards_.size();
    shards_.run((did - 1) % n, [local = (did - 1) / n + 1](Xapian::WritableDatabase& db) {
        Xapian::Document doc = db.get_document(local);
        doc.add_boolean_term(std::string(schema::prefix::story_copy));
        db.replace_document(local, doc);
    });
    marked_.insert(did);
}

// Whether the committed document carries `term` (its origin: an article that
// moved to another file is rewritten, so that --prune of the old file cannot delete it).
bool IndexWriter::has_term(Xapian::docid did, const std::string& term) const {
    if (term.empty()) return true;
    try {
        auto it = snapshot_.termlist_begin(did);
        it.skip_to(term);
        return it != snapshot_.termlist_end(did) && *it == term;
    } catch (const Xapian::DocNotFoundError&) {
        return false; // written since the last commit
    }
}

void IndexWriter::commit() {
    if (pending_ > 0) shards_.set_metadata(std::string(schema::metadata_updated_key), util::utc_now_iso());
    shards_.commit(); // also writes pending metadata (file states); a no-op when nothing changed
    snapshot_.reopen();
    written_.clear();
    marked_.clear();
    near_duplicates_.committed();
    dirty_ = dirty_ || pending_ > 0;
    pending_ = 0;
    pending_bytes_ = 0;
}

template <typename Write> void IndexWriter::with_spelling_database(Write&& write) {
    Xapian::WritableDatabase spelling = open_writable(spelling_path_);
    write(spelling);
    spelling.commit();
}

void IndexWriter::finish() {
    // "Did you mean" words: once per run, after the articles (see spelling.h). In
    // a single database in the same commit as the last of them (a commit of its
    // own took ~40 ms; a single database is written in this thread, so the task
    // sees the batch not yet committed); beside a stub after it (a crash in
    // between leaves words for the next run that changes something).
    const bool changed = dirty_ || pending_ > 0;
    if (changed && spelling_path_.empty())
        shards_.run(0, [](Xapian::WritableDatabase& db) { add_missing_spellings(db, db); });
    commit();
    if (changed && !spelling_path_.empty())
        with_spelling_database(
            [&](Xapian::WritableDatabase& spelling) { add_missing_spellings(snapshot_, spelling); });
    dirty_ = false;
}

std::size_t IndexWriter::copy_from(const std::string& path, const std::function<bool()>& stop) {
    if (snapshot_.get_doccount() != 0)
        throw DatabaseError("--split-from copies into a new database, and --db is not empty");
    std::size_t copied = 0;
    const auto copy = [&](Xapian::WritableDatabase& spelling) {
        copied = copy_database(path, shards_, spelling, router_, policy_.articles, stop);
    };
    if (spelling_path_.empty())
        shards_.run(0, copy); // a single database: written in this thread
    else
        with_spelling_database(copy);
    snapshot_.reopen();
    near_duplicates_.committed();
    return copied;
}

std::map<std::string, FileState> IndexWriter::file_states() const {
    std::map<std::string, FileState> out;
    const std::string prefix(schema::metadata_file_prefix);
    for (auto it = snapshot_.metadata_keys_begin(prefix); it != snapshot_.metadata_keys_end(prefix); ++it) {
        FileState s;
        if (decode_file_state(snapshot_.get_metadata(*it), s)) out.emplace(s.path, std::move(s));
    }
    return out;
}

void IndexWriter::record_file(const FileState& state) {
    shards_.set_metadata(file_state_key(state.path), encode_file_state(state));
}

std::size_t IndexWriter::prune_missing_files() {
    commit(); // the snapshot then counts exactly what is deleted
    std::size_t removed = 0;
    for (const auto& [path, state] : file_states()) {
        std::error_code ec;
        if (std::filesystem::exists(path, ec) || ec) continue;
        const std::string term = origin_term(state.origin);
        removed += snapshot_.get_termfreq(term);
        shards_.delete_documents(term);
        shards_.set_metadata(file_state_key(path), {});
    }
    pending_ += removed;
    return removed;
}

} // namespace hemeroteca::indexer
