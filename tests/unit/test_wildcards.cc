#include "query/query_builder.h"
#include "query/wildcards.h"
#include "schema.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace hemeroteca::search;

namespace {

Xapian::WritableDatabase words_db(const std::vector<std::string>& terms) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& t : terms) {
        Xapian::Document doc;
        doc.add_term(t);
        db.add_document(doc);
    }
    return db;
}

struct Expanded {
    std::string text;
    std::vector<std::string> groups; // each group's description
};

Expanded expand(const std::string& text, const Xapian::Database& db, Xapian::termcount max = 100) {
    Expanded out;
    const auto field = [](std::string_view name) -> std::optional<std::string> {
        if (name == "titulo") return std::string(hemeroteca::schema::prefix::title);
        return std::nullopt;
    };
    out.text = expand_wildcards(text, db, max, field, [&](Xapian::Query q) {
        out.groups.push_back(q.get_description());
        return "g:" + std::to_string(out.groups.size() - 1);
    });
    return out;
}

} // namespace

TEST_CASE("wildcards expand over the database into one synonym group each", "[wildcards]") {
    const auto db = words_db({"corrupcion", "corrupto", "correo", "Scorrupcion", "Scorreo", "año", "años"});
    SECTION("a word and *: its words, in term order") {
        const auto e = expand("la corrup* del año", db);
        CHECK(e.text == "la g:0 del año");
        REQUIRE(e.groups.size() == 1);
        CHECK(e.groups[0] == "Query((corrupcion SYNONYM corrupto))");
    }
    SECTION("a text field's prefix; operators around it stay") {
        const auto e = expand("-titulo:corr* +año* (corrup* OR x)", db);
        CHECK(e.text == "-g:0 +g:1 (g:2 OR x)");
        CHECK(e.groups[0] == "Query((Scorreo SYNONYM Scorrupcion))");
        CHECK(e.groups[1] == "Query((año SYNONYM años))");
    }
    SECTION("what is not a wildcard is left to the parser") {
        for (const char* text : {"\"la corrup* del\"", "fecha:2024*", "co*rr", "* sola"}) {
            INFO(text);
            const auto e = expand(text, db);
            CHECK(e.text == text);
            CHECK(e.groups.empty());
        }
    }
    SECTION("no word matches: a group that matches nothing") {
        const auto e = expand("zzz*", db);
        CHECK(e.text == "g:0");
        CHECK(e.groups[0] == Xapian::Query(Xapian::Query::MatchNothing).get_description());
    }
    SECTION("more words than the limit: the cost error, naming the wildcard") {
        CHECK(expand("cor*", db, 3).groups.size() == 1); // exactly 3: allowed
        CHECK_THROWS_WITH(
            expand("cor*", db, 2),
            "the query is too costly: `cor*` matches over 2 words (write more letters before the *)");
        CHECK(expand("cor*", db, 0).groups.size() == 1); // 0: no limit, as Xapian's
    }
}
