// HttpTransport on its own (no database): a handler's streamed body arrives
// whole and chunked, a stream that throws cuts the answer off, and the
// handlers run on the workers while the I/O threads go on.
#include "server/transport.h"
#include "support/http_client.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace hemeroteca::search::server;
using hemeroteca::test::http_get;

namespace {

Response route(const Request& request) {
    Response res;
    res.set_header("Content-Type", "text/plain; charset=utf-8");
    if (request.path == "/stream") {
        auto next = std::make_shared<int>(0);
        res.stream = [next](std::string& out) {
            for (int i = 0; i < 100; ++i) out += "linea " + std::to_string((*next)++) + "\n";
            return *next < 10000;
        };
    } else if (request.path == "/broken") {
        auto calls = std::make_shared<int>(0);
        res.stream = [calls](std::string& out) -> bool {
            if (++*calls > 3) throw std::runtime_error("the database went away");
            out += std::string(1000, 'x');
            return true;
        };
    } else if (request.path == "/slow") {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        res.body = "late";
    } else {
        res.body = "q=" + request.param("q").value_or("");
    }
    return res;
}

} // namespace

TEST_CASE("transport: streamed bodies, parameters, workers", "[server][transport]") {
    ListenAddress address{"127.0.0.1", 0};
    Limits limits;
    HttpTransport transport(address, 4, limits, route);
    const std::string base = "http://127.0.0.1:" + std::to_string(transport.port());

    const auto plain = http_get(base + "/echo?q=a%20b+c");
    CHECK(plain.status == 200);
    CHECK(plain.body == "q=a b c");

    const auto streamed = http_get(base + "/stream");
    CHECK(streamed.status == 200);
    CHECK(streamed.headers.find("Transfer-Encoding: chunked") != std::string::npos);
    CHECK(streamed.body.size() > 100000);
    CHECK(streamed.body.rfind("linea 0\nlinea 1\n", 0) == 0);
    CHECK(streamed.body.ends_with("linea 9999\n"));

    // Cut off: the client sees an incomplete chunked body (curl reports an error).
    const auto broken = http_get(base + "/broken");
    CHECK((broken.status == 0 || broken.body.size() < 4000));

    // A slow handler holds one worker, not the server.
    std::thread slow([&] { CHECK(http_get(base + "/slow").body == "late"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto started = std::chrono::steady_clock::now();
    CHECK(http_get(base + "/echo?q=1").body == "q=1");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(1000));
    slow.join();
}
