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

} // namespace

IndexWriter::IndexWriter(const std::string& path, CommitPolicy policy) :
    db_(open_writable(path)), policy_(policy), near_duplicates_(path),
    router_(static_cast<unsigned>(shard_lines(path).size()), db_.get_lastdocid()),
    spelling_path_(layout::spelling_database(path).string()) {
    if (policy_.articles == 0) policy_.articles = 1;
    const std::string version = db_.get_metadata(std::string(schema::metadata_schema_key));
    if (!version.empty() && version != schema::schema_version)
        throw DatabaseError("the database " + path + " has schema " + version + ", this program writes " +
                            std::string(schema::schema_version) + ": index into a new database");
    if (version.empty())
        db_.set_metadata(std::string(schema::metadata_schema_key), std::string(schema::schema_version));
}

IndexWriter::~IndexWriter() {
    try {
        finish();
    } catch (...) { // a destructor must not throw; the last batch is lost, earlier ones are safe
    }
}

WriteOutcome IndexWriter::write(const std::string& id, const std::string& hash, const std::string& origin,
                                Xapian::Document&& doc, std::size_t bytes) {
    // An empty id term's posting list is every document: the write would replace
    // docid 1 (issue #14). The workers always give one; this is the last line.
    if (id.size() <= schema::prefix::id.size() || !id.starts_with(schema::prefix::id))
        throw std::invalid_argument("the article has no id (no URL and no stable id): not written");
    // One look-up of the id term, then the write by docid (replace_document(term)
    // would look the term up again).
    WriteOutcome outcome = WriteOutcome::added;
    if (auto it = db_.postlist_begin(id); it != db_.postlist_end(id)) {
        const Xapian::docid existing = *it;
        if (db_.get_document(existing).get_value(schema::slot(schema::Slot::content_hash)) == hash &&
            has_term(existing, origin))
            return WriteOutcome::unchanged;
        near_duplicates_.assign_cluster(doc, util::hash_hex(id));
        near_duplicates_.replaced(existing);
        db_.replace_document(existing, doc);
        outcome = WriteOutcome::updated;
    } else {
        near_duplicates_.assign_cluster(doc, util::hash_hex(id));
        if (router_.shards() == 1)
            db_.add_document(doc);
        else
            db_.replace_document(router_.next(doc.get_value(schema::slot(schema::Slot::cluster))), doc);
    }
    pending_bytes_ += bytes;
    if (++pending_ >= policy_.articles || pending_bytes_ >= policy_.bytes) commit();
    return outcome;
}

// Whether the document carries `term` (its origin: an article that moved to
// another file is rewritten, so that --prune of the old file cannot delete it).
bool IndexWriter::has_term(Xapian::docid did, const std::string& term) const {
    if (term.empty()) return true;
    auto it = db_.termlist_begin(did);
    it.skip_to(term);
    return it != db_.termlist_end(did) && *it == term;
}

void IndexWriter::commit() {
    if (pending_ > 0) db_.set_metadata(std::string(schema::metadata_updated_key), util::utc_now_iso());
    db_.commit(); // also writes pending metadata (file states); a no-op when nothing changed
    near_duplicates_.committed();
    dirty_ = dirty_ || pending_ > 0;
    pending_ = 0;
    pending_bytes_ = 0;
}

template <typename Write> void IndexWriter::with_spelling_database(Write&& write) {
    if (spelling_path_.empty()) {
        write(db_);
        return;
    }
    Xapian::WritableDatabase spelling = open_writable(spelling_path_);
    write(spelling);
    spelling.commit();
}

void IndexWriter::finish() {
    // "Did you mean" words: once per run, after the articles (see spelling.h). In
    // a single database in the same commit as the last of them (a commit of its
    // own took ~40 ms); beside a stub after it (a crash in between leaves words
    // for the next run that changes something).
    const bool changed = dirty_ || pending_ > 0;
    if (changed && spelling_path_.empty()) add_missing_spellings(db_, db_);
    commit();
    if (changed && !spelling_path_.empty())
        with_spelling_database(
            [&](Xapian::WritableDatabase& spelling) { add_missing_spellings(db_, spelling); });
    dirty_ = false;
}

std::size_t IndexWriter::copy_from(const std::string& path, const std::function<bool()>& stop) {
    if (db_.get_doccount() != 0)
        throw DatabaseError("--split-from copies into a new database, and --db is not empty");
    std::size_t copied = 0;
    with_spelling_database([&](Xapian::WritableDatabase& spelling) {
        copied = copy_database(path, db_, spelling, router_, policy_.articles, stop);
    });
    near_duplicates_.committed();
    return copied;
}

std::map<std::string, FileState> IndexWriter::file_states() const {
    std::map<std::string, FileState> out;
    const std::string prefix(schema::metadata_file_prefix);
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        FileState s;
        if (decode_file_state(db_.get_metadata(*it), s)) out.emplace(s.path, std::move(s));
    }
    return out;
}

void IndexWriter::record_file(const FileState& state) {
    db_.set_metadata(file_state_key(state.path), encode_file_state(state));
}

std::size_t IndexWriter::prune_missing_files() {
    std::size_t removed = 0;
    for (const auto& [path, state] : file_states()) {
        std::error_code ec;
        if (std::filesystem::exists(path, ec) || ec) continue;
        const std::string term = origin_term(state.origin);
        removed += db_.get_termfreq(term);
        db_.delete_document(term);
        db_.set_metadata(file_state_key(path), {});
    }
    pending_ += removed;
    return removed;
}

} // namespace hemeroteca::indexer
