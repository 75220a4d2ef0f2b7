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
# SERVER_THREADS (= CONNECTIONS: the server answers one connection per thread).
set -euo pipefail
build="$(cd "${1:?usage: run_load.sh BUILD_DIR [WORK_DIR]}" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
work="${2:-$(mktemp -d)}"
articles="${ARTICLES:-100000}" duration="${DURATION:-30s}" connections="${CONNECTIONS:-8}"
wrk_threads="${WRK_THREADS:-2}" server_threads="${SERVER_THREADS:-$connections}"
command -v wrk >/dev/null || { echo "run_load.sh needs wrk (apt-get install wrk)"; exit 2; }
mkdir -p "$work"

if [ ! -s "$work/articles-$articles.jsonl" ]; then
  python3 "$here/make_articles.py" --count "$articles" --out "$work/articles-$articles.jsonl" \
    --queries "$work/queries.txt"
fi
db="$work/bench-$articles.db"
if [ ! -d "$db" ]; then
  start=$(date +%s)
  "$build/indexer/hemeroteca-index" --db "$db" --commit-every 20000 "$work/articles-$articles.jsonl"
  echo "indexed in $(( $(date +%s) - start )) s"
fi

"$build/searcher/hemeroteca-search" serve --db "$db" --listen 127.0.0.1:0 --threads "$server_threads" \
  >"$work/server.out" 2>"$work/server.err" &
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
echo "queries: $(wc -l < "$work/queries.txt") request paths in the mix, e.g. $(head -n 1 "$work/queries.txt")"

# Warm the page cache, then measure.
QUERIES="$work/queries.txt" wrk -t "$wrk_threads" -c "$connections" -d 5s -s "$here/load_mix.lua" "$url" >/dev/null
QUERIES="$work/queries.txt" wrk -t "$wrk_threads" -c "$connections" -d "$duration" --latency \
  -s "$here/load_mix.lua" "$url" | tee "$work/wrk.txt"
errors=$(grep -cE '^error: ' "$work/server.err" || true)
echo "server errors logged: $errors"
