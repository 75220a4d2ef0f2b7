#include "query/query_builder.h"

#include "analysis/tokens.h"
#include "document.h"
#include "query/date_range.h"
#include "schema.h"

#include <algorithm>
#include <array>
#include <map>
#include <vector>
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

// The weight of a word's Snowball family (schema::prefix::relative) beside its
// lemma: a hint for ranking, never a reason to match.
constexpr double kRelativesWeight = 0.3;

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

} // namespace

Xapian::BM25Weight ranking_weight() {
    // k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5: Xapian's defaults, named here.
    return Xapian::BM25Weight(1.0, 0, 1, 0.5, 0.5);
}

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

Xapian::Query QueryBuilder::relatives(const std::string& normalized) const {
    std::vector<Xapian::Query> terms;
    bool in_quotes = false;
    std::size_t scanned = 0;
    analysis::tokenize(normalized, [&](const analysis::Token& tok) {
        for (; scanned < tok.begin; ++scanned) in_quotes ^= normalized[scanned] == '"';
        const bool field = tok.end < normalized.size() && normalized[tok.end] == ':';
        // Inside a field's value (fecha:2022-06..2023-12, fuente:"El Día") nothing ranks.
        const std::size_t chunk = normalized.find_last_of(" \t", tok.begin);
        const std::size_t from = chunk == std::string::npos ? 0 : chunk + 1;
        const bool after_colon = normalized.find(':', from) < tok.begin;
        const bool excluded = tok.begin > 0 && normalized[tok.begin - 1] == '-' && !in_quotes;
        if (field || after_colon || excluded || analysis::is_query_operator(tok.text)) return;
        const std::string t = analyzer_.term(tok.text);
        if (analyzer_.is_stopword(t) || t.back() == '*' || (t.front() >= '0' && t.front() <= '9')) return;
        terms.emplace_back(analyzer_.relative(t));
    });
    if (terms.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), kRelativesWeight);
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

namespace {

// Code points of a UTF-8 word (for edit distances between words, not bytes).
std::u32string code_points(const std::string& s) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it) out.push_back(*it);
    return out;
}

// Damerau-Levenshtein distance (optimal string alignment): a letter dropped,
// added, replaced or two swapped count one each.
std::size_t edit_distance(const std::string& a8, const std::string& b8) {
    const std::u32string a = code_points(a8), b = code_points(b8);
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

bool has_digit(std::string_view s) { return s.find_first_of("0123456789") != std::string_view::npos; }

bool all_upper(std::string_view s) {
    bool letters = false;
    for (const char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        letters = letters || (c >= 'A' && c <= 'Z');
    }
    return letters;
}

} // namespace

std::string QueryBuilder::correction(const std::string& term) const {
    // Candidates: every word of the archive one edit away (a letter dropped,
    // added, replaced or two swapped; an ñ for an n costs nothing), and the
    // nearest word of the spelling table (up to two edits). The fewest edits
    // win, then the commonest word. A word the archive holds is corrected only
    // when a neighbour is far commoner (manana, 2 articles, beside mañana, 900).
    const Xapian::doccount own = db_.get_termfreq(term);
    std::string best;
    std::size_t best_distance = 3;
    Xapian::doccount best_freq = 0;
    const auto consider = [&](const std::string& candidate, std::size_t distance) {
        if (candidate.empty() || candidate == term) return;
        const Xapian::doccount freq = db_.get_termfreq(candidate);
        if (freq == 0) return;
        if (own > 0 && freq < (distance == 0 ? 10 : 50) * own) return;
        if (distance < best_distance || (distance == best_distance && freq > best_freq)) {
            best = candidate;
            best_distance = distance;
            best_freq = freq;
        }
    };
    const std::u32string w = code_points(term);
    const auto utf8 = [](const std::u32string& cps) {
        std::string out;
        for (const char32_t c : cps) Xapian::Unicode::append_utf8(out, c);
        return out;
    };
    static constexpr char32_t kLetters[] = U"abcdefghijklmnopqrstuvwxyzñ";
    for (std::size_t i = 0; i < w.size(); ++i) {
        std::u32string v = w;
        if (w[i] == U'n') {
            v[i] = U'ñ';
            consider(utf8(v), 0);
        }
        v = w;
        v.erase(i, 1);
        consider(utf8(v), 1); // dropped
        if (i + 1 < w.size() && w[i] != w[i + 1]) {
            v = w;
            std::swap(v[i], v[i + 1]);
            consider(utf8(v), 1); // swapped
        }
        for (const char32_t c : std::u32string_view(kLetters)) {
            if (c == w[i]) continue;
            v = w;
            v[i] = c;
            consider(utf8(v), 1); // replaced
        }
    }
    for (std::size_t i = 0; i <= w.size(); ++i)
        for (const char32_t c : std::u32string_view(kLetters)) {
            std::u32string v = w;
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), c);
            consider(utf8(v), 1); // added
        }
    if (best_distance > 1 && own == 0) {
        const std::string near = db_.get_spelling_suggestion(term, 2);
        consider(near, edit_distance(term, near));
    } else if (!best.empty()) {
        // One edit further, a far commoner word: Odebretch is one edit from
        // odebrech (3 articles) but means Odebrecht (140), two edits away.
        const std::string further = db_.get_spelling_suggestion(best, 1);
        if (!further.empty() && further != term && db_.get_termfreq(further) >= 20 * best_freq &&
            edit_distance(term, further) <= 2)
            best = further;
    }
    return best;
}

