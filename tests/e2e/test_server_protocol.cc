// hemeroteca-search serve's HTTP protocol, against the real server: methods
// (405 with Allow, OPTIONS), CORS only with --cors-origin, validators from the
// database revision (ETag, Last-Modified, 304), gzip when asked, Range
// ignored, request bodies capped, and the header deadline that closes a
// connection whose headers trickle in.
#include "support/cli.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/shared_data.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

using namespace hemeroteca::test;
using nlohmann::json;

namespace {

constexpr const char* kOrigin = "https://hemeroteca.example.org";

struct Fixture {
    TempDir tmp;
    std::filesystem::path db = tmp / "protocol.db";
    std::unique_ptr<ServerProcess> plain, cors;
    Fixture() {
        const auto r = index(db, {(source_dir() / "corpus").string()});
        if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
        plain = std::make_unique<ServerProcess>(db, std::vector<std::string>{"--header-timeout", "2"});
        cors = std::make_unique<ServerProcess>(db, std::vector<std::string>{"--cors-origin", kOrigin});
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}
const ServerProcess& server() { return *fixture().plain; }

// The value of a response header (case-insensitive name), "" when absent.
std::string header(const HttpResponse& r, const std::string& name) {
    std::string lower_headers = r.headers, lower_name = name + ":";
    for (auto& c : lower_headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto& c : lower_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = lower_headers.find("\n" + lower_name);
    if (at == std::string::npos) return {};
    const auto begin = r.headers.find_first_not_of(' ', at + 1 + lower_name.size());
    const auto end = r.headers.find('\r', begin);
    return r.headers.substr(begin, end - begin);
}

std::string gunzip(const std::string& data) {
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    std::string out;
    char buf[16384];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("not a gzip stream");
    return out;
}

// A raw TCP connection to the server on 127.0.0.1.
struct Socket {
    int fd = -1;
    explicit Socket(int port) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<uint16_t>(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) FAIL("cannot connect");
    }
    ~Socket() { close(fd); }
    bool send_text(const std::string& s) const { return ::send(fd, s.data(), s.size(), MSG_NOSIGNAL) >= 0; }
    // True when the server closed the connection within `ms` (EOF or reset).
    bool closed_within(int ms) const {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, ms) <= 0) return false;
        char c;
        return recv(fd, &c, 1, MSG_DONTWAIT) <= 0;
    }
};

} // namespace

TEST_CASE("methods: 405 with Allow for TRACE, POST...; OPTIONS 204 with Allow", "[e2e][server][protocol]") {
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "BREW"}) {
        INFO(method);
        const auto started = std::chrono::steady_clock::now();
        const HttpResponse r = http_request(server().url("/api/search?q=rusia"), method);
        CHECK(r.status == 405);
        CHECK(header(r, "Allow") == "GET, HEAD, OPTIONS");
        CHECK(r.content_type == "application/json; charset=utf-8");
        // Answered at once, without waiting for a body that may never come.
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    }
    const HttpResponse options = http_request(server().url("/api/search"), "OPTIONS");
    CHECK(options.status == 204);
    CHECK(header(options, "Allow") == "GET, HEAD, OPTIONS");
    CHECK(options.body.empty());

    const HttpResponse head = http_request(server().url("/api/search?q=rusia"), "HEAD");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
}

