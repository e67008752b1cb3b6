"""The amount a which-place question compares its units by (index/vi/intents.toml [amount];
index/query/lexicon.py Amount, Plan.amount_asked; index/rerank.py count_stated): read in the questions staff
type, on our own sentences written as the genre writes them."""

from __future__ import annotations

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord
from index.query import compile_amount, load_lexicon, plan_query
from index.rerank import Asked, Candidate, count_stated


def _cand(text: str, polarity: Polarity = Polarity.SHORTCOMING) -> Candidate:
    record = FindingRecord(finding_id="f", doc_key="doc-f", doc_id="f.pdf", text=text, polarity=polarity,
                           area=Area.TTHC, year=2022)
    return Candidate(record, 0)


def test_a_which_place_question_naming_an_amount_asks_for_it() -> None:
    for query in ("xã nào vắng nhiều cán bộ nhất khi kiểm tra đột xuất",
                  "xa nao vang nhieu can bo nhat",  # typed without accents
                  "xã nào cán bộ vắng mặt hàng loạt",
                  "tỉnh nào có tỷ lệ hồ sơ nộp trực tuyến cao",
                  "huyện nào có chỉ số CCHC thấp nhất tỉnh",
                  "ở đâu đông người chờ làm thủ tục"):
        plan = plan_query(query)
        assert plan.place_asked and plan.amount_asked, query


def test_no_amount_without_a_place_asked_or_inside_another_word() -> None:
    # No place asked: the amount is the matter's, or a measure's judgement.
    assert not plan_query("xã vắng nhiều cán bộ").amount_asked
    assert not plan_query("vì sao nhiều hồ sơ bị quá hạn").amount_asked
    # "cập nhật" (updated), "báo cáo" folded ("cao" is also cáo), "nâng cao": no amount.
    for query in ("nơi nào niêm yết thủ tục chưa cập nhật", "xa nao chua bao cao ket qua",
                  "xã nào nâng cao chất lượng phục vụ", "xa nao dong cua tru so",
                  "đoàn kiểm tra đánh giá cao đơn vị nào?"):  # the praise (read39)
        plan = plan_query(query)
        assert plan.place_asked and not plan.amount_asked, query


def test_a_count_or_a_share_is_stated_a_date_or_an_hour_is_not() -> None:
    amount = load_lexicon().amount
    stated = ["Xã Cát Tài có đến 13/19 cán bộ xã vắng mặt",
              "Xã Hoài Châu có 21 cán bộ nhưng vắng đến 14 người",
              "toàn tỉnh có 998 hồ sơ quá hạn tiếp nhận",
              "tiếp nhận 20.750 hồ sơ trực tuyến, đạt 87,6%",
              "UBND phường có 4 CB, CC vắng mặt"]
    none = ["Nhiều lãnh đạo, cán bộ thị trấn vắng mặt khi kiểm tra",
            "báo cáo về đoàn kiểm tra trước ngày 7/2/2017", "kiểm tra ngày 13/9 lúc 13h35",
            "phần lớn cán bộ đều vắng mặt"]
    assert [amount.counted(t) for t in stated] == [True] * len(stated)
    assert [amount.counted(t) for t in none] == [False] * len(none)


def test_the_table_compiles_its_counted_nouns_and_an_empty_one_reads_nothing() -> None:
    amount = compile_amount({"asks": ["nhiều"], "counted": ["hồ sơ", "%"]})
    assert amount.counted("còn 12 hồ sơ") and amount.counted("đạt 95 %") and amount.counted("vắng 3/11")
    assert not amount.counted("có 12 xã")  # "xã" not counted by this table
    assert amount.asked(("xã", "nào", "nhiều")) and not amount.asked(("xã", "nào"))
    empty = compile_amount({})
    assert not empty.asked(("nhiều",)) and not empty.counted("12 hồ sơ")


def test_the_finding_stating_how_many_answers_which_unit_has_most() -> None:
    """Asked which commune had the most staff absent, the finding stating the count for a commune
    answers, the summary holding the same words does not; a topic or a which-place question naming
    no amount weighs no count."""
    counted = _cand("Xã Hoài Đức, huyện Hoài Nhơn có đến 16/21 cán bộ, công chức của xã vắng mặt")
    summary = _cand("Tại nhiều xã, khi đoàn đến kiểm tra, phần lớn cán bộ đều vắng mặt")
    most = Asked(plan_query("xã nào vắng nhiều cán bộ nhất khi kiểm tra đột xuất"))
    assert [count_stated(c, most, 30) for c in (counted, summary)] == [1.0, 0.0]
    for query in ("xã nào cán bộ vắng mặt", "cán bộ vắng mặt nhiều"):
        asked = Asked(plan_query(query))
        assert [count_stated(c, asked, 30) for c in (counted, summary)] == [0.0, 0.0], query


