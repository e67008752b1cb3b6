"""Zero results per query shape: how often kiemtra returns nothing while a plain ORed FTS5 index
over the same findings returns something.

Why this benchmark: issue 12 asks that a query never come back empty while findings share its
words, and the judged sets hold too few such queries to say which shapes of query still do (one
in 48 of a held-out set). So this generates the queries staff type, from the dev corpus's own
ingested findings (a seeded sample, so a run is repeatable), one shape at a time — a phrase of a
finding as written, without accents, in mixed case, with a syllable dropped or misspelt, with a
year or quarter, a unit or province the corpus has or has not, a document number, a question or
a negation around it, an unknown word beside it, one word alone, an abbreviation or shorthand
from index/vi, an English word of the genre — and runs every judged set's queries (not the
sealed one) and their folded twins as well. For each it asks the composed search
(pipeline/search.py, what every user gets) and the ORed FTS5 peer (search_quality.PlainFts), and
prints per shape: the queries, kiemtra's zero-result rate, and the rate of queries kiemtra
leaves empty while the peer finds something (the issue's failure). Numbers, not a timed test.

    .venv/bin/python benchmarks/zero_results.py --store /tmp/NAME-store [--es-url URL --es-prefix NAME]
        [--per-shape N] [--examples N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tomllib
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.devcorpus import DEFAULT_CORPUS  # noqa: E402
from benchmarks.folded_twins import twin  # noqa: E402
from benchmarks.search_quality import (  # noqa: E402
    DEPTH,
    PlainFts,
    build_store,
    load_queries,
    stored_records,
)
from benchmarks.train_ranker import JUDGMENTS  # noqa: E402
from core.normalize import fold  # noqa: E402
from index.base import FindingRecord, Query, SearchBackend  # noqa: E402

SEED = 14
_WORD = re.compile(r"[^\W\d_]+")
# Provinces a staff member may type: a few the dev corpus may not hold (the shape "province absent"
# keeps those no finding names, "province present" the ones the findings' units name).
PROVINCES = ("Cà Mau", "Lai Châu", "Điện Biên", "Bạc Liêu", "Kon Tum", "Hà Giang", "Quảng Ninh",
             "Nghệ An", "Thanh Hóa", "Đồng Tháp", "An Giang", "Sơn La", "Bình Định", "Hà Nội")
# English words the genre's reports and staff use.
ENGLISH = ("index", "online", "kiosk", "app", "website", "email", "zalo", "hotline", "wifi",
           "camera", "QR", "smartphone", "PAR", "SIPAS", "fanpage", "internet", "server")
# Vietnamese words a staff member may type that are real but likely absent from a small corpus.
OTHER_WORDS = ("bóng đá", "du lịch", "thời tiết", "điện thoại", "ô tô", "máy in", "điều hòa",
               "bãi đỗ xe", "nhà vệ sinh", "ghế chờ", "nước uống", "tivi")
QUESTIONS = ("{} ở đâu", "xã nào {}", "tại sao {}", "{} như thế nào", "có {} không", "{} là gì",
             "vì sao {}", "bao nhiêu {}")
NEGATIONS = ("ko {}", "chưa {}", "không {}", "{} chưa", "k0 {}")
YEARS = ("năm 2019", "2021", "năm 2023", "quý 2 năm 2022", "quý I", "6 tháng đầu năm 2020", "2024")
DOC_NUMBERS = ("số 123/QĐ-UBND", "Kế hoạch 45/KH-UBND", "139/QĐ-UBND", "Công văn 2087/UBND-NC")


def phrase(rng: random.Random, texts: list[list[str]], lo: int = 1, hi: int = 4) -> str:
    """lo..hi consecutive words of a random finding, as written."""
    while True:
        words = rng.choice(texts)
        n = rng.randint(lo, hi)
        if len(words) >= n:
            start = rng.randrange(len(words) - n + 1)
            return " ".join(words[start:start + n])


def misspelt(rng: random.Random, word: str) -> str:
    """`word` with one letter dropped, doubled or swapped with the next."""
    if len(word) < 3:
        return word + word[-1]
    k = rng.randrange(1, len(word) - 1)
    how = rng.randrange(3)
    if how == 0:
        return word[:k] + word[k + 1:]
    if how == 1:
        return word[:k] + word[k] + word[k:]
    return word[:k - 1] + word[k] + word[k - 1] + word[k + 1:]


def mixed_case(rng: random.Random, text: str) -> str:
    return " ".join(w.upper() if rng.random() < 0.3 else w.title() if rng.random() < 0.5 else w
                    for w in text.split())


def abbreviations() -> list[str]:
    """The abbreviations and shorthand the query tables list (index/vi: synonyms.toml's forms in
    capitals, shorthand.toml's typed forms)."""
    data = Path(__file__).resolve().parents[1] / "index" / "vi"
    synonyms = tomllib.loads((data / "synonyms.toml").read_text(encoding="utf-8"))
    forms = [t for s in synonyms.get("set", []) for t in s["terms"]
             if t == t.upper() and " " not in t and any(c.isalpha() for c in t)]
    shorthand = tomllib.loads((data / "shorthand.toml").read_text(encoding="utf-8"))
    forms += [t for f in shorthand.get("form", []) for t in f["typed"]]
    return sorted(set(forms))


def generated(records: list[FindingRecord], per_shape: int) -> Iterator[tuple[str, str]]:
    """(shape, query text): `per_shape` queries of each shape from the findings' texts."""
    rng = random.Random(SEED)
    texts = [_WORD.findall(r.text) for r in records]
    texts = [t for t in texts if len(t) >= 4]
    in_corpus = {fold(u).lower() for r in records for u in (*r.units, *r.provinces)}
    present = [p for p in PROVINCES if any(fold(p).lower() in u for u in in_corpus)] or ["Hà Nội"]
    absent = [p for p in PROVINCES if p not in present]
    numbers = sorted({n for r in records for n in r.doc_numbers}) or list(DOC_NUMBERS)
    abbrs = abbreviations()
    shapes: dict[str, Callable[[], str]] = {
        "phrase 1-4 words": lambda: phrase(rng, texts),
        "phrase folded": lambda: fold(phrase(rng, texts)),
        "phrase mixed case": lambda: mixed_case(rng, phrase(rng, texts, 2, 4)),
        "one syllable dropped": lambda: _dropped(rng, phrase(rng, texts, 3, 4)),
        "one syllable misspelt": lambda: _misspelt_phrase(rng, phrase(rng, texts, 2, 4)),
        "single word": lambda: phrase(rng, texts, 1, 1),
        "single word folded": lambda: fold(phrase(rng, texts, 1, 1)),
        "single word misspelt": lambda: misspelt(rng, phrase(rng, texts, 1, 1)),
        "abbreviation alone": lambda: rng.choice(abbrs),
        "abbreviation + words": lambda: f"{rng.choice(abbrs)} {phrase(rng, texts, 1, 2)}",
        "year or quarter": lambda: f"{phrase(rng, texts, 1, 3)} {rng.choice(YEARS)}",
        "province present": lambda: f"{phrase(rng, texts, 1, 3)} {rng.choice(present)}",
        "province absent": lambda: f"{phrase(rng, texts, 1, 3)} {rng.choice(absent)}",
        "province absent folded": lambda: fold(f"{phrase(rng, texts, 1, 3)} {rng.choice(absent)}").lower(),
        "document number": lambda: f"{phrase(rng, texts, 1, 2)} {rng.choice(numbers)}",
        "unknown document number": lambda: f"{phrase(rng, texts, 1, 2)} {rng.choice(DOC_NUMBERS)}",
        "question words": lambda: rng.choice(QUESTIONS).format(phrase(rng, texts, 1, 3)),
        "negation": lambda: rng.choice(NEGATIONS).format(phrase(rng, texts, 1, 3)),
        "unknown word beside": lambda: f"{phrase(rng, texts, 1, 3)} {rng.choice(OTHER_WORDS)}",
        "unknown word alone": lambda: rng.choice(OTHER_WORDS),
        "english word alone": lambda: rng.choice(ENGLISH),
        "english word beside": lambda: f"{rng.choice(ENGLISH)} {phrase(rng, texts, 1, 2)}",
    }
    for shape, make in shapes.items():
        seen: set[str] = set()
        for _ in range(per_shape * 3):
            text = make()
            if text not in seen:
                seen.add(text)
                yield shape, text
            if len(seen) >= per_shape:
                break


def _dropped(rng: random.Random, text: str) -> str:
    words = text.split()
    del words[rng.randrange(len(words))]
    return " ".join(words)


def _misspelt_phrase(rng: random.Random, text: str) -> str:
    words = text.split()
    k = rng.randrange(len(words))
    words[k] = misspelt(rng, words[k])
    return " ".join(words)


def judged(paths: list[Path]) -> Iterator[tuple[str, str]]:
    """(shape, text) of every judged query (its kind) and of its folded twin."""
    for path in paths:
        for query in load_queries(path):
            yield f"judged {query['kind']}", query["text"]
            folded = twin(query["text"])
            if folded != query["text"]:
                yield "judged folded twin", folded


Row = tuple[str, str, bool, bool, bool]  # shape, text, kiemtra empty, peer finds, peer finds by a read word


def measure(backend: SearchBackend, peer: PlainFts, queries: list[tuple[str, str]]) -> list[Row]:
    """Per query: whether the composed search finds nothing, and then whether the ORed peer finds
    something by all the words typed, and by the words kiemtra reads (its stop, question and
    citation words left out: `Plan.dropped`), so a peer matching only "các" or "trong" is told
    apart from one matching a word the user meant."""
    from pipeline.search import search

    rows: list[Row] = []
    for shape, text in queries:
        result = search(backend, Query(text=text, limit=DEPTH))
        if result.hits:
            rows.append((shape, text, False, True, True))
            continue
        dropped = {fold(w).lower() for w in (result.plan.dropped if result.plan else ())}
        read = " ".join(w for w in _WORD.findall(text) if fold(w).lower() not in dropped)
        rows.append((shape, text, True, bool(peer.search({"text": text})),
                     bool(read) and bool(peer.search({"text": read}))))
    return rows


def print_rates(name: str, rows: list[Row], examples: int) -> None:
    per: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        per[row[0]].append(row)
    print(f"\n{name}: per shape, kiemtra empty; empty while the ORed FTS5 peer finds something by the words"
          " typed; by the words kiemtra reads (stop and question words left out)")
    print("| shape | queries | kiemtra empty | empty, peer finds | empty, peer finds by a read word |")
    print("|---|---|---|---|---|")
    for shape, of in [*per.items(), ("all", rows)]:
        cells = [sum(r[2] for r in of), sum(r[2] and r[3] for r in of), sum(r[2] and r[4] for r in of)]
        print(f"| {shape} | {len(of)} | " + " | ".join(f"{c / len(of):.1%} ({c})" for c in cells) + " |")
    if examples:
        for shape, of in per.items():
            shown = [r[1] for r in of if r[2] and r[3]][:examples]
            if shown and not shape.startswith("judged"):
                print(f"  {shape}: " + " · ".join(shown))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--store", type=Path, required=True, help="the ingested store (built when absent)")
    parser.add_argument("--judgments", type=Path, nargs="*", default=list(JUDGMENTS))
    parser.add_argument("--per-shape", type=int, default=40, help="generated queries per shape")
    parser.add_argument("--examples", type=int, default=0, help="print this many empty queries per shape")
    parser.add_argument("--es-url", help="also ask Elasticsearch at this URL (a sample: --es-sample)")
    parser.add_argument("--es-prefix", default="kiemtra-zero", help="prefix of the index made and dropped")
    parser.add_argument("--es-sample", type=int, default=10, help="queries per shape asked of Elasticsearch")
    args = parser.parse_args()
    args.store.mkdir(parents=True, exist_ok=True)
    database = build_store(args.corpus, args.store)
    records = stored_records(database)
    queries = [*generated(records, args.per_shape), *judged(args.judgments)]
    peer = PlainFts(records, "OR")
    from index.sqlite_fts import SqliteFtsBackend

    sqlite = SqliteFtsBackend(database)
    try:
        print_rates("kiemtra SQLite", measure(sqlite, peer, queries), args.examples)
    finally:
        sqlite.close()
    if args.es_url:
        from index.elastic import ElasticBackend

        per: dict[str, int] = defaultdict(int)
        sample = []
        for shape, text in queries:
            if per[shape] < args.es_sample:
                per[shape] += 1
                sample.append((shape, text))
        elastic = ElasticBackend(args.es_url, f"{args.es_prefix}-{uuid.uuid4().hex[:8]}")
        try:
            elastic.rebuild(records)
            print_rates("kiemtra Elasticsearch (sample)", measure(elastic, peer, sample), args.examples)
        finally:
            elastic.drop()
            elastic.close()


if __name__ == "__main__":
    main()
