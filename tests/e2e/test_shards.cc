// Sharded databases on Xapian's own multi-database support: --shards N (a
// folder of shards and its XAPIANDB stub), --split-from, copies of a story in
// one shard, shards served by the stock xapian-tcpsrv through a stub of
// `remote` lines, and a read replica kept by xapian-replicate. Every answer is
// compared with one database holding the same articles.
#include "support/cli.h"
#include "support/process.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"
#include "support/xapian_cluster.h"

#include "schema.h"
#include "search.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>
#include <map>
#include <set>
#include <sstream>

using namespace hemeroteca::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The queries of a battery, one JSON object a line (batch mode's input).
std::string battery_file(const fs::path& dir, const std::vector<json>& queries) {
    const fs::path path = dir / "battery.jsonl";
    std::ofstream out(path);
    for (const auto& q : queries) out << q.dump() << "\n";
    return path.string();
}

std::vector<json> run_battery(const fs::path& db, const std::string& file) {
    const auto r = run({search_bin(), "--db", db.string(), "--queries", file});
    INFO(r.err);
    std::vector<json> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) out.push_back(json::parse(line));
    return out;
}

// A result list as its users see it: public ids in rank order (the same in
// every layout, unlike docids), where articles with equal scores (ties, whose
// order Xapian breaks by docid) are compared as a set.
std::vector<std::set<std::string>> ranked(const json& answer) {
    std::vector<std::set<std::string>> groups;
    double last = -1;
    for (const auto& hit : answer["results"]) {
        const double score = hit["score"].get<double>();
        if (groups.empty() || std::abs(score - last) > 1e-9 * std::max(1.0, std::abs(score)))
            groups.emplace_back();
        groups.back().insert(hit["id"].get<std::string>());
        last = score;
    }
    return groups;
}

// What --explain says of a hit: its matched terms and their weights (rounded).
std::map<std::string, long> explained(const json& hit) {
    std::map<std::string, long> out;
    for (const auto& tw : hit.value("explain", json::array()))
        out[tw["term"].get<std::string>()] = std::lround(tw["weight"].get<double>() * 1e6);
    return out;
}

// The same answers: results (ties as sets), and totals when both are exact.
void check_same_answers(const std::vector<json>& expected, const std::vector<json>& actual,
                        const std::vector<json>& queries) {
    REQUIRE(expected.size() == queries.size());
    REQUIRE(actual.size() == queries.size());
    for (std::size_t i = 0; i < queries.size(); ++i) {
        INFO("query " << queries[i].dump());
        REQUIRE(!expected[i].contains("error"));
        REQUIRE(!actual[i].contains("error"));
        if (queries[i].value("query", "").find('*') != std::string::npos) {
            // A wildcard's OP_SYNONYM is estimated by each shard from the words it
            // holds (Xapian 1.4): its weights agree within 0.1%, and near-ties may
            // swap, but every rank's score is the same to 0.5% (query/wildcards.h).
            REQUIRE(actual[i]["results"].size() == expected[i]["results"].size());
            for (std::size_t r = 0; r < expected[i]["results"].size(); ++r) {
                const double want = expected[i]["results"][r]["score"];
                CHECK(actual[i]["results"][r]["score"].get<double>() == Approx(want).epsilon(0.005));
            }
        } else {
            CHECK(ranked(actual[i]) == ranked(expected[i]));
        }
        if (queries[i].value("explain", false) && !expected[i]["results"].empty())
            CHECK(!explained(expected[i]["results"][0]).empty());
        if (queries[i].value("explain", false))
            for (std::size_t h = 0; h < expected[i]["results"].size() && h < actual[i]["results"].size(); ++h)
                CHECK(explained(actual[i]["results"][h]) == explained(expected[i]["results"][h]));
        CHECK(actual[i]["suggestion"] == expected[i]["suggestion"]);
        CHECK(actual[i]["total_exact"] == expected[i]["total_exact"]);
        if (expected[i].value("total_exact", false)) CHECK(actual[i]["total"] == expected[i]["total"]);
        if (queries[i].value("facets", false)) {
            CHECK(!expected[i]["facets"].empty());
            CHECK(actual[i]["facets"] == expected[i]["facets"]);
        }
    }
}

