#include "server/http_message.h"

namespace hemeroteca::search::server {

bool same_header_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::optional<std::string> Request::header(std::string_view name) const {
    for (const auto& [n, v] : headers)
        if (same_header_name(n, name)) return v;
    return std::nullopt;
}

void Response::set_header(std::string_view name, std::string value) {
    for (auto& [n, v] : headers)
        if (same_header_name(n, name)) {
            v = std::move(value);
            return;
        }
    headers.emplace_back(std::string(name), std::move(value));
}

std::optional<std::string> Response::header(std::string_view name) const {
    for (const auto& [n, v] : headers)
        if (same_header_name(n, name)) return v;
    return std::nullopt;
}

} // namespace hemeroteca::search::server
