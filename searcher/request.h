// The request vocabulary: what a search asks for, and the one spelling of every
// sort, filter and facet name. The terminal options (options.cc), batch mode
// (batch.cc), the HTTP parameters (server/api_params.cc) and JSON rendering
// (render/json.cc) all parse and print names through the tables below, so a new
// sort, filter or facet is added here once and every front end knows it.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hemeroteca::search {

// A bad parameter (an unreadable date, an unknown sort...); what() is a one-line reason.
class RequestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ---- Sort ------------------------------------------------------------------
enum class Sort { relevance, newest, oldest, mixed };

inline constexpr std::array<std::pair<std::string_view, Sort>, 4> kSorts = {{
    {"relevance", Sort::relevance},
    {"newest", Sort::newest},
    {"oldest", Sort::oldest},
    {"mixed", Sort::mixed},
}};

std::string_view name(Sort sort);
// nullopt for an unknown name (exact, lower case).
std::optional<Sort> parse_sort(std::string_view name);
// "relevance, newest, oldest, mixed": for messages and help.
std::string sort_names(std::string_view last_separator = ", ");

// ---- Filters -----------------------------------------------------------------
struct Filters {
    std::string from;    // "2024", "2024-06", "2024-06-15" (inclusive); empty: no bound
    std::string to;      // same forms, inclusive (a year or month means its end)
    std::string section; // section name (case, accents and white space ignored)
    std::string source;  // outlet name (the same)
    std::string author;  // author name (the same)
    std::string lang;    // ISO 639-1 code
    bool empty() const {
        return from.empty() && to.empty() && section.empty() && source.empty() && author.empty() &&
               lang.empty();
    }
};

enum class Filter { from, to, section, source, author, lang };

struct FilterName {
    Filter filter;
    std::string_view name;       // the parameter / JSON key: "source"
    std::string Filters::*field; // where its value goes
};

inline constexpr std::array<FilterName, 6> kFilters = {{
    {Filter::from, "from", &Filters::from},
    {Filter::to, "to", &Filters::to},
    {Filter::section, "section", &Filters::section},
    {Filter::source, "source", &Filters::source},
    {Filter::author, "author", &Filters::author},
    {Filter::lang, "lang", &Filters::lang},
}};

std::string_view name(Filter filter);

// ---- Facets ------------------------------------------------------------------
// The facets counted for a result list, in the order they are shown. Each filter
// of the same name selects exactly the articles a value of its facet counts.
enum class Facet { year, section, source, author, lang };

struct FacetName {
    Facet facet;
    std::string_view name;  // the JSON key: "source"
    std::string_view label; // the terminal's heading: "Outlet"
};

inline constexpr std::array<FacetName, 5> kFacets = {{
    {Facet::year, "year", "Year"},
    {Facet::section, "section", "Section"},
    {Facet::source, "source", "Outlet"},
    {Facet::author, "author", "Author"},
    {Facet::lang, "lang", "Language"},
}};

inline constexpr std::size_t kFacetCount = kFacets.size();

std::string_view name(Facet facet);
std::string_view label(Facet facet);
constexpr std::size_t index(Facet facet) { return static_cast<std::size_t>(facet); }

// ---- The request -------------------------------------------------------------
// What one query may cost, for every front end (terminal, --queries, HTTP).
// Each limit exceeded is a QueryCostError with a one-line reason.
struct QueryLimits {
    Xapian::termcount max_wildcard_words = 1000; // words one wildcard (corrup*) may stand for
    std::size_t max_words = 100;                 // words in a query (operators and field names aside)
    std::size_t max_phrase_words = 32;           // words in one "phrase"
    double time_limit_s = 5;                     // for the search's matching; 0: no limit
};

struct SearchRequest {
    std::string query;
    std::size_t offset = 0;
    std::size_t limit = 10;
    Filters filters;
    Sort sort = Sort::relevance;
    double half_life_days = 365; // for Sort::mixed: recency halves its lift every this many days
    bool facets = false;
    bool collapse = true; // group syndicated copies under the best version
    bool explain = false; // per-result matched terms and their weights
    double exact_boost =
        0.5; // weight of exact word forms over other forms (see QueryBuilder; measured in tests/relevance)
    std::string like;          // --like URL: articles about the same story (query may be empty)
    Xapian::docid like_id = 0; // the same by docid (the HTTP API's /api/related?id=)
    QueryLimits cost;          // what the query may cost (QueryCostError beyond)
};

// The ranges every front end enforces (the server may narrow limit and offset further).
inline constexpr std::size_t kMaxLimit = 10000;
inline constexpr double kMaxExactBoost = 10.0;

// Throws RequestError naming the first field out of range.
void validate(const SearchRequest& request);

} // namespace hemeroteca::search
