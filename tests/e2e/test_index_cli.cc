// hemeroteca-index, run as a user runs it, on a temporary database.
#include "support/cli.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hemeroteca::test;

namespace {
void write(const std::filesystem::path& p, const std::string& content) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

const char* kPage = R"(<!doctype html><html lang="es"><head><meta charset="utf-8">
<title>Récord de lluvias en Valparaíso | Diario de Prueba</title>
<link rel="canonical" href="https://prueba.example/2025/03/02/lluvias.html">
<meta property="article:published_time" content="2025-03-02T10:00:00-03:00"></head>
<body><nav><a href="/">Portada</a></nav><article><h1>Récord de lluvias en Valparaíso</h1>
<p>Las lluvias de este domingo dejaron un récord histórico en Valparaíso, según la oficina meteorológica.</p>
<p>Los servicios de emergencia atendieron más de doscientas llamadas durante la madrugada, la mayoría por
anegamientos en los cerros y cortes de luz en el plan de la ciudad.</p>
<p>El municipio suspendió las clases del lunes y pidió a los vecinos no circular por las quebradas.</p>
</article><footer>© Diario de Prueba</footer></body></html>)";
} // namespace

TEST_CASE("hemeroteca-index --help and --version", "[e2e][index]") {
    const auto help = run({index_bin(), "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--db") != std::string::npos);
    const auto version = run({index_bin(), "--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("hemeroteca-index") != std::string::npos);
}

TEST_CASE("indexing corpus/ twice gives the same document count", "[e2e][index]") {
    TempDir tmp;
    const auto db = tmp / "db";
    const auto first = index(db, {(source_dir() / "corpus").string()});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    const std::size_t count = doc_count(db);
    CHECK(count >= 40);
    CHECK(first.err.find(std::to_string(count) + " indexed") != std::string::npos);

    const auto second = index(db, {(source_dir() / "corpus").string()});
    REQUIRE(second.exit_code == 0);
    CHECK(doc_count(db) == count);
    CHECK(second.err.find("0 indexed, 0 updated, " + std::to_string(count) + " unchanged") !=
          std::string::npos);
}

TEST_CASE("a changed page replaces its article", "[e2e][index]") {
    TempDir tmp;
    const auto page = tmp / "in" / "page.html";
    write(page, kPage);
    REQUIRE(index(tmp / "db", {page.string()}).exit_code == 0);
    std::string changed = kPage;
    changed.replace(changed.find("doscientas"), 10, "trescientas");
    write(page, changed);
    const auto r = index(tmp / "db", {page.string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("0 indexed, 1 updated") != std::string::npos);
    CHECK(doc_count(tmp / "db") == 1);
    CHECK(search_json(tmp / "db", "trescientas").urls() ==
          std::vector<std::string>{"https://prueba.example/2025/03/02/lluvias.html"});
    CHECK(search_json(tmp / "db", "doscientas").exit_code == 1);
}

TEST_CASE("broken inputs are reported and do not stop the run", "[e2e][index]") {
    TempDir tmp;
    write(tmp / "in" / "a-good.html", kPage);
    write(tmp / "in" / "b-lines.jsonl", "{\"title\": \"Primera\", \"text\": \"Texto de la primera nota sobre "
                                        "el puerto.\", \"url\": \"https://x.example/1\"}\n"
                                        "{\"title\": \"Rota\", \"text\": \n"
                                        "{\"url\": \"https://x.example/3\"}\n"
                                        "{\"title\": \"Tercera\", \"text\": \"Texto de la tercera nota sobre "
                                        "el puerto.\", \"url\": \"https://x.example/4\"}\n");
    std::filesystem::create_directories(tmp / "in" / "unreadable.html"); // a folder named like a page
    const auto r = index(tmp / "db", {(tmp / "in").string(), (tmp / "missing.html").string()});
    INFO(r.err);
    CHECK(r.exit_code == 2); // a missing input on the command line is a usage error
    const auto r2 = index(tmp / "db", {(tmp / "in").string()});
    INFO(r2.err);
    CHECK(r2.exit_code == 1);
    CHECK(r2.err.find("b-lines.jsonl:2: invalid JSON") != std::string::npos);
    CHECK(r2.err.find("3 indexed") != std::string::npos);
    CHECK(r2.err.find("1 skipped, 1 failed") != std::string::npos); // an empty record is skipped
    CHECK(r2.err.find("b-lines.jsonl:3") == std::string::npos);     // ...quietly without --verbose
    const auto verbose = index(tmp / "db", {(tmp / "in").string()}, {"--verbose"});
    CHECK(verbose.err.find("b-lines.jsonl:3: skipped: no title and no text") != std::string::npos);
    CHECK(doc_count(tmp / "db") == 3);
}

TEST_CASE("an unsupported file named on the command line is an error with its path", "[e2e][index]") {
    TempDir tmp;
    write(tmp / "notes.txt", "hola");
    write(tmp / "page.html", kPage);
    const auto r = index(tmp / "db", {(tmp / "notes.txt").string(), (tmp / "page.html").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("notes.txt: unsupported file type") != std::string::npos);
    CHECK(doc_count(tmp / "db") == 1);
}

TEST_CASE("HEMEROTECA_DB stands for --db", "[e2e][index]") {
    TempDir tmp;
    write(tmp / "page.html", kPage);
    const auto r =
        run({index_bin(), (tmp / "page.html").string()}, {"HEMEROTECA_DB=" + (tmp / "envdb").string()});
    CHECK(r.exit_code == 0);
    CHECK(doc_count(tmp / "envdb") == 1);
    const auto s = run({search_bin(), "--json", "lluvias"}, {"HEMEROTECA_DB=" + (tmp / "envdb").string()});
    CHECK(s.exit_code == 0);
    CHECK(nlohmann::json::parse(s.out)["total"] == 1);
}

TEST_CASE("a database that cannot be opened is a one-line error", "[e2e][index]") {
    TempDir tmp;
    write(tmp / "page.html", kPage);
    write(tmp / "notadb", "just a file");
    const auto r = index(tmp / "notadb", {(tmp / "page.html").string()});
    CHECK(r.exit_code == 3);
    CHECK(r.err.rfind("error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("the summary says how many pages were skipped for each reason, without --verbose", "[e2e][index]") {
    TempDir tmp;
    write(tmp / "in" / "nota.html", kPage);
    // A brief: one sentence, with article markup. It is news, and is indexed.
    write(
        tmp / "in" / "breve.html",
        "<html><head><title>Sismo en Arequipa</title><meta property='og:type' content='article'></head><body>"
        "<article><h1>Sismo en Arequipa</h1><p>Un sismo de magnitud 5,1 sacudió Arequipa esta madrugada sin "
        "causar daños.</p></article></body></html>");
    write(tmp / "in" / "vacia.html",
          "<html><head><title>Portada</title></head><body><div></div></body></html>");
    std::string noise(4096, '\0');
    for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 7919 + 13) % 251);
    write(tmp / "in" / "ruido.html", noise);
    const auto r = index(tmp / "db", {(tmp / "in").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("2 indexed, 0 updated, 0 unchanged, 2 skipped, 0 failed") != std::string::npos);
    CHECK(r.err.find("skipped: 1 no article text, 1 not text (--verbose lists them)") != std::string::npos);
}
