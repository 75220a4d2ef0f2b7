// robots.txt (RFC 9309): the rules of the group for our user agent (else the
// "*" group), Allow/Disallow by longest match with "*" and "$", and
// Crawl-delay. A missing robots.txt (4xx) allows everything; an unreachable
// one (5xx, network error) disallows everything, as the RFC asks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::indexer::fetch {

class RobotsRules {
public:
    static RobotsRules allow_all() { return RobotsRules(); }
    static RobotsRules disallow_all();
    // Parses a robots.txt body for the agent whose product token is `agent` ("hemeroteca").
    static RobotsRules parse(std::string_view text, std::string_view agent);

    // `path_and_query` starts with "/".
    bool allowed(std::string_view path_and_query) const;
    double crawl_delay() const { return crawl_delay_; } // seconds, 0 when not given

private:
    struct Rule {
        bool allow;
        std::string pattern; // runs of "*" made one
        std::size_t length;  // as written (the longest match wins)
    };
    std::vector<Rule> rules_;
    double crawl_delay_ = 0;
};

// "https://a.example:8080/x/y?q" → host "a.example:8080", path "/x/y?q". False when not http(s).
bool split_url(std::string_view url, std::string& scheme_host, std::string& path);

} // namespace hemeroteca::indexer::fetch
