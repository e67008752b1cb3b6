"""A query's frame words name the setting of what it asks, not its matter (index.query.Plan.stage_topical):
a finding sharing only the frame with the query is no partial match; it joins the fill, after the
matter tier — on both engines.

The findings below are written for these tests, their themes set as ingest would set them
(nlp/vi/themes.toml codes). "trang thiết bị bộ phận một cửa" asks about the one-stop desk's
equipment: "bộ phận một cửa" is where (index/vi/frame_words.txt), "trang thiết bị" what.
The frame list itself (compile_frame, is_frame), which the reranker reads too, is tested last.
"""

from __future__ import annotations

import pytest
from search_backends import BACKEND_PARAMS, found, indexed

from core.models import Area, Polarity
from core.normalize import fold
from index.base import TIER_MATTER, TIER_SOME_WORDS, TIER_WORDS, FindingRecord, SearchBackend
from index.query import Alternative, Group, Plan, compile_frame, is_frame, load_frame, plan_query

TEXT = "trang thiết bị bộ phận một cửa"
MATTERS = ("so_hoa.ha_tang",)  # the equipment's matter, as pipeline/search.py finds it


def _rec(fid: str, text: str, words: str, theme: str, area: Area) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=Polarity.SHORTCOMING, area=area, theme=theme, year=2024,
                         published="2024-05-01")


