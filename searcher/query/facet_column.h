// The Slot::facets value of every document, held in memory by docid (a column,
// like Lucene's doc values): facet counting then costs an array look-up per
// match instead of reading each match's value from the database. Each distinct
// value (one year/section/outlet combination) is stored once, as a small id.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace hemeroteca::search {

class FacetColumn {
public:
    // Reads the facet value of every document of `db` (one pass over the value stream).
    explicit FacetColumn(const Xapian::Database& db);

    static constexpr std::uint32_t kNone = 0; // the document has no facet value

    // Whether the column knows document `id` (false for documents committed after it was read).
    bool covers(Xapian::docid id) const { return id < ids_.size(); }
    std::uint32_t id_of(Xapian::docid id) const { return ids_[id]; }
    // The combined value ("year\x1fsection\x1fsource") of an id; "" for kNone.
    const std::string& value(std::uint32_t id) const { return values_[id]; }
    std::size_t distinct() const { return values_.size(); }

private:
    std::vector<std::uint32_t> ids_;  // by docid
    std::vector<std::string> values_; // by id; values_[kNone] == ""
};

} // namespace hemeroteca::search
