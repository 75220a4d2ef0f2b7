// JSON-LD (schema.org) blocks: parsing, flattening @graph/arrays, and picking
// the article and breadcrumb objects.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

struct JsonLd {
    nlohmann::json article;         // the NewsArticle/Article/... object, or null
    nlohmann::json breadcrumbs;     // the BreadcrumbList object, or null
    nlohmann::json organization;    // a top-level Organization/NewsMediaOrganization, or null
    std::vector<std::string> types; // every @type seen (for page classification)
    // Top-level and @graph objects by "@id" (a Person an article's author points to).
    std::map<std::string, nlohmann::json, std::less<>> by_id;
};

// Parses the blocks; malformed ones are ignored.
JsonLd read_json_ld(const std::vector<std::string>& blocks);

// A string value: a string, the "name"/"@value" of an object, or the first of an array.
std::string json_text(const nlohmann::json& value);
// All names in a value that is a string, an object with "name", or an array of those.
std::vector<std::string> json_names(const nlohmann::json& value);

} // namespace hemeroteca::extract
