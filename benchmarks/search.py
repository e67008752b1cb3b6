"""Benchmark the search backends (SQLite FTS5, Elasticsearch) on synthetic inspection findings.

Why synthetic: the real corpus holds a few hundred findings; a province's archive holds tens of
thousands. Findings are generated from genre templates (subject, act, object, qualifier) with
random units, provinces, years, areas and polarities, indexed into a temporary database, then
queried plain, filtered and faceted. Word segmentation is left out: it is an ingest cost
measured elsewhere; without it the index knows no words, so unaccented queries are planned
syllable by syllable (accented ones still use the dictionary), the costlier case.

Indexing goes through `SearchBackend.rebuild`, the path `kiemtra reindex` takes (Elasticsearch:
a new index filled with refresh off, then the alias swap). Goals on a 2-core machine: p95
<= 50 ms on SQLite, <= 100 ms on Elasticsearch, bulk indexing >= 2,000 findings/s into ES.

Query mix (100 of each kind): 25 staff phrases of 1-3 words ("phiếu hẹn", "hồ sơ quá hạn", "chữ ký
số", "niêm yết", "giờ giấc"...), half without accents, one quoted; "filtered" adds one or two of
year, 2019-2023, area, polarity, unit, province, level; "faceted" asks the five facets; "facets,
no text" is the browse page (all findings or one area); "other words" are staff phrases naming a
matter in words no generated finding holds ("kiosk", "trụ sở vắng lặng", "gmail"), which the
matter tier answers (pipeline/search.py: findings carry the theme ingest gives them, and every
query goes through the composed search, theme matching included); "place typed" puts a unit's
name before a staff phrase; "section" asks for one section of the reports on a phrase ("hạn chế
trong phiếu hẹn", "kien nghi giam ho so qua han": the polarity asked first, the strongest matter's
area in the matter tier); "question" asks a cause or a remedy ("vì sao …", "làm sao để …");
"departments" types the departments' head alone ("các sở, ngành …", "sở nào …": the findings about
any department, index.query.Group.kind), over the tenth of the documents that inspect a department;
"year typed" asks a phrase with "năm 2016" … "năm 2025" (the year's findings first: a request
narrowed to the year, and the rest of the year's when that holds less than the pool).
Selectivity at 100k: each phrase matches
2.2% ("hom thu gop y") to 17% ("bao cao") of the findings (median 5.6%); filtered queries match
0 to ~5,800 (median ~300). The run prints both.

    .venv/bin/python benchmarks/search.py --n 100000 --queries 200 --backend both \
        --es-url http://127.0.0.1:9200 [--alone]

Each line also gives this process's CPU time per query ("cpu"): on a shared machine the wall
clock counts the other processes' turns too, while the CPU time counts the work of the query
(SQLite runs in this process; for Elasticsearch it leaves out the server's share).

Every query goes through the composed search, the reranker included (index/rerank.py: the
engine's first findings reordered); `--alone` times each query again without it, right after,
so the reranker's cost is read under the same load.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

# This checkout's packages, not the ones the shared virtualenv's editable install points at: run as
# a script, the folder on sys.path is benchmarks/, so a base worktree timed "against the head"
# imported the head's code (/work/main) and timed it twice.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.models import AREAS, POLARITIES, where  # noqa: E402
from index.base import FindingRecord, Query, SearchBackend  # noqa: E402

SUBJECTS = ("UBND xã", "Bộ phận một cửa", "Công chức tư pháp - hộ tịch", "Văn phòng HĐND và UBND",
            "Phòng Nội vụ", "Cán bộ địa chính", "Đơn vị", "Ban chỉ đạo cải cách hành chính",
            "Trung tâm phục vụ hành chính công",
            "Phòng Tài nguyên và Môi trường", "Công chức văn hóa - xã hội", "Chủ tịch UBND phường",
            "Phòng Tài chính - Kế hoạch", "Người đứng đầu cơ quan", "Một số công chức", "Thanh tra huyện")
ACTS = {
    "strength": ("đã thực hiện tốt", "đã triển khai kịp thời", "đã niêm yết công khai đầy đủ",
                 "đã ban hành đúng quy định", "thực hiện nghiêm túc", "đã chủ động rà soát",
                 "duy trì thường xuyên", "bố trí đủ nhân lực cho"),
    "shortcoming": ("chưa thực hiện", "còn chậm trong việc", "chưa niêm yết đầy đủ",
                    "thực hiện chưa đúng quy định về", "còn để xảy ra sai sót trong",
                    "chưa quan tâm đúng mức đến", "thực hiện mang tính hình thức",
                    "chưa bố trí"),
    "recommendation": ("cần chấn chỉnh việc", "phải khắc phục ngay việc", "cần tăng cường", "đề nghị rà soát",
                       "chỉ đạo kiểm tra lại", "bổ sung kịp thời", "xây dựng kế hoạch khắc phục",
                       "quán triệt việc"),
}
# Objects most frequent first: they are drawn with Zipf-like weights (1/(rank + 2)), so the
# commonest topic is in about a tenth of the findings and the rarest in about 1%, as in real reports.
OBJECTS = ("việc tiếp nhận và trả kết quả hồ sơ", "kế hoạch cải cách hành chính năm",
           "chế độ báo cáo định kỳ",
           "thủ tục hành chính", "dịch vụ công trực tuyến", "phiếu hẹn trả kết quả",
           "hồ sơ trễ hạn và thư xin lỗi", "chữ ký số trên văn bản điện tử", "quy chế văn hóa công sở",
           "đánh giá, phân loại cán bộ, công chức", "kinh phí khoán chi hành chính",
           "số hóa kết quả giải quyết thủ tục hành chính", "rà soát văn bản quy phạm pháp luật",
           "niêm yết công khai thủ tục tại trụ sở", "giờ giấc làm việc của công chức", "sổ theo dõi hồ sơ",
           "tiếp công dân định kỳ", "hòm thư góp ý", "phần mềm một cửa điện tử", "hồ sơ quá hạn chưa xử lý",
           "thu phí, lệ phí", "chứng thực bản sao từ bản chính", "đăng ký khai sinh, khai tử",
           "cấp giấy chứng nhận quyền sử dụng đất",
           "sắp xếp tổ chức bộ máy", "tuyển dụng viên chức", "bồi dưỡng kiến thức quản lý nhà nước",
           "thanh toán trực tuyến", "cơ sở dữ liệu hộ tịch", "hệ thống quản lý văn bản và điều hành",
           "khảo sát sự hài lòng của người dân", "tuyên truyền về cải cách hành chính",
           "chấm công bằng vân tay",
           "đeo thẻ công chức khi thi hành công vụ", "lưu trữ hồ sơ, tài liệu", "thư điện tử công vụ",
           "kiểm soát thủ tục hành chính", "quy trình nội bộ giải quyết hồ sơ", "báo cáo thống kê",
           "mã định danh hồ sơ", "phản ánh, kiến nghị của người dân", "trang thông tin điện tử của xã")
QUALIFIERS = ("", "", " theo quy định", " trong năm", " tại bộ phận tiếp nhận", " đối với lĩnh vực đất đai",
              " đối với lĩnh vực hộ tịch", " cho người dân và doanh nghiệp", " trong quý", " ở một số thôn",
              " theo chỉ đạo của tỉnh", " trên môi trường mạng", " đối với lĩnh vực tư pháp",
              " tại các phòng chuyên môn", " trong 6 tháng đầu năm")
TAILS = ("", "", "", ", gây khó khăn cho người dân", ", chưa có giải pháp khắc phục", ", tỷ lệ đạt {n}%",
         "; có {n} hồ sơ bị ảnh hưởng", ", nguyên nhân do thiếu nhân lực", ", được người dân đánh giá cao",
         "; báo cáo kết quả trước ngày {n} tháng 12", ", chưa cập nhật lên hệ thống",
         ", trách nhiệm thuộc về người đứng đầu")
SYLLABLES = ("Tân", "An", "Phú", "Bình", "Hòa", "Long", "Thạnh", "Mỹ", "Đông", "Tây", "Hưng", "Lợi",
             "Phước", "Thuận", "Sơn", "Hải", "Thanh", "Đức", "Vĩnh", "Quảng")
LEVELS = ("xã", "phường", "thị trấn", "huyện", "thị xã")
# The departments a tenth of the documents inspect (core/agencies.toml): their findings are about
# the department, as core/attribution.py files an inspected agency's.
DEPARTMENTS = ("Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Y tế", "Sở Tài nguyên và Môi trường")
_OBJECT_WEIGHTS = [1 / (rank + 2) for rank in range(1, len(OBJECTS) + 1)]

QueryMaker = Callable[[random.Random], Query]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"


def _finding_text(rng: random.Random, polarity: str) -> str:
    """One sentence: subject, act, one or two objects (Zipf-drawn), qualifier, sometimes a tail."""
    objects = rng.choices(OBJECTS, weights=_OBJECT_WEIGHTS, k=2)
    obj = objects[0] if rng.random() < 0.7 or objects[0] == objects[1] else f"{objects[0]} và {objects[1]}"
    tail = rng.choice(TAILS).format(n=rng.randint(2, 98))
    return f"{rng.choice(SUBJECTS)} {rng.choice(ACTS[polarity])} {obj}{rng.choice(QUALIFIERS)}{tail}."


def synthetic_records(n: int, rng: random.Random) -> Iterator[FindingRecord]:
    """`n` findings, documents of 10 findings sharing units, province, year and a headline naming
    one matter of the genre: half of them a title ("Kiểm tra <object> tại xã …"), the other half
    none and a lead paragraph of two sentences (the dev corpus: 25 of 51 documents without a
    title), so SearchBackend.titled has titles and leads to match (FindingRecord.headline); each
    with the theme and the themes it speaks of that ingest would give it (nlp/themes.py)."""
    from nlp.themes import load_taxonomy

    taxonomy = load_taxonomy()
    provinces = [_name(random.Random(1000 + p)) for p in range(30)]
    for i in range(n):
        doc = i // 10
        doc_rng = random.Random(doc)
        unit, level = _name(doc_rng), doc_rng.choice(LEVELS)
        year = doc_rng.randint(2016, 2025)
        # its own generator: the document's other draws stay those of the runs before titles
        headline_rng = random.Random(-1 - doc)
        matter = headline_rng.choices(OBJECTS, weights=_OBJECT_WEIGHTS)[0]
        title: str | None = f"Kiểm tra {matter} tại {level} {unit} năm {year}"
        lead = None
        if headline_rng.random() < 0.5:  # no title: the lead says the occasion, then one detail
            title, lead = None, (f"Ngày {headline_rng.randint(1, 28)}/{headline_rng.randint(1, 12)}/{year}, "
                                 f"Đoàn kiểm tra cải cách hành chính do Phó Chủ tịch UBND làm trưởng đoàn "
                                 f"đã kiểm tra công tác {matter} tại {level} {unit}. Qua kiểm tra, "
                                 f"{_finding_text(headline_rng, headline_rng.choice(POLARITIES))}")
        polarity = rng.choice(POLARITIES)
        province = doc_rng.choice(provinces)
        # its own generator, as the headline's: the other draws stay those of the runs before it
        about = (unit,)
        labels = (f"{level} {unit}",)
        if (agency_rng := random.Random(-(10**7) - doc)).random() < 0.1:
            about = (agency_rng.choice(DEPARTMENTS),)
            labels = (f"cơ quan {about[0]}",)
        text = _finding_text(rng, polarity)
        area = rng.choice(AREAS)
        theme = taxonomy.assign(text, area)
        yield FindingRecord(
            finding_id=f"f{i:08d}", doc_key=f"d{doc:07d}", doc_id=f"bao-cao-{doc}", text=text,
            polarity=polarity, area=area, theme=theme, themes=taxonomy.mentioned(text, theme), year=year,
            title=title, lead=lead,
            published=f"{year}-{doc_rng.randint(1, 12):02d}-15",
            units=about, unit_levels=labels, provinces=(province,),
            unit_places=(where(labels, (province,)),),  # the unit facet (Unit.placed)
            doc_kinds=("Kế hoạch",), doc_numbers=(f"{doc}/KH-UBND",), start=0, end=len(text),
        )


# What staff type: genre phrases of 1-3 words, half of them without accents, one quoted phrase.
TEXTS = ("phiếu hẹn", "phieu hen", "hồ sơ quá hạn", "ho so qua han", "chữ ký số", "chu ky so", "niêm yết",
         "niem yet", "giờ giấc", "gio giac", "thư xin lỗi", "dich vu cong truc tuyen", "văn hóa công sở",
         "một cửa", "tiếp công dân", "số hóa", "trễ hạn", "kinh phi", "thủ tục hành chính", '"phiếu hẹn"',
         "hộ tịch", "chứng thực", "hom thu gop y", "đánh giá", "bao cao")


# Matters said in words no generated finding holds: what the matter tier answers.
OTHER_WORDS = ("kiosk", "máy lấy số", "trụ sở vắng lặng", "vang lang", "gmail", "token ký số", "buu dien",
               "bưu điện", "ghế chờ", "email ca nhan")


# Questions asking which place (index/query/lexicon.py: Lexicon.asks_place), over the same phrases: the
# plan reads them as questions (their own latency class; the reranker's `place` feature, gone in session 12,
# read each pooled finding's text for the place it names).
WHICH_ASKS = ("xã nào còn", "xa nao chua", "huyện nào", "nơi nào chưa", "ở đâu còn", "đơn vị nào")


# Asks for one section of the reports on a matter (index/query/plan.py: Plan.section), by the reports'
# own headings and the verbs opening their recommendations, before the same phrases: the engine
# ranks the polarity asked first and, past the words, brings the strongest matter's findings and
# its area's (pipeline/search.py: with_matter_area), the costliest matter tier.
SECTION_ASKS = ("hạn chế trong", "han che ve", "tồn tại về", "ưu điểm về", "uu diem", "kiến nghị",
                "kien nghi giam", "đề nghị khắc phục", "mặt được trong", "khó khăn vướng mắc về")


# Questions of cause and of manner (index/vi/intents.toml [[answer]], "làm sao để" a cue of the
# recommendations): the cause's words are one group more, ranked, never required (Plan.answer).
QUESTION_ASKS = ("vì sao", "vi sao", "tại sao", "nguyên nhân", "làm sao để giảm", "làm thế nào để",
                 "lam sao de")


# The departments typed together or alone before the same phrases ("các sở, ngành phiếu hẹn"): the
# kind of body (index.query.Group.kind), where the bare syllable would also be "trụ sở", "công sở".
DEPARTMENT_ASKS = ("các sở, ngành", "sở, ban, ngành", "sở nào", "các sở chưa")


def _filtered(rng: random.Random) -> Query:
    """A text query narrowed by one or two of the filters the search form offers."""
    filters: dict[str, object] = {}
    for key in rng.sample(("year", "years", "area", "polarity", "unit", "province", "level"),
                          k=rng.randint(1, 2)):
        if key == "year":
            filters["year"] = rng.randint(2016, 2025)
        elif key == "years":
            filters["year_from"], filters["year_to"] = 2019, 2023
        elif key == "area":
            filters["area"] = rng.choice(AREAS)
        elif key == "polarity":
            filters["polarity"] = rng.choice(POLARITIES)
        elif key == "unit":
            filters["unit"] = _name(rng)
        elif key == "province":
            filters["province"] = _name(random.Random(1000 + rng.randrange(30)))
        else:
            filters["level"] = rng.choice(LEVELS)
    return Query(text=rng.choice(TEXTS), **filters)  # type: ignore[arg-type]


QUERIES: dict[str, QueryMaker] = {
    "plain": lambda rng: Query(text=rng.choice(TEXTS)),
    "filtered": _filtered,
    "faceted": lambda rng: Query(text=rng.choice(TEXTS), facets=True),
    "facets, no text": lambda rng: Query(area=rng.choice((None, *AREAS)), facets=True),
    "other words": lambda rng: Query(text=rng.choice(OTHER_WORDS)),
    "which place": lambda rng: Query(text=f"{rng.choice(WHICH_ASKS)} {rng.choice(TEXTS)}"),
    # A unit typed before the words ("Tân An phiếu hẹn"): the place's findings come first, which
    # asks the engine a second time, with the place as a filter (pipeline/search.py engine_pool).
    "place typed": lambda rng: Query(text=f"{_name(rng)} {rng.choice(TEXTS)}"),
    # "hạn chế trong phiếu hẹn", "kien nghi giam ho so qua han": a section of the reports asked.
    "section": lambda rng: Query(text=f"{rng.choice(SECTION_ASKS)} {rng.choice(TEXTS)}"),
    # "vì sao hồ sơ quá hạn", "làm sao để giảm trễ hạn": a cause or a remedy asked.
    "question": lambda rng: Query(text=f"{rng.choice(QUESTION_ASKS)} {rng.choice(TEXTS)}"),
    # "các sở, ngành phiếu hẹn", "sở nào chậm": the departments typed as the kind (last: the classes
    # above draw what they drew before it)
    "departments": lambda rng: Query(text=f"{rng.choice(DEPARTMENT_ASKS)} {rng.choice(TEXTS)}"),
    # "phiếu hẹn năm 2021": a period asked, the year's findings first, which asks the engine again
    # with the year as a filter and browses the rest of the year (pipeline/search.py engine_pool)
    "year typed": lambda rng: Query(text=f"{rng.choice(TEXTS)} năm {rng.randint(2016, 2025)}"),
}


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def _spread(values: list[int]) -> str:
    """min / median / p90 / max of hit counts: how selective a kind of query is."""
    ordered = sorted(values)
    return (f"hits min {ordered[0]:,} med {ordered[len(ordered) // 2]:,}"
            f" p90 {ordered[int(len(ordered) * 0.9)]:,}"
            f" max {ordered[-1]:,}")


def selectivity(backend: SearchBackend) -> None:
    """How many findings each query text matches (share of the index), most selective last."""
    size = max(backend.count(), 1)
    totals = {text: backend.search(Query(text=text, limit=0)).total for text in TEXTS}
    print(f"[{backend.name}] selectivity: " + ", ".join(
        f"{text} {n / size:.1%}" for text, n in sorted(totals.items(), key=lambda kv: -kv[1])))


def measure(backend: SearchBackend, n: int, queries: int, seed: int, alone: bool = False) -> None:
    """Index `n` findings through `rebuild`, then time each kind of query; print one table.

    `alone`: also time each query without the reranker (index/rerank.py: a pool of 0, the
    engine's order), right after it, so both see the same load on a shared machine."""
    from index.rerank import Ranker
    from pipeline.search import search as composed

    rng = random.Random(seed)
    records = list(synthetic_records(n, rng))  # made first: theme matching is ingest's cost
    started = time.perf_counter()
    backend.rebuild(records)
    elapsed = time.perf_counter() - started
    print(f"[{backend.name}] indexed {backend.count():,} findings in {elapsed:.1f}s:"
          f" {n / elapsed:,.0f} findings/s")
    selectivity(backend)  # also warms the caches, as a serving engine's would be
    for name, make in QUERIES.items():
        latencies: list[float] = []
        engine: list[float] = []  # the same queries without the reranker (`alone`)
        totals: list[int] = []
        cpu: list[float] = []  # this process's CPU time of each query (the reranker included)
        for k in range(queries):
            query = make(rng)
            runs = [(None, latencies)] + ([(Ranker({}, pool=0), engine)] if alone else [])
            for ranker, times in runs if k % 2 == 0 else runs[::-1]:  # each first half the time
                t0, c0 = time.perf_counter(), time.process_time()
                total = composed(backend, query, ranker=ranker).total  # what users get: matters too
                times.append((time.perf_counter() - t0) * 1000)
                if ranker is None:
                    totals.append(total)
                    cpu.append((time.process_time() - c0) * 1000)
        without = (f"   without the reranker p50 {_percentile(engine, 50):.1f} ms"
                   f" p95 {_percentile(engine, 95):.1f} ms" if engine else "")
        print(f"[{backend.name}] {name:>16}: p50 {_percentile(latencies, 50):7.1f} ms"
              f"   p95 {_percentile(latencies, 95):7.1f} ms   ({_spread(totals)}){without}"
              f"   cpu p50 {_percentile(cpu, 50):.1f} ms p95 {_percentile(cpu, 95):.1f} ms")
    similar: list[float] = []
    for _ in range(min(queries, 50)):
        t0 = time.perf_counter()
        backend.similar(f"f{rng.randrange(n):08d}")
        similar.append((time.perf_counter() - t0) * 1000)
    print(f"[{backend.name}] {'similar':>16}: p50 {_percentile(similar, 50):7.1f} ms"
          f"   p95 {_percentile(similar, 95):7.1f} ms")
    print(f"[{backend.name}] load average {Path('/proc/loadavg').read_text().split()[0]}")


def run_sqlite(n: int, queries: int, seed: int, alone: bool = False) -> None:
    from index.sqlite_fts import SqliteFtsBackend

    with tempfile.TemporaryDirectory() as tmp:
        backend = SqliteFtsBackend(Path(tmp) / "bench.db")
        try:
            measure(backend, n, queries, seed, alone)
        finally:
            backend.close()


def run_elasticsearch(n: int, queries: int, seed: int, url: str, alone: bool = False,
                      prefix: str = "kiemtra-bench") -> None:
    """A throwaway index on the given server, named `prefix`-…, dropped afterwards."""
    from index.elastic import ElasticBackend

    backend = ElasticBackend(url, f"{prefix}-{uuid.uuid4().hex[:8]}", refresh=False)
    try:
        measure(backend, n, queries, seed, alone)
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
    parser.add_argument("--es-prefix", default="kiemtra-bench",
                        help="the throwaway index's name prefix (a shared server: your own)")
    parser.add_argument("--alone", action="store_true",
                        help="also time each query without the reranker (the engine's order), interleaved")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        run_sqlite(args.n, args.queries, args.seed, args.alone)
    if args.backend in ("elasticsearch", "both"):
        run_elasticsearch(args.n, args.queries, args.seed, args.es_url, args.alone, args.es_prefix)


if __name__ == "__main__":
    main()
