#include "batch.h"

#include "article_json.h"
#include "render/json.h"

#include <nlohmann/json.hpp>

namespace hemeroteca::search {

namespace {

Sort parse_sort(const std::string& s) {
    if (s == "relevance") return Sort::relevance;
    if (s == "newest") return Sort::newest;
    if (s == "oldest") return Sort::oldest;
    if (s == "mixed") return Sort::mixed;
    throw RequestError("unknown sort '" + s + "' (relevance, newest, oldest, mixed)");
}

SearchRequest request_from_json(const nlohmann::json& j, SearchRequest r) {
    const auto str = [&](const char* key, std::string& target) {
        if (const auto it = j.find(key); it != j.end() && it->is_string()) target = it->get<std::string>();
    };
    str("query", r.query);
    if (r.query.empty()) str("q", r.query);
    str("from", r.filters.from);
    str("to", r.filters.to);
    str("section", r.filters.section);
    str("source", r.filters.source);
    str("author", r.filters.author);
    str("lang", r.filters.lang);
    str("like", r.like);
    if (const auto it = j.find("limit"); it != j.end()) r.limit = it->get<std::size_t>();
    if (const auto it = j.find("offset"); it != j.end()) r.offset = it->get<std::size_t>();
    if (const auto it = j.find("sort"); it != j.end()) r.sort = parse_sort(it->get<std::string>());
    if (const auto it = j.find("facets"); it != j.end()) r.facets = it->get<bool>();
    if (const auto it = j.find("collapse"); it != j.end()) r.collapse = it->get<bool>();
    if (const auto it = j.find("exact_boost"); it != j.end()) r.exact_boost = it->get<double>();
    return r;
}

} // namespace

std::size_t run_batch(Searcher& searcher, const SearchRequest& defaults, std::istream& in,
                      std::ostream& out) {
    std::string line;
    std::size_t number = 0;
    std::size_t failed = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        nlohmann::ordered_json id;
        try {
            SearchRequest request = defaults;
            if (line.front() == '{') {
                const auto j = nlohmann::json::parse(line);
                if (const auto it = j.find("id"); it != j.end()) id = *it;
                request = request_from_json(j, defaults);
            } else {
                request.query = line;
            }
            auto result = results_json(searcher.search(request), request, searcher.analyzer());
            result["line"] = number;
            if (!id.is_null()) result["id"] = id;
            out << dump_json(result) << '\n';
        } catch (const std::exception& e) {
            ++failed;
            nlohmann::ordered_json err = {{"line", number}};
            if (!id.is_null()) err["id"] = id;
            err["error"] = e.what();
            out << dump_json(err) << '\n';
        }
    }
    return failed;
}

} // namespace hemeroteca::search
