// Extraction speed over every shared page (../shared/data/pages), in one run:
// raw gumbo parse (the baseline), pre-scan + gumbo, and extract_article with and
// without the pre-scan. Prints pages/s and MB/s of input HTML for each.
//
//   extract_bench [pages-dir] [rounds]
#include "extract/charset.h"
#include "extract/dom.h"
#include "extract/extractor.h"
#include "extract/prescan.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using hemeroteca::extract::ExtractOptions;

struct Page {
    std::string bytes; // as stored
    std::string utf8;  // decoded, for the parse-only measures
};

std::vector<Page> load_pages(const fs::path& dir) {
    std::vector<Page> pages;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".html") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        Page p;
        p.bytes = ss.str();
        p.utf8 = hemeroteca::extract::decode_html(p.bytes, "").utf8;
        pages.push_back(std::move(p));
    }
    return pages;
}

struct Result {
    double pages_per_s = 0, mb_per_s = 0;
};

using Work = std::function<std::size_t(const Page&)>;

// Runs every variant on each page in turn (interleaved, so that a machine shared
// with other jobs slows them all alike) and returns each variant's speed.
std::vector<Result> measure(const std::vector<Page>& pages, int rounds, const std::vector<Work>& variants) {
    std::vector<double> seconds(variants.size(), 0.0);
    std::size_t bytes = 0, sink = 0;
    for (int r = 0; r < rounds; ++r)
        for (const Page& p : pages) {
            bytes += p.bytes.size();
            for (std::size_t v = 0; v < variants.size(); ++v) {
                const auto start = std::chrono::steady_clock::now();
                sink += variants[v](p);
                seconds[v] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            }
        }
    if (sink == 0) std::fputs("(nothing extracted)\n", stderr);
    std::vector<Result> results;
    for (double s : seconds)
        results.push_back(
            {static_cast<double>(pages.size()) * rounds / s, static_cast<double>(bytes) / 1e6 / s});
    return results;
}

void print(const char* name, const Result& r, const Result& baseline) {
    std::printf("%-34s %8.1f pages/s %8.1f MB/s  %5.2fx raw gumbo\n", name, r.pages_per_s, r.mb_per_s,
                r.pages_per_s / baseline.pages_per_s);
}

} // namespace

int main(int argc, char** argv) try {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(HEMEROTECA_SHARED_DATA_DEFAULT) / "pages";
    const int rounds = argc > 2 ? std::stoi(argv[2]) : 3;
    if (!fs::exists(dir)) {
        std::fprintf(stderr, "SKIPPED: %s is absent (shared real data is not in a fresh clone)\n",
                     dir.string().c_str());
        return 77;
    }
    const std::vector<Page> pages = load_pages(dir);
    std::size_t total = 0, kept = 0;
    for (const Page& p : pages) {
        total += p.utf8.size();
        kept += hemeroteca::extract::prescan(p.utf8).html.size();
    }
    std::printf("%zu pages, %.1f MB; the pre-scan keeps %.0f%% of the bytes; %d rounds\n", pages.size(),
                static_cast<double>(total) / 1e6,
                100.0 * static_cast<double>(kept) / static_cast<double>(total), rounds);

    ExtractOptions with;
    ExtractOptions without;
    without.prescan = false;
    const std::vector<Work> variants = {
        [](const Page& p) {
            return hemeroteca::extract::parse_html(p.utf8)->root->v.element.children.length;
        },
        [](const Page& p) {
            return hemeroteca::extract::parse_html(hemeroteca::extract::prescan(p.utf8).html)
                ->root->v.element.children.length;
        },
        [&](const Page& p) {
            return hemeroteca::extract::extract_article(p.bytes, with).article.text.size() + 1;
        },
        [&](const Page& p) {
            return hemeroteca::extract::extract_article(p.bytes, without).article.text.size() + 1;
        },
    };
    const std::vector<Result> r = measure(pages, rounds, variants);
    print("gumbo parse, raw page (baseline)", r[0], r[0]);
    print("pre-scan + gumbo parse", r[1], r[0]);
    print("extract_article, with pre-scan", r[2], r[0]);
    print("extract_article, without pre-scan", r[3], r[0]);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "extract_bench: %s\n", e.what());
    return 1;
}
