#include "server/api_handlers.h"

#include "document.h"
#include "render/json.h"
#include "server/http_error.h"
#include "snippet/snippet.h"
#include "util/url_host.h"

#include <string_view>

namespace hemeroteca::search::server {

namespace {

// The article id= names (its docid and stored article); 404 when the archive has none.
std::pair<Xapian::docid, Article> require_article(Searcher& searcher, const ParamLookup& param) {
    const std::string id = article_id(param);
    const Xapian::docid docid = searcher.find_public_id(id);
    auto article = docid == 0 ? std::nullopt : searcher.article(docid);
    if (!article) throw not_found("no article with the id " + id);
    return {docid, std::move(*article)};
}

constexpr std::size_t kRelatedDefault = 5;

// "original" (a URL to the page), "short" (a link shortener's, which often dies), "none".
const char* url_kind(const std::string& url) {
    if (url.empty()) return "none";
    return util::is_short_link_host(util::url_host(url)) ? "short" : "original";
}

// The text's paragraphs (separated by blank lines, else by line breaks).
std::vector<std::string_view> paragraphs(std::string_view text) {
    std::vector<std::string_view> out;
    const bool blank_lines = text.find("\n\n") != std::string_view::npos;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(blank_lines ? "\n\n" : "\n", start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view p = text.substr(start, end - start);
        while (!p.empty() && (p.front() == '\n' || p.front() == ' ')) p.remove_prefix(1);
        while (!p.empty() && (p.back() == '\n' || p.back() == ' ')) p.remove_suffix(1);
        if (!p.empty()) out.push_back(p);
        start = end + 1;
    }
    return out;
}

TimeUnit unit_of(const ParamLookup& param) {
    const std::string unit = param("unit").value_or("");
    if (unit.empty() || unit == "auto") return TimeUnit::automatic;
    if (unit == "year") return TimeUnit::year;
    if (unit == "month") return TimeUnit::month;
    if (unit == "day") return TimeUnit::day;
    throw bad_parameter("unit", "unit must be auto, year, month or day");
}

} // namespace

nlohmann::ordered_json api_search(Searcher& searcher, const ParamLookup& param, const Limits& limits) {
    const SearchRequest request = search_request(param, limits);
    const SearchResults results = searcher.search(request);
    nlohmann::ordered_json out = results_json(results, request, searcher.analyzer());
    out["page"] = page_of(request);
    out["per_page"] = request.limit;
    return out;
}

nlohmann::ordered_json api_article(Searcher& searcher, const ParamLookup& param, const Limits& limits) {
    auto [id, article] = require_article(searcher, param);
    Hit hit;
    hit.docid = id;
    hit.article = std::move(article);
    nlohmann::ordered_json out = hit_json(hit);
    out.erase("rank");
    out.erase("score");
    out["text"] = hit.article.text;
    out["key"] = article_key(hit.article);
    out["url_kind"] = url_kind(hit.article.url);
    // The stored text with the query's matches highlighted (escaped HTML, <mark>).
    const std::string q = param("q").value_or("");
    if (q.size() > limits.max_query_bytes) throw bad_parameter("q", "q is too long");
    const analysis::QueryTerms terms = searcher.query_terms(q);
    const snippet::Markup markup{"<mark>", "</mark>", true, ""};
    out["title_html"] = snippet::highlight(hit.article.title, terms, searcher.analyzer(), markup);
    nlohmann::ordered_json paras = nlohmann::ordered_json::array();
    long first_match = -1;
    std::size_t matches = 0;
    for (const std::string_view p : paragraphs(hit.article.text)) {
        std::string html = snippet::highlight(p, terms, searcher.analyzer(), markup);
        for (std::size_t at = html.find("<mark>"); at != std::string::npos; at = html.find("<mark>", at + 6))
            ++matches;
        if (first_match < 0 && html.find("<mark>") != std::string::npos)
            first_match = static_cast<long>(paras.size());
        paras.push_back(std::move(html));
    }
    out["paragraphs"] = std::move(paras);
    out["first_match"] = first_match;
    out["matches"] = matches;
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
    const auto [id, article] = require_article(searcher, param);
    request.like_id = id;
    if (!param("per_page")) request.limit = kRelatedDefault;
    const SearchResults results = searcher.search(request);
    nlohmann::ordered_json out = results_json(results, request, searcher.analyzer());
    out["id"] = public_id(article);
    return out;
}

nlohmann::ordered_json api_timeline(Searcher& searcher, const ParamLookup& param, const Limits& limits) {
    const SearchRequest request = search_request(param, limits);
    return timeline_json(searcher.timeline(request, unit_of(param)), request.query);
}

nlohmann::ordered_json api_health(Searcher& searcher, const ParamLookup&, const Limits&) {
    return {{"status", "ok"}, {"articles", searcher.doc_count()}, {"last_updated", searcher.last_updated()}};
}

} // namespace hemeroteca::search::server
