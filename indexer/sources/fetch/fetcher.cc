#include "sources/fetch/fetcher.h"

#include "sources/http_response.h"
#include "version.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace hemeroteca::indexer::fetch {

struct Fetcher::Transfer {
    EasyHandle easy;
    Request request;
    std::string host;
    std::string head;
    std::string body;
    std::size_t max_bytes = 0;
    bool too_large = false;
};

namespace {

constexpr std::size_t kMaxRedirects = 5;
constexpr std::size_t kMaxRobotsBytes = 1 << 20; // decoded

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Fetcher::Transfer*>(user);
    if (t->body.size() + size * n > t->max_bytes) {
        t->too_large = true;
        return 0; // aborts the transfer
    }
    t->body.append(data, size * n);
    return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Fetcher::Transfer*>(user);
    const std::string_view line(data, size * n);
    if (line.substr(0, 5) == "HTTP/") t->head.clear(); // a new response (after a redirect or a 100)
    // curl removes the chunked coding; the archived headers must not announce it.
    std::string lower(line.substr(0, 18));
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower != "transfer-encoding:") t->head.append(line);
    return size * n;
}

bool retryable(CURLcode code, long status) {
    switch (code) {
    case CURLE_OK: return status >= 500;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE: return true;
    default: return false;
    }
}

} // namespace

std::string Fetcher::default_user_agent() {
    return std::string("hemeroteca-index/") + hemeroteca::version +
           " (news archive indexer; +https://github.com/hemeroteca/hemeroteca)";
}

Fetcher::Fetcher(const FetchOptions& options, std::function<bool()> stop, Callback on_done,
                 Observer on_exchange) :
    options_(options),
    user_agent_(options.user_agent.empty() ? default_user_agent() : options.user_agent),
    stop_(std::move(stop)), on_done_(std::move(on_done)), on_exchange_(std::move(on_exchange)),
    multi_(make_multi()) {}

Fetcher::~Fetcher() {
    for (auto& [easy, t] : active_) curl_multi_remove_handle(multi_.get(), easy);
}

bool Fetcher::add(Request request) {
    std::string host, path;
    if (!split_url(request.url, host, path)) return false;
    hosts_[host].queue.push_back(std::move(request));
    return true;
}

bool Fetcher::pending() const {
    return std::any_of(hosts_.begin(), hosts_.end(), [](const auto& h) { return !h.second.queue.empty(); });
}

void Fetcher::start_ready() {
    const auto now = Clock::now();
    for (auto& [name, host] : hosts_) {
        while (active_.size() < options_.concurrency && !host.busy && !host.queue.empty() &&
               now >= host.next) {
            if (host.robots == Host::Robots::unknown) {
                host.robots = Host::Robots::fetching;
                start(name,
                      Request{
                          Request::Purpose::robots, name + "/robots.txt", {}, host.robots_attempt, 0, 0, {}});
                break;
            }
            if (host.robots == Host::Robots::fetching) break;
            Request r = std::move(host.queue.front());
            host.queue.pop_front();
            std::string h, path;
            split_url(r.url, h, path);
            if (!host.rules.allowed(path)) {
                Response denied;
                denied.final_url = r.url;
                const std::string via = r.first_url.empty() ? std::string() : "redirected to " + r.url + ": ";
                if (!r.first_url.empty()) r.url = r.first_url;
                denied.request = std::move(r);
                denied.disallowed = true;
                denied.why_disallowed =
                    via + (host.robots_problem.empty() ? "disallowed by robots.txt" : host.robots_problem);
                on_done_(std::move(denied));
                continue;
            }
            start(name, std::move(r));
        }
    }
}

void Fetcher::start(const std::string& host, Request request) {
    auto t = std::make_unique<Transfer>();
    t->easy = make_easy();
    t->request = std::move(request);
    t->host = host;
    t->max_bytes = options_.max_page_mb << 20;
    CURL* e = t->easy.get();
    curl_easy_setopt(e, CURLOPT_URL, t->request.url.c_str());
    curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent_.c_str());
    // Redirects of pages and sitemaps are followed in finish(), through the target's
    // host (its robots.txt, its delay); robots.txt's own redirects by curl (RFC 9309).
    const bool robots = t->request.purpose == Request::Purpose::robots;
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, robots ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(kMaxRedirects));
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L); // kept as sent; decoded by http_response
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout * 1000));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::min(options_.connect_timeout, options_.timeout) * 1000));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->max_bytes));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_multi_add_handle(multi_.get(), e);
    hosts_[host].busy = true;
    active_.emplace(e, std::move(t));
}

