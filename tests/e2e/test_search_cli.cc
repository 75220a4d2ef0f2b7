// hemeroteca-search, run as a user runs it, over corpus/ indexed into a
// temporary database (once per test process).
#include "support/cli.h"
#include "support/terminal.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <fstream>

using namespace hemeroteca::test;
using nlohmann::json;

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Every result's snippet highlights one of `forms` (compared in lower case).
bool every_snippet_marks_one_of(const SearchOutput& out, const std::vector<std::string>& forms) {
    for (const auto& hit : out.json["results"]) {
        const std::string snippet = lower_ascii(hit["snippet"].get<std::string>());
        const bool any = std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
            return snippet.find("<mark>" + f + "</mark>") != std::string::npos;
        });
        if (!any) {
            UNSCOPED_INFO("snippet without a marked form: " << snippet);
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("hemeroteca-search --help and --version", "[e2e][search]") {
    const auto help = run({search_bin(), "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--json") != std::string::npos);
    const auto version = run({search_bin(), "--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("hemeroteca-search") != std::string::npos);
}

TEST_CASE("accents: politica, Política, POLÍTICA, políticas find each other", "[e2e][search][accents]") {
    const auto base = search_json(corpus_db(), "politica");
    REQUIRE(base.exit_code == 0);
    REQUIRE(base.urls().size() >= 2);
    for (const char* q : {"Política", "POLÍTICA", "políticas", "POLITICAS"}) {
        INFO(q);
        CHECK(search_json(corpus_db(), q).urls().size() == base.urls().size());
    }
    // the highlighter marks every form the query matched, accented or not
    const auto marked = search_json(corpus_db(), "politica");
    CHECK(every_snippet_marks_one_of(marked, {"política", "políticas", "politica", "político", "políticos",
                                              "política", "pol\xc3\x8dtica", "políticamente"}));
}

TEST_CASE("accents: pinguino finds «pingüino»", "[e2e][search][accents]") {
    const auto out = search_json(corpus_db(), "pinguino");
    REQUIRE(out.exit_code == 0);
    CHECK(out.json["results"][0]["snippet"].get<std::string>().find("<mark>ping\xc3\xbc") !=
          std::string::npos);
}

TEST_CASE("ñ: año does not find «ano», pena does not find «peña»", "[e2e][search][enie]") {
    CHECK(search_json(corpus_db(), "año").exit_code == 0);
    // «ano» matches nothing: what is shown are the results of the suggestion «año», said so.
    const auto ano = search_json(corpus_db(), "ano");
    CHECK(Xapian::Unicode::tolower(ano.json["retried_with"].get<std::string>()) == "año");
    const auto pena = search_json(corpus_db(), "peña");
    REQUIRE(pena.exit_code == 0);
    CHECK(Xapian::Unicode::tolower(
              search_json(corpus_db(), "pena").json["retried_with"].get<std::string>()) == "peña");
}

TEST_CASE("unstemmed terms fold: a phrase and a capitalised name", "[e2e][search][accents]") {
    const auto phrase = search_json(corpus_db(), "\"politica exterior\"");
    REQUIRE(phrase.exit_code == 0);
    CHECK(phrase.urls() == search_json(corpus_db(), "\"política exterior\"").urls());
    for (const auto& hit : phrase.json["results"])
        CHECK(lower_ascii(hit["snippet"].get<std::string>()).find("<mark>exterior</mark>") !=
              std::string::npos);
    // the phrase is stricter than the words
    CHECK(phrase.urls().size() <= search_json(corpus_db(), "politica exterior").urls().size());

    const auto canada = search_json(corpus_db(), "Canada");
    REQUIRE(canada.exit_code == 0);
    CHECK(canada.urls() == search_json(corpus_db(), "Canadá").urls());
}

TEST_CASE("field queries by Spanish and English name", "[e2e][search][fields]") {
    const auto es = search_json(corpus_db(), "titulo:Putin");
    REQUIRE(es.exit_code == 0);
    for (const auto& t : es.titles()) CHECK(t.find("Putin") != std::string::npos);
    CHECK(es.urls() == search_json(corpus_db(), "title:putin").urls());
    // the body mentions Putin in more articles than the headlines do
    CHECK(search_json(corpus_db(), "Putin").urls().size() >= es.urls().size());
}

TEST_CASE("exclusion with -word and NOT", "[e2e][search][operators]") {
    const auto rusia = search_json(corpus_db(), "Rusia").urls();
    const auto without = search_json(corpus_db(), "Rusia -Corea").urls();
    const auto with = search_json(corpus_db(), "Rusia Corea").urls();
    REQUIRE(!with.empty());
    CHECK(without.size() + with.size() == rusia.size());
    for (const auto& u : with) CHECK_FALSE(contains(without, u));
    CHECK(search_json(corpus_db(), "Rusia NOT Corea").urls().size() == without.size());
}

TEST_CASE("the seed question ranks the Kim–Putin article first", "[e2e][search][ranking]") {
    const auto out = search_json(corpus_db(), "¿Cuántos soldados envió Corea del Norte a Rusia?");
    REQUIRE(out.exit_code == 0);
    const json& first = out.json["results"][0];
    const std::string title = first["title"].get<std::string>();
    INFO(title);
    const auto kim = search_json(corpus_db(), "Kim Jong-un Putin incondicional");
    REQUIRE(kim.exit_code == 0);
    CHECK(first["url"] == kim.json["results"][0]["url"]);
    CHECK(first["snippet"].get<std::string>().find("<mark>soldados</mark>") != std::string::npos);
}

TEST_CASE("JSON output is well-formed and escapes HTML in snippets", "[e2e][search][json]") {
    TempDir tmp;
    std::ofstream(tmp / "xss.jsonl")
        << R"({"url": "https://x.example/xss", "title": "Ataque <b>web</b>", "text": "El código <script>alert('hola')</script> & otros fallos de seguridad."})"
        << "\n";
    REQUIRE(index(tmp / "db", {(tmp / "xss.jsonl").string()}).exit_code == 0);
    const auto out = search_json(tmp / "db", "seguridad");
    REQUIRE(out.exit_code == 0);
    REQUIRE(out.json.is_object());
    CHECK(out.json["query"] == "seguridad");
    CHECK(out.json["total"] == 1);
    const json& hit = out.json["results"][0];
    for (const char* key :
         {"rank", "url", "title", "date", "author", "section", "source", "score", "snippet"})
        CHECK(hit.contains(key));
    const std::string snippet = hit["snippet"];
    CHECK(snippet.find("<script>") == std::string::npos);
    CHECK(snippet.find("&lt;script&gt;alert(&#39;hola&#39;)&lt;/script&gt; &amp;") != std::string::npos);
    CHECK(snippet.find("<mark>seguridad</mark>") != std::string::npos);
}

TEST_CASE("terminal output: plain markers when piped, colour when asked", "[e2e][search][terminal]") {
    const std::string db = corpus_db().string();
    const auto plain = run({search_bin(), "--db", db, "politica"});
    CHECK(plain.exit_code == 0);
    CHECK(plain.out.find("\x1b[") == std::string::npos);
    CHECK(lower_ascii(plain.out).find("**pol") != std::string::npos);
    const auto color = run({search_bin(), "--db", db, "--color", "always", "politica"});
    CHECK(color.out.find("\x1b[1;33m") != std::string::npos);
    const auto no_color = run({search_bin(), "--db", db, "--color", "auto", "politica"}, {"NO_COLOR=1"});
    CHECK(no_color.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("paging with limit and offset, and the total", "[e2e][search][paging]") {
    const auto all = search_json(corpus_db(), "gobierno");
    REQUIRE(all.urls().size() >= 4);
    const auto page2 = search_json(corpus_db(), "gobierno", {"--limit", "2", "--offset", "2"});
    REQUIRE(page2.urls().size() == 2);
    CHECK(page2.urls()[0] == all.urls()[2]);
    CHECK(page2.urls()[1] == all.urls()[3]);
    CHECK(page2.json["results"][0]["rank"] == 3);
    CHECK(page2.json["total"] == all.json["total"]);
    CHECK(all.json["total"].get<std::size_t>() == all.urls().size());
}

TEST_CASE("no match and a syntax error: clear messages and exit codes", "[e2e][search][errors]") {
    const std::string db = corpus_db().string();
    const auto none = run({search_bin(), "--db", db, "xilofonista"});
    CHECK(none.exit_code == 1);
    CHECK(none.out.find("No articles match «xilofonista»") != std::string::npos);
    const auto bad = run({search_bin(), "--db", db, "Rusia AND"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.rfind("error: ", 0) == 0);
    CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
    const auto nodb = run({search_bin(), "--db", db + "-missing", "Rusia"});
    CHECK(nodb.exit_code == 3);
    CHECK(nodb.err.find("no database at") != std::string::npos);
}

TEST_CASE("terminal output: colour on a TTY unless NO_COLOR", "[e2e][search][terminal]") {
    // script(1) (util-linux, in every Debian) gives the program a real TTY.
    if (!std::filesystem::exists("/usr/bin/script")) {
        std::fprintf(stderr, "SKIPPED: /usr/bin/script is not installed\n");
        std::_Exit(77);
    }
    require_pseudo_terminal();
    // The child's TERM and NO_COLOR are set here, whatever the caller's are (TERM=dumb turns colour off).
    const std::string cmd = search_bin() + " --db " + corpus_db().string() + " Kursk";
    const auto tty = run({"/usr/bin/script", "-qec", cmd, "/dev/null"}, {"TERM=xterm", "NO_COLOR"});
    CHECK(tty.out.find("\x1b[1;33mKursk\x1b[0m") != std::string::npos);
    const auto no_color = run({"/usr/bin/script", "-qec", cmd, "/dev/null"}, {"TERM=xterm", "NO_COLOR=1"});
    CHECK(no_color.out.find("\x1b[") == std::string::npos);
    CHECK(no_color.out.find("**Kursk**") != std::string::npos);
}
