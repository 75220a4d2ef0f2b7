// Dates in the formats news pages use, normalised to ISO 8601.
#include "extract/dates.h"

#include <catch2/catch.hpp>

using namespace hemeroteca::extract;

TEST_CASE("parse_machine_date normalises meta and JSON-LD dates", "[extract][dates]") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"2024-10-15T12:47:33+02:00", "2024-10-15T12:47:33+02:00"},
        {"2024-10-15T10:47:33.123Z", "2024-10-15T10:47:33Z"},
        {"2024-10-15 12:47:33", "2024-10-15T12:47:33"},
        {"2024-10-15T12:47:33+0200", "2024-10-15T12:47:33+02:00"},
        {"20241015T124733Z", "2024-10-15T12:47:33Z"},
        {"2024-10-15", "2024-10-15"},
        {"2024/10/15", "2024-10-15"},
        {"Tue, 15 Oct 2024 12:47:33 +0200", "2024-10-15T12:47:33+02:00"},
        {"Tue, 15 Oct 2024 12:47:33 GMT", "2024-10-15T12:47:33Z"},
        {"  2026-01-09T08:30:00-05:00 ", "2026-01-09T08:30:00-05:00"},
        {"2024-02-30", ""},
        {"hace 3 horas", ""},
        {"", ""},
        {"1712345678", ""},
    };
    for (const Case& c : cases) {
        INFO(c.in);
        CHECK(parse_machine_date(c.in) == c.out);
    }
}

TEST_CASE("parse_spanish_date reads prose dates, day first", "[extract][dates]") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"Madrid, 9 de enero de 2026", "2026-01-09"},
        {"Actualizado el lunes, 15 de octubre del 2024 - 12:47", "2024-10-15"},
        {"09/01/2026", "2026-01-09"},
        {"Publicado 9.1.2026", "2026-01-09"},
        {"1 Septiembre 2025", "2025-09-01"},
        {"15 oct 2024", "2024-10-15"},
        {"13/25/2024", ""},
        {"enero", ""},
    };
    for (const Case& c : cases) {
        INFO(c.in);
        CHECK(parse_spanish_date(c.in) == c.out);
    }
}

TEST_CASE("date_from_url finds dates in paths", "[extract][dates]") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"https://elpais.com/internacional/2026/01/09/una-noticia.html", "2026-01-09"},
        {"https://x.com/2026-01-09/noticia", "2026-01-09"},
        {"https://www.abc.es/espana/condenan-zaplana-20241015124732-nt.html", "2024-10-15"},
        {"http://www.elmundo.es/elmundo/2012/10/28/espana/1351388909.html", "2012-10-28"},
        {"https://x.com/noticia-123456789", ""},
        {"https://x.com/2026/13/09/x", ""},
    };
    for (const Case& c : cases) {
        INFO(c.in);
        CHECK(date_from_url(c.in) == c.out);
    }
}