void Fetcher::finish(Transfer* t, CURLcode code) {
    Host& host = hosts_[t->host];
    host.busy = false;
    const auto now = Clock::now();
    const double delay = std::max(options_.host_delay, std::min(host.rules.crawl_delay(), 30.0));
    host.next = now + std::chrono::milliseconds(static_cast<long>(delay * 1000));

    Response r;
    r.request = std::move(t->request);
    curl_easy_getinfo(t->easy.get(), CURLINFO_RESPONSE_CODE, &r.status);
    char* final_url = nullptr;
    curl_easy_getinfo(t->easy.get(), CURLINFO_EFFECTIVE_URL, &final_url);
    r.final_url = final_url ? final_url : r.request.url;
    if (code != CURLE_OK) {
        char buf[96];
        if (t->too_large || code == CURLE_FILESIZE_EXCEEDED)
            std::snprintf(buf, sizeof buf, "larger than %zu MB", options_.max_page_mb);
        else if (code == CURLE_OPERATION_TIMEDOUT)
            std::snprintf(buf, sizeof buf, "timed out after %g s", options_.timeout);
        else
            std::snprintf(buf, sizeof buf, "%s", curl_easy_strerror(code));
        r.error = buf;
    }
    r.head = std::move(t->head);
    r.body = std::move(t->body);
    if (code == CURLE_OK && r.status > 0 && on_exchange_) on_exchange_(r);

    if (r.request.purpose != Request::Purpose::robots && code == CURLE_OK && r.status >= 300 &&
        r.status < 400) {
        char* location = nullptr;
        curl_easy_getinfo(t->easy.get(), CURLINFO_REDIRECT_URL, &location);
        if (location && *location) {
            if (r.request.redirects >= kMaxRedirects) {
                r.error = "more than " + std::to_string(kMaxRedirects) + " redirects";
            } else {
                Request next = r.request;
                if (next.first_url.empty()) next.first_url = next.url;
                next.url = location;
                next.attempt = 0;
                ++next.redirects;
                if (add(std::move(next))) return; // on its own host's queue
                r.error = std::string("redirected to a URL that is not http(s): ") + location;
            }
        }
    }
    if (retryable(code, r.status) && !t->too_large && r.request.attempt < options_.retries) {
        const double backoff = options_.retry_delay * std::pow(2.0, static_cast<double>(r.request.attempt));
        ++r.request.attempt;
        host.next = now + std::chrono::milliseconds(static_cast<long>(backoff * 1000));
        if (r.request.purpose == Request::Purpose::robots) { // fetched again before any page of the host
            host.robots = Host::Robots::unknown;
            host.robots_attempt = r.request.attempt;
        } else {
            host.queue.push_front(std::move(r.request));
        }
        return;
    }
    if (r.request.purpose == Request::Purpose::robots) {
        host.robots = Host::Robots::ready;
        if (code == CURLE_OK && r.status >= 200 && r.status < 300) {
            try {
                host.rules =
                    RobotsRules::parse(parse_http_response(r.http(), kMaxRobotsBytes).body, "hemeroteca");
            } catch (const std::exception& e) { // e.g. gzip over the cap: never read as "allow all"
                host.rules = RobotsRules::disallow_all();
                host.robots_problem = std::string("not fetched: robots.txt is unreadable (") + e.what() + ")";
            }
        } else if (code == CURLE_OK && r.status >= 400 && r.status < 500) {
            host.rules = RobotsRules::allow_all();
        } else { // unreachable: RFC 9309 says assume complete disallow
            host.rules = RobotsRules::disallow_all();
            host.robots_problem = "not fetched: robots.txt is unreachable (" +
                                  (r.error.empty() ? "HTTP status " + std::to_string(r.status) : r.error) +
                                  ")";
        }
        return;
    }
    if (!r.request.first_url.empty()) r.request.url = r.request.first_url; // final_url: where it ended
    on_done_(std::move(r));
}

void Fetcher::run() {
    while (!stop_()) {
        start_ready();
        if (active_.empty()) {
            if (!pending()) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10)); // waiting for a host's delay
            continue;
        }
        int running = 0;
        curl_multi_perform(multi_.get(), &running);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            CURL* easy = msg->easy_handle;
            const CURLcode code = msg->data.result;
            curl_multi_remove_handle(multi_.get(), easy);
            auto node = active_.extract(easy);
            finish(node.mapped().get(), code);
        }
        if (!active_.empty()) curl_multi_poll(multi_.get(), nullptr, 0, 100, nullptr);
    }
}

} // namespace hemeroteca::indexer::fetch
