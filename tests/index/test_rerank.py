"""index/rerank.py: the reranker's features on findings as the genre writes them, and its weights file."""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Hit, Query
from index.query import Alternative, Group, Plan, plan_query
from index.rerank import (
    FEATURES,
    INSIDE_SHARE,
    WEIGHTS_FILE,
    Around,
    Asked,
    Candidate,
    Ranker,
    Written,
    answer_held,
    beside_matter,
    candidates,
    engine_rank,
    feedback,
    heading_held,
    in_paired_section,
    in_section,
    load_ranker,
    matter_groups,
    matter_held,
    parse_ranker,
    passage_adds,
    place_named,
    polarity_match,
    rank_score,
    team_named_only,
    team_places,
    tier,
    unit_named,
    words_held,
)


def _rec(fid: str, text: str, words: str = "", polarity: Polarity = Polarity.SHORTCOMING,
         **more: object) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=polarity, area=Area.TTHC, year=2022, **more)  # type: ignore[arg-type]


def _cand(record: FindingRecord, rank: int = 0) -> Candidate:
    return Candidate(record, rank)


def _alt(text: str) -> Alternative:
    return Alternative(tuple(text.split()))


def test_typed_accents_count_and_unaccented_syllables_match_every_form() -> None:
    written = Written.of(_rec("a", "Một số xã ghi sai thời hạn trả kết quả; hồ sơ quá hạn chưa xử lý."))
    assert written.holds(_alt("thời hạn"))
    assert written.holds(_alt("thoi han"))
    assert written.holds(_alt("THỜI hạn".lower()))
    assert not written.holds(_alt("thời hàn"))  # another word, typed with its accents
    # "thời gian" and "hạn chế" do not make "thời hạn": the syllables must stand in a row.
    assert not Written.of(_rec("b", "Thời gian giải quyết còn hạn chế.")).holds(_alt("thời hạn"))
    # Tone placement is not a difference: hoà = hòa.
    assert Written.of(_rec("c", "Đã hòa giải xong.")).holds(_alt("hoà giải"))
    assert written.holds(Alternative(("quá", "h"), prefix=True))


def test_a_word_counts_only_where_the_segmenter_cut_it_as_one() -> None:
    held = _cand(_rec("a", "Hồ sơ quá hạn chưa xử lý.", "Hồ_sơ quá_hạn chưa xử_lý ."))
    across = _cand(_rec("b", "Chi vượt quá hạn mức được giao.", "Chi vượt_quá hạn_mức được giao ."))
    plan = Plan(groups=(Group((_alt("quá hạn"),)),))
    asked = Asked(plan)
    assert held.written.holds(_alt("quá hạn")) and across.written.holds(_alt("quá hạn"))
    assert words_held(held, asked, 100) == 1.0
    assert words_held(across, asked, 100) == 0.0


@pytest.mark.parametrize("query, matter", [
    ("cơ sở vật chất BPMC", ["cơ sở vật chất"]),
    ("tồn tại ở bộ phận tiếp nhận và trả kết quả", []),
    ("CBCCVC bổ nhiệm sai tiêu chuẩn", ["bổ nhiệm", "sai", "tiêu chuẩn"]),
    ("UBND xã chưa niêm yết TTHC", ["niêm yết"]),
])
def test_the_shipped_frame_reads_the_desk_and_the_staff_however_spelled(query: str, matter: list[str]
                                                                        ) -> None:
    """The one-stop desk and the public staff under any of the genre's names are frame, not the
    matter asked about: a finding holding "BPMC" alone holds none of "cơ sở vật chất BPMC"."""
    groups = matter_groups(plan_query(query))
    assert [" ".join(g.alternatives[0].syllables) for g in groups] == matter


def test_a_finding_holding_only_the_frame_holds_none_of_the_matter() -> None:
    asked = Asked(plan_query("đào tạo bồi dưỡng cán bộ công chức"))
    assert [g.alternatives[0].syllables for g in asked.matter] == [("đào", "tạo", "bồi", "dưỡng")]
    answer = _cand(_rec("a", "Tăng cường đào tạo, bồi dưỡng, nâng cao trình độ chuyên môn đối với đội "
                             "ngũ cán bộ, công chức cấp xã", polarity=Polarity.RECOMMENDATION))
    frame_only = _cand(_rec("b", "Cán bộ, công chức đều đeo thẻ khi làm nhiệm vụ",
                            polarity=Polarity.STRENGTH))
    assert matter_held(answer, asked, 30) == 1.0
    assert matter_held(frame_only, asked, 30) == 0.0


def test_a_query_of_frame_words_alone_or_of_a_unit_has_no_matter_groups() -> None:
    assert matter_groups(plan_query("cán bộ công chức bộ phận một cửa")) == ()
    asked = Asked(plan_query("cán bộ công chức"))
    assert matter_held(_cand(_rec("a", "Cán bộ, công chức đều đeo thẻ")), asked, 30) == 0.0
    unit = Plan(groups=(Group((_alt("thanh trì"),), unit="thanh tri"), Group((_alt("giờ giấc"),))))
    assert [g.alternatives[0].syllables for g in matter_groups(unit)] == [("giờ", "giấc")]


def test_the_polarity_the_query_asks_for() -> None:
    plan = plan_query("hạn chế trong công tác chỉ đạo điều hành")
    assert plan.polarity == "shortcoming"
    asked = Asked(plan)
    weak = _cand(_rec("a", "Công tác chỉ đạo, điều hành còn chậm."))
    good = _cand(_rec("b", "Công tác chỉ đạo, điều hành được quan tâm.", polarity=Polarity.STRENGTH))
    assert (polarity_match(weak, asked, 100), polarity_match(good, asked, 100)) == (1.0, 0.0)
    unasked = Asked(plan_query("công tác chỉ đạo điều hành"))
    assert (polarity_match(weak, unasked, 100), polarity_match(good, unasked, 100)) == (0.0, 0.0)


