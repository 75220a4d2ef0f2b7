#include "query/query_builder.h"

#include "analysis/tokens.h"
#include "document.h"
#include "query/date_range.h"
#include "query/lifts.h"
#include "query/url_filters.h"
#include "query/wildcards.h"
#include "schema.h"

#include <algorithm>
#include <charconv>
#include <array>
#include <map>
#include <optional>
#include <vector>
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

// The weight of a word's Snowball family (schema::prefix::relative) beside its
// lemma: a hint for ranking, never a reason to match.
constexpr double kRelativesWeight = 0.3;

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

Xapian::BM25Weight ranking_weight() {
    // k1 1, k2 0, k3 1, min_normlen 0.5: Xapian's defaults; b 0.75 (Lucene's), not Xapian's 0.5:
    // a long article that mentions the question's words outranked the short one that answers
    // it (on the 1,190 XQuAD questions, MRR@10 0.901 -> 0.913).
    return Xapian::BM25Weight(1.0, 0, 1, 0.75, 0.5);
}

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
    return wildcard_cost_error(pattern, max_words);
}

QueryCostError wildcard_cost_error(std::string_view pattern, Xapian::termcount max_words) {
    return QueryCostError("the query is too costly: " +
                          (pattern.empty() ? std::string("a wildcard") : "`" + std::string(pattern) + "`") +
                          " matches over " + std::to_string(max_words) +
                          " words (write more letters before the *)");
}

// A synonym group of the query as one Xapian OP_SYNONYM: its alternatives weigh
// as one word (their wdfs summed, the frequency of their union), so one that the
// user did not type (a rare acronym, with its large IDF) cannot outweigh the
// words they did. The text handed to the parser names each group
// `xsinonimo:K`; parse() builds the groups' queries before it parses the text.
class SynonymGroupProcessor : public Xapian::FieldProcessor {
public:
    void set(std::vector<Xapian::Query> groups) { groups_ = std::move(groups); }
    Xapian::Query operator()(const std::string& value) override {
        std::size_t k = 0;
        const char* end = value.data() + value.size();
        const auto [at, ec] = std::from_chars(value.data(), end, k);
        if (ec != std::errc{} || at != end || k >= groups_.size()) return Xapian::Query::MatchNothing;
        return groups_[k];
    }

private:
    std::vector<Xapian::Query> groups_;
};

namespace {
constexpr std::string_view kSynonymField = "xsinonimo";

std::optional<std::string> text_field_prefix(std::string_view field) {
    for (const auto& [name, prefix] : kTextFields)
        if (name == field) return std::string(prefix);
    return std::nullopt;
}

void configure(Xapian::QueryParser& qp, const Xapian::Database& db, Xapian::termcount max_wildcard_words,
               DateFieldProcessor* dates) {
    qp.set_database(db); // for wildcards and spelling
    qp.set_max_expansion(max_wildcard_words, Xapian::Query::WILDCARD_LIMIT_ERROR);
    for (const auto& [name, prefix] : kTextFields) qp.add_prefix(std::string(name), std::string(prefix));
    for (const auto& [name, prefix] : kBooleanFields)
        qp.add_boolean_prefix(std::string(name), std::string(prefix));
    for (const auto name : kDateFields) qp.add_boolean_prefix(std::string(name), dates);
}
} // namespace

QueryBuilder::QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db,
                           const Synonyms& synonyms, double exact_boost, const QueryLimits& limits) :
    QueryBuilder(analyzer, db, db, synonyms, exact_boost, limits) {}

