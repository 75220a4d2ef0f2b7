"""SQLite FTS5 over the articles: columns title and body, the unicode61
tokenizer with diacritics removed (no stemming), ranked by bm25 with the title
weighted 2x. Python's sqlite3 module, in process."""
import re
import sqlite3
import time
from pathlib import Path

WORD = re.compile(r"\w+")


def fts5_available() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")
        return True
    except sqlite3.OperationalError:
        return False


def open_loaded(path, articles: list) -> tuple:
    """Creates the database at path, replacing any left by an earlier run (':memory:' works);
    returns (connection, seconds)."""
    if str(path) != ":memory:":
        Path(path).unlink(missing_ok=True)
    db = sqlite3.connect(str(path))
    start = time.perf_counter()
    db.executescript("""
        CREATE TABLE meta (id INTEGER PRIMARY KEY, key TEXT, date TEXT, source TEXT, section TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE INDEX meta_date ON meta (date);
    """)
    with db:
        for i, a in enumerate(articles, start=1):
            db.execute("INSERT INTO meta VALUES (?, ?, ?, ?, ?)", (i, a["key"], a["date"][:10], a["source"],
                                                                 a["section"]))
            db.execute("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", (i, a["title"], a["text"]))
    db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    db.commit()
    return db, time.perf_counter() - start


def match_expression(query: str, any_word: bool = False) -> str:
    """User query -> FTS5 MATCH: "quoted phrases" stay phrases, other words are
    quoted terms, joined by AND (FTS5's implicit operator) or, with any_word, OR."""
    parts = []
    for m in re.finditer(r'"([^"]*)"|(\S+)', query):
        if m.group(1) is not None:
            words = WORD.findall(m.group(1))
            if words:
                parts.append('"' + " ".join(words) + '"')
        else:
            parts.extend(f'"{w}"' for w in WORD.findall(m.group(2)))
    return (" OR " if any_word else " ").join(parts)


def search_keys(db, query: str, any_word: bool = False, limit: int = 10) -> list:
    expr = match_expression(query, any_word)
    if not expr:
        return []
    rows = db.execute("SELECT meta.key FROM fts JOIN meta ON meta.id = fts.rowid WHERE fts MATCH ? "
                      "ORDER BY bm25(fts, 2.0, 1.0) LIMIT ?", (expr, limit)).fetchall()
    return [r[0] for r in rows]
