#include "sources/input_walk.h"

#include <algorithm>

namespace hemeroteca::indexer {

namespace fs = std::filesystem;

namespace {
std::string lower_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}
} // namespace

bool input_kind(const fs::path& path, InputKind& kind) {
    const std::string ext = lower_extension(path);
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") {
        kind = InputKind::html;
        return true;
    }
    if (ext == ".jsonl" || ext == ".ndjson") {
        kind = InputKind::jsonl;
        return true;
    }
    return false;
}

std::vector<Input> walk_inputs(const std::vector<std::string>& args,
                               const std::function<void(const std::string&, const std::string&)>& on_error) {
    std::vector<Input> out;
    for (const auto& arg : args) {
        const fs::path root(arg);
        std::error_code ec;
        if (fs::is_directory(root, ec)) {
            std::vector<Input> found;
            fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
            if (ec) {
                on_error(arg, "cannot read folder: " + ec.message());
                continue;
            }
            for (; it != end; it.increment(ec)) {
                if (ec) {
                    on_error(arg, "cannot read folder: " + ec.message());
                    break;
                }
                const auto name = it->path().filename().string();
                if (!name.empty() && name[0] == '.') {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                InputKind kind;
                if (it->is_regular_file(ec) && input_kind(it->path(), kind))
                    found.push_back({it->path(), kind});
            }
            std::sort(found.begin(), found.end(),
                      [](const Input& a, const Input& b) { return a.path < b.path; });
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(root, ec)) {
            InputKind kind;
            if (input_kind(root, kind))
                out.push_back({root, kind});
            else
                on_error(arg, "unsupported file type (expected .html, .htm, .jsonl or a folder)");
        } else {
            on_error(arg, "no such file or folder");
        }
    }
    return out;
}

} // namespace hemeroteca::indexer
