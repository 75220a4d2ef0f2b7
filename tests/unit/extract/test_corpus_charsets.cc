// corpus/'s pages in old charsets (windows-1252, ISO-8859-1) decode to the right text.
#include "measure.h"
#include "support/shared_data.h"

#include "extract/charset.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

using namespace hemeroteca;

TEST_CASE("corpus pages in windows-1252 decode with their accents", "[extract][charset]") {
    const auto corpus = test::source_dir() / "corpus";
    int checked = 0;
    if (std::filesystem::exists(corpus)) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
            const auto ext = entry.path().extension();
            if (ext != ".html" && ext != ".htm") continue;
            const std::string bytes = test::read_file(entry.path());
            if (extract::is_valid_utf8(bytes)) continue; // only the pages in a single-byte charset
            ++checked;
            const auto e = test::extract_file(entry.path());
            INFO(entry.path().string() << " decoded as " << e.charset);
            CHECK(e.charset != "utf-8");
            CHECK(extract::is_valid_utf8(e.article.text));
            CHECK(e.article.text.find("\xEF\xBF\xBD") == std::string::npos); // no replacement characters
            CHECK(e.article.text.find("Ã") == std::string::npos);            // no mojibake
            // Spanish text in a single-byte charset has accented letters: they must survive.
            bool accented = false;
            for (const char* letter : {"á", "é", "í", "ó", "ú", "ñ", "Á", "É", "Ó", "Ñ"})
                accented = accented || (e.article.title + e.article.text).find(letter) != std::string::npos;
            CHECK(accented);
        }
    }
    std::printf("corpus pages in a single-byte charset checked: %d\n", checked);
    if (checked == 0) {
        std::fprintf(stderr, "SKIPPED: no page in a single-byte charset under %s\n", corpus.string().c_str());
        std::fflush(stderr);
        std::_Exit(77);
    }
}
