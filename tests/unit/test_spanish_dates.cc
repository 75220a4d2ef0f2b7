// rewrite_spanish_dates: Spanish month names in fecha:/date: written with a
// space before the year, rewritten for the date field processor, in one
// linear pass (it replaced a std::regex that crashed on long input).
#include "query/query_builder.h"

#include <catch2/catch.hpp>

using hemeroteca::search::rewrite_spanish_dates;

TEST_CASE("rewrite_spanish_dates: month names before a year", "[query][dates]") {
    const struct {
        const char* in;
        const char* out;
    } cases[] = {
        {"fecha:marzo 2004", "fecha:marzo-2004"},
        {"date:marzo 2004", "date:marzo-2004"},
        {"fecha:marzo..mayo 2004", "fecha:marzo-2004..mayo-2004"},
        {"gobierno fecha:dic..ene 2023 rusia", "gobierno fecha:dic-2023..ene-2023 rusia"},
        {"fecha:marzo\t 2004 x", "fecha:marzo-2004 x"},
        {"fecha:marzo 20045", "fecha:marzo 20045"},   // not a four-digit year
        {"fecha:marzo 2004a", "fecha:marzo 2004a"},   // the year must end the word
        {"xfecha:marzo 2004", "xfecha:marzo 2004"},   // the field must start a word
        {"fecha:2004", "fecha:2004"},                 // already a plain date
        {"fecha:marzo", "fecha:marzo"},               // no year
        {"fecha:marzo.. 2004", "fecha:marzo.. 2004"}, // no second month
        {"fecha:marzo..mayo", "fecha:marzo..mayo"},
        {"fecha: marzo 2004", "fecha: marzo 2004"},
        {"a fecha:enero 2020 b fecha:junio..julio 2021", "a fecha:enero-2020 b fecha:junio-2021..julio-2021"},
        {"", ""},
        {"fecha:", "fecha:"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(rewrite_spanish_dates(c.in) == c.out);
    }
}

TEST_CASE("rewrite_spanish_dates: long hostile input is copied in linear time", "[query][dates]") {
    const std::string letters = "fecha:" + std::string(50000, 'a');
    CHECK(rewrite_spanish_dates(letters) == letters);
    const std::string spaces = "fecha:a..b" + std::string(200000, ' ') + "x";
    CHECK(rewrite_spanish_dates(spaces) == spaces);
    std::string many;
    for (int i = 0; i < 20000; ++i) many += "fecha:a ";
    CHECK(rewrite_spanish_dates(many) == many);
}
