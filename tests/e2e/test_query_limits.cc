// What a query may cost (#14 cases 6 and 11), in the terminal and in batch
// mode: too many words, a phrase too long, a wildcard over its expansion, a
// search out of time — each a one-line error with exit code 6 — and a
// `fecha:` of 50,000 letters, which crashed std::regex and killed the batch:
// now an error for that line, and the next line is answered.
#include "support/cli.h"
#include "support/xapian_cluster.h"
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

TEST_CASE("batch mode: a database error is an error object for its line, not the end",
          "[e2e][search][batch]") {
    // A copy of corpus/'s database whose document data blocks are garbage, all
    // but the B-tree's root (xapian-check names it): it opens, a query without
    // hits is answered, and reading a hit throws Xapian's DatabaseCorruptError
    // (not a std::exception: it ended the batch with exit code 3 and lost every
    // later line).
    require_program("/usr/bin/xapian-check");
    TempDir tmp;
    const auto db = tmp / "corrupt.db";
    std::filesystem::copy(corpus_db(), db);
    const auto data = db / "docdata.glass";
    const auto check = run({"/usr/bin/xapian-check", data.string()});
    const auto at = check.out.find("root=");
    REQUIRE(at != std::string::npos);
    const std::size_t root = std::stoul(check.out.substr(at + 5));
    const std::size_t blocks = std::filesystem::file_size(data) / 8192;
    REQUIRE(blocks > 2);
    {
        std::fstream f(data, std::ios::in | std::ios::out | std::ios::binary);
        const std::string garbage(8192, '\xff');
        for (std::size_t b = 0; b < blocks; ++b) {
            if (b == root) continue;
            f.seekp(static_cast<std::streamoff>(b * 8192));
            f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        }
    }
    const std::vector<std::string> queries = {"gobierno", "zzzzqqqxx", "elecciones", "presidente",
                                              "Rusia",    "inflación", "Congreso",   "calor"};
    const auto file = tmp / "queries.txt";
    {
        std::ofstream q(file);
        for (const auto& text : queries) q << text << "\n";
    }
    const auto r = run({search_bin(), "--db", db.string(), "--queries", file.string()});
    INFO(r.err);
    std::istringstream lines(r.out);
    std::vector<json> out;
    for (std::string line; std::getline(lines, line);) out.push_back(json::parse(line));
    REQUIRE(out.size() == queries.size()); // every line answered, in order
    std::size_t errors = 0, answered = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        CHECK(out[i]["line"] == i + 1);
        if (out[i].contains("error")) {
            CHECK(out[i]["error"].get<std::string>().rfind("database error: DatabaseCorruptError", 0) == 0);
            ++errors;
        } else {
            ++answered;
        }
    }
    CHECK(errors > 0);
    CHECK(answered > 0);
    CHECK(r.exit_code == 1); // some lines failed, as for any other error line
}
