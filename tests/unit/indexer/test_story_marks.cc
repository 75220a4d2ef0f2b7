// Every article of a story of two or more copies carries the story_copy mark
// (schema.h), which is how stories are counted over remote shards: an article
// left unmarked beside its copies would be counted as a story of its own.
#include "analysis/analyzer.h"
#include "dedup/near_duplicates.h"
#include "pipeline/index_writer.h"
#include "pipeline/shards.h"
#include "schema.h"

#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <set>
#include <string>

using namespace hemeroteca;
using hemeroteca::test::TempDir;

namespace {

// A text of 90 lower-case words of its own (no figures or names: no facts to tell copies apart).
std::string story(unsigned seed) {
    static const char* const words[] = {"gobierno", "ciudad",  "puerto",   "consejo", "reunión", "acuerdo",
                                        "ministro", "obras",   "agua",     "escuela", "carrera", "mercado",
                                        "precio",   "lluvia",  "camino",   "vecinos", "barrio",  "plaza",
                                        "informe",  "cosecha", "servicio", "energía", "tarifa",  "calle",
                                        "proyecto", "empresa", "trabajo",  "salud",   "médicos", "pacientes"};
    std::string text;
    std::uint32_t x = seed * 2654435761u + 1;
    for (int i = 0; i < 90; ++i) {
        x = x * 1664525u + 1013904223u;
        text += std::string(words[(x >> 16) % std::size(words)]) + " ";
    }
    return text;
}

class Archive {
public:
    Archive(const std::string& path) : writer_(path, indexer::CommitPolicy{2, std::size_t{1} << 30}) {}
    // A commit every two articles: copies meet both committed and pending ones.
    void write(const std::string& id, const std::string& text) {
        Xapian::Document doc;
        doc.add_boolean_term(std::string(schema::prefix::id) + id);
        dedup::add_fingerprint(doc, text, analyzer_);
        writer_.write(std::string(schema::prefix::id) + id, std::to_string(std::hash<std::string>{}(text)),
                      {}, std::move(doc), text.size());
    }
    void finish() { writer_.finish(); }

private:
    analysis::Analyzer analyzer_;
    indexer::IndexWriter writer_;
};

// The ids of the articles carrying `term`.
std::set<std::string> ids_with(const std::string& path, const std::string& term) {
    Xapian::Database db(path);
    std::set<std::string> out;
    const std::string id(schema::prefix::id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        auto t = db.termlist_begin(*it);
        t.skip_to(id);
        if (t != db.termlist_end(*it) && (*t).starts_with(id)) out.insert((*t).substr(id.size()));
    }
    return out;
}

const std::string mark(schema::prefix::story_copy);
const std::string marked_key(schema::metadata_copies_marked_key);

} // namespace

TEST_CASE("every article of a story of two or more copies carries the mark", "[indexer][dedup]") {
    for (const unsigned shards : {1u, 3u}) {
        INFO(shards << " shard(s)");
        TempDir tmp;
        const std::string path = (tmp / "db").string(); // a folder of shards and its stub, or one database
        if (shards > 1) indexer::prepare_shards(path, shards);
        {
            Archive archive(path);
            archive.write("a", story(1));
            archive.write("b", story(2));                  // committed alone
            archive.write("a-copia", "efe " + story(1));   // joins a, committed before it
            archive.write("c", story(3));                  // alone
            archive.write("d", story(4));                  //
            archive.write("d-copia", story(4) + " fin");   // joins d, written in the same batch
            archive.write("a-otra", story(1) + " cierre"); // joins a story marked already
            archive.finish();
        }
        CHECK(ids_with(path, mark) == std::set<std::string>{"a", "a-copia", "a-otra", "d", "d-copia"});
        {
            Archive later(path); // another run: b's first copy arrives, and a is edited
            later.write("b-copia", "agencias " + story(2));
            later.write("a", story(1) + " actualizado");
            later.finish();
        }
        CHECK(ids_with(path, mark) ==
              std::set<std::string>{"a", "a-copia", "a-otra", "b", "b-copia", "d", "d-copia"});
        CHECK(Xapian::Database(path).get_doccount() == 8);
        CHECK(Xapian::Database(path).get_metadata(marked_key) == "1");
    }
}

TEST_CASE("a database indexed before the marks does not claim them when split", "[indexer][dedup]") {
    TempDir tmp;
    const std::string old = (tmp / "old").string();
    {
        Archive archive(old);
        archive.write("a", story(1));
        archive.write("a-copia", "efe " + story(1));
        archive.finish();
    }
    {
        Xapian::WritableDatabase db(old);
        db.set_metadata(marked_key, {}); // as a database written before the marks
        db.commit();
    }
    indexer::prepare_shards(tmp / "split", 2);
    const std::string split = (tmp / "split").string();
    {
        indexer::IndexWriter writer(split, indexer::CommitPolicy{});
        REQUIRE(Xapian::Database(split).get_doccount() == 0);
        CHECK(writer.copy_from(old, [] { return false; }) == 2);
    }
    CHECK(Xapian::Database(split).get_metadata(marked_key).empty());
}
