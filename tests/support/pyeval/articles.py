"""The articles every system sees: extracted once by `hemeroteca-index --dry-run
--json`, so PostgreSQL and SQLite get exactly the title and text Hemeroteca
indexes. Each article is identified by its key: the URL, or (no URL) the
indexer's stable id "<file name>#<id>"."""
import json
import subprocess

from . import paths


def article_key(record: dict) -> str:
    return record.get("url") or record.get("id") or ""


def extract_articles(inputs: list) -> list:
    """Articles of `inputs` (files, folders) as dicts with key, title, text,
    date, source, section; one per key (the last wins, like the indexer)."""
    out = subprocess.run([str(paths.binary("hemeroteca-index")), "--dry-run", "--json", "--quiet",
                          *map(str, inputs)], capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"error: hemeroteca-index --dry-run failed: {out.stderr.strip()}")
    by_key = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        key = article_key(record)
        if key:
            by_key[key] = {"key": key, "title": record.get("title", ""), "text": record.get("text", ""),
                           "date": record.get("date", ""), "source": record.get("source", ""),
                           "section": record.get("section", "")}
    return list(by_key.values())


def write_jsonl(articles: list, path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def read_jsonl(path) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