def test_a_question_asks_about_the_matter_which_the_remedy_states_too() -> None:
    """Asked which unit still has overdue files, the news finding of the province telling named
    districts to remedy them answers as the shortcoming does; the files handled on time do not.
    Named without a question, the shortcomings are asked for, not the recommendations."""
    failing = _cand(_rec("a", "Huyện Phù Mỹ còn 40 hồ sơ giải quyết trễ hạn."))
    remedy = _cand(_rec("b", "Chủ tịch UBND tỉnh yêu cầu Chủ tịch UBND huyện Phù Mỹ khắc phục tình trạng "
                             "hồ sơ trễ hạn.", polarity=Polarity.RECOMMENDATION))
    on_time = _cand(_rec("c", "Huyện Phù Mỹ giải quyết hồ sơ đúng hạn, không còn hồ sơ trễ hạn.",
                         polarity=Polarity.STRENGTH))
    question = Asked(plan_query("đơn vị nào còn hồ sơ trễ hạn?"))
    assert question.plan.question and question.plan.polarity == "shortcoming"
    assert [polarity_match(c, question, 30) for c in (failing, remedy, on_time)] == [1.0, 1.0, 0.0]
    named = Asked(plan_query("còn hồ sơ trễ hạn"))
    assert not named.plan.question and named.plan.polarity == "shortcoming"
    assert [polarity_match(c, named, 30) for c in (failing, remedy, on_time)] == [1.0, 0.0, 0.0]
    prescribed = Asked(plan_query("đoàn kiểm tra kiến nghị gì về hồ sơ trễ hạn"))  # the recommendations asked
    assert prescribed.plan.polarity == "recommendation" and not prescribed.plan.question
    assert [polarity_match(c, prescribed, 30) for c in (failing, remedy, on_time)] == [0.0, 1.0, 0.0]
    praised = Asked(plan_query("nơi nào làm tốt công tác tiếp công dân"))
    assert praised.plan.polarity == "strength"
    assert [polarity_match(c, praised, 30) for c in (failing, remedy, on_time)] == [0.0, 1.0, 1.0]


def test_a_yes_no_question_is_answered_by_the_failure_and_by_the_matter_done() -> None:
    """Asked whether any commune has not yet issued the assignment decision, the finding that
    one has not and the finding that all have both answer: the yes/no frame prefers neither
    polarity, and its negation is no cue of the shortcomings but a ranked word (verdict23). Asked
    which commune has not (no yes/no frame), the one done answers nothing."""
    failing = _cand(_rec("a", "UBND xã Tân Phú chưa ban hành quyết định phân công nhiệm vụ cho công chức."))
    done = _cand(_rec("b", "100% UBND các xã đã ban hành quyết định phân công nhiệm vụ cho công chức.",
                      polarity=Polarity.STRENGTH))
    yes_no = Asked(plan_query("có xã nào chưa ban hành quyết định phân công nhiệm vụ cho công chức không"))
    assert yes_no.plan.yes_no and yes_no.plan.polarity is None
    assert [polarity_match(c, yes_no, 30) for c in (failing, done)] == [0.0, 0.0]
    which = Asked(plan_query("xã nào chưa ban hành quyết định phân công nhiệm vụ cho công chức"))
    assert not which.plan.yes_no and which.plan.question
    assert [polarity_match(c, which, 30) for c in (failing, done)] == [1.0, 0.0]
    particle = plan_query("xã đã ban hành quyết định phân công nhiệm vụ hay chưa")
    assert particle.yes_no


def test_a_cause_question_is_answered_by_the_finding_giving_the_cause() -> None:
    """Asked why online files are overdue, the finding putting the overdue share down to a cause
    ("là do", "còn lại do") holds the answer; the count of overdue files states the matter only;
    an absence "không rõ lý do" gives no cause, nor the motto "vì nhân dân phục vụ"."""
    asked = Asked(plan_query("vì sao hồ sơ nộp trực tuyến bị quá hạn"))
    cause = _cand(_rec("a", "61% số hồ sơ bị đánh giá quá hạn là do dữ liệu đồng bộ chậm hoặc sai lệch."))
    share = _cand(_rec("b", "39% còn lại do cán bộ tiếp nhận chậm, thao tác chưa đúng quy trình."))
    effect = _cand(_rec("c", "Công chức kiêm nhiệm nhiều việc nên khó bảo đảm tiến độ giải quyết hồ sơ."))
    count = _cand(_rec("d", "Toàn tỉnh còn 580 hồ sơ trực tuyến đang xử lý quá hạn."))
    absent = _cand(_rec("e", "Công chức bộ phận một cửa vắng mặt không rõ lý do, hồ sơ quá hạn."))
    motto = _cand(_rec("f", "Cán bộ thể hiện tinh thần vì nhân dân phục vụ, không để hồ sơ quá hạn.",
                       polarity=Polarity.STRENGTH))
    assert [answer_held(c, asked, 30) for c in (cause, share, effect, count, absent, motto)] == \
        [1.0, 1.0, 1.0, 0.0, 0.0, 0.0]
    assert answer_held(cause, Asked(plan_query("hồ sơ trực tuyến quá hạn")), 30) == 0.0  # no question


