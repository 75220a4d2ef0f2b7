#include "render/terminal.h"

#include "snippet/snippet.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace hemeroteca::search {

namespace {

struct Style {
    snippet::Markup match;
    const char* title_on;
    const char* dim_on;
    const char* off;
};

Style make_style(bool color) {
    if (color) return {{"\x1b[1;33m", "\x1b[0m", false, "…"}, "\x1b[1m", "\x1b[2m", "\x1b[0m"};
    return {{"**", "**", false, "…"}, "", "", ""};
}

std::string meta_line(const Article& a) {
    std::string line;
    const auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!line.empty()) line += " · ";
        line += part;
    };
    add(a.source);
    add(a.section);
    add(a.date.substr(0, std::min<std::size_t>(a.date.size(), 10)));
    add(a.author);
    return line;
}

std::string total_text(const SearchResults& r) {
    const auto n = r.total.estimated;
    std::string count = (r.total.exact() ? "" : "about ") + std::to_string(n);
    return count + (n == 1 && r.total.exact() ? " article" : " articles");
}

} // namespace

bool use_color(ColorMode mode) {
    if (mode != ColorMode::automatic) return mode == ColorMode::always;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::strcmp(term, "dumb") == 0) return false;
    return isatty(STDOUT_FILENO) == 1;
}

void print_results(std::ostream& out, const SearchResults& r, const analysis::Analyzer& analyzer, bool color) {
    const Style s = make_style(color);
    if (r.hits.empty()) {
        out << "No articles match «" << r.query << "»"
            << (r.total.estimated > 0 ? " on this page (try a smaller --offset)." : ".") << '\n';
        return;
    }
    out << "«" << r.query << "»: " << total_text(r);
    if (r.relaxed) out << " (none has all the words; showing those with some of them)";
    out << ", showing " << r.hits.front().rank << "–" << r.hits.back().rank << "\n\n";

    snippet::SnippetOptions so;
    so.markup = s.match;
    for (const auto& hit : r.hits) {
        const Article& a = hit.article;
        const std::string title = a.title.empty() ? "(untitled)" : a.title;
        out << (hit.rank < 10 ? " " : "") << hit.rank << ". " << s.title_on
            << snippet::highlight(title, r.terms, analyzer, color ? snippet::Markup{"\x1b[1;33m", "\x1b[0m\x1b[1m", false, ""} : s.match)
            << s.off << '\n';
        const std::string meta = meta_line(a);
        if (!meta.empty()) out << "    " << s.dim_on << meta << s.off << '\n';
        const std::string& where = a.url.empty() ? a.origin : a.url;
        if (!where.empty()) out << "    " << s.dim_on << where << s.off << '\n';
        const std::string snip = snippet::make_snippet(a.text, r.terms, analyzer, so);
        if (!snip.empty()) out << "    " << snip << '\n';
        out << '\n';
    }
}

} // namespace hemeroteca::search
