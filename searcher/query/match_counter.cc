#include "query/match_counter.h"

#include "query/facet_spy.h"
#include "query/posting_walk.h"
#include "request.h"
#include "schema.h"

namespace hemeroteca::search {

void LocalMatchCounter::count_postings(PostingWalk& walk, FacetSpy& spy) const {
    for (Xapian::docid id = walk.next(); id != 0; id = walk.next()) {
        if (column_->covers(id))
            spy.add_covered(id);
        else // committed after the column was read
            spy.add_read(db_.get_document(id, Xapian::DOC_ASSUME_VALID));
    }
}

MatchCounts LocalMatchCounter::count(const Xapian::Query& query, const CountRequest& request) {
    // Terms joined by AND, OR, NOT and filters (most queries: words, their lemma
    // groups, filters) are counted from their posting lists, without a match pass.
    if (const auto walk = column_ ? PostingWalk::of(db_, query) : nullptr) {
        FacetSpy spy(column_);
        count_postings(*walk, spy);
        return counts_of(spy, spy.seen(), request);
    }
    // Xapian hands a MatchSpy each document with its docid within its shard, not the
    // combined one the column is indexed by: over several shards, values are read.
    FacetSpy spy(db_.size() == 1 ? column_ : nullptr);
    Xapian::Enquire counter(db_);
    if (request.time_limit_s > 0) counter.set_time_limit(request.time_limit_s);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.set_docid_order(Xapian::Enquire::DONT_CARE);
    counter.set_query(query);
    counter.add_matchspy(&spy);
    const Xapian::MSet counted = counter.get_mset(0, 0, db_.get_doccount());
    return counts_of(spy, counted.get_matches_estimated(), request);
}

MatchCounts LocalMatchCounter::counts_of(const FacetSpy& spy, Xapian::doccount matches,
                                         const CountRequest& request) {
    MatchCounts out;
    const double seen = spy.seen();
    const double estimated = matches;
    // Cut short by the time limit: scale the facet counts up to the estimated number of matches.
    const double scale = seen > 0 && seen < estimated ? estimated / seen : 1.0;
    out.exact = scale == 1.0;
    out.articles = spy.seen();
    out.stories = spy.stories();
    if (!request.facets) return out;
    for (const auto& facet : kFacets) {
        auto& values = out.facets[std::string(facet.name)] = spy.top(facet.facet, request.facet_values);
        if (!out.exact)
            for (auto& value : values)
                value.second = static_cast<Xapian::doccount>(value.second * scale + 0.5);
    }
    return out;
}

namespace {

// Each cluster key once, and how many matches had one.
struct ClusterKeys {
    Xapian::doccount articles = 0;
    Xapian::doccount distinct = 0;
};

ClusterKeys keys_of(const Xapian::ValueCountMatchSpy& clusters) {
    ClusterKeys out;
    for (auto it = clusters.values_begin(); it != clusters.values_end(); ++it) {
        out.articles += it.get_termfreq();
        ++out.distinct;
    }
    return out;
}

// Every match of `query`, unweighted, each seen by `spies`.
Xapian::MSet count_pass(const Xapian::Database& db, const Xapian::Query& query, double time_limit_s,
                        std::initializer_list<Xapian::MatchSpy*> spies) {
    Xapian::Enquire counter(db);
    if (time_limit_s > 0) counter.set_time_limit(time_limit_s);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.set_docid_order(Xapian::Enquire::DONT_CARE);
    counter.set_query(query);
    for (Xapian::MatchSpy* spy : spies)
        if (spy) counter.add_matchspy(spy);
    return counter.get_mset(0, 0, db.get_doccount());
}

} // namespace

MatchCounts RemoteMatchCounter::count(const Xapian::Query& query, const CountRequest& request) {
    Xapian::ValueCountMatchSpy values(schema::slot(schema::Slot::facets));
    Xapian::MatchSpy* facets = request.facets ? &values : nullptr;
    Xapian::ValueCountMatchSpy clusters(schema::slot(schema::Slot::cluster));
    const bool every_key = request.stories && !copies_marked_;
    const Xapian::MSet counted =
        count_pass(db_, query, request.time_limit_s, {facets, every_key ? &clusters : nullptr});

    MatchCounts out;
    out.articles = counted.get_matches_estimated();
    if (request.stories && copies_marked_) {
        const Xapian::Query copies(Xapian::Query::OP_FILTER, query,
                                   Xapian::Query(std::string(schema::prefix::story_copy)));
        count_pass(db_, copies, request.time_limit_s, {&clusters});
    }
    // Stories: each cluster once, and each article without one (the spy skips empty values).
    const ClusterKeys keys = keys_of(clusters);
    out.stories = out.articles - std::min(out.articles, keys.articles) + keys.distinct;
    if (!request.facets) return out;
    FacetSpy spy;
    for (auto it = values.values_begin(); it != values.values_end(); ++it)
        spy.add_value(*it, it.get_termfreq());
    for (const auto& facet : kFacets)
        out.facets[std::string(facet.name)] = spy.top(facet.facet, request.facet_values);
    return out;
}

} // namespace hemeroteca::search
