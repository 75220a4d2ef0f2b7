#include "pipeline/bounded_queue.h"
#include "pipeline/progress.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace hemeroteca::indexer;

TEST_CASE("a bounded queue never holds more than its capacity and drains after close",
          "[indexer][pipeline]") {
    BoundedQueue<int> q(3);
    std::atomic<int> pushed{0};
    std::thread producer([&] {
        for (int i = 0; i < 100; ++i) {
            q.push(i);
            ++pushed;
        }
        q.close();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(pushed.load() <= 3); // blocked: nobody pops
    int sum = 0, n = 0;
    while (auto v = q.pop()) {
        sum += *v;
        ++n;
    }
    producer.join();
    CHECK(n == 100);
    CHECK(sum == 4950);
    CHECK_FALSE(q.push(1)); // closed
    bool timed_out = false;
    CHECK_FALSE(q.pop_for(std::chrono::milliseconds(1), timed_out).has_value());
    CHECK_FALSE(timed_out);
}

TEST_CASE("the progress line shows rates, and a bar and ETA when the total is known", "[indexer][pipeline]") {
    const std::string known = progress_line({1500, 50'000'000, 100'000'000}, 10.0, 10);
    CHECK(known == "[#####.....]  50%  1,500 articles  150/s  5.0 MB/s  ETA 0:10");
    const std::string unknown = progress_line({42, 2'000'000, 0}, 2.0, 10);
    CHECK(unknown == "  42 articles  21/s  1.0 MB/s");
}
