// The ~8,100 real articles of ../shared/data/articles (JSON Lines, three
// different field conventions) index and are found. Skips when absent.
#include "support/cli.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hemeroteca::test;

TEST_CASE("all shared JSON Lines articles index and are found", "[e2e][shared]") {
    const auto dir = require_shared_data("articles");
    std::vector<std::string> files;
    std::size_t lines = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".jsonl") continue;
        files.push_back(entry.path().string());
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) lines += !line.empty();
    }
    REQUIRE(files.size() == 3);
    REQUIRE(lines > 8000);

    TempDir tmp;
    const auto db = tmp / "db";
    const auto r = index(db, files);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    // a few lines repeat an URL with other content: they update, not duplicate
    const std::size_t count = doc_count(db);
    CHECK(count > lines - 50);
    CHECK(count <= lines);

    // Each set is searchable, with its own field names mapped.
    const auto dominican = search_json(db, "Danilo Medina");
    CHECK(dominican.exit_code == 0);
    CHECK(dominican.json["total"].get<int>() > 50);
    CHECK(dominican.json["results"][0]["source"].get<std::string>().size() > 0);

    const auto chile = search_json(db, "\"Boric\"");
    CHECK(chile.exit_code == 0);

    const auto fake = search_json(db, "fuente:\"El Ruinaversal\"");
    CHECK(fake.exit_code == 0);

    // A headline searched as a question finds its own article first.
    std::ifstream in(dir / "periodicos-dominicanos-2017" / "noticias_do.jsonl");
    std::string first_line;
    std::getline(in, first_line);
    const auto article = nlohmann::json::parse(first_line);
    const auto own = search_json(db, article["title"].get<std::string>());
    REQUIRE(own.exit_code == 0);
    CHECK(own.json["results"][0]["url"] == article["url"]);
}
