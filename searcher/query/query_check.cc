#include "query/query_check.h"

#include "analysis/tokens.h"

#include <vector>

namespace hemeroteca::search {

namespace {

std::string_view trimmed(std::string_view s) {
    const std::size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = s.find_first_not_of(" \t\r\n", i);
        if (start == std::string_view::npos) break;
        const std::size_t end = std::min(s.find_first_of(" \t\r\n", start), s.size());
        out.push_back(s.substr(start, end - start));
        i = end;
    }
    return out;
}

bool binary_operator(std::string_view w) {
    return w == "AND" || w == "OR" || w == "XOR" || w == "NEAR" || w == "ADJ" || w.rfind("NEAR/", 0) == 0 ||
           w.rfind("ADJ/", 0) == 0;
}

std::string quoted(std::string_view s) { return "«" + std::string(s) + "»"; }

} // namespace

std::optional<std::string> as_url(const NormalizedQuery& query) {
    const std::string_view q = trimmed(query.user);
    if (q.empty() || q.find_first_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
    if (q.rfind("http://", 0) == 0 || q.rfind("https://", 0) == 0) return std::string(q);
    if (q.rfind("www.", 0) == 0 && q.find('.', 4) != std::string_view::npos)
        return "https://" + std::string(q);
    return std::nullopt;
}

void check_meaningful(const NormalizedQuery& query, const analysis::Analyzer& analyzer) {
    const std::string_view user = trimmed(query.user);
    const auto ws = words(user);
    if (ws.empty() || (query.has_url_filters && trimmed(query.text).empty())) return; // site: alone filters
    // An operator needs a word on each side (NOT may start a query: "everything but").
    if (binary_operator(ws.front()) || binary_operator(ws.back()) || ws.back() == "NOT")
        throw MeaninglessQuery(
            "cannot understand the query: " +
            quoted(binary_operator(ws.back()) || ws.back() == "NOT" ? ws.back() : ws.front()) +
            " needs a word on each side (e.g. Danilo NEAR Medina)");
    // A field name needs something after the colon.
    for (const auto w : ws) {
        if (w.size() < 2 || w.back() != ':') continue;
        const std::string name = analyzer.term(w.substr(0, w.size() - 1));
        if (is_field_name(name))
            throw MeaninglessQuery(quoted(w) + " needs something to look for after the colon (e.g. " +
                                   std::string(w) + "Putin)");
    }
    // Words: punctuation alone (-, *, ", ¿?) has none; stop words alone say nothing outside a phrase.
    std::vector<std::string> found;
    bool content = false;
    analysis::tokenize(query.text, [&](const analysis::Token& tok) {
        if (analysis::is_query_operator(tok.text)) return;
        const std::string term = analyzer.term(tok.text);
        if (is_field_name(term) && tok.end < query.text.size() && query.text[tok.end] == ':') return;
        found.push_back(tok.text);
        if (!analyzer.is_stopword(term)) content = true;
    });
    if (found.empty()) throw MeaninglessQuery(quoted(user) + " has no words to search for");
    if (!content && query.text.find('"') == std::string::npos) {
        std::string list;
        for (const auto& w : found) list += (list.empty() ? "" : ", ") + w;
        throw MeaninglessQuery(quoted(user) + " has only stop words (" + list +
                               "), which are not searched on their own: add a word that names what you "
                               "look for, or quote a phrase");
    }
}

} // namespace hemeroteca::search
