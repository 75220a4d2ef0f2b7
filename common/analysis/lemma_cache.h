// Lemmas already found, shared by the threads of one process (the server's
// searchers, the indexer's workers). A dictionary look-up costs tens of
// microseconds (each accent a folded word may have had is tried); news repeats
// its words, so each is looked up once for every thread instead of once per
// thread, and one bounded table is kept instead of one per thread.
//
// Bounded in two generations: when the newer one is full the older is dropped
// and the newer takes its place, so the words in use stay and memory is flat.
#pragma once

#include <cstddef>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace hemeroteca::analysis {

class LemmaCache {
public:
    // At most about 2 × `generation` words (each some 100 bytes).
    explicit LemmaCache(std::size_t generation = 200000) : generation_(generation) {}
    LemmaCache(const LemmaCache&) = delete;
    LemmaCache& operator=(const LemmaCache&) = delete;

    std::optional<std::string> find(const std::string& word);
    void add(const std::string& word, const std::string& lemma);

private:
    const std::size_t generation_;
    std::shared_mutex lock_;
    std::unordered_map<std::string, std::string> newer_;
    std::unordered_map<std::string, std::string> older_;
};

} // namespace hemeroteca::analysis
