"""Finding.passage_units (nlp.finding_units.carried_units): which inspected unit a finding naming
none is about, from the passage around it.

The texts are written for these tests in the shape inspection reports and news take: one report
inspecting a commune and its district, each one's findings in its own passage.
"""

from __future__ import annotations

from spacy.language import Language

from core.attribution import attribute
from core.models import Document, Extraction, Source
from nlp.extract import extract

TWO_UNITS = (
    "Ngày 12/4/2022, Đoàn kiểm tra CCHC tỉnh đã đến kiểm tra tại xã Mỹ Long và UBND huyện Cao Lãnh.\n\n"
    "Trong thực hiện CCHC tại UBND xã Mỹ Long có những ưu điểm là xã đã ban hành Kế hoạch CCHC năm 2022"
    " với những nội dung phù hợp; bố trí cán bộ một cửa đúng chuyên môn, hướng dẫn thủ tục tận tình."
    " Việc thực hiện cơ chế một cửa các lĩnh vực đất đai, hộ tịch, hồ sơ giải quyết hầu hết đúng hạn.\n\n"
    "Tuy nhiên, xã còn một số hạn chế như phiếu hẹn, sổ theo dõi còn một số nội dung chưa khớp;"
    " còn nhận dư đơn so với quy định.\n\n"
    "Qua kết quả kiểm tra tại cấp huyện, UBND huyện Cao Lãnh đã ban hành Kế hoạch CCHC năm 2022 và có"
    " tổ chức kiểm tra từ đầu năm. Bộ phận Tiếp nhận và Trả kết quả đã thực hiện cơ chế một cửa liên thông"
    " trên nhiều lĩnh vực.\n\n"
    "Bên cạnh kết quả đạt được, huyện vẫn còn một số tồn tại như phần mềm tại Bộ phận một cửa chưa liên"
    " thông đầy đủ các lĩnh vực, kiosk tra cứu thủ tục hành chính chưa cập nhật theo quy định mới.\n\n"
)


def _extract(nlp: Language, text: str) -> Extraction:
    source = Source(path="bao-cao.txt", sha256="0" * 64, format="txt", reader="txt")
    return extract(Document("bao-cao", text, (), source), nlp=nlp)


