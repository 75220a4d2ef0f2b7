"""A throwaway PostgreSQL cluster (initdb into a temp dir, Unix socket only),
loaded with the articles: title weighted 'A', body 'B', text search
configuration 'spanish', a GIN index. Queries go through the psql CLI.

As root, the cluster runs as the `postgres` system user (runuser), which owns
the temp dir; otherwise as the current user."""
import csv
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

STATEMENT_END = "\x1e"  # a record separator marks the end of each statement's output


def _pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (d / name).exists():
            return str(d / name)
    raise FileNotFoundError(name)


def available() -> bool:
    try:
        _pg_bin("initdb"), _pg_bin("pg_ctl"), _pg_bin("psql")
        return True
    except FileNotFoundError:
        return False


class Cluster:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="hemeroteca-pg-"))
        self.data = self.dir / "data"
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.started = False

    def __enter__(self):
        self._run([_pg_bin("initdb"), "-D", str(self.data), "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust",
                   "-U", "postgres"])
        options = f"-k {self.dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off " \
                  "-c shared_buffers=256MB -c max_parallel_workers_per_gather=0"
        self._run([_pg_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w",
                   "start"])
        self.started = True
        return self

    def __exit__(self, *exc):
        if self.started:
            self._run([_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)

    def _run(self, cmd, **kw):
        out = subprocess.run(self.as_user + cmd, capture_output=True, text=True, **kw)
        if out.returncode != 0:
            raise SystemExit(f"error: {' '.join(cmd[:2])} failed: {out.stderr.strip()[:800]}")
        return out

    def psql(self, script: str) -> str:
        """Runs an SQL script (psql syntax) and returns its unaligned output."""
        out = subprocess.run([_pg_bin("psql"), "-h", str(self.dir), "-U", "postgres", "-d", "postgres", "-X", "-q",
                              "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1"],
                             input=script, capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"error: psql failed: {out.stderr.strip()[:800]}")
        return out.stdout

    def load(self, articles: list) -> float:
        """Creates and fills the articles table; returns the seconds it took."""
        csv_path = self.dir / "articles.csv"
        with open(csv_path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            for a in articles:
                w.writerow([a["key"], a["title"], a["text"], a["date"][:10] or None, a["source"], a["section"]])
        start = time.perf_counter()
        self.psql(f"""
            CREATE TABLE articles (key text PRIMARY KEY, title text, body text, date date, source text,
                                   section text, tsv tsvector);
            \\copy articles (key, title, body, date, source, section) FROM '{csv_path}' WITH (FORMAT csv)
            UPDATE articles SET tsv = setweight(to_tsvector('spanish', coalesce(title, '')), 'A') ||
                                      setweight(to_tsvector('spanish', coalesce(body, '')), 'B');
            CREATE INDEX articles_tsv ON articles USING gin (tsv);
            CREATE INDEX articles_date ON articles (date);
            VACUUM ANALYZE articles;
        """)
        return time.perf_counter() - start

    def run_statements(self, statements: list) -> tuple:
        """Runs each statement with \\timing; returns (rows per statement, ms per statement)."""
        parts = ["\\timing on"]
        for s in statements:
            parts.append(s.rstrip().rstrip(";") + ";")
            parts.append(f"\\echo '{STATEMENT_END}'")
        out = self.psql("\n".join(parts) + "\n")
        rows, times = [], []
        for chunk in out.split(STATEMENT_END + "\n")[:len(statements)]:
            lines = [l for l in chunk.split("\n") if l]
            ms = [float(m.group(1)) for l in lines if (m := re.match(r"Time: ([\d.]+) ms", l))]
            rows.append([l.split("\t") for l in lines if not l.startswith("Time: ")])
            times.append(sum(ms))
        return rows, times


def literal(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def relevance_statement(query: str, any_word: bool = False, limit: int = 10) -> str:
    """websearch_to_tsquery('spanish') ranked by ts_rank_cd; any_word turns its ANDs into ORs."""
    tsq = f"websearch_to_tsquery('spanish', {literal(query)})"
    if any_word:
        tsq = f"replace({tsq}::text, ' & ', ' | ')::tsquery"
    return (f"SELECT key FROM articles, (SELECT {tsq} AS q) s WHERE tsv @@ q "
            f"ORDER BY ts_rank_cd(tsv, q) DESC, key LIMIT {limit}")
