// Running a search over one or more databases (searched as one).
#pragma once

#include "analysis/analyzer.h"
#include "article.h"
#include "query/query_builder.h"

#include <xapian.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace hemeroteca::search {

// A database cannot be opened; what() is a one-line reason.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SearchRequest {
    std::string query;
    std::size_t offset = 0;
    std::size_t limit = 10;
};

struct Hit {
    std::size_t rank = 0;   // 1-based, over the whole result list
    Xapian::docid docid = 0;
    double score = 0;       // BM25 weight
    int percent = 0;
    Article article;
};

struct TotalEstimate {
    Xapian::doccount estimated = 0;
    Xapian::doccount lower = 0;
    Xapian::doccount upper = 0;
    bool exact() const { return lower == upper; }
};

struct SearchResults {
    std::string query;
    Matching matching = Matching::all_words;
    bool relaxed = false;  // no article had all the words; showing those with some
    TotalEstimate total;
    std::vector<Hit> hits;
    analysis::QueryTerms terms; // what to highlight
};

class Searcher {
public:
    // Opens the databases read-only. Throws DatabaseError.
    explicit Searcher(const std::vector<std::string>& db_paths);

    // Throws QuerySyntaxError.
    SearchResults search(const SearchRequest& request);

    const analysis::Analyzer& analyzer() const { return analyzer_; }
    Xapian::doccount doc_count() const { return db_.get_doccount(); }

private:
    SearchResults run_once(const SearchRequest& request);

    std::vector<std::string> paths_;
    analysis::Analyzer analyzer_;
    Xapian::Database db_;
};

} // namespace hemeroteca::search
