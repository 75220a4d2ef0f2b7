#include "query/like_terms.h"

#include <algorithm>
#include <cmath>

namespace hemeroteca::search {

namespace {

struct Candidate {
    std::string term;
    Xapian::termcount wdf = 0;
    double weight = 0;
};

// TradEWeight for a relevant set of one document (rtermfreq = rsize = 1), with
// its within-document multiplier (k + 1) wdf / (k len / avlen + wdf).
double expand_weight(double wdf, double termfreq, double docs, double length, double average_length) {
    constexpr double k = 1.0;
    termfreq = std::clamp(termfreq, 1.0, docs);
    const double idf = std::log(3.0 * (docs - termfreq + 0.5) / (termfreq - 0.5));
    const double relative_length = average_length > 0 ? length / average_length : 1.0;
    return (k + 1) * wdf / (k * relative_length + wdf) * idf;
}

} // namespace

std::vector<std::string> like_terms(const Xapian::Database& db, Xapian::docid id, std::size_t max,
                                    const std::function<bool(const std::string&)>& keep) {
    std::vector<Candidate> candidates;
    std::vector<std::string> terms;
    for (auto it = db.termlist_begin(id); it != db.termlist_end(id); ++it) {
        if (!keep(*it)) continue;
        candidates.push_back({*it, it.get_wdf(), 0});
        terms.push_back(*it);
    }
    if (candidates.empty() || max == 0) return {};
    // The archive's frequency of every candidate: an MSet of no documents still
    // gathers the statistics of its query's terms from every shard.
    Xapian::Enquire stats(db);
    stats.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    const Xapian::MSet mset = stats.get_mset(0, 0);
    const double docs = db.get_doccount();
    const double length = db.get_doclength(id);
    const double average_length = db.get_avlength();
    for (auto& c : candidates)
        c.weight = expand_weight(c.wdf, mset.get_termfreq(c.term), docs, length, average_length);
    std::erase_if(candidates, [](const Candidate& c) { return !(c.weight > 0); });
    const auto better = [](const Candidate& a, const Candidate& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
    };
    const std::size_t n = std::min(max, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n),
                      candidates.end(), better);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(std::move(candidates[i].term));
    return out;
}

} // namespace hemeroteca::search