def test_a_request_to_find_the_cause_states_no_cause() -> None:
    """A recommendation asking a unit to "làm rõ nguyên nhân" names the cause's noun and states
    none: asked why files are overdue, it is no answer, while a finding stating the cause after the
    same request ("… là do …") still is, and so is a cause named ("nguyên nhân chủ yếu là …")."""
    asked = Asked(plan_query("vì sao hồ sơ trực tuyến bị quá hạn"))
    request = _cand(_rec("a", "Đề nghị UBND huyện chỉ đạo rà soát, làm rõ nguyên nhân để hồ sơ trực tuyến "
                              "quá hạn trong quý III.", polarity=Polarity.RECOMMENDATION))
    listed = _cand(_rec("b", "Yêu cầu các xã báo cáo rõ các nguyên nhân hồ sơ quá hạn trước ngày 15/11.",
                        polarity=Polarity.RECOMMENDATION))
    found = _cand(_rec("c", "Qua kiểm tra, làm rõ nguyên nhân hồ sơ quá hạn là do cán bộ tiếp nhận chậm."))
    named = _cand(_rec("d", "Hồ sơ trực tuyến quá hạn, nguyên nhân chủ yếu là đường truyền không ổn định."))
    assert [answer_held(c, asked, 30) for c in (request, listed, found, named)] == [0.0, 0.0, 1.0, 1.0]


@pytest.mark.parametrize("text", [
    # the request's edges: a verb not right before the noun, the noun before the verb, a clause
    # mark between them (the report's clause ends: "theo báo cáo,"), a new sentence after the verb
    "Đề nghị làm rõ trách nhiệm cá nhân và nguyên nhân chính là cán bộ tiếp nhận chậm.",
    "Nguyên nhân chủ yếu là cán bộ chưa báo cáo kịp thời.",
    "Theo báo cáo, nguyên nhân chủ yếu là đường truyền không ổn định.",
    "Một số xã chưa gửi báo cáo. Nguyên nhân: cán bộ kiêm nhiệm nhiều việc.",
])
def test_the_cause_noun_outside_a_request_still_answers(text: str) -> None:
    """The request is the verb, a word between at most, then the noun, in one clause: elsewhere the
    noun names the cause given, and a cause question is answered."""
    asked = Asked(plan_query("vì sao hồ sơ trực tuyến bị quá hạn"))
    assert answer_held(_cand(_rec("a", text)), asked, 30) == 1.0


def test_a_finding_s_clause_marks_are_read_as_breaks_not_inside_numbers() -> None:
    """A comma or full stop before a space ends a clause; one inside a number or date ("1.000",
    "15/11") does not: the syllables are the cut's, whatever the breaks."""
    written = Written.of_text("Có 1.000 hồ sơ, ngày 15/11. Xong")
    assert written.syllables == ("có", "1", "000", "hồ", "sơ", "ngày", "15", "11", "xong")
    assert written.breaks == frozenset({5, 8})


def test_a_request_followed_by_bare_do_states_no_cause() -> None:
    """After the request, bare "do" is no answer word (the cause's [[answer]] leaves it out: folded
    it is độ, đồ, and as a preposition the genre's commonest word): "làm rõ nguyên nhân do đâu"
    still asks; "là do" after the request states the cause."""
    asked = Asked(plan_query("vì sao hồ sơ trực tuyến bị quá hạn"))
    request = _cand(_rec("a", "Yêu cầu UBND xã làm rõ nguyên nhân do đâu hồ sơ quá hạn."))
    stated = _cand(_rec("b", "Đoàn đã làm rõ nguyên nhân hồ sơ quá hạn là do cán bộ tiếp nhận chậm."))
    assert [answer_held(c, asked, 30) for c in (request, stated)] == [0.0, 1.0]


def test_a_ranking_question_is_answered_by_the_place_not_by_the_head_of_a_body() -> None:
    """Asked which unit tops the administrative-reform index, the findings giving the first place
    in the report's words ("dẫn đầu", "xếp thứ") answer; "người đứng đầu" (the head of a body)
    holds the syllables asked but no rank; the bottom of the table answers no question about
    the top."""
    asked = Asked(plan_query("đơn vị nào đứng đầu chỉ số CCHC"))
    leads = _cand(_rec("a", "UBND TP. Buôn Ma Thuột tiếp tục là đơn vị dẫn đầu toàn tỉnh với 95,86 điểm.",
                       polarity=Polarity.STRENGTH))
    second = _cand(_rec("b", "Huyện Krông Năng đạt 92,16 điểm, xếp thứ 2.", polarity=Polarity.STRENGTH))
    first = _cand(_rec("c", "Có 7 đơn vị xếp loại tốt, đứng đầu là huyện Sa Thầy với trên 86 điểm.",
                       polarity=Polarity.STRENGTH))
    head = _cand(_rec("d", "Đề nghị người đứng đầu cơ quan có giải pháp cải thiện chỉ số CCHC.",
                      polarity=Polarity.RECOMMENDATION))
    bottom = _cand(_rec("e", "Ba địa phương có điểm Chỉ số CCHC thấp nhất tỉnh."))
    assert [answer_held(c, asked, 30) for c in (leads, second, first, head, bottom)] == \
        [1.0, 1.0, 1.0, 0.0, 0.0]


