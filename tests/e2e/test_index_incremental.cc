// Re-running hemeroteca-index as the archive grows: unchanged files are not
// read again, changed ones are replaced, --prune removes what is gone.
#include "support/cli.h"
#include "support/temp_dir.h"
#include "support/warc_fixture.h"

#include <catch2/catch.hpp>

using namespace hemeroteca::test;

namespace {

std::string page(const std::string& slug, const std::string& word) {
    return R"(<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Nota )" + slug +
           R"( sobre el puerto</title><link rel="canonical" href="https://incremental.example/)" + slug +
           R"(.html"><meta property="article:published_time" content="2025-03-02T10:00:00-03:00"></head>
<body><article><h1>Nota )" +
           slug + R"( sobre el puerto</h1><p>Los estibadores del puerto anunciaron )" + word +
           R"( una huelga de tres días por las condiciones de trabajo en los muelles del sur.</p><p>El sindicato dijo
que las negociaciones con la empresa concesionaria seguirán durante la semana próxima en la capital.</p>
</article></body></html>)";
}

} // namespace

TEST_CASE("a re-run skips unchanged files, replaces changed ones, and --prune removes gone ones",
          "[e2e][index][incremental]") {
    TempDir tmp;
    const auto in = tmp / "in";
    for (const char* slug : {"uno", "dos", "tres"})
        write_file(in / (std::string(slug) + ".html"), page(slug, "ayer"));
    write_file(
        in / "notas.jsonl",
        "{\"title\": \"Primera\", \"text\": \"Texto de la primera.\", \"url\": \"https://j.example/1\"}\n"
        "{\"title\": \"Segunda\", \"text\": \"Texto de la segunda.\", \"url\": \"https://j.example/2\"}\n");
    const auto db = tmp / "db";
    const auto first = index(db, {in.string()});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.err.find("5 indexed, 0 updated, 0 unchanged") != std::string::npos);

    const auto second = index(db, {in.string()}, {"--verbose"});
    INFO(second.err);
    CHECK(second.err.find("0 indexed, 0 updated, 5 unchanged") != std::string::npos);
    CHECK(second.err.find("notas.jsonl: unchanged since the last run (2 articles)") != std::string::npos);

    write_file(in / "dos.html", page("dos", "hoy")); // changed content, same URL
    const auto third = index(db, {in.string()});
    INFO(third.err);
    CHECK(third.err.find("0 indexed, 1 updated, 4 unchanged") != std::string::npos);
    CHECK(doc_count(db) == 5);
    CHECK(search_json(db, "hoy").urls() == std::vector<std::string>{"https://incremental.example/dos.html"});

    std::filesystem::remove(in / "tres.html");
    std::filesystem::remove(in / "notas.jsonl");
    const auto without_prune = index(db, {in.string()});
    CHECK(doc_count(db) == 5); // without --prune nothing is removed
    const auto pruned = index(db, {in.string()}, {"--prune"});
    INFO(pruned.err);
    CHECK(pruned.exit_code == 0);
    CHECK(pruned.err.find("0 indexed, 0 updated, 2 unchanged, 0 skipped, 0 failed, 3 removed") !=
          std::string::npos);
    CHECK(doc_count(db) == 2);
    CHECK(search_json(db, "primera").exit_code == 1);
    CHECK(search_json(db, "titulo:tres").exit_code == 1);
}

TEST_CASE("a file indexed with other options is read again", "[e2e][index][incremental]") {
    TempDir tmp;
    write_file(tmp / "a.jsonl", "{\"title\": \"T\", \"text\": \"Cuerpo.\", \"topic\": \"Economía\", \"url\": "
                                "\"https://j.example/t\"}\n");
    REQUIRE(index(tmp / "db", {(tmp / "a.jsonl").string()}).exit_code == 0);
    const auto mapped = index(tmp / "db", {(tmp / "a.jsonl").string()}, {"--field", "section=topic"});
    CHECK(mapped.err.find("0 indexed, 1 updated") != std::string::npos);
    CHECK(search_json(tmp / "db", "seccion:economia").exit_code == 0);
}

TEST_CASE("a file moved to another folder keeps its article through --prune", "[e2e][index][incremental]") {
    TempDir tmp;
    write_file(tmp / "in" / "nota.html", page("movida", "ayer"));
    REQUIRE(index(tmp / "db", {(tmp / "in").string()}).exit_code == 0);
    std::filesystem::create_directories(tmp / "in" / "archivo");
    std::filesystem::rename(tmp / "in" / "nota.html", tmp / "in" / "archivo" / "nota.html");
    const auto moved = index(tmp / "db", {(tmp / "in").string()}, {"--prune"});
    INFO(moved.err);
    CHECK(moved.err.find("0 indexed, 1 updated, 0 unchanged, 0 skipped, 0 failed, 0 removed") !=
          std::string::npos);
    CHECK(doc_count(tmp / "db") == 1);
    CHECK(search_json(tmp / "db", "estibadores").exit_code == 0);
}
