#include "dedup/near_duplicates.h"

#include "analysis/tokens.h"
#include "schema.h"
#include "util/hash.h"

#include <algorithm>
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

// Facts are stored as 4 bytes each, big-endian; at most this many of each kind (the smallest hashes).
constexpr std::size_t kMaxFacts = 400;

std::string encode_facts(const Facts& f) {
    std::string out;
    out.reserve(f.size() * 4);
    for (const auto v : f)
        for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
    return out;
}

Facts decode_facts(const std::string& s) {
    Facts out;
    out.reserve(s.size() / 4);
    for (std::size_t i = 0; i + 3 < s.size(); i += 4) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(s[i + k]);
        out.push_back(v);
    }
    return out;
}

bool has_digit(std::string_view s) { return s.find_first_of("0123456789") != std::string_view::npos; }

bool is_date_word(std::string_view term) {
    static constexpr std::array<std::string_view, 19> kWords = {
        "lunes",  "martes",     "miercoles", "jueves",    "viernes",  "sabado", "domingo",
        "enero",  "febrero",    "marzo",     "abril",     "mayo",     "junio",  "julio",
        "agosto", "septiembre", "octubre",   "noviembre", "diciembre"};
    for (const auto w : kWords)
        if (w == term) return true;
    return false;
}

bool starts_upper(std::string_view token) {
    Xapian::Utf8Iterator it(token.data(), token.size());
    return it != Xapian::Utf8Iterator() &&
           Xapian::Unicode::get_category(*it) == Xapian::Unicode::UPPERCASE_LETTER;
}

// Whether the token at `begin` starts a sentence (so its capital says nothing).
bool sentence_start(std::string_view text, std::size_t begin) {
    while (begin > 0) {
        const char c = text[begin - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '(' || c == '\'') {
            --begin;
            continue;
        }
        if (static_cast<unsigned char>(c) >= 0x80) { // «, ¿, ¡, “ ...: skip the whole character
            std::size_t lead = begin - 1;
            while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
            const std::string_view ch = text.substr(lead, begin - lead);
            if (ch == "«" || ch == "“" || ch == "¿" || ch == "¡" || ch == "\xc2\xa0") {
                begin = lead;
                continue;
            }
            return false;
        }
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
    }
    return true;
}

std::size_t count_missing(const Facts& from, const Facts& in, bool figures) {
    std::size_t n = 0;
    for (const auto v : from) {
        if (((v >> 31) != 0) != figures) continue;
        if (!std::binary_search(in.begin(), in.end(), v)) ++n;
    }
    return n;
}

} // namespace

