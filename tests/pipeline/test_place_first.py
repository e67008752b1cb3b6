"""A query naming one place puts the place's findings first (pipeline/search.py `engine_pool`), on
both engines: before findings elsewhere holding more of the query's other words, with the
findings about units inside it, the pages after the pool never repeating one nor losing one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend
from index.rerank import Ranker
from pipeline.search import search
from tests.index.search_backends import BACKEND_PARAMS, FACTORIES

# A district's report (huyện Vị Xuyên) and its commune (xã Việt Lâm, inside it), then findings of
# two other provinces' news that say "chỉ đạo, điều hành" in full: as the judged queries found them.
HERE = ("huyện Vị Xuyên",)
ROWS = [
    ("v1", "Công tác lãnh chỉ đạo của người đứng đầu một số đơn vị còn chưa sâu sát.", HERE, (),
     Polarity.SHORTCOMING),
    ("v2", "Huyện đã thực hiện tốt công tác tuyên truyền, phổ biến pháp luật về cải cách hành chính.", HERE,
     (), Polarity.STRENGTH),
    ("c1", "UBND xã đã niêm yết công khai đầy đủ thủ tục hành chính tại bộ phận một cửa.", ("xã Việt Lâm",),
     HERE, Polarity.STRENGTH),
    ("e1", "Với nhiều phương pháp chỉ đạo, điều hành có nhiều sáng tạo, đổi mới tích cực.",
     ("tỉnh Bắc Giang",), (), Polarity.STRENGTH),
    ("e2", "UBND thành phố đã tập trung chỉ đạo, điều hành trên các lĩnh vực quản lý nhà nước.",
     ("thành phố Phan Thiết",), ("tỉnh Bình Thuận",), Polarity.STRENGTH),
    ("e3", "Các đơn vị triển khai nghiêm túc các chỉ đạo, điều hành sau Tết Nguyên đán.", ("xã Tản Lĩnh",),
     ("huyện Ba Vì",), Polarity.STRENGTH),
]


def _rec(fid: str, text: str, units: tuple[str, ...], parents: tuple[str, ...],
         polarity: Polarity) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid[0]}", doc_id=f"{fid[0]}.pdf", text=text,
                         polarity=polarity, area=Area.CHI_DAO, theme="chi_dao.khac", year=2021,
                         published="2021-12-31", units=tuple(u.split(" ", 1)[1] for u in units),
                         unit_levels=units, unit_parents=parents)


@pytest.fixture(params=BACKEND_PARAMS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> SearchBackend:
    backend = FACTORIES[request.param](tmp_path, request)
    backend.index([_rec(*row) for row in ROWS])
    if hasattr(backend, "refresh"):
        backend.refresh()
    return backend


def _ids(backend: SearchBackend, query: Query, ranker: Ranker) -> list[str]:
    return [h.record.finding_id for h in search(backend, query, ranker=ranker).hits]


def test_the_place_named_comes_before_the_matter_elsewhere(engine: SearchBackend) -> None:
    query = Query(text="Vị Xuyên chỉ đạo điều hành")
    # The engine alone ranks the place as one group: two words elsewhere beat the place alone.
    alone = [h.record.finding_id for h in engine.search(query).hits]
    assert alone.index("e1") < alone.index("v2")
    ranked = _ids(engine, query, Ranker({}))  # the engine's order, place first, no weight moving it
    assert ranked[0] == "v1"  # the place and a word of the matter
    assert set(ranked[:3]) == {"v1", "v2", "c1"}  # the district's and its commune's findings
    assert set(ranked[3:]) == {"e1", "e2", "e3"}


def test_a_unit_filter_or_no_place_leaves_the_engines_order(engine: SearchBackend) -> None:
    plain = Query(text="chỉ đạo điều hành")
    assert _ids(engine, plain, Ranker({})) == _ids(engine, plain, Ranker({}, pool=0))  # the engine's alone
    assert set(_ids(engine, Query(text="chỉ đạo điều hành", unit="Vị Xuyên", within=True), Ranker({}))) <= {
        "v1", "v2", "c1"}


def test_the_page_after_the_pool_repeats_no_finding_of_the_place(engine: SearchBackend) -> None:
    query = Query(text="Vị Xuyên chỉ đạo điều hành", limit=6)
    ids = _ids(engine, query, Ranker({}, pool=2))
    assert ids[:2] == _ids(engine, query, Ranker({}))[:2]
    assert len(ids) == len(set(ids))


def test_no_finding_is_lost_past_the_pool_and_pages_cut_the_one_list(engine: SearchBackend) -> None:
    """The engine's own first findings the place's push out of the pool come first past it: the
    pages list every finding the total counts, once, and page by page the same list."""
    query = Query(text="Vị Xuyên chỉ đạo điều hành", limit=6)
    ranker = Ranker({}, pool=2)
    result = search(engine, query, ranker=ranker)
    ids = [h.record.finding_id for h in result.hits]
    assert len(ids) == len(set(ids)) == result.total == 6
    pages = [h.record.finding_id for offset in (0, 2, 4)  # the tiers decided on one page size
             for h in search(engine, replace(query, offset=offset, limit=2, page_size=6), ranker=ranker).hits]
    assert pages == ids


def test_a_place_query_reads_its_query_once_and_its_scores_fall(engine: SearchBackend,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The place-first pool asks the engine twice (the words, then the place's findings) and the
    page past the pool once more: all by the one plan (pipeline/search.py), one analysis. The
    scores fall down the list, the pool's above those past it."""
    import index.query.analysis

    analysed: list[str] = []
    real = index.query.analyse

    def counted(*args: object, **kwargs: object) -> index.query.Plan:
        analysed.append("once")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index.query.analysis, "analyse", counted)
    query = Query(text="Vị Xuyên chỉ đạo điều hành", limit=6)
    hits = search(engine, query, ranker=Ranker({"rank": 1.0}, pool=2)).hits
    assert len(analysed) == 1
    scores = [h.score for h in hits]
    assert len(hits) >= 4 and scores == sorted(scores, reverse=True) and scores[1] > scores[2]


