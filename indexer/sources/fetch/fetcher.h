// A polite HTTP fetcher on libcurl's multi interface: up to N transfers at
// once but one per host, a delay between two requests to a host, robots.txt
// fetched first and honoured, timeouts, a size cap, redirects, gzip/deflate
// asked for and kept as sent (so a WARC archive holds the real response),
// redirects followed by the fetcher itself (each hop queued on its own host, so
// that host's robots.txt and delay apply to it; robots.txt itself by curl),
// retries with exponential backoff after a 5xx, a timeout or a dropped
// connection, and never after a 4xx.
#pragma once

#include "options.h"
#include "sources/fetch/curl_handles.h"
#include "sources/fetch/robots.h"

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace hemeroteca::indexer::fetch {

struct Request {
    enum class Purpose { page, sitemap, robots };
    Purpose purpose = Purpose::page;
    std::string url;
    std::string date_hint; // a page's news:publication_date
    std::size_t attempt = 0;
    std::size_t depth = 0;     // sitemaps: how many sitemap indexes led here
    std::size_t redirects = 0; // redirects followed to get here
    std::string first_url;     // after a redirect: the URL asked for ("" when none)
};

struct Response {
    Request request;
    std::string final_url;      // after redirects (request.url is the URL first asked for)
    long status = 0;            // 0 when no HTTP response came
    std::string head;           // status line and headers as received (last response of a redirect chain)
    std::string body;           // the payload as sent (content-coded when the server compressed it)
    std::string error;          // the transport error, "" when none
    bool disallowed = false;    // robots.txt forbids it: never requested
    std::string why_disallowed; // "disallowed by robots.txt", or why robots.txt could not be read

    // The whole HTTP response (head + body), as archived in a WARC record.
    std::string http() const { return head + body; }
};

class Fetcher {
public:
    using Callback = std::function<void(Response&&)>;
    using Observer = std::function<void(const Response&)>;

    // `on_done` gets each request's final outcome (after retries); `on_exchange`
    // every HTTP response received, retries and robots.txt included.
    Fetcher(const FetchOptions& options, std::function<bool()> stop, Callback on_done, Observer on_exchange);
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // Queues a request (callable from the callbacks). False when the URL is not http(s).
    bool add(Request request);
    // Runs until every request is done, or `stop` says so.
    void run();

    static std::string default_user_agent();

    struct Transfer; // one transfer in flight (defined in fetcher.cc)

private:
    struct Host {
        std::deque<Request> queue;
        bool busy = false;
        enum class Robots { unknown, fetching, ready } robots = Robots::unknown;
        RobotsRules rules;
        std::string robots_problem; // set when robots.txt was unreachable (then nothing is fetched)
        std::size_t robots_attempt = 0;
        std::chrono::steady_clock::time_point next{};
    };
    using Clock = std::chrono::steady_clock;

    void start_ready();
    void start(const std::string& host, Request request);
    void finish(Transfer* t, CURLcode code);
    bool pending() const;

    const FetchOptions& options_;
    std::string user_agent_;
    std::function<bool()> stop_;
    Callback on_done_;
    Observer on_exchange_;
    CurlGlobal global_;
    MultiHandle multi_;
    std::map<std::string, Host> hosts_;
    std::map<CURL*, std::unique_ptr<Transfer>> active_;
};

} // namespace hemeroteca::indexer::fetch
