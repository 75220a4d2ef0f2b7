#include "query/query_builder.h"

#include "analysis/tokens.h"
#include "query/date_range.h"
#include "query/url_filters.h"
#include "schema.h"

#include <array>
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

} // namespace

bool is_field_name(std::string_view word) {
    for (const auto& [name, prefix] : kTextFields)
        if (name == word) return true;
    for (const auto& [name, prefix] : kBooleanFields)
        if (name == word) return true;
    for (const auto name : kDateFields)
        if (name == word) return true;
    return false;
}

namespace {

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

} // namespace

namespace {

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The run of [a-z] from `at`; its end.
std::size_t letters_end(const std::string& q, std::size_t at) {
    while (at < q.size() && q[at] >= 'a' && q[at] <= 'z') ++at;
    return at;
}

// Spaces then exactly four digits ending a word, from `at`: the digits' start, or npos.
std::size_t year_after_spaces(const std::string& q, std::size_t at) {
    const std::size_t spaces = at;
    while (at < q.size() && is_space(q[at])) ++at;
    if (at == spaces || at + 4 > q.size()) return std::string::npos;
    for (std::size_t i = at; i < at + 4; ++i)
        if (q[i] < '0' || q[i] > '9') return std::string::npos;
    if (at + 4 < q.size() && is_word_byte(q[at + 4])) return std::string::npos;
    return at;
}

} // namespace

std::string rewrite_spanish_dates(const std::string& q) {
    std::string out;
    out.reserve(q.size() + 16);
    std::size_t i = 0;
    while (i < q.size()) {
        const bool boundary = i == 0 || !is_word_byte(q[i - 1]);
        std::size_t field_end = 0;
        if (boundary && q.compare(i, 6, "fecha:") == 0) field_end = i + 6;
        if (boundary && q.compare(i, 5, "date:") == 0) field_end = i + 5;
        if (field_end == 0) {
            out += q[i++];
            continue;
        }
        const std::size_t m1_end = letters_end(q, field_end);
        if (m1_end == field_end) { // no month name: copy the field name and go on
            out.append(q, i, field_end - i);
            i = field_end;
            continue;
        }
        const std::string field = q.substr(i, field_end - i);
        const std::string m1 = q.substr(field_end, m1_end - field_end);
        // fecha:marzo..mayo 2004
        if (q.compare(m1_end, 2, "..") == 0) {
            const std::size_t m2_end = letters_end(q, m1_end + 2);
            if (m2_end > m1_end + 2) {
                if (const std::size_t year = year_after_spaces(q, m2_end); year != std::string::npos) {
                    const std::string y = q.substr(year, 4);
                    out += field + m1 + "-" + y + ".." + q.substr(m1_end + 2, m2_end - m1_end - 2) + "-" + y;
                    i = year + 4;
                    continue;
                }
            }
        }
        // fecha:marzo 2004
        if (const std::size_t year = year_after_spaces(q, m1_end); year != std::string::npos) {
            out += field + m1 + "-" + q.substr(year, 4);
            i = year + 4;
            continue;
        }
        out.append(q, i, m1_end - i);
        i = m1_end;
    }
    return out;
}

QueryCostError wildcard_cost_error(const Xapian::WildcardError& e, Xapian::termcount max_words) {
    // Xapian says "Wildcard PATTERN* expands to more than N terms"; PATTERN may
    // start with a field's (upper-case) prefix.
    const std::string& msg = e.get_msg();
    std::string pattern;
    const std::string head = "Wildcard ";
    const auto end = msg.find(" expands");
    if (msg.rfind(head, 0) == 0 && end != std::string::npos) {
        pattern = msg.substr(head.size(), end - head.size());
        const auto first_lower = pattern.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        if (first_lower != std::string::npos) pattern.erase(0, first_lower);
        if (!pattern.empty() && pattern.back() != '*') pattern += '*';
    }
    return QueryCostError(
        "the query is too costly: " + (pattern.empty() ? "a wildcard" : "`" + pattern + "`") +
        " matches over " + std::to_string(max_words) + " words (write more letters before the *)");
}

