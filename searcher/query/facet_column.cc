#include "query/facet_column.h"

#include "schema.h"

#include <unordered_map>

namespace hemeroteca::search {

FacetColumn::FacetColumn(const Xapian::Database& db) : values_{std::string()} {
    ids_.resize(static_cast<std::size_t>(db.get_lastdocid()) + 1, kNone);
    std::unordered_map<std::string, std::uint32_t> interned;
    const Xapian::valueno slot = schema::slot(schema::Slot::facets);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const Xapian::docid id = it.get_docid();
        if (id >= ids_.size()) continue; // committed after get_lastdocid(): read from the document
        auto [pos, added] = interned.try_emplace(*it, static_cast<std::uint32_t>(values_.size()));
        if (added) values_.push_back(pos->first);
        ids_[id] = pos->second;
    }
}

} // namespace hemeroteca::search
