#include "sources/fetch/robots.h"

#include "util/strings.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace hemeroteca::indexer::fetch {

namespace {

// Does `pattern` match the start of `path`? "*" matches any run of characters and
// a final "$" anchors at the end (Google's robots.txt semantics). No backtracking:
// the set of positions in `path` the pattern so far can end at, one pass per
// pattern character, O(|pattern| x |path|) in the worst case (runs of "*" are
// one "*": see collapse_stars), where the recursive matcher was exponential.
bool matches(std::string_view pattern, std::string_view path) {
    std::vector<std::size_t> ends{0}; // sorted, distinct
    std::vector<std::size_t> next;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '$' && i + 1 == pattern.size()) return ends.back() == path.size();
        if (c == '*') { // from the first position on, every position
            const std::size_t from = ends.front();
            ends.clear();
            for (std::size_t p = from; p <= path.size(); ++p) ends.push_back(p);
            continue;
        }
        next.clear();
        for (const std::size_t p : ends)
            if (p < path.size() && path[p] == c) next.push_back(p + 1);
        if (next.empty()) return false;
        ends.swap(next);
    }
    return true;
}

// "a***b" matches what "a*b" matches.
std::string collapse_stars(std::string_view pattern) {
    std::string out;
    out.reserve(pattern.size());
    for (const char c : pattern)
        if (c != '*' || out.empty() || out.back() != '*') out += c;
    return out;
}

} // namespace

RobotsRules RobotsRules::disallow_all() {
    RobotsRules r;
    r.rules_.push_back({false, "/", 1});
    return r;
}

RobotsRules RobotsRules::parse(std::string_view text, std::string_view agent) {
    const std::string me = util::ascii_lower(agent);
    RobotsRules mine, star;
    bool have_mine = false, have_star = false;
    bool in_agents = false; // reading a run of User-agent lines
    bool group_mine = false, group_star = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string line(text.substr(pos, eol - pos));
        pos = eol + 1;
        if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string key = util::ascii_lower(util::trim(std::string_view(line).substr(0, colon)));
        const std::string value = util::trim(std::string_view(line).substr(colon + 1));
        if (key == "user-agent") {
            if (!in_agents) group_mine = group_star = false;
            in_agents = true;
            const std::string ua = util::ascii_lower(value);
            if (ua == "*")
                group_star = true;
            else if (!ua.empty() && me.find(ua) != std::string::npos)
                group_mine = true;
            have_mine |= group_mine;
            have_star |= group_star;
            continue;
        }
        in_agents = false;
        RobotsRules* target = group_mine ? &mine : group_star ? &star : nullptr;
        if (!target) continue;
        if (key == "allow" || key == "disallow") {
            if (value.empty()) continue; // "Disallow:" allows everything
            target->rules_.push_back({key == "allow", collapse_stars(value), value.size()});
        } else if (key == "crawl-delay") {
            try {
                target->crawl_delay_ = std::stod(value);
            } catch (const std::exception&) {
            }
        }
    }
    return have_mine ? mine : have_star ? star : RobotsRules();
}

bool RobotsRules::allowed(std::string_view path) const {
    if (path == "/robots.txt") return true;
    std::size_t best = 0;
    bool allow = true, found = false;
    for (const auto& rule : rules_) {
        if (!matches(rule.pattern, path)) continue;
        const std::size_t len = rule.length;
        if (!found || len > best || (len == best && rule.allow)) {
            best = len;
            allow = rule.allow;
            found = true;
        }
    }
    return allow;
}

bool split_url(std::string_view url, std::string& scheme_host, std::string& path) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return false;
    const std::string scheme = util::ascii_lower(url.substr(0, scheme_end));
    if (scheme != "http" && scheme != "https") return false;
    const auto host_start = scheme_end + 3;
    auto path_start = url.find_first_of("/?#", host_start);
    if (path_start == std::string_view::npos) path_start = url.size();
    if (path_start == host_start) return false;
    scheme_host = scheme + "://" + util::ascii_lower(url.substr(host_start, path_start - host_start));
    std::string rest(url.substr(path_start));
    if (const auto frag = rest.find('#'); frag != std::string::npos) rest.resize(frag);
    if (rest.empty() || rest[0] != '/') rest.insert(0, "/");
    path = rest;
    return true;
}

} // namespace hemeroteca::indexer::fetch
