#include "snippet/matches.h"

#include "analysis/tokens.h"
#include "schema.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

namespace hemeroteca::snippet {

namespace {

class Matcher {
public:
    Matcher(const analysis::QueryTerms& terms, const analysis::Analyzer& analyzer,
            std::vector<std::string>& keys) :
        terms_(terms),
        analyzer_(analyzer), keys_(keys) {
        for (const auto* set : {&terms.exact, &terms.stems})
            for (const auto& t : *set)
                if (!t.empty()) first_bytes_[static_cast<unsigned char>(t.front())] = true;
    }

    // The id of the query term a token matches, or -1.
    int match(const std::string& token_text) {
        // Tokens come accent-folded: one whose first letter starts no query term
        // cannot match, and most do not (no lowercasing, no stemming for them).
        const unsigned char first = token_text.empty() ? 0 : static_cast<unsigned char>(token_text.front());
        if (first < 0x80 && !first_bytes_[static_cast<unsigned char>(std::tolower(first))]) return -1;
        const std::string term = analyzer_.term(token_text);
        if (terms_.exact.count(term)) return id_of(term);
        if (!could_stem_to_a_query_stem(term) || analyzer_.is_stopword(term)) return -1;
        auto cached = stems_.find(term);
        if (cached == stems_.end()) cached = stems_.emplace(term, analyzer_.stem(term)).first;
        return terms_.stems.count(cached->second) ? id_of(std::string(schema::prefix::stem) + cached->second)
                                                  : -1;
    }

private:
    // Most words of a text cannot stem to any query stem, and need no stemming.
    bool could_stem_to_a_query_stem(std::string_view term) const {
        return std::any_of(terms_.stems.begin(), terms_.stems.end(),
                           [&](const std::string& stem) { return analyzer_.may_stem_to(term, stem); });
    }
    int id_of(const std::string& key) {
        const auto [it, added] = ids_.emplace(key, static_cast<int>(ids_.size()));
        if (added) keys_.push_back(key);
        return it->second;
    }
    const analysis::QueryTerms& terms_;
    const analysis::Analyzer& analyzer_;
    std::vector<std::string>& keys_;
    std::array<bool, 256> first_bytes_{}; // first bytes of the query terms
    std::unordered_map<std::string, std::string> stems_;
    std::unordered_map<std::string, int> ids_;
};

} // namespace

TokenMatches match_tokens(std::string_view text, const analysis::QueryTerms& terms,
                          const analysis::Analyzer& analyzer) {
    TokenMatches out;
    Matcher matcher(terms, analyzer, out.terms);
    auto& hits = out.tokens;
    std::vector<bool> stop;
    analysis::tokenize(text, [&](const analysis::Token& tok) {
        hits.push_back({tok.begin, tok.end, terms.empty() ? -1 : matcher.match(tok.text)});
        stop.push_back(hits.back().key >= 0 && analyzer.is_stopword(analyzer.term(tok.text)));
    });
    const auto content_match = [&](std::size_t i) { return hits[i].key >= 0 && !stop[i]; };
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (stop[i] && !(i > 0 && i + 1 < hits.size() && content_match(i - 1) && content_match(i + 1)))
            hits[i].key = -1;
    }
    return out;
}

} // namespace hemeroteca::snippet
