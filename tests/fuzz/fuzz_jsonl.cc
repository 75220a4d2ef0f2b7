// One JSON Lines line, as the indexer's workers read it: depth check, parse, article fields.
#include "fuzz_input.h"
#include "sources/jsonl_file.h"
#include "sources/read_file.h"
#include "util/json_depth.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::indexer;
    const std::string_view in = hemeroteca::fuzz::as_view(data, size);
    if (hemeroteca::util::json_nests_deeper(in)) return 0; // refused, as the workers do
    const nlohmann::json object = nlohmann::json::parse(in, nullptr, false);
    if (object.is_discarded()) return 0;
    JsonlOptions options;
    try {
        (void)article_from_json(object, options, "fuzz.jsonl");
    } catch (const InputError&) { // EmptyInput too
    } catch (const nlohmann::json::exception&) {
    }
    return 0;
}
