#include "sources/jsonl_file.h"
#include "sources/read_file.h"

#include <catch2/catch.hpp>

using namespace hemeroteca;
using nlohmann::json;

TEST_CASE("JSON Lines accept the common field names", "[indexer][jsonl]") {
    const indexer::JsonlOptions opts;
    const auto newsplease = indexer::article_from_json(json{{"url", "https://a.example/x"},
                                                            {"title", "T"},
                                                            {"date_publish", "2017-10-09 20:09:00"},
                                                            {"authors", {"Ana", "Luis"}},
                                                            {"source_domain", "a.example"},
                                                            {"maintext", "Cuerpo"}},
                                                       opts, "f.jsonl");
    CHECK(newsplease.url == "https://a.example/x");
    CHECK(newsplease.date == "2017-10-09T20:09:00");
    CHECK(newsplease.author == "Ana, Luis");
    CHECK(newsplease.source == "a.example");
    CHECK(newsplease.text == "Cuerpo");

    const auto other = indexer::article_from_json(json{{"link", "https://b.example/y"},
                                                       {"headline", "H"},
                                                       {"newspaper", "El Día"},
                                                       {"body", "B"},
                                                       {"id", 7}},
                                                  opts, "f.jsonl");
    CHECK(other.url == "https://b.example/y");
    CHECK(other.title == "H");
    CHECK(other.source == "El Día");
    CHECK(other.text == "B");
    CHECK(other.stable_id == "f.jsonl#7");
}

TEST_CASE("JSON Lines field mapping and errors", "[indexer][jsonl]") {
    indexer::JsonlOptions opts;
    opts.field_map["section"] = "topic";
    const auto a =
        indexer::article_from_json(json{{"title", "T"}, {"topic", "Salud"}, {"text", "x"}}, opts, "f");
    CHECK(a.section == "Salud");
    CHECK_THROWS_AS(indexer::article_from_json(json{{"url", "u"}}, opts, "f"), indexer::EmptyInput);
    CHECK_THROWS_AS(indexer::article_from_json(json::array(), opts, "f"), indexer::InputError);
    // an unreadable date loses the date, not the article
    CHECK(indexer::article_from_json(json{{"title", "T"}, {"date", "nunca"}}, opts, "f").date.empty());
}
