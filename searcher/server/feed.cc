#include "server/feed.h"

#include "document.h"
#include "snippet/snippet.h"
#include "util/strings.h"

#include <algorithm>
#include <string_view>

namespace hemeroteca::search::server {

namespace {

constexpr std::size_t kFeedDefault = 20;

std::string xml(std::string_view text) { return snippet::escape_html(text); }

// application/x-www-form-urlencoded, as the page's own URLs are.
std::string form_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '_' || c == '.' || c == '*') {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

// The request's search as a query string (q and the filters), for the feed's own links.
std::string search_query_string(const SearchRequest& r) {
    std::string out;
    const auto put = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        out += out.empty() ? "" : "&";
        out += name;
        out += '=';
        out += form_encode(value);
    };
    put("q", r.query);
    put("from", r.filters.from);
    put("to", r.filters.to);
    put("section", r.filters.section);
    put("source", r.filters.source);
    put("author", r.filters.author);
    put("lang", r.filters.lang);
    return out;
}

bool digits(std::string_view s) {
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

} // namespace

std::string rfc3339(const std::string& iso) {
    if (iso.size() < 10 || !digits(iso.substr(0, 4)) || iso[4] != '-' || iso[7] != '-') return {};
    if (iso.size() == 10) return iso + "T00:00:00Z";
    if (iso[10] != 'T' || iso.size() < 19) return iso.substr(0, 10) + "T00:00:00Z";
    const std::string_view rest = std::string_view(iso).substr(19);
    const bool zoned =
        !rest.empty() && (rest.back() == 'Z' || rest.find_first_of("+-") != std::string_view::npos);
    return zoned ? iso : iso + "Z";
}

Reply atom_feed(const Call& call) {
    Searcher& searcher = call.searcher;
    const ParamLookup& param = call.param;
    const Limits& limits = call.limits;
    const std::string base(call.base);
    SearchRequest request = search_request(param, limits);
    request.sort = Sort::newest;
    request.offset = 0;
    request.limit = param("per_page") ? std::min(request.limit, limits.feed_max) : kFeedDefault;
    const SearchResults results = searcher.search(request);
    const std::string qs = search_query_string(request);
    const std::string title = request.query.empty() ? "Hemeroteca" : "Hemeroteca: " + request.query;

    std::string updated = rfc3339(searcher.last_updated());
    for (const Hit& hit : results.hits) updated = std::max(updated, rfc3339(hit.article.date));
    if (updated.empty()) updated = util::utc_now_iso();

    snippet::SnippetOptions so;
    so.markup = {"", "", false, "…"};
    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xml:lang=\"es\">\n";
    out += "  <title>" + xml(title) + "</title>\n";
    out += "  <subtitle>Las noticias más recientes que coinciden con la búsqueda</subtitle>\n";
    out += "  <id>" + xml(base + "/feed?" + qs) + "</id>\n";
    out +=
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml(base + "/feed?" + qs) + "\"/>\n";
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
           xml(base + "/?" + qs + (qs.empty() ? "" : "&") + "sort=newest") + "\"/>\n";
    out += "  <updated>" + updated + "</updated>\n";
    out += "  <author><name>Hemeroteca</name></author>\n";
    out += "  <generator>hemeroteca-search</generator>\n";
    for (const Hit& hit : results.hits) {
        const Article& a = hit.article;
        const std::string view = base + "/articulo/" + public_id(a);
        std::string when = rfc3339(a.date);
        out += "  <entry>\n";
        out += "    <title>" + xml(a.title.empty() ? "(sin título)" : a.title) + "</title>\n";
        out += "    <id>" + xml(a.url.empty() ? view : a.url) + "</id>\n";
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml(view) + "\"/>\n";
        if (!a.url.empty()) out += "    <link rel=\"related\" href=\"" + xml(a.url) + "\"/>\n";
        if (!when.empty()) out += "    <published>" + when + "</published>\n";
        out += "    <updated>" + (when.empty() ? updated : when) + "</updated>\n";
        if (!a.author.empty() || !a.source.empty())
            out += "    <author><name>" + xml(a.author.empty() ? a.source : a.author) + "</name></author>\n";
        if (!a.section.empty()) out += "    <category term=\"" + xml(a.section) + "\"/>\n";
        out += "    <summary>" + xml(snippet::make_snippet(a.text, results.terms, searcher.analyzer(), so)) +
               "</summary>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    Reply reply;
    reply.content_type = "application/atom+xml; charset=utf-8";
    reply.body = std::move(out);
    return reply;
}

Reply opensearch_description(const Call& call) {
    const std::string b = xml(call.base);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\" "
                      "xmlns:moz=\"http://www.mozilla.org/2006/browser/search/\">\n"
                      "  <ShortName>Hemeroteca</ShortName>\n"
                      "  <Description>Buscar en el archivo de noticias</Description>\n"
                      "  <InputEncoding>UTF-8</InputEncoding>\n"
                      "  <Language>es</Language>\n";
    out += "  <Url type=\"text/html\" method=\"get\" template=\"" + b + "/?q={searchTerms}\"/>\n";
    out += "  <Url type=\"application/atom+xml\" template=\"" + b + "/feed?q={searchTerms}\"/>\n";
    out += "  <Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\"" + b +
           "/opensearch.xml\"/>\n";
    out += "  <moz:SearchForm>" + b + "/</moz:SearchForm>\n";
    out += "</OpenSearchDescription>\n";
    Reply reply;
    reply.content_type = "application/opensearchdescription+xml; charset=utf-8";
    reply.body = std::move(out);
    return reply;
}

} // namespace hemeroteca::search::server