Facts facts(std::string_view text, const analysis::Analyzer& analyzer) {
    Facts figures;
    Facts names;
    analysis::tokenize(text, [&](const analysis::Token& t) {
        const std::string term = analyzer.term(t.text);
        const auto h = static_cast<std::uint32_t>(util::Fnv1a64().field(term).value());
        if (has_digit(t.text) || is_date_word(term))
            figures.push_back(h | 0x80000000U);
        else if (starts_upper(t.text) && !sentence_start(text, t.begin) && !analyzer.is_stopword(term))
            names.push_back(h & 0x7FFFFFFFU);
    });
    Facts out;
    for (Facts* kind : {&figures, &names}) {
        std::sort(kind->begin(), kind->end());
        kind->erase(std::unique(kind->begin(), kind->end()), kind->end());
        if (kind->size() > kMaxFacts) kind->resize(kMaxFacts);
        out.insert(out.end(), kind->begin(), kind->end());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool same_facts(const Facts& a, const Facts& b) {
    // A figure or date on each side that the other lacks: two reports, not two copies.
    if (count_missing(a, b, true) > 0 && count_missing(b, a, true) > 0) return false;
    // Two or more names on each side: other people, other places.
    return std::min(count_missing(a, b, false), count_missing(b, a, false)) < 2;
}

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

const NearDuplicateIndex::Committed& NearDuplicateIndex::committed_entry(const Xapian::MSetIterator& hit) {
    const Xapian::docid did = *hit;
    if (const auto it = committed_.find(did); it != committed_.end()) return it->second;
    // A bound on memory for archives full of copies; what is dropped is read again.
    constexpr std::size_t kMaxCommitted = 50000;
    if (committed_.size() >= kMaxCommitted) committed_.clear();
    const Xapian::Document doc = hit.get_document();
    Committed c{decode(doc.get_value(schema::slot(schema::Slot::fingerprint))),
                decode_facts(doc.get_value(schema::slot(schema::Slot::facts))),
                doc.get_value(schema::slot(schema::Slot::cluster))};
    return committed_.emplace(did, std::move(c)).first->second;
}

Xapian::MSet NearDuplicateIndex::committed_candidates(const std::vector<std::string>& bands) {
    // One match for all the bands, not a posting list each: over remote shards
    // that is one round trip per shard (the shards answer in parallel) instead
    // of one per band and shard, and the candidates' values come in one fetch().
    // A bound for archives of boilerplate that shares every band.
    constexpr Xapian::doccount kMaxCandidates = 10000;
    Xapian::Enquire enquire(snapshot_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(0, kMaxCandidates);
    bool all_read = true;
    for (auto it = mset.begin(); it != mset.end() && all_read; ++it) all_read = committed_.count(*it) != 0;
    if (!all_read) mset.fetch();
    return mset;
}

void NearDuplicateIndex::replaced(Xapian::docid did) { committed_.erase(did); }

void add_fingerprint(Xapian::Document& doc, std::string_view text, const analysis::Analyzer& analyzer) {
    const auto sig = signature(text, analyzer);
    if (!sig) return;
    doc.add_value(schema::slot(schema::Slot::fingerprint), encode(*sig));
    doc.add_value(schema::slot(schema::Slot::facts), encode_facts(facts(text, analyzer)));
    for (std::size_t band = 0; band < kBands; ++band) doc.add_boolean_term(band_term(*sig, band));
}

Xapian::docid
NearDuplicateIndex::assign_cluster(Xapian::Document& doc, const std::string& own_key,
                                   const std::function<Xapian::docid(const std::string& cluster)>& place) {
    std::string cluster = own_key;
    Xapian::docid joined = 0;
    const auto sig = decode(doc.get_value(schema::slot(schema::Slot::fingerprint)));
    std::vector<std::string> bands;
    Facts own;
    if (sig) {
        own = decode_facts(doc.get_value(schema::slot(schema::Slot::facts)));
        double best = kMinSimilarity;
        const auto consider = [&](const Signature& other, const Facts& other_facts,
                                  const std::string& other_cluster, Xapian::docid other_did) {
            const double s = similarity(*sig, other);
            if (s >= best && !other_cluster.empty() && same_facts(own, other_facts)) {
                best = s;
                cluster = other_cluster;
                joined = other_did;
            }
        };
        for (std::size_t band = 0; band < kBands; ++band) bands.push_back(band_term(*sig, band));
        if (snapshot_.get_doccount() != 0) {
            const Xapian::MSet candidates = committed_candidates(bands);
            for (auto it = candidates.begin(); it != candidates.end(); ++it) {
                const Committed& other = committed_entry(it);
                if (other.signature) consider(*other.signature, other.facts, other.cluster, *it);
            }
        }
        for (const auto& term : bands)
            if (const auto it = pending_.find(term); it != pending_.end())
                for (const auto& e : it->second) consider(e.signature, e.facts, e.cluster, e.did);
        if (cluster == own_key) joined = 0; // its own earlier version, read again on an update
    }
    doc.add_value(schema::slot(schema::Slot::cluster), cluster);
    const Xapian::docid did = place(cluster);
    if (sig)
        for (const auto& term : bands) pending_[term].push_back({*sig, own, cluster, did});
    return joined;
}

} // namespace hemeroteca::dedup
