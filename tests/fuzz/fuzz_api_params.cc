// The API's query-string parameters (name=value&...) -> a validated SearchRequest.
#include "fuzz_input.h"
#include "server/api_params.h"
#include "server/http_error.h"

#include <map>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hemeroteca::search::server;
    std::map<std::string, std::string> params;
    std::string_view rest = hemeroteca::fuzz::as_view(data, size);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        params[std::string(pair.substr(0, eq))] =
            eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    const ParamLookup lookup = [&](const std::string& name) -> std::optional<std::string> {
        const auto it = params.find(name);
        if (it == params.end()) return std::nullopt;
        return it->second;
    };
    try {
        const auto request = search_request(lookup, Limits{});
        (void)page_of(request);
    } catch (const std::exception&) { // HttpError 400 and the like
    }
    try {
        (void)article_id(lookup);
    } catch (const std::exception&) {
    }
    return 0;
}
