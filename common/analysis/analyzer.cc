#include "analysis/analyzer.h"

#include "analysis/fold.h"
#include "analysis/spanish_lexicon.h"
#include "analysis/spanish_stemmer.h"
#include "analysis/stopwords.h"
#include "analysis/tokens.h"
#include "schema.h"

#include <algorithm>
#include <vector>

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

Analyzer::Analyzer(std::shared_ptr<LemmaCache> lemmas) :
    lexicon_(std::make_shared<const SpanishLexicon>()),
    lemmas_(new SpanishStemmer(lexicon_, std::move(lemmas))), stemmer_(lemmas_), snowball_("spanish") {
    const auto words = spanish_stopwords();
    for (const auto w : words) stopwords_.insert(w);
    query_stopper_ = std::make_shared<const Xapian::SimpleStopper>(words.begin(), words.end());
}

Analyzer::~Analyzer() = default;

bool Analyzer::is_name(std::string_view word) const {
    const std::string key(word);
    if (const auto it = names_.find(key); it != names_.end()) return it->second;
    if (names_.size() > 100000) names_.clear(); // a bound on memory
    const bool name = lexicon_->is_name(word);
    names_.emplace(key, name);
    return name;
}

namespace {
// "Morales" (a capital, then a lowercase letter or nothing): how a name is written.
bool capitalised(std::string_view w) {
    if (w.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(w.front());
    const bool upper =
        (c >= 'A' && c <= 'Z') || (c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) == 0x91);
    if (!upper) return false;
    const std::size_t next = c < 0x80 ? 1 : 2;
    if (next >= w.size()) return true;
    const unsigned char d = static_cast<unsigned char>(w[next]);
    return (d >= 'a' && d <= 'z') || d >= 0x80;
}
} // namespace

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
    // The names of this text are their own stems while it is indexed.
    std::string normalized;
    normalized.reserve(text.size());
    std::unordered_set<std::string> names;
    std::vector<std::string> relatives; // of the free text only, not of fields
    std::size_t copied = 0;
    tokenize(text, [&](const Token& tok) {
        normalized.append(text.substr(copied, tok.begin - copied));
        normalized += tok.text;
        copied = tok.end;
        if (capitalised(tok.text) && is_name(tok.text)) names.insert(fold_lower(tok.text));
        if (prefix.empty()) {
            const std::string t = fold_lower(tok.text);
            if (!is_stopword(t)) relatives.push_back(relative(t));
        }
    });
    normalized.append(text.substr(copied));
    lemmas_->set_names(names.empty() ? nullptr : &names);
    try {
        tg.index_text(normalized, wdf_inc, std::string(prefix));
    } catch (...) {
        lemmas_->set_names(nullptr);
        throw;
    }
    lemmas_->set_names(nullptr);
    Xapian::Document doc = tg.get_document(); // a handle on the same document
    for (const auto& r : relatives) doc.add_term(r, wdf_inc);
}

std::string Analyzer::relative(std::string_view term) const {
    return std::string(schema::prefix::relative) + snowball_(std::string(term));
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
        // A name stays capitalised: the query parser then matches it as typed (Moro, not morir).
        const bool keep = is_query_operator(tok.text) || (capitalised(tok.text) && is_name(tok.text));
        out += keep ? tok.text : Xapian::Unicode::tolower(tok.text);
        copied = tok.end;
    });
    out.append(query.substr(copied));
    return out;
}

std::string Analyzer::term(std::string_view token_text) const { return fold_lower(token_text); }

std::string Analyzer::stem(std::string_view term) const { return stemmer_(std::string(term)); }

// A lemma keeps its word's first letter (dijo → decir, hizo → hacer), and one
// that is no infinitive all its letters but the last (política → político,
// voces → voz, países → país): Spanish nouns and adjectives inflect at the end.
// Checked over every word of the shared articles in tests/unit.
bool Analyzer::may_stem_to(std::string_view term, std::string_view stem) const {
    if (term.empty() || stem.empty()) return true;
    if (term.front() != stem.front()) return false;
    const bool infinitive =
        stem.size() > 2 && stem[stem.size() - 1] == 'r' &&
        (stem[stem.size() - 2] == 'a' || stem[stem.size() - 2] == 'e' || stem[stem.size() - 2] == 'i');
    if (infinitive || stem.size() < 3) return true;
    return term.compare(0, stem.size() - 1, stem, 0, stem.size() - 1) == 0;
}

bool Analyzer::is_stopword(std::string_view term) const { return stopwords_.count(term) > 0; }

QueryTerms Analyzer::query_terms(const Xapian::Query& query) const {
    QueryTerms out;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string term = *it; // the iterator yields a temporary: keep it alive
        std::string_view t = term;
        if (t.empty()) continue;
        const bool stemmed = t.starts_with(schema::prefix::stem);
        if (stemmed) t.remove_prefix(schema::prefix::stem.size());
        t = highlightable(t);
        if (t.empty() || !starts_lowercase_or_digit(t)) continue; // boolean filter terms
        (stemmed ? out.stems : out.exact).emplace(t);
    }
    return out;
}

} // namespace hemeroteca::analysis
