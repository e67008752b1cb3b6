"""Four readings of the query plan mended in session 23 (plan23), each a fact of how the language is
typed: a measure and the judgement after it are two words; a function word ends a folded guess as it
opens one; a cue gives way to the word it begins whether typed with accents or without; the inspection
after "sau" is the time a topic is asked about (index/query, index/vi/intents.toml)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from index.query import Plan, Vocabulary, load_lexicon, plan_query


class Index(Vocabulary):
    """An index knowing the given folded words and counting the given phrases (every other one 0)."""

    def __init__(self, words: Sequence[str] = (), counts: dict[tuple[str, ...], int] | None = None) -> None:
        self.words = set(words)
        self.counts = counts or {}

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {c for c in candidates if c in self.words}

    def written_counts(self, phrases: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        return {p: self.counts.get(p, 0) for p in phrases}


def groups(plan: Plan) -> list[list[str]]:
    return [[" ".join(a.syllables) for a in g.alternatives] for g in plan.groups]


def optional(plan: Plan) -> list[str]:
    return [" ".join(a.syllables) for a in plan.optional]


# ------------------------------------------------------------------ a measure and its judgement


@pytest.mark.parametrize(("text", "joined", "measure", "judged", "polarity"), [
    ("điểm số cao hơn", "so cao", "điểm số", "cao hơn", "strength"),
    ("huyện có điểm cao nhất", "diem cao", "điểm", "cao nhất", "strength"),
    ("xã có điểm số thấp nhất", "so thap", "điểm số", "thấp nhất", "shortcoming"),
])
def test_no_word_of_the_index_joins_a_measure_and_its_judgement(text: str, joined: str, measure: str,
                                                                  judged: str, polarity: str) -> None:
    """The segmenter's join ("số_cao", "điểm_cao") no longer swallows the judgement: the measure is
    the matter, the judgement its polarity, ranked."""
    plan = plan_query(text, Index([joined]))
    assert [measure] in groups(plan) and judged in optional(plan)
    assert plan.polarity == polarity


def test_the_heads_are_where_a_judgement_follows_its_measure() -> None:
    lexicon = load_lexicon()
    assert lexicon.judged_heads(["điểm", "số", "cao", "hơn"]) == {2}
    assert lexicon.judged_heads(["mô", "hình", "hay"]) == {2}
    assert not lexicon.judged_heads(["nâng", "cao", "chất", "lượng"])  # "cao" after no measure


# ------------------------------------------------------------------ a folded guess a function word ends


def test_a_folded_guess_a_function_word_ends_is_asked_of_the_index() -> None:
    """"cap xa cap huyen": the dictionary's "xà cạp" across cấp xã | cấp huyện is written nowhere in the
    index, so neither the cut nor the light word's reading takes it (an index counting nothing says
    nothing, and the guess stands)."""
    plan = plan_query("cap xa cap huyen", Index(counts={(): 100}))
    assert groups(plan) == [["xa"], ["huyen"]] and optional(plan) == ["cap"]
    assert plan_query("cấp xã cấp huyện").optional == plan_query("cấp xã cấp huyện").optional
    assert groups(plan_query("cấp xã cấp huyện")) == [["xã"], ["huyện"]]


def test_a_guess_the_index_writes_stays_a_word() -> None:
    written = Index(counts={(): 100, ("xà", "cạp"): 3})
    assert ["xa cap"] in groups(plan_query("cap xa cap huyen", written))


# ------------------------------------------------------------------ a cue inside a word, folded


def test_a_folded_word_a_cue_begins_is_read_as_typed_with_accents() -> None:
    """"cham tre" is chậm trễ, the word, as "chậm trễ" typed: the topic, the question of manner after
    "thì" asking for the recommendations in both spellings."""
    folded = plan_query("cham tre thi xu ly the nao")
    accented = plan_query("chậm trễ thì xử lý thế nào")
    assert folded.polarity == accented.polarity == "recommendation"
    assert groups(folded)[0][0] == "cham tre" and groups(accented)[0][0] == "chậm trễ"
    assert plan_query("ho so cham tre").polarity == plan_query("hồ sơ chậm trễ").polarity


def test_a_breach_typed_in_its_other_spelling_is_read_as_it_is() -> None:
    """"chậm chễ", the spelling staff type for chậm trễ (synonyms.toml), is the breach too: the
    overdue set's members holding the cue "chậm" stay out (`synonyms_without`), the term's own do not."""
    for text in ("chậm chễ thì xử lý thế nào", "cham che thi xu ly the nao"):
        assert plan_query(text).polarity == "recommendation", text
    assert plan_query("xã nào chậm trả kết quả").polarity == "shortcoming"  # still the cue "chậm"


def test_the_cue_still_reads_where_no_word_holds_it() -> None:
    assert plan_query("xa nao cham tra ket qua").polarity == "shortcoming"


# ------------------------------------------------------------------ the inspection after "sau"


@pytest.mark.parametrize("text", ["bị phê bình, nhắc nhở sau ktra", "lập biên bản nhắc nhở sau kiểm tra",
                                  "báo cáo giải trình sau kiểm tra", "khắc phục hạn chế sau thanh tra"])
def test_the_inspection_after_a_topic_and_sau_is_ranked_not_required(text: str) -> None:
    plan = plan_query(text)
    assert not any(w in g for g in groups(plan) for w in ("kiểm tra", "thanh tra"))
    assert "sau" in optional(plan) and ("kiểm tra" in optional(plan) or "thanh tra" in optional(plan))


def test_the_inspection_opening_the_query_stays_required() -> None:
    """No topic before it to set: "sau kiểm tra, xã phải làm gì" keeps it."""
    assert ["kiểm tra"] in groups(plan_query("sau kiểm tra xã phải làm gì"))


def test_a_ranked_phrase_gives_way_to_a_member_it_would_cut() -> None:
    """"sau kiểm tra công vụ": the inspection of public service, a member, is ranked whole."""
    plan = plan_query("kiểm điểm trách nhiệm sau kiểm tra công vụ")
    assert "kiểm tra công vụ" in optional(plan)
    assert groups(plan) == [["kiểm điểm"], ["trách nhiệm"]]


@pytest.mark.parametrize("text", ["đoàn kiểm tra công vụ phát hiện", "tổ kiểm tra công vụ phát hiện"])
def test_the_phrase_before_the_member_it_gives_way_to_stays_ranked(text: str) -> None:
    """"đoàn kiểm tra | công vụ": the member is the word, and "đoàn", the rest of the ranked phrase
    "đoàn kiểm tra", stays ranked as the phrase was, not a word every finding must hold (rv23a)."""
    plan = plan_query(text)
    assert [g[0] for g in groups(plan)] == ["kiểm tra công vụ", "phát hiện"]
    assert text.split()[0] in optional(plan)
