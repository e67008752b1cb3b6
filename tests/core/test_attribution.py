"""Which units a finding is about: one rule for search records and comparison."""

from __future__ import annotations

from dataclasses import replace

from core.attribution import attribute
from core.levels import Level
from core.models import Area, Document, Extraction, Finding, Polarity, Role, Source, Unit
from index.records import finding_records
from index.store import Store
from reports.compare import themed_findings

HUYEN = Unit(Level.HUYEN, "Cam Lộ", Role.OTHER, "Quảng Trị")
THI_TRAN = Unit(Level.THI_TRAN, "Cam Lộ", Role.INSPECTED, "Quảng Trị")
XA = Unit(Level.XA, "Cam Tuyền", Role.INSPECTED, "Quảng Trị")
UNITS = (HUYEN, THI_TRAN, XA)


def _finding(text: str, *units: str) -> Finding:
    return Finding(Polarity.SHORTCOMING, Area.TTHC, text, 0, len(text), units)


def test_a_shared_name_is_the_unit_whose_level_word_the_sentence_uses() -> None:
    about = attribute(_finding("Thị trấn Cam Lộ còn hồ sơ quá hạn.", "Cam Lộ"), UNITS)
    assert about.units == (THI_TRAN,) and about.named and not about.unplaced
    about = attribute(_finding("Huyện Cam Lộ chưa ban hành kế hoạch.", "Cam Lộ"), UNITS)
    assert about.units == (HUYEN,)


def test_a_shared_name_without_its_level_word_is_the_inspected_unit() -> None:
    assert attribute(_finding("Cam Lộ còn hồ sơ quá hạn.", "Cam Lộ"), UNITS).units == (THI_TRAN,)


def test_a_sentence_naming_no_unit_inherits_the_inspected_units_and_says_so() -> None:
    about = attribute(_finding("Một số đơn vị còn chậm trả kết quả."), UNITS)
    assert about.units == (THI_TRAN, XA) and about.inherited


def test_an_unnamed_finding_inherits_its_passage_s_inspected_unit_only() -> None:
    finding = replace(_finding("Phiếu hẹn không đánh số theo dõi đầy đủ."), passage_units=("xã Cam Tuyền",))
    about = attribute(finding, UNITS)
    assert about.units == (XA,) and about.inherited  # carried, never named: reports do not blame it


def test_a_passage_unit_is_the_unit_of_its_level_not_every_unit_of_its_name() -> None:
    # A district and its seat town, both inspected: the passage was about the town.
    huyen = replace(HUYEN, role=Role.INSPECTED)
    finding = replace(_finding("Hồ sơ trả muộn chưa có văn bản xin lỗi."), passage_units=("thị trấn Cam Lộ",))
    units = (huyen, THI_TRAN, XA)
    assert attribute(finding, units).units == (THI_TRAN,)
    assert attribute(replace(finding, passage_units=("huyện Cam Lộ",)), units).units == (huyen,)
    # A bare name (an extraction stored before passage units had levels): every unit of that name.
    assert attribute(replace(finding, passage_units=("Cam Lộ",)), units).units == (huyen, THI_TRAN)


def test_a_passage_unit_not_inspected_leaves_the_document_s_inspected_units() -> None:
    finding = replace(_finding("Phiếu hẹn không đánh số theo dõi đầy đủ."), passage_units=("Cam Lộ",))
    assert attribute(finding, (HUYEN, XA)).units == (XA,)  # huyện Cam Lộ was not inspected


def test_a_unit_inspecting_its_own_bodies_is_what_its_unnamed_findings_are_about() -> None:
    # "Phó Chủ tịch UBND tỉnh Quảng Trị kiểm tra Trung tâm Phục vụ hành chính công tỉnh": no
    # administrative unit inspected, the province's own centre was.
    tinh = Unit(Level.TINH, "Quảng Trị", Role.INSPECTOR, "Quảng Trị")
    about = attribute(_finding("Tỉ lệ hồ sơ trực tuyến đạt 87,6%."), (tinh, HUYEN))
    assert about.units == (tinh,) and about.inherited
    assert attribute(_finding("Tỉ lệ hồ sơ trực tuyến đạt 87,6%."), (tinh, XA)).units == (XA,)


