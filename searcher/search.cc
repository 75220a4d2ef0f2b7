#include "search.h"

#include "analysis/fold.h"
#include "database_layout.h"
#include "document.h"
#include "facet_value.h"
#include "query/date_range.h"
#include "query/lifts.h"
#include "query/like_terms.h"
#include "query/query_check.h"
#include "query/sorting.h"
#include "rerank.h"
#include "schema.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace hemeroteca::search {

namespace {

std::string format_seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", s);
    return buf;
}

// Xapian ends a match that runs out of time early, with what it found so far:
// a search over its budget is an error, not a silently partial answer.
void check_time(std::chrono::steady_clock::time_point start, double budget) {
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (budget > 0 && spent >= budget)
        throw QueryCostError("the query took too long (over " + format_seconds(budget) +
                                 " s): use fewer words or wildcards, or narrow it with filters",
                             true);
}

// Opens `path` (a database or a stub of shards) into `db`; one line on failure.
void add_opened(Xapian::Database& db, const std::string& path) {
    try {
        db.add_database(Xapian::Database(path));
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot open the database " + path + ": " + e.get_msg());
    }
}

Xapian::Database open_all(const std::vector<std::string>& paths) {
    Xapian::Database db;
    for (const auto& path : paths) {
        if (!std::filesystem::exists(path))
            throw DatabaseError("no database at " + path +
                                " (create it with hemeroteca-index, or pass --db)");
        add_opened(db, path);
    }
    return db;
}

// Where "did you mean" looks words up: the spelling database beside each stub
// of shards (database_layout.h), else the database itself; `db` when no path
// has one (no second connection to the same shards).
Xapian::Database open_spelling(const std::vector<std::string>& paths, const Xapian::Database& db) {
    std::vector<std::filesystem::path> beside;
    for (const auto& path : paths) {
        std::error_code ec;
        const auto spelling = layout::spelling_database(path);
        beside.push_back(!spelling.empty() && std::filesystem::exists(spelling, ec)
                             ? spelling
                             : std::filesystem::path(path));
    }
    if (std::equal(beside.begin(), beside.end(), paths.begin())) return db;
    Xapian::Database out;
    for (const auto& path : beside) add_opened(out, path.string());
    return out;
}

// Enough matches looked at for the total to be exact on small archives and a
// close estimate on large ones.
constexpr Xapian::doccount kCheckAtLeast = 100;
constexpr std::size_t kFacetValues = 20;
constexpr double kRecencyBoost = 4.0; // in BM25 units: a typical strong match scores 8-15

// Section, outlet and author hold the facet key (facet_value.h); a language its folded code.
Xapian::Query term_filter(std::string_view prefix, const std::string& value) {
    return Xapian::Query(std::string(prefix) + facets::key(value));
}

Xapian::Query filter_query(const Xapian::Database& db, const Filters& f) {
    std::vector<Xapian::Query> parts;
    if (!f.from.empty() || !f.to.empty()) parts.push_back(date_range_query(dated_span(db), f.from, f.to));
    if (!f.section.empty()) parts.push_back(term_filter(schema::prefix::section_exact, f.section));
    if (!f.source.empty()) parts.push_back(term_filter(schema::prefix::source_exact, f.source));
    if (!f.author.empty()) parts.push_back(term_filter(schema::prefix::author_exact, f.author));
    if (!f.lang.empty())
        parts.push_back(Xapian::Query(std::string(schema::prefix::lang) + analysis::fold_key(f.lang)));
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// How many results the page shows: the MSet is the page itself, or (`from_top`)
// a question's first results, taken from the top to be re-ranked.
std::size_t shown(const Xapian::MSet& mset, const SearchRequest& r, bool from_top) {
    if (!from_top) return mset.size();
    return mset.size() > r.offset ? std::min<std::size_t>(r.limit, mset.size() - r.offset) : 0;
}

// The document's own id term (Q...), by which one document is selected in a
// query (a MatchDecider would do it locally but not over remote shards).
std::string own_id_term(const Xapian::Document& doc) {
    const std::string prefix(schema::prefix::id);
    auto it = doc.termlist_begin();
    it.skip_to(prefix);
    if (it != doc.termlist_end() && (*it).compare(0, prefix.size(), prefix) == 0) return *it;
    return {};
}

} // namespace

