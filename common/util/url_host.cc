#include "util/url_host.h"

#include "util/strings.h"

#include <array>

namespace hemeroteca::util {

std::string url_host(std::string_view url) {
    std::string_view rest = url;
    if (const auto scheme = rest.find("://"); scheme != std::string_view::npos)
        rest.remove_prefix(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
    if (!rest.empty() && rest.front() != '[') rest = rest.substr(0, rest.find(':'));
    std::string host = ascii_lower(trim(rest));
    while (!host.empty() && host.back() == '.') host.pop_back();
    if (host.starts_with("www.")) host.erase(0, 4);
    return host;
}

std::vector<std::string> host_domains(std::string_view host) {
    std::vector<std::string> out;
    if (host.empty()) return out;
    out.emplace_back(host);
    for (std::size_t dot = host.find('.'); dot != std::string_view::npos; dot = host.find('.')) {
        host.remove_prefix(dot + 1);
        if (host.find('.') == std::string_view::npos) break; // "com" alone is no site
        out.emplace_back(host);
    }
    return out;
}

bool is_short_link_host(std::string_view host) {
    static constexpr std::array<std::string_view, 12> kShorteners = {
        "goo.gl",  "ow.ly", "bit.ly", "t.co",  "tinyurl.com", "buff.ly",
        "dlvr.it", "is.gd", "fb.me",  "wp.me", "lnkd.in",     "trib.al"};
    for (const auto s : kShorteners)
        if (host == s) return true;
    return false;
}

} // namespace hemeroteca::util