def test_a_which_place_question_is_answered_by_the_finding_naming_a_unit_of_the_level_asked() -> None:
    """Asked which commune's staff were absent, the finding naming the commune answers; the
    summary about communes it names none of, the district named, and the commune named where the
    staff were all present do not. Asked which unit of any level, the district answers too; a
    topic asks no place."""
    named = _cand(_rec("a", "Xã Tân Phú có 9/15 cán bộ vắng mặt khi kiểm tra.", unit_levels=("xã Tân Phú",)))
    summary = _cand(_rec("b", "Phần lớn cán bộ các xã đều vắng mặt.",
                         unit_levels=("xã Tân Phú", "xã Hòa Bình")))
    district = _cand(_rec("c", "Huyện Phú Tân có nhiều cán bộ vắng mặt.", unit_levels=("huyện Phú Tân",)))
    present = _cand(_rec("d", "Xã Hòa Bình có mặt đầy đủ cán bộ.", polarity=Polarity.STRENGTH,
                         unit_levels=("xã Hòa Bình",)))
    findings = (named, summary, district, present)
    commune = Asked(plan_query("xã nào cán bộ vắng mặt"))
    assert commune.plan.place_asked and commune.plan.place_tiers == ("commune",)
    assert [place_named(c, commune, 30) for c in findings] == [1.0, 0.0, 0.0, 0.0]
    anywhere = Asked(plan_query("đơn vị nào cán bộ vắng mặt"))
    assert anywhere.plan.place_asked and anywhere.plan.place_tiers == ()
    assert [place_named(c, anywhere, 30) for c in findings] == [1.0, 0.0, 1.0, 0.0]
    assert plan_query("huyện nào còn hồ sơ trễ hạn").place_tiers == ("district",)
    topic = Asked(plan_query("cán bộ vắng mặt"))
    assert not topic.plan.place_asked
    assert [place_named(c, topic, 30) for c in findings] == [0.0, 0.0, 0.0, 0.0]


def test_a_unit_named_by_attribution_or_in_the_text() -> None:
    plan = Plan(groups=(Group((_alt("thanh trì"),), unit="thanh tri"), Group((_alt("giờ giấc"),))))
    asked = Asked.of(Query(text="Thanh Trì giờ giấc"), plan)
    # A commune of the district asked about answers it as a part of the place, not as its own work.
    about = _cand(_rec("a", "Cán bộ đi muộn.", units=("Thanh Trì",), unit_levels=("huyện Thanh Trì",)))
    inside = _cand(_rec("b", "Công chức xã đi muộn.", unit_parents=("huyện Thanh Trì",)))
    named = _cand(_rec("c", "Tại Chi nhánh huyện Thanh Trì, cán bộ chấp hành giờ giấc."))
    elsewhere = _cand(_rec("d", "Cán bộ chấp hành giờ giấc.", units=("Can Lộc",)))
    assert [unit_named(c, asked, 100) for c in (about, inside, named, elsewhere)] == \
        [1.0, INSIDE_SHARE, 1.0, -1.0]
    # The --unit filter names a unit too; no unit named: the feature says nothing.
    assert Asked.of(Query(text="giờ giấc", unit="Thanh Trì"), Plan()).units == ("thanh tri",)
    assert unit_named(elsewhere, Asked(Plan()), 100) == 0.0


def test_the_engines_order() -> None:
    asked = Asked(Plan())
    record = _rec("a", "Hồ sơ quá hạn.")
    ranks = [engine_rank(_cand(record, k), asked, 100) for k in (0, 1, 9, 99)]
    assert ranks[0] == 1.0 and ranks == sorted(ranks, reverse=True) and ranks[-1] > 0.0


def test_the_ranker_orders_by_its_weights_and_keeps_the_engines_order_on_ties() -> None:
    hits = [Hit(_rec(f, t, polarity=p), 0.0, "") for f, t, p in (
        ("s1", "Công tác chỉ đạo được quan tâm.", Polarity.STRENGTH),
        ("s2", "Công tác chỉ đạo sát sao.", Polarity.STRENGTH),
        ("h1", "Công tác chỉ đạo còn chậm.", Polarity.SHORTCOMING))]
    asked = Asked(Plan(groups=(Group((_alt("chỉ đạo"),)),), polarity="shortcoming"))
    assert [h.record.finding_id for h in Ranker({}).order(hits, asked)] == ["s1", "s2", "h1"]
    assert [h.record.finding_id for h in Ranker({"rank": 1.0}).order(hits, asked)] == ["s1", "s2", "h1"]
    favour = Ranker({"rank": 1.0, "polarity": 0.5})
    assert [h.record.finding_id for h in favour.order(hits, asked)] == ["h1", "s1", "s2"]
    assert favour.names == ("rank", "polarity")  # only the weighed features are computed


def test_the_ranker_orders_within_the_section_asked_for() -> None:
    """A query naming a section ("hạn chế trong chỉ đạo") has its findings first, whatever a
    finding of another polarity scores; a question about the matter is ordered by the weights alone."""
    hits = [Hit(_rec(f, t, polarity=p), 0.0, "") for f, t, p in (
        ("s1", "Công tác chỉ đạo, điều hành được quan tâm, chỉ đạo quyết liệt.", Polarity.STRENGTH),
        ("h1", "Công tác chỉ đạo còn chậm.", Polarity.SHORTCOMING))]
    section = Asked(plan_query("hạn chế trong công tác chỉ đạo"))
    question = Asked(plan_query("xã nào còn hạn chế trong công tác chỉ đạo"))
    assert section.plan.section and not question.plan.section
    assert [in_section(_cand(h.record), section) for h in hits] == [0, 1]
    assert [in_section(_cand(h.record), question) for h in hits] == [0, 0]
    engine = Ranker({"rank": 1.0})  # the engine's order puts the strength first
    assert [h.record.finding_id for h in engine.order(hits, section)] == ["h1", "s1"]
    assert [h.record.finding_id for h in engine.order(hits, question)] == ["s1", "h1"]


