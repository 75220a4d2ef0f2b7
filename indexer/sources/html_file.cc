#include "sources/html_file.h"

#include "sources/read_file.h"

namespace hemeroteca::indexer {

extract::Extraction read_html_file(const std::filesystem::path& path,
                                   const extract::ExtractOptions& options) {
    const std::string bytes = read_file(path);
    extract::Extraction ex;
    try {
        ex = extract::extract_article(bytes, options);
    } catch (const std::exception& e) {
        throw InputError(std::string("cannot extract the article: ") + e.what());
    }
    ex.article.origin = path.string();
    if (ex.article.url.empty()) {
        std::error_code ec;
        const auto abs = std::filesystem::absolute(path, ec);
        ex.article.stable_id = "file:" + (ec ? path : abs).lexically_normal().string();
    }
    return ex;
}

} // namespace hemeroteca::indexer
