// Page metadata: title, date, authors, section, outlet, each with where it came from.
#pragma once

#include "extract/dom.h"
#include "extract/jsonld.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

struct Field {
    std::string value;
    std::string origin; // e.g. "og:title", "json-ld", "h1", "url"
};

struct Metadata {
    Field title, date, author, section, source, url;
    std::string og_type;      // og:type ("article", "website"...)
    std::string description;  // og:description / meta description
    std::string json_ld_body; // JSON-LD articleBody when present
    // field -> the candidates that lost and why ("og:title '…' rejected: differs from the h1 …")
    std::map<std::string, std::vector<std::string>> rejected;
};

// <meta> values by lower-cased property/name/itemprop (the first of each).
using MetaTags = std::map<std::string, std::string, std::less<>>;
MetaTags read_meta_tags(const GumboNode* root);

// Removes a " | Outlet", " - Outlet", " — Outlet" tail when it names the outlet
// (site name or host) or is a short trailing segment of a <title>.
std::string strip_outlet_tail(std::string_view title, std::string_view site_name, std::string_view host);

// The host of a URL without "www."; empty when there is none.
std::string host_of(std::string_view url);

Metadata read_metadata(const GumboNode* root, const JsonLd& json_ld, std::string_view url);

} // namespace hemeroteca::extract
