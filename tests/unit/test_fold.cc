#include "analysis/fold.h"

#include <catch2/catch.hpp>

using hemeroteca::analysis::fold;
using hemeroteca::analysis::fold_key;
using hemeroteca::analysis::fold_lower;

TEST_CASE("fold removes acute accents and diaeresis, keeps case", "[analysis][fold]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Política", "Politica"},   {"POLÍTICA", "POLITICA"},   {"pingüino", "pinguino"},
        {"Canadá", "Canada"},       {"elección", "eleccion"},   {"ÚLTIMA HORA", "ULTIMA HORA"},
        {"São Paulo", "Sao Paulo"}, {"Françoise", "Francoise"}, {"plain ascii", "plain ascii"},
    };
    for (const auto& [in, out] : cases) {
        INFO(in);
        CHECK(fold(in) == out);
    }
}

TEST_CASE("fold keeps ñ a letter of its own", "[analysis][fold]") {
    CHECK(fold("año") == "año");
    CHECK(fold("PEÑA") == "PEÑA");
    CHECK(fold_lower("PEÑA") == "peña");
    // n + combining tilde (decomposed input) becomes ñ, not n
    CHECK(fold("an\xCC\x83o") == "año");
    // decomposed acute accent is dropped
    CHECK(fold("poli\xCC\x81tica") == "politica");
}

TEST_CASE("fold_key lowercases and collapses whitespace", "[analysis][fold]") {
    CHECK(fold_key("  El   País\n") == "el pais");
    CHECK(fold_key("Internacional") == "internacional");
    CHECK(fold_key("\xC2\xA0Sección\xC2\xA0") == "seccion");
}
