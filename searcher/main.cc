// hemeroteca-search: ranked, highlighted search over a Hemeroteca database.
#include "options.h"
#include "query/query_builder.h"
#include "run.h"
#include "search.h"
#include "server/server.h"
#include "version.h"

#include <xapian.h>

#include <cstdio>
#include <map>
#include <exception>

int main(int argc, char** argv) try {
    using namespace hemeroteca::search;
    CLI::App app{"hemeroteca-search: search a Hemeroteca database of Spanish news"};
    app.set_version_flag("--version", std::string("hemeroteca-search ") + hemeroteca::version);
    SearchOptions options;
    add_options(app, options);
    server::ServeOptions serve_options;
    CLI::App* serve =
        app.add_subcommand("serve", "Serve the search page and JSON API over HTTP (see README)");
    server::add_serve_options(*serve, serve_options);
    CLI::App* show =
        app.add_subcommand("show", "Print one article in full: show URL, or the id a result printed");
    show->add_option("article", options.show, "The article's URL, stable id (file.jsonl#42) or number")
        ->required();
    show->add_flag("--json", options.json, "Print one JSON object");
    show->add_option("--color", options.color, "Colour: auto, always, never")
        ->transform(CLI::CheckedTransformer(std::map<std::string, ColorMode>{{"auto", ColorMode::automatic},
                                                                             {"always", ColorMode::always},
                                                                             {"never", ColorMode::never}},
                                            CLI::ignore_case));
    show->add_option("--db", options.dbs, "A database (or set HEMEROTECA_DB)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "error: %s (see --help)\n", e.what());
        return exit_usage;
    }
    if (serve->parsed()) return server::run_server(serve_options);
    return run_search(options);
} catch (const hemeroteca::search::QueryCostError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return hemeroteca::search::exit_too_costly;
} catch (const hemeroteca::search::QuerySyntaxError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return hemeroteca::search::exit_usage;
} catch (const hemeroteca::search::RequestError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return hemeroteca::search::exit_usage;
} catch (const hemeroteca::search::DatabaseError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return hemeroteca::search::exit_database;
} catch (const hemeroteca::search::server::ListenError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return hemeroteca::search::exit_listen;
} catch (const Xapian::Error& e) {
    std::fprintf(stderr, "error: %s\n", e.get_description().c_str());
    return hemeroteca::search::exit_database;
} catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return hemeroteca::search::exit_internal;
}
