#include "support/shared_data.h"

#include <cstdio>
#include <cstdlib>

namespace hemeroteca::test {

std::filesystem::path shared_data_dir() {
    if (const char* env = std::getenv("HEMEROTECA_SHARED_DATA"); env && *env) return env;
    return HEMEROTECA_SHARED_DATA_DEFAULT;
}

std::filesystem::path require_shared_data(const std::filesystem::path& relative) {
    const auto path = shared_data_dir() / relative;
    if (!std::filesystem::exists(path)) {
        std::fprintf(stderr, "SKIPPED: %s is absent (shared real data is not in a fresh clone)\n",
                     path.string().c_str());
        std::fflush(stderr);
        std::_Exit(77);
    }
    return path;
}

std::filesystem::path source_dir() { return HEMEROTECA_SOURCE_DIR; }

} // namespace hemeroteca::test
