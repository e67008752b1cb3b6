"""Exact top-k ranking: the pruned page equals ranking every match, in the pure functions and
against FTS5's own bm25 over a real index."""

from __future__ import annotations

import math
import random
import sqlite3
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from core.normalize import fold
from index import fts_topk
from index.base import EXACT_BONUS, GROUP_BONUS, SIMILAR_MIN_SHARE, FindingRecord, Query
from index.query import group_weights, plan_query
from index.sqlite_fts import SqliteFtsBackend, _TextSearch, _top_terms, _Vocabulary, _words_of


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
    tiers = rng.choice((1, 2, 5, fts_topk.MAX_TIER + 1))
    tier = np.array([rng.randrange(tiers) if rng.random() < rng.choice((0.1, 0.7)) else tiers - 1
                     for _ in range(n)], dtype=np.int64)
    bonus = ((tiers - tier) * 100.0).astype(np.float64)
    tokens = np.array([rng.randint(3, 12) for _ in range(n)], dtype=np.int64)
    least = rng.choice((0, 1))  # 0: an OR query's phrase a finding may lack
    true_counts = np.array([[rng.choice((least, 1, 1, 1, 2, 3)) for _ in range(phrases)] for _ in range(n)])
    true_counts[true_counts.sum(axis=1) == 0, 0] = 1  # every finding matched one phrase at least
    counts = true_counts.copy()
    counts[[rng.random() < 0.05 for _ in range(n)]] = fts_topk.UNKNOWN
    true_score = {int(r): _score(0, tuple(c), int(t))
                  for r, c, t in zip(ids, true_counts, tokens, strict=True)}
    need = rng.choice((1, 5, 10, 30, n, n + 5))

    signatures = fts_topk.signatures(ids, tier, tokens, counts, need)
    scored = signatures.to_score()
    assert len(scored) <= n
    got = signatures.top({r: -true_score[r] for r in scored}, bonus, need, after=ids)  # equal: by rowid

    everything = sorted(((int(t), -(true_score[int(r)] + float(b)), int(r))
                         for r, t, b in zip(ids, tier, bonus, strict=True)))
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


def _oracle(path: Path, text: str, year: int | None, limit: int, offset: int = 0) -> list[tuple[str, float]]:
    """Every candidate ranked from FTS5's bm25 of all of them in one statement: most groups
    matched, the exact phrase, then bm25 of the folded alternatives, then the browse order
    (index.base.best_date: here the year, newest first, then the finding id); when those are
    fewer than a page (limit, whatever the offset), the findings matching any group after
    them (the fill), ranked by idf-weighted groups matched, then bm25, then the browse order."""
    with sqlite3.connect(path) as conn:
        plan = plan_query(text, _Vocabulary(conn))
        search = _TextSearch(conn, plan)
        groups = [set(search.group(g).tolist()) for g in plan.groups]
        years = dict(conn.execute("SELECT rowid, year FROM fts_records").fetchall())
        admitted = {r for r, y in years.items() if year is None or y == year}
        candidates = set.intersection(*groups) & admitted
        if len(groups) > 1 and len(candidates) < limit:
            most = {r for r in set.union(*groups) if sum(r in g for g in groups) >= plan.minimum}
            candidates = most & admitted
        filled: set[int] = set()
        if len(groups) > 1 and len(candidates) < limit:
            filled = (set.union(*groups) & admitted) - candidates
        bm25 = dict(conn.execute(f"SELECT rowid, bm25(fts_text) FROM fts_text WHERE fts_text MATCH ?"
                                 f" AND rowid IN ({','.join(map(str, candidates | filled)) or '0'})",
                                 [search.ranking]).fetchall())
        exact = set(search.exact().tolist())
        names = dict(conn.execute("SELECT rowid, finding_id FROM fts_records").fetchall())
    rows = []
    for r in candidates:
        matched = sum(r in g for g in groups)
        tier = min((len(groups) - matched) * 2 + (r not in exact), fts_topk.MAX_TIER)
        score = matched * GROUP_BONUS + (r in exact) * EXACT_BONUS - bm25.get(r, 0.0)
        rows.append((tier, -score, (-years[r], names[r]), r))
    weights = group_weights([len(g) for g in groups], len(years))
    fill = []
    for r in filled:
        weighed = sum(w for w, g in zip(weights, groups, strict=True) if r in g)
        fill.append((-weighed, -(weighed * GROUP_BONUS - bm25.get(r, 0.0)), (-years[r], names[r]), r))
    return [(names[r], -s) for _, s, _, r in [*sorted(rows), *sorted(fill)]]


