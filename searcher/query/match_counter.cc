#include "query/match_counter.h"

#include "query/facet_spy.h"
#include "request.h"

namespace hemeroteca::search {

MatchCounts LocalMatchCounter::count(const Xapian::Query& query, const CountRequest& request) {
    FacetSpy spy(column_);
    Xapian::Enquire counter(db_);
    if (request.time_limit_s > 0) counter.set_time_limit(request.time_limit_s);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.set_docid_order(Xapian::Enquire::DONT_CARE);
    counter.set_query(query);
    counter.add_matchspy(&spy);
    const bool sampled = request.facets && request.facet_sample > 0;
    const Xapian::doccount check = sampled ? request.facet_sample : db_.get_doccount();
    const Xapian::MSet counted = counter.get_mset(0, 0, check);

    MatchCounts out;
    const double seen = spy.seen();
    const double estimated = counted.get_matches_estimated();
    // Sampled: scale the facet counts up to the estimated number of matches.
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

} // namespace hemeroteca::search
