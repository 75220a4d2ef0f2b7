#include "query/query_builder.h"

#include "analysis/tokens.h"
#include "query/date_range.h"
#include "query/url_filters.h"
#include "schema.h"

#include <array>
#include <regex>
#include <utility>

namespace hemeroteca::search {

namespace {

// Free-text fields: (name in the query, prefix). Spanish and English names.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kTextFields = {{
    {"titulo", schema::prefix::title},
    {"title", schema::prefix::title},
    {"autor", schema::prefix::author},
    {"author", schema::prefix::author},
    {"seccion", schema::prefix::section},
    {"section", schema::prefix::section},
    {"fuente", schema::prefix::source},
    {"source", schema::prefix::source},
    {"medio", schema::prefix::source},
    {"outlet", schema::prefix::source},
}};

// Exact-value filters.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kBooleanFields = {{
    {"idioma", schema::prefix::lang},
    {"lang", schema::prefix::lang},
    {"language", schema::prefix::lang},
}};

constexpr std::array<std::string_view, 2> kDateFields = {"fecha", "date"};

bool is_field_name(std::string_view word) {
    for (const auto& [name, prefix] : kTextFields)
        if (name == word) return true;
    for (const auto& [name, prefix] : kBooleanFields)
        if (name == word) return true;
    for (const auto name : kDateFields)
        if (name == word) return true;
    return false;
}

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

} // namespace

std::string rewrite_spanish_dates(const std::string& q) {
    static const std::regex range(R"(\b(fecha|date):([a-z]+)\.\.([a-z]+)\s+(\d{4})\b)");
    static const std::regex single(R"(\b(fecha|date):([a-z]+)\s+(\d{4})\b)");
    std::string out = std::regex_replace(q, range, "$1:$2-$4..$3-$4");
    return std::regex_replace(out, single, "$1:$2-$3");
}

namespace {
void configure(Xapian::QueryParser& qp, const Xapian::Database& db) {
    qp.set_database(db); // for wildcards and spelling
    for (const auto& [name, prefix] : kTextFields) qp.add_prefix(std::string(name), std::string(prefix));
    for (const auto& [name, prefix] : kBooleanFields)
        qp.add_boolean_prefix(std::string(name), std::string(prefix));
    for (const auto name : kDateFields)
        qp.add_boolean_prefix(std::string(name), (new DateFieldProcessor)->release());
}
} // namespace

QueryBuilder::QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db,
                           const Synonyms& synonyms, double exact_boost) :
    analyzer_(analyzer),
    synonyms_(synonyms), db_(db), qp_(analyzer.query_parser()), exact_qp_(analyzer.query_parser(true)),
    exact_boost_(exact_boost) {
    configure(qp_, db);
    configure(exact_qp_, db);
}

std::size_t QueryBuilder::count_content_words(const std::string& normalized) const {
    std::size_t count = 0;
    analysis::tokenize(normalized, [&](const analysis::Token& tok) {
        const bool field =
            tok.end < normalized.size() && normalized[tok.end] == ':' && is_field_name(tok.text);
        const bool field_value = tok.begin > 0 && normalized[tok.begin - 1] == ':';
        if (field || field_value || analysis::is_query_operator(tok.text)) return;
        if (!analyzer_.is_stopword(analyzer_.term(tok.text))) ++count;
    });
    return count;
}

bool QueryBuilder::has_unknown_word(const std::string& normalized) const {
    // Xapian proposes a more frequent neighbour even for a correct word; a
    // suggestion is only useful when some word is not in the archive at all.
    bool unknown = false;
    analysis::tokenize(normalized, [&](const analysis::Token& tok) {
        const bool field = tok.end < normalized.size() && normalized[tok.end] == ':';
        if (field || analysis::is_query_operator(tok.text)) return;
        if (db_.get_termfreq(analyzer_.term(tok.text)) == 0) unknown = true;
    });
    return unknown;
}

std::string QueryBuilder::suggest(const std::string& user_query) {
    // Spelling look-ups cost more than the search itself: only on demand.
    const std::string normalized =
        rewrite_spanish_dates(analyzer_.normalize_query(extract_url_filters(user_query).rest));
    if (normalized.empty() || !has_unknown_word(normalized)) return {};
    try {
        qp_.parse_query(normalized, kFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    } catch (const Xapian::Error&) {
        return {};
    }
    return qp_.get_corrected_query_string();
}

Matching QueryBuilder::default_matching(const std::string& user_query) const {
    const bool question = user_query.find('?') != std::string::npos;
    const std::size_t words =
        count_content_words(analyzer_.normalize_query(extract_url_filters(user_query).rest));
    return question || words > 4 ? Matching::any_word : Matching::all_words;
}

ParsedQuery QueryBuilder::parse(const std::string& user_query, Matching matching) {
    const UrlFilters url_filters = extract_url_filters(user_query);
    const std::string normalized = rewrite_spanish_dates(analyzer_.normalize_query(url_filters.rest));
    qp_.set_default_op(matching == Matching::all_words ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    ParsedQuery parsed;
    parsed.matching = matching;
    parsed.content_words = count_content_words(normalized);
    try {
        const std::string expanded = synonyms_.expand(normalized);
        parsed.query = qp_.parse_query(expanded, kFlags);
        if (exact_boost_ > 0) {
            exact_qp_.set_default_op(Xapian::Query::OP_OR);
            const Xapian::Query exact = exact_qp_.parse_query(expanded, kFlags);
            parsed.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, parsed.query,
                                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, exact_boost_));
        }
    } catch (const Xapian::QueryParserError& e) {
        throw QuerySyntaxError("cannot understand the query: " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
        throw QuerySyntaxError("the wildcard matches too many words: " + e.get_msg());
    }
    if (!url_filters.empty()) parsed.query = url_filters.apply(parsed.query);
    return parsed;
}

} // namespace hemeroteca::search
