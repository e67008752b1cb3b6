"""A finding's passage units keep their level from the extraction through the store (and its
migration of older files) to both engines' records: a district and its seat town share a name.

The report is written for this test: "huyện Cam Lộ" and "thị trấn Cam Lộ" both inspected, one
finding naming neither, carried from a passage about the town.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from core.levels import Level
from core.models import Area, Document, Extraction, Finding, Polarity, Role, Source, Unit, sha256_bytes
from index.base import Query
from index.elastic import from_source, to_source
from index.sqlite_fts import SqliteFtsBackend
from index.store import Store

HUYEN = Unit(Level.HUYEN, "Cam Lộ", Role.INSPECTED, "Quảng Trị")
THI_TRAN = Unit(Level.THI_TRAN, "Cam Lộ", Role.INSPECTED, "Quảng Trị")
TEXT = ("Đoàn kiểm tra làm việc tại UBND huyện Cam Lộ và UBND thị trấn Cam Lộ. Tại thị trấn Cam Lộ, "
        "việc tiếp nhận hồ sơ còn chậm. Hồ sơ trả muộn chưa có văn bản xin lỗi người dân.")
CARRIED = "Hồ sơ trả muộn chưa có văn bản xin lỗi người dân."


def _save(db: Path, passage_units: tuple[str, ...]) -> str:
    start = TEXT.index(CARRIED)
    finding = Finding(Polarity.SHORTCOMING, Area.TTHC, CARRIED, start, start + len(CARRIED),
                      passage_units=passage_units)
    source = Source("cam-lo.txt", sha256_bytes(TEXT.encode()), "txt", "txt")
    extraction = Extraction("cam-lo", inspection_year=2023, units=(HUYEN, THI_TRAN), findings=(finding,))
    with Store(db, segmenter=str) as store:
        return store.save(Document("cam-lo", TEXT, (), source), extraction, extractor_version="1")


def test_both_engines_file_a_carried_finding_under_the_unit_of_its_level(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _save(db, ("thị trấn Cam Lộ",))
    with Store(db) as store:
        [record] = list(store.finding_records())
    assert record.unit_levels == ("thị trấn Cam Lộ",)  # not the district of the same name
    backend = SqliteFtsBackend(db)
    try:
        backend.index([record])
        [hit] = backend.search(Query(text="xin loi", level="thị trấn")).hits
        assert hit.record.unit_levels == ("thị trấn Cam Lộ",)
        assert backend.search(Query(text="xin loi", level="huyện")).total == 0
    finally:
        backend.close()
    source = to_source(record)  # what Elasticsearch stores and filters on
    assert source["unit_levels"] == ["thị trấn Cam Lộ"] and source["levels_folded"] == ["thi tran cam lo"]
    assert from_source(source).unit_levels == ("thị trấn Cam Lộ",)


def test_a_v3_store_gives_its_bare_passage_names_their_levels_keeping_what_they_meant(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    key = _save(db, ("thị trấn Cam Lộ",))
    with sqlite3.connect(db) as conn:  # as kiemtra wrote it before: a bare name, schema v3
        raw = json.loads(conn.execute("SELECT extraction FROM documents").fetchone()[0])
        raw["findings"][0]["passage_units"] = ["Cam Lộ", "Cam Thành"]
        conn.execute("UPDATE documents SET extraction = ?", (json.dumps(raw, ensure_ascii=False),))
        conn.execute("PRAGMA user_version=3")
    with Store(db) as store:
        [finding] = store.get_extraction(key).findings
        [record] = list(store.finding_records())
    # the bare name meant every inspected unit of that name; a name no inspected unit has stays
    assert finding.passage_units == ("huyện Cam Lộ", "thị trấn Cam Lộ", "Cam Thành")
    assert record.unit_levels == ("huyện Cam Lộ", "thị trấn Cam Lộ")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
