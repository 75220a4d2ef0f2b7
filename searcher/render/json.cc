#include "render/json.h"

#include "document.h"

#include "snippet/snippet.h"

namespace hemeroteca::search {

namespace {

nlohmann::ordered_json filters_json(const Filters& f) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& filter : kFilters)
        if (const std::string& v = f.*filter.field; !v.empty()) out[std::string(filter.name)] = v;
    return out;
}

} // namespace

const char* sort_name(Sort sort) { return name(sort).data(); }

nlohmann::ordered_json hit_json(const Hit& hit) {
    const Article& a = hit.article;
    return {{"rank", hit.rank}, {"id", public_id(a)}, {"url", a.url},         {"title", a.title},
            {"date", a.date},   {"author", a.author}, {"section", a.section}, {"source", a.source},
            {"lang", a.lang},   {"score", hit.score}};
}

const char* unit_name(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::automatic: return "auto";
    case TimeUnit::year: return "year";
    case TimeUnit::month: return "month";
    case TimeUnit::day: return "day";
    }
    return "year";
}

nlohmann::ordered_json timeline_json(const Timeline& t, const std::string& query) {
    nlohmann::ordered_json buckets = nlohmann::ordered_json::array();
    for (const auto& b : t.buckets)
        buckets.push_back({{"key", b.key}, {"from", b.from}, {"to", b.to}, {"count", b.count}});
    return {{"query", query},
            {"unit", unit_name(t.unit)},
            {"total", t.total},
            {"undated", t.undated},
            {"buckets", std::move(buckets)}};
}

nlohmann::ordered_json results_json(const SearchResults& r, const SearchRequest& request,
                                    const analysis::Analyzer& analyzer) {
    snippet::SnippetOptions so;
    so.markup = {"<mark>", "</mark>", true, "…"};
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const auto& hit : r.hits) {
        nlohmann::ordered_json h = hit_json(hit);
        h["title_html"] = snippet::highlight(hit.article.title, r.terms, analyzer, so.markup);
        h["snippet"] = snippet::make_snippet(hit.article.text, r.terms, analyzer, so);
        h["versions"] = hit.other_versions;
        if (request.explain) {
            nlohmann::ordered_json terms = nlohmann::ordered_json::array();
            for (const auto& tw : hit.explanation)
                terms.push_back({{"term", tw.term}, {"weight", tw.weight}});
            h["explain"] = std::move(terms);
        }
        hits.push_back(std::move(h));
    }
    nlohmann::ordered_json out = {{"query", r.query},
                                  {"total", r.total.estimated},
                                  {"total_exact", r.total.exact()},
                                  {"matching", r.matching == Matching::all_words ? "all_words" : "any_word"},
                                  {"relaxed", r.relaxed},
                                  {"suggestion", r.suggestion},
                                  {"retried_with", r.retried_with},
                                  {"filters", filters_json(r.applied)},
                                  {"sort", sort_name(request.sort)},
                                  {"collapse", request.collapse},
                                  {"offset", request.offset},
                                  {"took_ms", r.seconds * 1000},
                                  {"results", std::move(hits)}};
    if (!request.like.empty()) out["like"] = request.like;
    if (!r.url.empty()) out["url"] = r.url; // a pasted URL: the article with it (or none)
    if (request.facets) {
        nlohmann::ordered_json facets = nlohmann::ordered_json::object();
        for (const auto& facet : kFacets) {
            const auto it = r.facets.find(std::string(facet.name));
            if (it == r.facets.end()) continue;
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& [value, count] : it->second)
                list.push_back({{"value", value}, {"count", count}});
            facets[std::string(facet.name)] = std::move(list);
        }
        out["facets"] = std::move(facets);
        out["facets_exact"] = r.facets_exact;
    }
    return out;
}

} // namespace hemeroteca::search
