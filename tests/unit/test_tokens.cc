#include "analysis/tokens.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace hemeroteca::analysis;

namespace {
std::vector<std::string> texts(std::string_view s) {
    std::vector<std::string> out;
    tokenize(s, [&](const Token& t) { out.push_back(t.text); });
    return out;
}
} // namespace

TEST_CASE("tokens split on Spanish punctuation", "[analysis][tokens]") {
    CHECK(texts("¿Qué pasó? ¡Nada!") == std::vector<std::string>{"Que", "paso", "Nada"});
    CHECK(texts("«Hola» —dijo— l’ocell") == std::vector<std::string>{"Hola", "dijo", "l", "ocell"});
}

TEST_CASE("acronyms with dots are one token", "[analysis][tokens]") {
    CHECK(texts("EE.UU. y la O.T.A.N.") == std::vector<std::string>{"EEUU", "y", "la", "OTAN"});
    CHECK(texts("en EE.UU.") == std::vector<std::string>{"en", "EEUU"});
    // an ordinary sentence end is not an acronym
    CHECK(texts("la ONU. El") == std::vector<std::string>{"la", "ONU", "El"});
}

TEST_CASE("numbers with thousands dots are one token", "[analysis][tokens]") {
    CHECK(texts("unos 15.000 soldados") == std::vector<std::string>{"unos", "15000", "soldados"});
    CHECK(texts("1.500.000 euros") == std::vector<std::string>{"1500000", "euros"});
    CHECK(texts("3,5 y 2024.") == std::vector<std::string>{"3", "5", "y", "2024"});
}

TEST_CASE("hyphenated names stay two adjacent tokens", "[analysis][tokens]") {
    CHECK(texts("Kim Jong-un") == std::vector<std::string>{"Kim", "Jong", "un"});
}

TEST_CASE("letters, a hyphen and a short number are one code, as written without it", "[analysis][tokens]") {
    CHECK(texts("la COVID-19 y el G-20") == std::vector<std::string>{"la", "COVID19", "y", "el", "G20"});
    CHECK(texts("Covid19 G20") == std::vector<std::string>{"Covid19", "G20"});
    CHECK(texts("el Mundial-2022") ==
          std::vector<std::string>{"el", "Mundial", "2022"}); // a year stays apart
    CHECK(texts("SARS-CoV-2") == std::vector<std::string>{"SARS", "CoV2"});
}

TEST_CASE("token offsets point into the original text", "[analysis][tokens]") {
    const std::string s = "La política de EE.UU.";
    std::vector<Token> toks;
    tokenize(s, [&](const Token& t) { toks.push_back(t); });
    REQUIRE(toks.size() == 4);
    CHECK(s.substr(toks[1].begin, toks[1].end - toks[1].begin) == "política");
    CHECK(s.substr(toks[3].begin, toks[3].end - toks[3].begin) == "EE.UU.");
}

TEST_CASE("normalize keeps the query syntax", "[analysis][tokens]") {
    CHECK(normalize("\"política exterior\" -Rusia título:Putin") ==
          "\"politica exterior\" -Rusia titulo:Putin");
    CHECK(normalize("EE.UU. AND 15.000") == "EEUU AND 15000");
}
