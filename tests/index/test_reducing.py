"""A failing reduced or ended names no failing (index/query/lexicon.py: Reducing, Lexicon.reduced_at,
Lexicon.reduces_at; intents.toml [reducing] and the breach's `reducible`)."""

from __future__ import annotations

import pytest

from index.query import compile_lexicon, compile_reducing, plan_query

TABLE = {"verbs": ["giảm", "giảm thiểu", "hạn chế", "không còn"],
         "between": ["được", "tỷ lệ", "tỉ lệ", "hồ sơ"], "reach": 3, "after": ["giảm"], "joining": ["và"]}


def words(text: str) -> list[str]:
    return text.split()


def test_the_table_compiles_longest_first_and_reaches_the_object_past_its_fillers() -> None:
    reducing = compile_reducing(TABLE)
    assert reducing.verbs[0][0] == ("giảm", "thiểu")  # the longest verb read where a shorter begins it
    typed = words("xã nào giảm được tỉ lệ hồ sơ trễ hạn")
    assert reducing.objects(typed, 2) == (3, 4, 6, 8)  # after the verb, then after each filler
    assert reducing.governs(typed, 8) and not reducing.governs(typed, 2)
    assert reducing.objects(typed, 0) == ()  # no verb starts there
    assert compile_reducing({**TABLE, "reach": 1}).objects(typed, 2) == (3, 4)


def test_a_breach_reduced_by_the_tables_verbs_in_a_compiled_lexicon() -> None:
    lexicon = compile_lexicon([], [], intents=[
        {"polarity": "shortcoming", "required": True, "sense": False, "only_in_questions": True,
         "reducible": True, "terms": ["trễ hạn"]},
        {"polarity": "shortcoming", "terms": ["hạn chế"]}], reducing=TABLE)
    typed = words("mô hình nào để hạn chế hồ sơ trễ hạn")
    assert lexicon.cue_at(typed, 7) is None  # the breach: the verb's object
    assert lexicon.cue_at(typed, 4) is None  # "hạn chế": the verb, not the category word
    assert lexicon.cue_at(words("hạn chế trong xử lý hồ sơ"), 0) is not None  # the noun
    after = words("tỷ lệ hồ sơ trễ hạn giảm")
    assert lexicon.reduced_at(after, 4, 2)  # the subject of the verb after it
    assert not lexicon.reduced_at(words("xã nào có hồ sơ trễ hạn"), 5, 2)


@pytest.mark.parametrize("text", [
    "mô hình nào để giảm tỉ lệ hồ sơ trễ hạn",  # tỉ/tỷ
    "mô hình nào để giảm tỷ lệ hồ sơ trễ hạn",
    "xã nào giảm được hồ sơ trễ hạn",
    "đơn vị nào giảm thiểu hồ sơ quá hạn",
    "xã nào giảm tình trạng đi muộn về sớm",  # the second breach listed after the first
    "xã nào chấm dứt tình trạng đi muộn và về sớm",
    "tỷ lệ hồ sơ trễ hạn giảm ở đâu",  # the verb after its subject
    "vì sao tỷ lệ hồ sơ trễ hạn giảm",
    "xã nào không còn hồ sơ quá hạn",  # "không" of the ending, no negation of the topic
    "mô hình nào để hạn chế hồ sơ quá hạn",  # "hạn chế": the verb, not the category word
    "xã nào hạn chế tối đa hồ sơ quá hạn",
    "xa nao giam duoc ho so tre han",  # typed without accents
])
def test_a_breach_reduced_or_ended_asks_for_no_failing(text: str) -> None:
    assert plan_query(text).polarity is None


def test_ending_a_failing_is_no_negation_of_the_topic() -> None:
    """"không còn hồ sơ quá hạn" (a topic, no question): the negation table read "không" as the
    query's sense and asked for the shortcomings; no overdue file left is a strength."""
    assert plan_query("không còn hồ sơ quá hạn").polarity is None
    assert plan_query("hồ sơ không hợp lệ").polarity == "shortcoming"  # the negation elsewhere


@pytest.mark.parametrize("text", [
    "xã nào có hồ sơ trễ hạn",
    "vì sao hồ sơ trực tuyến quá hạn",
    "địa phương nào có nhiều hồ sơ trễ hạn",
    "xã nào có hồ sơ quá hạn không",  # "không" of the yes/no frame, after the breach
    "hồ sơ quá hạn giảm điểm chỉ số ở xã nào",  # "giảm điểm": a fall of rank, no verb of reducing
    "hạn chế trong giải quyết hồ sơ quá hạn",  # "hạn chế" with no object: the category word
    "xã nào chưa giảm được hồ sơ trễ hạn",  # the verb negated: failing to reduce is the failing
    "vì sao tỷ lệ hồ sơ trễ hạn không giảm",
    "xã nào không có bộ phận một cửa",  # "không có" before no failing: the negation, as before
])
def test_a_breach_that_happened_still_asks_for_the_shortcomings(text: str) -> None:
    assert plan_query(text).polarity == "shortcoming"


