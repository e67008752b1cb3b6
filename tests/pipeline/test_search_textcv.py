"""benchmarks/search_textcv.py: what it restricts, scores and swaps for a fold of texts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks import search_textcv as cv
from core.settings import load_settings
from index.rerank import FEATURES
from nlp.areas import AreaModel, classify_area

QUERIES: list[dict[str, Any]] = [
    {"id": "a", "kind": "topic", "text": "hồ sơ trễ hạn",
     "relevant": [{"doc_id": "news_1", "finding": 0, "grade": 2},
                  {"doc_id": "report_2", "finding": 3, "grade": 1}]},
    {"id": "b", "kind": "unit", "text": "Đô Lương niêm yết",
     "relevant": [{"doc_id": "report_2", "finding": 1, "grade": 1}]},
    {"id": "c", "kind": "polar", "text": "hạn chế cải cách",
     "relevant": [{"doc_id": "news_3", "finding": 2, "grade": 2}]},
]


def test_restrict_scores_only_queries_with_an_answer_in_the_fold() -> None:
    """A fold of news_1 and report_2: query a keeps its two judgments there, b (only a grade 1 in
    the fold) is not scored, c (its answer in another fold) neither."""
    scored = cv.restrict(QUERIES, {"news_1", "report_2"})
    assert [q["id"] for q in scored] == ["a"]
    assert [r["doc_id"] for r in scored[0]["relevant"]] == ["news_1", "report_2"]


def test_restrict_for_training_keeps_any_graded_finding_and_drops_other_texts() -> None:
    """Training pairs need any grade: b trains on report_2; a's news_1 judgment is not a training
    text's, so it is dropped, not carried as an answer the training store cannot hold."""
    trained = cv.restrict(QUERIES, {"report_2"}, least=1)
    assert [q["id"] for q in trained] == ["a", "b"]
    assert trained[0]["relevant"] == [{"doc_id": "report_2", "finding": 3, "grade": 1}]
    assert QUERIES[0]["relevant"][0]["doc_id"] == "news_1"  # the judged set itself untouched


def test_weights_vector_follows_the_features_order() -> None:
    """A weights file naming two features: the others weigh 0, each at its FEATURES place."""
    text = json.dumps({"about": {}, "pool": 40, "weights": {"rank": 1.0, "polarity": 0.5}})
    vector = cv.weights_vector(text)
    assert vector.shape == (len(FEATURES),)
    assert vector[list(FEATURES).index("rank")] == 1.0
    assert vector[list(FEATURES).index("polarity")] == 0.5
    assert vector.sum() == 1.5


def test_pooled_means_weigh_each_query_once_over_the_folds() -> None:
    means = cv.pooled_means([("topic", 1.0), ("topic", 0.5), ("unit", 0.0)])
    assert means == {"topic": 0.75, "unit": 0.0, "all": 0.5}


@pytest.mark.parametrize("favoured", ["tthc", "cong_vu"])
def test_a_retrained_area_model_is_the_one_the_extractor_uses_inside(favoured: str) -> None:
    """A finding whose words name no area is the model's to classify: inside, the fold's model
    (here one that favours `favoured` whatever it reads) decides, and extraction runs in this
    process (a forked child would hold the shipped model); outside, both are as before."""
    text = "Kết quả nhìn chung còn nhiều việc phải làm"
    areas = ("tthc", "cong_vu")
    model = AreaModel(areas, tuple(5.0 if a == favoured else 0.0 for a in areas), {})
    shipped = classify_area(text)
    with cv.area_model_in_use(model):
        assert classify_area(text) == favoured
        assert load_settings().isolate is False
    assert classify_area(text) == shipped
