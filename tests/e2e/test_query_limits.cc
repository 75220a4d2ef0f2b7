// What a query may cost (#14 cases 6 and 11), in the terminal and in batch
// mode: too many words, a phrase too long, a wildcard over its expansion, a
// search out of time — each a one-line error with exit code 6 — and a
// `fecha:` of 50,000 letters, which crashed std::regex and killed the batch:
// now an error for that line, and the next line is answered.
#include "support/cli.h"
#include "support/run.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace hemeroteca::test;
using nlohmann::json;

namespace {

std::string words(std::size_t n, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? separator : "") + "palabra" + std::to_string(i);
    return out;
}

} // namespace

TEST_CASE("queries over a cost limit: a one-line error and exit code 6", "[e2e][search][limits]") {
    const struct {
        std::string query;
        std::vector<std::string> options;
        std::string error;
    } cases[] = {
        {words(5000, " OR "), {}, "error: the query is too costly: 5000 words (at most 100)"},
        {"\"" + words(50, " ") + "\"",
         {},
         "error: the query is too costly: a phrase of 50 words (at most 32)"},
        {"co*", {"--max-wildcard", "5"}, "error: the query is too costly: `co*` matches over 5 words"},
        {"titulo:co*", {"--max-wildcard", "3"}, "error: the query is too costly: `co*` matches over 3 words"},
        {"gobierno", {"--time-limit", "0.000001"}, "error: the query took too long (over 1e-06 s)"},
        {"rusia ucrania", {"--max-words", "1"}, "error: the query is too costly: 2 words (at most 1)"},
    };
    for (const auto& c : cases) {
        INFO(c.query.substr(0, 60) << " " << c.error);
        std::vector<std::string> argv = {search_bin(), "--db", corpus_db().string()};
        argv.insert(argv.end(), c.options.begin(), c.options.end());
        argv.push_back(c.query);
        const auto r = run(argv);
        CHECK(r.exit_code == 6);
        CHECK(r.err.rfind(c.error, 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    // Within the limits, the same kinds of query are answered.
    CHECK(run({search_bin(), "--db", corpus_db().string(), "gobierno OR argentina"}).exit_code == 0);
    CHECK(run({search_bin(), "--db", corpus_db().string(), "\"Corea del Norte\""}).exit_code == 0);
    CHECK(run({search_bin(), "--db", corpus_db().string(), "argent*"}).exit_code == 0);
}

TEST_CASE("fecha: with 50,000 letters is a short error, not a crash", "[e2e][search][limits]") {
    const auto r = run({search_bin(), "--db", corpus_db().string(), "fecha:" + std::string(50000, 'a')});
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("error: cannot understand the query: cannot read the date 'aaaa", 0) == 0);
    CHECK(r.err.size() < 300);
    // Spanish month ranges still read as before.
    const auto range = search_json(corpus_db(), "fecha:enero..diciembre 2023");
    REQUIRE(range.exit_code == 0);
    for (const auto& hit : range.json["results"])
        CHECK(hit["date"].get<std::string>().rfind("2023-", 0) == 0);
}

TEST_CASE("batch mode: a line over the limits is an error object, the next is answered",
          "[e2e][search][limits][batch]") {
    TempDir tmp;
    const auto file = tmp / "queries.txt";
    std::ofstream(file) << "fecha:" << std::string(50000, 'a') << "\n"
                        << words(10000, " OR ") << "\n"
                        << "\"" << words(50, " ")
                        << "\"\n"
                        // A bad date under a minus freed memory Xapian's parser did not own (fuzzing).
                        << "-fecha:marzo..ma\x8fo 2004 gobierno\n"
                        << "gobierno\n";
    const auto r = run({search_bin(), "--db", corpus_db().string(), "--queries", file.string()});
    std::istringstream lines(r.out);
    std::vector<json> out;
    for (std::string line; std::getline(lines, line);) out.push_back(json::parse(line));
    REQUIRE(out.size() == 5);
    CHECK(out[0]["line"] == 1);
    CHECK(out[0]["error"].get<std::string>().find("cannot read the date") != std::string::npos);
    CHECK(out[1]["error"] == "the query is too costly: 10000 words (at most 100)");
    CHECK(out[2]["error"] == "the query is too costly: a phrase of 50 words (at most 32)");
    CHECK(out[3]["error"].get<std::string>().find("cannot read the date 'ma") != std::string::npos);
    CHECK(out[4]["line"] == 5);
    CHECK(out[4]["total"].get<int>() > 0);
}
