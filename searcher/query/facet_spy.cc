#include "query/facet_spy.h"

#include "schema.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace hemeroteca::search {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++seen_;
    if (column_) {
        const Xapian::docid id = doc.get_docid();
        if (column_->covers(id)) {
            ++by_id_[column_->id_of(id)];
            return;
        }
    }
    ++by_value_[doc.get_value(schema::slot(schema::Slot::facets))];
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
    std::map<std::string_view, Xapian::doccount> counts;
    const auto add = [&](std::string_view value, Xapian::doccount n) {
        const std::string_view f = field(value, index);
        if (n > 0 && !f.empty()) counts[f] += n;
    };
    for (std::size_t id = 0; id < by_id_.size(); ++id)
        add(column_->value(static_cast<std::uint32_t>(id)), by_id_[id]);
    for (const auto& [value, n] : by_value_) add(value, n);

    std::vector<std::pair<std::string, Xapian::doccount>> out;
    out.reserve(counts.size());
    for (const auto& [value, n] : counts) out.emplace_back(std::string(value), n);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

} // namespace hemeroteca::search
