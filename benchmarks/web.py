"""Benchmark the web page's search and finding pages at 100,000 findings on SQLite.

Why through the app: what a person waits for is the page, not the query — parameters parsed,
the search with its facets, snippets made safe, the template rendered; for the finding page
also the document read from the store, its findings cut into segments and the similar
findings. Server time is the `Server-Timing` header the app sets around each request (routing,
handler, rendering), read through Starlette's TestClient, so no network is in the number.

The findings are benchmarks/search.py's synthetic ones (genre templates, Zipf-like topics),
stored as documents of 10 findings each (the store is what the finding page reads), then
indexed from the store as `kiemtra reindex` does. Search requests mix the staff phrases of
benchmarks/search.py, with and without accents, a third of them narrowed by a facet the page
offers (year, area, polarity, province, unit), some on page 2 or sorted by date; every search
page asks for the facets. Finding pages open random findings; their similar findings are a
page of their own that web/static/app.js inserts (the "similar" row, no goal: it is the
backend's `similar`, measured in benchmarks/search.py). Goal: p95 <= 150 ms for search and finding.

    .venv/bin/python benchmarks/web.py --n 100000 --requests 300 [--db /tmp/web-bench.db]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# Run as a script, this folder comes first on sys.path, and this file would shadow the `web`
# package: put the repository there instead and import the search benchmark as a module of it.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent), *(p for p in sys.path if Path(p or ".").resolve() != _HERE)]

from benchmarks.search import TEXTS, _name, synthetic_records  # noqa: E402
from core.levels import Level  # noqa: E402
from core.models import (  # noqa: E402
    AREAS,
    POLARITIES,
    Area,
    Block,
    Document,
    Extraction,
    Finding,
    Polarity,
    Role,
    Source,
    Unit,
)
from core.settings import load_settings  # noqa: E402
from index.base import FindingRecord  # noqa: E402
from index.sqlite_fts import SqliteFtsBackend  # noqa: E402
from index.store import Store  # noqa: E402
from nlp.themes import other_code  # noqa: E402

PER_DOCUMENT = 10  # synthetic_records groups findings into documents of 10


def _documents(n: int, seed: int) -> Iterator[tuple[Document, Extraction]]:
    """The synthetic findings as stored documents: their sentences joined, offsets kept."""
    themes = _themes_by_area()
    batch: list[FindingRecord] = []
    for record in synthetic_records(n, random.Random(seed)):
        batch.append(record)
        if len(batch) == PER_DOCUMENT:
            yield _document(batch, themes)
            batch = []
    if batch:
        yield _document(batch, themes)


def _themes_by_area() -> dict[str, list[str]]:
    from nlp.themes import load_taxonomy

    by_area: dict[str, list[str]] = {}
    for theme in load_taxonomy().themes:
        by_area.setdefault(theme.area, []).append(theme.code)
    return by_area


def _document(records: list[FindingRecord], themes: dict[str, list[str]]) -> tuple[Document, Extraction]:
    """Stored as the pipeline stores them: each finding with a theme (drawn within its area,
    as the templates do not say more; the pipeline assigns it from the text at ingestion)."""
    first = records[0]
    heading = f"Báo cáo kết quả kiểm tra cải cách hành chính năm {first.year} ({first.doc_id})"
    parts, findings, pos = [heading], [], len(heading)
    for r in records:
        pos += 2
        theme = random.Random(r.finding_id).choice(themes.get(r.area, [other_code(r.area)]))
        findings.append(
            Finding(
                Polarity(r.polarity), Area(r.area), r.text, pos, pos + len(r.text), r.units, theme, r.text
            )
        )
        parts.append(r.text)
        pos += len(r.text)
    text = "\n\n".join(parts)
    level, name = first.unit_levels[0].rsplit(" ", 2)[0], first.units[0]
    unit = Unit(Level(level), name, Role.INSPECTED, first.provinces[0])
    key = hashlib.sha256(text.encode()).hexdigest()
    source = Source(f"/nonexistent/{first.doc_id}.txt", key, "txt", "txt", len(text.encode()), pages=1)
    return (
        Document(first.doc_id, text, (Block(0, len(text), 1),), source),
        Extraction(
            first.doc_id,
            title=heading,
            published=first.published,
            inspection_year=first.year,
            units=(unit,),
            findings=tuple(findings),
        ),
    )


def build(db: Path, n: int, seed: int) -> None:
    started = time.perf_counter()
    with Store(db, segmenter=str) as store:
        for document, extraction in _documents(n, seed):
            store.save(document, extraction, extractor_version="bench")
        stored = time.perf_counter()
        backend = SqliteFtsBackend(db)
        try:
            backend.rebuild(store.finding_records())
        finally:
            backend.close()
    print(f"built {db}: stored in {stored - started:.0f} s, indexed in {time.perf_counter() - stored:.0f} s")


def _search_params(rng: random.Random) -> dict[str, str]:
    params = {"q": rng.choice(TEXTS)}
    if rng.random() < 1 / 3:
        key = rng.choice(("nam", "linh_vuc", "loai", "tinh", "don_vi"))
        params[key] = {
            "nam": lambda: str(rng.randint(2016, 2025)),
            "linh_vuc": lambda: rng.choice(AREAS),
            "loai": lambda: rng.choice(POLARITIES),
            "tinh": lambda: _name(random.Random(1000 + rng.randrange(30))),
            "don_vi": lambda: _name(rng),
        }[key]()
    if rng.random() < 0.2:
        params["trang"] = "2"
    if rng.random() < 0.2:
        params["sap_xep"] = "date"
    return params


def _ms(header: str) -> float:
    return float(header.split("dur=", 1)[1])


def _line(name: str, server: list[float], wall: list[float]) -> str:
    def p(values: list[float], q: int) -> float:
        return statistics.quantiles(values, n=100)[q - 1]

    return (
        f"{name:>13}: server p50 {p(server, 50):6.1f} ms  p95 {p(server, 95):6.1f} ms"
        f"   (client wall p95 {p(wall, 95):6.1f} ms, {len(server)} requests)"
    )


def measure(db: Path, requests: int, seed: int) -> None:
    from starlette.testclient import TestClient

    from web.app import create_app

    rng = random.Random(seed)
    with Store(db, readonly=True) as store:
        keys = [d.doc_key for d in store.documents()]
        ids = [store.finding_ids(rng.choice(keys))[rng.randrange(PER_DOCUMENT)] for _ in range(requests)]
        findings = store.stats().findings
    print(f"{findings:,} findings in {len(keys):,} documents")
    settings = load_settings({"db_path": str(db), "backend": "sqlite"}, environ={})
    with TestClient(create_app(settings)) as client:
        client.get("/")  # warm-up: the backend loads its in-memory columns once
        pages = {
            "search": [
                f"/?{'&'.join(f'{k}={v}' for k, v in _search_params(rng).items())}" for _ in range(requests)
            ],
            "finding": [f"/phat-hien/{fid}" for fid in ids],
            "browse": ["/"] * (requests // 5),
            "similar": [f"/phat-hien/{fid}/tuong-tu" for fid in ids[: requests // 3]],
        }
        for name, urls in pages.items():
            server, wall = [], []
            for url in urls:
                t0 = time.perf_counter()
                response = client.get(url)
                wall.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
                server.append(_ms(response.headers["server-timing"]))
            print(_line(name, server, wall))
        cold = client.get("/so-sanh")
        cached = [_ms(client.get("/so-sanh").headers["server-timing"]) for _ in range(20)]
        print(
            f"   comparison: first request {_ms(cold.headers['server-timing']) / 1000:.1f} s"
            " (reads every finding),"
            f" then p50 {statistics.median(cached):.1f} ms from the cache until the store changes"
        )
        cells = [html.unescape(u) for u in re.findall(r'href="(/so-sanh/bang-chung[^"]*)"', cold.text)]
        evidence = [
            _ms(client.get(url).headers["server-timing"]) for url in rng.sample(cells, min(40, len(cells)))
        ]
        print(
            f"     evidence: p50 {statistics.median(evidence):.1f} ms  max {max(evidence):.1f} ms"
            f" ({len(evidence)} cells and recurrences of the comparison page)"
        )
    print(f"load average {Path('/proc/loadavg').read_text().split()[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=100_000, help="synthetic findings")
    parser.add_argument("--requests", type=int, default=300, help="requests per page kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, help="keep the built store here and reuse it on the next run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "web-bench.db"
        if not db.exists():
            build(db, args.n, args.seed)
        SqliteFtsBackend(db).close()  # a kept store from an older kiemtra: its index migrates once, writable
        measure(db, args.requests, args.seed)


if __name__ == "__main__":
    main()