@pytest.mark.parametrize(("text", "counted"), [
    # the dev corpus's order to report on the absence, counted as stating a count by its date
    ("Chiều qua (13/9), UBND huyện An Lão đã có văn bản gửi UBND thị trấn An Lão, yêu cầu đơn vị này"
     " phải báo cáo, giải trình về việc hàng loạt lãnh đạo, cán bộ vắng mặt tại trụ sở", False),
    ("sáng nay, 21/2, chánh thanh tra sở kiểm tra đột xuất", False),
    ("chiều 9/2, phó chủ tịch kiểm tra", False),
    ("thực hiện theo Nghị định 45/2016 của Chính phủ", False),
    ("Quyết định số 45/2016 ngày 12/5/2016", False),
    ("chiều qua (13/9), đoàn kiểm tra thấy 3/11 cán bộ vắng mặt", True),
    ("đến nay 3/5 xã đã hoàn thành", True),  # "nay" alone: a share
    ("theo Nghị định 45/2016, có 15/20 xã đạt", True),
])
def test_a_day_dated_by_the_news_or_a_document_s_number_is_no_share(text: str, counted: bool) -> None:
    """A fraction after a part of the day ("chiều qua (13/9)") or after a cited kind's name
    ("Nghị định 45/2016") is no share; the shares of the same texts still are (session 25)."""
    assert load_lexicon().amount.counted(text) is counted


def test_the_dated_words_come_from_the_table() -> None:
    """`dated` is data: a table without it reads a fraction after "chiều" as a share."""
    bare = compile_amount({"asks": ["nhiều"], "counted": ["hồ sơ"]})
    dated = compile_amount({"asks": ["nhiều"], "counted": ["hồ sơ"], "dated": ["chiều"]})
    assert bare.counted("chiều 9/2, kiểm tra") and not dated.counted("chiều 9/2, kiểm tra")
    assert not bare.counted("Nghị định 45/2016 của Chính phủ")  # the kinds: core/doc_kinds.toml


@pytest.mark.parametrize("query", ["tỷ lệ giải quyết hồ sơ đúng hạn", "số lượng hồ sơ quá hạn",
                                   "ty le ho so truc tuyen", "tiến độ nhiệm vụ CCHC đạt bao nhiêu phần trăm",
                                   "kết quả so với chỉ tiêu đề ra"])
def test_a_figure_named_asks_for_the_amount_in_any_query(query: str) -> None:
    """The one-stop statistics are stated as counts and shares: a query naming the figure asks for
    the finding stating it, which place it asks or none (intents.toml [amount] `figures`; read40)."""
    assert plan_query(query).amount_asked


def test_no_figure_without_its_noun() -> None:
    for query in ("hồ sơ quá hạn", "số hóa hồ sơ", "giải quyết hồ sơ đúng hạn", "sổ theo dõi hồ sơ",
                  "quy chế chi tiêu nội bộ", "quy che chi tieu noi bo",  # spending, not the target
                  "PAR index tỉnh xếp thứ mấy"):  # a rank, the indicators' own
        assert not plan_query(query).amount_asked, query


def test_the_figure_asked_lifts_the_finding_stating_it() -> None:
    stated = _cand("số hồ sơ giải quyết và trả kết quả đúng, trước hạn là 77,98%", Polarity.STRENGTH)
    order = _cand("có giải pháp giảm tỷ lệ trễ hẹn trong giải quyết hồ sơ", Polarity.RECOMMENDATION)
    asked = Asked(plan_query("tỷ lệ giải quyết hồ sơ đúng hạn"))
    assert [count_stated(c, asked, 30) for c in (stated, order)] == [1.0, 0.0]
    assert compile_amount({"figures": ["tỷ lệ"]}).names_figure(("tỷ", "lệ", "hồ", "sơ"))
    assert not compile_amount({}).names_figure(("tỷ", "lệ"))
