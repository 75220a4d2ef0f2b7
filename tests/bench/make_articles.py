#!/usr/bin/env python3
"""Writes N realistic Spanish news articles as JSON Lines, for the load benchmark.

Recombines the real articles in ../shared/data/articles (about 8,100): each
generated article takes a real headline with a few words swapped for words of
other headlines, a body of 4-20 real sentences drawn from the whole pool (so
word frequencies, sentence lengths and vocabulary stay those of real news),
and outlet, section and date drawn from the real distributions.
Deterministic (--seed). Never commit its output.

    make_articles.py --count 100000 --out /tmp/articles.jsonl [--data ../shared/data/articles]
                     [--queries /tmp/queries.txt]

--queries also writes a query mix for wrk: one /api/search request path a line,
as the page sends them (facets on), with words and phrases from real headlines,
some paged, sorted by date or filtered by outlet or year.
"""
import argparse
import glob
import json
import os
import random
import re
import urllib.parse

SECTIONS = ["Política", "Economía", "Internacional", "Sociedad", "Deportes", "Cultura", "Ciencia", "Tecnología",
            "Salud", "Opinión", "Nacional", "Judicial"]


def load(data_dir):
    titles, sentences, sources, years = [], [], [], []
    splitter = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÁÉÍÓÚÑ¿¡«])")
    for path in sorted(glob.glob(os.path.join(data_dir, "*", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    a = json.loads(line)
                except ValueError:
                    continue
                title = (a.get("title") or a.get("headline") or "").strip()
                body = (a.get("body") or a.get("text") or "").strip()
                if title and not title.isupper():
                    titles.append(title)
                sentences.extend(s.strip() for s in splitter.split(body) if 30 <= len(s.strip()) <= 400)
                source = a.get("newspaper") or a.get("source")
                if source:
                    sources.append(source)
                m = re.match(r"(\d{4})", str(a.get("date") or ""))
                if m:
                    years.append(int(m.group(1)))
    if not titles or not sentences:
        raise SystemExit(f"no articles under {data_dir}")
    return titles, sentences, sources or ["Diario de Pruebas"], years or [2020]


def make_title(rng, titles):
    words = rng.choice(titles).split()
    for _ in range(min(2, len(words) // 4)):
        donor = rng.choice(titles).split()
        words[rng.randrange(len(words))] = rng.choice(donor)
    return " ".join(words)


def stopwords():
    """The analyser's Spanish stop-words, read from its source (one list, not two)."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../common/analysis/stopwords.cc")
    with open(source, encoding="utf-8") as f:
        return set(re.findall(r'"([a-zñ]+)"', f.read()))


def fold(word):
    return word.lower().translate(str.maketrans("áéíóúü", "aeiouu"))


def make_queries(rng, titles, sources, years, count):
    words = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñü]{4,}")
    stop = stopwords()
    paths = []
    while len(paths) < count:
        found = words.findall(rng.choice(titles))
        if not found:
            continue
        start = rng.randrange(len(found))
        chosen = found[start:start + rng.choice([1, 1, 2, 2, 3])]
        if all(fold(w) in stop for w in chosen):
            continue  # only stop words: a search answers that with a 400 (README), not results
        q = " ".join(chosen).lower()
        params = {"q": q, "per_page": 10, "facets": 1}
        kind = rng.random()
        if kind < 0.10:
            params["q"] = '"' + q + '"'
        elif kind < 0.25:
            params["page"] = 2
        elif kind < 0.40:
            params["sort"] = "newest"
        elif kind < 0.50:
            params["source"] = rng.choice(sources)
        elif kind < 0.60:
            year = rng.choice(years)
            params["from"], params["to"] = f"{year}-01-01", f"{year}-12-31"
        paths.append("/api/search?" + urllib.parse.urlencode(params))
    return paths


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--data", default=os.path.join(here, "..", "..", "..", "shared", "data", "articles"))
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--queries", help="also write a query mix (request paths) here")
    parser.add_argument("--query-count", type=int, default=500, help="distinct requests in the mix")
    parser.add_argument("--zipf-requests", type=int, default=0,
                        help="write this many requests drawn from the distinct ones with Zipf weights (1/rank), "
                             "as real search traffic repeats popular queries; 0: each distinct request once")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    titles, sentences, sources, years = load(args.data)
    lo, hi = min(years), max(years)
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            year = rng.choice(years) if rng.random() < 0.5 else rng.randint(lo, hi)
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            paragraphs = []
            for _ in range(rng.randint(2, 5)):
                paragraphs.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(2, 4))))
            source = rng.choice(sources)
            article = {
                "url": f"https://bench.example/{year}/{i}.html",
                "title": make_title(rng, titles),
                "date": date,
                "author": "",
                "section": rng.choice(SECTIONS),
                "source": source,
                "lang": "es",
                "text": "\n\n".join(paragraphs),
            }
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    if args.queries:
        paths = make_queries(rng, titles, sources, years, args.query_count)
        if args.zipf_requests:
            weights = [1.0 / rank for rank in range(1, len(paths) + 1)]
            paths = rng.choices(paths, weights=weights, k=args.zipf_requests)
        with open(args.queries, "w", encoding="utf-8") as out:
            out.write("\n".join(paths) + "\n")
    print(f"{args.count} articles from {len(titles)} headlines and {len(sentences)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
