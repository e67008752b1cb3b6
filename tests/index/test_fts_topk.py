"""Exact top-k ranking: the pruned page equals ranking every match, in the pure functions and
against FTS5's own bm25 over a real index."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from index import fts_topk
from index.base import FindingRecord, Query
from index.sqlite_fts import EXACT_BONUS, SqliteFtsBackend, parse_query


def test_docsize_blob_is_a_sum_of_sqlite_varints() -> None:
    assert fts_topk.docsize_total(bytes([5, 7])) == 12
    assert fts_topk.docsize_total(bytes([0x81, 0x48, 0x81, 0x48])) == 400  # 200 + 200, two bytes each
    assert fts_topk.docsize_total(b"") == 0


def test_repeated_words_count_what_fts5_counts() -> None:
    assert fts_topk.repeated_words("ho so, ho so qua han; Ho so") == {"ho": 3, "so": 3}
    assert fts_topk.repeated_words("phieu hen tra ket qua") == {}


@pytest.mark.parametrize(("folded", "alike"), [
    ("ho so tre han", True),
    ("“ho so” – tre han…", True),  # punctuation separates in both
    ("dien tich 20 m² dat", False),  # ² is a number to unicode61, not to Python's regex
    ("bao cao жа", False),
    ("a\u0301", False),  # a combining mark
])
def test_tokenizes_alike_only_when_both_tokenizers_agree(folded: str, alike: bool) -> None:
    assert fts_topk.tokenizes_alike(folded) is alike


def test_phrase_counts_from_repeats() -> None:
    ids = np.array([1, 2, 3, 4])
    repeats = {"ho": (np.array([2, 3]), np.array([2, 3])), "so": (np.array([3]), np.array([2]))}
    counts = fts_topk.phrase_counts(ids, [("ho",), ("so",), ("ho", "so"), ("tre",)], repeats)
    assert counts.tolist() == [
        [1, 1, 1, 1],
        [2, 1, 1, 1],  # "ho so" once: "so" is there once
        [3, 2, fts_topk.UNKNOWN, 1],  # both words repeated: the phrase count is unknown
        [1, 1, 1, 1],
    ]


def _score(tier: int, counts: tuple[int, ...], tokens: int) -> float:
    """A bm25-shaped score: strictly up with each count, strictly down with length."""
    return sum(c * 2.2 / (c + 1.2 * (0.25 + 0.75 * tokens / 40)) * (i + 1) for i, c in enumerate(counts))


@pytest.mark.parametrize("seed", range(40))
def test_pruned_page_equals_sorting_everything(seed: int) -> None:
    rng = random.Random(seed)
    n, phrases = rng.randint(1, 400), rng.choice((1, 2, 3, 4, 10, 12))
    ids = np.array(sorted(rng.sample(range(1, 5000), n)), dtype=np.int64)
    exact = np.array([rng.random() < rng.choice((0.0, 0.1, 0.7)) for _ in range(n)])
    tokens = np.array([rng.randint(3, 12) for _ in range(n)], dtype=np.int64)
    least = rng.choice((0, 1))  # 0: an OR query's phrase a finding may lack
    true_counts = np.array([[rng.choice((least, 1, 1, 1, 2, 3)) for _ in range(phrases)] for _ in range(n)])
    true_counts[true_counts.sum(axis=1) == 0, 0] = 1  # every finding matched one phrase at least
    counts = true_counts.copy()
    counts[[rng.random() < 0.05 for _ in range(n)]] = fts_topk.UNKNOWN
    true_score = {int(r): _score(0, tuple(c), int(t))
                  for r, c, t in zip(ids, true_counts, tokens, strict=True)}
    need = rng.choice((1, 5, 10, 30, n, n + 5))

    signatures = fts_topk.signatures(ids, exact, tokens, counts, need)
    scored = signatures.to_score()
    assert len(scored) <= n
    got = signatures.top({r: -true_score[r] for r in scored}, 100.0, need)

    everything = sorted(((0 if e else 1, -(true_score[int(r)] + (100.0 if e else 0.0)), int(r))
                         for r, e in zip(ids, exact, strict=True)))
    assert got == [(r, -s) for _, s, r in everything[:need]]


# --------------------------------------------------------------------------- against FTS5

WORDS = ("hồ sơ", "hộ tịch", "quá hạn", "trễ hạn", "phiếu hẹn", "ho so", "thủ tục", "hành chính", "báo cáo",
         "chưa", "đúng", "cấp", "xã", "tiếp nhận", "trả kết quả", "chứng thực", "m²", "жа", "sơ kết",
         "hồ nước",
         "hồ\ue000hồ")  # one word to FTS5 (private use is a letter to it), two to Python


def _corpus(rng: random.Random, n: int) -> list[FindingRecord]:
    records = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 14)))
        if rng.random() < 0.2:
            text = f"{text}, {text}"  # every word at least twice
        records.append(FindingRecord(
            finding_id=f"f{i:04d}", doc_key=f"d{i // 5}", doc_id=f"bc-{i // 5}",
            text=text.capitalize() + ".", polarity=rng.choice(("strength", "shortcoming")), area="tthc",
            year=rng.choice((2019, 2021, 2023)),
            published=None))
    return records


def _oracle(path: Path, text: str, year: int | None) -> list[tuple[str, float]]:
    """Every match ranked by FTS5 in one statement: exact tier, bm25 of the folded query, rowid."""
    folded = " AND ".join('"' + " ".join(t.tokens) + '"' + (" *" if t.prefix else "")
                          for t in parse_query(text))
    original = " AND ".join('"' + " ".join(t.tokens) + '"' + (" *" if t.prefix else "")
                            for t in parse_query(text, accents=True))
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT r.finding_id, (t.rowid IN (SELECT rowid FROM fts_text WHERE fts_text MATCH ?)) AS ex,"
            " bm25(fts_text) AS b FROM fts_text t JOIN fts_records r ON r.rowid = t.rowid"
            " WHERE fts_text MATCH ? AND (? IS NULL OR r.year = ?) ORDER BY NOT ex, b, t.rowid",
            [f"original : ({original})", f"folded : ({folded})", year, year]).fetchall()
    return [(finding_id, (EXACT_BONUS if ex else 0.0) - b) for finding_id, ex, b in rows]


@pytest.mark.parametrize("text", ["hồ sơ", "ho so", "hộ tịch quá hạn", '"hồ sơ" hạn', "han", "tr*",
                                  "tiếp nhận hồ sơ",
                                  "chung thuc", "жа", "m²", "xã"])
def test_sqlite_pages_equal_fts5_ranking_every_match(tmp_path: Path, text: str) -> None:
    path = tmp_path / "rank.db"
    backend = SqliteFtsBackend(path)
    try:
        backend.index(_corpus(random.Random(11), 800))
        for year in (None, 2021):
            expected = _oracle(path, text, year)
            assert expected, "the corpus should match every test query"
            for offset, limit in ((0, 10), (7, 3), (50, 25), (max(len(expected) - 4, 0), 10)):
                result = backend.search(Query(text=text, year=year, limit=limit, offset=offset, facets=True))
                assert result.total == len(expected)
                got = [(h.record.finding_id, h.score) for h in result.hits]
                assert got == [(f, pytest.approx(s, rel=1e-12)) for f, s in expected[offset:offset + limit]]
    finally:
        backend.close()
