#include "server/api_params.h"

#include "document.h"
#include "server/http_error.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace hemeroteca::search::server {

namespace {

std::size_t number(const ParamLookup& param, const std::string& name, std::size_t fallback, std::size_t min,
                   std::size_t max) {
    const auto text = param(name);
    if (!text || text->empty()) return fallback;
    std::size_t value = 0;
    const char* last = text->data() + text->size();
    const auto [end, ec] = std::from_chars(text->data(), last, value);
    if (ec != std::errc() || end != last || value < min || value > max)
        throw bad_parameter(name, name + " must be a whole number from " + std::to_string(min) + " to " +
                                      std::to_string(max));
    return value;
}

bool flag(const ParamLookup& param, const std::string& name, bool fallback) {
    const auto text = param(name);
    if (!text || text->empty()) return fallback;
    if (*text == "1" || *text == "true" || *text == "yes" || *text == "on") return true;
    if (*text == "0" || *text == "false" || *text == "no" || *text == "off") return false;
    throw bad_parameter(name, name + " must be true or false (1 or 0)");
}

std::string text(const ParamLookup& param, const std::string& name, std::size_t max_bytes) {
    auto value = param(name).value_or("");
    if (value.size() > max_bytes)
        throw bad_parameter(name, name + " is too long (at most " + std::to_string(max_bytes) + " bytes)");
    return value;
}

Sort sort_of(const ParamLookup& param) {
    const auto value = param("sort").value_or("");
    if (value.empty()) return Sort::relevance;
    const auto sort = parse_sort(value);
    if (!sort) throw bad_parameter("sort", "sort must be " + sort_names(" or "));
    return *sort;
}

constexpr std::size_t kMaxFilterBytes = 200;

} // namespace

SearchRequest search_request(const ParamLookup& param, const Limits& limits) {
    SearchRequest r;
    r.query = text(param, "q", limits.max_query_bytes);
    r.limit = number(param, "per_page", 10, 1, limits.max_per_page);
    const std::size_t page = number(param, "page", 1, 1, limits.max_page);
    r.offset = (page - 1) * r.limit;
    r.sort = sort_of(param);
    for (const auto& f : kFilters) r.filters.*f.field = text(param, std::string(f.name), kMaxFilterBytes);
    r.facets = flag(param, "facets", false);
    r.collapse = flag(param, "collapse", true);
    r.cost = limits.query;
    return r;
}

std::size_t page_of(const SearchRequest& request) {
    return request.offset / std::max<std::size_t>(request.limit, 1) + 1;
}

std::string article_id(const ParamLookup& param) {
    const std::string id = param("id").value_or("");
    if (id.empty()) throw bad_parameter("id", "id is required (an article id from /api/search)");
    if (!is_public_id(id))
        throw bad_parameter("id", "id must be an article id from /api/search (16 hexadecimal digits)");
    return id;
}

} // namespace hemeroteca::search::server
