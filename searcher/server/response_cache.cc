#include "server/response_cache.h"

namespace hemeroteca::search::server {

std::optional<std::string> ResponseCache::get(const std::string& key, std::uint64_t generation) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end() || it->second->generation != generation) return std::nullopt;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->body;
}

void ResponseCache::put(const std::string& key, std::uint64_t generation, std::string body) {
    const std::size_t size = key.size() + body.size();
    if (!enabled() || size > max_bytes_ / 4) return;
    std::lock_guard lock(mutex_);
    if (const auto it = index_.find(key); it != index_.end()) {
        if (it->second->generation > generation) return; // a newer answer is there already
        bytes_ -= it->second->key.size() + it->second->body.size();
        lru_.erase(it->second);
        index_.erase(it);
    }
    lru_.push_front({key, generation, std::move(body)});
    index_.emplace(key, lru_.begin());
    bytes_ += size;
    evict_over_budget();
}

void ResponseCache::evict_over_budget() {
    while (bytes_ > max_bytes_ && !lru_.empty()) {
        const Entry& last = lru_.back();
        bytes_ -= last.key.size() + last.body.size();
        index_.erase(last.key);
        lru_.pop_back();
    }
}

} // namespace hemeroteca::search::server
