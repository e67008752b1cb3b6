"""index/concepts.py: the genre's concepts compiled from their data, the concepts a query asks
about, and the rerank feature on findings written as the genre writes them (our own sentences)."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query
from index.concepts import (
    CONCEPTS_FILE,
    ConceptError,
    asked_concepts,
    compile_concepts,
    load_concepts,
    share_held,
)
from index.query import Plan, plan_query, syllables_of
from index.rerank import FEATURES, Asked, Candidate, concepts_held

EQUIPMENT = {"broader": ["cơ sở vật chất", "trang thiết bị"],
             "narrower": ["máy tính", "máy lấy số", "ghế chờ"],
             "why": "Nghị định 61/2018 lists what a one-stop desk must be equipped with."}
ICT = {"broader": ["ứng dụng công nghệ thông tin", "công nghệ thông tin"],
       "narrower": ["phần mềm một cửa", "chữ ký số", "máy tính"],
       "why": "The e-government task is measured by its tools."}


def _rec(fid: str, text: str) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words="",
                         polarity=Polarity.SHORTCOMING, area=Area.TTHC, year=2024)


def _asked(text: str) -> Asked:
    plan = plan_query(text)
    return Asked.of(Query(text=text), plan)


# ----------------------------------------------------------------------------------------------- compiling


def test_an_entry_compiles_to_syllables_lowercase_with_canonical_tones() -> None:
    (equipment,) = compile_concepts([{**EQUIPMENT, "narrower": ["Máy tính", "máy lấy số", "ghế chờ"]}])
    assert equipment.name == "cơ sở vật chất"
    assert equipment.broader == (("cơ", "sở", "vật", "chất"), ("trang", "thiết", "bị"))
    assert ("máy", "tính") in equipment.narrower
    assert syllables_of("hoà giải") == syllables_of("hòa giải")


CSVC, PC = ["cơ sở vật chất"], ["máy tính"]


@pytest.mark.parametrize(("entry", "says"), [
    ({"narrower": ["máy tính"], "why": "x"}, "`broader` must be a non-empty list"),
    ({"broader": "cơ sở vật chất", "narrower": PC, "why": "x"}, "`broader` must be a non-empty list"),
    ({"broader": CSVC, "narrower": [], "why": "x"}, "`narrower` must be a non-empty list"),
    ({"broader": CSVC, "narrower": PC}, "no `why`"),
    ({"broader": CSVC, "narrower": PC, "why": "  "}, "no `why`"),
    ({"broader": CSVC, "narrower": ["máy tính", 3], "why": "x"}, "holds 3, not a string"),
    ({"broader": CSVC, "narrower": ["máy tính", "…"], "why": "x"}, "which has no word"),
    ({"broader": CSVC, "narrower": ["máy tính", "Máy  tính"], "why": "x"}, "written twice"),
    ({"broader": [*CSVC, *PC], "narrower": PC, "why": "x"}, "both broader and narrower"),
    ({"broader": ["hộ tịch"], "narrower": ["khai sinh", "sổ hộ tịch"], "why": "x"},
     "narrower 'sổ hộ tịch' holds broader 'hộ tịch'"),
    ({"broader": CSVC, "narrower": PC, "why": "x", "narower": ["ghế"]}, "unknown key"),
])
def test_a_malformed_entry_is_refused_naming_the_entry_and_the_fault(entry: dict[str, object],
                                                                     says: str) -> None:
    with pytest.raises(ConceptError, match=says) as error:
        compile_concepts([EQUIPMENT, entry])
    assert str(error.value).startswith("concept 2")


def test_a_broader_term_heads_one_concept_but_a_narrower_term_may_stand_under_several() -> None:
    both = compile_concepts([EQUIPMENT, ICT])
    # máy tính: equipment of the one-stop desk and a tool of e-government.
    assert all(("máy", "tính") in c.narrower for c in both)
    twice = {"broader": ["trang thiết bị", "thiết bị"], "narrower": ["máy in"], "why": "x"}
    with pytest.raises(ConceptError, match="'trang thiết bị' already heads concept 'cơ sở vật chất'"):
        compile_concepts([EQUIPMENT, twice])


def test_an_entry_includes_another_concepts_instances_listed_once_where_they_are() -> None:
    """`includes` names another concept by a broader term: a concept holding it whole (the
    modernisation task holds e-government's tools) has its narrower terms too, besides its own,
    and a term heading no other concept is refused, naming the entry."""
    task = {"broader": ["hiện đại hóa hành chính"], "narrower": ["iso"], "includes": [ICT["broader"][0]],
            "why": "Nghị quyết 76/NQ-CP's task holds IT and ISO 9001."}
    ict, modern = compile_concepts([ICT, task])
    assert ("iso",) in modern.narrower and ("iso",) not in ict.narrower
    assert set(ict.narrower) <= set(modern.narrower)
    for head in ("cơ sở vật chất", "hiện đại hóa hành chính"):  # no concept, or itself
        with pytest.raises(ConceptError, match=f"concept 2 .*`includes` '{head}' heads no other concept"):
            compile_concepts([ICT, {**task, "includes": [head]}])


def test_an_entrys_agencies_bring_every_written_form_of_every_agency_of_that_head() -> None:
    """`agencies` names heads of core/agencies.toml: the offices of a district are listed once,
    with the agencies, and each of their spellings is an instance ("Phòng TN&MT" as written)."""
    offices = {"broader": ["phòng chuyên môn"], "narrower": ["thanh tra huyện"], "agencies": ["Phòng"],
               "why": "Nghị định 37/2014/NĐ-CP lists a district's offices."}
    (concept,) = compile_concepts([offices])
    assert concept.narrower[0] == ("thanh", "tra", "huyện")  # the written terms first
    for office in ("phòng nội vụ", "phòng tư pháp", "phòng tn&mt", "phòng lđtb&xh"):
        assert syllables_of(office) in concept.narrower
    assert syllables_of("sở nội vụ") not in concept.narrower  # a province's department: another head
    assert syllables_of("văn phòng ubnd") not in concept.narrower  # a whole body, not a "Phòng"
    (only,) = compile_concepts([{k: v for k, v in offices.items() if k != "narrower"}])
    assert syllables_of("phòng nội vụ") in only.narrower


@pytest.mark.parametrize(("agencies", "says"), [
    ("Phòng", "`agencies` must be a non-empty list"),
    ([], "`agencies` must be a non-empty list"),
    (["Ban"], "no agency of core/agencies.toml has the head 'Ban'"),
])
def test_agencies_naming_no_head_of_the_table_are_refused(agencies: object, says: str) -> None:
    with pytest.raises(ConceptError, match=says):
        compile_concepts([{"broader": ["phòng chuyên môn"], "agencies": agencies, "why": "x"}])


def test_synonyms_widen_a_whole_term_on_its_own_side_only() -> None:
    sets = [(("đi", "muộn"), ("đến", "trễ")), (("giờ", "giấc"), ("giờ", "làm", "việc")),
            (("máy", "lấy", "số"), ("cơ", "sở", "vật", "chất"))]  # the last crosses sides: ignored there
    hours = {"broader": ["giờ giấc"], "narrower": ["đi muộn", "về sớm"], "why": "x"}
    (concept,) = compile_concepts([hours], sets)
    assert ("đến", "trễ") in concept.narrower and ("giờ", "làm", "việc") in concept.broader
    (equipment,) = compile_concepts([EQUIPMENT], sets)
    assert ("máy", "lấy", "số") in equipment.narrower and ("máy", "lấy", "số") not in equipment.broader
    # "muộn" alone is a syllable of "đi muộn", not the member: nothing is widened by it.
    (partial,) = compile_concepts([{**hours, "narrower": ["muộn"]}], sets)
    assert partial.narrower == (("muộn",),)


def test_the_shipped_file_compiles_and_every_concept_says_why(tmp_path: Path) -> None:
    concepts = load_concepts()
    assert len(concepts) >= 15
    assert all(c.why and c.broader and c.narrower for c in concepts)
    data = tomllib.loads(CONCEPTS_FILE.read_text(encoding="utf-8"))
    assert len(data["concept"]) == len(concepts)
    broken = tmp_path / "concepts.toml"
    broken.write_text('[[concept]]\nbroader = ["cơ sở vật chất"]\nnarrower = ["máy tính"\n', encoding="utf-8")
    with pytest.raises(ConceptError, match="concepts.toml: not valid TOML"):
        load_concepts.__wrapped__(broken)


def test_the_leaders_of_a_commune_or_district_are_its_committees_posts_not_the_heads_of_its_offices() -> None:
    """A Trưởng phòng leads an office, not the commune or district: "lãnh đạo huyện vắng mặt" must
    not rank every office head's finding as the leaders' (the shipped data, as a linguist reads it)."""
    leaders = next(c for c in load_concepts() if c.name == "lãnh đạo xã")
    said = {" ".join(term) for term in leaders.narrower}
    assert {"chủ tịch ubnd", "phó chủ tịch"} <= said
    assert not {"trưởng phòng", "phó trưởng phòng"} & said


# ----------------------------------------------------------------------------------------------- reading


def test_a_query_asks_a_concept_by_its_broader_term_typed_with_or_without_accents_or_by_a_synonym() -> None:
    concepts = compile_concepts([EQUIPMENT, ICT])
    names = [c.name for c in asked_concepts("cơ sở vật chất bộ phận một cửa", Plan(), concepts)]
    assert names == ["cơ sở vật chất"]
    assert [c.name for c in asked_concepts("co so vat chat mot cua", Plan(), concepts)] == ["cơ sở vật chất"]
    # Accents typed count: "cớ sở" is not "cơ sở".
    assert asked_concepts("cớ sở vật chất", Plan(), concepts) == ()
    # "CNTT" is no broader term, but the plan reads it as its synonym "công nghệ thông tin".
    text = "ứng dụng CNTT trong giải quyết TTHC"
    assert asked_concepts(text, Plan(), concepts) == ()
    read = asked_concepts(text, plan_query(text), concepts)
    assert [c.name for c in read] == ["ứng dụng công nghệ thông tin"]
    assert asked_concepts("hồ sơ quá hạn", Plan(), concepts) == ()


BREACH = {"broader": ["vi phạm"], "narrower": ["đi muộn", "về sớm"],
          "why": "Chỉ thị 26/CT-TTg lists the breaches of office discipline."}
SANCTION = {"broader": ["xử lý vi phạm"], "narrower": ["khiển trách", "cảnh cáo"],
            "why": "Nghị định 112/2020/NĐ-CP lists the sanctions."}


def test_the_longest_broader_term_said_at_a_place_wins_over_a_shorter_one_inside_it() -> None:
    concepts = compile_concepts([BREACH, SANCTION])
    for text in ("xử lý vi phạm", "xu ly vi pham", "các hình thức xử lý vi phạm của cán bộ"):
        assert [c.name for c in asked_concepts(text, Plan(), concepts)] == ["xử lý vi phạm"], text
        assert [c.name for c in asked_concepts(text, plan_query(text), concepts)] == ["xử lý vi phạm"], text
    # Said on its own elsewhere in the query, the shorter term still asks its concept.
    text = "vi phạm giờ giấc và xử lý vi phạm"
    assert [c.name for c in asked_concepts(text, plan_query(text), concepts)] == ["vi phạm", "xử lý vi phạm"]
    assert [c.name for c in asked_concepts("vi phạm giờ giấc", Plan(), concepts)] == ["vi phạm"]


def test_a_short_form_among_a_groups_alternatives_wins_as_its_long_form_does() -> None:
    # Unwidened by synonyms, only the long form heads LOCAL; the plan gives the typed short form
    # "chính quyền 2 cấp" the long one as an alternative of its group, the same place of the query.
    local = {"broader": ["chính quyền địa phương hai cấp"], "narrower": ["xã mới", "sau sáp nhập"],
             "why": "Nghị quyết 60-NQ/TW: the merged communes."}
    government = {"broader": ["chính quyền"], "narrower": ["hội đồng nhân dân", "ủy ban nhân dân"],
                  "why": "A local government is its council and its committee."}
    concepts = compile_concepts([government, local])
    text = "chính quyền 2 cấp"
    plan = plan_query(text)
    assert any(alt.syllables == syllables_of("chính quyền địa phương hai cấp")
               for g in plan.groups for alt in g.alternatives)
    assert [c.name for c in asked_concepts(text, plan, concepts)] == ["chính quyền địa phương hai cấp"]
    # Without the plan's alternatives the long form is not said, and the short term is all there is.
    assert [c.name for c in asked_concepts(text, Plan(), concepts)] == ["chính quyền"]


def test_a_longer_term_typed_across_groups_wins_over_a_groups_own_shorter_term() -> None:
    # "soạn thảo, ban hành văn bản" is read as two groups, "soạn thảo" and "ban hành văn bản"; the
    # longer term typed over both holds the second group's place, as it would in one run.
    drafting = {"broader": ["soạn thảo, ban hành văn bản"], "narrower": ["thể thức", "kỹ thuật trình bày"],
                "why": "Nghị định 30/2020/NĐ-CP, Chương II: drafting is form and technique."}
    issuing = {"broader": ["ban hành văn bản"], "narrower": ["ban hành quy chế", "ban hành kế hoạch"],
               "why": "Nghị định 30/2020/NĐ-CP, Điều 7: the kinds a body issues."}
    concepts = compile_concepts([issuing, drafting])
    for text in ("soạn thảo, ban hành văn bản đúng thể thức", "soan thao ban hanh van ban"):
        plan = plan_query(text)
        assert len(plan.groups) >= 2, text
        assert [c.name for c in asked_concepts(text, plan, concepts)] == ["soạn thảo, ban hành văn bản"], text
    text = "kết quả tốt trong ban hành văn bản"
    assert [c.name for c in asked_concepts(text, plan_query(text), concepts)] == ["ban hành văn bản"]


def test_the_shipped_sanctions_entry_does_not_also_ask_about_breaches() -> None:
    assert [c.name for c in _asked("xử lý vi phạm").concepts] == ["xử lý kỷ luật"]
    assert [c.name for c in _asked("cán bộ đi muộn bị xử lý vi phạm thế nào").concepts] == ["xử lý kỷ luật"]


def test_a_narrower_term_the_query_already_holds_is_left_to_the_query_words() -> None:
    (equipment,) = asked_concepts("thiếu máy lấy số và trang thiết bị", Plan(), compile_concepts([EQUIPMENT]))
    assert ("máy", "lấy", "số") not in equipment.narrower and ("ghế", "chờ") in equipment.narrower


def test_the_feature_is_the_share_of_the_querys_concepts_a_finding_names_an_instance_of() -> None:
    asked = _asked("cơ sở vật chất bộ phận một cửa")
    assert [c.name for c in asked.concepts] == ["cơ sở vật chất"]
    listed = Candidate(_rec("a", "Bộ phận một cửa được bố trí ghế chờ, máy lấy số tự động và 02 máy vi"
                                 " tính."), 3)
    said = Candidate(_rec("b", "Cơ sở vật chất của bộ phận một cửa còn thiếu, chưa có ghế chờ."), 0)
    other = Candidate(_rec("c", "Công chức đi muộn, về sớm."), 1)
    assert concepts_held(listed, asked, 30) == 1.0
    # Naming the concept itself, the finding ranks by the query's words: the instance adds nothing.
    assert concepts_held(said, asked, 30) == 0.0
    assert concepts_held(other, asked, 30) == 0.0
    assert concepts_held(listed, _asked("hồ sơ quá hạn"), 30) == 0.0  # no concept asked
    assert "concepts" in FEATURES


def test_an_instance_counts_as_written_not_by_a_syllable_inside_another_word() -> None:
    asked = _asked("ứng dụng công nghệ thông tin")
    signed = Candidate(_rec("a", "Lãnh đạo UBND xã chưa sử dụng chữ ký số trên văn bản điện tử."), 0)
    number = Candidate(_rec("b", "Số hồ sơ ký nhận chữ số liệu."), 0)
    assert concepts_held(signed, asked, 30) == 1.0
    assert concepts_held(number, asked, 30) == 0.0


def test_share_held_counts_each_concept_once_however_many_instances() -> None:
    concepts = compile_concepts([EQUIPMENT, ICT])
    assert share_held(concepts, lambda alt: alt.syllables == ("máy", "tính")) == 1.0
    assert share_held(concepts, lambda alt: alt.syllables == ("ghế", "chờ")) == 0.5
    assert share_held(concepts, lambda alt: alt.syllables in {("ghế", "chờ"), ("máy", "lấy", "số")}) == 0.5
    # An instance beside the concept's own name is the concept said in its words, not in others.
    beside = {("ghế", "chờ"), ("trang", "thiết", "bị")}
    assert share_held(concepts, lambda alt: alt.syllables in beside) == 0.0
    assert share_held((), lambda alt: True) == 0.0


# ---------------------------------------------------------------------------------------- the shipped entries


@pytest.mark.parametrize(("query", "concept", "instance", "unrelated"), [
    # Luật Hộ tịch 2014, Điều 3: a birth registration is a civil-status act, asked as "hộ tịch".
    ("giải quyết hộ tịch ở xã có đúng hạn không?", "hộ tịch",
     "Hồ sơ đăng ký khai sinh của công dân chậm chuyển sang công an xã.",
     "Bộ phận một cửa niêm yết đủ thủ tục hành chính."),
    # Nghị định 61/2018, Điều 19: timeliness is reported as the late share and the apologies.
    ("kết quả giải quyết đúng hạn", "đúng hạn",
     "Tỷ lệ hồ sơ trễ hạn giảm so với cùng kỳ, đã gửi thư xin lỗi công dân.",
     "Bộ phận một cửa bố trí đủ ghế chờ."),
    # Nghị định 112/2020: a review meeting is how a breach is handled.
    ("kiến nghị xử lý cán bộ vi phạm", "xử lý kỷ luật",
     "Huyện yêu cầu các xã tổ chức họp kiểm điểm những người vắng mặt.",
     "Xã đã niêm yết đầy đủ thủ tục hành chính."),
    # Chỉ thị 26/CT-TTg: an absence from the office in working hours is a breach.
    ("cán bộ vi phạm kỷ luật", "vi phạm",
     "Tại thời điểm kiểm tra, 5 công chức vắng mặt không lý do.",
     "Công chức tiếp dân niềm nở, tận tình."),
    # Nghị quyết 76/NQ-CP: public finance is written as funds, fees, internal spending rules.
    ("thu chi tài chính xã sai quy định", "thu quỹ",
     "Xã vận động đóng góp quỹ đền ơn đáp nghĩa theo chỉ tiêu.",
     "Xã chưa ban hành kế hoạch tuyên truyền."),
    # Nghị quyết 18-NQ/TW, Nghị định 107/2020: the apparatus is counted in staff and deputies.
    ("bất cập trong bộ máy cấp sở", "tổ chức bộ máy",
     "Sở hiện có 6 phó giám đốc, vượt số lượng cấp phó.",
     "Sở đã số hóa kết quả giải quyết."),
    # The 2025 reorganisation: the two-level government is written as its steps.
    ("khó khăn của chính quyền địa phương hai cấp", "chính quyền địa phương hai cấp",
     "Sau sáp nhập, nhân sự cấp xã nơi thừa, nơi thiếu.",
     "Công chức đi muộn, về sớm."),
    # Quyết định 3096/QĐ-BNV: SIPAS is measured by a survey, which the reports tell, never the acronym.
    ("SIPAS mức độ hài lòng người dân", "sipas",
     "Số lượng phiếu thăm dò tổ chức, cá nhân còn thấp.",
     "Xã chưa niêm yết đủ thủ tục hành chính."),
    # Quyết định 1291/QĐ-BNV: the PAR index's result is told as grades and the units leading it.
    ("kết quả PAR Index các sở ngành", "chỉ số cải cách hành chính",
     "Có 8 sở, ngành xếp loại tốt; đứng đầu là Sở Nội vụ.",
     "Sở đã ban hành kế hoạch tuyên truyền."),
    # The TTHC catalogue files the land certificate's procedures under the field "đất đai".
    ("hồ sơ đất đai quá hạn", "lĩnh vực đất đai",
     "Còn 12 hồ sơ cấp giấy chứng nhận quyền sử dụng đất trễ hạn.",
     "Còn 3 hồ sơ đăng ký khai sinh trễ hạn."),
    # Nghị định 30/2020/NĐ-CP, Điều 7: issuing is said as the verb with the kind issued.
    ("kết quả tốt về xây dựng, ban hành văn bản", "ban hành văn bản",
     "Xã đã ban hành quy chế làm việc của UBND xã.",
     "Quyết định số 12/QĐ-UBND về thành lập đoàn kiểm tra."),
    # Nghị định 30/2020/NĐ-CP: a body steers by chỉ thị, công văn, công điện.
    ("triển khai văn bản chỉ đạo của cấp trên", "văn bản chỉ đạo",
     "Xã chưa triển khai Chỉ thị số 10/CT-UBND của UBND huyện.",
     "Xã chưa bố trí máy lấy số thứ tự."),
    # Luật Ban hành VBQPPL: a province's legal documents are its council's nghị quyết.
    ("công tác VBQPPL", "văn bản quy phạm pháp luật",
     "HĐND tỉnh đã ban hành 25 nghị quyết trong năm.",
     "Xã chưa niêm yết đủ thủ tục hành chính."),
    # Nghị định 37/2014 and 108/2020/NĐ-CP: a district's offices are named one by one.
    ("kiểm tra các phòng chuyên môn thuộc UBND huyện", "phòng chuyên môn",
     "Phòng Tư pháp chưa cập nhật sổ theo dõi hồ sơ.",
     "Xã chưa bố trí máy lấy số thứ tự."),
    # Nghị định 30/2020/NĐ-CP: an electronic document is signed digitally and sent by the system.
    ("sử dụng văn bản điện tử", "văn bản điện tử",
     "Xã đã ký số 100% văn bản đi trên phần mềm quản lý văn bản và điều hành.",
     "Công chức đi muộn, về sớm."),
    # Luật Tổ chức chính quyền địa phương: a committee's leaders are its chair and vice-chairs.
    ("lãnh đạo xã vắng mặt", "lãnh đạo xã",
     "Lúc 14 giờ chỉ có một Phó Chủ tịch UBND xã có mặt tại trụ sở.",
     "Xã chưa niêm yết đủ thủ tục hành chính."),
    # Nghị quyết 68/NQ-CP: simplifying procedures is reported as what it cut, or as still cumbersome.
    ("rà soát đơn giản hoá thủ tục hành chính", "đơn giản hóa thủ tục hành chính",
     "Một số thủ tục hành chính vẫn còn rườm rà, nhiều giấy tờ.",
     "Xã chưa bố trí máy lấy số thứ tự."),
    ("đơn vị nào đã đơn giản hóa quy trình", "đơn giản hóa thủ tục hành chính",
     "Sở đã rút ngắn thời gian giải quyết 20 thủ tục so với quy định.",
     "Công chức đi muộn, về sớm."),
    # Nghị định 112/2020/NĐ-CP: "xử lý nghiêm" is answered by the step taken.
    ("xử lý nghiêm cán bộ vi phạm", "xử lý kỷ luật",
     "Đoàn yêu cầu tổ chức kiểm điểm công chức địa chính.",
     "Công chức tiếp dân niềm nở, tận tình."),
])
def test_the_shipped_concepts_read_a_query_and_its_instance(query: str, concept: str, instance: str,
                                                            unrelated: str) -> None:
    asked = _asked(query)
    assert concept in [c.name for c in asked.concepts]
    one = [c for c in asked.concepts if c.name == concept]
    assert concepts_held(Candidate(_rec("a", instance), 0), replace(asked, concepts=tuple(one)),
                         30) == 1.0
    assert concepts_held(Candidate(_rec("b", unrelated), 0), asked, 30) == 0.0


def test_finance_is_asked_by_its_name_and_a_finding_naming_it_earns_nothing_for_it() -> None:
    # "tài chính" heads the finance concept; a query naming it asks it (the fields are written
    # "trong lĩnh vực tài chính"), and a finding naming it already ranks by the query's words.
    asked = _asked("quản lý tài chính xã")
    assert [c.name for c in asked.concepts] == ["thu quỹ"]
    said = Candidate(_rec("a", "Trong lĩnh vực tài chính, xã thu quỹ sai quy định."), 0)
    assert concepts_held(said, asked, 30) == 0.0


@pytest.mark.parametrize("text", ["chính quyền địa phương hai cấp", "chinh quyen 2 cap",
                                  "khó khăn của chính quyền hai cấp"])
def test_the_two_level_government_is_asked_about_as_the_merged_communes_running(text: str) -> None:
    """The 2025 two-level local government is written as the merged units and their running
    (concepts.toml): the news on a new ward answers the query that names the model, any of its
    spellings (its synonyms, synonyms.toml); a finding naming the model itself ranks by the words."""
    asked = _asked(text)
    assert "chính quyền địa phương hai cấp" in [c.name for c in asked.concepts]
    merged = Candidate(_rec("a", "Phường mới sau sáp nhập đã đi vào hoạt động ổn định."), 0)
    named = Candidate(_rec("b", "Chính quyền địa phương 2 cấp vận hành ổn định sau sáp nhập."), 0)
    unrelated = Candidate(_rec("c", "Công chức đi muộn, về sớm."), 0)
    assert concepts_held(merged, asked, 30) > 0 and concepts_held(named, asked, 30) == 0.0
    assert concepts_held(unrelated, asked, 30) == 0.0


@pytest.mark.parametrize("text", ["ưu điểm chuyển đổi số", "hạ tầng công nghệ thông tin",
                                  "ung dung cntt trong cchc", "kết quả tích cực về chính quyền số"])
def test_e_government_is_answered_by_its_tools_not_by_the_iso_quality_system(text: str) -> None:
    """ISO 9001 (Quyết định 19/2014/QĐ-TTg) is a management standard, no tool of IT: a finding on
    it answers no query on e-government or digital transformation, while the software, the LAN
    and the digital signature do (concepts.toml)."""
    asked = _asked(text)
    tool = Candidate(_rec("a", "Các đơn vị đã trang bị mạng nội bộ và triển khai tốt phần mềm một cửa."), 0)
    iso = Candidate(_rec("b", "Xã duy trì tốt hệ thống quản lý chất lượng theo TCVN ISO 9001:2015."), 0)
    assert concepts_held(tool, asked, 30) > 0
    assert concepts_held(iso, asked, 30) == 0.0


def test_the_modernisation_task_is_answered_by_its_tools_and_by_the_iso_quality_system() -> None:
    """Nghị quyết 76/NQ-CP's "hiện đại hóa hành chính" holds both halves: IT and ISO 9001."""
    asked = _asked("kết quả hiện đại hóa hành chính")
    iso = Candidate(_rec("b", "Xã duy trì tốt hệ thống quản lý chất lượng theo TCVN ISO 9001:2015."), 0)
    tool = Candidate(_rec("a", "Xã đã ký số 100% văn bản đi trên phần mềm quản lý văn bản."), 0)
    assert concepts_held(iso, asked, 30) > 0 and concepts_held(tool, asked, 30) > 0


def test_the_plan_carries_the_instances_of_the_concepts_a_query_asks_for_the_engines() -> None:
    """plan_query gives the engines the narrower terms of the concepts asked (Plan.instances),
    which rank the matter tier's findings holding none of the query's words (Plan.bare_ranked),
    with or without accents typed; a narrower term the query holds itself is its own word, not an
    instance, and a query naming no concept has none."""
    for text in ("cơ sở vật chất bộ phận một cửa", "co so vat chat bo phan mot cua"):
        plan = plan_query(text)
        instances = {" ".join(a.syllables) for a in plan.instances}
        assert {"máy lấy số", "ghế chờ"} <= instances, text
        assert {"máy lấy số", "ghế chờ"} <= {" ".join(a.syllables) for a in plan.bare_ranked}, text
    typed = {" ".join(a.syllables) for a in plan_query("cơ sở vật chất máy lấy số").instances}
    assert "ghế chờ" in typed and "máy lấy số" not in typed
    assert plan_query("đeo thẻ công chức").instances == ()
    assert plan_query("").instances == ()


def test_the_reranker_reads_the_concepts_asked_from_the_plan() -> None:
    """The concepts a query asks are worked out once, by plan_query (Plan.concepts), for the
    engines (their instances) and the reranker alike: Asked takes the plan's, and a plan holding
    none gives the reranker none, whatever the query's text says."""
    text = "cơ sở vật chất bộ phận một cửa"
    plan = plan_query(text)
    assert [c.name for c in plan.concepts] == ["cơ sở vật chất"]
    assert Asked.of(Query(text=text), plan).concepts == plan.concepts
    assert Asked.of(Query(text=text), Plan()).concepts == ()


@pytest.mark.parametrize(("query", "concept", "instance"), [
    ("cơ sở vật chất bộ phận một cửa", "cơ sở vật chất",
     "Trụ sở UBND xã xuống cấp, phòng làm việc chật hẹp."),
    ("kết quả tốt về kiện toàn, sắp xếp bộ máy", "tổ chức bộ máy", "Huyện đã sáp nhập 3 phòng chuyên môn."),
    ("vận hành chính quyền 2 cấp", "chính quyền địa phương hai cấp",
     "Phường mới đã bố trí trụ sở mới và trang thiết bị."),
])
def test_the_office_where_staff_were_found_is_no_instance(query: str, concept: str, instance: str) -> None:
    """"trụ sở" alone is where the inspections of working hours found staff present or absent, no
    facility, asset or merged unit; nor "cơ quan, đơn vị hành chính" (any body) the apparatus
    (concepts.toml, session 25): the premises judged or new still are."""
    asked = _asked(query)
    one = tuple(c for c in asked.concepts if c.name == concept)
    assert one
    assert concepts_held(Candidate(_rec("a", instance), 0), replace(asked, concepts=one), 30) == 1.0
    for absent in ("Lúc 15 giờ, 4/7 công chức vắng mặt tại trụ sở.",
                   "Các cơ quan, đơn vị hành chính cấp tỉnh đã áp dụng ISO 9001."):
        assert concepts_held(Candidate(_rec("b", absent), 0), replace(asked, concepts=one), 30) == 0.0