Searcher::Searcher(const std::vector<std::string>& db_paths, const std::string& synonyms_file,
                   bool use_synonyms, std::shared_ptr<analysis::LemmaCache> lemmas,
                   std::shared_ptr<SharedFacetColumns> columns) :
    paths_(db_paths),
    analyzer_(std::move(lemmas)), db_(open_all(db_paths)), spelling_(open_spelling(db_paths, db_)),
    columns_(std::move(columns)) {
    read_version();
    if (!use_synonyms) return;
    synonyms_ = synonyms_file.empty() ? Synonyms::spanish_default(analyzer_)
                                      : Synonyms::from_file(synonyms_file, analyzer_);
}

void Searcher::reconnect() {
    db_ = open_all(paths_);
    spelling_ = open_spelling(paths_, db_);
    facet_column_.reset();
    read_version();
}

bool Searcher::reopen() {
    bool changed = false;
    try {
        changed = db_.reopen();
        spelling_.reopen();
    } catch (const Xapian::NetworkError&) {
        reconnect(); // (a remote shard dropped the connection while idle)
        return true;
    }
    if (changed) {
        facet_column_.reset();
        read_version();
    }
    return changed;
}

namespace {

// One database's identity and revision. get_revision() wants exactly one
// shard: a stub of several (hemeroteca-index --shards) is described by what
// every commit changes instead (documents, last docid, total length).
std::string revision_of(const Xapian::Database& db) {
    try {
        return db.get_uuid() + "." + std::to_string(db.get_revision());
    } catch (const Xapian::InvalidOperationError&) {
        return db.get_uuid() + "." + std::to_string(db.get_doccount()) + "." +
               std::to_string(db.get_lastdocid()) + "." + std::to_string(db.get_total_length()) + "." +
               db.get_metadata(std::string(schema::metadata_updated_key));
    }
}

} // namespace

void Searcher::read_version() {
    // Each database opened once per revision for its metadata (and, when there are
    // several, its revision): when the indexer last committed, and whether every one
    // marks its stories' copies (RemoteMatchCounter falls back without the mark).
    version_ = {};
    copies_marked_ = true;
    const bool several = paths_.size() > 1;
    for (const auto& path : paths_) {
        try {
            const Xapian::Database one(path);
            version_.updated =
                std::max(version_.updated, one.get_metadata(std::string(schema::metadata_updated_key)));
            copies_marked_ =
                copies_marked_ && one.get_metadata(std::string(schema::metadata_copies_marked_key)) == "1";
            // Each read on its own: a commit landing between db_'s reopen and this
            // look-up makes the tag one revision ahead until the next.
            if (several) version_.tag += revision_of(one) + ";";
        } catch (const Xapian::Error&) {
            copies_marked_ = false;
            if (several) version_.tag += "?;";
        }
    }
    if (!several) version_.tag = revision_of(db_); // exactly the revision db_ reads
}

const FacetColumn* Searcher::facet_column() {
    // Not over remote shards (reading a column from them costs ~1 ms a document).
    // Over several local ones it is indexed by the combined docids (query/posting_walk.h).
    if (remote_) return nullptr;
    // A one-shot search reads its matches' values instead: built from the second request
    // (or taken as another searcher of this revision built it).
    if (!facet_column_) facet_column_ = columns_->get(db_, version_.tag, ++facet_requests_ >= 2);
    return facet_column_.get();
}

SearchResults Searcher::search(const SearchRequest& request) {
    try {
        return retrying([&] { return run_once(request); });
    } catch (const Xapian::WildcardError& e) {
        throw wildcard_cost_error(e, request.cost.max_wildcard_words);
    }
}

std::optional<Article> Searcher::article(Xapian::docid id) {
    return retrying([&]() -> std::optional<Article> {
        try {
            return stored_article(db_.get_document(id));
        } catch (const Xapian::DocNotFoundError&) {
            return std::nullopt;
        } catch (const Xapian::InvalidArgumentError&) {
            return std::nullopt;
        }
    });
}

Xapian::docid Searcher::first_with(const std::string& term) {
    if (term.empty()) return 0;
    return retrying([&]() -> Xapian::docid {
        auto it = db_.postlist_begin(term);
        return it == db_.postlist_end(term) ? 0 : *it;
    });
}

Xapian::docid Searcher::find_url(const std::string& url) {
    Article probe;
    probe.url = url;
    return first_with(id_term(probe));
}

std::vector<Hit> Searcher::versions(Xapian::docid id) {
    return retrying([&] {
        std::vector<Hit> out;
        const std::string cluster = db_.get_document(id).get_value(schema::slot(schema::Slot::cluster));
        if (cluster.empty()) return out;
        Xapian::Enquire enquire(db_);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot(schema::Slot::cluster),
                                        cluster, cluster));
        sort_by_date(enquire, false);
        const Xapian::MSet mset = enquire.get_mset(0, 1000);
        std::size_t rank = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit h;
            h.rank = ++rank;
            h.docid = *it;
            h.article = stored_article(it.get_document());
            h.cluster = cluster;
            out.push_back(std::move(h));
        }
        return out;
    });
}

