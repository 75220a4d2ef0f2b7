// Bylines cleaned into author names.
#include "extract/authors.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace hemeroteca::extract;

TEST_CASE("clean_byline strips prefixes, places and dates and splits names", "[extract][authors]") {
    struct Case {
        const char* byline;
        std::vector<std::string> names;
    };
    const Case cases[] = {
        {"Por Ana García", {"Ana García"}},
        {"By John Smith and Jane Doe", {"John Smith", "Jane Doe"}},
        {"Redacción: María López y Pedro Ruiz", {"María López", "Pedro Ruiz"}},
        {"Patricio Candia | Palma de Mallorca | 08/01/2014", {"Patricio Candia"}},
        {"EFE", {"EFE"}},
        {"Europa Press", {"Europa Press"}},
        {"https://www.facebook.com/profile.php?id=1", {}},
        {"elmundo.es", {}},
        {"POR  Luis  Pérez , Marta Ruiz", {"Luis Pérez", "Marta Ruiz"}},
    };
    for (const Case& c : cases) {
        INFO(c.byline);
        CHECK(clean_byline(c.byline) == c.names);
    }
}
