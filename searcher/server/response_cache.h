// Recent API answers, reused while the database is unchanged. Keyed by the
// route and its canonical parameters; an entry counts only for the database
// generation it was computed on (SearcherPool::Lease::generation), so a commit
// by the indexer makes every older answer stale. Least recently used answers
// are dropped beyond a byte budget. Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace hemeroteca::search::server {

class ResponseCache {
public:
    explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    // The answer stored for `key` in this generation, if any.
    std::optional<std::string> get(const std::string& key, std::uint64_t generation);
    void put(const std::string& key, std::uint64_t generation, std::string body);

    bool enabled() const { return max_bytes_ > 0; }

private:
    struct Entry {
        std::string key;
        std::uint64_t generation;
        std::string body;
    };
    void evict_over_budget();

    std::mutex mutex_;
    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::list<Entry> lru_; // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

} // namespace hemeroteca::search::server