// The URL (or stable id) of the first article whose headline holds `word`.
std::string article_with(const Xapian::Database& db, const std::string& word) {
    const std::string title_term = std::string(hemeroteca::schema::prefix::title) + word;
    const std::string id_prefix(hemeroteca::schema::prefix::id);
    auto doc = db.postlist_begin(title_term);
    if (doc == db.postlist_end(title_term)) return {};
    auto term = db.termlist_begin(*doc);
    term.skip_to(id_prefix);
    return term != db.termlist_end(*doc) && (*term).starts_with(id_prefix) ? (*term).substr(id_prefix.size())
                                                                           : std::string();
}

// Queries of every kind the remote backend serves, from the words of the
// articles' own headlines: words, AND, phrases, titles, questions, dates,
// pages, the three sorts, --explain, uncollapsed copies, facets, --like,
// misspellings (did you mean, and the retry with it), synonym groups and wildcards (which Xapian 1.4
// would expand and score in each shard separately: query/wildcards.h).
std::vector<json> battery(const fs::path& db, std::size_t per_kind) {
    Xapian::Database xdb(db.string());
    std::vector<std::string> words;
    for (auto it = xdb.allterms_begin(std::string(hemeroteca::schema::prefix::title));
         it != xdb.allterms_end(std::string(hemeroteca::schema::prefix::title)) && words.size() < 40000;
         ++it) {
        const std::string w = (*it).substr(hemeroteca::schema::prefix::title.size());
        if (w.size() >= 6 && w.find_first_of("0123456789:") == std::string::npos && it.get_termfreq() >= 3)
            words.push_back(w);
    }
    std::vector<json> q;
    const std::size_t step = std::max<std::size_t>(1, words.size() / (per_kind + 1));
    for (std::size_t k = 0, i = step; k < per_kind && i + 1 < words.size(); ++k, i += step) {
        const std::string& a = words[i];
        const std::string& b = words[(i * 7 + 3) % words.size()];
        q.push_back({{"query", a}});
        q.push_back({{"query", a + " " + b}});
        q.push_back({{"query", "\"" + a + "\""}});
        q.push_back({{"query", "titulo:" + a}});
        q.push_back({{"query", "¿Qué pasó con " + a + " y " + b + "?"}});
        q.push_back({{"query", a}, {"from", "2012"}, {"to", "2016-06"}});
        q.push_back({{"query", a + " OR " + b}, {"offset", 10}, {"limit", 10}});
        q.push_back({{"query", a}, {"sort", "newest"}});
        q.push_back({{"query", a + " " + b}, {"sort", "oldest"}});
        q.push_back({{"query", a}, {"sort", "mixed"}});
        q.push_back({{"query", a + " " + b}, {"explain", true}, {"limit", 3}});
        q.push_back({{"query", a}, {"collapse", false}});
        q.push_back({{"query", a + " " + b}, {"facets", true}});
        q.push_back({{"query", b}, {"facets", true}, {"collapse", false}, {"sort", "newest"}});
        q.push_back({{"query", a.substr(0, 2) + a.substr(3)}});        // a letter dropped
        q.push_back({{"query", b + " " + b.substr(0, b.size() - 1)}}); // ... and a word cut short
        if (const std::string like = article_with(xdb, a); !like.empty()) q.push_back({{"like", like}});
        q.push_back({{"query", a.substr(0, 5) + "*"}});
        q.push_back({{"query", "titulo:" + b.substr(0, 5) + "* " + a}, {"explain", true}, {"limit", 3}});
    }
    for (const std::string synonyms : {"EEUU", "Naciones Unidas", "OMS vacunas", "fallecidos"})
        q.push_back({{"query", synonyms}});
    return q;
}

std::map<std::string, std::set<std::size_t>> clusters_by_shard(const fs::path& db) {
    std::map<std::string, std::set<std::size_t>> where;
    const auto shards = local_shards(db);
    for (std::size_t s = 0; s < shards.size(); ++s) {
        Xapian::Database shard(shards[s].string());
        const auto slot = hemeroteca::schema::slot(hemeroteca::schema::Slot::cluster);
        for (auto it = shard.valuestream_begin(slot); it != shard.valuestream_end(slot); ++it)
            where[*it].insert(s);
    }
    return where;
}

} // namespace

