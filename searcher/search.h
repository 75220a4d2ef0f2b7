// Running a search over one or more databases (searched as one): the query,
// filters, sort, facets, syndicated-copy collapsing and suggestions. The
// terminal, JSON, batch and HTTP front ends all go through Searcher.
#pragma once

#include "analysis/analyzer.h"
#include "article.h"
#include "query/facet_column.h"
#include "query/match_counter.h"
#include "query/query_builder.h"
#include "query/synonyms.h"
#include "request.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::search {

// A database cannot be opened; what() is a one-line reason.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct TermWeight {
    std::string term; // the index term, e.g. "Zsoldad" (stem) or "soldados"
    double weight = 0;
};

struct Hit {
    std::size_t rank = 0; // 1-based, over the whole result list
    Xapian::docid docid = 0;
    double score = 0; // BM25 weight (plus recency lift with Sort::mixed)
    int percent = 0;
    Article article;
    Xapian::doccount other_versions = 0; // syndicated copies collapsed under this one
    std::string cluster;                 // the key that lists them (SearchRequest-independent)
    std::vector<TermWeight> explanation; // with SearchRequest::explain
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
    bool relaxed = false; // no article had all the words; showing those with some
    TotalEstimate total;  // exact (every match counted) unless the count ran out of time
    std::vector<Hit> hits;
    Facets facets;              // with SearchRequest::facets
    bool facets_exact = true;   // false: the count was cut short by the time limit and scaled (estimates)
    std::string suggestion;     // "did you mean", when the query finds little (the archive's own words)
    std::string retried_with;   // the suggestion, when the query found nothing and these are its results
    Filters applied;            // the filters in force (options and query fields)
    std::string url;            // the query was this URL: the hits are the article with it, if any
    analysis::QueryTerms terms; // what to highlight
    double seconds = 0;         // time spent searching
};

// Matches over time (every matching article counts, syndicated copies too).
enum class TimeUnit { automatic, year, month, day };
struct TimeBucket {
    std::string key;      // "2024", "2024-06" or "2024-06-15"
    std::string from, to; // the bucket's first and last day, "2024-06-01".."2024-06-30"
    Xapian::doccount count = 0;
};
struct Timeline {
    TimeUnit unit = TimeUnit::year;  // never automatic
    std::vector<TimeBucket> buckets; // contiguous from the first to the last dated match, zeros included
    Xapian::doccount total = 0;      // every match (exact)
    Xapian::doccount undated = 0;    // matches without a known date
};

// Every match of a request in its order (not one page), as docids: 4 bytes a
// match, the articles read later (exports).
struct MatchList {
    std::vector<Xapian::docid> ids;
    analysis::QueryTerms terms; // what the query highlights
};

class Searcher {
public:
    // Opens the databases read-only; synonyms from the file, else the default
    // Spanish list, or none. Throws DatabaseError, RequestError.
    // Searchers on several threads may share one LemmaCache (analyzer.h) and one
    // facet column per revision (query/facet_column.h).
    explicit Searcher(const std::vector<std::string>& db_paths, const std::string& synonyms_file = {},
                      bool use_synonyms = true,
                      std::shared_ptr<analysis::LemmaCache> lemmas = std::make_shared<analysis::LemmaCache>(),
                      std::shared_ptr<SharedFacetColumns> columns = std::make_shared<SharedFacetColumns>());

    // Throws QuerySyntaxError, RequestError, QueryCostError.
    SearchResults search(const SearchRequest& request);

    // The stored article with this docid, nullopt when there is none.
    std::optional<Article> article(Xapian::docid id);
    // The docid of the article with this URL (or stable id), 0 when none.
    Xapian::docid find_url(const std::string& url);
    // All versions (syndicated copies) of the story `id` belongs to, itself included, best first.
    std::vector<Hit> versions(Xapian::docid id);

    // The matches of a request's query and filters by year, month or day (`unit`
    // automatic: by year, month or day as the dates narrow). Throws as search().
    Timeline timeline(const SearchRequest& request, TimeUnit unit = TimeUnit::automatic);
    // The first `max` matches of the request (its sort and collapsing; offset and limit ignored).
    MatchList all_matches(const SearchRequest& request, Xapian::doccount max);
    // What a query highlights (its words, their forms, their synonyms); throws QuerySyntaxError.
    analysis::QueryTerms query_terms(const std::string& query);
    // The docid of the article with this public id (document.h), 0 when none.
    Xapian::docid find_public_id(const std::string& id);
    // The article with this public id, URL or stable id ("file.jsonl#42"), 0 when none.
    Xapian::docid find_article(const std::string& key);

