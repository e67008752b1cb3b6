"""The composed search with its second stage (pipeline/search.py `reranked`, index/rerank.py) on
both engines: the pool reordered alike, pages and totals past the pool, the date order untouched;
and the training script (benchmarks/train_ranker.py) on a tiny judged set."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend
from index.rerank import Ranker, load_ranker
from pipeline.search import search
from tests.index.search_backends import BACKEND_PARAMS, FACTORIES

# Findings on how communes are directed, as inspection reports word them: two strengths holding
# every word of the query below, one shortcoming of the same area holding none (the query names
# the area whole: the matter tier brings it, after the words); and findings on other matters.
DIRECTION = [
    ("s1", "Công tác chỉ đạo, điều hành về cải cách hành chính được lãnh đạo UBND huyện quan tâm.",
     "Công_tác chỉ_đạo , điều_hành về cải_cách hành_chính được lãnh_đạo UBND huyện quan_tâm .",
     Polarity.STRENGTH),
    ("s2", "Công tác chỉ đạo, điều hành của UBND xã sát sao, kịp thời.",
     "Công_tác chỉ_đạo , điều_hành của UBND xã sát_sao , kịp_thời .", Polarity.STRENGTH),
    ("h1", "Người đứng đầu một số xã còn thiếu sâu sát, lúng túng trong triển khai.",
     "Người đứng_đầu một_số xã còn thiếu sâu_sát , lúng_túng trong triển_khai .", Polarity.SHORTCOMING),
]
OTHERS = [(f"o{k}", text, words, Polarity.SHORTCOMING) for k, (text, words) in enumerate([
    ("Hồ sơ quá hạn chưa có văn bản xin lỗi.", "Hồ_sơ quá_hạn chưa có văn_bản xin_lỗi ."),
    ("Bộ phận một cửa chưa cấp phiếu hẹn.", "Bộ_phận một_cửa chưa cấp phiếu_hẹn ."),
    ("Cán bộ không đeo thẻ công chức.", "Cán_bộ không đeo thẻ công_chức ."),
    ("Chưa niêm yết thủ tục hành chính mới.", "Chưa niêm_yết thủ_tục hành_chính mới ."),
    ("Trụ sở xã vắng lặng trong giờ làm việc.", "Trụ_sở xã vắng_lặng trong giờ làm_việc ."),
    ("Tỷ lệ hồ sơ trực tuyến còn thấp.", "Tỷ_lệ hồ_sơ trực_tuyến còn thấp ."),
])]
SHORTCOMING_QUERY = "hạn chế trong công tác chỉ đạo điều hành"  # names a report's section
# A question about the matter asks the same polarity but is no section (`Plan.section`): the
# engine leaves its order to the words, and the reranker orders by the polarity. ("… còn những hạn
# chế nào", which asks which shortcomings, is the section itself.)
SHORTCOMING_QUESTION = "đơn vị nào còn hạn chế trong công tác chỉ đạo điều hành"


def _rec(fid: str, text: str, words: str, polarity: Polarity) -> FindingRecord:
    area = Area.CHI_DAO if fid[0] in "sh" else Area.TTHC
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=polarity, area=area, theme=f"{area}.khac", year=2022,
                         published="2022-05-01")


@pytest.fixture(params=BACKEND_PARAMS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> SearchBackend:
    backend = FACTORIES[request.param](tmp_path, request)
    backend.index([_rec(*row) for row in DIRECTION + OTHERS])
    if hasattr(backend, "refresh"):
        backend.refresh()
    return backend


def _ids(backend: SearchBackend, query: Query, ranker: Ranker | None = None) -> list[str]:
    return [h.record.finding_id for h in search(backend, query, ranker=ranker).hits]


def test_a_section_query_gets_its_polarity_first_from_the_engine(engine: SearchBackend) -> None:
    """A query naming a report's section ("hạn chế trong …") has the findings of that polarity
    before any other in the engine's own order (no weight), though the strengths hold its words."""
    query = Query(text=SHORTCOMING_QUERY)
    assert _ids(engine, query, Ranker({})) == ["h1", "s2", "s1"]
    assert [h.tier for h in search(engine, query, ranker=Ranker({})).hits] == ["matter", "words", "words"]


def test_a_shortcoming_question_puts_the_shortcoming_first_on_both_engines(engine: SearchBackend) -> None:
    query = Query(text=SHORTCOMING_QUESTION)
    # The engine's order (no weight): the strengths hold the words, so its tiers put them first
    # (in the order of their bm25, the shorter first), the area's shortcoming after them.
    assert _ids(engine, query, Ranker({})) == ["s2", "s1", "h1"]
    assert [h.tier for h in search(engine, query, ranker=Ranker({})).hits] == ["words", "words", "matter"]
    # Reranked by the polarity asked for (weights given here, so the test says what it checks).
    assert _ids(engine, query, Ranker({"rank": 1.0, "polarity": 0.5})) == ["h1", "s2", "s1"]


