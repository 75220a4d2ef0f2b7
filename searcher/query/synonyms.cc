#include "query/synonyms.h"

#include "analysis/analyzer.h"
#include "analysis/tokens.h"
#include "search.h"
#include "synonyms_es_text.h"

#include <fstream>
#include <sstream>

namespace hemeroteca::search {

namespace {

struct QueryToken {
    analysis::Token token;
    bool protected_; // inside quotes or a field value: never expanded
};

std::vector<QueryToken> query_tokens(const std::string& q) {
    std::vector<QueryToken> out;
    analysis::tokenize(q, [&](const analysis::Token& t) {
        bool in_quotes = false;
        for (std::size_t i = 0; i < t.begin; ++i) in_quotes ^= q[i] == '"';
        const bool after_colon = t.begin > 0 && q[t.begin - 1] == ':';
        const bool field_name = t.end < q.size() && q[t.end] == ':';
        out.push_back({t, in_quotes || after_colon || field_name});
    });
    return out;
}

std::string render(const std::vector<std::string>& phrase) {
    std::string s;
    for (const auto& w : phrase) s += (s.empty() ? "" : " ") + w;
    return phrase.size() > 1 ? "\"" + s + "\"" : s;
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
                               [&](const analysis::Token& t) { phrase.push_back(analyzer.term(t.text)); });
            if (!phrase.empty()) group.push_back(std::move(phrase));
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
                if (alt.size() <= best_len || i + alt.size() > toks.size()) continue;
                bool match = true;
                for (std::size_t k = 0; k < alt.size() && match; ++k)
                    match = !toks[i + k].protected_ && toks[i + k].token.text == alt[k];
                if (match) {
                    best_group = &group;
                    best_len = alt.size();
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
        std::string alternatives;
        for (const auto& alt : *best_group)
            alternatives += (alternatives.empty() ? "" : " OR ") + render(alt);
        out += "(" + alternatives + ")";
        copied = end;
        i += best_len;
    }
    out.append(q, copied, std::string::npos);
    return out;
}

} // namespace hemeroteca::search
