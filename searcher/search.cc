#include "search.h"

#include "analysis/fold.h"
#include "document.h"
#include "query/date_range.h"
#include "query/facet_spy.h"
#include "query/sorting.h"
#include "schema.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace hemeroteca::search {

namespace {

Xapian::Database open_all(const std::vector<std::string>& paths) {
    Xapian::Database db;
    for (const auto& path : paths) {
        if (!std::filesystem::exists(path))
            throw DatabaseError("no database at " + path +
                                " (create it with hemeroteca-index, or pass --db)");
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
constexpr Xapian::doccount kCheckAtLeast = 100;
constexpr std::size_t kFacetValues = 20;
constexpr double kRecencyBoost = 4.0; // in BM25 units: a typical strong match scores 8-15

Xapian::Query term_filter(std::string_view prefix, const std::string& value) {
    return Xapian::Query(std::string(prefix) + analysis::fold_key(value));
}

Xapian::Query filter_query(const Filters& f) {
    std::vector<Xapian::Query> parts;
    if (!f.from.empty() || !f.to.empty()) parts.push_back(date_range_query(f.from, f.to));
    if (!f.section.empty()) parts.push_back(term_filter(schema::prefix::section_exact, f.section));
    if (!f.source.empty()) parts.push_back(term_filter(schema::prefix::source_exact, f.source));
    if (!f.author.empty()) parts.push_back(term_filter(schema::prefix::author_exact, f.author));
    if (!f.lang.empty()) parts.push_back(term_filter(schema::prefix::lang, f.lang));
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// Only plain words (no prefix, no stems) describe a story for --like.
class PlainWords : public Xapian::ExpandDecider {
public:
    explicit PlainWords(const analysis::Analyzer& a) : analyzer_(a) {}
    bool operator()(const std::string& term) const override {
        if (term.size() < 3) return false;
        const unsigned char c = static_cast<unsigned char>(term[0]);
        const bool plain = (c >= 'a' && c <= 'z') || c >= 0x80;
        return plain && !analyzer_.is_stopword(term);
    }

private:
    const analysis::Analyzer& analyzer_;
};

class OnlyDoc : public Xapian::MatchDecider {
public:
    explicit OnlyDoc(Xapian::docid id) : id_(id) {}
    bool operator()(const Xapian::Document& doc) const override { return doc.get_docid() == id_; }

private:
    Xapian::docid id_;
};

} // namespace

Searcher::Searcher(const std::vector<std::string>& db_paths, const std::string& synonyms_file,
                   bool use_synonyms) :
    paths_(db_paths),
    db_(open_all(db_paths)) {
    read_version();
    if (!use_synonyms) return;
    synonyms_ = synonyms_file.empty() ? Synonyms::spanish_default(analyzer_)
                                      : Synonyms::from_file(synonyms_file, analyzer_);
}

bool Searcher::reopen() {
    const bool changed = db_.reopen();
    if (changed) {
        facet_column_.reset();
        read_version();
    }
    return changed;
}

void Searcher::read_version() {
    version_.updated = last_updated();
    if (paths_.size() == 1) {
        // Exactly the revision db_ reads.
        version_.tag = db_.get_uuid() + "." + std::to_string(db_.get_revision());
        return;
    }
    // Several shards (get_revision() is per shard): each read on its own, so
    // a commit landing between db_'s reopen and this look-up makes the tag one
    // revision ahead until the next commit.
    version_.tag.clear();
    for (const auto& path : paths_) {
        try {
            const Xapian::Database shard(path);
            version_.tag += shard.get_uuid() + "." + std::to_string(shard.get_revision()) + ";";
        } catch (const Xapian::Error&) {
            version_.tag += "?;";
        }
    }
}

const FacetColumn* Searcher::facet_column() {
    if (!facet_column_ && ++facet_requests_ >= 2) facet_column_ = std::make_unique<FacetColumn>(db_);
    return facet_column_.get();
}

// Facets count every matching article (syndicated copies too: each is an article
// of its outlet) in a pass of their own: unweighted, uncollapsed and unsorted, so
// that the ranked pass can stop after the top results.
void Searcher::count_facets(const Xapian::Query& query, const SearchRequest& request,
                            SearchResults& results) {
    FacetSpy spy(facet_column());
    Xapian::Enquire counter(db_);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.set_docid_order(Xapian::Enquire::DONT_CARE);
    counter.set_query(query);
    counter.add_matchspy(&spy);
    const Xapian::doccount check = request.facet_sample > 0 ? request.facet_sample : db_.get_doccount();
    const Xapian::MSet counted = counter.get_mset(0, 0, check);
    // Sampled: scale the counts up to the estimated number of matches.
    const double seen = spy.seen();
    const double estimated = counted.get_matches_estimated();
    const double scale = seen > 0 && seen < estimated ? estimated / seen : 1.0;
    results.facets_exact = scale == 1.0;
    // Every match was counted: the total is exact.
    if (results.facets_exact) {
        const Xapian::doccount total = request.collapse ? spy.stories() : spy.seen();
        results.total = {total, total, total};
    }
    for (std::size_t i = 0; i < FacetSpy::kNames.size(); ++i) {
        auto& values = results.facets[FacetSpy::kNames[i]] = spy.top(i, kFacetValues);
        for (auto& value : values) value.second = static_cast<Xapian::doccount>(value.second * scale + 0.5);
    }
}

SearchResults Searcher::search(const SearchRequest& request) {
    return retrying([&] { return run_once(request); });
}

std::string Searcher::last_updated() const {
    std::string latest;
    for (const auto& path : paths_) {
        try {
            latest = std::max(latest,
                              Xapian::Database(path).get_metadata(std::string(schema::metadata_updated_key)));
        } catch (const Xapian::Error&) {
        }
    }
    return latest;
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

Xapian::docid Searcher::find_url(const std::string& url) {
    Article probe;
    probe.url = url;
    const std::string term = id_term(probe);
    return retrying([&]() -> Xapian::docid {
        auto it = db_.postlist_begin(term);
        return it == db_.postlist_end(term) ? 0 : *it;
    });
}

std::vector<Hit> Searcher::versions(Xapian::docid id) {
    return retrying([&] {
        std::vector<Hit> out;
        const std::string cluster = db_.get_document(id).get_value(schema::slot(schema::Slot::cluster));
        if (cluster.empty()) return out;
        Xapian::Enquire enquire(db_);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot(schema::Slot::cluster),
                                        cluster, cluster));
        enquire.set_sort_by_key((new DateKey(false))->release(), false);
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
    Xapian::RSet rset;
    rset.add_document(id);
    Xapian::Enquire expand(db_);
    const PlainWords decider(analyzer_);
    const Xapian::ESet eset = expand.get_eset(30, rset, &decider);
    Xapian::Query like(Xapian::Query::OP_ELITE_SET, eset.begin(), eset.end(), 30);
    // Leave the article itself out (by its unique id term).
    auto it = self.termlist_begin();
    it.skip_to(std::string(schema::prefix::id));
    if (it != self.termlist_end() && (*it).rfind(schema::prefix::id, 0) == 0)
        like = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(*it));
    return like;
}

Xapian::Query Searcher::match_query(const SearchRequest& request, analysis::QueryTerms* terms) {
    QueryBuilder builder(analyzer_, db_, synonyms_, request.exact_boost);
    const bool has_text = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
    Xapian::Query like;
    if (!request.like.empty() || request.like_id != 0) like = like_query(request);
    if (!has_text && like.empty() && request.filters.empty())
        throw RequestError("empty query: give words to search for, a filter, or --like URL");
    const Xapian::Query filters = filter_query(request.filters);
    const auto filtered = [&](const Xapian::Query& text) {
        Xapian::Query q = text;
        if (!like.empty()) q = q.empty() ? like : Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, like);
        if (q.empty()) q = Xapian::Query::MatchAll;
        if (!filters.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filters);
        return q;
    };
    ParsedQuery parsed;
    if (has_text) parsed = builder.parse(request.query, builder.default_matching(request.query));
    Xapian::Query q = filtered(parsed.query);
    if (has_text && parsed.matching == Matching::all_words && parsed.content_words > 1) {
        Xapian::Enquire probe(db_);
        probe.set_weighting_scheme(Xapian::BoolWeight());
        probe.set_query(q);
        if (probe.get_mset(0, 1).empty()) { // search() relaxes to any word: so do we
            parsed = builder.parse(request.query, Matching::any_word);
            q = filtered(parsed.query);
        }
    }
    if (terms) *terms = analyzer_.query_terms(parsed.query);
    return q;
}

analysis::QueryTerms Searcher::query_terms(const std::string& query) {
    if (query.find_first_not_of(" \t\r\n") == std::string::npos) return {};
    QueryBuilder builder(analyzer_, db_, synonyms_, 0);
    return analyzer_.query_terms(builder.parse(query, Matching::any_word).query);
}

Xapian::docid Searcher::find_article(const std::string& key) {
    if (!key.empty() && key.find_first_not_of("0123456789") == std::string::npos && key.size() < 10) {
        const auto id = static_cast<Xapian::docid>(std::stoul(key));
        if (id > 0 && article(id)) return id;
    }
    return find_url(key);
}

SearchResults Searcher::run_once(const SearchRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    SearchResults results;
    results.query = request.query;
    results.applied = request.filters;

    QueryBuilder builder(analyzer_, db_, synonyms_, request.exact_boost);
    ParsedQuery parsed;
    const bool has_text = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
    if (has_text) parsed = builder.parse(request.query, builder.default_matching(request.query));

    // --like: the terms that best describe that article, minus the article itself.
    Xapian::Query like;
    if (!request.like.empty() || request.like_id != 0) like = like_query(request);
    if (!has_text && like.empty() && request.filters.empty())
        throw RequestError("empty query: give words to search for, a filter, or --like URL");

    const Xapian::Query filters = filter_query(request.filters);
    // What matches: the words (or --like), within the filters.
    const auto build_filtered = [&](const Xapian::Query& text) {
        Xapian::Query q = text;
        if (!like.empty()) q = q.empty() ? like : Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, like);
        if (q.empty()) q = Xapian::Query::MatchAll;
        if (!filters.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filters);
        return q;
    };
    // ... and how it ranks.
    const auto build = [&](const Xapian::Query& text) {
        Xapian::Query q = build_filtered(text);
        if (request.sort == Sort::mixed)
            q = Xapian::Query(
                Xapian::Query::OP_AND_MAYBE, q,
                Xapian::Query(
                    (new RecencySource(request.half_life_days, kRecencyBoost, today_in_days()))->release()));
        return q;
    };

    Xapian::Enquire enquire(db_);
    if (request.collapse) enquire.set_collapse_key(schema::slot(schema::Slot::cluster));
    if (request.sort == Sort::newest)
        enquire.set_sort_by_key_then_relevance((new DateKey(true))->release(), true);
    if (request.sort == Sort::oldest)
        enquire.set_sort_by_key_then_relevance((new DateKey(false))->release(), false);
    const Xapian::doccount check =
        std::max(kCheckAtLeast, static_cast<Xapian::doccount>(request.offset + request.limit));
    const auto fetch = [&](const Xapian::Query& q) {
        enquire.set_query(q);
        return enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                static_cast<Xapian::doccount>(request.limit), check);
    };
    Xapian::MSet mset = fetch(build(parsed.query));

