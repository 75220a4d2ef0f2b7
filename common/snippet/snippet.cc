#include "snippet/snippet.h"

#include "snippet/matches.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace hemeroteca::snippet {

namespace {

using Hit = TokenMatch;

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
    const std::vector<Hit> hits = match_tokens(text, terms, analyzer).tokens;
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
    const std::vector<Hit> hits = match_tokens(text, terms, analyzer).tokens;
    return render(text, 0, text.size(), hits, 0, hits.size(), markup);
}

} // namespace hemeroteca::snippet
