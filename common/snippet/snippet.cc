#include "snippet/snippet.h"

#include "analysis/tokens.h"
#include "schema.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <vector>

namespace hemeroteca::snippet {

namespace {

struct Hit {
    std::size_t begin;
    std::size_t end;
    int key; // which query term it matched, -1 for none
};

class Matcher {
public:
    Matcher(const analysis::QueryTerms& terms, const analysis::Analyzer& analyzer) :
        terms_(terms), analyzer_(analyzer) {
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
        return ids_.emplace(key, static_cast<int>(ids_.size())).first->second;
    }
    const analysis::QueryTerms& terms_;
    const analysis::Analyzer& analyzer_;
    std::array<bool, 256> first_bytes_{}; // first bytes of the query terms
    std::unordered_map<std::string, std::string> stems_;
    std::unordered_map<std::string, int> ids_;
};

std::vector<Hit> find_tokens(std::string_view text, const analysis::QueryTerms& terms,
                             const analysis::Analyzer& analyzer) {
    Matcher matcher(terms, analyzer);
    std::vector<Hit> hits;
    std::vector<bool> stop;
    analysis::tokenize(text, [&](const analysis::Token& tok) {
        hits.push_back({tok.begin, tok.end, terms.empty() ? -1 : matcher.match(tok.text)});
        stop.push_back(hits.back().key >= 0 && analyzer.is_stopword(analyzer.term(tok.text)));
    });
    // A stop-word comes from a phrase ("Corea del Norte"): mark it only
    // between two matched words, not every "del" of the text.
    const auto content_match = [&](std::size_t i) { return hits[i].key >= 0 && !stop[i]; };
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (stop[i] && !(i > 0 && i + 1 < hits.size() && content_match(i - 1) && content_match(i + 1)))
            hits[i].key = -1;
    }
    return hits;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Appends text with whitespace collapsed; a paragraph break (a blank line)
// becomes " · " so that a passage spanning two paragraphs still reads right.
void append_text(std::string& out, std::string_view text, const Markup& m) {
    bool pending_space = false;
    int newlines = 0;
    for (const char c : text) {
        if (is_space(c)) {
            pending_space = true;
            newlines += c == '\n';
            continue;
        }
        if (pending_space) out += newlines >= 2 ? " · " : " ";
        pending_space = false;
        newlines = 0;
        if (!m.escape_html) {
            out.push_back(c);
            continue;
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(c);
        }
    }
    if (pending_space) out.push_back(' ');
}

// Renders text[begin, end) with the hits in [first, last) highlighted.
std::string render(std::string_view text, std::size_t begin, std::size_t end, const std::vector<Hit>& hits,
                   std::size_t first, std::size_t last, const Markup& m) {
    std::string out;
    std::size_t pos = begin;
    for (std::size_t i = first; i < last; ++i) {
        if (hits[i].key < 0) continue;
        append_text(out, text.substr(pos, hits[i].begin - pos), m);
        out += m.open;
        append_text(out, text.substr(hits[i].begin, hits[i].end - hits[i].begin), m);
        out += m.close;
        pos = hits[i].end;
    }
    append_text(out, text.substr(pos, end - pos), m);
    return out;
}

struct Window {
    std::size_t first = 0; // first token
    std::size_t last = 0;  // one past the last token
};

// Two pointers over the tokens: the window of at most max_bytes with the most
// distinct matched terms, then the most matches, earliest on ties.
Window best_window(const std::vector<Hit>& hits, std::size_t max_bytes) {
    Window best;
    long best_score = -1;
    std::unordered_map<int, int> counts;
    std::size_t matches = 0;
    std::size_t j = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        while (j < hits.size() && hits[j].end - hits[i].begin <= max_bytes) {
            if (hits[j].key >= 0) {
                ++counts[hits[j].key];
                ++matches;
            }
            ++j;
        }
        const long score = static_cast<long>(counts.size()) * 1000 + static_cast<long>(matches);
        if (score > best_score) {
            best_score = score;
            best = {i, std::max(j, i + 1)};
        }
        if (hits[i].key >= 0) {
            if (--counts[hits[i].key] == 0) counts.erase(hits[i].key);
            --matches;
        }
        if (j == hits.size()) break; // later windows only lose tokens
    }
    return best;
}

// Moves the window so that about a third of the unused budget comes before the
// first match: a passage that opens mid-thought on the matched word reads badly.
Window centre_matches(const std::vector<Hit>& hits, Window w, std::size_t max_bytes) {
    std::size_t mb = w.first;
    while (mb < w.last && hits[mb].key < 0) ++mb;
    if (mb == w.last) return w; // no match: keep the opening
    std::size_t me = w.last - 1;
    while (hits[me].key < 0) --me;
    const std::size_t span = hits[me].end - hits[mb].begin;
    const std::size_t before = span < max_bytes ? (max_bytes - span) / 3 : 0;
    std::size_t first = mb;
    while (first > 0 && hits[mb].begin - hits[first - 1].begin <= before) --first;
    std::size_t last = first;
    while (last < hits.size() && hits[last].end - hits[first].begin <= max_bytes) ++last;
    return {first, std::max(last, me + 1)};
}

} // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    append_text(out, text, Markup{"", "", true, ""});
    return out;
}

std::string make_snippet(std::string_view text, const analysis::QueryTerms& terms,
                         const analysis::Analyzer& analyzer, const SnippetOptions& options) {
    const std::vector<Hit> hits = find_tokens(text, terms, analyzer);
    if (hits.empty()) return {};
    Window w = best_window(hits, options.max_bytes);

    w = centre_matches(hits, w, options.max_bytes);
    const std::size_t begin = w.first == 0 ? 0 : hits[w.first].begin;
    const std::size_t end = w.last == hits.size() ? text.size() : hits[w.last - 1].end;

    std::string out;
    if (begin > 0) out += options.markup.ellipsis;
    out += render(text, begin, end, hits, w.first, w.last, options.markup);
    while (!out.empty() && is_space(out.back())) out.pop_back();
    if (end < text.size()) out += options.markup.ellipsis;
    return out;
}

std::string highlight(std::string_view text, const analysis::QueryTerms& terms,
                      const analysis::Analyzer& analyzer, const Markup& markup) {
    const std::vector<Hit> hits = find_tokens(text, terms, analyzer);
    return render(text, 0, text.size(), hits, 0, hits.size(), markup);
}

} // namespace hemeroteca::snippet
