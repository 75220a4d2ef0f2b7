#include "dedup/near_duplicates.h"

#include "analysis/tokens.h"
#include "schema.h"
#include "util/hash.h"

#include <array>
#include <cstdio>
#include <limits>

namespace hemeroteca::dedup {

namespace {

// Fixed pseudo-random odd multipliers and offsets: the same permutations on every run.
struct Permutations {
    std::array<std::uint64_t, kHashes> mul{};
    std::array<std::uint64_t, kHashes> add{};
    Permutations() {
        std::uint64_t state = 0x9E3779B97F4A7C15ULL;
        const auto next = [&state] { // splitmix64
            std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            return z ^ (z >> 31);
        };
        for (std::size_t i = 0; i < kHashes; ++i) {
            mul[i] = next() | 1;
            add[i] = next();
        }
    }
};

const Permutations& permutations() {
    static const Permutations p;
    return p;
}

std::string encode(const Signature& sig) {
    std::string out;
    out.reserve(sig.size() * 8);
    char buf[16];
    for (const auto v : sig) {
        std::snprintf(buf, sizeof buf, "%08x", v);
        out += buf;
    }
    return out;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<Signature> decode(const std::string& s) {
    if (s.size() != kHashes * 8) return std::nullopt;
    Signature sig(kHashes);
    for (std::size_t i = 0; i < kHashes; ++i) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 8; ++k) {
            const int d = hex_digit(s[i * 8 + k]);
            if (d < 0) return std::nullopt;
            v = (v << 4) | static_cast<std::uint32_t>(d);
        }
        sig[i] = v;
    }
    return sig;
}

std::string band_term(const Signature& sig, std::size_t band) {
    util::Fnv1a64 h;
    for (std::size_t r = 0; r < kRows; ++r) {
        const std::uint32_t v = sig[band * kRows + r];
        h.add(std::string_view(reinterpret_cast<const char*>(&v), sizeof v));
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02zu%08llx", band,
                  static_cast<unsigned long long>(h.value() & 0xFFFFFFFFULL));
    return std::string(schema::prefix::simhash_band) + buf;
}

} // namespace

std::optional<Signature> signature(std::string_view text, const analysis::Analyzer& analyzer) {
    std::vector<std::string> words;
    analysis::tokenize(text, [&](const analysis::Token& t) { words.push_back(analyzer.term(t.text)); });
    if (words.size() < kMinWords) return std::nullopt;
    const Permutations& p = permutations();
    std::array<std::uint64_t, kHashes> mins;
    mins.fill(std::numeric_limits<std::uint64_t>::max());
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        const std::uint64_t x =
            util::Fnv1a64().field(words[i]).field(words[i + 1]).field(words[i + 2]).value();
        for (std::size_t k = 0; k < kHashes; ++k) mins[k] = std::min(mins[k], x * p.mul[k] + p.add[k]);
    }
    Signature sig(kHashes);
    for (std::size_t k = 0; k < kHashes; ++k) sig[k] = static_cast<std::uint32_t>(mins[k] >> 32);
    return sig;
}

double similarity(const Signature& a, const Signature& b) {
    if (a.size() != b.size() || a.empty()) return 0;
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
    return static_cast<double>(same) / static_cast<double>(a.size());
}

NearDuplicateIndex::NearDuplicateIndex(std::string db_path) : path_(std::move(db_path)) { committed(); }

void NearDuplicateIndex::committed() {
    pending_.clear();
    try {
        snapshot_ = Xapian::Database(path_);
        has_snapshot_ = true;
    } catch (const Xapian::DatabaseOpeningError&) {
        has_snapshot_ = false; // nothing committed yet
    }
}

const NearDuplicateIndex::Committed& NearDuplicateIndex::committed_entry(Xapian::docid did) {
    if (const auto it = committed_.find(did); it != committed_.end()) return it->second;
    // A bound on memory for archives full of copies; what is dropped is read again.
    constexpr std::size_t kMaxCommitted = 50000;
    if (committed_.size() >= kMaxCommitted) committed_.clear();
    const Xapian::Document doc = snapshot_.get_document(did);
    Committed c{decode(doc.get_value(schema::slot(schema::Slot::fingerprint))),
                doc.get_value(schema::slot(schema::Slot::cluster))};
    return committed_.emplace(did, std::move(c)).first->second;
}

void NearDuplicateIndex::replaced(Xapian::docid did) { committed_.erase(did); }

void add_fingerprint(Xapian::Document& doc, std::string_view text, const analysis::Analyzer& analyzer) {
    const auto sig = signature(text, analyzer);
    if (!sig) return;
    doc.add_value(schema::slot(schema::Slot::fingerprint), encode(*sig));
    for (std::size_t band = 0; band < kBands; ++band) doc.add_boolean_term(band_term(*sig, band));
}

void NearDuplicateIndex::assign_cluster(Xapian::Document& doc, const std::string& own_key) {
    std::string cluster = own_key;
    if (const auto sig = decode(doc.get_value(schema::slot(schema::Slot::fingerprint)))) {
        double best = kMinSimilarity;
        const auto consider = [&](const Signature& other, const std::string& other_cluster) {
            const double s = similarity(*sig, other);
            if (s >= best && !other_cluster.empty()) {
                best = s;
                cluster = other_cluster;
            }
        };
        std::vector<std::string> bands;
        for (std::size_t band = 0; band < kBands; ++band) bands.push_back(band_term(*sig, band));
        for (const auto& term : bands) {
            if (const auto it = pending_.find(term); it != pending_.end())
                for (const auto& e : it->second) consider(e.signature, e.cluster);
            if (!has_snapshot_) continue;
            for (auto it = snapshot_.postlist_begin(term); it != snapshot_.postlist_end(term); ++it) {
                const Committed& other = committed_entry(*it);
                if (other.signature) consider(*other.signature, other.cluster);
            }
        }
        for (const auto& term : bands) pending_[term].push_back({*sig, cluster});
    }
    doc.add_value(schema::slot(schema::Slot::cluster), cluster);
}

} // namespace hemeroteca::dedup
