// A blocking queue with a fixed capacity: producers wait while it is full, so
// memory stays flat whatever the corpus size. close() wakes everyone; pop()
// drains what is left, then reports the end.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace hemeroteca::indexer {

template <typename T> class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

    // Waits for room; false (and the item dropped) when the queue is closed.
    bool push(T item) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
        if (closed_) return false;
        items_.push_back(std::move(item));
        not_empty_.notify_one();
        return true;
    }

    // Waits for an item; nullopt when the queue is closed and empty.
    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
        return take(lock);
    }

    // Like pop(), but gives up after `timeout`: then `timed_out` is set.
    std::optional<T> pop_for(std::chrono::milliseconds timeout, bool& timed_out) {
        std::unique_lock lock(mutex_);
        timed_out = !not_empty_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); });
        if (timed_out) return std::nullopt;
        return take(lock);
    }

    // No more pushes; pop() returns what is left, then nullopt.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_full_.notify_all();
        not_empty_.notify_all();
    }

private:
    std::optional<T> take(std::unique_lock<std::mutex>&) {
        if (items_.empty()) return std::nullopt;
        std::optional<T> item(std::move(items_.front()));
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }

    std::mutex mutex_;
    std::condition_variable not_full_, not_empty_;
    std::deque<T> items_;
    std::size_t capacity_;
    bool closed_ = false;
};

} // namespace hemeroteca::indexer
