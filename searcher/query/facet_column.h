// The Slot::facets value of every document, held in memory by docid (a column,
// like Lucene's doc values): facet counting then costs an array look-up per
// match instead of reading each match's value from the database. Each distinct
// value (one year/section/outlet combination) is stored once, as a small id,
// with the ids of its three fields.
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hemeroteca::search {

// The fields of combined facet values, each distinct field value once: kept
// apart from the column so that values read from documents share the ids.
class FacetFields {
public:
    static constexpr std::size_t kFields = 3;  // year, section, source
    static constexpr std::uint32_t kEmpty = 0; // the id of "" in every field

    FacetFields();
    // The field ids of a combined "year\x1fsection\x1fsource" value (missing fields: kEmpty).
    std::array<std::uint32_t, kFields> split(std::string_view combined);
    std::size_t size(std::size_t field) const { return names_[field].size(); }
    const std::string& name(std::size_t field, std::uint32_t id) const { return names_[field][id]; }

private:
    std::array<std::vector<std::string>, kFields> names_;
    std::array<std::unordered_map<std::string, std::uint32_t>, kFields> ids_;
};

class FacetColumn {
public:
    // Reads the facet value and cluster key of every document of `db` (a pass over each value stream).
    explicit FacetColumn(const Xapian::Database& db);

    // Whether the column knows document `id` (false for documents committed after it was read).
    bool covers(Xapian::docid id) const { return id < ids_.size(); }
    // The id of document `id`'s value (0: none), below distinct().
    std::uint32_t id_of(Xapian::docid id) const { return ids_[id]; }
    std::size_t distinct() const { return combos_.size(); }
    // The field ids of a value id.
    const std::array<std::uint32_t, FacetFields::kFields>& fields_of(std::uint32_t id) const {
        return combos_[id];
    }
    const FacetFields& fields() const { return fields_; }

    // The syndicated-copy cluster (Slot::cluster) of document `id` as a small id, 0 for none;
    // below clusters(). (For counting stories: matches less collapsed copies.)
    std::uint32_t cluster_of(Xapian::docid id) const { return clusters_[id]; }
    std::size_t clusters() const { return cluster_ids_.size() + 1; }
    // The id of a cluster key, 0 when the column has not seen it.
    std::uint32_t cluster_id(const std::string& key) const {
        const auto it = cluster_ids_.find(key);
        return it == cluster_ids_.end() ? 0 : it->second;
    }

private:
    FacetFields fields_;
    std::vector<std::uint32_t> clusters_; // by docid
    std::unordered_map<std::string, std::uint32_t> cluster_ids_;
    std::vector<std::uint32_t> ids_;                                      // by docid
    std::vector<std::array<std::uint32_t, FacetFields::kFields>> combos_; // by value id; 0: no value
};

} // namespace hemeroteca::search
