#include "search.h"

#include "document.h"

#include <algorithm>
#include <filesystem>

namespace hemeroteca::search {

namespace {

Xapian::Database open_all(const std::vector<std::string>& paths) {
    Xapian::Database db;
    for (const auto& path : paths) {
        if (!std::filesystem::exists(path))
            throw DatabaseError("no database at " + path + " (create it with hemeroteca-index, or pass --db)");
        try {
            db.add_database(Xapian::Database(path));
        } catch (const Xapian::Error& e) {
            throw DatabaseError("cannot open the database " + path + ": " + e.get_msg());
        }
    }
    return db;
}

// Enough matches looked at for the total to be exact on small archives and a
// close estimate on large ones.
constexpr Xapian::doccount kCheckAtLeast = 1000;

} // namespace

Searcher::Searcher(const std::vector<std::string>& db_paths) : paths_(db_paths), db_(open_all(db_paths)) {}

SearchResults Searcher::search(const SearchRequest& request) {
    try {
        return run_once(request);
    } catch (const Xapian::DatabaseModifiedError&) {
        db_.reopen(); // the indexer committed while we read: read the new revision
        return run_once(request);
    }
}

SearchResults Searcher::run_once(const SearchRequest& request) {
    QueryBuilder builder(analyzer_, db_);
    ParsedQuery parsed = builder.parse(request.query, builder.default_matching(request.query));

    Xapian::Enquire enquire(db_);
    const auto check = std::max<Xapian::doccount>(kCheckAtLeast, static_cast<Xapian::doccount>(request.offset + request.limit));
    const auto fetch = [&](const Xapian::Query& q) {
        enquire.set_query(q);
        return enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                static_cast<Xapian::doccount>(request.limit), check);
    };
    Xapian::MSet mset = fetch(parsed.query);

    SearchResults results;
    results.query = request.query;
    if (mset.empty() && parsed.matching == Matching::all_words && parsed.content_words > 1) {
        ParsedQuery any = builder.parse(request.query, Matching::any_word);
        Xapian::MSet relaxed = fetch(any.query);
        if (!relaxed.empty()) {
            parsed = std::move(any);
            mset = std::move(relaxed);
            results.relaxed = true;
        }
    }
    results.matching = parsed.matching;
    results.total = {mset.get_matches_estimated(), mset.get_matches_lower_bound(), mset.get_matches_upper_bound()};
    results.terms = analyzer_.query_terms(parsed.query);

    std::size_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = ++rank;
        hit.docid = *it;
        hit.score = it.get_weight();
        hit.percent = it.get_percent();
        hit.article = stored_article(it.get_document());
        results.hits.push_back(std::move(hit));
    }
    return results;
}

} // namespace hemeroteca::search
