// hemeroteca-search serve over time: new articles without a restart, a
// database that disappears, stopping, and addresses it cannot use.
#include "support/cli.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hemeroteca::test;
using nlohmann::json;

namespace {

json search(const ServerProcess& server, const std::string& q) {
    const HttpResponse r = http_get(server.url("/api/search?q=" + url_encode(q)));
    REQUIRE(r.status == 200);
    return json::parse(r.body);
}

std::filesystem::path corpus_copy(const TempDir& tmp) {
    const auto db = tmp / "live.db";
    const auto r = index(db, {(source_dir() / "corpus").string()});
    if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
    return db;
}

} // namespace

TEST_CASE("an article indexed while the server runs is found without a restart", "[e2e][server][live]") {
    TempDir tmp;
    const auto db = corpus_copy(tmp);
    ServerProcess server(db);
    CHECK(search(server, "zarigüeyas")["total"] == 0);
    // The answer is cached now: what follows shows that a commit makes it stale.
    const auto again = http_get(server.url("/api/search?q=" + url_encode("zarigüeyas")));
    CHECK(again.headers.find("X-Cache: hit") != std::string::npos);
    const auto before = json::parse(http_get(server.url("/api/health")).body)["articles"].get<int>();

    std::ofstream(tmp / "new.jsonl")
        << R"({"url": "https://example.org/zarigueyas", "title": "Las zarigüeyas vuelven al parque",)"
           R"( "date": "2026-11-01", "source": "Diario de Pruebas", "text": "Decenas de zarigüeyas fueron vistas anoche."})"
        << '\n';
    const auto r = index(db, {(tmp / "new.jsonl").string()});
    REQUIRE(r.exit_code == 0);

    const auto fresh = http_get(server.url("/api/search?q=" + url_encode("zarigüeyas")));
    CHECK(fresh.headers.find("X-Cache: miss") != std::string::npos);
    const json found = json::parse(fresh.body);
    CHECK(found["total"] == 1);
    REQUIRE(found["results"].size() == 1);
    CHECK(found["results"][0]["url"] == "https://example.org/zarigueyas");
    CHECK(json::parse(http_get(server.url("/api/health")).body)["articles"] == before + 1);
}

TEST_CASE("a database that cannot be read gives a JSON 500", "[e2e][server][errors]") {
    TempDir tmp;
    const auto db = corpus_copy(tmp);
    ServerProcess server(db);
    std::filesystem::remove_all(db);
    const HttpResponse r = http_get(server.url("/api/search?q=rusia"));
    CHECK(r.status == 500);
    CHECK(r.content_type == "application/json; charset=utf-8");
    CHECK(json::parse(r.body)["error"] == "the database could not be read; try again");
    CHECK(server.errors().find("error: GET /api/search") != std::string::npos);
}

TEST_CASE("serve stops cleanly on SIGTERM", "[e2e][server]") {
    TempDir tmp;
    ServerProcess server(corpus_copy(tmp));
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: a bad or busy address, a missing database, --help", "[e2e][server][errors]") {
    TempDir tmp;
    const auto db = corpus_copy(tmp);
    const auto bad = run({search_bin(), "serve", "--db", db.string(), "--listen", "nonsense"});
    CHECK(bad.exit_code == 5);
    CHECK(bad.err.rfind("error: --listen wants HOST:PORT", 0) == 0);

    ServerProcess server(db);
    const auto busy = run({search_bin(), "serve", "--db", db.string(), "--listen",
                           "127.0.0.1:" + std::to_string(server.port())});
    CHECK(busy.exit_code == 5);
    CHECK(busy.err.rfind("error: cannot listen on", 0) == 0);

    const auto missing =
        run({search_bin(), "serve", "--db", (tmp / "missing.db").string(), "--listen", "127.0.0.1:0"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("no database at") != std::string::npos);

    const auto help = run({search_bin(), "serve", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--listen") != std::string::npos);
}
