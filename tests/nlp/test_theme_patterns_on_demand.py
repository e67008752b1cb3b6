"""A theme phrase's patterns are compiled when a text holding its words is first scanned for it
(nlp/themes.py `_pattern`), not all 1,200 when the taxonomy is read: that took 0.35 s of every
one-off `kiemtra search` (ux28; tests/index/test_compiled_on_demand.py says the rest)."""

from __future__ import annotations

from nlp.themes import _pattern, load_taxonomy


def test_a_query_compiles_the_patterns_of_its_own_phrases_only() -> None:
    taxonomy = load_taxonomy()
    _pattern.cache_clear()
    scores = taxonomy.scores("xã chưa cấp phiếu hẹn", marks_optional=True)
    assert scores and scores[0][0].code.startswith("tthc")
    phrases = len(taxonomy._query_phrases)
    assert 0 < _pattern.cache_info().currsize < phrases / 20, (_pattern.cache_info(), phrases)
