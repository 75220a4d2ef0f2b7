#include "analysis/lemma_cache.h"

#include <mutex>

namespace hemeroteca::analysis {

std::optional<std::string> LemmaCache::find(const std::string& word) {
    std::optional<std::string> old;
    {
        const std::shared_lock<std::shared_mutex> read(lock_);
        if (const auto it = newer_.find(word); it != newer_.end()) return it->second;
        const auto it = older_.find(word);
        if (it == older_.end()) return std::nullopt;
        old = it->second;
    }
    add(word, *old); // still in use: into the generation that stays
    return old;
}

void LemmaCache::add(const std::string& word, const std::string& lemma) {
    const std::unique_lock<std::shared_mutex> write(lock_);
    if (newer_.size() >= generation_) {
        older_ = std::move(newer_);
        newer_.clear();
    }
    newer_.insert_or_assign(word, lemma);
}

} // namespace hemeroteca::analysis