def _assert_pages_are_fts5s(backend: SqliteFtsBackend, path: Path, text: str,
                            pages: Sequence[tuple[int, int]], year: int | None = None,
                            facets: bool = False) -> None:
    """Each page (offset, limit) the backend gives for `text` is the oracle's: the same total, the
    same findings in the same order, their scores FTS5's own to the last bit."""
    for offset, limit in pages:
        expected = _oracle(path, text, year, limit, offset)
        result = backend.search(Query(text=text, year=year, limit=limit, offset=offset, facets=facets))
        assert result.total == len(expected)
        got = [(h.record.finding_id, h.score) for h in result.hits]
        assert got == [(f, pytest.approx(s, rel=1e-12)) for f, s in expected[offset:offset + limit]]


@pytest.mark.parametrize("text", ["hồ sơ", "ho so", "hộ tịch quá hạn", '"hồ sơ" hạn', "han", "tr*",
                                  "tiếp nhận hồ sơ",
                                  "chung thuc", "жа", "m²", "xã"])
def test_sqlite_pages_equal_fts5_ranking_every_match(tmp_path: Path, text: str) -> None:
    path = tmp_path / "rank.db"
    backend = SqliteFtsBackend(path)
    try:
        backend.index(_corpus(random.Random(11), 800))
        for year in (None, 2021):
            assert _oracle(path, text, year, 10), "the corpus should match every test query"
            last = max(len(_oracle(path, text, year, 10)) - 4, 0)
            _assert_pages_are_fts5s(backend, path, text, ((0, 10), (7, 3), (50, 25), (last, 10)), year,
                                    facets=True)
    finally:
        backend.close()


@pytest.mark.parametrize("text", ["ban hanh", "ban hanh van ban", "tin hoc", "co quan"])
def test_a_restored_unaccented_syllable_ranks_as_fts5_ranks_it(tmp_path: Path, text: str) -> None:
    """A word typed without accents is ranked as its clear reading, one syllable at a time, on
    `original` ("ban hanh": "ban" literal, "hành"); the literal ASCII syllable's folded repeats
    also count the accented words folding to it ("bản" of văn bản, "bàn", "tín", "quán"), so taken
    from them a finding saying "ban hành văn bản" scored as saying "ban" twice, above where
    FTS5's own bm25 (and Elasticsearch's on its `original` field) puts it."""
    path = tmp_path / "ban.db"
    backend = SqliteFtsBackend(path)
    words = ("ban hành", "văn bản", "bàn", "bán", "ban", "tin học", "tín", "tin", "cơ quan", "quán", "quan",
             "hồ sơ", "xã", "chưa", "cấp")
    try:
        rng = random.Random(5)
        records = []
        for i in range(400):
            said = " ".join(rng.choice(words) for _ in range(rng.randint(2, 12)))
            records.append(FindingRecord(finding_id=f"c{i:03d}", doc_key=f"d{i // 5}", doc_id=f"bc-{i // 5}",
                                         text=said.capitalize() + ".", polarity="shortcoming", area="tthc",
                                         year=rng.choice((2019, 2021, 2023))))
        backend.index(records)
        _assert_pages_are_fts5s(backend, path, text, ((0, 10), (7, 3), (50, 25), (0, 400)))
    finally:
        backend.close()


@pytest.mark.parametrize("text", ["báo cáo", "bc", "thư điện tử", "email quá hạn"])
def test_findings_repeating_a_phrases_words_rank_by_their_text_as_fts5_ranks_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """The findings whose phrase counts the stored repeats cannot tell (each word of "báo cáo",
    a synonym ranked whole, twice) are counted from their text (_top_by_bm25's `units`): every
    page, its scores to the last bit, is the page FTS5 gives scoring them itself."""
    from index import sqlite_fts

    backend = SqliteFtsBackend(tmp_path / "repeats.db")
    try:
        rng = random.Random(4)
        syllables = ("báo", "cáo", "bc", "thư", "điện", "tử", "email", "hạn", "quá", "sơ")
        texts = [" ".join(rng.choice(syllables) for _ in range(rng.randint(2, 24))) + "." for _ in range(600)]
        backend.index([FindingRecord(finding_id=f"r{i}", doc_key="d", doc_id="d", polarity="strength",
                                     area="tthc", text=said) for i, said in enumerate(texts)])
        pages = [Query(text=text, limit=limit, offset=offset)
                 for offset, limit in ((0, 10), (7, 3), (50, 25))]
        read = [[(h.record.finding_id, h.score) for h in backend.search(q).hits] for q in pages]
        calls: list[int] = []
        counted = sqlite_fts._bare_counts

        def fts5_scores(*args: object) -> None:
            calls.append(len(counted(*args)))  # type: ignore[arg-type]
            return None

        monkeypatch.setattr(sqlite_fts, "_bare_counts", fts5_scores)
        scored = [[(h.record.finding_id, h.score) for h in backend.search(q).hits] for q in pages]
        assert calls, "the corpus should repeat the words of a phrase"
        assert read == scored and all(read)
    finally:
        backend.close()


