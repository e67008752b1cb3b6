"""FindingRecords carry the units a search may name instead: today's unit and the containers."""

from __future__ import annotations

from dataclasses import replace

from core.levels import Level
from core.models import (
    Area,
    Document,
    Extraction,
    Finding,
    Polarity,
    Role,
    Source,
    Unit,
    document_from_blocks,
)
from index.records import finding_records
from nlp.themes import finding_themes
from nlp.unit_containers import containers


def test_records_carry_todays_unit_and_the_units_containing_theirs() -> None:
    text = "Xã Đặng Sơn chưa niêm yết thủ tục hành chính."
    document = Document("bc", text, (), Source(path="bc.txt", sha256="k", format="txt", reader="txt"))
    unit = Unit(Level.XA, "Đặng Sơn", role=Role.INSPECTED, province="Nghệ An", current="xã Bạch Ngọc")
    finding = Finding(text=text, polarity=Polarity.SHORTCOMING, area=Area.TTHC, start=0, end=len(text))
    extraction = Extraction("bc", units=(unit,), findings=(finding,))
    record, = finding_records("k", document, extraction, containers=containers)
    assert record.unit_levels == ("xã Đặng Sơn",)
    assert record.unit_aliases == ("xã Bạch Ngọc",)
    assert record.unit_parents == ("huyện Đô Lương", "tỉnh Nghệ An")


def test_records_carry_every_theme_their_finding_speaks_of_its_own_first() -> None:
    """The composition layer passes the vocabulary's reading (nlp.themes.finding_themes); the
    finding's own theme (what comparison counts) stays `theme`, first of `themes`."""
    text = "Tỷ lệ hồ sơ trực tuyến còn thấp, chưa ký số văn bản."
    document = Document("bc", text, (), Source(path="bc.txt", sha256="k", format="txt", reader="txt"))
    finding = Finding(text=text, polarity=Polarity.SHORTCOMING, area=Area.TTHC, start=0, end=len(text),
                      theme="tthc.giai_quyet")
    extraction = Extraction("bc", findings=(finding,))
    record, = finding_records("k", document, extraction, themes_of=finding_themes)
    assert record.theme == "tthc.giai_quyet"
    assert record.themes == ("tthc.giai_quyet", "so_hoa.dvc_truc_tuyen", "so_hoa.chu_ky_so")
    bare, = finding_records("k", document, extraction)  # index/ alone runs no NLP: its own theme only
    assert bare.themes == ("tthc.giai_quyet",)


def test_the_district_a_document_names_settles_a_commune_name_two_districts_share() -> None:
    """Nghệ An had a xã Minh Sơn in huyện Thanh Chương and one in huyện Đô Lương: alone the name
    gives no district; in a document naming huyện Đô Lương it is Đô Lương's."""
    text = "Tại xã Minh Sơn công chức chưa treo thẻ."
    document = Document("bc", text, (), Source(path="bc.txt", sha256="k", format="txt", reader="txt"))
    commune = Unit(Level.XA, "Minh Sơn", role=Role.INSPECTED, province="Nghệ An")
    district = Unit(Level.HUYEN, "Đô Lương", role=Role.INSPECTOR, province="Nghệ An")
    finding = Finding(text=text, polarity=Polarity.SHORTCOMING, area=Area.BO_MAY, start=0, end=len(text))
    alone, = finding_records("k", document, Extraction("bc", units=(commune,), findings=(finding,)),
                             containers=containers)
    assert alone.unit_parents == ("tỉnh Nghệ An",)
    named, = finding_records("k", document, Extraction("bc", units=(commune, district), findings=(finding,)),
                             containers=containers)
    assert "huyện Đô Lương" in named.unit_parents


def _paragraphs(*texts: str) -> list[tuple[str, int | None, str, float | None]]:
    return [(t, None, "paragraph", None) for t in texts]


def test_records_carry_the_documents_title_and_lead() -> None:
    """Every finding of a document carries its title (shown, and searched on both engines) and
    the lead paragraph under it (core.headline.lead), which the reranker reads as its context."""
    headline = "Gia Lai: bộ máy các xã mới sau sáp nhập đi vào hoạt động"
    opening = "Ngày 4/11, Sở Nội vụ tỉnh Gia Lai cho biết các xã mới đã bố trí đủ cán bộ, công chức."
    body = "Xã Ia Grai còn thiếu 3 công chức địa chính."
    source = Source(path="tin.txt", sha256="k", format="txt", reader="txt", title=headline)
    document = document_from_blocks("tin", _paragraphs(headline, opening, body), source)
    start = document.text.index(body)
    finding = Finding(text=body, polarity=Polarity.SHORTCOMING, area=Area.TTHC, start=start,
                      end=start + len(body))
    record, = finding_records("k", document, Extraction("tin", findings=(finding,)))
    assert (record.title, record.lead) == (headline, opening)
    untitled = replace(source, title=None)
    lead_first = document_from_blocks("tin", _paragraphs(opening, body), untitled)
    start = lead_first.text.index(body)
    record, = finding_records("k", lead_first, Extraction("tin", findings=(replace(finding, start=start,
                                                                                   end=start + len(body)),)))
    assert (record.title, record.lead) == (None, opening)


def _parents(text: str, commune: Unit, *named: Unit) -> tuple[str, ...]:
    """The unit_parents of a one-finding document about `commune`, naming `named` too."""
    document = Document("bc", text, (), Source(path="bc.txt", sha256="k", format="txt", reader="txt"))
    finding = Finding(text=text, polarity=Polarity.SHORTCOMING, area=Area.CONG_VU, start=0, end=len(text))
    record, = finding_records("k", document, Extraction("bc", units=(commune, *named), findings=(finding,)),
                              containers=containers)
    return record.unit_parents


def test_a_commune_the_data_no_longer_lists_takes_the_district_its_document_names() -> None:
    """Hà Nội's xã Thống Nhất was merged away before the gazetteer's data was written, so the data
    holds it under no district; an article on "các xã của huyện Thường Tín" places it there."""
    text = "Tại UBND xã Thống Nhất, 8 công chức vắng mặt khi đoàn đến kiểm tra."
    commune = Unit(Level.XA, "Thống Nhất", role=Role.INSPECTED, province="Hà Nội")
    city = Unit(Level.THANH_PHO, "Hà Nội", role=Role.INSPECTOR, province="Hà Nội")
    assert _parents(text, commune, city) == ("thành phố Hà Nội",)
    district = Unit(Level.HUYEN, "Thường Tín", province="Hà Nội")
    assert _parents(text, commune, city, district) == ("huyện Thường Tín", "thành phố Hà Nội")


def test_only_a_named_district_whose_level_holds_the_commune_is_its_parent() -> None:
    """A quận holds phường, never a xã: of the quận and the huyện a report names, the xã is the
    huyện's; two huyện that could both hold it leave it under its province alone."""
    text = "UBND xã Đại Hà chưa niêm yết thủ tục hành chính mới."
    commune = Unit(Level.XA, "Đại Hà", role=Role.INSPECTED, province="Hải Phòng")
    quan = Unit(Level.QUAN, "Hải An", province="Hải Phòng")
    huyen = Unit(Level.HUYEN, "Kiến Thụy", province="Hải Phòng")
    assert _parents(text, commune, quan, huyen) == ("huyện Kiến Thụy", "thành phố Hải Phòng")
    other = Unit(Level.HUYEN, "An Lão", province="Hải Phòng")
    assert _parents(text, commune, huyen, other) == ("thành phố Hải Phòng",)
