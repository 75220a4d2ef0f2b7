#include "extract/extraction_json.h"

namespace hemeroteca::extract {

nlohmann::json to_json(const Extraction& e, bool explain) {
    const Article& a = e.article;
    nlohmann::json j = {{"url", a.url},         {"title", a.title},   {"date", a.date}, {"author", a.author},
                        {"section", a.section}, {"source", a.source}, {"lang", a.lang}, {"text", a.text}};
    if (e.truncated) j["truncated"] = true;
    if (explain) {
        j["is_article"] = e.is_article;
        j["reason"] = e.reason;
        j["charset"] = e.charset;
        nlohmann::json origins = nlohmann::json::object();
        for (const auto& [field, origin] : e.provenance) origins[field] = origin;
        j["explain"] = std::move(origins);
        nlohmann::json rejected = nlohmann::json::object();
        for (const auto& [field, note] : e.rejected) rejected[field].push_back(note);
        j["rejected"] = std::move(rejected);
    }
    return j;
}

} // namespace hemeroteca::extract
