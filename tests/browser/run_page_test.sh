#!/usr/bin/env bash
# ctest's browser test: indexes corpus/ (plus an article with an XSS payload)
# into a temporary database, starts `hemeroteca-search serve` on a free loopback
# port, and runs page_test.cjs in Debian's headless Chromium.
# Usage: run_page_test.sh SEARCH_BIN INDEX_BIN SOURCE_DIR WORK_DIR
# Exits 77 (skipped) when Chromium, Node.js or playwright-core is not installed
# (.ci/setup-browser installs them); under CI (CI=true) a missing playwright-core fails.
set -euo pipefail
search_bin="$1" index_bin="$2" source_dir="$3" work="$4"
chromium="${CHROMIUM:-/usr/bin/chromium}"
here="$source_dir/tests/browser"

if [ ! -x "$chromium" ] || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIPPED: the browser test needs $chromium, node and npm (.ci/setup-browser installs them)"
  exit 77
fi

# playwright-core, installed by .ci/setup-browser (npm ci from the committed lock file).
if [ ! -f "$here/node_modules/.installed-from-lock" ] || ! cmp -s "$here/package-lock.json" "$here/node_modules/.installed-from-lock"; then
  reason="playwright-core from tests/browser/package-lock.json is not installed (run .ci/setup-browser; npm's error is in its output)"
  if [ "${CI:-}" = "true" ]; then
    echo "FAILED under CI: $reason"
    exit 1
  fi
  echo "SKIPPED: $reason"
  exit 77
fi

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

cat > "$tmp/xss.jsonl" <<'JSONL'
{"url": "https://example.org/xss", "title": "<script>alert('titular')</script> Un xilofonista en apuros", "date": "2024-05-01", "section": "Cultura", "source": "Diario de Pruebas", "text": "El xilofonista <script>alert('cuerpo')</script> tocó <b>fuerte</b> y siguió tocando."}
JSONL
"$index_bin" --db "$tmp/db" "$source_dir/corpus" "$tmp/xss.jsonl" 2>&1 | tail -n 1

: >"$tmp/server.out" # exists before the server opens it (sed below may run first)
"$search_bin" serve --db "$tmp/db" --listen 127.0.0.1:0 >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$tmp/server.out" || true)"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:"; cat "$tmp/server.err"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start"; cat "$tmp/server.err"; exit 1; }

shots="$work/screenshots"
mkdir -p "$shots"
PLAYWRIGHT_DIR="$here" CHROMIUM="$chromium" node "$here/page_test.cjs" "http://127.0.0.1:$port" "$shots"
