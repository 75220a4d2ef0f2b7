#include "pipeline/shards.h"

#include "pipeline/index_writer.h"
#include "pipeline/shard_writers.h"
#include "schema.h"
#include "util/hash.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace hemeroteca::indexer {

namespace fs = std::filesystem;

namespace {

std::string shard_name(unsigned i) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%02u", i);
    return name;
}

bool is_database_folder(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec) ||
           fs::exists(dir / "iamhoney", ec);
}

// "remote HOST:PORT" (optionally followed by options such as -w / a timeout).
ShardLine parse_remote(const std::string& where, const std::string& spec) {
    const auto colon = spec.rfind(':');
    unsigned port = 0;
    if (colon == std::string::npos || colon == 0 ||
        std::from_chars(spec.data() + colon + 1, spec.data() + spec.size(), port).ec != std::errc{} ||
        port == 0 || port > 65535)
        throw DatabaseError(where + ": a remote shard is `remote HOST:PORT`, not `" + spec + "`");
    ShardLine line;
    line.kind = ShardLine::Kind::remote;
    line.host = spec.substr(0, colon);
    line.port = port;
    return line;
}

ShardLine local_line(std::string path) {
    ShardLine line;
    line.path = std::move(path);
    return line;
}

} // namespace

std::vector<ShardLine> shard_lines(const fs::path& path) {
    std::error_code ec;
    fs::path stub = path;
    if (!fs::exists(path, ec)) return {local_line(path.string())}; // a new single database
    if (fs::is_directory(path, ec)) {
        if (!fs::exists(path / layout::kStubName, ec)) return {local_line(path.string())};
        stub = path / layout::kStubName;
    }
    std::ifstream in(stub);
    if (!in) throw DatabaseError("cannot read " + stub.string());
    // A stub names other databases; its first bytes say so. Anything else is
    // a single database file (not a format Xapian 1.4 writes, but be exact).
    std::vector<ShardLine> lines;
    std::string text;
    std::size_t number = 0;
    while (std::getline(in, text)) {
        ++number;
        std::istringstream words(text);
        std::string kind, spec;
        words >> kind >> spec;
        if (kind.empty() || kind[0] == '#') continue;
        const std::string where = stub.string() + ":" + std::to_string(number);
        if (kind == "remote") {
            lines.push_back(parse_remote(where, spec));
            lines.back().writable = text.find(" -w") != std::string::npos;
        } else if (kind == "auto" || kind == "glass" || kind == "chert" || kind == "honey") {
            fs::path p = spec;
            if (p.is_relative()) p = stub.parent_path() / p;
            lines.push_back(local_line(p.lexically_normal().string()));
        } else {
            throw DatabaseError(where + ": unknown stub line `" + text + "`");
        }
    }
    if (lines.empty()) throw DatabaseError(stub.string() + " names no database");
    return lines;
}

void prepare_shards(const fs::path& dir, unsigned count) {
    if (count == 0 || count > 256) throw DatabaseError("--shards takes a number from 1 to 256");
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (is_database_folder(dir))
            throw DatabaseError(dir.string() +
                                " is a single database: split it into a new one with "
                                "--split-from " +
                                dir.string() + " --db NEW --shards " + std::to_string(count));
        if (!fs::exists(dir / layout::kStubName, ec)) {
            if (fs::is_directory(dir, ec) && fs::is_empty(dir, ec)) {
                // an empty folder: create the shards in it
            } else {
                throw DatabaseError(dir.string() + " exists and is not a Hemeroteca database");
            }
        } else {
            const auto lines = shard_lines(dir);
            if (lines.size() != count)
                throw DatabaseError(dir.string() + " has " + std::to_string(lines.size()) + " shards, not " +
                                    std::to_string(count));
            return;
        }
    }
    fs::create_directories(dir, ec);
    if (ec) throw DatabaseError("cannot create " + dir.string() + ": " + ec.message());
    std::string stub;
    for (unsigned i = 0; i < count; ++i) {
        try {
            Xapian::WritableDatabase((dir / shard_name(i)).string(), Xapian::DB_CREATE_OR_OPEN).commit();
        } catch (const Xapian::Error& e) {
            throw DatabaseError("cannot create " + (dir / shard_name(i)).string() + ": " + e.get_msg());
        }
        stub += "auto " + shard_name(i) + "\n";
    }
    // The stub last, written whole: a folder without it is not yet a database.
    const fs::path tmp = dir / (std::string(layout::kStubName) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << stub;
        if (!out.flush()) throw DatabaseError("cannot write " + tmp.string());
    }
    fs::rename(tmp, dir / layout::kStubName, ec);
    if (ec) throw DatabaseError("cannot write " + (dir / layout::kStubName).string() + ": " + ec.message());
}

ShardRouter::ShardRouter(unsigned shards, Xapian::docid last_docid) : next_(std::max(1u, shards)) {
    const unsigned n = this->shards();
    // The first docid above last_docid in each shard s: d with (d - 1) % n == s.
    for (unsigned s = 0; s < n; ++s) {
        const Xapian::docid base = last_docid - last_docid % n; // a multiple of n, <= last
        Xapian::docid d = base + s + 1;
        if (d <= last_docid) d += n;
        next_[s] = d;
    }
}

Xapian::docid ShardRouter::next(std::string_view cluster) {
    const unsigned n = shards();
    const unsigned s = n == 1 ? 0 : static_cast<unsigned>(util::Fnv1a64().add(cluster).value() % n);
    const Xapian::docid d = next_[s];
    if (d > std::numeric_limits<Xapian::docid>::max() - n)
        throw DatabaseError("the database has run out of document ids");
    next_[s] = d + n;
    return d;
}

std::size_t copy_database(const std::string& from, ShardWriters& to, Xapian::WritableDatabase& spelling,
                          ShardRouter& router, std::size_t batch, const std::function<bool()>& stop) {
    Xapian::Database source;
    try {
        source = Xapian::Database(from);
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot open the database " + from + ": " + e.get_msg());
    }
    // The copies' marks come with the articles; a source without them must not be
    // taken for one with them, even when the copy stops early.
    const std::string marked(schema::metadata_copies_marked_key);
    to.set_metadata(marked, source.get_metadata(marked));
    std::size_t copied = 0;
    const Xapian::valueno cluster = schema::slot(schema::Slot::cluster);
    for (auto it = source.postlist_begin({}); it != source.postlist_end({}); ++it) {
        if (stop()) {
            to.commit();
            return copied;
        }
        Xapian::Document doc = detached(source.get_document(*it)); // it goes to another thread
        const Xapian::docid did = router.next(doc.get_value(cluster));
        to.replace(did, std::move(doc));
        if (++copied % batch == 0) to.commit();
    }
    for (auto it = source.metadata_keys_begin(); it != source.metadata_keys_end(); ++it)
        to.set_metadata(*it, source.get_metadata(*it));
    to.commit();
    for (auto it = source.spellings_begin(); it != source.spellings_end(); ++it)
        spelling.add_spelling(*it, it.get_termfreq());
    spelling.commit();
    return copied;
}

} // namespace hemeroteca::indexer
