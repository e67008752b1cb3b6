"""A question typed without accents reads as the same question typed with them (index/query/lexicon.py:
`Lexicon.question_read_at`, `_word_as_typed`). Short queries written for these tests; the index
knows a few words (`_Words`), as the segmented findings give them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from index.query import Plan, Vocabulary, load_lexicon, plan_query


class _Words(Vocabulary):
    """An index knowing some multi-syllable words (folded)."""

    def __init__(self, *words: str) -> None:
        self.words = set(words)

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return self.words & set(candidates)


WORDS = _Words("can bo", "vang mat", "don vi", "kho khan", "sap nhap", "tra cuu", "bat dau", "ho so")


def firsts(plan: Plan) -> list[str]:
    return [" ".join(g.alternatives[0].syllables) for g in plan.groups]


@pytest.mark.parametrize(("folded", "accented"), [
    # "làm gì" after the modal asks what the unit must do: the recommendations
    ("don vi co can bo vang mat phai lam gi", "đơn vị có cán bộ vắng mặt phải làm gì"),
    # a question word of content ending the query: "gi" is gì, no word of the topic
    ("sau sap nhap xa gap nhung kho khan gi", "sau sáp nhập xã gặp những khó khăn gì"),
])
def test_a_folded_question_reads_its_polarity_as_typed_with_accents(folded: str, accented: str) -> None:
    typed, twin = plan_query(accented, WORDS), plan_query(folded, WORDS)
    assert twin.polarity == typed.polarity is not None
    assert twin.section == typed.section
    assert "gi" not in firsts(twin)  # dropped as "gì" is, not a word every finding must hold


def test_a_folded_question_word_is_read_by_its_neighbour() -> None:
    """"lam gi" reads làm gì, "o dau" ở đâu, "thu may" thứ mấy: the pair's clear reading writes the
    question word. Inside the query with no neighbour telling it, the syllable is left as typed
    ("may tra cuu": máy), and where its pair reads it as another word it is that word ("bat dau":
    bắt đầu, even at the end)."""
    lexicon = load_lexicon()
    assert lexicon.questions_read(["phai", "lam", "gi"]) == ["phai", "lam", "gì"]
    assert lexicon.questions_read(["o", "dau", "co", "may"])[1] == "đâu"
    assert lexicon.questions_read(["xep", "thu", "may"])[2] == "mấy"
    assert lexicon.questions_read(["may", "tra", "cuu", "o", "xa"])[0] == "may"
    assert lexicon.questions_read(["thang", "nao", "bat", "dau"])[3] == "dau"


@pytest.mark.parametrize("text", ["quan ly con dau", "dinh muc xang dau", "nganh det may",
                                  "thu hồi đất 5 ha", "benh vien nhi"])
def test_only_a_question_word_of_content_is_read_at_the_end_with_no_neighbour(text: str) -> None:
    """At the query's end, unread by its neighbour, "gi" is gì (it stands in place of the
    answer: "… kho khan gi" above); "dau", "may", "ha", "nhi" end a query as the genre's nouns
    (con dấu, xăng dầu, dệt may, hectares, khoa nhi) far more often than as đâu, mấy, hả, nhỉ,
    and stay as typed."""
    typed = text.split()
    assert load_lexicon().questions_read(typed) == typed


def test_typed_with_accents_the_question_words_are_untouched() -> None:
    lexicon = load_lexicon()
    typed = ["máy", "tra", "cứu", "ở", "đâu"]
    assert lexicon.questions_read(typed) == typed


def test_a_shorthand_negation_before_a_folded_word_is_still_the_cue() -> None:
    """"ko" is rewritten "không" (index/shorthand.py); beside a syllable typed without accents
    ("dung") the span is no dictionary word as typed ("không dưng" only by folding "dung"), so
    the negation stays the cue asking for shortcomings, as "khong dung" and "ko đúng" do."""
    for text in ("thu tien quy ko dung quy dinh", "thu tien quy khong dung quy dinh",
                 "thu tiền quỹ ko đúng quy định"):
        assert plan_query(text, WORDS).polarity == "shortcoming", text
