// The pre-scan alone: what it keeps must parse, and JSON-LD collection must agree on the blocks.
#include "extract/prescan.h"
#include "fuzz_input.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::extract;
    const std::string_view in = hemeroteca::fuzz::as_view(data, size);
    const Prescanned p = prescan(in);
    if (p.html.size() > in.size() + 16 * 1024)
        std::abort(); // it only ever removes (and rewrites tags shorter)
    (void)collect_json_ld(in);
    return 0;
}
