"""Benchmark the SQLite FTS5 backend on synthetic inspection findings.

Why synthetic: the real corpus holds a few hundred findings; a province's archive holds tens of
thousands. Findings are generated from genre templates (subject, act, object, qualifier) with
random units, provinces, years, areas and polarities, indexed into a temporary database, then
queried plain, filtered and faceted. Word segmentation is left out: it is an ingest cost
measured elsewhere, and `words` is not what the SQLite backend matches on.

    .venv/bin/python benchmarks/search.py --n 100000 --queries 200
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from index.base import FindingRecord, Query
from index.sqlite_fts import SqliteFtsBackend
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


def run(n: int, queries: int, seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        backend = SqliteFtsBackend(Path(tmp) / "bench.db")
        started = time.perf_counter()
        batch: list[FindingRecord] = []
        for record in synthetic_records(n, rng):
            batch.append(record)
            if len(batch) == 5000:
                backend.index(batch)
                batch.clear()
        backend.index(batch)
        elapsed = time.perf_counter() - started
        print(f"indexed {backend.count():,} findings in {elapsed:.1f}s: {n / elapsed:,.0f} findings/s")
        for name, make in QUERIES.items():
            latencies: list[float] = []
            totals: list[int] = []
            for _ in range(queries):
                query = make(rng)
                t0 = time.perf_counter()
                totals.append(backend.search(query).total)
                latencies.append((time.perf_counter() - t0) * 1000)
            print(f"{name:>16}: p50 {_percentile(latencies, 50):7.1f} ms   p95 {_percentile(latencies, 95):7.1f} ms"
                  f"   (mean hits {statistics.mean(totals):,.0f})")
        t0 = time.perf_counter()
        for _ in range(min(queries, 50)):
            backend.similar(f"f{rng.randrange(n):08d}")
        print(f"{'similar':>16}: mean {(time.perf_counter() - t0) * 1000 / min(queries, 50):7.1f} ms")
        backend.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=100_000, help="synthetic findings to index")
    parser.add_argument("--queries", type=int, default=100, help="queries per kind")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    run(args.n, args.queries, args.seed)


if __name__ == "__main__":
    main()