    // Picks up what the indexer committed; false when nothing changed (true when something may have).
    bool reopen();

    // What identifies the revision being read, for HTTP validators: the
    // databases' UUIDs and revisions (changes with every commit) and when the
    // indexer last committed (ISO 8601, "" when unknown). Refreshed by reopen().
    struct Version {
        std::string tag;
        std::string updated;
    };
    const Version& version() const { return version_; }

    const analysis::Analyzer& analyzer() const { return analyzer_; }
    Xapian::doccount doc_count() const { return db_.get_doccount(); }
    // When the indexer last committed (ISO 8601), or "": read once per revision.
    const std::string& last_updated() const { return version_.updated; }

private:
    struct Plan; // what a request matches and how it ranks (search.cc)
    // The first document indexed by `term`, 0 when none (or the term is empty).
    Xapian::docid first_with(const std::string& term);

    // The steps of one search, in order.
    SearchResults run_once(const SearchRequest& request);
    Plan plan(const SearchRequest& request, QueryBuilder& builder, const NormalizedQuery& text);
    Xapian::MSet rank(Xapian::Enquire& enquire, const Plan& plan, const ParsedQuery& text,
                      const SearchRequest& request);
    void relax(Xapian::Enquire& enquire, Plan& plan, QueryBuilder& builder, const NormalizedQuery& text,
               const SearchRequest& request, Xapian::MSet& mset, SearchResults& results);
    // Nothing matched: the query as the suggestion has it, when that finds something (retried_with).
    void retry_with_suggestion(Xapian::Enquire& enquire, Plan& plan, QueryBuilder& builder,
                               const SearchRequest& request, Xapian::MSet& mset, SearchResults& results);
    void count(const Plan& plan, const SearchRequest& request, const Xapian::MSet& mset,
               SearchResults& results);
    std::vector<Hit> url_hits(const std::string& url);
    // `from_top`: the MSet holds a question's first results (rerank_depth), not the page.
    std::vector<Hit> hits(const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                          const SearchRequest& request, const analysis::QueryTerms& terms, bool from_top);
    // --explain: the weight each matching term gives the document.
    std::vector<TermWeight> explain(const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                                    Xapian::docid docid);

    Xapian::Query like_query(const SearchRequest& request);
    // What a request matches (query, --like, filters; relaxed as search() would): `ranked`, with
    // the lifts that weigh it (not the sort's); else only what decides a match, for counting.
    Xapian::Query match_query(const SearchRequest& request, analysis::QueryTerms* terms, bool ranked);
    // Runs f, and once more on the new revision when the indexer committed while it read.
    template <typename F> auto retrying(F&& f) -> decltype(f()) {
        try {
            return f();
        } catch (const Xapian::DatabaseModifiedError&) {
            reopen();
            return f();
        } catch (const Xapian::NetworkError&) {
            // A remote shard closed the connection (xapian-tcpsrv's idle timeout) or
            // went away: connect again, once; a shard that is really down then fails.
            reconnect();
            return f();
        }
    }
    void reconnect(); // opens every database again
    const FacetColumn* facet_column();

    std::vector<std::string> paths_;
    analysis::Analyzer analyzer_;
    Synonyms synonyms_;
    Xapian::Database db_;
    Xapian::Database spelling_; // "did you mean": db_, or the dictionary beside a stub of shards
    // Built on the second facet request (a one-shot search reads the values of its matches instead),
    // or taken from another searcher of the same revision; dropped when the database is reopened.
    std::shared_ptr<SharedFacetColumns> columns_;
    std::shared_ptr<const FacetColumn> facet_column_;
    unsigned facet_requests_ = 0;
    // Some shard is served by xapian-tcpsrv (it refused a MatchSpy of ours): count with
    // Xapian's own classes only (query/match_counter.h).
    bool remote_ = false;
    // Every database searched marks its stories' copies (schema.h): how remote shards count stories.
    bool copies_marked_ = false;
    Version version_;
    void read_version();
};

} // namespace hemeroteca::search
