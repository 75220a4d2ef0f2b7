// HTTP responses as archived or fetched: status line, headers, chunked coding, gzip/deflate.
#include "fuzz_input.h"
#include "sources/http_response.h"
#include "sources/read_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::indexer;
    const std::string_view in = hemeroteca::fuzz::as_view(data, size);
    try {
        const HttpResponse r = parse_http_response(in, 1 << 20);
        (void)charset_of(r.header("Content-Type"));
        (void)is_html(r.header("Content-Type"), r.body);
    } catch (const InputError&) {
    }
    // The body codings on their own, without a head to get past.
    for (const char* te : {"chunked", ""})
        for (const char* ce : {"gzip", "deflate", ""}) try {
                (void)decode_http_body(std::string(in), te, ce, 1 << 20);
            } catch (const InputError&) {
            }
    return 0;
}