TEST_CASE("a database in N shards (--shards) is searched as one", "[e2e][shards]") {
    TempDir tmp;
    const fs::path sharded = tmp / "sharded.db";
    const fs::path corpus = source_dir() / "corpus";
    const auto r = index(sharded, {corpus.string()}, {"--shards", "4"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto shards = local_shards(sharded);
    REQUIRE(shards.size() == 4);
    std::size_t total = 0;
    for (const auto& s : shards) {
        const auto n = Xapian::Database(s.string()).get_doccount();
        CHECK(n > 0);
        total += n;
    }
    CHECK(total == doc_count(corpus_db()));

    SECTION("every copy of a story is in one shard") {
        const auto where = clusters_by_shard(sharded);
        std::size_t copies = 0;
        for (const auto& [cluster, in] : where) {
            INFO("cluster " << cluster);
            CHECK(in.size() == 1);
            copies += in.size();
        }
        CHECK(copies > 0);
        // corpus/ has syndicated copies, collapsed as in one database
        const auto one = search_json(corpus_db(), "OMM 2024 récord calor");
        const auto many = search_json(sharded, "OMM 2024 récord calor");
        CHECK(many.urls() == one.urls());
        CHECK(many.json["results"][0]["versions"] == one.json["results"][0]["versions"]);
    }
    SECTION("a re-run reads nothing again, across every shard") {
        const auto again = index(sharded, {corpus.string()}, {"--shards", "4"});
        CHECK(contains(again.err, "0 indexed, 0 updated, " + std::to_string(total) + " unchanged"));
        const auto plain = index(sharded, {corpus.string()}); // --shards is only needed to create it
        CHECK(contains(plain.err, std::to_string(total) + " unchanged"));
    }
    SECTION("the same answers as one database") {
        for (const std::string q : {"gobierno", "Putin", "\"Corea del Norte\"", "titulo:elecciones",
                                    "¿Cuántos soldados envió Corea del Norte a Rusia?", "fecha:2025",
                                    "Rusia OR Ucrania", "Putim", "gobernio"}) {
            INFO(q);
            const auto a = search_json(corpus_db(), q);
            const auto b = search_json(sharded, q);
            CHECK(ranked(b.json) == ranked(a.json));
            CHECK(b.json["total"] == a.json["total"]);
            CHECK(b.json["suggestion"] == a.json["suggestion"]);
        }
        // A public id names the same article in every layout.
        const std::string id = search_json(corpus_db(), "Putin").json["results"][0]["id"];
        const auto shown = run({search_bin(), "show", "--db", sharded.string(), "--json", id});
        REQUIRE(shown.exit_code == 0);
        CHECK(json::parse(shown.out)["id"] == id);
        // one dictionary for every shard, beside the stub (database_layout.h)
        CHECK(fs::exists(sharded / "spelling"));
        CHECK(search_json(sharded, "gobernio").json["suggestion"] == "Gobierno");
    }
    SECTION("a shard held by another writer: the run is refused") {
        Xapian::WritableDatabase hold(shards[2].string(), Xapian::DB_OPEN);
        const auto locked = index(sharded, {corpus.string()});
        CHECK(locked.exit_code == 3);
        CHECK(contains(locked.err, "locked by another indexer"));
    }
    SECTION("a different shard count or a single database is refused with the way out") {
        const auto other = index(sharded, {corpus.string()}, {"--shards", "3"});
        CHECK(other.exit_code == 3);
        CHECK(contains(other.err, "has 4 shards, not 3"));
        const auto single = index(corpus_db(), {corpus.string()}, {"--shards", "2"});
        CHECK(single.exit_code == 3);
        CHECK(contains(single.err, "--split-from"));
        const auto no_count = index(tmp / "new.db", {}, {"--split-from", corpus_db().string()});
        CHECK(no_count.exit_code == 2);
    }
}

TEST_CASE("one database split into N shards (--split-from)", "[e2e][shards]") {
    TempDir tmp;
    const fs::path split = tmp / "split.db";
    const auto r = index(split, {}, {"--shards", "3", "--split-from", corpus_db().string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto n = doc_count(corpus_db());
    CHECK(contains(r.err, std::to_string(n) + " articles copied"));
    CHECK(doc_count(split) == n);
    for (const auto& s : local_shards(split)) CHECK(Xapian::Database(s.string()).get_doccount() > 0);
    for (const auto& [cluster, in] : clusters_by_shard(split)) CHECK(in.size() == 1);
    for (const std::string q : {"gobierno", "\"Corea del Norte\"", "elecciones fecha:..2022"}) {
        INFO(q);
        CHECK(ranked(search_json(split, q).json) == ranked(search_json(corpus_db(), q).json));
    }
    // file states came along: the inputs are known, nothing is read again
    const auto again = index(split, {(source_dir() / "corpus").string()});
    CHECK(contains(again.err, "0 indexed, 0 updated, " + std::to_string(n) + " unchanged"));
    // and so did the spelling data
    CHECK(search_json(split, "Putim").json["suggestion"] ==
          search_json(corpus_db(), "Putim").json["suggestion"]);
    // into a database that is not new: refused
    const auto twice = index(split, {}, {"--shards", "3", "--split-from", corpus_db().string()});
    CHECK(twice.exit_code == 3);
}

TEST_CASE("shards served by xapian-tcpsrv answer like one database", "[e2e][shards][remote][cluster]") {
    const fs::path articles = require_shared_data("articles");
    TempDir tmp;
    const fs::path sharded = tmp / "sharded.db";
    std::vector<std::string> inputs;
    for (const auto& e : fs::recursive_directory_iterator(articles))
        if (e.path().extension() == ".jsonl") inputs.push_back(e.path().string());
    std::sort(inputs.begin(), inputs.end());
    const auto r = index(sharded, inputs, {"--shards", "4"});
    INFO(r.err);
    REQUIRE(r.exit_code <= 1);
    // One database of the same articles: the shards and their spelling database
    // merged by Xapian's own tool.
    const fs::path single = tmp / "single.db";
    std::vector<std::string> compact = {"/usr/bin/xapian-compact", "--multipass"};
    for (const auto& s : local_shards(sharded)) compact.push_back(s.string());
    compact.push_back((sharded / "spelling").string());
    compact.push_back(single.string());
    require_program(compact[0]);
    REQUIRE(run(compact).exit_code == 0);
    REQUIRE(doc_count(single) == doc_count(sharded));

    const auto queries = battery(single, 10);
    REQUIRE(queries.size() >= 100);
    const std::string file = battery_file(tmp.path(), queries);
    const auto expected = run_battery(single, file);
    const auto suggested = std::count_if(expected.begin(), expected.end(), [](const json& answer) {
        return !answer.value("suggestion", std::string()).empty();
    });
    CHECK(suggested >= 5); // the misspellings are compared, not only the words

    // (no SECTIONs: each would index the articles again)
    INFO("four local shards");
    check_same_answers(expected, run_battery(sharded, file), queries);
    // In the sharded folder, beside its spelling database (suggestions: the
    // remote backend has none); a searcher elsewhere copies or replicates it.
    const fs::path stub = sharded / "remote.stub";
    TcpShards servers(local_shards(sharded), stub);
    INFO("four remote shards through a stub of remote lines");
    check_same_answers(expected, run_battery(stub, file), queries);

    // Over remote shards stories are counted from the cluster keys of the marked
    // copies only (schema.h story_copy): the articles have copies to count.
    CHECK(
        Xapian::Database(single.string()).get_termfreq(std::string(hemeroteca::schema::prefix::story_copy)) >=
        10);
    {
        // As a database indexed before the marks: every match's cluster key is read.
        Xapian::WritableDatabase first(local_shards(sharded).front().string());
        first.set_metadata(std::string(hemeroteca::schema::metadata_copies_marked_key), {});
        first.commit();
    }
    INFO("four remote shards without the copies' marks");
    check_same_answers(expected, run_battery(stub, file), queries);
}

TEST_CASE("an indexer writes through a stub to shards served by xapian-tcpsrv --writable",
          "[e2e][shards][remote]") {
    TempDir tmp;
    const fs::path corpus = source_dir() / "corpus";
    const fs::path local = tmp / "local.db";
    REQUIRE(index(local, {corpus.string()}, {"--shards", "2"}).exit_code == 0);
    const std::vector<fs::path> written = {tmp / "w-00", tmp / "w-01"};
    for (const auto& w : written) Xapian::WritableDatabase(w.string(), Xapian::DB_CREATE).close();
    const fs::path stub = tmp / "writable.stub";
    const auto n = doc_count(local);
    {
        TcpShards servers(written, stub, true);
        const auto r = index(stub, {corpus.string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(contains(r.err, std::to_string(n) + " indexed"));
        // the file states went to the first remote shard: a re-run reads nothing again
        const auto again = index(stub, {corpus.string()});
        INFO(again.err);
        CHECK(contains(again.err, "0 indexed, 0 updated, " + std::to_string(n) + " unchanged"));
    }
    // Each article is where the local layout put it, and answers are the same.
    const auto placed = local_shards(local);
    REQUIRE(placed.size() == written.size());
    for (std::size_t i = 0; i < written.size(); ++i)
        CHECK(Xapian::Database(written[i].string()).get_doccount() ==
              Xapian::Database(placed[i].string()).get_doccount());
    const fs::path opened = tmp / "written.stub";
    std::ofstream(opened) << "auto w-00\nauto w-01\n";
    for (const std::string q :
         {"gobierno", "\"Corea del Norte\"", "Rusia OR Ucrania", "fecha:2025", "gobernio"}) {
        INFO(q);
        const auto a = search_json(local, q);
        const auto b = search_json(opened, q);
        CHECK(ranked(b.json) == ranked(a.json));
        CHECK(b.json["total"] == a.json["total"]);
        CHECK(b.json["suggestion"] == a.json["suggestion"]); // the spelling database beside the stub
    }
}

TEST_CASE("a writable remote shard that is down fails the run in one line", "[e2e][shards][remote]") {
    TempDir tmp;
    const fs::path stub = tmp / "down.stub";
    std::ofstream(stub) << "remote 127.0.0.1:" << free_port() << "\n";
    const auto r = index(stub, {(source_dir() / "corpus").string()});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "cannot write to the remote shard 127.0.0.1:"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("a searcher reconnects when a remote shard drops an idle connection", "[e2e][shards][remote]") {
    TempDir tmp;
    const fs::path sharded = tmp / "sharded.db";
    REQUIRE(index(sharded, {(source_dir() / "corpus").string()}, {"--shards", "2"}).exit_code == 0);
    const fs::path stub = tmp / "remote.stub";
    TcpShards servers(local_shards(sharded), stub, false, 300); // connections idle 0.3 s are closed
    hemeroteca::search::Searcher searcher({stub.string()});
    hemeroteca::search::SearchRequest request;
    request.query = "gobierno";
    const auto first = searcher.search(request);
    REQUIRE(first.total.estimated > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    searcher.reopen(); // what the server does as it lends a Searcher
    const auto second = searcher.search(request);
    CHECK(second.total.estimated == first.total.estimated);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    CHECK(searcher.search(request).total.estimated == first.total.estimated); // without reopen()
}

TEST_CASE("a read replica kept by xapian-replicate sees new articles", "[e2e][shards][replica]") {
    require_program("/usr/bin/xapian-replicate-server");
    require_program("/usr/bin/xapian-replicate");
    TempDir tmp;
    const fs::path master = tmp / "master";
    const fs::path replica = tmp / "replica";
    fs::create_directories(replica);
    const fs::path corpus = source_dir() / "corpus";
    // Half of corpus/ first, the rest after the first replication.
    std::vector<fs::path> pages;
    for (const auto& e : fs::recursive_directory_iterator(corpus))
        if (e.path().extension() == ".html") pages.push_back(e.path());
    std::sort(pages.begin(), pages.end());
    REQUIRE(pages.size() > 10);
    std::vector<std::string> first, second;
    for (std::size_t i = 0; i < pages.size(); ++i) (i % 2 ? second : first).push_back(pages[i].string());
    const std::vector<std::string> changesets = {"XAPIAN_MAX_CHANGESETS=10"};
    const auto index_into = [&](const std::vector<std::string>& in) {
        std::vector<std::string> argv = {index_bin(), "--db", (master / "shard-00").string(), "--quiet"};
        argv.insert(argv.end(), in.begin(), in.end());
        return run(argv, changesets).exit_code;
    };
    REQUIRE(index_into(first) == 0);
    const int port = free_port();
    Process server({"/usr/bin/setsid", "/usr/bin/xapian-replicate-server", "--interface", "127.0.0.1",
                    "--port", std::to_string(port), master.string()});
    REQUIRE(wait_for_port(port, 10));
    const auto replicate = [&] {
        return run({"/usr/bin/xapian-replicate", "-h", "127.0.0.1", "-p", std::to_string(port), "-m",
                    "shard-00", "-o", "-q", (replica / "shard-00").string()});
    };
    auto rep = replicate();
    INFO(rep.err);
    REQUIRE(rep.exit_code == 0);
    CHECK(doc_count(replica / "shard-00") == doc_count(master / "shard-00"));
    const auto first_count = doc_count(master / "shard-00");
    const auto before = search_json(replica / "shard-00", "gobierno");
    REQUIRE(index_into(second) == 0);
    rep = replicate();
    REQUIRE(rep.exit_code == 0);
    CHECK(doc_count(replica / "shard-00") == doc_count(master / "shard-00"));
    CHECK(doc_count(replica / "shard-00") > first_count);
    CHECK(search_json(replica / "shard-00", "gobierno").json["total"] ==
          search_json(master / "shard-00", "gobierno").json["total"]);
    CHECK(search_json(replica / "shard-00", "gobierno").json["total"] > before.json["total"]);
}