QueryBuilder::QueryBuilder(const analysis::Analyzer& analyzer, const Xapian::Database& db,
                           const Xapian::Database& spelling, const Synonyms& synonyms, double exact_boost,
                           const QueryLimits& limits) :
    analyzer_(analyzer),
    synonyms_(synonyms), limits_(limits), db_(db), spelling_(spelling), qp_(analyzer.query_parser()),
    exact_qp_(analyzer.query_parser(true)), exact_boost_(exact_boost) {
    // Both parsers hold a reference: the processor lives as long as either does.
    dates_ = new DateFieldProcessor;
    dates_->release();
    configure(qp_, db, limits_.max_wildcard_words, dates_);
    configure(exact_qp_, db, limits_.max_wildcard_words, dates_);
    groups_ = new SynonymGroupProcessor;
    groups_->release();
    qp_.add_prefix(std::string(kSynonymField), groups_);
    exact_qp_.add_prefix(std::string(kSynonymField), groups_); // (wildcards: expand_wildcards)
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

bool QueryBuilder::held_as_name(const std::string& word) const {
    // Asked for each parse of a request (its words, each synonym and the relaxed
    // retry; not the exact lift, which is parsed as typed): the look-up once a word.
    const auto known = names_.find(word);
    if (known != names_.end()) return known->second;
    const bool held =
        analyzer_.stem(word) != word && db_.term_exists(std::string(schema::prefix::stem) + word);
    names_.emplace(word, held);
    return held;
}

std::string QueryBuilder::with_name_forms(const std::string& q) const {
    // A capitalised name is indexed as its own stem (Morales, not moral's plural),
    // so a lowercase query word's lemma alone would miss it: «estados unidos»
    // stems to unir and missed two thirds of the articles about the country.
    std::string out;
    std::size_t copied = 0;
    bool in_quotes = false;
    std::size_t scanned = 0;
    analysis::tokenize(q, [&](const analysis::Token& tok) {
        for (; scanned < tok.begin; ++scanned) in_quotes ^= q[scanned] == '"';
        const auto at = [&](std::size_t i) { return i < q.size() ? q[i] : ' '; };
        const char before = tok.begin > 0 ? q[tok.begin - 1] : ' ';
        if (in_quotes || before == ':' || before == '-' || before == '+' || at(tok.end) == ':' ||
            at(tok.end) == '*' || analysis::is_query_operator(tok.text))
            return;
        const unsigned char first = static_cast<unsigned char>(tok.text.front());
        if (first < 'a' || first > 'z')
            return; // capitalised (a name already), a digit, or a non-ASCII letter
        const std::string t = analyzer_.term(tok.text);
        if (t.size() < 3 || analyzer_.is_stopword(t)) return;
        if (!held_as_name(t)) return;
        std::string capital = tok.text;
        capital[0] = static_cast<char>(first - 'a' + 'A');
        out.append(q, copied, tok.begin - copied);
        out += "(" + tok.text + " OR " + capital + ")";
        copied = tok.end;
    });
    if (copied == 0) return q;
    out.append(q, copied, std::string::npos);
    return out;
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
    // Every variant one edit away, then looked up in term order: neighbouring
    // look-ups then share the B-tree blocks Xapian's cursor holds (the
    // suggestions of the load mix read 10% of its blocks in generation order).
    std::vector<std::pair<std::string, std::size_t>> variants; // (word, edits)
    static constexpr char32_t kLetters[] = U"abcdefghijklmnopqrstuvwxyzñ";
    for (std::size_t i = 0; i < w.size(); ++i) {
        std::u32string v = w;
        if (w[i] == U'n') {
            v[i] = U'ñ';
            variants.emplace_back(utf8(v), 0);
        }
        v = w;
        v.erase(i, 1);
        variants.emplace_back(utf8(v), 1); // dropped
        if (i + 1 < w.size() && w[i] != w[i + 1]) {
            v = w;
            std::swap(v[i], v[i + 1]);
            variants.emplace_back(utf8(v), 1); // swapped
        }
        for (const char32_t c : std::u32string_view(kLetters)) {
            if (c == w[i]) continue;
            v = w;
            v[i] = c;
            variants.emplace_back(utf8(v), 1); // replaced
        }
    }
    for (std::size_t i = 0; i <= w.size(); ++i)
        for (const char32_t c : std::u32string_view(kLetters)) {
            std::u32string v = w;
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), c);
            variants.emplace_back(utf8(v), 1); // added
        }
    std::sort(variants.begin(), variants.end()); // by word, the fewest edits first
    for (std::size_t i = 0; i < variants.size(); ++i)
        if (i == 0 || variants[i].first != variants[i - 1].first)
            consider(variants[i].first, variants[i].second);
    if (best_distance > 1 && own == 0) {
        const std::string near = spelling_.get_spelling_suggestion(term, 2);
        consider(near, edit_distance(term, near));
    } else if (!best.empty()) {
        // One edit further, a far commoner word: Odebretch is one edit from
        // odebrech (3 articles) but means Odebrecht (140), two edits away.
        const std::string further = spelling_.get_spelling_suggestion(best, 1);
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

NormalizedQuery QueryBuilder::normalize(const std::string& user_query) const {
    // site:/sitio:/url: are filters, not words: they leave the text here and return in parse().
    const UrlFilters url_filters = extract_url_filters(user_query);
    return {user_query, rewrite_spanish_dates(analyzer_.normalize_query(url_filters.rest)),
            !url_filters.empty()};
}

std::string QueryBuilder::suggest(const NormalizedQuery& query) {
    const std::string& user_query = query.user;
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
    if (normalized.find(':') != std::string::npos)
        dates_->set_archive(dated_span(db_)); // (a field, maybe fecha:)
    ParsedQuery parsed;
    parsed.matching = matching;
    parsed.content_words = count_content_words(normalized);
    try {
        // Groups are named `xsinonimo:K` in the parsed text: wildcards' first, then synonyms'.
        std::vector<Xapian::Query> group_queries;
        const auto group_name = [&] {
            return std::string(kSynonymField) + ":" + std::to_string(group_queries.size());
        };
        const std::string with_wildcards = expand_wildcards(normalized, db_, limits_.max_wildcard_words,
                                                            text_field_prefix, [&](Xapian::Query expanded) {
                                                                std::string name = group_name();
                                                                group_queries.push_back(std::move(expanded));
                                                                return name;
                                                            });
        std::vector<std::vector<std::string>> groups;
        const std::string with_synonyms =
            synonyms_.expand(with_wildcards, [&](std::vector<std::string> alternatives) {
                groups.push_back(std::move(alternatives));
                return " " + std::string(kSynonymField) + ":" +
                       std::to_string(group_queries.size() + groups.size() - 1) + " ";
            });
        for (const auto& alternatives : groups) {
            std::vector<Xapian::Query> parts;
            for (const auto& alt : alternatives)
                if (Xapian::Query q = qp_.parse_query(with_name_forms(alt), kFlags); !q.empty())
                    parts.push_back(q);
            group_queries.push_back(
                parts.empty() ? Xapian::Query::MatchNothing
                              : Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end()));
        }
        groups_->set(std::move(group_queries));
        parsed.matches = qp_.parse_query(with_name_forms(with_synonyms), kFlags);
        if (auto error = dates_->take_error())
            throw QuerySyntaxError("cannot understand the query: " + *error);
        if (exact_boost_ > 0) {
            exact_qp_.set_default_op(Xapian::Query::OP_OR);
            // The words as typed: a synonym group's other alternatives get no exact lift. (Not
            // with_name_forms: unstemmed, a word and its capitalised name are one term.)
            const std::string lifted =
                matching == Matching::all_words ? unquote_phrases_for_lift(with_wildcards) : with_wildcards;
            const Xapian::Query exact = exact_qp_.parse_query(lifted, kFlags);
            (void)dates_->take_error(); // the same text: already checked
            if (!exact.empty())
                parsed.lifts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, exact, exact_boost_);
        }
        // The family ranks a question's matches only: where every word must match, it
        // reorders nothing (no top 10 of the 183 news queries moved without it) and cost
        // a posting list as long as the word's own (9% of the 100k mix's instructions).
        if (matching == Matching::any_word && !parsed.matches.empty())
            if (const Xapian::Query family = relatives(normalized); !family.empty())
                parsed.lifts.push_back(family);
    } catch (const Xapian::QueryParserError& e) {
        throw QuerySyntaxError("cannot understand the query: " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
        throw wildcard_cost_error(e, limits_.max_wildcard_words);
    }
    if (!url_filters.empty()) parsed.matches = url_filters.apply(parsed.matches);
    parsed.query = with_boosts(parsed.matches, parsed.lifts);
    return parsed;
}

} // namespace hemeroteca::search
