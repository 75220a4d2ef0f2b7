// HTML extraction: charset decoding, pre-scan, gumbo, metadata, body, classification.
#include "extract/extractor.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::extract;
    const std::string_view in = hemeroteca::fuzz::as_view(data, size);
    ExtractOptions o;
    o.url = "https://www.ejemplo.es/politica/2024/03/01/noticia.html";
    o.explain = true;
    o.prescan = size % 7 != 0; // now and then without the pre-scan
    try {
        (void)extract_article(in, o);
    } catch (const std::runtime_error&) { // gumbo could not parse: a reported failure
    }
    return 0;
}
