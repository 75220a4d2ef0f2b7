// User query text -> Xapian::Query, through the one Analyzer.
//
// Syntax (README "Query syntax"): words, "phrases", AND/OR/NOT/NEAR (upper
// case), -exclusion, +required, wildcards (corrup*), fields by Spanish or
// English name: titulo:/title:, autor:/author:, seccion:/section:,
// fuente:/source:/medio:, idioma:/lang:, and dates fecha:/date: (2024,
// 2024-06..2024-12, ..2019, marzo..mayo 2004). Synonyms expand (EEUU ->
// Estados Unidos).
//
// Policy: short keyword queries want articles with all the words (AND);
// natural questions and long queries rank by the words that matter (OR of the
// content words, BM25). When an AND finds nothing, the search relaxes to OR.
#pragma once

#include "analysis/analyzer.h"
#include "query/synonyms.h"
#include "request.h"

#include <xapian.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hemeroteca::search {

class DateFieldProcessor;
class SynonymGroupProcessor;

// The query cannot be parsed; what() is a one-line reason for the user.
class QuerySyntaxError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The query would cost more than the limits allow (QueryLimits): too many
// words, a phrase too long, a wildcard matching too many words, or a search
// that ran out of its time budget (timed_out(): the server's 503, not the
// user's mistake). what() is a one-line reason for the user.
class QueryCostError : public std::runtime_error {
public:
    QueryCostError(const std::string& message, bool timed_out = false) :
        std::runtime_error(message), timed_out_(timed_out) {}
    bool timed_out() const { return timed_out_; }

private:
    bool timed_out_;
};

enum class Matching { all_words, any_word };

// A request's query text, normalised once (NFC, folding, Spanish date forms) and
// handed as such to the policy, parsing (and its relaxed retry) and suggestions.
struct NormalizedQuery {
    std::string user; // as typed
    std::string text; // normalised, without site:/sitio:/url: (query/url_filters.h)
    bool has_url_filters = false;
    bool empty() const { return !has_url_filters && text.find_first_not_of(" \t\r\n") == std::string::npos; }
};

struct ParsedQuery {
    Xapian::Query query;              // ranked: with_boosts(matches, lifts)
    Xapian::Query matches;            // what matches, without the lifts: what a counting pass reads
    std::vector<Xapian::Query> lifts; // the exact forms' and word families' weight (they never add matches)
    Matching matching = Matching::all_words;
    std::size_t content_words = 0; // words that are not stop-words, operators or field names
};

class QueryBuilder {
public:
    // exact_boost > 0 adds the unstemmed query, its weight scaled by
    // exact_boost, to the stemmed one: exact word forms rank above other forms.
    QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db, const Synonyms& synonyms,
                 double exact_boost = 0, const QueryLimits& limits = {});
    // Suggestions from the spelling data of `spelling` (database_layout.h: the
    // dictionary beside a stub of shards), words and their counts from `db`.
    QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db,
                 const Xapian::Database& spelling, const Synonyms& synonyms, double exact_boost,
                 const QueryLimits& limits);

    // The one normalisation of a request's query text.
    NormalizedQuery normalize(const std::string& user_query) const;

    // The policy's choice of matching for this query text.
    Matching default_matching(const NormalizedQuery& query) const;

    // Throws QuerySyntaxError, QueryCostError (too many words, a phrase too
    // long, a wildcard over its expansion: see wildcard_cost_error).
    ParsedQuery parse(const NormalizedQuery& query, Matching matching);

    // The query with each word that is not in the archive replaced by the
    // archive's nearest word (fewest edits, then the commonest; a missing ñ
    // costs nothing), in its most frequent written form (Pinera -> Piñera,
    // Odebretch -> Odebrecht); "" when every word is in the archive or none
    // has a near one.
    std::string suggest(const NormalizedQuery& query);

private:
    std::size_t count_content_words(const std::string& normalized) const;
    // The Snowball families of the content words, scaled down: they rank a
    // question's matches (Matching::any_word), never match.
    Xapian::Query relatives(const std::string& normalized) const;
    // Each lowercase word that the archive also holds as a name ("unidos": Estados
    // Unidos) as "(unidos OR Unidos)": its lemma's forms or the name as written.
    std::string with_name_forms(const std::string& query) const;
    // Whether the archive holds this lowercase word's capitalised form as a name.
    bool held_as_name(const std::string& word) const;
    // The archive's word nearest to a term it does not hold, or "".
    std::string correction(const std::string& term) const;
    // How the archive most often writes a term ("piñera" -> "Piñera").
    std::string written_form(const std::string& term) const;

    void check_cost(const std::string& normalized) const;

    const analysis::Analyzer& analyzer_;
    const Synonyms& synonyms_;
    QueryLimits limits_;
    Xapian::Database db_;
    Xapian::Database spelling_;
    Xapian::QueryParser qp_;
    Xapian::QueryParser exact_qp_;
    DateFieldProcessor* dates_;     // fecha:, shared by both parsers (they own it)
    SynonymGroupProcessor* groups_; // the synonym groups of the query being parsed (qp_ owns it)
    double exact_boost_;
    mutable std::unordered_map<std::string, bool> names_; // held_as_name's answers so far
};

// Whether `word` names a field of the query syntax (titulo, autor, fecha, ...).
bool is_field_name(std::string_view word);

// How matches are weighted: BM25.
Xapian::BM25Weight ranking_weight();

// "fecha:marzo..mayo 2004" -> "fecha:marzo-2004..mayo-2004", "fecha:marzo 2004" -> "fecha:marzo-2004".
// One pass, linear in the query's length (no regular expression on user input).
std::string rewrite_spanish_dates(const std::string& normalized_query);

// Xapian's WildcardError (a wildcard over QueryLimits::max_wildcard_words,
// thrown when the query runs) as the user's QueryCostError:
// "the query is too costly: `a*` matches over 1000 words".
QueryCostError wildcard_cost_error(const Xapian::WildcardError& e, Xapian::termcount max_words);
// The same for a wildcard `pattern` ("corrup*") expanded by expand_wildcards (query/wildcards.h).
QueryCostError wildcard_cost_error(std::string_view pattern, Xapian::termcount max_words);

} // namespace hemeroteca::search
