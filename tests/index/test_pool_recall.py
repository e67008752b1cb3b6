"""benchmarks/pool_recall.py: why a relevant finding is outside the reranker's pool, on findings as
the genre writes them and plans as the query module reads them."""

from __future__ import annotations

from benchmarks.pool_recall import ceiling, context_class, surroundings, why
from benchmarks.search_quality import dcg
from core.models import Area, Polarity
from index.base import FindingRecord, Query
from index.query import Alternative, Group, Plan, plan_query


def _rec(text: str, polarity: Polarity = Polarity.SHORTCOMING, **more: object) -> FindingRecord:
    return FindingRecord(finding_id="f", doc_key="d", doc_id="d.pdf", text=text, polarity=polarity,
                         area=Area.TTHC, **more)  # type: ignore[arg-type]


def test_a_finding_saying_the_matter_in_other_words_is_lost_by_vocabulary() -> None:
    plan = plan_query("cán bộ vắng mặt tại trụ sở")
    record = _rec("Lúc 8h30 chỉ có một phó chủ tịch xã làm việc, các phòng còn lại đóng cửa.")
    assert why(plan, record, Query(text="cán bộ vắng mặt tại trụ sở")) == "vocabulary"


def test_a_finding_holding_the_words_only_without_the_typed_accents_is_a_reading_of_accents() -> None:
    plan = plan_query("niêm yết thủ tục")
    # "niềm yết" is not "niêm yết" as typed; folded, every syllable matches
    record = _rec("Bộ phận một cửa chưa niềm yết thu tục hành chính.")
    assert why(plan, record, Query(text="niêm yết thủ tục")) == "folded"


def test_a_finding_holding_some_groups_is_required_or_left_to_the_fallback() -> None:
    text = "hồ sơ đất đai trễ hạn bộ phận một cửa"
    plan = plan_query(text)
    assert len(plan.groups) >= 3
    one = _rec("Nhiều hồ sơ chưa được số hóa.")  # the frame alone (hồ sơ): no partial match
    assert why(plan, one, Query(text=text)) == "required"
    most = _rec("Hồ sơ đất đai còn trễ hạn nhiều.")  # all but the frame: the partial stage's minimum
    assert why(plan, most, Query(text=text)) == "fallback"
    every = _rec("Hồ sơ đất đai trễ hạn tại bộ phận một cửa của xã.")
    assert why(plan, every, Query(text=text)) == "depth"


def test_a_section_asked_cuts_the_other_polarity() -> None:
    text = "hạn chế trong niêm yết thủ tục hành chính"
    plan = plan_query(text)
    assert plan.section
    strength = _rec("Xã niêm yết đầy đủ thủ tục hành chính.", Polarity.STRENGTH)
    assert why(plan, strength, Query(text=text)) == "filter"


def test_the_ceiling_is_the_pools_best_order_over_the_judgments_ideal() -> None:
    assert ceiling([2, 1], ideal=dcg([2, 1])) == 1.0
    assert ceiling([], ideal=3.0) == 0.0
    assert 0 < ceiling([1], ideal=dcg([2, 1])) < 1


def test_a_place_asked_cuts_the_findings_of_other_places() -> None:
    """A query narrowed to a place (the --unit filter, or one place typed) leaves out a finding of
    another place, though it holds every word; the same finding about the place is lost deeper."""
    text = "hồ sơ trễ hạn"
    plan = plan_query(text)
    elsewhere = _rec("Còn 12 hồ sơ trễ hạn.", units=("Can Lộc",))
    here = _rec("Còn 12 hồ sơ trễ hạn.", units=("Vị Xuyên",))
    assert why(plan, elsewhere, Query(text=text, unit="Vị Xuyên")) == "filter"
    assert why(plan, here, Query(text=text, unit="Vị Xuyên")) == "depth"
    assert why(plan, elsewhere, Query(text=text)) == "depth"


