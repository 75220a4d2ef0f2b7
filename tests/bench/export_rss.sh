#!/usr/bin/env bash
# An export's memory: serve a database, stream /api/export of N rows (JSON Lines
# and CSV) to /dev/null, and print the server's RSS before, its peak during
# (sampled every 50 ms) and after, beside a 1,000-row export as the peer. Flat
# memory means the peak barely moves with the number of rows. Not run by ctest.
# Usage: export_rss.sh BUILD_DIR DB [ROWS]   (DB: e.g. run_load.sh's 100,000 articles)
set -euo pipefail
build="$1" db="$2" rows="${3:-100000}"
tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
"$build/searcher/hemeroteca-search" serve --db "$db" --listen 127.0.0.1:0 --export-max "$rows" >"$tmp/out" 2>"$tmp/err" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$tmp/out" || true)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start"; cat "$tmp/err"; exit 1; }
rss() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }
curl -s "http://127.0.0.1:$port/api/search?q=gobierno" >/dev/null # warm: searchers open
export_once() { # format max
  local before peak now start end bytes
  before="$(rss)"
  peak="$before"
  start="$(date +%s.%N)"
  curl -s -o "$tmp/body" "http://127.0.0.1:$port/api/export?from=1900&collapse=0&format=$1&max=$2" &
  local curl_pid=$!
  while kill -0 "$curl_pid" 2>/dev/null; do
    now="$(rss)"
    [ "$now" -gt "$peak" ] && peak="$now"
    sleep 0.05
  done
  wait "$curl_pid"
  end="$(date +%s.%N)"
  bytes="$(stat -c %s "$tmp/body")"
  local lines
  lines="$(wc -l <"$tmp/body")"
  printf '%-6s %7s rows %6s MB in %5.1f s   RSS before %6d KB  peak %6d KB  after %6d KB\n' "$1" "$lines" \
    "$((bytes / 1048576))" "$(echo "$end - $start" | bc)" "$before" "$peak" "$(rss)"
}
export_once jsonl 1000
export_once jsonl "$rows"
export_once csv "$rows"
export_once jsonl "$rows"
