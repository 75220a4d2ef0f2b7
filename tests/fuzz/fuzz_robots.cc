// robots.txt: the first line is a URL path to check, the rest the file.
#include "fuzz_input.h"
#include "sources/fetch/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::indexer::fetch;
    const auto parts = hemeroteca::fuzz::split(hemeroteca::fuzz::as_view(data, size), '\n', 2);
    const RobotsRules rules = RobotsRules::parse(parts.back(), "hemeroteca");
    (void)rules.allowed(parts.size() == 2 ? parts[0] : "/");
    (void)rules.allowed("/2024/03/01/noticia.html?a=1");
    std::string host, path;
    (void)split_url(parts[0], host, path);
    return 0;
}