def test_the_shipped_weights_favour_the_polarity_asked_for(engine: SearchBackend) -> None:
    """Fails when a retraining stops preferring what the query asks for (index/rerank_weights.json)."""
    assert _ids(engine, Query(text=SHORTCOMING_QUERY))[0] == "h1"
    assert load_ranker().weights["polarity"] > 0


def test_pages_past_the_pool_keep_the_engines_order_and_the_total(engine: SearchBackend) -> None:
    """A pool of two, reordered by a ranker that reverses it: the first two findings swapped, the
    third where the engine put it; every page from the same tiers, so the pages cover each
    finding once and the total never changes."""
    text = "xã"  # held by three findings
    engine_order = _ids(engine, Query(text=text), Ranker({}, pool=2))
    assert len(engine_order) == 3
    first, second, third = engine_order
    reverse = Ranker({"rank": -1.0}, pool=2)
    pages = [search(engine, Query(text=text, limit=1, offset=k), ranker=reverse) for k in range(4)]
    assert [[h.record.finding_id for h in p.hits] for p in pages] == [[second], [first], [third], []]
    assert {p.total for p in pages} == {3}
    # A page straddling the pool: its reranked end, then the engine's findings after the pool.
    straddling = search(engine, Query(text=text, limit=2, offset=1), ranker=reverse)
    assert [h.record.finding_id for h in straddling.hits] == [first, third]
    # A pool of three holds them all: reversed whole.
    assert _ids(engine, Query(text=text), Ranker({"rank": -1.0}, pool=3)) == [third, second, first]


def test_every_page_shows_the_snippets_the_engine_makes(engine: SearchBackend) -> None:
    """The composed search asks the engine's pool without snippets and marks only the page
    (Query.snippets, SearchBackend.highlighted): each hit shown, in the pool, straddling it or
    past it, carries the snippet the engine's own search gives that finding."""
    text = "xã"  # held by three findings
    own = {h.record.finding_id: h.snippet for h in engine.search(Query(text=text)).hits}
    assert any("<mark>" in snippet for snippet in own.values())
    reverse = Ranker({"rank": -1.0}, pool=2)
    shown = [h for k in range(3)
             for h in search(engine, Query(text=text, limit=1, offset=k), ranker=reverse).hits]
    shown += search(engine, Query(text=text, limit=2, offset=1), ranker=reverse).hits
    assert len(shown) == 5 and all(h.snippet == own[h.record.finding_id] for h in shown)


def test_scores_say_what_ranked_each_hit_and_fall_with_the_rank(engine: SearchBackend) -> None:
    """In the pool, the reranker's score; past it, the engine's order counted down below the
    pool's lowest: the same scores on every page, never rising down the list."""
    import math

    text = "xã"  # held by three findings
    reverse = Ranker({"rank": -1.0}, pool=2)
    whole = search(engine, Query(text=text), ranker=reverse)
    second_rank = 1.0 - math.log1p(1) / math.log1p(2)  # index/rerank.py engine_rank, the 2nd of 2
    assert [h.score for h in whole.hits] == pytest.approx([-second_rank, -1.0, -2.0])
    pages = [h for k in range(3)
             for h in search(engine, Query(text=text, limit=1, offset=k), ranker=reverse).hits]
    straddling = search(engine, Query(text=text, limit=2, offset=1), ranker=reverse).hits
    by_id = {h.record.finding_id: h.score for h in whole.hits}
    assert {h.record.finding_id: h.score for h in pages} == by_id
    assert {h.record.finding_id: h.score for h in straddling} == {
        h.record.finding_id: h.score for h in whole.hits[1:]}
    # The shipped weights on a query whose words find the area's shortcoming in the matter tier:
    # the reranker moves it first (test above), and its score says so.
    shipped = search(engine, Query(text=SHORTCOMING_QUERY))
    scores = [h.score for h in shipped.hits]
    assert shipped.hits[0].record.finding_id == "h1"
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[1]
    # The engine alone (no second stage) keeps its own scores.
    by_date = search(engine, Query(text=text, sort="date"), ranker=reverse)
    alone = engine.search(Query(text=text, sort="date"))
    assert [h.score for h in by_date.hits] == [h.score for h in alone.hits]


