#include "server/searcher_pool.h"

#include <algorithm>

namespace hemeroteca::search::server {

SearcherPool::SearcherPool(std::size_t size, const std::vector<std::string>& db_paths,
                           const std::string& synonyms_file, bool use_synonyms) {
    // One lemma cache and one facet column per revision for every thread's searcher.
    const auto lemmas = std::make_shared<analysis::LemmaCache>();
    const auto columns = std::make_shared<SharedFacetColumns>();
    for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i)
        free_.push_back(std::make_unique<Searcher>(db_paths, synonyms_file, use_synonyms, lemmas, columns));
}

SearcherPool::Lease::~Lease() {
    if (searcher_) pool_->give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::borrow() {
    std::unique_ptr<Searcher> searcher;
    {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [this] { return !free_.empty(); });
        searcher = std::move(free_.back());
        free_.pop_back();
    }
    // The generation is read before reopening: an answer computed from an older
    // revision can then never be filed under a newer generation. (The Lease
    // exists before reopen() may throw, so the Searcher always comes back.)
    Lease lease(*this, std::move(searcher), generation_.load());
    // Cheap when nothing changed: reads the revision, keeps the open tables.
    if (lease->reopen()) lease.generation_ = generation_.fetch_add(1) + 1;
    return lease;
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(std::move(searcher));
    }
    available_.notify_one();
}

} // namespace hemeroteca::search::server