@pytest.mark.parametrize("text", [
    "giảm tình trạng vắng mặt",  # the absence ended or reduced is the goal, as the overdue file
    "chấm dứt tình trạng bỏ vị trí",
    "tình trạng vắng mặt giảm",  # the verb after its subject
    "chấm dứt tình trạng nhũng nhiễu",  # the acts Nghị định 61/2018 forbids, likewise
    "xã nào không để xảy ra nhũng nhiễu",
    "giảm thiểu tình trạng gây phiền hà cho người dân",
])
def test_an_absence_or_a_forbidden_act_reduced_or_ended_asks_for_no_failing(text: str) -> None:
    """The absence and the forbidden acts are `reducible` as the overdue file is: the object of a
    verb of reducing or ending is the goal the strengths report reached ("không có hiện tượng
    nhũng nhiễu") and the recommendations set, not a failing that happened."""
    assert plan_query(text).polarity is None


@pytest.mark.parametrize(("reduced", "named"), [
    ("chấm dứt tình trạng yêu cầu thêm giấy tờ", "cán bộ yêu cầu thêm giấy tờ"),  # as Nghị định 61 words it
    ("giảm tình trạng yêu cầu bổ sung nhiều lần", "cán bộ yêu cầu bổ sung nhiều lần"),
    ("xã nào không để xảy ra tình trạng yêu cầu bổ sung hồ sơ quá một lần",
     "xã nào yêu cầu bổ sung hồ sơ quá một lần"),
    ("giảm tình trạng không có người trực", "bộ phận một cửa không có người trực"),  # "không" first
    ("chấm dứt tình trạng không có mặt", "cán bộ không có mặt"),
])
def test_a_reduced_failing_begun_by_a_shorter_cue_reads_no_cue_inside_it(reduced: str, named: str) -> None:
    """A reduced cue shadows the shorter cues it begins, as a longer word does: "yêu cầu" of the act
    "yêu cầu thêm giấy tờ" is not the recommendations' word, nor "không" of "không có người trực" a
    negation. Read so, the ended act asked for the recommendations' section (session 21's
    `reducible` exposed the shorter cue once the longer one was reduced); named, it is the failing."""
    plan = plan_query(reduced)
    assert plan.polarity is None and not plan.section
    assert plan_query(named).polarity == "shortcoming"


@pytest.mark.parametrize("text", [
    "cán bộ vắng mặt tại trụ sở", "xã nào có cán bộ bỏ vị trí", "cán bộ không có mặt",
    "cán bộ nhũng nhiễu người dân", "xã nào gây phiền hà cho người dân",
])
def test_an_absence_or_a_forbidden_act_named_still_asks_for_the_shortcomings(text: str) -> None:
    assert plan_query(text).polarity == "shortcoming"


@pytest.mark.parametrize("text", [
    "xã nào còn hạn chế hồ sơ quá hạn", "xã nào có hạn chế hồ sơ quá hạn",
    "xã nào còn nhiều hạn chế hồ sơ quá hạn",
])
def test_a_category_word_led_by_its_leader_is_no_verb_of_reducing(text: str) -> None:
    """A cue's leader (intents.toml `before`: "còn", "có", "nhiều") makes the word after it the
    category's noun or adjective ("còn hạn chế": still short; "có hạn chế": has shortcomings), which
    takes no object; so the reducing check reads where the cue begins, not where its word does, and
    a failing after it is the matter of the shortcoming asked ("… về hồ sơ quá hạn")."""
    assert plan_query(text).polarity == "shortcoming"


def test_a_topic_naming_the_breach_reduced_is_unchanged() -> None:
    plan = plan_query("giảm hồ sơ trễ hạn")
    assert plan.polarity is None
    assert [[" ".join(a.syllables) for a in g.alternatives][0] for g in plan.groups] == [
        "giảm", "hồ sơ", "trễ hạn"]


def test_the_words_after_a_verb_said_of_its_subject_compile_with_the_level_words() -> None:
    reducing = compile_reducing({"after": ["giảm"], "degree": ["mạnh", "đáng kể"],
                                 "closing": ["so với", "[level]"]}, levels=("xã", "huyện"))
    assert {e for e, _ in reducing.closing} == {("so", "với"), ("xã",), ("huyện",)}
    typed = words("tỷ lệ vắng mặt giảm mạnh đáng kể so với năm trước")
    assert reducing.past_degree(typed, 5) == 8  # past both words of degree, to "so với"
    assert reducing.past_degree(typed, 5, marks={6}) == 6  # a comma typed after "mạnh" stops there


