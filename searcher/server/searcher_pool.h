// Searchers shared by the server's worker threads. Xapian objects are not
// thread-safe, so each request borrows a Searcher of its own for as long as it
// runs, and gives it back when the Lease goes out of scope. A Searcher is
// reopened when it is borrowed, so what the indexer committed is seen at once;
// each reopen that finds a new revision starts a new generation (for the
// response cache: an answer is only reused within its generation).
#pragma once

#include "search.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hemeroteca::search::server {

class SearcherPool {
public:
    // Opens `size` Searchers on the databases. Throws DatabaseError, RequestError.
    SearcherPool(std::size_t size, const std::vector<std::string>& db_paths, const std::string& synonyms_file,
                 bool use_synonyms);

    class Lease {
    public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher, std::uint64_t generation) :
            pool_(&pool), searcher_(std::move(searcher)), generation_(generation) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        ~Lease();
        Searcher& operator*() const { return *searcher_; }
        Searcher* operator->() const { return searcher_.get(); }
        // The database generation this Searcher reads.
        std::uint64_t generation() const { return generation_; }

    private:
        friend class SearcherPool;
        SearcherPool* pool_;
        std::unique_ptr<Searcher> searcher_;
        std::uint64_t generation_;
    };

    // Waits for a free Searcher, reopened at the latest revision.
    Lease borrow();

private:
    void give_back(std::unique_ptr<Searcher> searcher);

    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Searcher>> free_;
    std::atomic<std::uint64_t> generation_{0};
};

} // namespace hemeroteca::search::server
