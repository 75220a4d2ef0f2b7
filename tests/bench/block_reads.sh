#!/usr/bin/env bash
# What a query mix reads from the database (not part of ctest): the bytes and
# read calls `serve` makes (/proc/PID/io rchar, syscr) answering each request of
# a mix once, one at a time, after two warm-up requests. Unlike requests/s this
# does not move with the load of a shared machine, so two versions (or two
# layouts) compare exactly; the page cache serves the reads, so it counts the
# blocks Xapian asks for, not the disk.
#
#   tests/bench/block_reads.sh SEARCH_BIN DB QUERIES
#
# QUERIES: one request path a line (run_load.sh's queries-*.txt). Prints
# "read_MB=... read_calls=... requests=...".
set -euo pipefail
bin="${1:?usage: block_reads.sh SEARCH_BIN DB QUERIES}" db="${2:?DB}" queries="${3:?QUERIES}"
command -v curl >/dev/null || { echo "block_reads.sh needs curl"; exit 2; }
out="$(mktemp)"
"$bin" serve --db "$db" --listen 127.0.0.1:0 --threads 1 --cache-mb 0 >"$out" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$out"' EXIT
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$out")"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start"; exit 1; }
url="http://127.0.0.1:$port"
curl -s -o /dev/null "$url/api/search?q=casa&facets=1"
curl -s -o /dev/null "$url/api/search?q=perro&facets=1" # the facet column is built on the second
io() { awk -v k="$1" '$1 == k ":" {print $2}' "/proc/$server/io"; }
bytes=$(io rchar) calls=$(io syscr)
sed "s|^|$url|" "$queries" | xargs curl -s >/dev/null
echo "read_MB=$(( ($(io rchar) - bytes) / 1000000 )) read_calls=$(( $(io syscr) - calls )) requests=$(wc -l <"$queries")"
