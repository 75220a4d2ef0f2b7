#!/usr/bin/env bash
# Indexing speed as the archive grows (not run by ctest or CI), beside SQLite FTS5
# in the same run: generate_articles.py makes COUNT articles (default 200,000),
# cut into PARTS files (default 4); hemeroteca-index indexes them one after the
# other into one database (each run an incremental one over the last), timed
# part by part, so a cost that grows with the database shows as a slower part.
# SQLite FTS5 (tests/support/pyeval/sqlite_fts.py) then loads all of them at once.
#
#   tests/bench/index_scale.sh [BUILD_DIR]          (default: ./build)
#   COUNT=1000000 PARTS=10 tests/bench/index_scale.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"
index_bin="$build/indexer/hemeroteca-index"
count="${COUNT:-200000}"
parts="${PARTS:-4}"

[ -x "$index_bin" ] || { echo "error: build first ($index_bin is missing)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[ -d "${HEMEROTECA_SHARED_DATA:-$root/../shared/data}/articles" ] ||
  { echo "SKIPPED: the shared articles (../shared/data/articles) are absent" >&2; exit 77; }

work="$(mktemp -d "${TMPDIR:-/tmp}/hemeroteca-scale-XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 "$root/tests/bench/generate_articles.py" --count "$count" --out "$work/all.jsonl" >/dev/null
split -n "l/$parts" -d --additional-suffix=.jsonl "$work/all.jsonl" "$work/part"

total=0
done_articles=0
for part in "$work"/part*.jsonl; do
  n=$(wc -l <"$part")
  /usr/bin/time -f "%e %M" -o "$work/time" "$index_bin" -q --db "$work/h.db" "$part"
  read -r secs rss_kb <"$work/time"
  done_articles=$((done_articles + n))
  total=$(awk "BEGIN {print $total + $secs}")
  awk -v a="$done_articles" -v n="$n" -v s="$secs" -v r="$rss_kb" \
    'BEGIN {printf "hemeroteca: up to %8d articles: %6.1f s for %d, %5.0f articles/s, peak RSS %d MB\n", a, s, n, n / s, r / 1024}'
done
echo "hemeroteca: $done_articles articles in $total s, $(du -sm "$work/h.db" | cut -f1) MB"

fts5=$(python3 - "$work/all.jsonl" "$work/fts5.db" "$root/tests/support" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[3])
from pyeval import sqlite_fts
arts = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        arts.append({"key": r.get("url", ""), "title": r.get("title", ""), "text": r.get("text", ""),
                     "date": r.get("date", ""), "source": r.get("source", ""), "section": r.get("section", "")})
_, secs = sqlite_fts.open_loaded(sys.argv[2], arts)
print(f"{secs:.1f}")
PY
)
echo "SQLite FTS5: $done_articles articles in $fts5 s, $(du -sm "$work/fts5.db" | cut -f1) MB"
awk "BEGIN {printf \"ratio: hemeroteca takes %.1fx FTS5's time\n\", $total / $fts5}"
