"""The reform's own map as vocabulary (session 25, vocab25): the task areas of Nghị quyết 76/NQ-CP and
the criteria of the CCHC index, named as the programme, the reports and staff name them
(index/vi/synonyms.toml, concepts.toml; nlp/vi/themes.toml [areas]). Each test plans or ranks what
a staff member types about one area, with and without accents, against findings written as the
genre writes them (our own sentences)."""

from __future__ import annotations

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query
from index.query import plan_query
from index.rerank import Asked, Candidate, concepts_held
from pipeline.search import query_areas


def _groups(text: str) -> list[set[str]]:
    """Each group of `text`'s plan, as its alternatives' syllables joined by spaces."""
    return [{" ".join(a.syllables) for a in g.alternatives} for g in plan_query(text).groups]


def _rec(fid: str, text: str) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words="",
                         polarity=Polarity.SHORTCOMING, area=Area.CONG_VU, year=2024)


def _held(query: str, finding: str) -> float:
    return concepts_held(Candidate(_rec("a", finding), 0), Asked.of(Query(text=query), plan_query(query)), 30)


# -------------------------------------------------------------------------------- the civil service


@pytest.mark.parametrize("typed", ["cải cách công vụ", "cải cách chế độ công vụ", "cai cach che do cong vu",
                                   "cai cach cong vu"])
def test_the_civil_service_area_is_one_term_under_both_programmes_names(typed: str) -> None:
    """Nghị quyết 76/NQ-CP's "cải cách chế độ công vụ" and the reports' "cải cách công vụ": one group,
    never "cải cách" and "công vụ" apart (which met in "cải cách hành chính và hoạt động công vụ")."""
    (group,) = _groups(typed)
    assert {"cải cách công vụ", "cải cách chế độ công vụ"} <= group or \
        {"cai cach cong vu", "cai cach che do cong vu"} <= group, group
    assert query_areas(typed) == ("cong_vu",)


@pytest.mark.parametrize("finding", [
    "UBND xã tổ chức thi tuyển công chức chưa đúng quy trình", "Một số công chức đi muộn, không đeo thẻ",
    "Chưa phê duyệt đề án vị trí việc làm và cơ cấu ngạch công chức",
    "Còn 3 công chức cấp xã chưa đạt chuẩn về trình độ chuyên môn"])
def test_the_civil_service_area_is_answered_by_its_criteria(finding: str) -> None:
    """The index scores the area by hiring, job positions, discipline and the commune officials'
    standard: a finding on any answers a query on the area (concepts.toml, `includes` for the last two)."""
    assert _held("hạn chế trong cải cách chế độ công vụ", finding) > 0
    assert _held("hạn chế trong cải cách chế độ công vụ", "Niêm yết thủ tục hành chính chưa đầy đủ") == 0.0


@pytest.mark.parametrize("typed", ["đánh giá, xếp loại cán bộ", "đánh giá phân loại công chức",
                                   "danh gia xep loai can bo"])
def test_the_yearly_review_is_one_procedure_under_both_decrees_names(typed: str) -> None:
    """Nghị định 56/2015's "đánh giá và phân loại" and 90/2020's "đánh giá, xếp loại chất lượng"."""
    said = set().union(*_groups(typed))
    assert {"đánh giá xếp loại", "đánh giá phân loại"} <= said or \
        {"danh gia xep loai", "danh gia phan loai"} <= said, said


def test_praise_and_an_index_grade_are_not_the_yearly_review() -> None:
    """Typed apart, "đánh giá" (the inspection's praise) and "xếp loại" (an index's grade) stay words."""
    groups = _groups("đoàn đánh giá cao, đơn vị xếp loại tốt")
    assert not any("đánh giá xếp loại" in g for g in groups), groups


@pytest.mark.parametrize("typed", ["chuyển đổi vị trí công tác", "định kỳ chuyển đổi vị trí công tác"])
def test_the_rotation_of_officials_is_one_term_not_transformation_and_job_positions(typed: str) -> None:
    groups = _groups(typed)
    assert len(groups) == 1 and "chuyển đổi vị trí công tác" in groups[0], groups
    assert not any("chuyển đổi số" in g for g in groups)


# -------------------------------------------------------------------------------- finance, apparatus


