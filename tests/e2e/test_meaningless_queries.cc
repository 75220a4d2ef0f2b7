// Queries that mean nothing get one clear line, not an answer: exit code 2 in
// the terminal, an error object for their line in --queries, a JSON 400 from the
// API. A pasted URL finds the article with that URL, or says there is none.
#include "support/cli.h"
#include "support/http_client.h"
#include "support/run.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace hemeroteca::test;
using nlohmann::json;

namespace {

const struct {
    const char* query;
    const char* says; // in the one line
} kMeaningless[] = {
    {"titulo:", "needs something to look for after the colon"},
    {"autor:", "needs something to look for after the colon"},
    {"-", "has no words to search for"},
    {"*", "has no words to search for"},
    {"\"", "has no words to search for"},
    {"¿?", "has no words to search for"},
    {"Danilo NEAR", "needs a word on each side"},
    {"Rusia AND", "needs a word on each side"},
    {"de la el", "has only stop words (de, la, el)"},
};

const std::string kKim = "https://www.eldiariodelsur.es/internacional/2026/01/02/"
                         "kim-jong-un-promete-apoyo-incondicional-putin.html";

} // namespace

TEST_CASE("meaningless queries: one line and exit code 2 in the terminal", "[e2e][queries]") {
    for (const auto& c : kMeaningless) {
        INFO(c.query);
        const auto r = run({search_bin(), "--db", corpus_db().string(), c.query});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(c.says) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    // Words with a field, an operator or a quoted phrase of stop words still search.
    for (const char* fine : {"titulo:Putin", "Kim NEAR Putin", "rusia -corea", "\"de la\""}) {
        INFO(fine);
        CHECK(run({search_bin(), "--db", corpus_db().string(), fine}).exit_code != 2);
    }
}

TEST_CASE("meaningless queries: an error object for their line in --queries, comment lines skipped",
          "[e2e][queries]") {
    TempDir tmp;
    std::ofstream file(tmp / "q.txt");
    file << "# a comment that must not run\n";
    for (const auto& c : kMeaningless) file << c.query << '\n';
    file << "   # an indented comment\nKursk\n";
    file.close();
    const auto r = run({search_bin(), "--db", corpus_db().string(), "--queries", (tmp / "q.txt").string()});
    std::vector<json> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    REQUIRE(lines.size() == std::size(kMeaningless) + 1);
    for (std::size_t i = 0; i < std::size(kMeaningless); ++i) {
        INFO(kMeaningless[i].query);
        CHECK(lines[i]["line"] == i + 2);
        REQUIRE(lines[i].contains("error"));
        CHECK(lines[i]["error"].get<std::string>().find(kMeaningless[i].says) != std::string::npos);
    }
    CHECK(lines.back()["total"].get<int>() >= 1);
    CHECK(r.exit_code == 1); // some lines failed
}

TEST_CASE("meaningless queries: a JSON 400 from the API", "[e2e][queries][server]") {
    const ServerProcess server(corpus_db());
    for (const auto& c : kMeaningless) {
        INFO(c.query);
        const HttpResponse r = http_get(server.url("/api/search?q=" + url_encode(c.query)));
        CHECK(r.status == 400);
        const json body = json::parse(r.body, nullptr, false);
        REQUIRE(body.is_object());
        CHECK(body["error"].get<std::string>().find(c.says) != std::string::npos);
    }
}

TEST_CASE("a pasted URL finds the article with that URL, or says there is none", "[e2e][queries]") {
    const auto found = search_json(corpus_db(), kKim);
    CHECK(found.exit_code == 0);
    CHECK(found.urls() == std::vector<std::string>{kKim});
    CHECK(found.json["suggestion"] == "");
    const auto missing = run({search_bin(), "--db", corpus_db().string(), "https://big.ley/1rcjths"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.out.find("No article in the archive has the URL «https://big.ley/1rcjths»") !=
          std::string::npos);
    CHECK(missing.out.find("Did you mean") == std::string::npos);
}
