#include "query/lifts.h"

#include "analysis/analyzer.h"

#include <algorithm>
#include <string_view>

namespace hemeroteca::search {

std::string unquote_phrases_for_lift(const std::string& q) {
    if (q.find('"') == std::string::npos) return q;
    std::size_t at = 0;
    while (at < q.size()) {
        const std::size_t end = std::min(q.find_first_of(" \t\"()", at), q.size());
        if (end > at && analysis::is_query_operator(std::string_view(q).substr(at, end - at)) &&
            q.compare(at, end - at, "AND") != 0)
            return q;
        at = end + 1;
    }
    std::string out = q;
    bool open = false, keep = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] != '"') continue;
        if (!open) keep = i > 0 && (out[i - 1] == ':' || out[i - 1] == '-' || out[i - 1] == '+');
        open = !open;
        if (!keep) out[i] = ' ';
    }
    return out;
}

namespace {

// Whether `query` matches every document that holds `term`: it is that term, or an
// OR (or SYNONYM) with the term among its alternatives.
bool matches_every(const Xapian::Query& query, const std::string& term) {
    switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: return *query.get_terms_begin() == term;
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            if (matches_every(query.get_subquery(i), term)) return true;
        return false;
    default: return false;
    }
}

// Whether every match of `lift` (a term, maybe scaled) is a match of `query`.
bool within(const Xapian::Query& lift, const Xapian::Query& query) {
    if (lift.get_type() == Xapian::Query::OP_SCALE_WEIGHT) return within(lift.get_subquery(0), query);
    return lift.get_type() == Xapian::Query::LEAF_TERM && matches_every(query, *lift.get_terms_begin());
}

} // namespace

Xapian::Query with_boosts(const Xapian::Query& query, const std::vector<Xapian::Query>& lifts) {
    std::vector<Xapian::Query> some;
    bool inside = true;
    for (const auto& lift : lifts) {
        if (lift.empty()) continue;
        some.push_back(lift);
        inside = inside && within(lift, query);
    }
    if (some.empty()) return query;
    const Xapian::Query lift =
        some.size() == 1 ? some.front() : Xapian::Query(Xapian::Query::OP_OR, some.begin(), some.end());
    const Xapian::Query both(Xapian::Query::OP_OR, query, lift);
    // (A word's exact form lifting its own query, «mujeres» in Zmujer OR mujeres: the OR
    // matches what the query does, without reading it a second time for the filter.)
    return inside ? both : Xapian::Query(Xapian::Query::OP_FILTER, both, query);
}

} // namespace hemeroteca::search