def test_without_an_inspected_unit_an_unnamed_finding_has_no_unit() -> None:
    about = attribute(_finding("Một số đơn vị còn chậm trả kết quả."), (HUYEN,))
    assert about.units == () and about.inherited


def test_a_document_naming_one_province_and_no_role_is_about_that_province() -> None:
    # "Chủ tịch UBND thành phố Hà Nội chỉ đạo ... Sở Nội vụ đã kiểm tra tại 18 đơn vị": the
    # city's own department inspected its bodies; no unit has a role, the one city is the subject.
    city = Unit(Level.THANH_PHO, "Hà Nội", Role.OTHER, "Hà Nội")
    ward = Unit(Level.PHUONG, "Quy Nhơn Nam", Role.OTHER, "Gia Lai")
    about = attribute(_finding("Chưa niêm yết lịch tiếp công dân."), (city, ward))
    assert about.units == (city,) and about.inherited


def test_a_document_naming_several_provinces_and_no_role_gives_no_unit() -> None:
    # A ministry's letter about press reports from two provinces: neither is its subject alone.
    one = Unit(Level.TINH, "Bình Định", Role.OTHER, "Bình Định")
    two = Unit(Level.TINH, "Thanh Hóa", Role.OTHER, "Thanh Hóa")
    assert attribute(_finding("Dùng xe công đi lễ chùa trong giờ hành chính."), (one, two)).units == ()


def test_a_name_outside_the_document_units_is_kept_unplaced() -> None:
    about = attribute(_finding("Xã Cam Thành chưa niêm yết.", "Cam Thành", "Cam Tuyền"), UNITS)
    assert about.units == (XA,) and about.unplaced == ("Cam Thành",) and about.named


def test_search_records_and_comparison_file_a_finding_under_the_same_units(tmp_path) -> None:
    text = "Thị trấn Cam Lộ còn hồ sơ quá hạn. Một số đơn vị còn chậm trả kết quả."
    first, second = text.split(". ", 1)
    findings = (_finding(first + ".", "Cam Lộ"), Finding(Polarity.SHORTCOMING, Area.TTHC, second,
                                                         len(first) + 2, len(text)))
    document = Document("cam-lo.txt", text, (), Source("cam-lo.txt", "a" * 64, "txt", "txt"))
    extraction = Extraction("cam-lo.txt", inspection_year=2023, units=UNITS, findings=findings)
    records = finding_records("k1", document, extraction, segmenter=str)
    assert [r.unit_levels for r in records] == [("thị trấn Cam Lộ",), ("thị trấn Cam Lộ", "xã Cam Tuyền")]
    with Store(tmp_path / "s.db", segmenter=str) as store:
        store.save(document, extraction, extractor_version="test")
        compared = themed_findings(store)
    assert [tuple(u.label for u in f.units) for f in compared] == [r.unit_levels for r in records]
    assert [f.named for f in compared] == [True, False]


# ----------------------------------------------------------------------------------------- agencies

TAI_CHINH = Unit(Level.CO_QUAN, "Sở Tài chính", Role.OTHER, "Gia Lai")
GIA_LAI = Unit(Level.TINH, "Gia Lai", Role.INSPECTED, "Gia Lai")
LDTBXH = Unit(Level.CO_QUAN, "Sở Lao động - Thương binh và Xã hội", Role.INSPECTED, "Hà Nội")
HA_NOI = Unit(Level.THANH_PHO, "Hà Nội", Role.INSPECTOR, "Hà Nội")


