#include "query/url_filters.h"

#include "schema.h"
#include "util/strings.h"
#include "util/url_host.h"

#include <array>
#include <vector>

namespace hemeroteca::search {

namespace {

constexpr std::array<std::string_view, 2> kSiteFields = {"site:", "sitio:"};
constexpr std::string_view kUrlField = "url:";
constexpr Xapian::termcount kMaxUrlExpansion = 100000; // URLs under one prefix

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && util::ascii_lower(text.substr(0, prefix.size())) == prefix;
}

Xapian::Query site_query(std::string_view value) {
    const std::string host = util::url_host(value);
    if (host.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(std::string(schema::prefix::site) + host);
}

Xapian::Query url_prefix_query(std::string_view value) {
    std::vector<std::string> prefixes;
    if (value.find("://") != std::string_view::npos) {
        prefixes.emplace_back(value);
    } else {
        for (const char* scheme : {"https://", "http://"}) {
            prefixes.push_back(scheme + std::string(value));
            if (!starts_with_ci(value, "www."))
                prefixes.push_back(scheme + std::string("www.") + std::string(value));
        }
    }
    std::vector<Xapian::Query> parts;
    for (const auto& p : prefixes)
        parts.emplace_back(Xapian::Query::OP_WILDCARD, std::string(schema::prefix::id) + p, kMaxUrlExpansion,
                           Xapian::Query::WILDCARD_LIMIT_FIRST);
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// The value after "field:", unquoted; `pos` moves past it.
std::string_view take_value(std::string_view q, std::size_t& pos) {
    if (pos < q.size() && q[pos] == '"') {
        const std::size_t close = q.find('"', pos + 1);
        const std::size_t end = close == std::string_view::npos ? q.size() : close;
        const std::string_view v = q.substr(pos + 1, end - pos - 1);
        pos = close == std::string_view::npos ? q.size() : close + 1;
        return v;
    }
    const std::size_t start = pos;
    while (pos < q.size() && !is_space(q[pos])) ++pos;
    return q.substr(start, pos - start);
}

} // namespace

Xapian::Query UrlFilters::apply(const Xapian::Query& query) const {
    Xapian::Query q = query.empty() ? Xapian::Query::MatchAll : query;
    if (!require.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, require);
    if (!exclude.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, exclude);
    return q;
}

UrlFilters extract_url_filters(std::string_view q) {
    UrlFilters out;
    std::vector<Xapian::Query> required, excluded;
    std::size_t pos = 0;
    while (pos < q.size()) {
        const std::size_t word = pos;
        while (pos < q.size() && !is_space(q[pos])) ++pos;
        // A clause starts a word: [-]site:value, [-]sitio:value, [-]url:value.
        std::size_t at = word;
        const bool negated = at < q.size() && q[at] == '-';
        if (negated) ++at;
        const std::string_view rest = q.substr(at);
        std::size_t field = 0;
        bool is_site = false;
        for (const auto f : kSiteFields)
            if (starts_with_ci(rest, f)) field = f.size(), is_site = true;
        if (!is_site && starts_with_ci(rest, kUrlField)) field = kUrlField.size();
        if (field == 0 || at + field >= q.size() || is_space(q[at + field])) {
            out.rest.append(q.substr(word, pos - word));
            while (pos < q.size() && is_space(q[pos])) out.rest += q[pos++];
            continue;
        }
        pos = at + field;
        const std::string_view value = take_value(q, pos);
        if (!value.empty())
            (negated ? excluded : required).push_back(is_site ? site_query(value) : url_prefix_query(value));
        while (pos < q.size() && is_space(q[pos])) ++pos;
        if (!out.rest.empty() && !is_space(out.rest.back())) out.rest += ' ';
    }
    out.rest = util::trim(out.rest);
    if (!required.empty())
        out.require = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
    if (!excluded.empty())
        out.exclude = Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
    return out;
}

} // namespace hemeroteca::search
