#include "server/static_assets.h"

namespace hemeroteca::search::server {

namespace {

std::string_view content_type(std::string_view name) {
    const auto ends_with = [&](std::string_view ext) { return name.ends_with(ext); };
    if (ends_with(".html")) return "text/html; charset=utf-8";
    if (ends_with(".css")) return "text/css; charset=utf-8";
    if (ends_with(".js")) return "text/javascript; charset=utf-8";
    if (ends_with(".svg")) return "image/svg+xml; charset=utf-8";
    return "application/octet-stream";
}

std::optional<Asset> named(std::string_view name) {
    for (const auto& file : embedded_files())
        if (file.name == name) return Asset{file.content, content_type(name)};
    return std::nullopt;
}

} // namespace

std::optional<Asset> find_asset(std::string_view url_path) {
    if (url_path == "/" || url_path == "/index.html") return named("index.html");
    // The article view (/articulo/ID) is the page's own route: the page reads the id from its URL.
    constexpr std::string_view article = "/articulo/";
    if (url_path.starts_with(article) && url_path.size() > article.size() &&
        url_path.find('/', article.size()) == std::string_view::npos)
        return named("index.html");
    constexpr std::string_view prefix = "/static/";
    if (!url_path.starts_with(prefix)) return std::nullopt;
    const auto name = url_path.substr(prefix.size());
    if (name == "index.html") return std::nullopt; // one address per file
    return named(name);
}

} // namespace hemeroteca::search::server
