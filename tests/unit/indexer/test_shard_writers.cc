// One writer thread per shard (ShardWriters): documents land where Xapian's
// stub puts them, the first shard (file states) commits last and not at all
// when another shard failed, and a document read from a database is copied
// whole before it crosses threads.
#include "pipeline/shard_writers.h"
#include "pipeline/shards.h"

#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <stdexcept>
#include <thread>

using namespace hemeroteca::indexer;
using hemeroteca::test::TempDir;

namespace {

Xapian::Document numbered(Xapian::docid did) {
    Xapian::Document doc;
    doc.set_data("doc " + std::to_string(did));
    doc.add_boolean_term("Qid" + std::to_string(did));
    doc.add_posting("palabra", 1);
    return doc;
}

} // namespace

TEST_CASE("each document lands where the stub's multi-database reads it", "[indexer][shards]") {
    TempDir tmp;
    const auto dir = tmp / "db";
    prepare_shards(dir, 4);
    {
        ShardWriters writers(dir.string());
        REQUIRE(writers.size() == 4);
        for (Xapian::docid did = 1; did <= 40; ++did) writers.replace(did, numbered(did));
        writers.set_metadata("clave", "valor");
        writers.commit();
    }
    const Xapian::Database db(dir.string());
    CHECK(db.get_doccount() == 40);
    for (Xapian::docid did = 1; did <= 40; ++did) {
        INFO("docid " << did);
        CHECK(db.get_document(did).get_data() == "doc " + std::to_string(did));
        CHECK(*db.postlist_begin("Qid" + std::to_string(did)) == did);
    }
    for (unsigned s = 0; s < 4; ++s)
        CHECK(Xapian::Database((dir / ("shard-0" + std::to_string(s))).string()).get_doccount() == 10);
    CHECK(Xapian::Database((dir / "shard-00").string()).get_metadata("clave") == "valor");
    CHECK(db.get_metadata("clave") == "valor");
}

TEST_CASE("shards are written by threads of their own, a single database by the caller",
          "[indexer][shards]") {
    TempDir tmp;
    std::thread::id seen;
    const auto where = [&](Xapian::WritableDatabase&) { seen = std::this_thread::get_id(); };
    {
        ShardWriters single((tmp / "one.db").string());
        single.run(0, where);
        CHECK(seen == std::this_thread::get_id());
    }
    prepare_shards(tmp / "four", 4);
    ShardWriters four((tmp / "four").string());
    four.run(3, where);
    four.wait();
    CHECK(seen != std::thread::id());
    CHECK(seen != std::this_thread::get_id());
}

TEST_CASE("an error in one shard is reported, and the file states are not committed", "[indexer][shards]") {
    TempDir tmp;
    const auto dir = tmp / "db";
    prepare_shards(dir, 4);
    ShardWriters writers(dir.string());
    for (Xapian::docid did = 1; did <= 8; ++did) writers.replace(did, numbered(did));
    writers.set_metadata("file:/x.jsonl", "done");
    writers.run(2, [](Xapian::WritableDatabase&) { throw std::runtime_error("disk full"); });
    CHECK_THROWS_WITH(writers.commit(), "disk full");
    CHECK_THROWS_WITH(writers.run(1, [](Xapian::WritableDatabase&) {}), "disk full");
    // The first shard holds the promise that a file's articles are all stored: not kept.
    CHECK(Xapian::Database((dir / "shard-00").string()).get_metadata("file:/x.jsonl").empty());
}

TEST_CASE("a document read from a database is copied whole", "[indexer][shards]") {
    TempDir tmp;
    Xapian::WritableDatabase source((tmp / "source").string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.set_data("{\"title\":\"Piñera\"}");
    doc.add_value(3, "2016-03");
    doc.add_boolean_term("Qurl");
    doc.add_posting("piñera", 1);
    doc.add_posting("piñera", 7);
    doc.add_posting("chile", 2, 3);
    doc.add_term("Zsin", 2); // wdf without positions
    source.add_document(doc);
    source.commit();

    const Xapian::Document read = source.get_document(1);
    const Xapian::Document copy = detached(read);
    CHECK(copy.get_data() == read.get_data());
    CHECK(copy.get_value(3) == "2016-03");
    auto a = read.termlist_begin(), b = copy.termlist_begin();
    for (; a != read.termlist_end() && b != copy.termlist_end(); ++a, ++b) {
        INFO(*a);
        CHECK(*b == *a);
        CHECK(b.get_wdf() == a.get_wdf());
        CHECK(std::vector<Xapian::termpos>(b.positionlist_begin(), b.positionlist_end()) ==
              std::vector<Xapian::termpos>(a.positionlist_begin(), a.positionlist_end()));
    }
    CHECK(a == read.termlist_end());
    CHECK(b == copy.termlist_end());
}
