// The document model: one news article as the extractor produces it and the
// indexer stores it. Plain data; no behaviour beyond small helpers.
#pragma once

#include <string>
#include <vector>

namespace hemeroteca {

struct Article {
    std::string url;       // canonical URL when known (may be empty)
    std::string title;     // headline, without the " | Outlet" tail
    std::string date;      // ISO 8601 ("2026-01-09" or "2026-01-09T08:30:00+01:00"), empty when unknown
    std::string author;    // authors joined with ", "
    std::string section;   // e.g. "Internacional"
    std::string source;    // the outlet, e.g. "El País"
    std::string lang;      // ISO 639-1 code, "es" when the text is Spanish
    std::string text;      // body text, paragraphs separated by blank lines
    std::string origin;    // where it was read from: "path" or "path:line"
    std::string stable_id; // an id for articles without a URL (e.g. "file.jsonl#42")
};

// True when the article has enough to be worth indexing (a title or a body).
inline bool has_content(const Article& a) { return !a.title.empty() || !a.text.empty(); }

} // namespace hemeroteca