    if (has_text && mset.empty() && parsed.matching == Matching::all_words && parsed.content_words > 1) {
        ParsedQuery any = builder.parse(request.query, Matching::any_word);
        Xapian::MSet relaxed = fetch(build(any.query));
        if (!relaxed.empty()) {
            parsed = std::move(any);
            mset = std::move(relaxed);
            results.relaxed = true;
        }
    }
    results.matching = parsed.matching;
    results.total = {mset.get_matches_estimated(), mset.get_matches_lower_bound(),
                     mset.get_matches_upper_bound()};
    results.terms = analyzer_.query_terms(parsed.query);
    if (has_text && (mset.size() < 3 || results.relaxed)) results.suggestion = builder.suggest(request.query);
    if (request.facets) count_facets(build_filtered(parsed.query), request, results);

    std::size_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = ++rank;
        hit.docid = *it;
        hit.score = it.get_weight();
        hit.percent = it.get_percent();
        const Xapian::Document doc = it.get_document();
        hit.article = stored_article(doc);
        hit.cluster = doc.get_value(schema::slot(schema::Slot::cluster));
        hit.other_versions = request.collapse ? it.get_collapse_count() : 0;
        if (request.explain) {
            for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it);
                 ++t) {
                Xapian::Enquire one(db_);
                one.set_query(Xapian::Query(*t));
                const OnlyDoc only(*it);
                const Xapian::MSet m = one.get_mset(0, 1, nullptr, &only);
                hit.explanation.push_back({*t, m.empty() ? 0.0 : m.begin().get_weight()});
            }
            std::sort(hit.explanation.begin(), hit.explanation.end(),
                      [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
        }
        results.hits.push_back(std::move(hit));
    }
    results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return results;
}

} // namespace hemeroteca::search
