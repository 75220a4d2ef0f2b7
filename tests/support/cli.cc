#include "support/cli.h"

#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <xapian.h>

#include <stdexcept>

namespace hemeroteca::test {

RunResult index(const std::filesystem::path& db, const std::vector<std::string>& inputs,
                const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {index_bin(), "--db", db.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    return run(argv);
}

SearchOutput search_json(const std::filesystem::path& db, const std::string& query,
                         const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {search_bin(), "--db", db.string(), "--json", "--limit", "100"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back("--");
    argv.push_back(query);
    const RunResult r = run(argv);
    SearchOutput out;
    out.exit_code = r.exit_code;
    out.err = r.err;
    out.json = nlohmann::json::parse(r.out, nullptr, false);
    return out;
}

std::vector<std::string> SearchOutput::urls() const {
    std::vector<std::string> out;
    if (json.is_object())
        for (const auto& hit : json["results"]) out.push_back(hit["url"].get<std::string>());
    return out;
}

std::vector<std::string> SearchOutput::titles() const {
    std::vector<std::string> out;
    if (json.is_object())
        for (const auto& hit : json["results"]) out.push_back(hit["title"].get<std::string>());
    return out;
}

const std::filesystem::path& corpus_db() {
    static const TempDir tmp;
    static const std::filesystem::path db = [] {
        const auto path = tmp / "corpus.db";
        const auto r = index(path, {(source_dir() / "corpus").string()});
        if (r.exit_code != 0) throw std::runtime_error("indexing corpus/ failed: " + r.err);
        return path;
    }();
    return db;
}

std::size_t doc_count(const std::filesystem::path& db) {
    return Xapian::Database(db.string()).get_doccount();
}

} // namespace hemeroteca::test
