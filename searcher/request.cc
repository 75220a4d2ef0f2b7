#include "request.h"

#include <cmath>

namespace hemeroteca::search {

namespace {
// The tables are indexed by their enums: keep them in enum order.
constexpr bool in_order() {
    for (std::size_t i = 0; i < kFilters.size(); ++i)
        if (kFilters[i].filter != static_cast<Filter>(i)) return false;
    for (std::size_t i = 0; i < kFacets.size(); ++i)
        if (kFacets[i].facet != static_cast<Facet>(i)) return false;
    return true;
}
static_assert(in_order());
} // namespace

std::string_view name(Sort sort) {
    for (const auto& [n, s] : kSorts)
        if (s == sort) return n;
    return "relevance";
}

std::optional<Sort> parse_sort(std::string_view text) {
    for (const auto& [n, s] : kSorts)
        if (n == text) return s;
    return std::nullopt;
}

std::string sort_names(std::string_view last_separator) {
    std::string out;
    for (std::size_t i = 0; i < kSorts.size(); ++i) {
        if (i > 0) out += i + 1 == kSorts.size() ? last_separator : std::string_view(", ");
        out += kSorts[i].first;
    }
    return out;
}

std::string_view name(Filter filter) { return kFilters[static_cast<std::size_t>(filter)].name; }

std::string_view name(Facet facet) { return kFacets[index(facet)].name; }

std::string_view label(Facet facet) { return kFacets[index(facet)].label; }

void validate(const SearchRequest& r) {
    if (r.limit < 1 || r.limit > kMaxLimit)
        throw RequestError("limit must be from 1 to " + std::to_string(kMaxLimit));
    if (!(r.half_life_days > 0) || !std::isfinite(r.half_life_days))
        throw RequestError("half_life must be a positive number of days");
    if (!(r.exact_boost >= 0 && r.exact_boost <= kMaxExactBoost))
        throw RequestError("exact_boost must be from 0 to 10");
}

} // namespace hemeroteca::search
