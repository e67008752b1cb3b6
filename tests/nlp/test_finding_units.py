"""finding_units: which units a finding judges, on sentences written for these tests."""

from __future__ import annotations

import pytest

from core.normalize import nfc
from nlp.finding_units import content_start, finding_units
from nlp.units import find_units


def named(text: str, finding: str | None = None) -> list[str]:
    """Units of `finding` (a span of `text`, the whole text by default)."""
    text = nfc(text)
    finding = nfc(finding) if finding else text
    start = text.index(finding)
    return list(finding_units(text, start, start + len(finding), find_units(text)))


def test_the_judged_commune_not_the_district_that_locates_it() -> None:
    assert named("Xã Phú Lộc, huyện Krông Năng có 12 cán bộ nhưng vắng 7 người.") == ["Phú Lộc"]
    assert named("Bộ phận một cửa của thị trấn Tân Thạnh (huyện Châu Thành) vẫn trực đủ.") == ["Tân Thạnh"]


def test_the_province_after_a_district_only_locates_it() -> None:
    assert named("Phòng Nội vụ huyện Yên Thành, Nghệ An chưa cập nhật hồ sơ cán bộ.") == ["Yên Thành"]


@pytest.mark.parametrize("text", [
    "Văn phòng UBND tỉnh Quảng Ngãi cho biết nhiều xã còn để hồ sơ quá hạn.",
    "Chủ tịch UBND tỉnh Quảng Ngãi yêu cầu các sở, ngành rà soát hồ sơ trễ hạn.",
    "Theo Văn phòng UBND tỉnh Quảng Ngãi, 40% hồ sơ quá hạn do phần mềm lỗi.",
    "Bí thư Tỉnh ủy Quảng Ngãi đánh giá cao tinh thần phục vụ của cán bộ trung tâm.",
])
def test_a_speaker_or_source_is_not_the_judged_unit(text: str) -> None:
    assert named(text) == []


def test_the_object_of_a_demand_is_judged_but_its_speaker_is_not() -> None:
    text = ("Chủ tịch UBND tỉnh Quảng Ngãi yêu cầu Chủ tịch UBND các huyện Mộ Đức, Đức Phổ và "
            "TX.Ba Tơ làm rõ nguyên nhân hồ sơ trễ hạn.")
    assert set(named(text)) == {"Mộ Đức", "Đức Phổ", "Ba Tơ"}


def test_a_reported_clause_may_hold_a_second_speaker() -> None:
    text = ("Văn phòng UBND tỉnh Quảng Ngãi cho biết Chủ tịch UBND tỉnh này đã yêu cầu UBND "
            "huyện Mộ Đức khắc phục ngay tình trạng hồ sơ quá hạn.")
    assert named(text) == ["Mộ Đức"]


def test_a_place_or_addressee_before_the_speaker_stays() -> None:
    text = "Có mặt tại trụ sở UBND xã Nghĩa Kỳ lúc 8 giờ, đoàn ghi nhận cán bộ trực đầy đủ."
    assert named(text) == ["Nghĩa Kỳ"]
    text = "Huyện đã gửi đến UBND các xã Nghĩa Kỳ, Nghĩa Thắng yêu cầu kiểm điểm cán bộ vắng mặt."
    assert named(text) == ["Nghĩa Kỳ", "Nghĩa Thắng"]


def test_a_judgement_before_a_demand_keeps_its_unit() -> None:
    text = "UBND xã Nghĩa Kỳ chưa niêm yết thủ tục, đề nghị xã khắc phục trong tháng."
    assert named(text) == ["Nghĩa Kỳ"]


def test_the_issuer_of_a_cited_directive_is_not_judged() -> None:
    text = ("Nhìn chung các đơn vị thực hiện nghiêm các chỉ đạo của UBND tỉnh Quảng Ngãi về "
            "kỷ cương hành chính.")
    assert named(text) == []
    text = ("Các xã thực hiện đúng Chỉ thị số 05/CT-UBND về việc nâng cao trách nhiệm của cán bộ "
            "tỉnh Quảng Ngãi.")
    assert named(text) == []


def test_the_body_reported_to_is_not_judged() -> None:
    text = "Các địa phương phải báo cáo Chủ tịch UBND tỉnh Quảng Ngãi kết quả trước ngày 10."
    assert named(text) == []


def test_a_passive_judgement_is_not_a_speaker() -> None:
    text = "Công tác CCHC của xã Nghĩa Kỳ được đánh giá cao trong đợt kiểm tra."
    assert named(text) == ["Nghĩa Kỳ"]


