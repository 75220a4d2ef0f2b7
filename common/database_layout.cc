#include "database_layout.h"

#include <array>
#include <fstream>
#include <string>

namespace hemeroteca::layout {

namespace fs = std::filesystem;

namespace {

// A stub's first line names a backend; a single-file database starts with
// binary magic instead.
bool looks_like_stub(const fs::path& file) {
    std::ifstream in(file);
    std::string first;
    in >> first;
    constexpr std::array<std::string_view, 6> kKinds = {"auto",  "glass",  "chert",
                                                        "honey", "remote", "inmemory"};
    for (const auto kind : kKinds)
        if (first == kind) return true;
    return !first.empty() && first[0] == '#';
}

} // namespace

fs::path stub_file(const fs::path& db) {
    std::error_code ec;
    if (fs::is_directory(db, ec)) {
        const fs::path stub = db / kStubName;
        return fs::is_regular_file(stub, ec) ? stub : fs::path();
    }
    return fs::is_regular_file(db, ec) && looks_like_stub(db) ? db : fs::path();
}

fs::path spelling_database(const fs::path& db) {
    const fs::path stub = stub_file(db);
    return stub.empty() ? fs::path() : stub.parent_path() / kSpellingName;
}

} // namespace hemeroteca::layout
