#include "render/terminal.h"

#include "document.h"
#include "snippet/snippet.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace hemeroteca::search {

namespace {

struct Style {
    snippet::Markup match;
    snippet::Markup title_match;
    const char* title_on;
    const char* dim_on;
    const char* off;
};

Style make_style(bool color) {
    if (color)
        return {{"\x1b[1;33m", "\x1b[0m", false, "…"},
                {"\x1b[1;33m", "\x1b[0m\x1b[1m", false, ""},
                "\x1b[1m",
                "\x1b[2m",
                "\x1b[0m"};
    return {{"**", "**", false, "…"}, {"**", "**", false, ""}, "", "", ""};
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
    return count + (n == 1 ? " article" : " articles");
}

// Counts cut short by the time limit are estimates and say so: "≈ 12".
void print_facets(std::ostream& out, const Facets& facets, bool exact, const Style& s) {
    for (const auto& [facet, key, label] : kFacets) {
        const auto it = facets.find(std::string(key));
        if (it == facets.end() || it->second.empty()) continue;
        out << s.dim_on << label << ":" << s.off;
        for (const auto& [value, count] : it->second)
            out << "  " << value << " (" << (exact ? "" : "≈ ") << count << ")";
        out << '\n';
    }
    out << '\n';
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

void print_results(std::ostream& out, const SearchResults& r, const SearchRequest& request,
                   const analysis::Analyzer& analyzer, bool color) {
    const Style s = make_style(color);
    const std::string what =
        r.query.empty() ? (request.like.empty() ? "(filters)" : "like " + request.like) : r.query;
    if (r.hits.empty() && !r.url.empty()) {
        out << "No article in the archive has the URL «" << r.url
            << "» (a URL is looked up, not searched).\n";
        return;
    }
    if (r.hits.empty()) {
        out << "No articles match «" << what << "»"
            << (r.total.estimated > 0 ? " on this page (try a smaller --offset)." : ".") << '\n';
        if (!r.suggestion.empty()) out << "Quizás quiso decir: " << r.suggestion << "\n";
        return;
    }
    out << "«" << what << "»: " << total_text(r);
    if (r.relaxed) out << " (none has all the words; showing those with some of them)";
    out << ", showing " << r.hits.front().rank << "–" << r.hits.back().rank << "\n";
    if (!r.retried_with.empty())
        out << "No articles match «" << what << "»; showing the results of «" << r.retried_with << "»\n";
    if (!r.suggestion.empty()) out << "Quizás quiso decir: " << r.suggestion << "\n";
    out << '\n';
    if (request.facets) print_facets(out, r.facets, r.facets_exact, s);

    snippet::SnippetOptions so;
    so.markup = s.match;
    for (const auto& hit : r.hits) {
        const Article& a = hit.article;
        const std::string title = a.title.empty() ? "(untitled)" : a.title;
        out << (hit.rank < 10 ? " " : "") << hit.rank << ". " << s.title_on
            << snippet::highlight(title, r.terms, analyzer, s.title_match) << s.off << '\n';
        const std::string meta = meta_line(a);
        if (!meta.empty()) out << "    " << s.dim_on << meta << s.off << '\n';
        const std::string where = article_key(a).empty() ? a.origin : article_key(a);
        if (!where.empty()) out << "    " << s.dim_on << where << s.off << '\n';
        const std::string snip = snippet::make_snippet(a.text, r.terms, analyzer, so);
        if (!snip.empty()) out << "    " << snip << '\n';
        if (hit.other_versions > 0)
            out << "    " << s.dim_on << "+ " << hit.other_versions << " more version"
                << (hit.other_versions == 1 ? "" : "s") << " (--versions " << where << ")" << s.off << '\n';
        if (!hit.explanation.empty()) {
            out << "    " << s.dim_on << "matched:";
            for (const auto& tw : hit.explanation) {
                char w[32];
                std::snprintf(w, sizeof w, "%.2f", tw.weight);
                out << " " << tw.term << "=" << w;
            }
            out << s.off << '\n';
        }
        out << '\n';
    }
}

void print_versions(std::ostream& out, const std::vector<Hit>& versions, bool color) {
    const Style s = make_style(color);
    out << versions.size() << (versions.size() == 1 ? " version" : " versions")
        << " of this story, oldest first\n\n";
    for (const auto& v : versions) {
        out << (v.rank < 10 ? " " : "") << v.rank << ". " << s.title_on << v.article.title << s.off << '\n';
        out << "    " << s.dim_on << meta_line(v.article) << s.off << '\n';
        out << "    " << s.dim_on
            << (article_key(v.article).empty() ? v.article.origin : article_key(v.article)) << s.off
            << "\n\n";
    }
}

void print_article(std::ostream& out, const Article& a, std::size_t versions, bool color) {
    const Style s = make_style(color);
    out << s.title_on << (a.title.empty() ? "(untitled)" : a.title) << s.off << '\n';
    const std::string meta = meta_line(a);
    if (!meta.empty()) out << s.dim_on << meta << s.off << '\n';
    if (!a.url.empty())
        out << s.dim_on << a.url << s.off << '\n';
    else
        out << s.dim_on << "(no original URL) id: " << (a.stable_id.empty() ? public_id(a) : a.stable_id)
            << s.off << '\n';
    out << '\n' << a.text << '\n';
    if (versions > 1)
        out << '\n'
            << s.dim_on << versions << " versions of this story (--versions "
            << (article_key(a).empty() ? public_id(a) : article_key(a)) << ")" << s.off << '\n';
}

void print_timeline(std::ostream& out, const Timeline& t, const std::string& query, bool color) {
    const Style s = make_style(color);
    out << "«" << query << "»: " << t.total << (t.total == 1 ? " article" : " articles") << " by "
        << (t.unit == TimeUnit::year    ? "year"
            : t.unit == TimeUnit::month ? "month"
                                        : "day");
    if (t.undated > 0) out << " (" << t.undated << " without a date)";
    out << "\n\n";
    Xapian::doccount most = 0;
    for (const auto& b : t.buckets) most = std::max(most, b.count);
    constexpr std::size_t kWidth = 50;
    for (const auto& b : t.buckets) {
        const std::size_t bar =
            most == 0 ? 0 : (b.count * kWidth + most - 1) / most; // any count > 0 shows at least one block
        out << b.key << std::string(b.key.size() < 10 ? 10 - b.key.size() : 1, ' ') << s.title_on;
        for (std::size_t i = 0; i < bar; ++i) out << "█";
        out << s.off << ' ' << b.count << '\n';
    }
}

} // namespace hemeroteca::search
