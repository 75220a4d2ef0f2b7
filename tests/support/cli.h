// Helpers for end-to-end tests: index with the real binary, search with --json.
#pragma once

#include "support/run.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace hemeroteca::test {

// Runs hemeroteca-index --db db inputs... (plus extra args).
RunResult index(const std::filesystem::path& db, const std::vector<std::string>& inputs,
                const std::vector<std::string>& extra = {});

// Runs hemeroteca-search --db db --json --limit 100 [extra...] query; the exit
// code is in `exit_code`, the parsed output in `json` (null when not JSON).
struct SearchOutput {
    int exit_code = -1;
    nlohmann::json json;
    std::string err;
    std::vector<std::string> urls() const;
    std::vector<std::string> titles() const;
};
SearchOutput search_json(const std::filesystem::path& db, const std::string& query,
                         const std::vector<std::string>& extra = {});

// corpus/ indexed by the real indexer into a temporary database, once per
// test process (removed at exit). Throws when indexing fails.
const std::filesystem::path& corpus_db();

// The number of documents in a database.
std::size_t doc_count(const std::filesystem::path& db);

} // namespace hemeroteca::test
