// One HTML page on disk -> an extraction.
#pragma once

#include "extract/extractor.h"

#include <filesystem>

namespace hemeroteca::indexer {

// Reads and extracts the page. The article's origin is the path; without a
// URL, its stable id is the absolute path. Throws InputError.
extract::Extraction read_html_file(const std::filesystem::path& path, const extract::ExtractOptions& options);

} // namespace hemeroteca::indexer
