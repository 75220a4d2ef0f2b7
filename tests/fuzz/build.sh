#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan + UBSan + coverage) into build-fuzz
# (or $FUZZ_BUILD_DIR). Usage: tests/fuzz/build.sh [TARGET...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CXX="${FUZZ_CXX:-clang++-14}" cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHEMEROTECA_FUZZ=ON -DHEMEROTECA_BUILD_TESTS=OFF -DHEMEROTECA_WARNINGS_AS_ERRORS=OFF \
  "${launcher[@]}" >/dev/null
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_targets)
args=()
for t in "${targets[@]}"; do args+=(--target "$t"); done
cmake --build "$build" -j"$(nproc)" "${args[@]}"
