#!/usr/bin/env bash
# Load benchmark for hemeroteca-search serve (not part of ctest): wrk on
# loopback over a query mix on generated articles (make_articles.py recombines
# the real ones in ../shared/data/articles). Prints wrk's report and a summary.
#
#   tests/bench/run_load.sh BUILD_DIR [WORK_DIR]
#
# WORK_DIR (default: a new temporary folder) keeps the articles, the query mix
# and the database between runs; nothing generated goes into the repository.
# Environment: ARTICLES (100000), DURATION (30s), CONNECTIONS (8), WRK_THREADS (2),
# SERVER_THREADS (serve's own default, one a core; more for remote shards),
# CACHE_MB (the server's default; 0 measures every request computed afresh),
# MIX: "uniform" (500 distinct requests in turn; the default) or "zipf" (60,000
# requests drawn from 10,000 distinct ones with weights 1/rank, like real traffic),
# DB: serve this database instead of indexing the articles (a directory, or a
# stub file of shards, e.g. `remote HOST:PORT` lines for xapian-tcpsrv shards).
set -euo pipefail
build="$(cd "${1:?usage: run_load.sh BUILD_DIR [WORK_DIR]}" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
work="${2:-$(mktemp -d)}"
articles="${ARTICLES:-100000}" duration="${DURATION:-30s}" connections="${CONNECTIONS:-8}"
wrk_threads="${WRK_THREADS:-2}"
workers=()
[ -n "${SERVER_THREADS:-}" ] && workers=(--threads "$SERVER_THREADS")
cache=()
[ -n "${CACHE_MB:-}" ] && cache=(--cache-mb "$CACHE_MB")
command -v wrk >/dev/null || { echo "run_load.sh needs wrk (apt-get install wrk)"; exit 2; }
mkdir -p "$work"

mix="${MIX:-uniform}"
mix_args=()
[ "$mix" = zipf ] && mix_args=(--query-count 10000 --zipf-requests 60000)
if [ ! -s "$work/articles-$articles.jsonl" ] || [ ! -s "$work/queries-$mix.txt" ]; then
  python3 "$here/make_articles.py" --count "$articles" --out "$work/articles-$articles.jsonl" \
    --queries "$work/queries-$mix.txt" "${mix_args[@]}"
fi
db="${DB:-$work/bench-$articles.db}"
if [ ! -e "$db" ]; then
  start=$(date +%s)
  "$build/indexer/hemeroteca-index" --db "$db" --commit-every 20000 "$work/articles-$articles.jsonl"
  echo "indexed in $(( $(date +%s) - start )) s"
fi

: >"$work/server.out"
"$build/searcher/hemeroteca-search" serve --db "$db" --listen 127.0.0.1:0 "${workers[@]}" \
  "${cache[@]}" >"$work/server.out" 2>"$work/server.err" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$work/server.out")"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/server.err"; exit 1; }
url="http://127.0.0.1:$port"
echo "articles: $(curl -s "$url/api/health")"
echo "queries ($mix): $(wc -l < "$work/queries-$mix.txt") requests, $(sort -u "$work/queries-$mix.txt" | wc -l) distinct, e.g. $(head -n 1 "$work/queries-$mix.txt")"

# Warm the page cache on the second half of the mix (so the measured run does not
# find its own answers cached by the warm-up), then measure from the start.
START=$(( $(wc -l < "$work/queries-$mix.txt") / 2 )) QUERIES="$work/queries-$mix.txt" wrk -t "$wrk_threads" -c "$connections" -d 5s -s "$here/load_mix.lua" "$url" >/dev/null
QUERIES="$work/queries-$mix.txt" wrk -t "$wrk_threads" -c "$connections" -d "$duration" --latency \
  -s "$here/load_mix.lua" "$url" | tee "$work/wrk.txt"
errors=$(grep -cE '^error: ' "$work/server.err" || true)
echo "server errors logged: $errors"