std::string QueryBuilder::written_form(const std::string& term) const {
    // Counted in the first articles that hold the word: their titles and texts
    // as stored, every occurrence whose term is this one. ALL-CAPS headlines
    // only when nothing else writes the word.
    std::map<std::string, std::size_t> forms;
    std::string shouted;
    constexpr int kArticles = 30;
    int seen = 0;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term) && seen < kArticles; ++it, ++seen) {
        const Article a = stored_article(db_.get_document(*it));
        for (const std::string* text : {&a.title, &a.text}) {
            analysis::tokenize(*text, [&](const analysis::Token& tok) {
                if (analyzer_.term(tok.text) != term) return;
                const std::string surface = text->substr(tok.begin, tok.end - tok.begin);
                if (all_upper(surface) && surface.size() > 1) {
                    if (shouted.empty()) shouted = surface;
                    return;
                }
                ++forms[surface];
            });
        }
    }
    std::string best = shouted.empty() ? term : shouted;
    std::size_t count = 0;
    for (const auto& [form, n] : forms)
        if (n > count) best = form, count = n;
    return best;
}

std::string QueryBuilder::suggest(const std::string& user_query) {
    // Only words the archive lacks (or holds far more often in another
    // spelling) are corrected; the others stay as typed. Spelling look-ups
    // cost more than the search: on demand.
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    try {
        analysis::tokenize(user_query, [&](const analysis::Token& tok) {
            const bool field = tok.end < user_query.size() && user_query[tok.end] == ':';
            const bool field_value = tok.begin > 0 && user_query[tok.begin - 1] == ':';
            if (field || field_value || analysis::is_query_operator(tok.text) || has_digit(tok.text)) return;
            const std::string term = analyzer_.term(tok.text);
            if (term.size() < 3 || analyzer_.is_stopword(term)) return;
            const std::string fixed = correction(term);
            if (fixed.empty()) return;
            out.append(user_query, copied, tok.begin - copied);
            out += written_form(fixed);
            copied = tok.end;
            changed = true;
        });
    } catch (const Xapian::Error&) {
        return {};
    }
    if (!changed) return {};
    out.append(user_query, copied, std::string::npos);
    return out;
}

Matching QueryBuilder::default_matching(const std::string& user_query) const {
    const bool question = user_query.find('?') != std::string::npos;
    const std::size_t words = count_content_words(analyzer_.normalize_query(user_query));
    return question || words > 4 ? Matching::any_word : Matching::all_words;
}

ParsedQuery QueryBuilder::parse(const std::string& user_query, Matching matching) {
    const std::string normalized = rewrite_spanish_dates(analyzer_.normalize_query(user_query));
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
        if (const Xapian::Query family = relatives(normalized); !family.empty() && !parsed.query.empty())
            parsed.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, parsed.query, family);
    } catch (const Xapian::QueryParserError& e) {
        throw QuerySyntaxError("cannot understand the query: " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
        throw QuerySyntaxError("the wildcard matches too many words: " + e.get_msg());
    }
    return parsed;
}

} // namespace hemeroteca::search