def test_the_place_named_comes_before_the_section_asked_for() -> None:
    """A query naming a place and a section ("Vị Xuyên kiến nghị … hồ sơ trễ hạn") has the place's
    findings first, its recommendations before its other findings, then the recommendations
    elsewhere: the place is what is asked about, the section how."""
    section = plan_query("kiến nghị giải quyết hồ sơ trễ hạn")
    place = Group((_alt("vị xuyên"),), unit="vi xuyen")  # as the engine's plan reads the name
    asked = Asked.of(Query(text="Vị Xuyên kiến nghị giải quyết hồ sơ trễ hạn"),
                     replace(section, groups=(place, *section.groups)))
    assert asked.units == ("vi xuyen",) and asked.plan.section and asked.plan.polarity == "recommendation"
    hits = [Hit(_rec(f, t, polarity=p, units=u), 0.0, "") for f, t, p, u in (
        ("r-else", "Đề nghị giải quyết dứt điểm hồ sơ trễ hạn.", Polarity.RECOMMENDATION, ("Can Lộc",)),
        ("h-here", "Còn 12 hồ sơ trễ hạn chưa giải quyết.", Polarity.SHORTCOMING, ("Vị Xuyên",)),
        ("r-here", "Đề nghị rà soát hồ sơ trễ hạn.", Polarity.RECOMMENDATION, ("Vị Xuyên",)))]
    assert [tier(_cand(h.record), asked, 30) for h in hits] == [2, 5, 6]
    assert [h.record.finding_id for h in Ranker({"rank": 1.0}).order(hits, asked)] == \
        ["r-here", "h-here", "r-else"]
    # No place named: the section alone splits.
    alone = Asked(section)
    assert [tier(_cand(h.record), alone, 30) for h in hits] == [2, 1, 2]


def test_each_split_of_the_tier_outranks_all_below_it_together() -> None:
    """Place 4, section 2, paired section 1: the place's strength before the recommendations
    elsewhere, the shortcoming elsewhere (paired) before the strength elsewhere, whatever the
    engine's order (here the reverse of the tiers')."""
    section = plan_query("kiến nghị giải quyết hồ sơ trễ hạn")
    place = Group((_alt("vị xuyên"),), unit="vi xuyen")
    asked = Asked.of(Query(text="Vị Xuyên kiến nghị giải quyết hồ sơ trễ hạn"),
                     replace(section, groups=(place, *section.groups)))
    hits = [Hit(_rec(f, t, polarity=p, units=(u,)), 0.0, "") for f, t, p, u in (
        ("s-else", "Giải quyết hồ sơ đúng hạn đạt 98%.", Polarity.STRENGTH, "Can Lộc"),
        ("h-else", "Còn 5 hồ sơ trễ hạn.", Polarity.SHORTCOMING, "Can Lộc"),
        ("r-else", "Đề nghị giải quyết dứt điểm hồ sơ trễ hạn.", Polarity.RECOMMENDATION, "Can Lộc"),
        ("s-here", "Giải quyết hồ sơ đúng hạn đạt 99%.", Polarity.STRENGTH, "Vị Xuyên"),
        ("h-here", "Còn 12 hồ sơ trễ hạn chưa giải quyết.", Polarity.SHORTCOMING, "Vị Xuyên"),
        ("r-here", "Đề nghị rà soát hồ sơ trễ hạn.", Polarity.RECOMMENDATION, "Vị Xuyên"))]
    assert [tier(_cand(h.record), asked, 30) for h in hits] == [0, 1, 2, 4, 5, 6]
    assert [h.record.finding_id for h in Ranker({"rank": 1.0}).order(hits, asked)] == \
        ["r-here", "h-here", "s-here", "r-else", "h-else", "s-else"]


def test_the_paired_section_comes_after_the_section_asked_for_before_the_strengths() -> None:
    """Below the shortcomings asked for, the recommendation remedying the matter comes before the
    strength saying it in the contrary sense, whatever the engine's order; the reverse for the
    recommendations asked; a query for the strengths, or a question, pairs no section."""
    hits = [Hit(_rec(f, t, polarity=p), 0.0, "") for f, t, p in (
        ("s1", "Công tác văn thư, lưu trữ đã có chuyển biến tích cực.", Polarity.STRENGTH),
        ("r1", "Đề nghị bố trí kho lưu trữ hồ sơ.", Polarity.RECOMMENDATION),
        ("h1", "Hồ sơ, tài liệu chưa được chỉnh lý, chưa có kho lưu trữ.", Polarity.SHORTCOMING))]
    shortcomings = Asked(plan_query("hạn chế trong công tác văn thư lưu trữ"))
    assert shortcomings.plan.section and shortcomings.plan.paired == "recommendation"
    assert [in_paired_section(_cand(h.record), shortcomings) for h in hits] == [0, 1, 0]
    engine = Ranker({"rank": 1.0})  # the engine's order puts the strength first
    assert [h.record.finding_id for h in engine.order(hits, shortcomings)] == ["h1", "r1", "s1"]
    recommendations = Asked(plan_query("kiến nghị về công tác văn thư lưu trữ"))
    assert [h.record.finding_id for h in engine.order(hits, recommendations)] == ["r1", "h1", "s1"]
    strengths = Asked(plan_query("ưu điểm công tác văn thư lưu trữ"))
    assert strengths.plan.paired is None
    assert [h.record.finding_id for h in engine.order(hits, strengths)] == ["s1", "r1", "h1"]
    question = Asked(plan_query("xã nào còn hạn chế trong công tác văn thư lưu trữ"))
    assert [in_paired_section(_cand(h.record), question) for h in hits] == [0, 0, 0]


