#include "extract/jsonld.h"

#include "extract/text.h"
#include "util/json_depth.h"

#include <array>

namespace hemeroteca::extract {
namespace {

bool is_article_type(std::string_view t) {
    static constexpr std::array<std::string_view, 11> types = {
        "NewsArticle",          "Article",
        "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle",   "BackgroundNewsArticle",
        "ReviewNewsArticle",    "BlogPosting",
        "LiveBlogPosting",      "Report",
        "SocialMediaPosting"};
    for (auto a : types)
        if (a == t) return true;
    return false;
}

std::vector<std::string> types_of(const nlohmann::json& obj) {
    std::vector<std::string> out;
    const auto it = obj.find("@type");
    if (it == obj.end()) return out;
    if (it->is_string())
        out.push_back(it->get<std::string>());
    else if (it->is_array())
        for (const auto& t : *it)
            if (t.is_string()) out.push_back(t.get<std::string>());
    return out;
}

void visit(const nlohmann::json& node, JsonLd& out, int depth) {
    if (depth > 6) return;
    if (node.is_array()) {
        for (const auto& item : node) visit(item, out, depth + 1);
        return;
    }
    if (!node.is_object()) return;
    for (const std::string& t : types_of(node)) {
        out.types.push_back(t);
        if (is_article_type(t) && out.article.is_null()) out.article = node;
        if (t == "BreadcrumbList" && out.breadcrumbs.is_null()) out.breadcrumbs = node;
        if ((t == "NewsMediaOrganization" || t == "Organization") && out.organization.is_null() && depth <= 2)
            out.organization = node;
    }
    if (const auto g = node.find("@graph"); g != node.end()) visit(*g, out, depth + 1);
    if (const auto m = node.find("mainEntity"); m != node.end()) visit(*m, out, depth + 1);
}

// Removes what some pages wrap JSON-LD in (CDATA markers, HTML comments, a trailing ';').
std::string unwrap(std::string_view s) {
    std::string t = trim(s);
    for (std::string_view mark :
         {std::string_view("//<![CDATA["), std::string_view("<![CDATA["), std::string_view("<!--")})
        if (t.starts_with(mark)) t = trim(std::string_view(t).substr(mark.size()));
    for (std::string_view mark :
         {std::string_view("//]]>"), std::string_view("]]>"), std::string_view("-->"), std::string_view(";")})
        if (t.ends_with(mark)) t = trim(std::string_view(t).substr(0, t.size() - mark.size()));
    return t;
}

// Objects with an "@id" and a "name", at the top level or in an @graph (not deeper: ids are
// declared there).
void collect_ids(const nlohmann::json& node, JsonLd& out, int depth) {
    if (depth > 2) return;
    if (node.is_array()) {
        for (const auto& item : node) collect_ids(item, out, depth + 1);
        return;
    }
    if (!node.is_object()) return;
    const auto id = node.find("@id");
    if (id != node.end() && id->is_string() && node.contains("name"))
        out.by_id.emplace(id->get<std::string>(), node);
    if (const auto g = node.find("@graph"); g != node.end()) collect_ids(*g, out, depth + 1);
}

} // namespace

JsonLd read_json_ld(const std::vector<std::string>& blocks) {
    JsonLd out;
    for (const std::string& block : blocks) {
        // Control characters inside strings make the JSON invalid; browsers' parsers tolerate them.
        std::string cleaned = unwrap(block);
        for (char& c : cleaned)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (util::json_nests_deeper(cleaned)) continue; // hostile, not metadata
        const nlohmann::json parsed = nlohmann::json::parse(cleaned, nullptr, false);
        if (parsed.is_discarded()) continue;
        visit(parsed, out, 0);
        collect_ids(parsed, out, 0);
    }
    return out;
}

std::string json_text(const nlohmann::json& value) {
    if (value.is_string()) return collapse_spaces(decode_entities(value.get<std::string>()));
    if (value.is_object()) {
        for (const char* key : {"name", "@value", "headline"})
            if (const auto it = value.find(key); it != value.end() && it->is_string()) return json_text(*it);
        return {};
    }
    if (value.is_array()) {
        for (const auto& item : value)
            if (std::string s = json_text(item); !s.empty()) return s;
    }
    return {};
}

std::vector<std::string> json_names(const nlohmann::json& value) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const auto& item : value)
            if (std::string s = json_text(item); !s.empty()) out.push_back(std::move(s));
    } else if (std::string s = json_text(value); !s.empty()) {
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace hemeroteca::extract
