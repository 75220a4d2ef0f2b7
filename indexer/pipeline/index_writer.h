// The one owner of the WritableDatabase. Idempotent writes: each article is
// stored under its Q id term with replace_document(); unchanged content (same
// digest) is not rewritten. Commits are explicit.
#pragma once

#include "analysis/analyzer.h"
#include "article.h"
#include "dedup/near_duplicates.h"

#include <xapian.h>

#include <stdexcept>
#include <string>

namespace hemeroteca::indexer {

// The database cannot be opened for writing; what() is a one-line reason.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class WriteOutcome { added, updated, unchanged };

class IndexWriter {
public:
    // Creates the database when missing. Throws DatabaseError (locked, unreadable...).
    IndexWriter(const std::string& path, const analysis::Analyzer& analyzer, std::size_t commit_every);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    WriteOutcome write(const Article& article);
    void commit();
    // Commits and brings the spelling dictionary up to date: call at the end of a run.
    void finish();
    Xapian::doccount doc_count() const { return db_.get_doccount(); }

private:
    Xapian::WritableDatabase db_;
    const analysis::Analyzer& analyzer_;
    Xapian::TermGenerator tg_;
    std::size_t commit_every_;
    std::size_t pending_ = 0;
    bool dirty_ = false; // something was committed since the last finish()
    dedup::NearDuplicateIndex near_duplicates_;
};

} // namespace hemeroteca::indexer