def test_an_agency_typed_with_a_place_cuts_the_findings_of_other_places() -> None:
    """As engine_pool puts first the place's findings of "Sở Nội vụ Vị Xuyên …" (the agency of
    that place: pipeline.search.place_first), a finding elsewhere is kept out by the place; read
    as two places, no one place was asked and the finding read as short of the minimum."""
    agency = Group((Alternative(("sở", "nội", "vụ")),), unit="so noi vu", agency=True)
    place = Group((Alternative(("vị", "xuyên")),), unit="vi xuyen")
    overdue = Group((Alternative(("trễ", "hạn")),))
    plan = Plan(groups=(agency, place, overdue))
    text = "Sở Nội vụ Vị Xuyên hồ sơ trễ hạn"
    elsewhere = _rec("Còn 12 hồ sơ trễ hạn.", units=("Can Lộc",))
    here = _rec("Còn 12 hồ sơ trễ hạn.", units=("Vị Xuyên",))
    assert why(plan, elsewhere, Query(text=text)) == "filter"
    assert why(plan, here, Query(text=text)) == "fallback"  # the place and the words, not the agency


REPORT = (
    "Kiểm tra công vụ đầu năm tại huyện Đan Phượng\n\n"
    "Ngày 5/2, Đoàn kiểm tra của Sở Nội vụ đã kiểm tra đột xuất tại UBND xã Tân Hội. "
    "Kết quả kiểm tra cho thấy:\n"
    "- Bộ phận một cửa không có người trực;\n"
    "- Công chức không đeo thẻ khi làm việc.\n\n"
    "Đoàn đề nghị xã chấn chỉnh ngay.\n"
)


def _finding(text: str, **more: object) -> FindingRecord:
    start = REPORT.index(text)
    return _rec(text, Polarity.SHORTCOMING, start=start, end=start + len(text), **more)


def test_a_list_items_surroundings_are_its_lead_and_the_heading_above_it() -> None:
    """The second item of a list: the lead paragraph ending in ":" over the item before it, the
    document's first line as the heading, its own words never in its sentence's rest."""
    item = "Công chức không đeo thẻ khi làm việc."
    around = surroundings(REPORT, REPORT.index(item), REPORT.index(item) + len(item))
    assert around["list_lead"].endswith("Kết quả kiểm tra cho thấy:")
    assert "kiểm tra đột xuất" in around["list_lead"]
    assert around["heading"] == "Kiểm tra công vụ đầu năm tại huyện Đan Phượng"
    assert "đeo thẻ" not in around["sentence"] and "đeo thẻ" not in around["paragraph"]
    closing = "Đoàn đề nghị xã chấn chỉnh ngay."
    at = REPORT.index(closing)
    assert surroundings(REPORT, at, at + len(closing))["list_lead"] == ""


def test_a_finding_whose_inspections_manner_is_said_around_it_is_of_the_context_class() -> None:
    """"kiểm tra đột xuất" is told by the lead of the list, not by the item: the context class,
    whether or not the engine answers it past the pool; a finding nothing around which says the
    lacking words is the pool's depth when the engine answers it; when it does not, other words for
    a finding holding too few of the groups, and no class of these for one the partial stages admit."""
    text = "kiểm tra đột xuất công chức không đeo thẻ"
    plan = plan_query(text)
    item = _finding("Công chức không đeo thẻ khi làm việc.")
    around = surroundings(REPORT, item.start, item.end)
    klass, parts = context_class(plan, item, Query(text=text), around, answered=True)
    assert klass == "context" and "list_lead" in parts
    bare = {part: "" for part in around}
    assert context_class(plan, item, Query(text=text), bare, answered=True) == ("depth", [])
    assert context_class(plan, item, Query(text=text), bare, answered=False) == ("other", [])
    desk = _finding("Bộ phận một cửa không có người trực;")  # the negation alone: too few groups
    assert context_class(plan, desk, Query(text=text), bare, answered=False) == ("words", [])


def test_a_headline_saying_the_lacking_words_puts_the_finding_in_the_context_class() -> None:
    text = "kiểm tra công vụ công chức không đeo thẻ"
    plan = plan_query(text)
    item = _finding("Công chức không đeo thẻ khi làm việc.", title="Kiểm tra công vụ đầu năm")
    bare = dict.fromkeys(("sentence", "paragraph", "list_lead", "heading"), "")
    assert context_class(plan, item, Query(text=text), bare, answered=False) == ("context", ["headline"])
