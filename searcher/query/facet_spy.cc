#include "query/facet_spy.h"

#include "schema.h"

#include <algorithm>

namespace hemeroteca::search {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++seen_;
    const std::string value = doc.get_value(schema::slot(schema::Slot::facets));
    std::size_t start = 0;
    for (std::size_t i = 0; i < counts_.size() && start <= value.size(); ++i) {
        std::size_t end = value.find(schema::facet_separator, start);
        if (end == std::string::npos) end = value.size();
        if (end > start) ++counts_[i][value.substr(start, end - start)];
        start = end + 1;
    }
}

std::vector<std::pair<std::string, Xapian::doccount>> FacetSpy::top(std::size_t index,
                                                                    std::size_t limit) const {
    std::vector<std::pair<std::string, Xapian::doccount>> out(counts_.at(index).begin(),
                                                              counts_.at(index).end());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

} // namespace hemeroteca::search
