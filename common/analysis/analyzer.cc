#include "analysis/analyzer.h"

#include "analysis/fold.h"
#include "analysis/spanish_stemmer.h"
#include "analysis/stopwords.h"
#include "analysis/tokens.h"
#include "schema.h"

#include <algorithm>

namespace hemeroteca::analysis {

namespace {

Xapian::Stopper* make_stopper() {
    const auto words = spanish_stopwords();
    auto* stopper = new Xapian::SimpleStopper(words.begin(), words.end());
    return stopper->release(); // reference-counted by the TermGenerator / QueryParser
}

// Terms of the title field highlight in the text too (titulo:Putin marks
// Putin); author, section and outlet terms describe metadata, not the text.
std::string_view highlightable(std::string_view term) {
    if (term.substr(0, schema::prefix::title.size()) == schema::prefix::title)
        return term.substr(schema::prefix::title.size());
    return term;
}

bool starts_lowercase_or_digit(std::string_view t) {
    const unsigned char c = static_cast<unsigned char>(t.front());
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

} // namespace

Analyzer::Analyzer() : stemmer_(make_spanish_stem()) {
    const auto words = spanish_stopwords();
    for (const auto w : words) stopwords_.insert(w);
    query_stopper_ = std::make_shared<const Xapian::SimpleStopper>(words.begin(), words.end());
}

Xapian::TermGenerator Analyzer::term_generator() const {
    Xapian::TermGenerator tg;
    tg.set_stemmer(stemmer_);
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_stopper(make_stopper());
    tg.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
    return tg;
}

void Analyzer::index_text(Xapian::TermGenerator& tg, std::string_view text, Xapian::termcount wdf_inc,
                          std::string_view prefix) const {
    tg.index_text(normalize(text), wdf_inc, std::string(prefix));
}

Xapian::QueryParser Analyzer::query_parser(bool exact_forms) const {
    Xapian::QueryParser qp;
    qp.set_stemmer(stemmer_);
    qp.set_stemming_strategy(exact_forms ? Xapian::QueryParser::STEM_NONE : Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(query_stopper_.get());
    return qp;
}

bool is_query_operator(std::string_view word) {
    return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" || word == "ADJ";
}

std::string Analyzer::normalize_query(std::string_view query) const {
    // Words are lowercased (operators aside) so that the query parser stems
    // "Política" and "POLÍTICA" like "politica": every form finds every other.
    std::string out;
    out.reserve(query.size());
    std::size_t copied = 0;
    tokenize(query, [&](const Token& tok) {
        out.append(query.substr(copied, tok.begin - copied));
        out += is_query_operator(tok.text) ? tok.text : Xapian::Unicode::tolower(tok.text);
        copied = tok.end;
    });
    out.append(query.substr(copied));
    return out;
}

std::string Analyzer::term(std::string_view token_text) const { return fold_lower(token_text); }

std::string Analyzer::stem(std::string_view term) const { return stemmer_(std::string(term)); }

// The Spanish stemmer rewrites only a word's ending (never its first two
// letters) and lengthens it by at most four letters ("-encia" -> "-ente"), so a
// word stems to S only if it starts with S less its last four letters, and with
// S's first two. Checked over every word of the shared articles in tests/unit.
bool Analyzer::may_stem_to(std::string_view term, std::string_view stem) const {
    const std::size_t keep =
        std::max(std::min<std::size_t>(2, stem.size()), stem.size() > 4 ? stem.size() - 4 : 0);
    return term.substr(0, keep) == stem.substr(0, keep);
}

bool Analyzer::is_stopword(std::string_view term) const { return stopwords_.count(term) > 0; }

QueryTerms Analyzer::query_terms(const Xapian::Query& query) const {
    QueryTerms out;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string term = *it; // the iterator yields a temporary: keep it alive
        std::string_view t = term;
        if (t.empty()) continue;
        const bool stemmed = t.front() == 'Z';
        if (stemmed) t.remove_prefix(1);
        t = highlightable(t);
        if (t.empty() || !starts_lowercase_or_digit(t)) continue; // boolean filter terms
        (stemmed ? out.stems : out.exact).emplace(t);
    }
    return out;
}

} // namespace hemeroteca::analysis
