// Access to ../shared/data (real third-party news, never copied into the project).
#pragma once

#include <filesystem>

namespace hemeroteca::test {

// The shared data folder: $HEMEROTECA_SHARED_DATA, else the CMake default.
std::filesystem::path shared_data_dir();

// Returns shared_data_dir()/relative, or prints a visible "SKIPPED: ..." line and
// exits the test process with 77, which ctest reports as skipped.
std::filesystem::path require_shared_data(const std::filesystem::path& relative);

// The project's source tree (for corpus/).
std::filesystem::path source_dir();

} // namespace hemeroteca::test
