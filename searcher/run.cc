#include "run.h"

#include "article_json.h"
#include "document.h"
#include "batch.h"
#include "render/json.h"
#include "render/terminal.h"
#include "search.h"

#include <fstream>
#include <iostream>

namespace hemeroteca::search {

namespace {

int show_versions(Searcher& searcher, const SearchOptions& options) {
    const Xapian::docid id = searcher.find_article(options.versions_of);
    if (id == 0)
        throw RequestError("no article with the URL or id " + options.versions_of + " in the database");
    const auto versions = searcher.versions(id);
    if (options.json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& v : versions) list.push_back(hit_json(v));
        std::cout << dump_json(nlohmann::ordered_json{{"url", options.versions_of}, {"versions", list}}, 2)
                  << '\n';
    } else {
        print_versions(std::cout, versions, use_color(options.color));
    }
    return exit_found;
}

int show_article(Searcher& searcher, const SearchOptions& options) {
    const Xapian::docid id = searcher.find_article(options.show);
    if (id == 0) throw RequestError("no article with the URL or id " + options.show + " in the database");
    const Article article = *searcher.article(id);
    const std::size_t versions = searcher.versions(id).size();
    if (options.json) {
        Hit hit;
        hit.docid = id;
        hit.article = article;
        nlohmann::ordered_json out = hit_json(hit);
        out.erase("rank");
        out.erase("score");
        out["key"] = article_key(article);
        out["text"] = article.text;
        out["versions"] = versions;
        std::cout << dump_json(out, 2) << '\n';
    } else {
        print_article(std::cout, article, versions, use_color(options.color));
    }
    return exit_found;
}

int show_timeline(Searcher& searcher, const SearchOptions& options) {
    SearchRequest request = options.request;
    request.query = options.query();
    const Timeline timeline = searcher.timeline(request);
    if (options.json) {
        std::cout << dump_json(timeline_json(timeline, request.query), 2) << '\n';
    } else {
        print_timeline(std::cout, timeline, request.query, use_color(options.color));
    }
    return timeline.total == 0 ? exit_no_match : exit_found;
}

} // namespace

int run_search(const SearchOptions& options) {
    Searcher searcher(database_paths(options), options.synonyms_file, !options.no_synonyms);
    if (!options.show.empty()) return show_article(searcher, options);
    if (!options.versions_of.empty()) return show_versions(searcher, options);
    if (options.timeline) return show_timeline(searcher, options);
    if (!options.queries_file.empty()) {
        std::ifstream in(options.queries_file);
        if (!in) throw RequestError("cannot read " + options.queries_file);
        return run_batch(searcher, options.request, in, std::cout) == 0 ? exit_found : exit_no_match;
    }
    SearchRequest request = options.request;
    request.query = options.query();
    const SearchResults results = searcher.search(request);
    if (options.json)
        std::cout << dump_json(results_json(results, request, searcher.analyzer()), 2) << '\n';
    else
        print_results(std::cout, results, request, searcher.analyzer(), use_color(options.color));
    return results.hits.empty() ? exit_no_match : exit_found;
}

} // namespace hemeroteca::search
