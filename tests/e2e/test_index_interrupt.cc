// Crash safety of hemeroteca-index, on the real process: kill -9 in the
// middle of a run, SIGINT, and a second indexer on a locked database.
#include "support/cli.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/warc_fixture.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <csignal>
#include <thread>

using namespace hemeroteca::test;

namespace {

// `n` short articles with distinct URLs.
std::filesystem::path many_articles(const TempDir& tmp, std::size_t n) {
    std::string lines;
    for (std::size_t i = 0; i < n; ++i)
        lines += "{\"url\": \"https://muchas.example/" + std::to_string(i) + "\", \"title\": \"Nota número " +
                 std::to_string(i) + " del archivo\", \"date\": \"2024-05-0" + std::to_string(1 + i % 9) +
                 "\", \"text\": \"El puerto de la ciudad registró la llegada del buque " + std::to_string(i) +
                 " con contenedores de cobre y madera. Los estibadores trabajaron durante la noche para "
                 "descargar la "
                 "mercadería antes del temporal anunciado por la oficina meteorológica.\"}\n";
    const auto path = tmp / "muchas.jsonl";
    write_file(path, lines);
    return path;
}

// The committed document count, 0 while the database does not exist yet.
std::size_t committed(const std::filesystem::path& db) {
    try {
        return Xapian::Database(db.string()).get_doccount();
    } catch (const Xapian::Error&) {
        return 0;
    }
}

// Waits until the running indexer has committed at least `n` documents.
bool wait_for_commit(Process& p, const std::filesystem::path& db, std::size_t n) {
    for (int i = 0; i < 3000 && p.running(); ++i) {
        if (committed(db) >= n) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

constexpr std::size_t total = 6000;

} // namespace

TEST_CASE(
    "kill -9 in the middle of a run leaves the last commit and a re-run completes it without duplicates",
    "[e2e][index][crash]") {
    TempDir tmp;
    const auto input = many_articles(tmp, total);
    const auto db = tmp / "db";
    Process indexer({index_bin(), "--db", db.string(), "--commit-every", "100", input.string()});
    REQUIRE(wait_for_commit(indexer, db, 100));
    indexer.signal(SIGKILL);
    CHECK(indexer.wait().exit_code == 128 + SIGKILL);

    const std::size_t kept = committed(db);
    INFO("documents after kill -9: " << kept);
    CHECK(kept >= 100);
    CHECK(kept < total);
    CHECK(kept % 100 == 0); // exactly a number of whole commits
    CHECK(search_json(db, "estibadores").exit_code == 0);

    const auto rerun = index(db, {input.string()});
    INFO(rerun.err);
    CHECK(rerun.exit_code == 0);
    CHECK(rerun.err.find(std::to_string(total - kept) + " indexed, 0 updated, " + std::to_string(kept) +
                         " unchanged") != std::string::npos);
    CHECK(doc_count(db) == total);
}

TEST_CASE("SIGINT finishes the batch, commits, prints the summary and exits 130", "[e2e][index][crash]") {
    TempDir tmp;
    const auto input = many_articles(tmp, total);
    const auto db = tmp / "db";
    Process indexer({index_bin(), "--db", db.string(), "--commit-every", "200", input.string()});
    REQUIRE(wait_for_commit(indexer, db, 200));

    // Meanwhile, a second indexer on the same database is refused.
    const auto second = index(db, {input.string()});
    CHECK(second.exit_code == 3);
    CHECK(second.err == "error: the database " + db.string() + " is locked by another indexer\n");

    indexer.signal(SIGINT);
    const auto r = indexer.wait();
    INFO(r.err);
    CHECK(r.exit_code == 130);
    REQUIRE(r.err.find("interrupted by SIGINT: ") != std::string::npos);
    const std::size_t reported = std::stoul(r.err.substr(r.err.find("SIGINT: ") + 8));
    CHECK(committed(db) == reported); // everything reported as indexed was committed
    CHECK(reported < total);
}

TEST_CASE("a database locked by another writer is a clear error", "[e2e][index][crash]") {
    TempDir tmp;
    write_file(tmp / "a.jsonl",
               "{\"title\": \"T\", \"text\": \"Cuerpo.\", \"url\": \"https://j.example/t\"}\n");
    Xapian::WritableDatabase holder((tmp / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    const auto r = index(tmp / "db", {(tmp / "a.jsonl").string()});
    CHECK(r.exit_code == 3);
    CHECK(r.err == "error: the database " + (tmp / "db").string() + " is locked by another indexer\n");
}
