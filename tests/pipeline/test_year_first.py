"""A query naming one year puts the year's findings first (pipeline/search.py `engine_pool`,
`year_first`), on both engines: before findings of other years holding more of the query's words
or citing the year in passing; a --year filter, or no year typed, leaves the engine's order; and
the reranker weighs a finding of the year asked (index/rerank.py `year_named`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend
from index.rerank import Asked, Candidate, Ranker, year_named
from pipeline.search import search
from tests.index.search_backends import BACKEND_PARAMS, FACTORIES

# Findings of three inspections (2019, 2021, 2022) on the CCHC index and discipline: the 2021
# report's findings do not say "2021"; the 2022 one cites 2021 in passing, as the judged reports do.
ROWS = [
    ("a1", "Chỉ số CCHC của tỉnh đạt 86,5 điểm, xếp thứ 12.", 2021),
    ("a2", "Các sở, ngành đều đạt từ loại khá trở lên.", 2021),
    ("b1", "Chỉ số CCHC của thành phố giảm 1 bậc so với kết quả năm 2021.", 2022),
    ("b2", "Chỉ số CCHC năm nay có nhiều tiêu chí thành phần tăng điểm.", 2022),
    ("c1", "Chỉ số CCHC của huyện đứng thứ 3 toàn tỉnh.", 2019),
    ("a3", "Một số công chức không đeo thẻ khi làm việc.", 2021),  # the 2021 round, another matter
]


def _rec(fid: str, text: str, year: int) -> FindingRecord:
    other = "đeo thẻ" in text
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid[0]}", doc_id=f"{fid[0]}.pdf", text=text,
                         polarity=Polarity.SHORTCOMING if other else Polarity.STRENGTH,
                         area=Area.CONG_VU if other else Area.CHUNG,
                         theme="cong_vu.the_ten" if other else "chung.chi_so", year=year,
                         published=f"{year}-12-31")


@pytest.fixture(params=BACKEND_PARAMS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> SearchBackend:
    backend = FACTORIES[request.param](tmp_path, request)
    backend.index([_rec(*row) for row in ROWS])
    getattr(backend, "refresh", lambda: None)()  # Elasticsearch: the findings searchable now
    return backend


def _ids(backend: SearchBackend, query: Query, ranker: Ranker) -> list[str]:
    """The composed search's page: the pool's order when the ranker weighs nothing."""
    found = search(backend, query, ranker=ranker)
    return [hit.record.finding_id for hit in found.hits]


def test_the_year_named_comes_before_the_matter_in_other_years(engine: SearchBackend) -> None:
    query = Query(text="chỉ số CCHC năm 2021")
    ranked = _ids(engine, query, Ranker({}))  # the engine's order, the year first, no weight moving it
    assert ranked[0] == "a1"  # the year's finding on the index, though it does not say 2021
    assert ranked.index("a1") < ranked.index("b1")  # the 2022 finding citing 2021 comes after
    # the year's findings holding none of the words follow the year's own, before the other years'
    assert set(ranked[:3]) == {"a1", "a2", "a3"}
    # the shortcomings of the 2021 round: the section asked first among the period's findings
    assert _ids(engine, Query(text="hạn chế qua kiểm tra năm 2021"), Ranker({}))[0] == "a3"


def test_a_year_filter_or_no_year_leaves_the_engines_order(engine: SearchBackend) -> None:
    plain = Query(text="chỉ số CCHC")
    assert _ids(engine, plain, Ranker({})) == _ids(engine, plain, Ranker({}, pool=0))
    filtered = Query(text="chỉ số CCHC năm 2021", year=2022)
    assert set(_ids(engine, filtered, Ranker({}))) <= {"b1", "b2"}


def test_the_reranker_weighs_a_finding_of_the_year_asked(engine: SearchBackend) -> None:
    query = Query(text="chỉ số CCHC năm 2021")
    plan = engine.plan(query.text)
    asked = Asked.of(query, plan)
    of = {fid: year for fid, _, year in ROWS}
    values = {fid: year_named(Candidate(_rec(fid, text, year), 0, None), asked, 30)
              for fid, text, year in ROWS}
    assert values == {fid: 1.0 if year == 2021 else -1.0 for fid, year in of.items()}
    plain = Asked.of(Query(text="chỉ số CCHC"), engine.plan("chỉ số CCHC"))
    assert year_named(Candidate(_rec(*ROWS[0]), 0, None), plain, 30) == 0.0