Xapian::Query Searcher::like_query(const SearchRequest& request) {
    Xapian::docid id = request.like_id;
    if (id == 0) {
        id = find_article(request.like);
        if (id == 0) throw RequestError("no article with the URL or id " + request.like + " in the database");
    }
    Xapian::Document self;
    try {
        self = db_.get_document(id);
    } catch (const Xapian::DocNotFoundError&) {
        throw RequestError("no article with the id " + std::to_string(id) + " in the database");
    }
    const std::vector<std::string> words = like_terms(db_, id, 30, [&](const std::string& term) {
        // Only plain words (no prefix, no stems) describe a story.
        return schema::is_plain_word(term) && !analyzer_.is_stopword(term);
    });
    Xapian::Query like(Xapian::Query::OP_OR, words.begin(), words.end());
    // Leave the article itself out (by its unique id term).
    auto it = self.termlist_begin();
    it.skip_to(std::string(schema::prefix::id));
    if (it != self.termlist_end() && (*it).rfind(schema::prefix::id, 0) == 0)
        like = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(*it));
    return like;
}

struct Searcher::Plan {
    ParsedQuery parsed; // the words (empty without)
    bool has_text = false;
    Xapian::Query like;    // --like: the terms that describe that article, minus the article
    Xapian::Query filters; // options and the filters of request.h

    // What matches: the words (or --like), within the filters, ranked with
    // every lift (the words' own, --like's, `extra`) in one OR.
    Xapian::Query ranked(const ParsedQuery& text, const Xapian::Query& extra = {}) const {
        std::vector<Xapian::Query> lifts = text.lifts;
        Xapian::Query q = text.matches;
        if (!like.empty()) {
            if (q.empty())
                q = like;
            else
                lifts.push_back(like);
        }
        if (!extra.empty()) lifts.push_back(extra);
        return within_filters(with_boosts(q.empty() ? Xapian::Query::MatchAll : q, lifts));
    }
    // The same matches, unweighted: what counting reads.
    Xapian::Query matches(const ParsedQuery& text) const {
        const Xapian::Query& q = text.matches.empty() ? like : text.matches;
        return within_filters(q.empty() ? Xapian::Query::MatchAll : q);
    }

private:
    Xapian::Query within_filters(const Xapian::Query& q) const {
        return filters.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, filters);
    }
};

Xapian::Query Searcher::match_query(const SearchRequest& request, analysis::QueryTerms* terms, bool ranked) {
    validate(request);
    QueryBuilder builder(analyzer_, db_, spelling_, synonyms_, request.exact_boost, {});
    const NormalizedQuery text = builder.normalize(request.query);
    if (!text.empty()) check_meaningful(text, analyzer_);
    Plan p = plan(request, builder, text);
    Xapian::Query q = p.matches(p.parsed);
    if (p.has_text && p.parsed.matching == Matching::all_words && p.parsed.content_words > 1) {
        Xapian::Enquire probe(db_);
        probe.set_weighting_scheme(Xapian::BoolWeight());
        probe.set_query(q);
        if (probe.get_mset(0, 1).empty()) { // search() relaxes to any word: so do we
            p.parsed = builder.parse(text, Matching::any_word);
            q = p.matches(p.parsed);
        }
    }
    if (terms) *terms = analyzer_.query_terms(p.parsed.query);
    return ranked ? p.ranked(p.parsed) : q;
}

analysis::QueryTerms Searcher::query_terms(const std::string& query) {
    QueryBuilder builder(analyzer_, db_, spelling_, synonyms_, 0, {});
    const NormalizedQuery text = builder.normalize(query);
    if (text.empty()) return {};
    return analyzer_.query_terms(builder.parse(text, Matching::any_word).query);
}

Xapian::docid Searcher::find_public_id(const std::string& id) {
    return is_public_id(id) ? first_with(public_id_term(id)) : 0;
}

Xapian::docid Searcher::find_article(const std::string& key) {
    if (const Xapian::docid id = find_public_id(key)) return id;
    return find_url(key);
}

Searcher::Plan Searcher::plan(const SearchRequest& request, QueryBuilder& builder,
                              const NormalizedQuery& text) {
    Plan p;
    p.has_text = !text.empty();
    if (p.has_text) p.parsed = builder.parse(text, builder.default_matching(text));
    if (!request.like.empty() || request.like_id != 0) p.like = like_query(request);
    if (!p.has_text && p.like.empty() && request.filters.empty())
        throw RequestError("empty query: give words to search for, a filter, or --like URL");
    p.filters = filter_query(db_, request.filters);
    return p;
}

