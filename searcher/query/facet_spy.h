// Facet counts over a match set: year, section and outlet, read from the one
// Slot::facets value of each match (three ValueCountMatchSpy read three).
#pragma once

#include <xapian.h>

#include <array>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hemeroteca::search {

class FacetSpy : public Xapian::MatchSpy {
public:
    static constexpr std::array<const char*, 3> kNames = {"year", "section", "source"};

    void operator()(const Xapian::Document& doc, double weight) override;
    std::string get_description() const override { return "hemeroteca::FacetSpy"; }

    // The `limit` commonest values of facet `index` (see kNames), by count then value.
    std::vector<std::pair<std::string, Xapian::doccount>> top(std::size_t index, std::size_t limit) const;
    // How many matches were counted (fewer than the matches when the match stopped early).
    Xapian::doccount seen() const { return seen_; }

private:
    std::array<std::unordered_map<std::string, Xapian::doccount>, 3> counts_;
    Xapian::doccount seen_ = 0;
};

} // namespace hemeroteca::search
