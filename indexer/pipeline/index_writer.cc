#include "pipeline/index_writer.h"

#include "dedup/near_duplicates.h"
#include "document.h"
#include "pipeline/spelling.h"
#include "schema.h"
#include "util/hash.h"

#include <chrono>
#include <ctime>

namespace hemeroteca::indexer {

namespace {

Xapian::WritableDatabase open_writable(const std::string& path) {
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseError("the database " + path + " is locked by another indexer");
    } catch (const Xapian::DatabaseVersionError& e) {
        throw DatabaseError("the database " + path +
                            " was written by an incompatible version: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot open the database " + path + ": " + e.get_msg());
    }
}

std::string now_iso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace

IndexWriter::IndexWriter(const std::string& path, const analysis::Analyzer& analyzer,
                         std::size_t commit_every) :
    db_(open_writable(path)),
    analyzer_(analyzer), tg_(analyzer.term_generator()), commit_every_(commit_every == 0 ? 1 : commit_every),
    near_duplicates_(path) {
    tg_.set_database(db_);
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

WriteOutcome IndexWriter::write(const Article& article) {
    const std::string id = id_term(article);
    const std::string hash = content_hash(article);
    WriteOutcome outcome = WriteOutcome::added;
    if (auto it = db_.postlist_begin(id); it != db_.postlist_end(id)) {
        if (db_.get_document(*it).get_value(schema::slot(schema::Slot::content_hash)) == hash)
            return WriteOutcome::unchanged;
        outcome = WriteOutcome::updated;
    }
    Xapian::Document doc = build_document(article, analyzer_, tg_);
    dedup::add_fingerprint(doc, article.text, analyzer_);
    near_duplicates_.assign_cluster(doc, util::hash_hex(id));
    db_.replace_document(id, doc);
    if (++pending_ >= commit_every_) commit();
    return outcome;
}

void IndexWriter::commit() {
    if (pending_ == 0) return;
    db_.set_metadata(std::string(schema::metadata_updated_key), now_iso());
    db_.commit();
    near_duplicates_.committed();
    pending_ = 0;
    dirty_ = true;
}

void IndexWriter::finish() {
    commit();
    if (!dirty_) return;
    // "Did you mean" words: once per run, after the articles (see spelling.h).
    if (add_missing_spellings(db_) > 0) db_.commit();
    dirty_ = false;
}

} // namespace hemeroteca::indexer
