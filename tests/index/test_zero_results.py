"""benchmarks/zero_results.py: the query shapes it generates from findings, repeatable per seed.

The findings are written for these tests (two short Vietnamese findings of the genre)."""

from __future__ import annotations

import random
from collections import Counter

from benchmarks.zero_results import abbreviations, generated, misspelt
from core.models import Area, Polarity
from index.base import FindingRecord

RECORDS = [FindingRecord(finding_id=f"f{k}", doc_key="d", doc_id="d", text=text, words=text,
                         polarity=Polarity.SHORTCOMING, area=Area.TTHC, units=("Tân Lộc",))
           for k, text in enumerate(("Xã chưa niêm yết công khai thủ tục hành chính tại bộ phận một cửa.",
                                     "Công chức đi muộn về sớm, không đeo thẻ trong giờ làm việc."))]


def test_every_shape_gets_its_queries_and_the_same_ones_each_run() -> None:
    first = list(generated(RECORDS, 5))
    assert first == list(generated(RECORDS, 5))
    shapes = Counter(shape for shape, _ in first)
    assert shapes["phrase 1-4 words"] == 5 and shapes["year or quarter"] == 5
    assert all(text.strip() for _, text in first)


def test_a_misspelt_word_differs_from_the_word() -> None:
    rng = random.Random(1)
    assert all(misspelt(rng, word) != word for word in ("niêm", "công", "chức", "thủ", "xã"))


def test_the_abbreviations_come_from_the_query_tables() -> None:
    forms = abbreviations()
    assert "UBND" in forms and "ko" in forms  # synonyms.toml, shorthand.toml
