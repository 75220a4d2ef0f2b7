#include "render/json.h"

#include "snippet/snippet.h"

namespace hemeroteca::search {

nlohmann::ordered_json results_json(const SearchResults& r, const analysis::Analyzer& analyzer) {
    snippet::SnippetOptions so;
    so.markup = {"<mark>", "</mark>", true, "…"};
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const auto& hit : r.hits) {
        const Article& a = hit.article;
        hits.push_back(nlohmann::ordered_json{{"rank", hit.rank},
                        {"id", hit.docid},
                        {"url", a.url},
                        {"title", a.title},
                        {"date", a.date},
                        {"author", a.author},
                        {"section", a.section},
                        {"source", a.source},
                        {"lang", a.lang},
                        {"score", hit.score},
                        {"snippet", snippet::make_snippet(a.text, r.terms, analyzer, so)}});
    }
    return nlohmann::ordered_json{{"query", r.query},
            {"total", r.total.estimated},
            {"total_exact", r.total.exact()},
            {"matching", r.matching == Matching::all_words ? "all_words" : "any_word"},
            {"relaxed", r.relaxed},
            {"results", std::move(hits)}};
}

} // namespace hemeroteca::search