def test_the_weights_file_round_trips_and_refuses_what_it_does_not_know() -> None:
    ranker = Ranker({"rank": 1.0, "unit": 0.25}, pool=60)
    again = parse_ranker(ranker.to_json({"trained_on": ["x.json"]}))
    assert again.pool == 60 and again.weights["unit"] == 0.25 and again.weights["polarity"] == 0.0
    with pytest.raises(ValueError, match="unknown rerank features: bm25"):
        parse_ranker('{"weights": {"rank": 1, "bm25": 2}}')


def test_the_shipped_weights_name_known_features_and_keep_the_engines_order_first() -> None:
    shipped = load_ranker(WEIGHTS_FILE)
    assert set(shipped.weights) <= set(FEATURES)
    assert shipped.weights["rank"] == 1.0 and shipped.pool > 10


def test_heading_counts_the_query_words_its_document_is_headed_by() -> None:
    """A finding under a heading naming the matter ("Kiểm tra công tác CCHC … hồ sơ trễ hạn") is
    said in its context; the same words in a document headed by another matter are not."""
    asked = Asked(plan_query("hồ sơ trễ hạn"))
    text = "Còn 12 hồ sơ trễ hạn chưa xin lỗi công dân."
    on_matter = _cand(_rec("a", text, title="Nhiều hồ sơ trễ hạn tại bộ phận một cửa huyện Vị Xuyên"))
    half = _cand(_rec("b", text, title="Kiểm tra việc tiếp nhận hồ sơ tại xã Tân Thạnh"))
    other = _cand(_rec("c", text, title="Đoàn kiểm tra công vụ làm việc tại huyện Thanh Bình"))
    untitled = _cand(_rec("d", text))
    assert heading_held(on_matter, asked, 30) == 1.0
    assert heading_held(half, asked, 30) == 0.5  # "hồ sơ" alone: one group of two
    assert heading_held(other, asked, 30) == 0.0
    assert heading_held(untitled, asked, 30) == 0.0


def test_heading_reads_a_title_less_documents_lead_and_a_titled_ones_title() -> None:
    """The heading is FindingRecord.headline: the title, else the lead (one definition, the one
    the headline search indexes)."""
    asked = Asked(plan_query("hồ sơ trễ hạn"))
    text = "Còn 12 hồ sơ chưa xin lỗi công dân."
    lead = "Ngày 4/11, Văn phòng UBND tỉnh cho biết nhiều hồ sơ trễ hạn trên Cổng dịch vụ công."
    assert heading_held(_cand(_rec("a", text, lead=lead)), asked, 30) == 1.0
    titled = _rec("b", text, title="Kiểm tra công vụ tại xã Tân Thạnh", lead=lead)
    assert heading_held(_cand(titled), asked, 30) == 0.0


def test_heading_reads_the_query_as_typed_accents_and_all() -> None:
    """The heading is matched by the query's matching rule: an unaccented query matches the
    accented heading, an accented syllable only itself ("thời hạn" is not "thời gian … hạn")."""
    record = _rec("a", "Hồ sơ quá hạn còn nhiều.", title="Ghi sai thời hạn trả kết quả tại xã")
    assert heading_held(_cand(record), Asked(plan_query("thoi han tra ket qua")), 30) == 1.0
    assert heading_held(_cand(_rec("b", "x", title="Thời gian giải quyết còn hạn chế")),
                        Asked(plan_query("thời hạn")), 30) == 0.0


def _hit(fid: str, text: str, doc: str) -> Hit:
    return Hit(FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.pdf", text=text,
                             polarity=Polarity.SHORTCOMING, area=Area.TTHC), 0.0, "")


def test_feedback_favours_the_finding_worded_as_the_pools_first_ones() -> None:
    """The first findings speak of the appointment slip's return date; a finding saying the same
    in other words than the query shares their words, one on land shares none."""
    cands = candidates([
        _hit("a", "Bộ phận một cửa chưa ghi ngày trả kết quả trên phiếu hẹn.", "r1"),
        _hit("b", "Phiếu hẹn không ghi ngày trả kết quả cho công dân.", "r2"),
        _hit("c", "Văn phòng đăng ký đất đai để sót bản đồ.", "r3"),
        _hit("d", "Giấy biên nhận hồ sơ thiếu ngày trả kết quả.", "r4")])
    asked = Asked(Plan())
    scores = [feedback(c, asked, 30) for c in cands]
    assert scores[3] > scores[2] and scores[2] == 0.0
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert feedback(_cand(_rec("x", "Phiếu hẹn ghi sai.")), asked, 30) == 0.0


