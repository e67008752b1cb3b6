"""FindingRecords carry the units a search may name instead: today's unit and the containers."""

from __future__ import annotations

from index.records import finding_records
from pipeline.models import Document, Extraction, Finding, Source, Unit


def test_records_carry_todays_unit_and_the_units_containing_theirs() -> None:
    text = "Xã Đặng Sơn chưa niêm yết thủ tục hành chính."
    document = Document("bc", text, (), Source(path="bc.txt", sha256="k", format="txt", reader="txt"))
    unit = Unit("xã", "Đặng Sơn", role="inspected", province="Nghệ An", current="xã Bạch Ngọc")
    extraction = Extraction("bc", units=(unit,), findings=(Finding(text=text, polarity="shortcoming", area="tthc",
                                                                   start=0, end=len(text)),))
    record, = finding_records("k", document, extraction, segmenter=str)
    assert record.unit_levels == ("xã Đặng Sơn",)
    assert record.unit_aliases == ("xã Bạch Ngọc",)
    assert record.unit_parents == ("huyện Đô Lương", "tỉnh Nghệ An")