// The ranked pass: only as far as the page asked for.
Xapian::MSet Searcher::rank(Xapian::Enquire& enquire, const Plan& plan, const ParsedQuery& text,
                            const SearchRequest& request) {
    const Xapian::Query recency = request.sort == Sort::mixed ? recency_source(db_, request.half_life_days,
                                                                               kRecencyBoost, today_in_days())
                                                              : Xapian::Query();
    enquire.set_query(plan.ranked(text, recency));
    if (request.cost.time_limit_s > 0) enquire.set_time_limit(request.cost.time_limit_s);
    // With facets, count() reads every match in a pass of its own: looking further
    // here would only delay the early end of the ranked match (10% of the blocks
    // the 100k mix reads).
    const auto page_end = static_cast<Xapian::doccount>(request.offset + request.limit);
    const Xapian::doccount check = request.facets ? page_end : std::max(kCheckAtLeast, page_end);
    // A re-ranked question: its first results from the top, the page cut after re-ranking.
    if (const Xapian::doccount depth = rerank_depth(text, request))
        return enquire.get_mset(0, std::max(depth, page_end), std::max(check, depth));
    return enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                            static_cast<Xapian::doccount>(request.limit), check);
}

// No article has all the words: rank those with any of them.
void Searcher::relax(Xapian::Enquire& enquire, Plan& plan, QueryBuilder& builder, const NormalizedQuery& text,
                     const SearchRequest& request, Xapian::MSet& mset, SearchResults& results) {
    // (An empty page past the end of the matches is not "nothing matches".)
    if (!plan.has_text || mset.get_matches_upper_bound() != 0 ||
        plan.parsed.matching != Matching::all_words || plan.parsed.content_words <= 1)
        return;
    ParsedQuery any = builder.parse(text, Matching::any_word);
    Xapian::MSet relaxed = rank(enquire, plan, any, request);
    if (relaxed.get_matches_upper_bound() == 0) return;
    plan.parsed = std::move(any);
    mset = std::move(relaxed);
    results.relaxed = true;
}

void Searcher::retry_with_suggestion(Xapian::Enquire& enquire, Plan& plan, QueryBuilder& builder,
                                     const SearchRequest& request, Xapian::MSet& mset,
                                     SearchResults& results) {
    const NormalizedQuery fixed = builder.normalize(results.suggestion);
    Plan retry = plan;
    retry.parsed = builder.parse(fixed, builder.default_matching(fixed));
    Xapian::MSet found = rank(enquire, retry, retry.parsed, request);
    relax(enquire, retry, builder, fixed, request, found, results);
    if (found.empty()) return;
    plan = std::move(retry);
    mset = std::move(found);
    results.retried_with = results.suggestion;
}

// The totals (and facets) from every match, in a pass of their own; the ranked
// pass's bounds are used when they are already exact and no facets are asked for.
void Searcher::count(const Plan& plan, const SearchRequest& request, const Xapian::MSet& mset,
                     SearchResults& results) {
    // (Over several shards Xapian's collapsed bounds can agree and still be wrong: a
    // collapsed total there is always counted.)
    const bool ranked_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound() &&
                              (!request.collapse || db_.size() == 1);
    if (!request.facets && ranked_exact) {
        const Xapian::doccount n = mset.get_matches_estimated();
        results.total = {n, n, n};
        return;
    }
    CountRequest what;
    what.facets = request.facets;
    what.facet_values = kFacetValues;
    what.time_limit_s = request.cost.time_limit_s;
    what.stories = request.collapse;
    const Xapian::Query query = plan.matches(plan.parsed);
    MatchCounts counts;
    if (!remote_) {
        try {
            counts = LocalMatchCounter(db_, facet_column()).count(query, what);
        } catch (const Xapian::UnimplementedError&) {
            // Shards served by xapian-tcpsrv refuse our MatchSpy: Xapian's own from now on.
            remote_ = true;
            facet_column_.reset();
        }
    }
    if (remote_) counts = RemoteMatchCounter(db_, copies_marked_).count(query, what);
    results.facets = std::move(counts.facets);
    results.facets_exact = counts.exact;
    if (counts.exact) {
        const Xapian::doccount total = request.collapse ? counts.stories : counts.articles;
        results.total = {total, total, total};
    } else {
        results.total = {mset.get_matches_estimated(), mset.get_matches_lower_bound(),
                         mset.get_matches_upper_bound()};
    }
}

