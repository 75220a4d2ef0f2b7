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

#include <xapian.h>

#include <stdexcept>
#include <string>

namespace hemeroteca::search {

// The query cannot be parsed; what() is a one-line reason for the user.
class QuerySyntaxError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Matching { all_words, any_word };

struct ParsedQuery {
    Xapian::Query query;
    Matching matching = Matching::all_words;
    std::size_t content_words = 0; // words that are not stop-words, operators or field names
};

class QueryBuilder {
public:
    // exact_boost > 0 adds the unstemmed query, its weight scaled by
    // exact_boost, to the stemmed one: exact word forms rank above other forms.
    QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db, const Synonyms& synonyms,
                 double exact_boost = 0);

    // The policy's choice of matching for this query text.
    Matching default_matching(const std::string& user_query) const;

    // Throws QuerySyntaxError.
    ParsedQuery parse(const std::string& user_query, Matching matching);

    // The query with each word that is not in the archive replaced by the
    // archive's nearest word (fewest edits, then the commonest; a missing ñ
    // costs nothing), in its most frequent written form (Pinera -> Piñera,
    // Odebretch -> Odebrecht); "" when every word is in the archive or none
    // has a near one.
    std::string suggest(const std::string& user_query);

private:
    std::size_t count_content_words(const std::string& normalized) const;
    // The Snowball families of the content words, scaled down: they rank, never match.
    Xapian::Query relatives(const std::string& normalized) const;
    // The archive's word nearest to a term it does not hold, or "".
    std::string correction(const std::string& term) const;
    // How the archive most often writes a term ("piñera" -> "Piñera").
    std::string written_form(const std::string& term) const;

    const analysis::Analyzer& analyzer_;
    const Synonyms& synonyms_;
    Xapian::Database db_;
    Xapian::QueryParser qp_;
    Xapian::QueryParser exact_qp_;
    double exact_boost_;
};

// How matches are weighted: BM25.
Xapian::BM25Weight ranking_weight();

// "fecha:marzo..mayo 2004" -> "fecha:marzo-2004..mayo-2004", "fecha:marzo 2004" -> "fecha:marzo-2004".
std::string rewrite_spanish_dates(const std::string& normalized_query);

} // namespace hemeroteca::search
