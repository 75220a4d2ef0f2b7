#!/usr/bin/env bash
# Ingestion benchmark (not run by ctest or CI). In one go, on the same machine:
#  1. builds >= 2,000 page inputs from the shared real pages (../shared/data/pages), each page
#     repeated under distinct URLs (its canonical link rewritten), as a folder of .html files;
#  2. indexes that folder with hemeroteca-index and with `omindex -s spanish` (Debian's
#     xapian-omega), and prints pages/s, MB/s, peak RSS, database sizes and the ratio;
#  3. re-runs hemeroteca-index over the unchanged folder (the incremental re-run);
#  4. indexes the ~8,100 shared JSON Lines articles and prints articles/s.
#
#   tests/bench/ingest_bench.sh [BUILD_DIR]        (default: ./build)
#   PAGES=10000 tests/bench/ingest_bench.sh        (more pages; default 2048)
#   ROUNDS=2 ...                                   (best of N runs of each side)
#   SKIP_OMINDEX=1 ...                             (only hemeroteca-index: e.g. the 10,000-page re-run)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"
index_bin="$build/indexer/hemeroteca-index"
shared="${HEMEROTECA_SHARED_DATA:-$root/../shared/data}"
pages="${PAGES:-2048}"
rounds="${ROUNDS:-1}"

[ -x "$index_bin" ] || { echo "error: build first ($index_bin is missing)" >&2; exit 2; }
[ -d "$shared/pages" ] || { echo "SKIPPED: $shared/pages is absent" >&2; exit 77; }
command -v omindex >/dev/null || { echo "error: omindex is missing (apt-get install xapian-omega)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/hemeroteca-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. The input: every shared page (not the expected outputs), copied until there are $pages,
# each copy with its own canonical URL so that both indexers see distinct documents.
python3 - "$shared/pages" "$work/pages" "$pages" <<'PY'
import pathlib, re, sys
src, dst, want = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
files = sorted(p for p in src.rglob("*.html") if p.name != "expected.html")
canon = re.compile(rb'<link[^>]*rel=["\']?canonical["\']?[^>]*>|<meta[^>]*og:url[^>]*>', re.I)
head = re.compile(rb"<head[^>]*>", re.I)
n = 0
while n < want:
    for f in files:
        if n >= want:
            break
        data = canon.sub(b"", f.read_bytes())
        name = f.parent.name + "-" + f.name
        link = b'<link rel="canonical" href="https://bench.example/copy-%d/%s">' % (n // len(files), name.encode())
        m = head.search(data)
        data = data[: m.end()] + link + data[m.end():] if m else link + data
        out = dst / ("copy-%03d" % (n // len(files))) / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        n += 1
print(f"input: {n} pages from {len(files)} shared pages")
PY
input_bytes=$(du -sb "$work/pages" | cut -f1)

# Runs a command under /usr/bin/time -v; sets $secs and $rss_mb.
measure() {
    local name="$1"
    shift
    /usr/bin/time -v -o "$work/time.$name" "$@" >"$work/out.$name" 2>&1 || {
        echo "error: $name failed:" >&2
        tail -5 "$work/out.$name" >&2
        exit 1
    }
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.$name")
    rss_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.$name")
}

best() { # best-of-N timing of one side; sets best_secs and best_rss
    local name="$1"
    shift
    best_secs=""
    for ((r = 1; r <= rounds; r++)); do
        rm -rf "$work/$name.db"
        measure "$name" "$@"
        if [ -z "$best_secs" ] || awk "BEGIN {exit !($secs < $best_secs)}"; then best_secs=$secs; best_rss=$rss_mb; fi
    done
}

# 2. Both indexers on the same folder, alternating.
if [ -n "${SKIP_OMINDEX:-}" ]; then
    omindex_secs=0 omindex_rss=0
    mkdir -p "$work/omindex.db"
else
    best omindex omindex -s spanish --db "$work/omindex.db" --url / "$work/pages"
    omindex_secs=$best_secs omindex_rss=$best_rss
fi
best ours "$index_bin" --db "$work/ours.db" "$work/pages"
ours_secs=$best_secs ours_rss=$best_rss
ours_summary=$(tail -1 "$work/out.ours")

# 3. The incremental re-run over the unchanged folder.
measure rerun "$index_bin" --db "$work/ours.db" "$work/pages"
rerun_secs=$secs

# 4. JSON Lines.
jsonl=("$shared"/articles/*/*.jsonl)
jsonl_count=$(cat "${jsonl[@]}" | grep -c .)
jsonl_bytes=$(cat "${jsonl[@]}" | wc -c)
measure jsonl "$index_bin" --db "$work/jsonl.db" "${jsonl[@]}"
jsonl_secs=$secs jsonl_rss=$rss_mb

size_mb() { du -sm "$1" | cut -f1; }
rate() { awk "BEGIN {printf \"%.1f\", $1 / ($2 > 0 ? $2 : 0.001)}"; }
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-22s %9s %9s %9s %10s %9s\n" "" "seconds" "pages/s" "MB/s" "peak RSS" "DB size"
[ -n "${SKIP_OMINDEX:-}" ] || printf "%-22s %9.2f %9s %9s %7s MB %6s MB\n" "omindex -s spanish" "$omindex_secs" "$(rate "$pages" "$omindex_secs")" \
    "$(rate "$input_bytes/1000000" "$omindex_secs")" "$omindex_rss" "$(size_mb "$work/omindex.db")"
printf "%-22s %9.2f %9s %9s %7s MB %6s MB\n" "hemeroteca-index" "$ours_secs" "$(rate "$pages" "$ours_secs")" \
    "$(rate "$input_bytes/1000000" "$ours_secs")" "$ours_rss" "$(size_mb "$work/ours.db")"
echo "pages: $pages ($((input_bytes / 1000000)) MB of HTML); hemeroteca-index: $ours_summary"
[ -n "${SKIP_OMINDEX:-}" ] ||
    echo "speed ratio hemeroteca-index / omindex: $(awk "BEGIN {printf \"%.2f\", $omindex_secs / $ours_secs}")x (target >= 2x)"
echo "re-run over the unchanged pages: $rerun_secs s = $(awk "BEGIN {printf \"%.1f\", 100 * $rerun_secs / $ours_secs}")% of the first run (target < 5%)"
echo "JSON Lines: $jsonl_count articles ($((jsonl_bytes / 1000000)) MB) in $jsonl_secs s = $(rate "$jsonl_count" "$jsonl_secs") articles/s, peak RSS $jsonl_rss MB"
echo "  $(tail -1 "$work/out.jsonl")"
