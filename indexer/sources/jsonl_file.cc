#include "sources/jsonl_file.h"

#include "extract/dates.h"
#include "extract/extractor.h"
#include "extract/language.h"
#include "sources/read_file.h"

namespace hemeroteca::indexer {

namespace {

using Json = nlohmann::json;

// The keys each article field is read from, in order of preference.
const std::map<std::string, std::vector<std::string>>& default_keys() {
    static const std::map<std::string, std::vector<std::string>> keys = {
        {"url", {"url", "link", "canonical_url", "source_url"}},
        {"title", {"title", "headline"}},
        {"date", {"date", "date_publish", "published", "date_published", "datePublished", "pubdate"}},
        {"author", {"author", "authors"}},
        {"section", {"section", "articleSection"}},
        {"source", {"source", "newspaper", "source_domain", "hostname", "sitename", "outlet"}},
        {"text", {"text", "body", "maintext", "content", "articleBody"}},
        {"html", {"html", "raw_html"}},
        {"lang", {"lang", "language"}},
        {"id", {"id"}},
    };
    return keys;
}

// A field's value as text: strings as they are, numbers printed, arrays of
// strings joined with ", "; null and empty are "".
std::string as_text(const Json& v, const std::string& key) {
    if (v.is_null()) return {};
    if (v.is_string()) {
        std::string s = v.get<std::string>();
        // Exports from databases and pandas write missing values as text.
        if (s == "NULL" || s == "null" || s == "None" || s == "NaN" || s == "nan") s.clear();
        return s;
    }
    if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>()); // 2^64 - 1 is not "-1"
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) return v.dump();
    if (v.is_array()) {
        std::string out;
        for (const auto& item : v) {
            const std::string s = item.is_object() ? item.value("name", std::string()) : as_text(item, key);
            if (s.empty()) continue;
            if (!out.empty()) out += ", ";
            out += s;
        }
        return out;
    }
    if (v.is_object() && v.contains("name")) return as_text(v["name"], key);
    throw InputError("field '" + key + "' is not text");
}

std::string field(const Json& obj, const std::string& name, const JsonlOptions& options) {
    if (const auto mapped = options.field_map.find(name); mapped != options.field_map.end()) {
        const auto it = obj.find(mapped->second);
        return it == obj.end() ? std::string() : as_text(*it, mapped->second);
    }
    for (const auto& key : default_keys().at(name)) {
        const auto it = obj.find(key);
        if (it == obj.end()) continue;
        std::string value = as_text(*it, key);
        if (!value.empty()) return value;
    }
    return {};
}

} // namespace

std::string normalize_date_field(const std::string& value) {
    std::string iso = extract::parse_machine_date(value);
    if (iso.empty()) iso = extract::parse_spanish_date(value);
    return iso;
}

Article article_from_json(const Json& obj, const JsonlOptions& options, const std::string& origin_name) {
    if (!obj.is_object()) throw InputError("not a JSON object");
    Article a;
    const std::string html = field(obj, "html", options);
    if (!html.empty()) {
        extract::ExtractOptions eo;
        eo.url = field(obj, "url", options);
        eo.keep_non_articles = true;
        a = extract::extract_article(html, eo).article;
    }
    // Explicit fields win over what the page says.
    const auto set = [&](std::string& target, const char* name) {
        std::string v = field(obj, name, options);
        if (!v.empty()) target = std::move(v);
    };
    set(a.url, "url");
    set(a.title, "title");
    set(a.author, "author");
    set(a.section, "section");
    set(a.source, "source");
    set(a.text, "text");
    set(a.lang, "lang");
    // An unreadable date loses the date, not the article.
    if (const std::string date = field(obj, "date", options); !date.empty())
        a.date = normalize_date_field(date);
    if (const std::string id = field(obj, "id", options); !id.empty()) a.stable_id = origin_name + "#" + id;
    if (!has_content(a)) throw EmptyInput("no title and no text");
    if (a.lang.empty()) a.lang = extract::detect_language(a.title + "\n" + a.text);
    return a;
}

} // namespace hemeroteca::indexer
