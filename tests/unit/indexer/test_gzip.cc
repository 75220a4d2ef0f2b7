#include "sources/gzip.h"
#include "sources/input_stream.h"
#include "sources/read_file.h"
#include "support/temp_dir.h"
#include "support/warc_fixture.h"

#include <catch2/catch.hpp>

using namespace hemeroteca;
using indexer::InputStream;

TEST_CASE("gunzip reads single and concatenated gzip members", "[indexer][gzip]") {
    // (Strings built with append, not operator+: gcc 12 warns falsely on a + b here, -Warray-bounds.)
    const std::string a = "primera parte\n";
    const std::string b = std::string(200000, 'x').append("\nsegunda parte\n");
    const std::string ab = std::string(a).append(b);
    CHECK(indexer::gunzip(test::gzip_bytes(a), 1 << 20) == a);
    CHECK(indexer::gunzip(test::gzip_bytes(a) + test::gzip_bytes(b), 1 << 20) == ab);
    CHECK(indexer::gunzip(indexer::gzip_member(b), 1 << 20) == b);
    CHECK_THROWS_AS(indexer::gunzip(test::gzip_bytes(b), 1000), indexer::InputError); // over the cap
    std::string corrupt = test::gzip_bytes(b);
    corrupt.resize(corrupt.size() / 2);
    CHECK_THROWS_AS(indexer::gunzip(corrupt, 1 << 20), indexer::InputError);
}

TEST_CASE("an input stream reads lines of plain and gzip files alike", "[indexer][gzip]") {
    test::TempDir tmp;
    std::string text;
    for (int i = 0; i < 50000; ++i) text += "línea " + std::to_string(i) + "\r\n";
    text += "última sin salto";
    test::write_file(tmp / "plain.txt", text);
    // Two members, split in the middle of a line: a stream must read across them.
    const auto half = text.size() / 2;
    test::write_file(tmp / "two.gz",
                     test::gzip_bytes(text.substr(0, half)) + test::gzip_bytes(text.substr(half)));
    for (const char* name : {"plain.txt", "two.gz"}) {
        InputStream in(tmp / name);
        std::string line, last;
        std::size_t n = 0;
        while (in.read_line(line)) {
            if (n == 1234) CHECK(line == "línea 1234");
            last = line;
            ++n;
        }
        CHECK(n == 50001);
        CHECK(last == "última sin salto");
    }
    CHECK(InputStream(tmp / "two.gz").compressed());
    CHECK_THROWS_AS(InputStream(tmp / "missing"), indexer::InputError);
}

TEST_CASE("a truncated gzip stream is an error, not a silent end", "[indexer][gzip]") {
    test::TempDir tmp;
    std::string gz = test::gzip_bytes(std::string(100000, 'a').append("\n"));
    gz.resize(gz.size() - 10);
    test::write_file(tmp / "cut.gz", gz);
    InputStream in(tmp / "cut.gz");
    std::string line;
    CHECK_THROWS_AS(
        [&] {
            while (in.read_line(line)) {
            }
        }(),
        indexer::InputError);
}
