// Charset decoding: a declared charset (the first line) and the bytes; the result is valid UTF-8.
#include "extract/charset.h"
#include "fuzz_input.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::extract;
    const auto parts = hemeroteca::fuzz::split(hemeroteca::fuzz::as_view(data, size), '\n', 2);
    const std::string_view declared = parts.size() == 2 ? parts[0] : std::string_view();
    const std::string_view bytes = parts.back();
    const DecodedText d = decode_html(bytes, declared);
    if (!is_valid_utf8(d.utf8)) std::abort();
    (void)sniff_meta_charset(bytes);
    (void)repair_double_utf8(d.utf8);
    return 0;
}