def test_a_pool_read_by_the_features_is_freed_without_the_collector() -> None:
    """A pool's candidates and what the features made of them (texts, weighed terms, profiles)
    hold no reference cycle: they go when the search drops them, not at the collector's next
    pass over the older generations, which took 7-180 ms inside searches at 100,000 findings."""
    hits = [_hit("a", "Bộ phận một cửa chưa ghi ngày trả kết quả trên phiếu hẹn.", "r1"),
            _hit("b", "Phiếu hẹn không ghi ngày trả kết quả cho công dân.", "r2"),
            _hit("c", "Giấy biên nhận hồ sơ thiếu ngày trả kết quả.", "r3")]
    asked = Asked(Plan())
    gc.collect()
    gc.disable()
    try:
        cands = candidates(hits)
        assert [feedback(c, asked, 30) for c in cands][1] > 0.0
        pool = _reachable(cands)
        del cands
        # Only the pool's own objects count: threads other tests left running (servers, clients)
        # may make cyclic garbage of their own while the collector is off.
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        kept = [type(o).__name__ for o in gc.garbage if id(o) in pool]
        assert kept == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def _reachable(roots: list[Candidate]) -> set[int]:
    """The ids of the candidates and of every container or text reading reachable from them (not
    past them into classes or modules, which every search shares)."""
    kinds = (Candidate, Around, Written, dict, list, tuple, set, frozenset)
    seen: set[int] = set()
    todo: list[object] = list(roots)
    while todo:
        o = todo.pop()
        if id(o) not in seen and isinstance(o, kinds):
            seen.add(id(o))
            todo.extend(gc.get_referents(o))
    return seen


def test_feedback_reads_the_first_findings_of_other_documents_only() -> None:
    """Findings of one report share its units and turns of phrase: a finding is compared with the
    first findings of the other documents, so its own report's first findings lend it nothing."""
    cands = candidates([
        _hit("a", "Xã Tân Thạnh chưa niêm yết thủ tục.", "r1"),
        _hit("b", "Xã Tân Thạnh chưa cập nhật sổ theo dõi.", "r1"),
        _hit("c", "Phiếu hẹn không ghi ngày trả kết quả.", "r2")])
    asked = Asked(Plan())
    assert feedback(cands[1], asked, 30) == 0.0  # a says "Xã Tân Thạnh chưa", but in b's own report
    assert feedback(cands[2], asked, 30) == 0.0  # nothing of r1's words
    alone = candidates([_hit("a", "Chưa niêm yết.", "r1"), _hit("b", "Chưa niêm yết.", "r1")])
    assert feedback(alone[0], asked, 30) == 0.0  # no other document in the pool


def test_feedback_reads_the_first_findings_holding_the_matter_not_the_neighbours() -> None:
    """Query drift: asked about the land procedures' listing left out of date, the engine's first
    findings of other documents are mostly the neighbouring matter (other listings out of date).
    The profile is the first findings of other documents holding the whole matter, so a second
    answer worded otherwise is liked more than the typical neighbour; with no finding holding the
    matter, the first ones of other documents stand in, as before."""
    plan = Plan(groups=(Group((_alt("địa chính"),)), Group((_alt("cập nhật"),))))
    asked = Asked(plan)
    neighbours = [_hit(f"n{k}", "Bảng niêm yết thủ tục hộ tịch, chứng thực chưa cập nhật kịp thời.", f"r{k}")
                  for k in range(2, 6)]
    answer = _hit("a", "Xã Tân Thạnh niêm yết thủ tục lĩnh vực địa chính, đất đai chưa cập nhật.", "r1")
    other = _hit("b", "Thủ tục đất đai, địa chính tại xã Phú Tân vẫn niêm yết bản cũ.", "r7")
    typical = _hit("c", "Thủ tục hộ tịch, chứng thực niêm yết chưa kịp thời.", "r8")
    cands = candidates([neighbours[0], answer, *neighbours[1:], other, typical])
    assert feedback(cands[5], asked, 30) > feedback(cands[6], asked, 30)
    # None holds the matter: the first findings of other documents are the profile, as before.
    drifted = Asked(Plan(groups=(Group((_alt("thẻ công chức"),)),)))
    assert feedback(cands[6], drifted, 30) > feedback(cands[5], drifted, 30)


def test_feedback_is_anchored_to_the_querys_own_words() -> None:
    """The profile holds the query's terms beside the pool's first findings (RM3's interpolation):
    a finding sharing nothing with the first findings but the query's word the pool seldom holds
    is liked, where without the query it would share nothing."""
    cands = candidates([
        _hit("a", "Bộ phận một cửa chưa ghi ngày trả kết quả trên phiếu hẹn.", "r1"),
        _hit("b", "Phiếu hẹn không ghi ngày trả kết quả cho công dân.", "r2"),
        _hit("c", "Viên chức địa chính vắng mặt nhiều buổi.", "r3")])
    assert feedback(cands[2], Asked(Plan()), 30) == 0.0
    asked = Asked(Plan(groups=(Group((_alt("địa chính"),)),)))
    assert 0.0 < feedback(cands[2], asked, 30) <= 1.0


def _at(fid: str, text: str, doc: str, start: int) -> Hit:
    """A finding of `doc` at character `start` (its end by its length)."""
    return Hit(FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.pdf", text=text,
                             polarity=Polarity.SHORTCOMING, area=Area.TTHC, start=start,
                             end=start + len(text)), 0.0, "")


def test_a_finding_whose_passage_holds_the_rest_of_the_matter_asked() -> None:
    """One paragraph states the late dossiers, its next sentence that no apology was written: the
    apology's finding holds half the matter asked, its passage the other half. The same sentence
    in another report, or far from the late dossiers in the same one, has no such passage; a
    finding holding none of the matter is not lifted by its neighbour."""
    asked = Asked(plan_query("hồ sơ quá hạn không có văn bản xin lỗi"))
    late = "Có 12 hồ sơ giải quyết quá hạn."
    apology = "Bộ phận một cửa chưa có văn bản xin lỗi người dân."
    cands = candidates([
        _at("a", late, "r1", 0),
        _at("b", apology, "r1", len(late) + 2),
        _at("c", apology, "r2", 40),
        _at("d", apology, "r1", 5000),
        _at("e", "Công chức đeo thẻ khi làm nhiệm vụ.", "r1", len(late) + len(apology) + 4)])
    scores = [passage_adds(c, asked, 30) for c in cands]
    assert scores[1] == 0.5  # "quá hạn" from its neighbour; "văn bản xin lỗi" its own
    assert scores[0] == 0.5  # and the converse: the apology completes the late dossiers
    assert scores[2] == scores[3] == scores[4] == 0.0
    assert passage_adds(_cand(_rec("x", apology)), asked, 30) == 0.0  # a finding alone


