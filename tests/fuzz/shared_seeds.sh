#!/usr/bin/env bash
# Adds a few real inputs from ../shared/data (never committed) to a target's working
# corpus: tests/fuzz/shared_seeds.sh TARGET CORPUS_DIR. Nothing when the data is absent.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${HEMEROTECA_SHARED_DATA:-$root/../shared/data}"
target="$1"
corpus="$2"
[ -d "$data" ] || exit 0
[ -e "$corpus/.shared" ] && exit 0
take() { # take PATTERN COUNT: the first COUNT files under $data matching PATTERN, cut to 64 KB
  find "$data" -type f -name "$1" -size -2M 2>/dev/null | sort | head -n "$2" | while read -r f; do
    head -c 65536 "$f" >"$corpus/shared-$(echo "$f" | md5sum | cut -c1-16)"
  done
}
case "$target" in
  fuzz_extract|fuzz_prescan|fuzz_charset) take '*.html' 40 ;;
  fuzz_jsonl) find "$data" -type f -name '*.jsonl' | sort | head -n 3 | while read -r f; do
      head -n 20 "$f" | split -l 1 - "$corpus/shared-$(echo "$f" | md5sum | cut -c1-8)-"; done ;;
  fuzz_warc|fuzz_http_response) take '*.warc' 5 ;;
esac
touch "$corpus/.shared"
