// Near-duplicate detection at index time: one wire story in several outlets,
// two crawls of one page. Each body gets a MinHash signature over its word
// 3-grams (kHashes values); its kBands bands of kRows values become boolean
// terms, so candidates are found with term lookups (LSH). A candidate whose
// signature agrees on at least kMinSimilarity of the values (an estimate of
// the Jaccard similarity of the two texts) shares its cluster key
// (Slot::cluster), on which the searcher collapses — unless their facts differ:
// templated reports (the same sentences every day, «se registraron 1.234 nuevos
// casos» one day and «987 nuevos casos» the next) share most 3-grams but are
// different stories. Each body also keeps its facts (figures, dates, weekday and
// month names, capitalised names; Slot::facts), and two bodies are copies only
// when neither has a figure or date the other lacks on both sides, nor two or
// more names each that the other lacks (an outlet's credit or dateline is one).
#pragma once

#include "analysis/analyzer.h"

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hemeroteca::dedup {

inline constexpr std::size_t kBands = 20;
inline constexpr std::size_t kRows = 5;
inline constexpr std::size_t kHashes = kBands * kRows;
inline constexpr double kMinSimilarity = 0.6;
inline constexpr std::size_t kMinWords = 60; // shorter texts (teasers) are never grouped

using Signature = std::vector<std::uint32_t>; // kHashes values

// The MinHash signature of a text's word 3-grams, or nullopt when too short.
std::optional<Signature> signature(std::string_view text, const analysis::Analyzer& analyzer);

// The share of equal values: an estimate of the Jaccard similarity.
double similarity(const Signature& a, const Signature& b);

// A body's facts: sorted distinct hashes, the top bit set for figures and dates, clear for names.
using Facts = std::vector<std::uint32_t>;
Facts facts(std::string_view text, const analysis::Analyzer& analyzer);
// Whether two bodies with similar signatures can be copies of one story (see above).
bool same_facts(const Facts& a, const Facts& b);

// Stores the text's signature in the document (Slot::fingerprint and the band
// terms). Independent of the database: runs on the extraction workers.
void add_fingerprint(Xapian::Document& doc, std::string_view text, const analysis::Analyzer& analyzer);

// Finds the cluster of each new article among those already indexed: the
// committed ones through the writer's read-only snapshot of the database (one
// boolean match of the band terms: one round trip per remote shard), the ones
// written since the last commit through memory. Used by the one writer, in the
// order documents are written.
class NearDuplicateIndex {
public:
    // `snapshot` is the last commit, owned and reopened by the writer; it must outlive this.
    explicit NearDuplicateIndex(const Xapian::Database& snapshot) : snapshot_(snapshot) {}

    // Sets Slot::cluster on `doc` (which went through add_fingerprint): the
    // cluster of the most similar near-duplicate already indexed, else `own_key`.
    // `place` gives the docid the document will be written as, from its cluster
    // key. Returns the docid of the near-duplicate whose cluster it joined, 0
    // when it keeps its own.
    Xapian::docid assign_cluster(Xapian::Document& doc, const std::string& own_key,
                                 const std::function<Xapian::docid(const std::string& cluster)>& place);

    // The writer committed and reopened the snapshot: forget what memory held.
    void committed() { pending_.clear(); }

    // The writer replaces the committed document `did`: what was read of it is stale.
    void replaced(Xapian::docid did);

private:
    struct Entry {
        Signature signature;
        Facts facts;
        std::string cluster;
        Xapian::docid did;
    };
    // A committed document's signature (nullopt if it has none) and cluster,
    // read from the snapshot once: copies of one story meet each other in
    // every band, and get_document + decoding was most of the writer's time.
    struct Committed {
        std::optional<Signature> signature;
        Facts facts;
        std::string cluster;
    };
    const Committed& committed_entry(const Xapian::MSetIterator& hit);
    // The committed documents that share a band term with the new one, in docid order.
    Xapian::MSet committed_candidates(const std::vector<std::string>& bands);

    const Xapian::Database& snapshot_;
    std::unordered_map<std::string, std::vector<Entry>> pending_; // band term -> entries
    std::unordered_map<Xapian::docid, Committed> committed_;      // docid -> what the snapshot holds
};

} // namespace hemeroteca::dedup