# The place's own request skipped (pipeline/search.py holds_every_answer). Two news findings
# elsewhere say a commune's failings in the words of the query ("phiếu hẹn", "sổ theo dõi",
# "đường dây nóng"), and the district's report says one of them; with a page of two, the first
# answer is the two partial matches elsewhere, and only the place's own request, finding none of
# its findings holding most of the words, falls back to those holding half (Plan.last_resort).
SPARSE = [
    ("s1", "Xã chưa cấp phiếu hẹn, chưa mở sổ theo dõi, chưa công khai đường dây nóng.", ("xã Tản Lĩnh",),
     ("huyện Ba Vì",), Polarity.SHORTCOMING),
    ("s2", "Phiếu hẹn còn ghi sai thời hạn, sổ theo dõi không cập nhật, đường dây nóng không ai nghe.",
     ("phường Quảng An",), ("quận Tây Hồ",), Polarity.SHORTCOMING),
    ("s3", "Một số xã chưa cấp phiếu hẹn cho người dân.", HERE, (), Polarity.SHORTCOMING),
]
PLACE_QUERIES = ("Vị Xuyên chỉ đạo điều hành", "Vị Xuyên phiếu hẹn sổ theo dõi đường dây nóng",
                 "Việt Lâm niêm yết thủ tục", "Vị Xuyên tuyên truyền", "Tản Lĩnh phiếu hẹn")


@pytest.fixture
def sparse(engine: SearchBackend) -> SearchBackend:
    engine.index([_rec(*row) for row in SPARSE])
    if hasattr(engine, "refresh"):
        engine.refresh()
    return engine


def _pools(backend: SearchBackend, text: str, pool: int,
           monkeypatch: pytest.MonkeyPatch) -> tuple[list[list[str]], int]:
    """engine_pool's (pool, pushed out) ids for `text` as shipped and with the place's request
    always asked, and how many requests the shipped one made."""
    import pipeline.search as composed

    asked = composed.with_matters(Query(text=text))
    plan = backend.plan(text)
    requests: list[Query] = []
    real_search = backend.search

    def counted(query: Query, plan: object = None, memo: object = None) -> object:
        requests.append(query)
        return real_search(query, plan, memo)  # type: ignore[arg-type]

    out = []
    for always_ask in (False, True):
        with monkeypatch.context() as patched:
            patched.setattr(backend, "search", counted)
            if always_ask:
                patched.setattr(composed, "holds_every_answer", lambda found, query: False)
            found, pushed = composed.engine_pool(backend, asked, pool, plan)
        out.append([h.record.finding_id for h in (*found.hits, *pushed)])
        if not always_ask:
            shipped = len(requests)
    return out, shipped


def test_the_place_request_is_skipped_only_when_the_pool_is_the_same(
        sparse: SearchBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    """For every place query and pool size: the pool (and the findings it pushes out) the same
    whether the place's request is asked or skipped; skipped when the first answer holds every
    finding the query admits and ran every tier, asked otherwise."""
    skipped = asked = 0
    for text in PLACE_QUERIES:
        for pool in (1, 2, 3, 5, 30):
            (shipped, always), requests = _pools(sparse, text, pool, monkeypatch)
            assert shipped == always, (text, pool)
            skipped += requests == 1
            asked += requests == 2
    assert skipped and asked  # both ways taken: the equality above is not vacuous


def test_a_first_answer_of_partial_matches_filling_the_page_still_asks_the_place(
        sparse: SearchBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first answer holding every finding it admits is not enough: its partial matches elsewhere
    filled the page, so it ran no fill, while the place's own request falls back to half the words
    and finds the district's finding, which the pool must put first."""
    import pipeline.search as composed

    text = "Vị Xuyên phiếu hẹn sổ theo dõi đường dây nóng"
    asked = composed.with_matters(Query(text=text))
    found = sparse.search(replace(asked, limit=2, page_size=2), sparse.plan(text))
    assert found.total == len(found.hits) == 2 and {h.record.finding_id for h in found.hits} == {"s1", "s2"}
    assert not composed.holds_every_answer(found, replace(asked, limit=2, page_size=2))
    (shipped, _), requests = _pools(sparse, text, 2, monkeypatch)
    assert requests == 2 and shipped[0] == "s3"
