// The query parser, with fecha: ranges and Spanish dates, over a small in-memory archive.
#include "analysis/analyzer.h"
#include "fuzz_input.h"
#include "query/date_range.h"
#include "query/query_builder.h"
#include "query/synonyms.h"
#include "search.h"

#include <xapian.h>

#include <filesystem>

namespace {

struct World {
    hemeroteca::analysis::Analyzer analyzer;
    hemeroteca::search::Synonyms synonyms = hemeroteca::search::Synonyms::spanish_default(analyzer);
    // A glass database (the in-memory backend has no spelling table), removed at exit.
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("hemeroteca-fuzz-query-" + std::to_string(::getpid()));
    Xapian::WritableDatabase db{dir.string(), Xapian::DB_CREATE_OR_OVERWRITE};
    ~World() {
        db.close();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    World() {
        for (const char* words : {"elecciones generales gobierno", "presupuestos congreso ley"}) {
            Xapian::Document d;
            Xapian::TermGenerator tg;
            tg.set_document(d);
            tg.index_text(words);
            db.add_document(d);
            db.add_spelling(words);
        }
        db.commit();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::search;
    static World world;
    const std::string q(hemeroteca::fuzz::as_view(data, size));
    QueryBuilder builder(world.analyzer, world.db, world.synonyms, 0.5);
    try {
        const NormalizedQuery text = builder.normalize(q); // once, as the Searcher does
        const Matching m = builder.default_matching(text);
        (void)builder.parse(text, m);
        (void)builder.suggest(text);
    } catch (const QuerySyntaxError&) {
    } catch (const QueryCostError&) { // over a query cost limit: the user's error, said in one line
    } catch (const RequestError&) {   // e.g. an unreadable fecha: value
    } catch (const Xapian::Error&) {  // e.g. a wildcard expanding past a limit
    }
    (void)rewrite_spanish_dates(q);
    try {
        (void)date_bound(q, size % 2 == 0);
    } catch (const RequestError&) { // "cannot read the date": the user's error
    }
    return 0;
}