def test_a_finding_naming_an_agency_is_about_it_and_its_territory_is_untouched() -> None:
    about = attribute(_finding("Sở Tài chính có 127 hồ sơ bị trễ hạn trung bình 6 ngày."),
                      (GIA_LAI, TAI_CHINH))
    assert about.agencies == (TAI_CHINH,)
    assert about.units == (GIA_LAI,) and about.inherited  # the province, inherited as before
    plain = attribute(_finding("Toàn tỉnh có 415 hồ sơ trễ hạn."), (GIA_LAI, TAI_CHINH))
    assert plain.agencies == ()  # an agency merely named in the document is not every finding's


def test_an_agency_the_document_inspected_is_what_its_unnamed_findings_are_about() -> None:
    units = (HA_NOI, LDTBXH)
    about = attribute(_finding("Cán bộ, công chức Sở đã nghiêm túc chấp hành giờ làm việc."), units)
    assert about.agencies == (LDTBXH,) and about.units == (HA_NOI,)  # the inspector, as before
    named = attribute(_finding("UBND quận Bắc Từ Liêm có mô hình hay.", "Bắc Từ Liêm"), units)
    assert named.agencies == ()  # a finding naming a unit is about that unit, not the agency


def test_an_agency_named_in_two_provinces_is_the_one_of_the_finding_s_province() -> None:
    other = Unit(Level.CO_QUAN, "Sở Tài chính", Role.OTHER, "Kon Tum")
    kon_tum = Unit(Level.TINH, "Kon Tum", Role.OTHER, "Kon Tum")
    about = attribute(_finding("Tỉnh Gia Lai: Sở Tài chính còn hồ sơ quá hạn.", "Gia Lai"),
                      (GIA_LAI, kon_tum, TAI_CHINH, other))
    assert about.agencies == (TAI_CHINH,)


def test_an_agency_missing_from_the_document_s_list_is_still_filed() -> None:
    about = attribute(_finding("Sở Nội vụ chưa kiểm tra công vụ."), (GIA_LAI,))
    assert about.agencies == (Unit(Level.CO_QUAN, "Sở Nội vụ"),)


def test_records_file_a_finding_under_its_agency_with_the_agency_s_province() -> None:
    text = "Sở Tài chính có 127 hồ sơ bị trễ hạn."
    document = Document("gl.txt", text, (), Source("gl.txt", "b" * 64, "txt", "txt"))
    extraction = Extraction("gl.txt", units=(GIA_LAI, TAI_CHINH), findings=(_finding(text),))
    record, = finding_records("k", document, extraction, segmenter=str)
    assert record.unit_levels == ("tỉnh Gia Lai", "cơ quan Sở Tài chính")
    assert record.units == ("Gia Lai", "Sở Tài chính") and record.provinces == ("Gia Lai",)


def test_the_agency_named_as_the_inspecting_body_is_not_what_a_finding_is_about() -> None:
    noi_vu = Unit(Level.CO_QUAN, "Sở Nội vụ", Role.INSPECTOR, "Gia Lai")
    units = (GIA_LAI, TAI_CHINH, noi_vu)
    for text in ("Một số tồn tại do Sở Nội vụ kiểm tra chỉ ra chưa được khắc phục.",
                 "Qua kiểm tra của Sở Nội vụ, nhiều công chức còn đi muộn.",
                 "Đoàn kiểm tra công vụ của Sở Nội vụ ghi nhận công chức đeo thẻ đầy đủ."):
        assert attribute(_finding(text), units).agencies == (), text
    # the inspected agency named beside its inspector is still what the finding is about
    about = attribute(_finding("Đoàn kiểm tra của Sở Nội vụ ghi nhận Sở Tài chính còn hồ sơ trễ hạn."), units)
    assert about.agencies == (TAI_CHINH,)
    # "do" of a cause names the agency at fault, not an inspector
    about = attribute(_finding("Hồ sơ trễ hạn do Sở Tài chính chậm thẩm định."), units)
    assert about.agencies == (TAI_CHINH,)