RECORDS = (
    _rec("b1", "Bộ phận một cửa thiếu trang thiết bị.", "Bộ_phận một_cửa thiếu trang_thiết_bị .",
         "so_hoa.ha_tang", Area.SO_HOA),
    _rec("h1", "Trụ sở xuống cấp, trang thiết bị chưa đồng bộ.",
         "Trụ_sở xuống_cấp , trang_thiết_bị chưa đồng_bộ .", "so_hoa.ha_tang", Area.SO_HOA),
    _rec("i1", "Máy lấy số xếp hàng tự động bị hỏng.", "Máy lấy số xếp_hàng tự_động bị hỏng .",
         "so_hoa.ha_tang", Area.SO_HOA),
    _rec("o1", "Công chức bộ phận một cửa không đeo thẻ.", "Công_chức bộ_phận một_cửa không đeo thẻ .",
         "cong_vu.the_ten", Area.CONG_VU),
    _rec("o2", "Bộ phận một cửa chưa niêm yết đủ thủ tục.", "Bộ_phận một_cửa chưa niêm_yết đủ thủ_tục .",
         "tthc.niem_yet", Area.TTHC),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def test_the_setting_alone_is_no_partial_match_and_comes_after_the_matter(backend: SearchBackend) -> None:
    hits = found(backend, text=TEXT, matters=MATTERS)
    assert hits[:3] == [
        ("b1", TIER_WORDS),  # the equipment at the desk
        ("h1", TIER_WORDS),  # the equipment: the matter's group, a partial match
        ("i1", TIER_MATTER),  # the equipment in other words (the matter tier)
    ]
    # the desk's other matters share only the setting: still found, in the fill, last
    assert sorted(hits[3:]) == [("o1", TIER_SOME_WORDS), ("o2", TIER_SOME_WORDS)]


def test_without_matters_the_setting_alone_still_fills_the_page(backend: SearchBackend) -> None:
    hits = found(backend, text=TEXT)
    assert hits[:2] == [("b1", TIER_WORDS), ("h1", TIER_WORDS)]
    assert sorted(hits[2:]) == [("o1", TIER_SOME_WORDS), ("o2", TIER_SOME_WORDS)]


def test_the_engines_partial_stage_admits_what_the_plan_says(backend: SearchBackend) -> None:
    """Plan.stage_admits, which benchmarks/pool_recall.py asks of one finding at a time, is the rule
    each engine applies to its columns: the desk's other matters (the frame alone) are not admitted,
    the equipment anywhere is; no matter tier here, so the words' tier is the stages' alone."""
    plan = plan_query(TEXT)
    held = {"b1": (True, True), "h1": (True, False), "i1": (False, False), "o1": (False, True),
            "o2": (False, True)}
    words = {fid for fid, tier in found(backend, text=TEXT) if tier == TIER_WORDS}
    admitted = {fid for fid, h in held.items() if all(h) or plan.stage_admits(h, plan.minimum)}
    assert words == admitted == {"b1", "h1"}
    assert plan_query("công chức bộ phận một cửa").stage_admits((False, True), 1)  # all frame: any group


def test_a_query_of_the_frame_alone_keeps_its_partial_matches(backend: SearchBackend) -> None:
    """"công chức bộ phận một cửa" asks about the desk's staff: every group is frame, so none is
    the setting of another and a finding holding some of them is a partial match as before."""
    plan = plan_query("công chức bộ phận một cửa")
    assert plan.stage_topical == plan.topical and not plan.holds_topic
    assert ("o1", TIER_WORDS) in found(backend, text="công chức bộ phận một cửa")


def test_the_frame_groups_admit_to_the_fill_but_not_to_the_stages() -> None:
    plan = plan_query(TEXT)
    assert [g.alternatives[0].syllables for g in plan.groups] == [("trang", "thiết", "bị"),
                                                                  ("bộ", "phận", "một", "cửa")]
    assert plan.topical == (True, True) and plan.stage_topical == (True, False) and plan.holds_topic
    # typed without accents, abbreviated or as a level, the frame is the same (frame_words.txt)
    assert plan_query("trang thiet bi bo phan mot cua").stage_topical == (True, False)
    assert plan_query("trang thiết bị BPMC").stage_topical == (True, False)
    assert plan_query("chứng thực hộ tịch cấp xã").stage_topical[-1] is False


def test_a_unit_named_is_never_the_frame() -> None:
    """A place typed with the frame ("Thanh Trì bộ phận một cửa") narrows where, as a filter does:
    a finding about it holding the frame is a partial match, one about it alone too."""
    desk = Group((Alternative(("bộ", "phận", "một", "cửa")),))
    place = Group((Alternative(("thanh", "trì")),), unit="thanh tri")
    assert Plan(groups=(desk, place)).stage_topical == (False, True)
    # a unit whose name is a frame word is still a unit
    named = Group((Alternative(("cơ", "quan")),), unit="co quan")
    assert Plan(groups=(desk, named)).stage_topical == (False, True)


def test_the_genres_frame_words_and_runs_of_them() -> None:
    frame = load_frame()
    assert is_frame(("cán", "bộ", "công", "chức"), frame)  # "cán bộ" + "công chức"
    assert is_frame(("can", "bo"), frame)  # typed without accents, the same frame
    assert is_frame(("bộ", "phận", "một", "cửa"), frame) and is_frame(("tthc",), frame)
    assert is_frame(("xã",), frame)  # a level word, from core/levels.py
    assert not is_frame(("đào", "tạo", "bồi", "dưỡng"), frame)
    assert not is_frame(("cán", "bộ", "vắng", "mặt"), frame)  # a frame word and a matter
    assert not is_frame(("tổ", "chức"), frame)  # also the matter "tổ chức bộ máy": not frame
    assert not is_frame((), frame)


def test_the_people_served_are_the_frame_by_each_of_their_names() -> None:
    """"Nhân dân" is the public the genre serves as "người dân" and "công dân" are (the political
    register: "phục vụ nhân dân"): asked about the service given to them, the matter is the
    service, and a finding serving "công dân" answers as one serving "nhân dân"."""
    frame = load_frame()
    assert all(is_frame(people, frame) for people in (("nhân", "dân"), ("nhan", "dan"), ("người", "dân"),
                                                      ("công", "dân")))
    assert is_frame(("ủy", "ban", "nhân", "dân"), frame)  # the committee stays frame
    assert not is_frame(("phục", "vụ", "nhân", "dân"), frame)  # the service is the matter
    from index.rerank import matter_groups

    matter = matter_groups(plan_query("thái độ phục vụ nhân dân"))
    assert [g.alternatives[0].syllables for g in matter] == [("thái", "độ"), ("phục", "vụ")]


def test_the_frame_list_is_read_as_every_word_list() -> None:
    """Comments cut, compared folded, and [level] standing for each level word given."""
    lines = ["# the officials", "Cán bộ  # who", "", "uỷ ban", "ủy ban", "[level]"]
    frame = {("can", "bo"), ("uy", "ban"), ("xa",), ("thi", "tran")}
    assert compile_frame(lines, ["xã", "thị trấn"]) == frame


def test_the_frames_other_spellings_come_from_the_synonym_sets() -> None:
    """A synonym set one member of which is frame words (or a run of them) is frame, every member
    of it: the short forms are written once, in the synonym file. A set of no frame word is not."""
    desk = ("bộ", "phận", "tiếp", "nhận", "và", "trả", "kết", "quả")
    sets = [[("ủy", "ban", "nhân", "dân"), ("ubnd",)], [("bộ", "phận", "một", "cửa"), ("bpmc",), desk],
            [("đào", "tạo", "bồi", "dưỡng"), ("đtbd",)]]
    frame = compile_frame(["ủy ban nhân dân", "bộ phận", "một cửa"], [], sets)
    assert is_frame(("UBND",), frame) and is_frame(("ubnd", "bộ", "phận"), frame)
    assert is_frame(("BPMC",), frame) and is_frame(tuple(fold(s) for s in desk), frame)
    assert not is_frame(("đtbd",), frame) and not is_frame(("tiếp", "nhận"), frame)


# The last resort (Plan.last_resort) beside the frame: "ghi chép sổ sách lưu trữ tài liệu bộ phận một
# cửa" is four groups of matter and the desk's frame; the minimum asks three, which no finding below
# holds, so the last stage asks half of the matter (two), the frame counted as any group held.
LAST_TEXT = "ghi chép sổ sách lưu trữ tài liệu bộ phận một cửa"
LAST_RECORDS = (
    _rec("l1", "Sổ sách ghi chép không đầy đủ.", "Sổ_sách ghi_chép không đầy_đủ .", "tthc.mot_cua",
         Area.TTHC),
    _rec("l2", "Bộ phận một cửa chưa sắp xếp tài liệu.", "Bộ_phận một_cửa chưa sắp_xếp tài_liệu .",
         "tthc.mot_cua", Area.TTHC),
    _rec("l3", "Bộ phận một cửa chưa niêm yết đủ thủ tục.", "Bộ_phận một_cửa chưa niêm_yết đủ thủ_tục .",
         "tthc.niem_yet", Area.TTHC),
    _rec("l4", "Kho lưu trữ xuống cấp.", "Kho lưu_trữ xuống_cấp .", "so_hoa.ha_tang", Area.SO_HOA),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def last_backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, LAST_RECORDS)


def test_both_engines_last_resort_admits_what_the_plan_says(last_backend: SearchBackend) -> None:
    """Each engine's last stage admits the findings Plan.stage_admits(held, last_resort) admits: two
    groups of the matter (l1), or the frame and one of the matter (l2); the frame alone (l3) and one
    group of the matter (l4) come with the fill. Counted with the frame (half of five, three, no lower
    than the minimum), the last stage never ran and all four came with the fill."""
    plan = plan_query(LAST_TEXT)
    last = plan.last_resort
    assert (plan.minimum, last) == (3, 2) and last is not None
    held = {"l1": (True, True, False, False, False), "l2": (False, False, False, True, True),
            "l3": (False, False, False, False, True), "l4": (False, False, True, False, False)}
    hits = found(last_backend, text=LAST_TEXT)
    assert sorted(fid for fid, _ in hits) == ["l1", "l2", "l3", "l4"]
    words = {fid for fid, tier in hits if tier == TIER_WORDS}
    assert words == {fid for fid, h in held.items() if plan.stage_admits(h, last)} == {"l1", "l2"}
    assert {fid for fid, tier in hits if tier == TIER_SOME_WORDS} == {"l3", "l4"}
