// hemeroteca-index: reads news pages, JSON Lines, WARC files and fetched URLs, and indexes the articles.
#include "options.h"
#include "pipeline/index_writer.h"
#include "run.h"
#include "version.h"

#include <xapian.h>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) try {
    using namespace hemeroteca::indexer;
    CLI::App app{"hemeroteca-index: index Spanish news pages, JSON Lines, WARC files and fetched URLs into a "
                 "Hemeroteca database"};
    app.set_version_flag("--version", std::string("hemeroteca-index ") + hemeroteca::version);
    IndexOptions options;
    add_options(app, options);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "error: %s (see --help)\n", e.what());
        return exit_usage;
    }
    return run_index(options);
} catch (const hemeroteca::indexer::DatabaseError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return hemeroteca::indexer::exit_database;
} catch (const Xapian::Error& e) {
    std::fprintf(stderr, "error: %s\n", e.get_description().c_str());
    return hemeroteca::indexer::exit_database;
} catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return hemeroteca::indexer::exit_internal;
}