# --------------------------------------------------------------------------- bm25 in numpy, "similar"


def test_averages_record_is_rows_then_column_totals() -> None:
    assert fts_topk.averages(bytes([3, 5, 0x81, 0x48])) == (3, 205)  # 3 rows; 5 + 200 tokens
    assert fts_topk.averages(b"") == (0, 0)
    assert fts_topk.averages(None) == (0, 0)


ASCII_WORDS = ("ho", "so", "tre", "han", "phieu", "hen", "xa", "cap", "bao", "cao", "thu", "tuc")


@pytest.mark.parametrize("seed", range(4))
def test_bm25_is_fts5s_own_score(tmp_path: Path, seed: int) -> None:
    """The same doubles FTS5's bm25() gives every finding of an OR query on `folded`, from the
    counts, lengths and holders alone."""
    rng = random.Random(seed)
    backend = SqliteFtsBackend(tmp_path / "bm25.db")
    texts = [" ".join(rng.choice(ASCII_WORDS) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    try:
        backend.index([FindingRecord(finding_id=f"f{i}", doc_key="d", doc_id="d", text=text,
                                     polarity="strength", area="tthc") for i, text in enumerate(texts)])
        words = rng.sample(ASCII_WORDS, rng.randint(1, 10))
        with sqlite3.connect(tmp_path / "bm25.db") as conn:
            expression = " OR ".join(f'(folded : "{w}")' for w in words)
            expected = dict(conn.execute("SELECT rowid, bm25(fts_text) FROM fts_text WHERE fts_text MATCH ?",
                                         [expression]).fetchall())
            folded = dict(conn.execute("SELECT rowid, folded FROM fts_text").fetchall())
            tokens = dict(conn.execute("SELECT rowid, tokens FROM fts_records").fetchall())
            rows, total = fts_topk.averages(conn.execute("SELECT block FROM fts_text_data WHERE id = 1")
                                            .fetchone()[0])
        ids = sorted(expected)
        counts = np.array([[folded[r].split().count(w) for w in words] for r in ids], dtype=np.int64)
        holders = [sum(w in folded[r].split() for r in folded) for w in words]
        got = fts_topk.bm25(counts, np.array([tokens[r] for r in ids]), holders, rows, total)
        assert rows == len(texts) and total == sum(tokens.values())
        assert got.tolist() == [-expected[r] for r in ids]
    finally:
        backend.close()


ACCENTED_SYLLABLES = ("hồ", "sơ", "hộ", "quá", "hạn", "ho", "so", "trễ", "hẹn", "phiếu", "xã")


@pytest.mark.parametrize("seed", range(4))
def test_phrase_occurrences_give_fts5s_bm25_on_both_columns(tmp_path: Path, seed: int) -> None:
    """Phrase counts read from the stored text (overlaps included: "hồ hồ" twice in "hồ hồ hồ"),
    with each phrase's holders, give the doubles FTS5's bm25() gives an OR of phrases of one to
    three syllables, on `folded` and accented on `original`."""
    rng = random.Random(seed)
    backend = SqliteFtsBackend(tmp_path / "occurrences.db")
    texts = [" ".join(rng.choice(ACCENTED_SYLLABLES) for _ in range(rng.randint(1, 25))) + "."
             for _ in range(300)]
    try:
        backend.index([FindingRecord(finding_id=f"f{i}", doc_key="d", doc_id="d", text=text,
                                     polarity="strength", area="tthc") for i, text in enumerate(texts)])
        units = [(rng.choice(("folded", "original")), tuple(rng.choice(ACCENTED_SYLLABLES)
                                                            for _ in range(rng.randint(1, 3))))
                 for _ in range(rng.randint(2, 8))]
        units = [(column, tuple(fold(s) for s in words) if column == "folded" else words)
                 for column, words in units]
        phrases = [f'{column} : "{" ".join(words)}"' for column, words in units]
        with sqlite3.connect(tmp_path / "occurrences.db") as conn:
            expected = dict(conn.execute("SELECT rowid, bm25(fts_text) FROM fts_text WHERE fts_text MATCH ?",
                                         [" OR ".join(f"({p})" for p in phrases)]).fetchall())
            stored = {r: (f, o) for r, f, o in conn.execute("SELECT rowid, folded, original FROM fts_text")}
            tokens = dict(conn.execute("SELECT rowid, tokens FROM fts_records").fetchall())
            holders = [conn.execute("SELECT count(*) FROM fts_text WHERE fts_text MATCH ?", [p]).fetchone()[0]
                       for p in phrases]
            rows, total = fts_topk.averages(conn.execute("SELECT block FROM fts_text_data WHERE id = 1")
                                            .fetchone()[0])
        ids = sorted(stored)
        tokenized = [fts_topk.phrase_tokens(" ".join(words)) for _, words in units]
        assert all(t is not None for t in tokenized)
        counts = np.column_stack([
            fts_topk.phrase_occurrences([stored[r][column == "original"] for r in ids], [phrase])[:, 0]
            for (column, _), phrase in zip(units, tokenized, strict=True) if phrase is not None])
        got = fts_topk.bm25(counts, np.array([tokens[r] for r in ids]), holders, rows, total)
        assert {r: -score for r, score in zip(ids, got.tolist(), strict=True) if score} == expected
    finally:
        backend.close()


def test_phrase_occurrences_count_overlapping_runs() -> None:
    counted = fts_topk.phrase_occurrences(["ho ho ho, so ho", "so"], [("ho", "ho"), ("ho",), ("so", "ho")])
    assert counted.tolist() == [[2, 4, 1], [0, 0, 0]]


def test_phrase_occurrences_of_joined_texts_equal_each_texts_words_counted() -> None:
    """One scan of the texts joined counts what cutting each text into words and counting its
    runs counts: separators of every kind between words (underscore, marks, newlines), numbers
    and "²" inside words, a phrase never across two texts, and texts holding the joining
    character itself counted apart."""
    rng = random.Random(5)
    words = ("ho", "so", "hồ", "sơ", "a", "ab", "x2", "2")
    gaps = (" ", ", ", "_", "-", "\n", ". ", "/", "²", "\u0301", "\x1e")
    for _ in range(500):
        texts = ["".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 12)))
                 for _ in range(rng.randint(1, 6))]
        phrases = [tuple(rng.choice(words) for _ in range(rng.randint(1, 3)))
                   for _ in range(rng.randint(1, 4))]
        expected = [fts_topk.phrase_occurrences_of_words(fts_topk._WORD.findall(t), phrases) for t in texts]
        assert fts_topk.phrase_occurrences(texts, phrases).tolist() == expected
    assert fts_topk.phrase_occurrences(["ho", "so"], [("ho", "so")]).tolist() == [[0], [0]]


