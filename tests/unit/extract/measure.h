// Helpers for the tests that measure extraction on the shared real pages.
#pragma once

#include "extract/extractor.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace hemeroteca::test {

std::string read_file(const std::filesystem::path& path);

// Token-level precision, recall and F1 of `got` against `expected` (folded words, multiset).
struct TokenScore {
    double precision = 0, recall = 0, f1 = 0;
};
TokenScore token_f1(std::string_view got, std::string_view expected);

// Whitespace collapsed and trimmed, for comparing snippets and titles.
std::string squash(std::string_view s);

// extract_article on a file with an optional URL.
extract::Extraction extract_file(const std::filesystem::path& path, const std::string& url = {});

} // namespace hemeroteca::test