def _about(extraction: Extraction, words: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(units named, passage units, the attributed units' names) of the finding holding `words`."""
    finding = next(f for f in extraction.findings if words in f.text)
    attribution = attribute(finding, extraction.units)
    return finding.units, finding.passage_units, tuple(u.name for u in attribution.units)


def test_a_lead_in_names_the_unit_its_list_is_about(nlp: Language) -> None:
    extraction = _extract(nlp, TWO_UNITS)
    named, passage, attributed = _about(extraction, "bố trí cán bộ một cửa")
    assert named == ("Mỹ Long",)  # the sentence names it in the lead-in the span leaves out
    assert attributed == ("Mỹ Long",)  # not the district inspected in the next passage


def test_a_unit_the_first_item_names_is_not_named_by_the_items_after_it(nlp: Language) -> None:
    text = TWO_UNITS + (
        "UBND huyện Cao Lãnh đã tập trung chỉ đạo, điều hành công tác CCHC; song kết quả thực hiện CCHC"
        " tại địa phương có sự tụt hậu so với năm 2021.\n"
    )
    named, passage, attributed = _about(_extract(nlp, text), "có sự tụt hậu")
    assert named == ()  # the gold leaves such an item unnamed
    assert passage == ("huyện Cao Lãnh",) and attributed == ("Cao Lãnh",)  # but it is Cao Lãnh's, carried


def test_the_passage_goes_on_past_its_sentence_and_a_level_word_alone(nlp: Language) -> None:
    extraction = _extract(nlp, TWO_UNITS)
    assert _about(extraction, "hồ sơ giải quyết hầu hết đúng hạn")[1] == ("xã Mỹ Long",)
    assert _about(extraction, "còn nhận dư đơn")[1] == ("xã Mỹ Long",)  # "xã còn một số hạn chế như"


def test_a_new_unit_judged_starts_its_own_passage(nlp: Language) -> None:
    extraction = _extract(nlp, TWO_UNITS)
    assert _about(extraction, "Bộ phận Tiếp nhận và Trả kết quả")[1:] == (("huyện Cao Lãnh",), ("Cao Lãnh",))
    assert _about(extraction, "kiosk tra cứu")[2] == ("Cao Lãnh",)


def test_many_units_at_once_end_the_passage(nlp: Language) -> None:
    text = TWO_UNITS + "Nhìn chung, các đơn vị được kiểm tra còn chậm cập nhật thủ tục hành chính mới.\n"
    named, passage, attributed = _about(_extract(nlp, text), "còn chậm cập nhật")
    assert passage == ()
    assert set(attributed) == {"Mỹ Long", "Cao Lãnh"}  # the document's inspected units


def test_a_plural_ends_the_passage_and_the_word_for_but_does_not(nlp: Language) -> None:
    # Folded, "những" (the plural) and "nhưng" (but) are one word: only the plural speaks of many.
    but = TWO_UNITS.replace("Việc thực hiện cơ chế một cửa", "Xã đã ban hành quy chế tiếp nhận hồ sơ nhưng xã"
                            " chưa công khai số điện thoại đường dây nóng. Việc thực hiện cơ chế một cửa")
    extraction = _extract(nlp, but)
    assert _about(extraction, "chưa công khai số điện thoại")[1] == ("xã Mỹ Long",)
    assert _about(extraction, "còn nhận dư đơn")[1] == ("xã Mỹ Long",)  # the passage goes on past it
    plural = TWO_UNITS + "Những đơn vị được kiểm tra còn chậm cập nhật thủ tục hành chính mới.\n"
    assert _about(_extract(nlp, plural), "còn chậm cập nhật")[1] == ()


def test_a_holder_of_unnamed_communes_ends_the_passage(nlp: Language) -> None:
    text = TWO_UNITS + (
        "Qua kiểm tra trình độ chuyên môn, nghiệp vụ công chức cấp xã ở huyện Cao Lãnh nhìn chung đạt kết"
        " quả khá tốt. Tuy nhiên, cũng có một số công chức chưa đạt theo yêu cầu về trình độ chuyên môn.\n"
    )
    assert _about(_extract(nlp, text), "một số công chức chưa đạt")[1] == ()


def test_a_finding_naming_its_unit_keeps_it_and_carries_nothing(nlp: Language) -> None:
    named, passage, attributed = _about(_extract(nlp, TWO_UNITS), "UBND huyện Cao Lãnh đã ban hành")
    assert named == ("Cao Lãnh",)
    assert passage == ()
    assert attributed == ("Cao Lãnh",)


def test_a_passage_unit_round_trips_through_the_stored_extraction(nlp: Language) -> None:
    extraction = _extract(nlp, TWO_UNITS)
    again = Extraction.from_dict(extraction.to_dict())
    assert [f.passage_units for f in again.findings] == [f.passage_units for f in extraction.findings]
    assert any(f.passage_units for f in again.findings)


def _units(nlp: Language, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.units) for f in _extract(nlp, text).findings]


def test_a_second_fault_split_off_by_its_negation_said_again_names_the_first_ones_unit(nlp: Language) -> None:
    text = ("Tại UBND xã Minh Tân, công chức trực một cửa không mặc đồng phục theo quy định, "
            "không có người hướng dẫn công dân tại khu vực chờ của bộ phận một cửa.\n")
    assert _units(nlp, text) == [
        ("Tại UBND xã Minh Tân, công chức trực một cửa không mặc đồng phục theo quy định", ("Minh Tân",)),
        ("không có người hướng dẫn công dân tại khu vực chờ của bộ phận một cửa", ("Minh Tân",))]
    extraction = _extract(nlp, text)  # the split's origin stays in nlp: what is stored comes back equal
    assert Extraction.from_dict(extraction.to_dict()).findings == extraction.findings


def test_a_second_act_split_off_by_its_verb_said_again_names_the_first_ones_unit(nlp: Language) -> None:
    text = ("UBND xã Tân Phú đã ban hành Kế hoạch kiểm tra công vụ năm 2022 đầy đủ nội dung, "
            "ban hành Quy chế làm việc của bộ phận một cửa đúng quy định.\n")
    assert [units for _, units in _units(nlp, text)] == [("Tân Phú",), ("Tân Phú",)]


def test_a_piece_of_a_new_subject_split_off_at_a_comma_takes_no_unit_from_the_one_before(
        nlp: Language) -> None:
    text = ("UBND xã Minh Tân ứng dụng tốt phần mềm một cửa điện tử trong tiếp nhận hồ sơ, "
            "tỷ lệ hồ sơ giải quyết đúng hẹn còn thấp so với kế hoạch.\n")
    found = _units(nlp, text)
    assert len(found) == 2 and found[0][1] == ("Minh Tân",) and found[1][1] == ()
