#include "server/api_handlers.h"

#include "render/json.h"
#include "server/http_error.h"

namespace hemeroteca::search::server {

namespace {

Article require_article(Searcher& searcher, Xapian::docid id) {
    auto article = searcher.article(id);
    if (!article) throw not_found("no article with the id " + std::to_string(id));
    return std::move(*article);
}

constexpr std::size_t kRelatedDefault = 5;

} // namespace

nlohmann::ordered_json api_search(Searcher& searcher, const ParamLookup& param, const Limits& limits) {
    const SearchRequest request = search_request(param, limits);
    const SearchResults results = searcher.search(request);
    nlohmann::ordered_json out = results_json(results, request, searcher.analyzer());
    out["page"] = page_of(request);
    out["per_page"] = request.limit;
    return out;
}

nlohmann::ordered_json api_article(Searcher& searcher, const ParamLookup& param, const Limits&) {
    const Xapian::docid id = article_id(param);
    Hit hit;
    hit.docid = id;
    hit.article = require_article(searcher, id);
    nlohmann::ordered_json out = hit_json(hit);
    out.erase("rank");
    out.erase("score");
    out["text"] = hit.article.text;
    nlohmann::ordered_json versions = nlohmann::ordered_json::array();
    for (const Hit& v : searcher.versions(id)) {
        nlohmann::ordered_json one = hit_json(v);
        one.erase("score");
        versions.push_back(std::move(one));
    }
    out["versions"] = std::move(versions);
    return out;
}

nlohmann::ordered_json api_related(Searcher& searcher, const ParamLookup& param, const Limits& limits) {
    SearchRequest request = search_request(param, limits);
    if (!request.query.empty()) throw bad_parameter("related takes an id, not q");
    request.like_id = article_id(param);
    if (!param("per_page")) request.limit = kRelatedDefault;
    require_article(searcher, request.like_id);
    const SearchResults results = searcher.search(request);
    nlohmann::ordered_json out = results_json(results, request, searcher.analyzer());
    out["id"] = request.like_id;
    return out;
}

nlohmann::ordered_json api_health(Searcher& searcher, const ParamLookup&, const Limits&) {
    return {{"status", "ok"}, {"articles", searcher.doc_count()}, {"last_updated", searcher.last_updated()}};
}

} // namespace hemeroteca::search::server