def test_a_search_reads_its_query_once_whatever_it_asks_the_engine(
        engine: SearchBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    """One parse and one analysis per search, though the search reads the parse for its matters
    and asks the engine twice (the pool, then the page past it): each engine searches by the
    plan it was handed, so both requests read the query as the one analysis did."""
    import index.query.analysis
    import pipeline.search

    calls = {"parse": 0, "analyse": 0}

    def counted(name: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(index.query.analysis, "parse", counted("parse", index.query.analysis.parse))
    monkeypatch.setattr(pipeline.search, "parse", counted("parse", pipeline.search.parse))
    monkeypatch.setattr(index.query.analysis, "analyse", counted("analyse", index.query.analysis.analyse))
    ranker = Ranker({"rank": -1.0}, pool=2)
    straddling = search(engine, Query(text="xã thủ tục", limit=2, offset=1), ranker=ranker)
    assert len(straddling.hits) == 2  # the pool's second finding, then one past the pool
    assert calls == {"parse": 1, "analyse": 1}
    plain = [h.record.finding_id for h in straddling.hits]
    monkeypatch.undo()
    # What the engine finds by the plan it is handed is what it finds planning alone.
    pool = engine.search(Query(text="xã thủ tục", limit=3, page_size=3))
    assert plain == [pool.hits[0].record.finding_id, pool.hits[2].record.finding_id]


def test_the_date_order_facets_and_browsing_are_the_engines(engine: SearchBackend) -> None:
    ranker = Ranker({"rank": 1.0, "polarity": 2.0})
    by_date = Query(text=SHORTCOMING_QUESTION, sort="date", facets=True)
    assert _ids(engine, by_date, ranker) == _ids(engine, by_date, Ranker({}, pool=0))  # no second stage
    assert _ids(engine, by_date, ranker) != _ids(engine, replace(by_date, sort="relevance"), ranker)
    result = search(engine, Query(text=SHORTCOMING_QUESTION, facets=True), ranker=ranker)
    assert dict(result.facets["polarity"]) == {"strength": 2, "shortcoming": 1}
    assert search(engine, Query(), ranker=ranker).total == len(DIRECTION + OTHERS)


def _tiny_judged_pools(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Any, list[Any]]:
    """Two judged questions asking for shortcomings over SQLite (questions, not sections: the
    engine leaves their order to the words), whose engine order puts strengths first; only the
    shortcoming h1 is judged relevant. Returns the backend and the judged pools."""
    from benchmarks import train_ranker as tr

    backend = FACTORIES["sqlite"](tmp_path, request)
    backend.index([_rec(*row) for row in DIRECTION + OTHERS])
    judged = {"h1": 2}

    def grade(record: FindingRecord) -> tuple[Any, int] | None:
        return (record.finding_id, judged.get(record.finding_id, 0))

    ideal = tr.ideal_dcg(list(judged.values()))
    return backend, [tr.judged_pool(backend, Query(text=t), grade, ideal, t, "polar", pool=10)
                     for t in (SHORTCOMING_QUESTION, "chỉ đạo điều hành có gì hạn chế")]


def test_training_on_a_tiny_judged_set_learns_the_polarity(tmp_path: Path,
                                                           request: pytest.FixtureRequest) -> None:
    """Two judged queries asking for shortcomings, whose engine order puts strengths first: the
    training script's ascent finds a polarity weight that puts the judged findings first."""
    from benchmarks import train_ranker as tr

    backend, queries = _tiny_judged_pools(tmp_path, request)
    assert all(len(q.keys) == 3 for q in queries)
    before = tr.mean_ndcg(queries, tr.start())
    weights = tr.train(queries, penalty=0.002, features=("rank", "polarity"))
    after = tr.mean_ndcg(queries, weights)
    assert before < 1.0 and after == pytest.approx(1.0)
    names = list(tr.FEATURES)
    assert weights[names.index("polarity")] > 0
    assert weights[names.index("unit")] == 0.0  # not trained: stays out
    ranker = tr.as_ranker(weights, 10)
    assert _ids(backend, Query(text=SHORTCOMING_QUESTION), ranker)[0] == "h1"


def test_pairwise_training_on_a_tiny_judged_set_learns_the_polarity(tmp_path: Path,
                                                                    request: pytest.FixtureRequest) -> None:
    """The shipped method, pairwise logistic regression over every feature, on the same two
    judged queries: the shortcoming judged relevant is graded above the strengths in each pool,
    so the pairs teach a positive polarity weight, rank stays the scale (1), and the trained
    ranker puts the shortcoming first."""
    from benchmarks import train_ranker as tr

    backend, queries = _tiny_judged_pools(tmp_path, request)
    diffs, weights = tr.pair_differences(queries, tr.PAIRWISE)
    assert len(diffs) == 4 and weights.sum() == pytest.approx(1.0)  # h1 above s1 and s2, twice
    trained = tr.train_pairwise(queries)
    names = list(tr.FEATURES)
    assert trained[names.index("polarity")] > 0
    assert tr.mean_ndcg(queries, tr.start()) < 1.0
    assert tr.mean_ndcg(queries, trained) == pytest.approx(1.0)
    only_rank = tr.train_pairwise(queries, features=("rank", "unit"))
    assert only_rank[names.index("polarity")] == 0.0  # not trained: stays out
    assert _ids(backend, Query(text=SHORTCOMING_QUESTION), tr.as_ranker(trained, 10))[0] == "h1"


def _pool(qid: str, grades: list[int], columns: dict[str, list[float]]) -> Any:
    """A judged pool made by hand: the engine's rank falling down the pool, the given feature
    columns, every other feature 0."""
    import numpy as np

    from benchmarks import train_ranker as tr

    names = list(tr.FEATURES)
    rows = np.zeros((len(grades), len(names)))
    rows[:, names.index("rank")] = np.linspace(1.0, 0.0, len(grades))
    for name, values in columns.items():
        rows[:, names.index(name)] = values
    keys = tuple(f"{qid}-{k}" for k in range(len(grades)))
    return tr.Judged(qid, "topic", rows, keys, tuple(grades), tr.ideal_dcg(grades),
                     (0,) * len(grades))


def test_the_pairwise_weight_of_a_feature_does_not_depend_on_its_unit() -> None:
    """Penalised by its spread over the pairs (`spreads`), a feature written ten times smaller
    (a cosine of 0.0–0.3 beside a 0/1 feature) trains a weight ten times larger and ranks the
    same: how hard a weight is held says how much evidence there is, not the feature's unit."""
    from benchmarks import train_ranker as tr

    def pools(scale: float) -> list[Any]:
        return [_pool("a", [0, 2, 0, 1], {"feedback": [scale * v for v in (0.1, 0.9, 0.2, 0.3)],
                                          "polarity": [1, 1, 0, 0]}),
                _pool("b", [0, 0, 1, 0], {"feedback": [scale * v for v in (0.5, 0.2, 0.8, 0.1)],
                                          "polarity": [0, 1, 1, 0]})]

    feedback = list(tr.FEATURES).index("feedback")
    plain, small = tr.train_pairwise(pools(1.0)), tr.train_pairwise(pools(0.1))
    assert small[feedback] == pytest.approx(10 * plain[feedback], rel=1e-6)
    assert plain[feedback] > 0
    diffs, weights = tr.pair_differences(pools(0.1), tr.PAIRWISE)
    spread = tr.spreads(diffs, weights)
    assert spread[list(tr.FEATURES).index("unit")] == 1.0  # never differs: held as before


def test_the_later_sets_are_trained_only_on_the_sets_before_them() -> None:
    """`--cv`'s time-respecting rows: each of the newest sets, and the newest together, trained
    on the sets written before them (JUDGMENTS' order), never on themselves or a later one."""
    import numpy as np

    from benchmarks import train_ranker as tr

    sets = {name: [_pool(name, [1, 0], {})] for name in ("first", "second", "third", "fourth")}
    seen: list[tuple[str, ...]] = []

    def fit(queries: Any) -> np.ndarray:
        seen.append(tuple(q.qid for q in queries))
        return tr.start()

    rows = tr.later_sets(sets, fit, last=2)
    assert [[q.qid for q in held] for _, held, _ in rows] == [["third"], ["fourth"], ["third", "fourth"]]
    assert seen == [("first", "second"), ("first", "second", "third"), ("first", "second")]


def test_each_query_is_scored_with_the_weights_of_the_fold_holding_it_out() -> None:
    """`--cv --per-query`: a query's held-out score is its nDCG under its own fold's weights (not
    another fold's), beside its engine order's, named by its set and kind, in the sets' order."""
    import numpy as np

    from benchmarks import train_ranker as tr

    names = list(tr.FEATURES)
    # the engine's order puts the relevant finding last; `polarity` marks it
    sets = {"first": [_pool("a", [0, 0, 2], {"polarity": [0, 0, 1]})],
            "second": [_pool("b", [0, 0, 2], {"polarity": [0, 0, 1]})]}
    lifting, sinking = tr.start(), tr.start()
    lifting[names.index("polarity")] = 5.0
    sinking[names.index("polarity")] = -5.0
    pooled = [(sets["second"][0], sinking), (sets["first"][0], lifting)]
    rows = tr.held_out_scores(sets, pooled)
    assert [(r["set"], r["id"], r["kind"]) for r in rows] == [("first", "a", "topic"),
                                                              ("second", "b", "topic")]
    assert rows[0]["held_out"] == 1.0 and rows[1]["held_out"] == rows[1]["engine"] == 0.5
    assert rows[0]["engine"] == 0.5
    assert isinstance(rows[0]["held_out"], float) and not isinstance(rows[0]["held_out"], np.floating)