@pytest.mark.parametrize(("text", "tokens"), [
    ("hồ sơ", ("hồ", "sơ")), ("ho-so", ("ho", "so")), ("Hồ sơ", None), ("ho\u0301 so", None),
    ("\ue000x", None)])
def test_phrase_tokens_only_where_python_cuts_as_unicode61(text: str, tokens: tuple[str, ...] | None) -> None:
    assert fts_topk.phrase_tokens(text) == tokens


def test_similar_equals_fts5_ranking_every_candidate(tmp_path: Path) -> None:
    """Each finding's similar list is every finding sharing enough of its words, ranked by
    FTS5's own bm25 of those words, then rowid; findings Python tokenizes unlike FTS5 ("m²",
    private use) are among them."""
    path = tmp_path / "similar.db"
    backend = SqliteFtsBackend(path)
    try:
        backend.index(_corpus(random.Random(5), 600))
        with sqlite3.connect(path) as conn:
            names = dict(conn.execute("SELECT rowid, finding_id FROM fts_records").fetchall())
            folded = dict(conn.execute("SELECT rowid, folded FROM fts_text").fetchall())
            vocabulary = dict(conn.execute("SELECT term, doc FROM fts_vocab WHERE col = 'folded'").fetchall())
        unknown_seen = listed = 0
        for rowid in range(1, 600, 37):
            with backend._snapshot("test") as conn:
                counts = _words_of(folded[rowid])
                terms = _top_terms(counts, {w: vocabulary.get(w, 0) for w in counts}, len(folded))
                holders = [{r for (r,) in conn.execute("SELECT rowid FROM fts_text WHERE fts_text MATCH ?",
                                                       [f'folded : "{t}"'])} for t in terms]
                least = math.ceil(SIMILAR_MIN_SHARE * len(terms))
                shared = Counter(r for found in holders for r in found)
                candidates = {r for r, n in shared.items() if n >= least} - {rowid}
                bm25 = dict(conn.execute(
                    f"SELECT rowid, bm25(fts_text) FROM fts_text WHERE fts_text MATCH ?"
                    f" AND rowid IN ({','.join(map(str, candidates)) or '0'})",
                    [" OR ".join(f'(folded : "{t}")' for t in terms)]).fetchall())
            expected = sorted((bm25[r], r) for r in candidates)[:8]
            unknown_seen += sum(not fts_topk.tokenizes_alike(folded[r]) for _, r in expected)
            listed += bool(expected)
            got = [(h.record.finding_id, h.score) for h in backend.similar(names[rowid], limit=8)]
            assert got == [(names[r], pytest.approx(-s, rel=1e-12)) for s, r in expected]
        assert listed > 10 and unknown_seen, "the corpus should put findings FTS5 must score on the lists"
    finally:
        backend.close()