def test_a_verb_said_of_its_subject_takes_no_object_in_a_compiled_lexicon() -> None:
    lexicon = compile_lexicon([], [], intents=[
        {"polarity": "shortcoming", "reducible": True, "terms": ["vắng mặt"]}],
        reading={"questions": ["bao nhiêu"]}, reducing={
            "after": ["giảm"], "passive": ["được khắc phục"], "degree": ["mạnh"],
            "closing": ["so với", "[level]"]}, levels=["xã"])
    assert lexicon.cue_at(words("vắng mặt giảm"), 0) is None  # the query ends: the fall
    assert lexicon.cue_at(words("vắng mặt giảm mạnh so với năm trước"), 0) is None
    assert lexicon.cue_at(words("vắng mặt giảm 12%"), 0) is None  # a number measures the fall
    assert lexicon.cue_at(words("vắng mặt giảm bao nhiêu"), 0) is None  # a question asks it
    assert lexicon.cue_at(words("vắng mặt giảm xã Bình An"), 0) is None  # a unit: where
    assert lexicon.cue_at(words("vắng mặt được khắc phục uy tín"), 0) is None  # a passive: no object
    named = lexicon.cue_at(words("vắng mặt giảm mạnh uy tín"), 0)  # past the degree, an object
    assert named is not None and named.polarity == "shortcoming"
    typed = words("vắng mặt giảm uy tín tăng")
    assert lexicon.cue_at(typed, 0) is not None  # "uy tín" read as the object …
    assert lexicon.cue_at(typed, 0, marks={3}) is None  # … unless a comma ended the clause


@pytest.mark.parametrize("text", [
    "cán bộ vắng mặt giảm chất lượng phục vụ",  # the failing reduces something else: its harm
    "cán bộ vắng mặt, giảm chất lượng phục vụ",  # a comma before the verb is no break
    "nhũng nhiễu giảm niềm tin của người dân",
    "gây phiền hà giảm sự hài lòng",
    "cán bộ nhũng nhiễu giảm mạnh niềm tin",  # a word of degree, then the object
    "tình trạng vắng mặt chấm dứt hợp đồng",  # "chấm dứt" transitive too
    "vì sao hồ sơ trễ hạn giảm niềm tin của người dân",  # the overdue file, in a question
    "hồ sơ quá hạn giảm hiệu quả cải cách hành chính ở xã nào",
    "tinh trang vang mat giam chat luong phuc vu",  # typed without accents
    "tinh trang vang mat giam so luot phuc vu",  # "so" folded is số, the object: no "so với"
])
def test_a_failing_reducing_something_else_still_asks_for_the_shortcomings(text: str) -> None:
    """"giảm" after a failing with an object of its own is transitive: the failing lowers quality
    or trust, a harm the shortcomings report, not the failing reduced (intents.toml [reducing])."""
    assert plan_query(text).polarity == "shortcoming"


@pytest.mark.parametrize("text", [
    "tình trạng vắng mặt giảm rõ rệt",  # degree
    "tình trạng vắng mặt giảm dần qua các năm",
    "vì sao tỷ lệ hồ sơ trễ hạn giảm mạnh",
    "tỷ lệ hồ sơ trễ hạn giảm được 2%",  # a measure
    "tỷ lệ hồ sơ quá hạn giảm bao nhiêu so với năm trước",  # a question, a comparison
    "tình trạng vắng mặt giảm huyện nào",
    "tình trạng vắng mặt giảm nhờ camera",  # a cause
    "tình trạng vắng mặt giảm sau khi lắp camera",  # a time
    "tình trạng vắng mặt giảm trong năm 2024",
    "tình trạng nhũng nhiễu đã giảm chưa",  # the yes/no frame
    "tình trạng nhũng nhiễu chấm dứt hoàn toàn",
    "tình trạng vắng mặt giảm, chất lượng phục vụ tăng",  # the comma ends the verb's clause
    "tinh trang vang mat giam ro ret",
])
def test_a_failing_that_falls_still_asks_for_no_failing(text: str) -> None:
    """Said of its subject, the verb takes degree, measure, a question and adjuncts, no noun phrase:
    the failing reduced, the goal reached (intents.toml [reducing] `degree`, `closing`)."""
    assert plan_query(text).polarity is None


def test_the_comma_after_the_verb_decides_what_the_noun_after_it_is() -> None:
    """Without the comma, the noun after "giảm" is its object; with it, the subject of the next
    clause: the comma survives the parse (Term.listed) to the reducing check."""
    assert plan_query("tình trạng vắng mặt giảm chất lượng phục vụ tăng").polarity == "shortcoming"
    assert plan_query("tình trạng vắng mặt giảm, chất lượng phục vụ tăng").polarity is None
