#!/usr/bin/env python3
"""kill -9 at random moments of an indexing run (issue #14): after each kill the
database passes xapian-check, the next run resumes it, and the database at the
end equals a clean run's: the same number of documents, the same ids (Q terms),
the same terms, and no id twice.

    tests/hostile/kill9.py --index build/indexer/hemeroteca-index --kills 20 --articles 2000

The articles are generated here (deterministic for --seed), in a temporary
directory, unless --input names files or folders to index instead (e.g. the
shared articles). Exits 0 when every check holds, 1 otherwise.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def generate(folder: Path, count: int, files: int, rng: random.Random) -> list:
    syllables = ["ca", "sa", "ma", "lo", "re", "ti", "de", "la", "pa", "co", "mu", "ni", "go", "ber", "ción",
                 "es", "tra", "pre", "sen", "do", "ra", "li", "to", "mi", "nis", "te", "rio", "pue", "blo"]
    words = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(3000)})
    paths = []
    for f in range(files):
        path = folder / f"noticias-{f}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(f, count, files):
                title = " ".join(rng.choice(words) for _ in range(rng.randint(4, 9))).capitalize()
                paras = [" ".join(rng.choice(words) for _ in range(rng.randint(30, 80))) + "." for _ in range(3)]
                out.write(json.dumps({
                    "url": f"https://diario.example/{2000 + i % 25}/{i}.html",
                    "title": title,
                    "text": "\n\n".join(paras),
                    "date": f"{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "section": rng.choice(["Política", "Economía", "Cultura", "Deportes"]),
                }, ensure_ascii=False) + "\n")
        paths.append(str(path))
    return paths


def delve_terms(db: Path) -> list:
    out = subprocess.run(["xapian-delve", "-a", str(db)], capture_output=True, text=True, check=True).stdout
    return out.split()


def doc_count(db: Path) -> int:
    out = subprocess.run(["xapian-delve", str(db)], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("number of documents"):
            return int(line.split("=")[1])
    raise RuntimeError("xapian-delve printed no document count")


def snapshot(db: Path) -> dict:
    terms = delve_terms(db)
    return {"docs": doc_count(db), "ids": sorted(t for t in terms if t.startswith("Q")), "terms": terms}


def index_cmd(args, db: Path, inputs: list) -> list:
    return [args.index, "--db", str(db), "-q", "--commit-every", str(args.commit_every), *inputs]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--index", required=True, help="the hemeroteca-index binary")
    p.add_argument("--kills", type=int, default=20)
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--files", type=int, default=4)
    p.add_argument("--commit-every", type=int, default=100)
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--input", nargs="*", help="index these instead of generated articles")
    args = p.parse_args()
    if not shutil.which("xapian-check") or not shutil.which("xapian-delve"):
        print("SKIPPED: xapian-check and xapian-delve (xapian-tools) are not installed")
        return 77
    rng = random.Random(args.seed)
    failures = []
    with tempfile.TemporaryDirectory(prefix="hemeroteca-kill9-") as tmp:
        tmp = Path(tmp)
        inputs = args.input or generate(tmp, args.articles, args.files, rng)

        start = time.monotonic()
        subprocess.run(index_cmd(args, tmp / "clean.db", inputs), check=True, stdout=subprocess.DEVNULL)
        clean_seconds = time.monotonic() - start
        clean = snapshot(tmp / "clean.db")
        print(f"clean run: {clean['docs']} documents in {clean_seconds:.2f} s")
        if clean["docs"] != len(clean["ids"]) or len(set(clean["ids"])) != len(clean["ids"]):
            failures.append("the clean run itself has documents without an id or ids twice")

        # The kills are spread over the run: each comes at a random moment of a
        # window of about 2/kills of the clean run's time, and the next run resumes
        # what the killed one left. A run that ends before it is killed closes a
        # round: its database is compared with the clean one and a new round starts
        # from an empty database.
        def compare(db: Path, label: str) -> None:
            final = subprocess.run(index_cmd(args, db, inputs), capture_output=True, text=True)
            if final.returncode != 0:
                failures.append(f"{label}: the final run failed ({final.returncode}): {final.stderr[-2000:]}")
            after = snapshot(db)
            if after["docs"] != clean["docs"]:
                failures.append(f"{label}: {after['docs']} documents, {clean['docs']} in the clean run")
            if after["ids"] != clean["ids"]:
                missing = sorted(set(clean["ids"]) - set(after["ids"]))[:5]
                extra = sorted(set(after["ids"]) - set(clean["ids"]))[:5]
                failures.append(f"{label}: ids differ: missing {missing}, extra {extra}")
            if after["docs"] != len(after["ids"]):
                failures.append(f"{label}: {after['docs']} documents, {len(after['ids'])} distinct ids")
            if after["terms"] != clean["terms"]:
                failures.append(f"{label}: the terms differ from the clean run's")
            print(f"{label}: {after['docs']} documents, {len(after['ids'])} distinct ids, terms "
                  f"{'equal' if after['terms'] == clean['terms'] else 'DIFFER'}")

        window = max(clean_seconds, 0.2) * 2 / args.kills
        rounds = 0
        db = tmp / "killed-0.db"
        killed_at = []
        for k in range(args.kills):
            proc = subprocess.Popen(index_cmd(args, db, inputs), stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            moment = rng.uniform(0.05, window)
            try:
                proc.wait(timeout=moment)
                killed_at.append(f"{moment:.2f}s(ended)")
                compare(db, f"round {rounds + 1} (after kill {k})")
                rounds += 1
                db = tmp / f"killed-{rounds}.db"
                continue
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                killed_at.append(f"{moment:.2f}s")
            if not db.exists():
                continue
            check = subprocess.run(["xapian-check", str(db)], capture_output=True, text=True)
            if check.returncode != 0:
                failures.append(f"kill {k + 1} at {moment:.2f} s: xapian-check failed:\n{check.stdout[-2000:]}")
        print(f"{sum(1 for m in killed_at if 'ended' not in m)} kills at: " + " ".join(killed_at))
        compare(db, f"round {rounds + 1} (the last)")
        again = subprocess.run(index_cmd(args, db, inputs), capture_output=True, text=True)
        if again.returncode != 0 or doc_count(db) != clean["docs"]:
            failures.append("running once more failed or changed the number of documents")
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
