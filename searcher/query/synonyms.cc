#include "query/synonyms.h"

#include "analysis/analyzer.h"
#include "analysis/fold.h"
#include "analysis/tokens.h"
#include "search.h"
#include "synonyms_es_text.h"

#include <fstream>
#include <sstream>

namespace hemeroteca::search {

namespace {

struct QueryToken {
    analysis::Token token;
    std::string folded; // a name stays capitalised in a normalised query (Estados Unidos)
    bool protected_;    // inside quotes or a field value: never expanded
};

std::vector<QueryToken> query_tokens(const std::string& q) {
    std::vector<QueryToken> out;
    analysis::tokenize(q, [&](const analysis::Token& t) {
        bool in_quotes = false;
        for (std::size_t i = 0; i < t.begin; ++i) in_quotes ^= q[i] == '"';
        const bool after_colon = t.begin > 0 && q[t.begin - 1] == ':';
        const bool field_name = t.end < q.size() && q[t.end] == ':';
        out.push_back({t, analysis::fold_lower(t.text), in_quotes || after_colon || field_name});
    });
    return out;
}

// A phrase, or an acronym, in quotes: both match as written (Xapian's query
// parser does not stem inside quotes).
template <typename Phrase> std::string render(const Phrase& phrase) {
    std::string s;
    for (const auto& w : phrase.words) s += (s.empty() ? "" : " ") + w;
    return phrase.words.size() > 1 || phrase.acronym ? "\"" + s + "\"" : s;
}

bool is_acronym(std::string_view text) {
    std::size_t letters = 0;
    for (const char c : text) {
        if (c >= 'a' && c <= 'z') return false;
        letters += c >= 'A' && c <= 'Z';
    }
    return letters >= 2;
}

} // namespace

Synonyms Synonyms::parse(std::string_view text, const analysis::Analyzer& analyzer) {
    Synonyms out;
    std::istringstream in{std::string(text)};
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        std::vector<Phrase> group;
        std::size_t start = 0;
        while (start <= line.size()) {
            auto eq = line.find('=', start);
            if (eq == std::string::npos) eq = line.size();
            Phrase phrase;
            analysis::tokenize(std::string_view(line).substr(start, eq - start),
                               [&](const analysis::Token& t) {
                                   phrase.words.push_back(analyzer.term(t.text));
                                   phrase.acronym = is_acronym(t.text);
                               });
            phrase.acronym = phrase.acronym && phrase.words.size() == 1;
            if (!phrase.words.empty()) group.push_back(std::move(phrase));
            start = eq + 1;
        }
        if (group.size() < 2)
            throw RequestError("synonyms line " + std::to_string(number) + ": expected 'A = B', got '" +
                               line + "'");
        out.groups_.push_back(std::move(group));
    }
    return out;
}

Synonyms Synonyms::from_file(const std::filesystem::path& path, const analysis::Analyzer& analyzer) {
    std::ifstream in(path);
    if (!in) throw RequestError("cannot read the synonyms file " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), analyzer);
}

Synonyms Synonyms::spanish_default(const analysis::Analyzer& analyzer) {
    return parse(kSynonymsEs, analyzer);
}

std::string Synonyms::expand(const std::string& q) const {
    return expand(q, [](const std::vector<std::string>& alternatives) {
        std::string out;
        for (const auto& alt : alternatives) out += (out.empty() ? "" : " OR ") + alt;
        return "(" + out + ")";
    });
}

std::string Synonyms::expand(const std::string& q,
                             const std::function<std::string(std::vector<std::string>)>& write_group) const {
    if (groups_.empty()) return q;
    const auto toks = query_tokens(q);
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < toks.size();) {
        // The longest alternative of any group starting at token i.
        const std::vector<Phrase>* best_group = nullptr;
        std::size_t best_len = 0;
        for (const auto& group : groups_) {
            for (const auto& alt : group) {
                const std::size_t n = alt.words.size();
                if (n <= best_len || i + n > toks.size()) continue;
                bool match = true;
                for (std::size_t k = 0; k < n && match; ++k)
                    match = !toks[i + k].protected_ && toks[i + k].folded == alt.words[k];
                if (match) {
                    best_group = &group;
                    best_len = n;
                }
            }
        }
        if (!best_group) {
            ++i;
            continue;
        }
        const auto begin = toks[i].token.begin;
        const auto end = toks[i + best_len - 1].token.end;
        // A word preceded by + or - keeps its operator meaning: leave it alone.
        if (begin > 0 && (q[begin - 1] == '+' || q[begin - 1] == '-')) {
            i += best_len;
            continue;
        }
        out.append(q, copied, begin - copied);
        std::vector<std::string> alternatives;
        for (const auto& alt : *best_group) alternatives.push_back(render(alt));
        out += write_group(std::move(alternatives));
        copied = end;
        i += best_len;
    }
    out.append(q, copied, std::string::npos);
    return out;
}

} // namespace hemeroteca::search
