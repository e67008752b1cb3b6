"""Benchmark the search backends (SQLite FTS5, Elasticsearch) on synthetic inspection findings.

Why synthetic: the real corpus holds a few hundred findings; a province's archive holds tens of
thousands. Findings are generated from genre templates (subject, act, object, qualifier) with
random units, provinces, years, areas and polarities, indexed into a temporary database, then
queried plain, filtered and faceted. Word segmentation is left out: it is an ingest cost
measured elsewhere, and `words` is not what the SQLite backend matches on.

Indexing goes through `SearchBackend.rebuild`, the path `kiemtra reindex` takes (Elasticsearch:
a new index filled with refresh off, then the alias swap). Goals on a 2-core machine: p95
<= 50 ms on SQLite, <= 100 ms on Elasticsearch, bulk indexing >= 2,000 findings/s into ES.

    .venv/bin/python benchmarks/search.py --n 100000 --queries 200 --backend both \
        --es-url http://127.0.0.1:9200
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from index.base import FindingRecord, Query, SearchBackend
from pipeline.models import AREAS, POLARITIES

SUBJECTS = ("UBND xã", "Bộ phận một cửa", "Công chức tư pháp - hộ tịch", "Văn phòng HĐND và UBND",
            "Phòng Nội vụ", "Cán bộ địa chính", "Đơn vị", "Ban chỉ đạo cải cách hành chính")
ACTS = {
    "strength": ("đã thực hiện tốt", "đã triển khai kịp thời", "đã niêm yết công khai đầy đủ",
                 "đã ban hành đúng quy định"),
    "shortcoming": ("chưa thực hiện", "còn chậm trong việc", "chưa niêm yết đầy đủ", "thực hiện chưa đúng quy định về"),
    "recommendation": ("cần chấn chỉnh việc", "phải khắc phục ngay việc", "cần tăng cường", "đề nghị rà soát"),
}
OBJECTS = ("thủ tục hành chính", "phiếu hẹn trả kết quả", "chữ ký số trên văn bản điện tử",
           "dịch vụ công trực tuyến", "hồ sơ trễ hạn và thư xin lỗi", "kế hoạch cải cách hành chính năm",
           "chế độ báo cáo định kỳ", "quy chế văn hóa công sở", "kinh phí khoán chi hành chính",
           "số hóa kết quả giải quyết thủ tục hành chính", "đánh giá, phân loại cán bộ, công chức",
           "rà soát văn bản quy phạm pháp luật")
QUALIFIERS = ("", " theo quy định", " trong năm", " tại bộ phận tiếp nhận", " đối với lĩnh vực đất đai",
              " đối với lĩnh vực hộ tịch", " cho người dân và doanh nghiệp")
SYLLABLES = ("Tân", "An", "Phú", "Bình", "Hòa", "Long", "Thạnh", "Mỹ", "Đông", "Tây", "Hưng", "Lợi",
             "Phước", "Thuận", "Sơn", "Hải", "Thanh", "Đức", "Vĩnh", "Quảng")
LEVELS = ("xã", "phường", "thị trấn", "huyện", "thị xã")

QueryMaker = Callable[[random.Random], Query]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"


def synthetic_records(n: int, rng: random.Random) -> Iterator[FindingRecord]:
    """`n` findings, documents of 10 findings sharing units, province and year."""
    provinces = [_name(rng) for _ in range(30)]
    for i in range(n):
        doc = i // 10
        doc_rng = random.Random(doc)
        unit, level = _name(doc_rng), doc_rng.choice(LEVELS)
        year = doc_rng.randint(2016, 2025)
        polarity = rng.choice(POLARITIES)
        text = (f"{rng.choice(SUBJECTS)} {rng.choice(ACTS[polarity])} {rng.choice(OBJECTS)}"
                f"{rng.choice(QUALIFIERS)}.")
        yield FindingRecord(
            finding_id=f"f{i:08d}", doc_key=f"d{doc:07d}", doc_id=f"bao-cao-{doc}", text=text,
            polarity=polarity, area=rng.choice(AREAS), year=year, published=f"{year}-{doc_rng.randint(1, 12):02d}-15",
            units=(unit,), unit_levels=(f"{level} {unit}",), provinces=(doc_rng.choice(provinces),),
            doc_kinds=("Kế hoạch",), doc_numbers=(f"{doc}/KH-UBND",), start=0, end=len(text),
        )


QUERIES: dict[str, QueryMaker] = {
    "plain": lambda rng: Query(text=rng.choice(("phieu hen", "chữ ký số", "ho so tre han", "thu tuc", "cong khai",
                                                '"dịch vụ công trực tuyến"', "kinh phi"))),
    "filtered": lambda rng: Query(text=rng.choice(("thu tuc", "bao cao", "phieu hen")), year_from=2019, year_to=2023,
                                  polarity=rng.choice(POLARITIES), level=rng.choice(LEVELS)),
    "faceted": lambda rng: Query(text=rng.choice(("thu tuc", "can bo", "van ban")), facets=True),
    "facets, no text": lambda rng: Query(area=rng.choice(AREAS), facets=True),
}


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def measure(backend: SearchBackend, n: int, queries: int, seed: int) -> None:
    """Index `n` findings through `rebuild`, then time each kind of query; print one table."""
    rng = random.Random(seed)
    started = time.perf_counter()
    backend.rebuild(synthetic_records(n, rng))
    elapsed = time.perf_counter() - started
    print(f"[{backend.name}] indexed {backend.count():,} findings in {elapsed:.1f}s: {n / elapsed:,.0f} findings/s")
    for name, make in QUERIES.items():
        latencies: list[float] = []
        totals: list[int] = []
        for _ in range(queries):
            query = make(rng)
            t0 = time.perf_counter()
            totals.append(backend.search(query).total)
            latencies.append((time.perf_counter() - t0) * 1000)
        print(f"[{backend.name}] {name:>16}: p50 {_percentile(latencies, 50):7.1f} ms"
              f"   p95 {_percentile(latencies, 95):7.1f} ms   (mean hits {statistics.mean(totals):,.0f})")
    similar: list[float] = []
    for _ in range(min(queries, 50)):
        t0 = time.perf_counter()
        backend.similar(f"f{rng.randrange(n):08d}")
        similar.append((time.perf_counter() - t0) * 1000)
    print(f"[{backend.name}] {'similar':>16}: p50 {_percentile(similar, 50):7.1f} ms"
          f"   p95 {_percentile(similar, 95):7.1f} ms")


def run_sqlite(n: int, queries: int, seed: int) -> None:
    from index.sqlite_fts import SqliteFtsBackend

    with tempfile.TemporaryDirectory() as tmp:
        backend = SqliteFtsBackend(Path(tmp) / "bench.db")
        try:
            measure(backend, n, queries, seed)
        finally:
            backend.close()


def run_elasticsearch(n: int, queries: int, seed: int, url: str) -> None:
    """A throwaway index on the given server, dropped afterwards."""
    from index.elastic import ElasticBackend

    backend = ElasticBackend(url, f"kiemtra-bench-{uuid.uuid4().hex[:8]}", refresh=False)
    try:
        measure(backend, n, queries, seed)
    finally:
        backend.drop()
        backend.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=100_000, help="synthetic findings to index")
    parser.add_argument("--queries", type=int, default=100, help="queries per kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backend", choices=("sqlite", "elasticsearch", "both"), default="sqlite")
    parser.add_argument("--es-url", default="http://127.0.0.1:9200")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        run_sqlite(args.n, args.queries, args.seed)
    if args.backend in ("elasticsearch", "both"):
        run_elasticsearch(args.n, args.queries, args.seed, args.es_url)


if __name__ == "__main__":
    main()
