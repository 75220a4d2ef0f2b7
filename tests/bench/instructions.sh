#!/usr/bin/env bash
# Instructions a fresh request costs (not part of ctest): `serve` under
# callgrind, one thread, no cache, answers COUNT requests of a mix once to warm
# up, then the same COUNT again while counted. Unlike requests/s this does not
# move with the load of a shared machine: two versions, or a change and its
# base, compare to the instruction, and the annotation says where they go.
#
#   tests/bench/instructions.sh SEARCH_BIN DB QUERIES [COUNT] [OUT]
#
# QUERIES: one request path a line (make_articles.py --queries). COUNT: 60 by
# default. OUT: where callgrind's file goes (kept for `callgrind_annotate
# --inclusive=yes OUT`); a temporary file by default. Prints
# "instructions_per_request=... requests=...". Needs valgrind and curl.
set -euo pipefail
bin="${1:?usage: instructions.sh SEARCH_BIN DB QUERIES [COUNT] [OUT]}" db="${2:?DB}" queries="${3:?QUERIES}"
count="${4:-60}"
for tool in valgrind callgrind_control curl; do
  command -v "$tool" >/dev/null || { echo "instructions.sh needs $tool"; exit 2; }
done
work="$(mktemp -d)"
out="${5:-$work/callgrind.out}"
valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$bin" serve --db "$db" --listen 127.0.0.1:0 --threads 1 --cache-mb 0 >"$work/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=""
for _ in $(seq 1 600); do # valgrind starts slowly
  port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$work/log")"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start under valgrind"; exit 1; }
url="http://127.0.0.1:$port"
head -n "$count" "$queries" | sed "s|^|$url|" >"$work/urls"
requests=$(wc -l <"$work/urls")
[ "$requests" -gt 0 ] || { echo "no requests in $queries"; exit 1; }
xargs curl -s <"$work/urls" >/dev/null # warm: caches, the facet column
callgrind_control -z "$server" >/dev/null 2>&1
xargs curl -s <"$work/urls" >/dev/null
callgrind_control -d "$server" >/dev/null 2>&1
# The dump after -z is the first numbered part: OUT.1 (or OUT.1 with a pid suffix).
dump="$(ls -t "$out".* 2>/dev/null | head -n 1)"
[ -n "$dump" ] || { echo "callgrind wrote no dump"; exit 1; }
total=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$dump")
[ -n "$total" ] || total=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$dump")
kept=""
[ -n "${5:-}" ] && kept=" dump=$dump"
echo "instructions_per_request=$(( total / requests )) requests=$requests$kept"
