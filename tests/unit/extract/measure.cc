#include "measure.h"

#include "extract/text.h"

#include <fstream>
#include <sstream>
#include <unordered_map>

namespace hemeroteca::test {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TokenScore token_f1(std::string_view got, std::string_view expected) {
    std::unordered_map<std::string, long> counts;
    const auto g = extract::words(got);
    const auto e = extract::words(expected);
    for (const auto& w : e) ++counts[w];
    long common = 0;
    for (const auto& w : g)
        if (auto it = counts.find(w); it != counts.end() && it->second > 0) {
            --it->second;
            ++common;
        }
    TokenScore s;
    if (common == 0) return s;
    s.precision = static_cast<double>(common) / static_cast<double>(g.size());
    s.recall = static_cast<double>(common) / static_cast<double>(e.size());
    s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall);
    return s;
}

std::string squash(std::string_view s) { return extract::collapse_spaces(s); }

extract::Extraction extract_file(const std::filesystem::path& path, const std::string& url) {
    extract::ExtractOptions options;
    options.url = url;
    options.explain = true;
    return extract::extract_article(read_file(path), options);
}

} // namespace hemeroteca::test
