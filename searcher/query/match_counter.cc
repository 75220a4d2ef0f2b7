#include "query/match_counter.h"

#include "query/facet_spy.h"
#include "request.h"
#include "schema.h"

#include <algorithm>

namespace hemeroteca::search {

namespace {

// The terms of a query that is their conjunction (a term; AND or FILTER of such
// queries), or nothing for any other query.
bool conjunction_terms(const Xapian::Query& q, std::vector<std::string>& out) {
    switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: out.push_back(*q.get_terms_begin()); return true;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
            if (!conjunction_terms(q.get_subquery(i), out)) return false;
        return true;
    default: return false;
    }
}

} // namespace

bool LocalMatchCounter::count_postings(const Xapian::Query& query, FacetSpy& spy) const {
    std::vector<std::string> terms;
    if (!column_ || !conjunction_terms(query, terms) || terms.empty()) return false;
    std::sort(terms.begin(), terms.end(), [&](const std::string& a, const std::string& b) {
        return db_.get_termfreq(a) < db_.get_termfreq(b);
    });
    std::vector<Xapian::PostingIterator> lists;
    for (const auto& t : terms) lists.push_back(db_.postlist_begin(t));
    const Xapian::PostingIterator end;
    // Leapfrog: the rarest list leads, the others skip to its document.
    Xapian::PostingIterator& lead = lists.front();
    while (lead != end) {
        const Xapian::docid id = *lead;
        Xapian::docid ahead = id;
        for (std::size_t i = 1; i < lists.size() && ahead == id; ++i) {
            lists[i].skip_to(id);
            if (lists[i] == end) return true;
            ahead = *lists[i];
        }
        if (ahead != id) {
            lead.skip_to(ahead);
            continue;
        }
        if (column_->covers(id))
            spy.add_covered(id);
        else
            spy(db_.get_document(id, Xapian::DOC_ASSUME_VALID), 0);
        ++lead;
    }
    return true;
}

MatchCounts LocalMatchCounter::count(const Xapian::Query& query, const CountRequest& request) {
    FacetSpy spy(column_);
    // A conjunction of terms (most queries: one word, or words and filters) is
    // counted from its posting lists, a third of the cost of a match pass.
    if (count_postings(query, spy)) return counts_of(spy, spy.seen(), request);
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

MatchCounts RemoteMatchCounter::count(const Xapian::Query& query, const CountRequest& request) {
    Xapian::ValueCountMatchSpy clusters(schema::slot(schema::Slot::cluster));
    Xapian::ValueCountMatchSpy values(schema::slot(schema::Slot::facets));
    Xapian::Enquire counter(db_);
    if (request.time_limit_s > 0) counter.set_time_limit(request.time_limit_s);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.set_docid_order(Xapian::Enquire::DONT_CARE);
    counter.set_query(query);
    counter.add_matchspy(&clusters);
    if (request.facets) counter.add_matchspy(&values);
    const Xapian::MSet counted = counter.get_mset(0, 0, db_.get_doccount());

    MatchCounts out;
    out.articles = counted.get_matches_estimated();
    // Stories: each cluster once, and each article without one (the spy skips empty values).
    Xapian::doccount clustered = 0, distinct = 0;
    for (auto it = clusters.values_begin(); it != clusters.values_end(); ++it) {
        clustered += it.get_termfreq();
        ++distinct;
    }
    out.stories = out.articles - std::min(out.articles, clustered) + distinct;
    if (!request.facets) return out;
    FacetSpy spy;
    for (auto it = values.values_begin(); it != values.values_end(); ++it)
        spy.add_value(*it, it.get_termfreq());
    for (const auto& facet : kFacets)
        out.facets[std::string(facet.name)] = spy.top(facet.facet, request.facet_values);
    return out;
}

} // namespace hemeroteca::search
