#include "batch.h"

#include "article_json.h"
#include "render/json.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace hemeroteca::search {

namespace {

// One JSON line -> a request, through the vocabulary of request.h; wrong types and
// unknown names are RequestErrors (the line's error object), never a crash.
SearchRequest request_from_json(const nlohmann::json& j, SearchRequest r) {
    if (!j.is_object()) throw RequestError("a JSON line must be an object");
    const auto str = [&](std::string_view key, std::string& target) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        if (!it->is_string()) throw RequestError(std::string(key) + " must be a string");
        target = it->get<std::string>();
    };
    const auto whole = [&](std::string_view key, std::size_t& target) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        if (!it->is_number_unsigned()) throw RequestError(std::string(key) + " must be a whole number");
        target = it->get<std::size_t>();
    };
    const auto boolean = [&](std::string_view key, bool& target) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        if (!it->is_boolean()) throw RequestError(std::string(key) + " must be true or false");
        target = it->get<bool>();
    };
    str("query", r.query);
    if (r.query.empty()) str("q", r.query);
    for (const auto& f : kFilters) str(f.name, r.filters.*f.field);
    str("like", r.like);
    whole("limit", r.limit);
    whole("offset", r.offset);
    std::string sort;
    str("sort", sort);
    if (!sort.empty()) {
        const auto parsed = parse_sort(sort);
        if (!parsed) throw RequestError("unknown sort '" + sort + "' (" + sort_names() + ")");
        r.sort = *parsed;
    }
    boolean("facets", r.facets);
    boolean("collapse", r.collapse);
    boolean("explain", r.explain);
    if (const auto it = j.find("exact_boost"); it != j.end() && !it->is_null()) {
        if (!it->is_number()) throw RequestError("exact_boost must be a number");
        r.exact_boost = it->get<double>();
    }
    validate(r);
    return r;
}

// A line that holds nothing to run: blank, or a "# comment".
bool skipped(const std::string& line) {
    const std::size_t first = line.find_first_not_of(" \t");
    return first == std::string::npos || line[first] == '#';
}

nlohmann::ordered_json error_line(std::size_t number, const nlohmann::ordered_json& id,
                                  const std::string& what) {
    nlohmann::ordered_json err = {{"line", number}};
    if (!id.is_null()) err["id"] = id;
    err["error"] = what;
    return err;
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
        if (skipped(line)) continue;
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
            out << dump_json(error_line(number, id, e.what())) << '\n';
        } catch (const Xapian::Error& e) {
            // Not a std::exception: uncaught, it ended the batch and lost every later
            // line (a corrupt block, a shard gone after the reconnect).
            ++failed;
            out << dump_json(error_line(number, id, "database error: " + e.get_description())) << '\n';
        }
    }
    return failed;
}

} // namespace hemeroteca::search
