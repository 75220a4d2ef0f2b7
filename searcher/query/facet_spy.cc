#include "query/facet_spy.h"

#include "schema.h"

#include <algorithm>
#include <unordered_map>
#include <string_view>

namespace hemeroteca::search {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++seen_;
    if (column_) {
        const Xapian::docid id = doc.get_docid();
        if (column_->covers(id)) {
            ++by_id_[column_->id_of(id)];
            count_story(column_->cluster_of(id));
            return;
        }
    }
    ++by_value_[doc.get_value(schema::slot(schema::Slot::facets))];
    const std::string key = doc.get_value(schema::slot(schema::Slot::cluster));
    const std::uint32_t known = column_ && !key.empty() ? column_->cluster_id(key) : 0;
    if (known != 0)
        count_story(known);
    else if (key.empty())
        ++stories_; // no syndicated copies
    else
        stories_ += other_clusters_.insert(key).second;
}

void FacetSpy::count_story(std::uint32_t cluster_id) {
    if (cluster_id == 0) {
        ++stories_; // no syndicated copies
    } else if (!cluster_seen_[cluster_id]) {
        cluster_seen_[cluster_id] = true;
        ++stories_;
    }
}

namespace {

// Field `index` of a combined "year\x1fsection\x1fsource" value ("" when absent).
std::string_view field(std::string_view value, std::size_t index) {
    for (std::size_t i = 0; i < index; ++i) {
        const std::size_t sep = value.find(schema::facet_separator);
        if (sep == std::string_view::npos) return {};
        value.remove_prefix(sep + 1);
    }
    return value.substr(0, value.find(schema::facet_separator));
}

} // namespace

std::vector<std::pair<std::string, Xapian::doccount>> FacetSpy::top(std::size_t index,
                                                                    std::size_t limit) const {
    std::unordered_map<std::string_view, Xapian::doccount> counts;
    if (column_) { // value ids -> field ids -> names
        const FacetFields& fields = column_->fields();
        std::vector<Xapian::doccount> by_field(fields.size(index));
        for (std::size_t id = 1; id < by_id_.size(); ++id)
            if (by_id_[id] > 0)
                by_field[column_->fields_of(static_cast<std::uint32_t>(id))[index]] += by_id_[id];
        for (std::uint32_t f = 1; f < by_field.size(); ++f)
            if (by_field[f] > 0) counts[fields.name(index, f)] += by_field[f];
    }
    for (const auto& [value, n] : by_value_)
        if (const std::string_view f = field(value, index); !f.empty()) counts[f] += n;

    std::vector<std::pair<std::string, Xapian::doccount>> out(counts.begin(), counts.end());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

} // namespace hemeroteca::search