namespace {
void configure(Xapian::QueryParser& qp, const Xapian::Database& db, Xapian::termcount max_wildcard_words) {
    qp.set_database(db); // for wildcards and spelling
    qp.set_max_expansion(max_wildcard_words, Xapian::Query::WILDCARD_LIMIT_ERROR);
    for (const auto& [name, prefix] : kTextFields) qp.add_prefix(std::string(name), std::string(prefix));
    for (const auto& [name, prefix] : kBooleanFields)
        qp.add_boolean_prefix(std::string(name), std::string(prefix));
    for (const auto name : kDateFields)
        qp.add_boolean_prefix(std::string(name), (new DateFieldProcessor)->release());
}
} // namespace

QueryBuilder::QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db,
                           const Synonyms& synonyms, double exact_boost, const QueryLimits& limits) :
    analyzer_(analyzer),
    synonyms_(synonyms), limits_(limits), db_(db), qp_(analyzer.query_parser()),
    exact_qp_(analyzer.query_parser(true)), exact_boost_(exact_boost) {
    configure(qp_, db, limits_.max_wildcard_words);
    configure(exact_qp_, db, limits_.max_wildcard_words);
}

void QueryBuilder::check_cost(const std::string& normalized) const {
    std::size_t words = 0, phrase_words = 0, longest_phrase = 0;
    bool in_phrase = false;
    std::size_t quote = 0; // where the next '"' is
    analysis::tokenize(normalized, [&](const analysis::Token& tok) {
        // The quotes before this token open or close phrases.
        while ((quote = normalized.find('"', quote)) != std::string::npos && quote < tok.begin) {
            in_phrase = !in_phrase;
            phrase_words = 0;
            ++quote;
        }
        if (analysis::is_query_operator(tok.text)) return;
        ++words;
        if (in_phrase) longest_phrase = std::max(longest_phrase, ++phrase_words);
    });
    if (words > limits_.max_words)
        throw QueryCostError("the query is too costly: " + std::to_string(words) + " words (at most " +
                             std::to_string(limits_.max_words) + ")");
    if (longest_phrase > limits_.max_phrase_words)
        throw QueryCostError("the query is too costly: a phrase of " + std::to_string(longest_phrase) +
                             " words (at most " + std::to_string(limits_.max_phrase_words) + ")");
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

NormalizedQuery QueryBuilder::normalize(const std::string& user_query) const {
    // site:/sitio:/url: are filters, not words: they leave the text here and return in parse().
    const UrlFilters url_filters = extract_url_filters(user_query);
    return {user_query, rewrite_spanish_dates(analyzer_.normalize_query(url_filters.rest)),
            !url_filters.empty()};
}

std::string QueryBuilder::suggest(const NormalizedQuery& query) {
    // Spelling look-ups cost more than the search itself: only on demand.
    const std::string& normalized = query.text;
    if (!has_unknown_word(normalized)) return {};
    try {
        qp_.parse_query(normalized, kFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    } catch (const Xapian::Error&) {
        return {};
    }
    return qp_.get_corrected_query_string();
}

Matching QueryBuilder::default_matching(const NormalizedQuery& query) const {
    const bool question = query.user.find('?') != std::string::npos;
    const std::size_t words = count_content_words(query.text);
    return question || words > 4 ? Matching::any_word : Matching::all_words;
}

ParsedQuery QueryBuilder::parse(const NormalizedQuery& query, Matching matching) {
    const std::string& normalized = query.text;
    const UrlFilters url_filters = query.has_url_filters ? extract_url_filters(query.user) : UrlFilters{};
    qp_.set_default_op(matching == Matching::all_words ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    check_cost(normalized);
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
        throw wildcard_cost_error(e, limits_.max_wildcard_words);
    }
    if (!url_filters.empty()) parsed.query = url_filters.apply(parsed.query);
    return parsed;
}

} // namespace hemeroteca::search
