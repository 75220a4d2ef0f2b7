// Charset detection and decoding: declared charsets are verified against the bytes.
#include "extract/charset.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hemeroteca::extract;

TEST_CASE("decode_html trusts the bytes over a wrong declaration", "[extract][charset]") {
    struct Case {
        const char* name;
        std::string bytes;
        const char* declared;
        const char* charset;
        const char* contains;
    };
    const Case cases[] = {
        {"utf-8 declared utf-8",
         "<meta charset=\"utf-8\"><p>Espa\xC3\xB1"
         "a</p>",
         "", "utf-8", "España"},
        {"utf-8 bytes declared iso-8859-15 (El Mundo)",
         "<meta charset=\"iso-8859-15\"><p>Pol\xC3\xADtica</p>", "", "utf-8", "Política"},
        {"latin-1 declared in meta, decoded as windows-1252",
         "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\x93"
         "Espa\xF1"
         "a\x94 \x96 ma\xF1"
         "ana</p>",
         "", "windows-1252", "“España” – mañana"},
        {"undeclared windows-1252 bytes", "<p>Canci\xF3n del a\xF1o</p>", "", "windows-1252",
         "Canción del año"},
        {"http header wins over meta", "<meta charset=\"utf-8\"><p>Le\xF3n</p>", "windows-1252",
         "windows-1252", "León"},
        {"utf-8 BOM", "\xEF\xBB\xBF<p>Jos\xC3\xA9</p>", "", "utf-8", "José"},
        {"iso-8859-15 really iso-8859-15 (euro sign)", "<meta charset=iso-8859-15><p>100 \xA4 en Le\xF3n</p>",
         "", "iso-8859-15", "100 € en León"},
        {"utf-8 page with stray windows-1252 bytes",
         "<meta charset=utf-8><p>Espa\xC3\xB1"
         "a y Le\xC3\xB3n, Per\xFA</p>",
         "", "utf-8", "España y León, Perú"},
        {"double-encoded utf-8 repaired",
         "<meta charset=utf-8><p>Espa\xC3\x83\xC2\xB1"
         "a y Am\xC3\x83\xC2\xA9rica</p>",
         "", "utf-8", "España y América"},
    };
    for (const Case& c : cases) {
        SECTION(c.name) {
            const DecodedText d = decode_html(c.bytes, c.declared);
            CHECK(d.charset == c.charset);
            CHECK(d.utf8.find(c.contains) != std::string::npos);
            CHECK(is_valid_utf8(d.utf8));
        }
    }
}

TEST_CASE("sniff_meta_charset reads both meta forms", "[extract][charset]") {
    CHECK(sniff_meta_charset("<html><head><meta charset='UTF-8'>") == "utf-8");
    CHECK(
        sniff_meta_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">") ==
        "windows-1252");
    CHECK(sniff_meta_charset("<meta name=description content=x>") == "");
    CHECK(canonical_charset("Latin1") == "windows-1252");
}

TEST_CASE("convert_to_utf8 rejects unknown charsets and replaces invalid bytes", "[extract][charset]") {
    CHECK_THROWS_AS(convert_to_utf8("abc", "no-such-charset"), std::invalid_argument);
    CHECK(convert_to_utf8("a\xFF"
                          "b",
                          "UTF-8") == "a\xEF\xBF\xBD"
                                      "b");
    CHECK(repair_double_utf8("Mamá") == "Mamá"); // nothing evident: unchanged
    CHECK(!is_valid_utf8("\xC3("));
    CHECK(!is_valid_utf8("\xED\xA0\x80")); // a surrogate
}
