#include "query/facet_column.h"

#include "schema.h"

namespace hemeroteca::search {

FacetFields::FacetFields() {
    for (std::size_t f = 0; f < kFields; ++f) {
        names_[f].emplace_back();
        ids_[f].emplace(std::string(), kEmpty);
    }
}

std::array<std::uint32_t, FacetFields::kFields> FacetFields::split(std::string_view combined) {
    std::array<std::uint32_t, kFields> out{};
    for (std::size_t f = 0; f < kFields; ++f) {
        const std::size_t sep = combined.find(schema::facet_separator);
        const std::string_view value = combined.substr(0, sep);
        auto [pos, added] =
            ids_[f].try_emplace(std::string(value), static_cast<std::uint32_t>(names_[f].size()));
        if (added) names_[f].push_back(pos->first);
        out[f] = pos->second;
        if (sep == std::string_view::npos) break;
        combined.remove_prefix(sep + 1);
    }
    return out;
}

FacetColumn::FacetColumn(const Xapian::Database& db) : combos_(1) {
    ids_.resize(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    std::unordered_map<std::string, std::uint32_t> interned;
    const Xapian::valueno slot = schema::slot(schema::Slot::facets);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const Xapian::docid id = it.get_docid();
        if (id >= ids_.size()) continue; // committed after get_lastdocid(): read from the document
        auto [pos, added] = interned.try_emplace(*it, static_cast<std::uint32_t>(combos_.size()));
        if (added) combos_.push_back(fields_.split(pos->first));
        ids_[id] = pos->second;
    }
    clusters_.resize(ids_.size(), 0);
    const Xapian::valueno cluster = schema::slot(schema::Slot::cluster);
    for (auto it = db.valuestream_begin(cluster); it != db.valuestream_end(cluster); ++it) {
        const Xapian::docid id = it.get_docid();
        if (id >= clusters_.size() || (*it).empty()) continue;
        clusters_[id] =
            cluster_ids_.try_emplace(*it, static_cast<std::uint32_t>(cluster_ids_.size() + 1)).first->second;
    }
}

} // namespace hemeroteca::search
