#include "article_json.h"

namespace hemeroteca {

nlohmann::json to_json(const Article& a) {
    return {{"url", a.url},         {"title", a.title},   {"date", a.date}, {"author", a.author},
            {"section", a.section}, {"source", a.source}, {"lang", a.lang}, {"text", a.text},
            {"origin", a.origin},   {"id", a.stable_id}};
}

Article article_from_stored_json(const nlohmann::json& data) {
    Article a;
    if (!data.is_object()) return a;
    const auto get = [&](const char* key) {
        const auto it = data.find(key);
        return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    a.url = get("url");
    a.title = get("title");
    a.date = get("date");
    a.author = get("author");
    a.section = get("section");
    a.source = get("source");
    a.lang = get("lang");
    a.text = get("text");
    a.origin = get("origin");
    a.stable_id = get("id");
    return a;
}

std::string dump_json(const nlohmann::json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace hemeroteca
