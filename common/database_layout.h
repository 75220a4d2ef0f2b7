// Where a database's parts are. A database in shards is a stub: Xapian's text
// file of `auto PATH` / `remote HOST:PORT` lines, or a folder holding one named
// XAPIANDB. Its "did you mean" dictionary is a database of its own beside the
// stub, `spelling` in the stub's folder: Xapian's remote backend has no
// spelling table (suggestions over xapian-tcpsrv would be silently empty), and
// one dictionary for all shards is what a searcher on another machine copies
// or replicates. A single database keeps its spelling data in itself.
#pragma once

#include <filesystem>
#include <string_view>

namespace hemeroteca::layout {

inline constexpr std::string_view kStubName = "XAPIANDB"; // Xapian's name for a stub in a folder
inline constexpr std::string_view kSpellingName = "spelling";

// The stub file of the database at `db`, or an empty path when `db` is a
// single database (or nothing yet).
std::filesystem::path stub_file(const std::filesystem::path& db);

// The spelling database of a database in shards (which may not exist yet), or
// an empty path for a single database.
std::filesystem::path spelling_database(const std::filesystem::path& db);

} // namespace hemeroteca::layout
