// Near-duplicate signatures: any text gives a signature (or none) and similarity stays in [0, 1].
#include "analysis/analyzer.h"
#include "dedup/near_duplicates.h"
#include "fuzz_input.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca;
    static analysis::Analyzer analyzer;
    const auto parts = fuzz::split(fuzz::as_view(data, size), '\x1e', 2);
    const auto a = dedup::signature(parts[0], analyzer);
    const auto b = dedup::signature(parts.back(), analyzer);
    if (a && b) {
        const double s = dedup::similarity(*a, *b);
        if (!(s >= 0 && s <= 1)) std::abort();
    }
    return 0;
}
