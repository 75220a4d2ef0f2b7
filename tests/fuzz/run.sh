#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time: tests/fuzz/run.sh TARGET SECONDS [libFuzzer options...]
# The working corpus grows in build-fuzz/corpus/TARGET (seeded from tests/fuzz/seeds/TARGET,
# and from ../shared/data pages when present); a crash is written to build-fuzz/artifacts/TARGET/
# and the script fails. Build first with tests/fuzz/build.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
target="$1"
seconds="${2:-60}"
shift 2 || shift $#
bin="$build/tests/fuzz/$target"
[ -x "$bin" ] || { echo "run.sh: $bin is not built (tests/fuzz/build.sh $target)" >&2; exit 2; }
corpus="$build/corpus/$target"
artifacts="$build/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
seeds="$root/tests/fuzz/seeds/$target"
[ -d "$seeds" ] && cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true
# Real page shapes from corpus/ (the project's own sample articles), cut to 8 KB: read
# from there rather than committed again as seeds.
case "$target" in
  fuzz_extract | fuzz_prescan | fuzz_charset)
    i=0
    for page in $(find "$root/corpus" -name '*.html' | sort | head -n 3); do
      head -c 8192 "$page" >"$corpus/corpus-$i.html"
      i=$((i + 1))
    done ;;
esac
"$root/tests/fuzz/shared_seeds.sh" "$target" "$corpus" || true
# Inputs up to 64 KB; queries up to the server's 1,000 bytes (longer ones are the
# terminal's, bounded by the query limits), parameters to a URL's length.
case "$target" in
  fuzz_query) max_len=1000 ;;
  fuzz_api_params) max_len=2048 ;;
  *) max_len=65536 ;;
esac
# -timeout: an input that takes longer is a hang (a failure); -rss_limit_mb: memory per process.
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
exec "$bin" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-$max_len}" \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
