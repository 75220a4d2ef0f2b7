// Language from the text (stop-word profiles), never from <html lang>.
#include "extract/language.h"

#include <catch2/catch.hpp>

using namespace hemeroteca::extract;

TEST_CASE("detect_language tells apart the languages of a news archive", "[extract][language]") {
    struct Case {
        const char* lang;
        const char* text;
    };
    const Case cases[] = {
        {"es", "El Gobierno ha aprobado este martes la ley de vivienda, que según los expertos no resolverá "
               "el problema de los alquileres en las grandes ciudades."},
        {"en", "The government approved the housing law on Tuesday, which according to experts will not "
               "solve the problem of rents in the big cities."},
        {"pt", "O governo aprovou nesta terça-feira a lei da habitação, que segundo os especialistas não vai "
               "resolver o problema dos aluguéis nas grandes cidades."},
        {"fr", "Le gouvernement a approuvé mardi la loi sur le logement, qui selon les experts ne résoudra "
               "pas le problème des loyers dans les grandes villes."},
        {"it", "Il governo ha approvato martedì la legge sulla casa, che secondo gli esperti non risolverà "
               "il problema degli affitti nelle grandi città."},
        {"ca", "El Govern ha aprovat aquest dimarts la llei de l'habitatge, que segons els experts no "
               "resoldrà el problema dels lloguers a les grans ciutats i pobles."},
        {"de", "Die Regierung hat am Dienstag das Wohnungsgesetz verabschiedet, das nach Ansicht der "
               "Experten das Problem der Mieten in den Großstädten nicht lösen wird."},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(detect_language(c.text) == c.lang);
    }
    CHECK(detect_language("") == "");
    CHECK(detect_language("Zaplana") == "");
}
