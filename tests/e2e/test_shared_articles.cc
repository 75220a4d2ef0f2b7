// The ~8,100 real articles of ../shared/data/articles (JSON Lines, three
// different field conventions) index and are found, and a first page is the
// top of the whole ranking. Skips when absent.
#include "support/cli.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <fstream>
#include <sstream>

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

    // A first page of 10 is the top of a page of 500 (where the match looks at
    // every article), for 400 words of the archive: Xapian 1.4's OP_AND_MAYBE
    // lost the 5th article of «enfermedad» (and 2 first pages of these 400)
    // when the match stopped early.
    const auto batch = tmp / "depth.jsonl";
    {
        std::ofstream out(batch);
        Xapian::Database xdb(db.string());
        std::size_t words = 0, seen = 0;
        for (auto t = xdb.allterms_begin(); t != xdb.allterms_end() && words < 400; ++t) {
            const std::string w = *t;
            if (t.get_termfreq() < 40 || w.size() < 4 || w[0] < 'a' || w[0] > 'z' ||
                w.find_first_of("0123456789:-.") != std::string::npos || seen++ % 4 != 0)
                continue;
            out << nlohmann::json{{"query", w}, {"limit", 10}}.dump() << "\n"
                << nlohmann::json{{"query", w}, {"limit", 500}}.dump() << "\n";
            ++words;
        }
        REQUIRE(words == 400);
    }
    const auto answers = run({search_bin(), "--db", db.string(), "--queries", batch.string()});
    std::istringstream lines_out(answers.out);
    std::vector<nlohmann::json> pages;
    for (std::string line; std::getline(lines_out, line);) pages.push_back(nlohmann::json::parse(line));
    REQUIRE(pages.size() == 800);
    std::size_t compared = 0;
    for (std::size_t i = 0; i < pages.size(); i += 2) {
        if (pages[i].contains("error")) continue; // a stop word alone
        INFO(pages[i]["query"]);
        INFO(pages[i + 1].value("error",
                                std::string())); // a deep page should not fail where the first did not
        REQUIRE(!pages[i + 1].contains("error"));
        const auto& first = pages[i]["results"];
        const auto& deep = pages[i + 1]["results"];
        REQUIRE(first.size() <= deep.size());
        for (std::size_t k = 0; k < first.size(); ++k) CHECK(first[k]["url"] == deep[k]["url"]);
        ++compared;
    }
    CHECK(compared > 350);
}
