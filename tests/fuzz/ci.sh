#!/usr/bin/env bash
# CI: builds the fuzz targets and runs each for $FUZZ_SECONDS (default 15), two at a
# time ($FUZZ_PARALLEL at a time, default 2); fails when any of them finds a crash, a leak, a hang or undefined behaviour.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${FUZZ_SECONDS:-15}"
[ -n "${FUZZ_NO_BUILD:-}" ] || "$root/tests/fuzz/build.sh"
targets=${FUZZ_TARGETS:-$(sed -n '/^set(HEMEROTECA_FUZZ_TARGETS/,/)/p' "$root/tests/fuzz/CMakeLists.txt" |
          tr -d '()' | tr ' ' '\n' | grep '^fuzz_')}
mkdir -p "$build/logs"
failed=0
run_one() {
  if "$root/tests/fuzz/run.sh" "$1" "$seconds" >"$build/logs/$1.log" 2>&1; then
    echo "fuzz: $1 ok ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/logs/$1.log" | grep -o '[0-9]*$') runs)"
  else
    echo "fuzz: $1 FAILED (see $build/logs/$1.log)"; tail -n 40 "$build/logs/$1.log"; return 1
  fi
}
running=0
for t in $targets; do
  if [ "$running" -ge "${FUZZ_PARALLEL:-2}" ]; then wait -n || failed=1; running=$((running - 1)); fi
  run_one "$t" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do wait -n || failed=1; running=$((running - 1)); done
exit $failed
