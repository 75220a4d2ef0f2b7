#include "query/facet_column.h"

#include "schema.h"

namespace hemeroteca::search {

std::uint32_t FacetFields::surface_id(std::size_t field, std::string_view surface) {
    auto [pos, added] = surface_ids_[field].try_emplace(std::string(surface),
                                                        static_cast<std::uint32_t>(surfaces_[field].size()));
    if (added) {
        surfaces_[field].push_back(facets::display(surface));
        const auto [k, new_key] = key_ids_[field].try_emplace(
            facets::key(surface), static_cast<std::uint32_t>(keys_[field].size()));
        if (new_key) keys_[field].push_back(k->first);
        key_of_[field].push_back(k->second);
    }
    return pos->second;
}

FacetColumn::FacetColumn(const Xapian::Database& db) : starts_{0, 0} {
    ids_.resize(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    std::unordered_map<std::string, std::uint32_t> interned;
    const Xapian::valueno slot = schema::slot(schema::Slot::facets);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const Xapian::docid id = it.get_docid();
        if (id >= ids_.size()) continue; // committed after get_lastdocid(): read from the document
        auto [pos, added] = interned.try_emplace(*it, static_cast<std::uint32_t>(starts_.size() - 1));
        if (added) {
            facets::for_each_value(pos->first, [&](facets::Field f, std::string_view value) {
                const auto field = static_cast<std::size_t>(f);
                items_.push_back({static_cast<std::uint32_t>(field), fields_.surface_id(field, value)});
            });
            starts_.push_back(static_cast<std::uint32_t>(items_.size()));
        }
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

std::shared_ptr<const FacetColumn> SharedFacetColumns::get(const Xapian::Database& db,
                                                           const std::string& revision, bool build) {
    const std::lock_guard<std::mutex> guard(lock_);
    if (newer_ && newer_tag_ == revision) return newer_;
    if (older_ && older_tag_ == revision) return older_;
    if (!build) return nullptr;
    auto column = std::make_shared<const FacetColumn>(db);
    older_ = std::move(newer_);
    older_tag_ = std::move(newer_tag_);
    newer_ = column;
    newer_tag_ = revision;
    return column;
}

} // namespace hemeroteca::search
