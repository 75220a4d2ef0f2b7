// WARC files: records, their HTTP responses (chunked, gzip) and the pages handed on.
#include "fuzz_input.h"
#include "sources/input_stream.h"
#include "sources/read_file.h"
#include "sources/warc_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::indexer;
    static hemeroteca::fuzz::ScratchFile file("warc");
    try {
        InputStream in(file.write(hemeroteca::fuzz::as_view(data, size)));
        std::size_t pages = 0;
        read_warc_file(
            in, [&](WarcPage&&) { ++pages; }, [](const std::string&, const std::string&) {},
            [] { return false; });
    } catch (const InputError&) { // a reported failure of the file
    }
    return 0;
}
