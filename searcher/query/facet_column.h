// The Slot::facets value of every document, held in memory by docid (a column,
// like Lucene's doc values): facet counting then costs an array look-up per
// match instead of reading each match's value from the database. Each distinct
// value (one year/section/outlet/authors/language combination) is stored once,
// as a small id, with the ids of its field values; each field value has the id
// of its key (facet_value.h), under which its variants are counted as one.
#pragma once

#include "facet_value.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hemeroteca::search {

// The field values of combined facet values, each distinct surface form once,
// and their keys.
class FacetFields {
public:
    static constexpr std::size_t kFields = facets::kFields;

    struct Item {
        std::uint32_t field;   // facets::Field
        std::uint32_t surface; // surface id in that field
    };

    // The id of a surface form of field `field` (added when new).
    std::uint32_t surface_id(std::size_t field, std::string_view surface);
    std::size_t surfaces(std::size_t field) const { return surfaces_[field].size(); }
    // As shown: white space trimmed.
    const std::string& surface(std::size_t field, std::uint32_t id) const { return surfaces_[field][id]; }
    std::uint32_t key_of(std::size_t field, std::uint32_t surface) const { return key_of_[field][surface]; }
    std::size_t keys(std::size_t field) const { return key_ids_[field].size(); }
    const std::string& key(std::size_t field, std::uint32_t key_id) const { return keys_[field][key_id]; }

private:
    std::array<std::vector<std::string>, kFields> surfaces_;
    std::array<std::unordered_map<std::string, std::uint32_t>, kFields> surface_ids_; // by stored form
    std::array<std::vector<std::uint32_t>, kFields> key_of_;
    std::array<std::vector<std::string>, kFields> keys_;
    std::array<std::unordered_map<std::string, std::uint32_t>, kFields> key_ids_;
};

class FacetColumn {
public:
    // Reads the facet value and cluster key of every document of `db` (a pass over each value stream).
    explicit FacetColumn(const Xapian::Database& db);

    // Whether the column knows document `id` (false for documents committed after it was read).
    bool covers(Xapian::docid id) const { return id < ids_.size(); }
    // The id of document `id`'s value (0: none), below distinct().
    std::uint32_t id_of(Xapian::docid id) const { return ids_[id]; }
    std::size_t distinct() const { return starts_.size() - 1; }
    // The field values of a value id: [begin, end) of items().
    const FacetFields::Item* items_begin(std::uint32_t id) const { return items_.data() + starts_[id]; }
    const FacetFields::Item* items_end(std::uint32_t id) const { return items_.data() + starts_[id + 1]; }
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
    std::vector<std::uint32_t> ids_;    // by docid
    std::vector<std::uint32_t> starts_; // by value id (0: no value), into items_; one past the last
    std::vector<FacetFields::Item> items_;
};

// The column of a database revision, shared by the searchers of one process
// (the server's threads): built once per revision instead of once per thread
// (~70 MB each at a million articles). Thread-safe; the two newest revisions
// are kept, since searchers reopen at their own pace.
class SharedFacetColumns {
public:
    // The column of `db`, whose revision is `revision`; built on the first call for it
    // (the other callers wait rather than build it too). `build` false: only an existing one.
    std::shared_ptr<const FacetColumn> get(const Xapian::Database& db, const std::string& revision,
                                           bool build);

private:
    std::mutex lock_;
    std::string newer_tag_, older_tag_;
    std::shared_ptr<const FacetColumn> newer_, older_;
};

} // namespace hemeroteca::search
