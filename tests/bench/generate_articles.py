#!/usr/bin/env python3
"""Generates realistic Spanish news articles (JSON Lines) for the search speed
benchmark, from the shared articles' own sentences: each new article has a
title recombined from two real headlines, a body of real sentences drawn from
several articles (grouped into paragraphs), a date spread over 2009-2026, and
an outlet and section. Deterministic for a given --seed. Written where you say
(a temp dir); never commit the output.

    tests/bench/generate_articles.py --count 100000 --out /tmp/x/articles.jsonl
"""
import argparse
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from pyeval import paths  # noqa: E402

OUTLETS = [("El Diario Austral", "diarioaustral.cl"), ("La Voz del Caribe", "lavozdelcaribe.do"),
           ("Crónica Andina", "cronicaandina.pe"), ("El Heraldo Metropolitano", "heraldometro.mx"),
           ("Diario de la Costa", "diariodelacosta.es"), ("La Gaceta del Plata", "gacetadelplata.ar"),
           ("Noticias del Valle", "noticiasdelvalle.co"), ("El Observador Central", "observadorcentral.ve")]
SECTIONS = ["Política", "Economía", "Internacional", "Sociedad", "Deportes", "Cultura", "Ciencia", "Tecnología",
            "Salud", "Opinión"]
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“¿¡A-ZÁÉÍÓÚÑ])")
FIRST_DAY, DAYS = date(2009, 1, 1), (date(2026, 6, 30) - date(2009, 1, 1)).days


def load_pools(files: list) -> tuple:
    """(real titles, real sentences) from the shared JSON Lines files."""
    titles, sentences = [], []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                title = record.get("title") or record.get("headline") or ""
                body = record.get("body") or record.get("text") or ""
                if 20 <= len(title) <= 160 and not title.isupper():
                    titles.append(title.strip())
                for s in SENTENCE_END.split(body.replace("\n", " ")):
                    if 40 <= len(s) <= 400:
                        sentences.append(s.strip())
    return titles, sentences


def new_title(rng: random.Random, titles: list) -> str:
    a, b = rng.choice(titles).split(), rng.choice(titles).split()
    head = a[:max(2, len(a) // 2)]
    tail = b[len(b) // 2:]
    return " ".join(head + tail)


def new_body(rng: random.Random, sentences: list) -> str:
    paragraphs = []
    for _ in range(rng.randint(2, 6)):
        start = rng.randrange(len(sentences) - 4)
        run = sentences[start:start + rng.randint(1, 4)]  # neighbours: usually from one article
        paragraphs.append(" ".join(run))
    return "\n\n".join(paragraphs)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:60].strip("-")


def generate(count: int, seed: int, out: Path) -> None:
    files = paths.shared_article_files()
    if not files:
        paths.skip(f"the generator needs the shared articles in {paths.shared_data()}")
    titles, sentences = load_pools(files)
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as f:
        for n in range(count):
            outlet, domain = rng.choice(OUTLETS)
            section = rng.choice(SECTIONS)
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            title = new_title(rng, titles)
            article = {"url": f"https://www.{domain}/{slug(section)}/{day:%Y/%m/%d}/{slug(title)}-{n}",
                       "title": title, "date": day.isoformat(), "source": outlet, "section": section,
                       "text": new_body(rng, sentences)}
            f.write(json.dumps(article, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.count, args.seed, args.out)


if __name__ == "__main__":
    main()
