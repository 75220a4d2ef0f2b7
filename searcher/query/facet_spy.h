// Facet counts over a match set: year, section, outlet, author and language, from
// the one Slot::facets value of each match (five ValueCountMatchSpy would read
// five); and the number of stories (matches less the syndicated copies that
// collapsing folds into another match: distinct Slot::cluster keys, plus the
// matches without one). With a FacetColumn the value is an array look-up by
// docid; without, it is read from the document. Values with one key
// (facet_value.h) are one value, shown in its commonest form among the matches.
#pragma once

#include "query/facet_column.h"
#include "request.h"

#include <xapian.h>

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace hemeroteca::search {

class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(const FacetColumn* column = nullptr) : column_(column) {
        if (!column_) return;
        by_id_.resize(column_->distinct());
        cluster_seen_.resize(column_->clusters());
    }

    void operator()(const Xapian::Document& doc, double weight) override;
    // One match the column covers (column_->covers(id)), without a Document.
    void add_covered(Xapian::docid id) {
        ++seen_;
        ++by_id_[column_->id_of(id)];
        count_story(column_->cluster_of(id));
    }
    // One match read from its document (one the column does not cover).
    void add_read(const Xapian::Document& doc);
    std::string get_description() const override { return "hemeroteca::FacetSpy"; }

    // Adds `n` matches whose Slot::facets value is `value` (counted elsewhere, e.g. by
    // Xapian's ValueCountMatchSpy over remote shards); stories are not touched.
    void add_value(const std::string& value, Xapian::doccount n) {
        by_value_[value] += n;
        seen_ += n;
    }

    // The `limit` commonest values of `facet`, by count then value.
    std::vector<std::pair<std::string, Xapian::doccount>> top(Facet facet, std::size_t limit) const;
    // How many matches were counted (fewer than the matches when the match stopped early).
    Xapian::doccount seen() const { return seen_; }
    // How many of them are distinct stories (what a collapsed result list holds).
    Xapian::doccount stories() const { return stories_; }

private:
    const FacetColumn* column_;
    std::vector<Xapian::doccount> by_id_;                        // by FacetColumn id
    std::unordered_map<std::string, Xapian::doccount> by_value_; // values not in the column
    std::vector<bool> cluster_seen_;                             // by FacetColumn cluster id
    std::unordered_set<std::string> other_clusters_;             // keys not in the column
    Xapian::doccount seen_ = 0;
    Xapian::doccount stories_ = 0;

    void count_story(std::uint32_t cluster_id); // a FacetColumn cluster id, 0: none
    // The matches by surface id of a field (from the column), all fields counted at the first call.
    const std::vector<Xapian::doccount>& surface_counts(std::size_t field) const;
    mutable std::array<std::vector<Xapian::doccount>, facets::kFields> by_surface_;
    mutable bool surfaces_counted_ = false;
};

} // namespace hemeroteca::search
