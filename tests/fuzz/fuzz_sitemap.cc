// Sitemaps, sitemap indexes and news sitemaps.
#include "fuzz_input.h"
#include "sources/fetch/sitemap.h"
#include "sources/read_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::indexer;
    try {
        (void)fetch::parse_sitemap(hemeroteca::fuzz::as_view(data, size));
    } catch (const InputError&) {
    }
    return 0;
}