TEST_CASE("CORS: no Access-Control headers by default; --cors-origin answers its origin",
          "[e2e][server][protocol]") {
    const std::string origin = std::string("Origin: ") + kOrigin;
    const HttpResponse off = http_request(server().url("/api/search?q=rusia"), "GET", {origin});
    CHECK(off.status == 200);
    CHECK(off.headers.find("Access-Control-") == std::string::npos);
    const HttpResponse off_pre = http_request(server().url("/api/search?q=rusia"), "OPTIONS",
                                              {origin, "Access-Control-Request-Method: GET"});
    CHECK(off_pre.status == 204);
    CHECK(off_pre.headers.find("Access-Control-") == std::string::npos);

    const ServerProcess& cors = *fixture().cors;
    const HttpResponse on = http_request(cors.url("/api/search?q=rusia"), "GET", {origin});
    CHECK(on.status == 200);
    CHECK(header(on, "Access-Control-Allow-Origin") == kOrigin);
    CHECK(header(on, "Vary").find("Origin") != std::string::npos);
    const HttpResponse pre = http_request(cors.url("/api/search?q=rusia"), "OPTIONS",
                                          {origin, "Access-Control-Request-Method: GET"});
    CHECK(pre.status == 204);
    CHECK(header(pre, "Access-Control-Allow-Origin") == kOrigin);
    CHECK(header(pre, "Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS");
    CHECK(!header(pre, "Access-Control-Max-Age").empty());
    // Another origin gets nothing to go on.
    const HttpResponse other =
        http_request(cors.url("/api/search?q=rusia"), "GET", {"Origin: https://evil.example.com"});
    CHECK(other.status == 200);
    CHECK(other.headers.find("Access-Control-Allow-Origin") == std::string::npos);
}

TEST_CASE("ETag and Last-Modified from the database revision; 304 when unchanged",
          "[e2e][server][protocol]") {
    TempDir tmp;
    const auto db = tmp / "live.db";
    REQUIRE(index(db, {(source_dir() / "corpus").string()}).exit_code == 0);
    ServerProcess live(db);
    const std::string url = live.url("/api/search?q=gobierno");
    const HttpResponse first = http_get(url);
    REQUIRE(first.status == 200);
    const std::string etag = header(first, "ETag");
    const std::string modified = header(first, "Last-Modified");
    REQUIRE(!etag.empty());
    REQUIRE(modified.size() == 29); // "Tue, 01 Dec 2026 09:50:00 GMT"
    CHECK(header(first, "Cache-Control") == "no-cache");
    // Another request has another tag.
    CHECK(header(http_get(live.url("/api/search?q=rusia")), "ETag") != etag);

    const HttpResponse same = http_request(url, "GET", {"If-None-Match: " + etag});
    CHECK(same.status == 304);
    CHECK(same.body.empty());
    CHECK(http_request(url, "GET", {"If-Modified-Since: " + modified}).status == 304);
    CHECK(http_request(url, "GET", {"If-None-Match: \"something-else\""}).status == 200);
    CHECK(http_request(url, "GET", {"If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT"}).status == 200);
    // The page's files have validators of their own.
    const HttpResponse js = http_get(live.url("/static/app.js"));
    CHECK(http_request(live.url("/static/app.js"), "GET", {"If-None-Match: " + header(js, "ETag")}).status ==
          304);

    // A commit by the indexer changes the tag: the old one no longer matches.
    std::ofstream(tmp / "new.jsonl")
        << R"({"url": "https://example.org/gob", "title": "El gobierno nuevo", "date": "2026-11-01",)"
           R"( "source": "Diario de Pruebas", "text": "El gobierno anunció medidas."})"
        << '\n';
    REQUIRE(index(db, {(tmp / "new.jsonl").string()}).exit_code == 0);
    const HttpResponse after = http_request(url, "GET", {"If-None-Match: " + etag});
    CHECK(after.status == 200);
    CHECK(header(after, "ETag") != etag);
}

TEST_CASE("gzip when the client accepts it, with Vary", "[e2e][server][protocol]") {
    const std::string url = server().url("/api/search?q=gobierno&facets=1");
    const HttpResponse plain = http_get(url);
    REQUIRE(plain.status == 200);
    CHECK(header(plain, "Content-Encoding").empty());
    CHECK(header(plain, "Vary").find("Accept-Encoding") != std::string::npos);
    const HttpResponse zipped = http_request(url, "GET", {"Accept-Encoding: gzip, deflate"});
    REQUIRE(zipped.status == 200);
    CHECK(header(zipped, "Content-Encoding") == "gzip");
    CHECK(zipped.body.size() < plain.body.size());
    const json a = json::parse(plain.body), b = json::parse(gunzip(zipped.body));
    CHECK(a["results"] == b["results"]);
    CHECK(header(http_request(url, "GET", {"Accept-Encoding: gzip;q=0"}), "Content-Encoding").empty());
    const HttpResponse page = http_request(server().url("/static/app.js"), "GET", {"Accept-Encoding: gzip"});
    CHECK(header(page, "Content-Encoding") == "gzip");
    CHECK(gunzip(page.body).find("pushState") != std::string::npos);
}

TEST_CASE("Range is ignored: one whole answer however many ranges", "[e2e][server][protocol]") {
    std::string ranges = "Range: bytes=0-0";
    for (int i = 1; i < 2600; ++i) ranges += "," + std::to_string(i) + "-" + std::to_string(i);
    const HttpResponse whole = http_get(server().url("/static/app.js"));
    const HttpResponse r = http_request(server().url("/static/app.js"), "GET", {ranges});
    CHECK(r.status == 200);
    CHECK(r.body == whole.body);
}

TEST_CASE("request bodies: a GET body beyond 8 KB is 413", "[e2e][server][protocol]") {
    Socket s(server().port());
    s.send_text("GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
    char buf[512] = {};
    pollfd p{s.fd, POLLIN, 0};
    REQUIRE(poll(&p, 1, 5000) == 1);
    const std::string reply(buf,
                            static_cast<std::size_t>(std::max<ssize_t>(0, recv(s.fd, buf, sizeof buf, 0))));
    CHECK(reply.rfind("HTTP/1.1 413", 0) == 0);
}

TEST_CASE("a request whose headers trickle in is closed at the header deadline", "[e2e][server][protocol]") {
    // --header-timeout 2: one byte every 300 ms never completes the headers in time.
    Socket slow(server().port());
    const auto started = std::chrono::steady_clock::now();
    const std::string request =
        "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    bool closed = false;
    for (const char c : request) {
        if (!slow.send_text(std::string(1, c)) || slow.closed_within(300)) {
            closed = true;
            break;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(closed);
    CHECK(seconds < 4);
    CHECK(seconds > 1.5);
    // Meanwhile and after, others are answered.
    CHECK(http_get(server().url("/api/health")).status == 200);
    // An idle connection that sends nothing is closed too.
    Socket idle(server().port());
    CHECK(idle.closed_within(4000));
}

TEST_CASE("queries over a cost limit: 400 with the reason; out of time 503", "[e2e][server][limits]") {
    std::string many, phrase = "\"";
    for (int i = 0; i < 120; ++i) many += "w" + std::to_string(i) + " ";
    for (int i = 0; i < 40; ++i) phrase += "w" + std::to_string(i) + " ";
    phrase += "\"";
    const struct {
        std::string q;
        const char* error;
    } over[] = {
        {many, "the query is too costly: 120 words (at most 100)"},
        {phrase, "the query is too costly: a phrase of 40 words (at most 32)"},
        {"fecha:" + std::string(900, 'a'), "cannot understand the query: cannot read the date"},
    };
    for (const auto& c : over) {
        const HttpResponse r = http_get(server().url("/api/search?q=" + url_encode(c.q)));
        INFO(r.body);
        CHECK(r.status == 400);
        CHECK(json::parse(r.body)["error"].get<std::string>().rfind(c.error, 0) == 0);
    }
    ServerProcess narrow(fixture().db, {"--max-wildcard", "5"});
    const HttpResponse wild = http_get(narrow.url("/api/search?q=" + url_encode("a* b*") + "&facets=1"));
    CHECK(wild.status == 400);
    CHECK(json::parse(wild.body)["error"].get<std::string>().rfind(
              "the query is too costly: `a*` matches over 5 words", 0) == 0);
    CHECK(http_get(narrow.url("/api/search?q=gobierno")).status == 200);

    ServerProcess hurried(fixture().db, {"--time-limit", "0.000001"});
    const HttpResponse late = http_get(hurried.url("/api/search?q=gobierno&facets=1"));
    CHECK(late.status == 503);
    CHECK(header(late, "Retry-After") == "1");
    CHECK(json::parse(late.body)["error"].get<std::string>().rfind("the query took too long", 0) == 0);
    CHECK(http_get(hurried.url("/api/health")).status == 200);
}