def test_only_names_inside_the_finding_count() -> None:
    text = "Đoàn làm việc tại xã Nghĩa Kỳ. Hồ sơ một cửa còn thiếu phiếu hẹn."
    assert named(text, "Hồ sơ một cửa còn thiếu phiếu hẹn") == []


def test_a_unit_a_finding_judges_becomes_inspected() -> None:
    from nlp.finding_units import judged_units, with_judged_as_inspected

    text = nfc("Báo cáo quý III có số liệu của huyện Krông Búk. Huyện Lắk còn để 12 hồ sơ quá hạn.")
    mentions = find_units(text)
    assert {m.unit.role for m in mentions} == {"other"}  # no cue of the unit finder's own
    finding = "Huyện Lắk còn để 12 hồ sơ quá hạn"
    start = text.index(finding)
    judged = judged_units(text, start, start + len(finding), mentions)
    roles = {m.unit.name: m.unit.role for m in with_judged_as_inspected(mentions, judged)}
    assert roles["Lắk"] == "inspected"
    assert roles["Krông Búk"] == "other"  # not judged by this finding


def test_a_holder_of_unnamed_communes_is_named_but_not_made_inspected() -> None:
    from nlp.finding_units import judged_units, with_judged_as_inspected

    text = nfc("Báo cáo quý III: nhiều công chức cấp xã ở huyện Gia Lâm còn chưa đạt chuẩn.")
    mentions = find_units(text)
    finding = "nhiều công chức cấp xã ở huyện Gia Lâm còn chưa đạt chuẩn"
    start = text.index(finding)
    assert finding_units(text, start, start + len(finding), mentions) == ("Gia Lâm",)
    judged = judged_units(text, start, start + len(finding), mentions, subjects_only=True)
    assert judged == []
    assert [m.unit.role for m in with_judged_as_inspected(mentions, judged)] == ["other"]


@pytest.mark.parametrize("text", [
    "Xã đã ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính",
    "Huyện đã tổ chức thông tin, tuyên truyền về quy tắc ứng xử",
    "Hệ thống thông tin giải quyết TTHC của tỉnh vận hành ổn định",
])
def test_thong_tin_in_a_compound_noun_is_nobody_speaking(text: str) -> None:
    assert content_start(text) == 0


def test_the_content_begins_after_the_speaker_or_the_source() -> None:
    demand = "Chủ tịch UBND tỉnh yêu cầu các sở bảo đảm hồ sơ được giải quyết đúng hạn"
    assert demand[content_start(demand):].strip().startswith("các sở")
    sourced = "Theo Sở Nội vụ, tỷ lệ hồ sơ đúng hạn đạt 98%"
    assert sourced[content_start(sourced):].strip().startswith("tỷ lệ")
    informs = "Văn phòng UBND tỉnh thông tin, có 61% hồ sơ quá hạn do lỗi đồng bộ"
    assert informs[content_start(informs):].strip(" ,").startswith("có 61%")


@pytest.mark.parametrize("text", [
    "Đoàn kiểm tra của UBND tỉnh Quảng Ngãi ghi nhận nhiều xã còn để hồ sơ quá hạn.",
    "Qua kiểm tra của Đoàn kiểm tra tỉnh Quảng Ngãi, nhiều công chức còn đi muộn.",
    "Một số tồn tại do UBND tỉnh Quảng Ngãi kiểm tra chỉ ra chưa được khắc phục.",
    "Đoàn kiểm tra CCHC tỉnh Quảng Ngãi nhận xét công tác niêm yết còn thiếu sót.",
    # the table's words added when the document's cues came to it (core/inspectors.toml)
    "Đoàn giám sát của HĐND tỉnh Quảng Ngãi nhận xét công tác niêm yết còn thiếu sót.",
    "Những hạn chế do Ban chỉ đạo cải cách hành chính tỉnh Quảng Ngãi chỉ ra chưa được khắc phục.",
])
def test_the_inspecting_body_is_not_the_judged_unit(text: str) -> None:
    assert named(text) == []


def test_a_unit_the_team_inspects_is_judged_beside_the_inspector() -> None:
    # "Đoàn kiểm tra xã A" is as often "the team inspected commune A": no owner word, no inspector
    assert named("Đoàn kiểm tra xã Phú Lộc còn 5 hồ sơ quá hạn chưa xin lỗi công dân.") == ["Phú Lộc"]
    text = "Đoàn kiểm tra của UBND huyện Krông Năng ghi nhận xã Phú Lộc còn để hồ sơ quá hạn."
    assert named(text) == ["Phú Lộc"]
