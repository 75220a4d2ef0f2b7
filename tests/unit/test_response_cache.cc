// The server's response cache: answers reused only within their database
// generation, least recently used dropped beyond the byte budget.
#include "server/response_cache.h"

#include <catch2/catch.hpp>

using hemeroteca::search::server::ResponseCache;

TEST_CASE("response cache: a hit within the generation, a miss after a commit", "[server][cache]") {
    ResponseCache cache(1 << 20);
    CHECK_FALSE(cache.get("/api/search\nq=rusia", 0));
    cache.put("/api/search\nq=rusia", 0, "{\"total\":2}");
    CHECK(cache.get("/api/search\nq=rusia", 0) == std::optional<std::string>("{\"total\":2}"));
    CHECK_FALSE(cache.get("/api/search\nq=rusia", 1)); // the indexer committed since
    CHECK_FALSE(cache.get("/api/search\nq=ucrania", 0));
    cache.put("/api/search\nq=rusia", 1, "{\"total\":3}");
    cache.put("/api/search\nq=rusia", 0, "{\"total\":2}"); // a slow answer from before: ignored
    CHECK(cache.get("/api/search\nq=rusia", 1) == std::optional<std::string>("{\"total\":3}"));
}

TEST_CASE("response cache: the least recently used answers go beyond the budget", "[server][cache]") {
    ResponseCache cache(400);
    const std::string body(90, 'x');
    cache.put("a", 0, body);
    cache.put("b", 0, body);
    cache.put("c", 0, body);
    CHECK(cache.get("a", 0)); // a is now the most recent
    cache.put("d", 0, body);
    cache.put("e", 0, body); // over 400 bytes: b, the least recent, goes
    CHECK_FALSE(cache.get("b", 0));
    CHECK(cache.get("a", 0));
    CHECK(cache.get("e", 0));
    cache.put("huge", 0, std::string(200, 'y')); // more than a quarter of the budget: not kept
    CHECK_FALSE(cache.get("huge", 0));
}

TEST_CASE("response cache: size 0 keeps nothing", "[server][cache]") {
    ResponseCache cache(0);
    CHECK_FALSE(cache.enabled());
    cache.put("a", 0, "x");
    CHECK_FALSE(cache.get("a", 0));
}