@pytest.mark.parametrize("typed", ["tài chính công", "tai chinh cong", "cải cách tài chính công"])
def test_public_finance_finds_the_findings_on_finance_one_way(typed: str) -> None:
    """The reports write "lĩnh vực tài chính", never "tài chính công": the area brings "tài chính", and
    "công" is no required word of its own (it is in công chức, công khai)."""
    groups = _groups(typed)
    wanted = ({"tài chính", "tài chính công"}, {"tai chinh", "tai chinh cong"})
    assert any(w <= g for w in wanted for g in groups), groups
    assert not any(g in ({"công"}, {"cong"}) for g in groups), groups
    assert not any("tài chính công" in g for g in _groups("sai phạm tài chính"))


def test_the_areas_criteria_answer_a_query_on_public_finance() -> None:
    assert _held("cải cách tài chính công", "Tỷ lệ giải ngân vốn đầu tư công của huyện còn thấp") > 0


def test_a_staffing_quota_is_a_matter_of_posts_one_way() -> None:
    """Staff say "định biên" of what the reports write "biên chế"; "biên chế" typed stays itself."""
    assert any({"định biên", "biên chế"} <= g for g in _groups("định biên cán bộ xã không đủ"))
    assert not any("định biên" in g for g in _groups("tinh giản biên chế"))


# -------------------------------------------------------------------------------- e-government


@pytest.mark.parametrize("typed", ["chính quyền số", "chinh quyen so", "xây dựng chính phủ số"])
def test_digital_government_finds_digital_transformation_one_way(typed: str) -> None:
    """Quyết định 749/QĐ-TTg: chính phủ số is the first pillar of chuyển đổi số; typed, it is one term
    (not "chính quyền" and a lone "số"), bringing the transformation the reports write."""
    groups = _groups(typed)
    assert any("chuyển đổi số" in g or "chuyen doi so" in g for g in groups), groups
    assert not any(g in ({"số"}, {"so"}) for g in groups), groups
    assert not any("chính quyền số" in g or "chính phủ số" in g for g in _groups("chuyển đổi số"))


def test_digital_government_is_not_electronic_government() -> None:
    """Session 17's rejection stands: the two periods' programmes are named together, no set."""
    assert not any("chính quyền điện tử" in g for g in _groups("chính quyền số"))


# ------------------------------------------------------------------------- steering, institutions, the index


@pytest.mark.parametrize("typed", ["chỉ đạo điều hành", "cong tac chi dao, dieu hanh"])
def test_the_steering_area_is_named_by_its_heading(typed: str) -> None:
    assert query_areas(typed) == ("chi_dao",)


def test_the_leadership_heading_names_no_area() -> None:
    """"lãnh đạo, chỉ đạo CCHC" is the heading's other form, but as the area it lowered the judged
    unit queries (themes.toml [areas]); alone it is the Party committee's leadership of any task."""
    assert query_areas("Vị Xuyên lãnh đạo, chỉ đạo CCHC") == ()
    assert query_areas("lãnh đạo, chỉ đạo thực hiện quy tắc ứng xử") == ()


def test_the_steering_area_is_answered_by_its_plan_and_self_inspection_not_by_every_criterion() -> None:
    """The yearly plan and self-inspection answer a query on steering; the index's other criteria of
    the area (initiatives, tasks given) are no instances: measured, the judges do not read them so."""
    assert _held("hạn chế trong chỉ đạo, điều hành", "Chưa thực hiện tự kiểm tra công tác CCHC") > 0
    assert _held("hạn chế trong chỉ đạo, điều hành", "Chưa có sáng kiến, giải pháp mới trong CCHC") == 0.0


@pytest.mark.parametrize("finding", [
    "Chưa thực hiện kiểm tra văn bản sau khi ban hành theo quy định",
    "Công tác rà soát, hệ thống hóa văn bản chưa kịp thời",
    "Chưa thực hiện theo dõi thi hành pháp luật trên địa bàn",
])
def test_the_institutional_area_is_answered_by_the_stages_of_its_documents(finding: str) -> None:
    assert _held("công tác văn bản quy phạm pháp luật", finding) > 0


def test_the_index_is_answered_by_a_bodys_own_scoring_and_its_evidence() -> None:
    assert _held("chỉ số CCHC", "Việc tự chấm điểm chưa kèm tài liệu kiểm chứng đầy đủ") > 0


def test_the_legal_normative_kind_typed_short_alone_brings_its_words_one_way() -> None:
    """"rà soát QPPL" finds "văn bản quy phạm pháp luật"; the words typed stay free of the letters."""
    assert any("quy pham phap luat" in g for g in _groups("rà soát QPPL"))
    assert _groups("quy phạm pháp luật") == [{"quy phạm pháp luật"}]