def test_a_finding_that_goes_on_with_the_matter_its_neighbour_names() -> None:
    """A paragraph names the late link between birth and residence registration, then tells its
    dates in words of its own: the dates' finding takes the engine rank of the sentence naming
    the matter, whichever comes first in the pool. The same dates in another report, far from
    the matter in the same one, or beyond a nearer neighbour saying nothing of it, take nothing;
    nor does the finding naming the whole matter (no neighbour says more)."""
    asked = Asked(plan_query("liên thông khai sinh thường trú"))
    named = "Tại xã A, việc liên thông đăng ký khai sinh - thường trú chậm hơn quy định."
    dates = "Đến ngày 3/2 vẫn chưa có kết quả từ công an xã chuyển về để trả cho công dân."
    other = "Cán bộ một cửa đeo thẻ khi làm nhiệm vụ."
    at = len(named) + 1
    cands = candidates([
        _at("a", named, "r1", 0),
        _at("b", dates, "r1", at),
        _at("c", dates, "r2", 40),
        _at("d", dates, "r1", 5000),
        _at("e", other, "r3", 0),
        _at("f", dates, "r3", len(other) + 1)])
    scores = [beside_matter(c, asked, 30) for c in cands]
    assert scores[1] == rank_score(0, 30) == 1.0
    assert scores[0] == scores[2] == scores[3] == scores[4] == scores[5] == 0.0
    # The dates first in the pool, the matter fourth: the dates take the fourth's rank.
    later = candidates([_at("b", dates, "r1", at), _at("x", other, "r9", 0), _at("y", other, "r8", 0),
                        _at("a", named, "r1", 0)])
    assert beside_matter(later[0], asked, 30) == rank_score(3, 30) < 1.0
    # A neighbour between them that says nothing of the matter: the dates are its passage, not the matter's.
    between = candidates([_at("a", named, "r1", 0), _at("o", other, "r1", at),
                          _at("b", dates, "r1", at + len(other) + 1)])
    assert beside_matter(between[2], asked, 30) == 0.0
    assert beside_matter(_cand(_rec("z", dates)), asked, 30) == 0.0  # a finding alone


def test_a_passage_completes_no_matter_of_frame_words() -> None:
    """Asked only the genre's frame ("bộ phận một cửa", "cán bộ công chức": no matter, as
    matter_held reads it), a finding holding one frame phrase is not lifted by a neighbour
    holding the other: every passage of the genre names both."""
    asked = Asked(plan_query("bộ phận một cửa cán bộ công chức"))
    desk = "Bộ phận một cửa bố trí đủ ghế chờ."
    cands = candidates([_at("a", desk, "r1", 0),
                        _at("b", "Cán bộ công chức đều đeo thẻ.", "r1", len(desk) + 2)])
    assert not asked.matter
    assert [passage_adds(c, asked, 30) for c in cands] == [0.0, 0.0]
    assert [beside_matter(c, asked, 30) for c in cands] == [0.0, 0.0]


def test_the_inspecting_teams_name_holds_its_kinds_not_its_head() -> None:
    written = Written.of_text("Tổ kiểm tra công vụ huyện đề nghị các xã tiếp tục kiểm tra; tổ chức kiểm tra")
    assert sorted(team_places(written.folded)) == [1, 2, 3, 4]  # "tổ chức" is no team: "chức" no kind


def test_a_checking_query_counts_the_matter_held_only_in_the_teams_name() -> None:
    asked = Asked(plan_query("công tác kiểm tra, đôn đốc cải cách hành chính"))
    team = _cand(_rec("a", "Tổ kiểm tra đã đề nghị các đơn vị tiếp tục quan tâm đẩy mạnh cải cách "
                           "hành chính"))
    own = _cand(_rec("b", "UBND huyện Thanh Bình đã ban hành Kế hoạch CCHC năm 2013 và có tổ chức kiểm "
                          "tra từ đầu năm"))
    both = _cand(_rec("c", "Đoàn kiểm tra ghi nhận công tác kiểm tra, đôn đốc được quan tâm"))
    assert team_named_only(team, asked, 30) > 0 and matter_held(team, asked, 30) > 0
    assert team_named_only(own, asked, 30) == 0.0
    assert team_named_only(both, asked, 30) == 0.0  # said outside the name too


def test_the_team_typed_with_its_head_is_what_is_asked() -> None:
    asked = Asked(plan_query("đoàn kiểm tra đề nghị gì"))
    team = _cand(_rec("a", "Đoàn kiểm tra đề nghị UBND huyện Vị Xuyên thực hiện tốt công tác CCHC",
                      polarity=Polarity.RECOMMENDATION))
    assert team_named_only(team, asked, 30) == 0.0


def test_a_query_no_teams_name_can_hold_reads_no_finding() -> None:
    asked = Asked(plan_query("sổ theo dõi hồ sơ"))
    assert asked.team_matter == ()
    team = _cand(_rec("a", "Đoàn kiểm tra ghi nhận sổ theo dõi hồ sơ đầy đủ"))
    assert team_named_only(team, asked, 30) == 0.0
