"""Hemeroteca itself: index with hemeroteca-index, query in batch mode."""
import json
import subprocess
import time
from pathlib import Path

from . import paths


def index(db: Path, inputs: list) -> float:
    """Indexes `inputs` into `db`; returns the wall time in seconds."""
    start = time.perf_counter()
    run = subprocess.run([str(paths.binary("hemeroteca-index")), "--quiet", "--db", str(db), *map(str, inputs)],
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        raise SystemExit(f"error: hemeroteca-index failed: {run.stderr.strip()}")
    return time.perf_counter() - start


def batch(db: Path, requests: list, workdir: Path, extra_args=()) -> tuple:
    """Runs the requests (dicts with at least "id" and "query") in one batch.
    Returns (one parsed output line per request, in order; wall seconds)."""
    queries = workdir / "queries.jsonl"
    queries.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests), encoding="utf-8")
    start = time.perf_counter()
    run = subprocess.run([str(paths.binary("hemeroteca-search")), "--db", str(db), "--queries", str(queries),
                          *extra_args], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    if len(lines) != len(requests):
        raise SystemExit(f"error: batch returned {len(lines)} lines for {len(requests)} queries: {run.stderr[:500]}")
    return lines, wall


class KeyResolver:
    """Maps a result to its article key: the URL, or for articles without one,
    the stable id the indexer stored as the Q term. A result's id is its public
    id, whose XP term finds the document (both read with xapian-delve)."""

    def __init__(self, db: Path):
        self.db = db
        self.cache = {}

    def _delve(self, *args: str) -> str:
        return subprocess.run(["xapian-delve", *args, str(self.db)], capture_output=True, text=True).stdout

    def key(self, result: dict) -> str:
        if result.get("url"):
            return result["url"]
        public_id = result["id"]
        if public_id not in self.cache:
            postings = self._delve("-t", "XP" + public_id).rsplit(":", 1)[-1].split()
            terms = self._delve("-r", postings[0]).split() if postings else []
            self.cache[public_id] = next((t[1:] for t in terms if t.startswith("Q")), f"id:{public_id}")
        return self.cache[public_id]