std::vector<Hit> Searcher::hits(const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                                const SearchRequest& request, const analysis::QueryTerms& terms,
                                bool from_top) {
    std::vector<Hit> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.docid = *it;
        hit.score = it.get_weight();
        hit.percent = it.get_percent();
        const Xapian::Document doc = it.get_document();
        hit.article = stored_article(doc);
        // (Collapsed, the MSet holds the key: no value look-up, a third of a hit's reads.)
        hit.cluster =
            request.collapse ? it.get_collapse_key() : doc.get_value(schema::slot(schema::Slot::cluster));
        hit.other_versions = request.collapse ? it.get_collapse_count() : 0;
        out.push_back(std::move(hit));
    }
    // rank() took a question's first results from the top: re-ranked, then cut to the page.
    if (from_top) {
        rerank_by_proximity(out, db_, terms, analyzer_);
        out.erase(out.begin(),
                  out.begin() + static_cast<std::ptrdiff_t>(std::min(request.offset, out.size())));
        if (out.size() > request.limit) out.resize(request.limit);
    }
    std::size_t rank = request.offset;
    for (Hit& hit : out) {
        hit.rank = ++rank;
        if (request.explain) hit.explanation = explain(enquire, mset, hit.docid);
    }
    return out;
}

std::vector<TermWeight> Searcher::explain(const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                                          Xapian::docid docid) {
    std::vector<TermWeight> out;
    auto it = mset.begin();
    while (it != mset.end() && *it != docid) ++it;
    if (it == mset.end()) return out;
    const std::string id = own_id_term(it.get_document());
    for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t) {
        Xapian::Enquire one(db_);
        one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(*t), Xapian::Query(id)));
        const Xapian::MSet m = one.get_mset(0, 1);
        out.push_back({*t, m.empty() ? 0.0 : m.begin().get_weight()});
    }
    std::sort(out.begin(), out.end(),
              [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
    return out;
}

// A pasted URL: the article with that URL (with or without its final slash), if the archive has it.
std::vector<Hit> Searcher::url_hits(const std::string& url) {
    Xapian::docid id = find_url(url);
    if (id == 0 && url.size() > 1)
        id = find_url(url.back() == '/' ? url.substr(0, url.size() - 1) : url + "/");
    std::vector<Hit> out;
    if (id == 0) return out;
    Hit hit;
    hit.rank = 1;
    hit.docid = id;
    const Xapian::Document doc = db_.get_document(id);
    hit.article = stored_article(doc);
    hit.cluster = doc.get_value(schema::slot(schema::Slot::cluster));
    out.push_back(std::move(hit));
    return out;
}

SearchResults Searcher::run_once(const SearchRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    validate(request);
    SearchResults results;
    results.query = request.query;
    results.applied = request.filters;

    QueryBuilder builder(analyzer_, db_, spelling_, synonyms_, request.exact_boost, request.cost);
    const NormalizedQuery text = builder.normalize(request.query); // once, for every step below
    if (!text.empty()) {
        if (const auto url = as_url(text)) {
            results.url = *url;
            results.hits = url_hits(*url);
            const auto n = static_cast<Xapian::doccount>(results.hits.size());
            results.total = {n, n, n};
            results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            return results;
        }
        check_meaningful(text, analyzer_);
    }
    Plan p = plan(request, builder, text);

    Xapian::Enquire enquire(db_);
    configure_order(enquire, request);
    Xapian::MSet mset = rank(enquire, p, p.parsed, request);
    check_time(start, request.cost.time_limit_s);
    relax(enquire, p, builder, text, request, mset, results);
    check_time(start, request.cost.time_limit_s);

    // The MSet is always rank()'s for p.parsed, whichever step made it: a question's is from the top.
    const auto from_top = [&] { return rerank_depth(p.parsed, request) > 0; };
    // (Counted from the first page: a short last page of many results needs no suggestion.)
    if (p.has_text && (request.offset + shown(mset, request, from_top()) < 3 || results.relaxed))
        results.suggestion = builder.suggest(text);
    if (shown(mset, request, from_top()) == 0 && !results.suggestion.empty())
        retry_with_suggestion(enquire, p, builder, request, mset, results);

    results.matching = p.parsed.matching;
    results.terms = analyzer_.query_terms(p.parsed.query);
    count(p, request, mset, results);
    check_time(start, request.cost.time_limit_s);
    results.hits = hits(enquire, mset, request, results.terms, from_top());
    results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return results;
}

} // namespace hemeroteca::search
