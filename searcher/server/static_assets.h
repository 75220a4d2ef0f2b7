// The web page's files, embedded in the binary at build time (cmake/EmbedFiles.cmake
// over searcher/server/assets/). Only these are ever served: a URL path is looked
// up by exact name, never mapped to the filesystem.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace hemeroteca::search::server {

struct EmbeddedFile {
    std::string_view name;    // e.g. "app.js"
    std::string_view content; // the file's bytes
};

// Every embedded file (defined in the generated embedded_assets.cc).
std::span<const EmbeddedFile> embedded_files();

struct Asset {
    std::string_view content;
    std::string_view content_type; // with charset for text
};

// "/" -> index.html, "/static/NAME" -> the embedded NAME; nullopt for anything else.
std::optional<Asset> find_asset(std::string_view url_path);

} // namespace hemeroteca::search::server
