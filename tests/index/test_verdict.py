"""The verdict a yes/no question asks of a standard (intents.toml [verdict], index/query/lexicon.py Verdict):
ranked, not required, right after the frame's first word; the same words elsewhere stay the matter.
Our own sentences."""

from __future__ import annotations

import pytest

from index.query import Plan, compile_verdict, load_lexicon, plan_query


def groups(plan: Plan) -> list[str]:
    return [" ".join(g.alternatives[0].syllables) for g in plan.groups]


def optional(plan: Plan) -> list[str]:
    return [" ".join(a.syllables) for a in plan.optional]


@pytest.mark.parametrize(("text", "ranked", "required"), [
    ("trụ sở xã có đáp ứng yêu cầu làm việc không", ["đáp ứng", "yêu cầu"], ["trụ sở", "làm việc"]),
    ("đội ngũ văn thư có đáp ứng được yêu cầu chuyên môn không", ["đáp ứng", "yêu cầu"], ["chuyên môn"]),
    ("máy tính ở bộ phận một cửa có đảm bảo cấu hình không", ["đảm bảo"], ["cấu hình"]),
    ("việc thu phí chứng thực có đúng quy định về mức thu không", ["đúng", "quy định"], ["chứng thực"]),
])
def test_the_verdict_of_a_yes_no_question_is_ranked_not_required(text: str, ranked: list[str],
                                                                 required: list[str]) -> None:
    plan = plan_query(text)
    assert plan.yes_no
    assert all(word in optional(plan) for word in ranked)
    assert not any(word in groups(plan) for word in ranked)
    assert all(any(word in g for g in groups(plan)) for word in required)
    assert plan.polarity is None  # "yêu cầu" after the verb is the standard, not the recommendations


@pytest.mark.parametrize("text", [
    "cán bộ chưa đáp ứng yêu cầu chuyên môn",   # no question: the shortfall asked, the words required
    "xã nào chưa đáp ứng yêu cầu về trụ sở",     # a question, no yes/no frame
    "trụ sở có phòng họp đáp ứng yêu cầu không",  # the verb is not the frame's predicate
    "sau sáp nhập, đội ngũ văn thư có đáp ứng được yêu cầu không",  # a bare verdict is what is asked
])
def test_the_verdict_words_elsewhere_stay_required(text: str) -> None:
    assert "đáp ứng" in groups(plan_query(text))


def test_the_verdict_is_read_from_its_table() -> None:
    verdict = compile_verdict({"verbs": ["đạt"], "between": ["được"], "standards": ["yêu cầu"], "reach": 1})
    typed = ["tỷ", "lệ", "có", "đạt", "được", "yêu", "cầu", "không"]
    assert verdict.asked(typed, 3, 7) == ()  # a bare verdict is what is asked
    assert verdict.asked([*typed[:7], "tối", "thiểu", "không"], 3, 9) == (("đạt",), ("yêu", "cầu"))
    assert verdict.asked(typed, 2, 7) == ()  # "có" is no verb of a verdict
    assert compile_verdict({}).asked(typed, 3, 7) == ()
    assert load_lexicon().verdict.verbs  # the shipped table is read


@pytest.mark.parametrize(("text", "negation"), [
    ("có phường nào chưa công khai lịch tiếp công dân không", "chưa"),
    ("có đơn vị nào không trả kết quả qua bưu điện không", "không"),
    ("đã có xã nào thiếu máy scan chưa", "thiếu"),
])
def test_a_negation_inside_a_yes_no_frame_is_ranked(text: str, negation: str) -> None:
    plan = plan_query(text)
    assert plan.yes_no
    assert negation in optional(plan) and negation not in groups(plan)


@pytest.mark.parametrize(("text", "negation"), [
    ("phường nào chưa công khai lịch tiếp công dân", "chưa"),  # which place: the failure asked
    ("đơn vị không trả kết quả qua bưu điện", "không"),          # no question: the query's sense
])
def test_a_negation_outside_a_yes_no_frame_stays_required(text: str, negation: str) -> None:
    assert negation in groups(plan_query(text))
