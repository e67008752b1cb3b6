"""The store keeps documents by content hash, replaces changed files and never loses work."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from core.errors import BackendError
from core.levels import Level
from core.models import (
    Area,
    DocRef,
    Document,
    Extraction,
    Finding,
    Polarity,
    Role,
    Source,
    Unit,
    document_from_blocks,
    sha256_bytes,
)
from index.base import Query
from index.records import finding_records
from index.sqlite_fts import SqliteFtsBackend
from index.store import SCHEMA_VERSION, Store

REPORT_PAGES = [
    "BÁO CÁO KẾT QUẢ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023",
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2023, Đoàn kiểm tra đã làm việc với UBND xã Hòa Bình.",
    "UBND xã đã niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa.",
    "Một số hồ sơ chưa được cấp phiếu hẹn trả kết quả cho công dân.",
    "Đề nghị UBND xã Hòa Bình chấn chỉnh việc tiếp nhận hồ sơ trong thời gian tới.",
]
FINDINGS = [  # (sentence index, polarity, area)
    (2, "strength", "tthc"),
    (3, "shortcoming", "tthc"),
    (4, "recommendation", "tthc"),
]


def make_document(path: str, pages: list[str], *, doc_id: str = "bao-cao-xa") -> Document:
    """A two-page PDF-like document whose sha256 is that of its text's bytes."""
    parts: list[tuple[str, int | None, str, float | None]] = [
        (text, 1 if i < 2 else 2, "paragraph", None) for i, text in enumerate(pages)
    ]
    data = "\n".join(pages).encode()
    source = Source(path=path, sha256=sha256_bytes(data), format="pdf", reader="pdf.text", size=len(data),
                    title=pages[0], pages=2)
    return document_from_blocks(doc_id, parts, source)


def make_extraction(document: Document, year: int = 2023) -> Extraction:
    findings = []
    for index, polarity, area in FINDINGS:
        sentence = REPORT_PAGES[index] if index < len(REPORT_PAGES) else ""
        start = document.text.find(sentence)
        findings.append(Finding(Polarity(polarity), Area(area), sentence, start, start + len(sentence)))
    return Extraction(
        doc_id=document.doc_id,
        title=document.source.title,
        inspection_year=year,
        units=(Unit(Level.XA, "Hòa Bình", Role.INSPECTED, "Gia Lai"),),
        documents=(DocRef("Kế hoạch", "45/KH-UBND", "2023-03-10", "UBND huyện"),),
        dates=("2023-03-10",),
        findings=tuple(findings),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "nested" / "kiemtra.db") as s:
        yield s


def test_new_database_is_versioned_and_durable(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "kiemtra.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kiemtra.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(BackendError, match="newer"):
        Store(path)


def test_save_round_trips_extraction_and_document(store: Store) -> None:
    document = make_document("/inbox/bao-cao.pdf", REPORT_PAGES)
    extraction = make_extraction(document)
    key = store.save(document, extraction, extractor_version="1")
    assert key == document.source.sha256
    assert store.get_extraction(key) == extraction
    restored = store.get_document(key)
    assert restored.text == document.text
    assert restored.blocks == document.blocks
    assert restored.source.path == "/inbox/bao-cao.pdf"


def test_finding_records_carry_ids_pages_and_document_facts(store: Store) -> None:
    document = make_document("/inbox/bao-cao.pdf", REPORT_PAGES)
    key = store.save(document, make_extraction(document), extractor_version="1")
    records = list(store.finding_records(key))
    assert [r.finding_id for r in records] == [f.finding_id(key) for f in make_extraction(document).findings]
    assert [r.page for r in records] == [2, 2, 2]
    assert records[1].units == ("Hòa Bình",)
    assert records[1].unit_levels == ("xã Hòa Bình",)
    assert records[1].provinces == ("Gia Lai",)
    assert records[1].doc_numbers == ("45/KH-UBND",)
    assert records[1].year == 2023
    assert "phiếu_hẹn" in records[1].words or "phiếu hẹn" in records[1].words
    assert records[1].words.replace("_", " ").startswith("Một số hồ sơ")


def test_store_records_equal_freshly_built_ones(store: Store) -> None:
    """Reindexing from the store indexes what ingest indexed (words read back, not re-segmented)."""
    document = make_document("/inbox/bao-cao.pdf", REPORT_PAGES)
    extraction = make_extraction(document)
    key = store.save(document, extraction, extractor_version="1")
    fresh = finding_records(key, store.get_document(key), extraction)
    assert list(store.finding_records()) == fresh


def test_is_current_and_idempotent_resave(store: Store) -> None:
    document = make_document("/inbox/bao-cao.pdf", REPORT_PAGES)
    sha = document.source.sha256
    assert not store.is_current("/inbox/bao-cao.pdf", sha, "1")
    store.save(document, make_extraction(document), extractor_version="1")
    assert store.is_current("/inbox/bao-cao.pdf", sha, "1")
    assert not store.is_current("/inbox/bao-cao.pdf", sha, "2")
    assert not store.is_current("/inbox/khac.pdf", sha, "1")
    before = store.stats()
    store.save(document, make_extraction(document), extractor_version="1")
    assert store.stats() == before
    assert len(store.documents()) == 1
    assert len(list(store.finding_records())) == 3


def test_changed_bytes_at_same_path_replace_old_version(store: Store) -> None:
    old = make_document("/inbox/bao-cao.pdf", REPORT_PAGES)
    old_key = store.save(old, make_extraction(old), extractor_version="1")
    store.mark_indexed(old_key)
    changed_pages = [*REPORT_PAGES[:4], "Đề nghị UBND xã Hòa Bình sớm khắc phục tồn tại về tiếp nhận hồ sơ."]
    new = make_document("/inbox/bao-cao.pdf", changed_pages)
    new_key = store.save(new, make_extraction(new, year=2024), extractor_version="1")
    assert new_key != old_key
    assert [d.doc_key for d in store.documents()] == [new_key]
    assert store.pending_removals() == [old_key]
    assert store.pending_index() == [new_key]
    assert store.stats().findings_by_year == {2024: 3}
    with pytest.raises(BackendError):
        store.get_extraction(old_key)
    store.mark_removed(old_key)
    assert store.pending_removals() == []


def test_same_bytes_at_two_paths_survive_one_path_changing(store: Store) -> None:
    document = make_document("/inbox/a.pdf", REPORT_PAGES)
    copy = make_document("/archive/a.pdf", REPORT_PAGES)
    key = store.save(document, make_extraction(document), extractor_version="1")
    store.save(copy, make_extraction(copy), extractor_version="1")
    assert store.documents()[0].paths == ("/archive/a.pdf", "/inbox/a.pdf")
    changed = make_document("/inbox/a.pdf", REPORT_PAGES[:4])
    store.save(changed, make_extraction(changed), extractor_version="1")
    assert key in [d.doc_key for d in store.documents()]
    assert store.pending_removals() == []


def test_failures_are_recorded_and_cleared_by_success(store: Store) -> None:
    store.record_failure("/inbox/bao-cao.pdf", "PDF bị hỏng:\n  thiếu xref", error_type="CorruptDocument",
                         sha256="ab")
    store.record_failure("/inbox/anh.png", "quá lớn", error_type="LimitExceeded")
    failures = store.failures()
    assert {f.path for f in failures} == {"/inbox/bao-cao.pdf", "/inbox/anh.png"}
    broken = next(f for f in failures if f.path == "/inbox/bao-cao.pdf")
    assert ((broken.reason, broken.error_type, broken.sha256)
            == ("PDF bị hỏng: thiếu xref", "CorruptDocument", "ab"))
    document = make_document("/inbox/bao-cao.pdf", REPORT_PAGES)
    store.save(document, make_extraction(document), extractor_version="1")
    assert [f.path for f in store.failures()] == ["/inbox/anh.png"]


def test_a_failure_is_held_by_its_bytes_counted_per_sighting_and_restarted_by_new_bytes(store: Store) -> None:
    first = store.record_failure("/inbox/hong.pdf", "thiếu xref", error_type="CorruptDocument", sha256="aa",
                                 extractor_version="1")
    again = store.record_failure("/inbox/hong.pdf", "thiếu xref", error_type="CorruptDocument", sha256="aa",
                                 extractor_version="1")
    assert (first.count, again.count) == (1, 2) and again.first_seen == first.first_seen
    assert store.quarantined("aa", "1") == again
    assert store.quarantined("aa", "2") is None  # a new extractor version may read it
    assert store.quarantined("bb", "1") is None
    renamed = store.record_failure("/inbox/hong-2.pdf", "thiếu xref", error_type="CorruptDocument",
                                   sha256="aa", extractor_version="1")
    assert renamed.count == 1
    assert {f.path for f in store.failures()} == {"/inbox/hong.pdf", "/inbox/hong-2.pdf"}
    edited = store.record_failure("/inbox/hong.pdf", "trang 3 hỏng", error_type="CorruptDocument",
                                  sha256="cc", extractor_version="1")
    # other bytes: a new failure
    assert (edited.count, edited.reason, edited.sha256) == (1, "trang 3 hỏng", "cc")
    assert store.release("/inbox/hong.pdf") and not store.release("/inbox/hong.pdf")
    assert [f.path for f in store.failures()] == ["/inbox/hong-2.pdf"]


def test_the_store_tells_which_extractor_version_stored_a_path_or_failed_on_its_bytes(store: Store) -> None:
    first = make_document("/inbox/a.pdf", REPORT_PAGES)
    second = make_document("/inbox/b.pdf", REPORT_PAGES[:4])
    store.save(first, make_extraction(first), extractor_version="0.1.0+aaaa")
    store.save(second, make_extraction(second), extractor_version="0.1.0+bbbb")
    assert store.stored_version("/inbox/a.pdf", first.source.sha256) == "0.1.0+aaaa"
    assert store.stored_version("/inbox/a.pdf", second.source.sha256) is None  # other bytes there
    assert store.stored_version("/inbox/c.pdf", first.source.sha256) is None
    assert store.documents_by_version() == {"0.1.0+aaaa": 1, "0.1.0+bbbb": 1}
    assert store.stats().documents_by_version == store.documents_by_version()

    store.record_failure("/inbox/hong.pdf", "thiếu xref", error_type="CorruptDocument", sha256="aa",
                         extractor_version="0.1.0+aaaa")
    assert not store.failed_under_other_version("aa", "0.1.0+aaaa")
    assert store.failed_under_other_version("aa", "0.1.0+bbbb")
    assert not store.failed_under_other_version("cc", "0.1.0+bbbb")  # never failed


def test_removed_paths_are_kept_withdrawn_or_deleted(store: Store) -> None:
    keys = {}
    for name, pages in (("giu", REPORT_PAGES), ("rut", REPORT_PAGES[:4]), ("xoa", REPORT_PAGES[:3])):
        document = make_document(f"/inbox/{name}.pdf", pages, doc_id=name)
        keys[name] = store.save(document, make_extraction(document), extractor_version="1")
        store.mark_indexed(keys[name])
    store.record_failure("/inbox/hong.pdf", "thiếu xref", error_type="CorruptDocument", sha256="aa")
    store.record_failure("/elsewhere/x.pdf", "thiếu xref", error_type="CorruptDocument", sha256="ab")
    present = [f"/inbox/{n}.pdf" for n in ("giu", "hong", "rut", "xoa")]
    assert store.present_paths_under(Path("/inbox")) == present

    store.keep_removed("/inbox/giu.pdf")
    store.withdraw("/inbox/rut.pdf")
    store.delete_path("/inbox/xoa.pdf")

    assert store.present_paths_under(Path("/inbox")) == ["/inbox/hong.pdf"]  # each removal reported once
    documents = {d.doc_id: d for d in store.documents()}
    assert set(documents) == {"giu", "rut"} and documents["rut"].withdrawn and not documents["giu"].withdrawn
    assert set(store.pending_removals()) == {keys["rut"], keys["xoa"]}  # the index must drop both
    assert store.pending_index() == []  # a withdrawn document is not indexed again
    assert {r.doc_key for r in store.finding_records()} == {keys["giu"]}
    assert not store.is_current("/inbox/giu.pdf", keys["giu"], "1")  # a file that comes back is read again

    back = make_document("/inbox/rut.pdf", REPORT_PAGES[:4], doc_id="rut")
    store.save(back, make_extraction(back), extractor_version="1")
    assert store.pending_index() == [keys["rut"]] and keys["rut"] not in store.pending_removals()
    assert not {d.doc_id: d for d in store.documents()}["rut"].withdrawn


def test_pending_index_until_marked(store: Store) -> None:
    first = make_document("/inbox/a.pdf", REPORT_PAGES)
    second = make_document("/inbox/b.pdf", REPORT_PAGES[:4])
    key_a = store.save(first, make_extraction(first), extractor_version="1")
    key_b = store.save(second, make_extraction(second), extractor_version="1")
    assert sorted(store.pending_index()) == sorted([key_a, key_b])
    store.mark_indexed(key_a)
    assert store.pending_index() == [key_b]
    store.save(first, make_extraction(first), extractor_version="2")
    assert sorted(store.pending_index()) == sorted([key_a, key_b])
    store.mark_all_unindexed()
    assert len(store.pending_index()) == 2


def test_stats_count_findings_and_documents(store: Store) -> None:
    first = make_document("/inbox/a.pdf", REPORT_PAGES)
    second = make_document("/inbox/b.pdf", REPORT_PAGES[:4])
    store.save(first, make_extraction(first, year=2022), extractor_version="1")
    store.save(second, make_extraction(second, year=2023), extractor_version="1")
    stats = store.stats()
    assert (stats.documents, stats.findings) == (2, 6)
    assert stats.findings_by_year == {2022: 3, 2023: 3}
    assert stats.documents_by_year == {2022: 1, 2023: 1}
    assert stats.findings_by_polarity == {"recommendation": 2, "shortcoming": 2, "strength": 2}
    assert stats.findings_by_area == {"tthc": 6}


def test_document_without_hash_is_refused(store: Store) -> None:
    document = make_document("/inbox/a.pdf", REPORT_PAGES)
    unhashed = replace(document, source=replace(document.source, sha256=""))
    with pytest.raises(BackendError, match="sha256"):
        store.save(unhashed, make_extraction(document), extractor_version="1")
    assert store.documents() == []


def test_failed_save_leaves_nothing_behind(store: Store) -> None:
    document = make_document("/inbox/a.pdf", REPORT_PAGES)
    extraction = make_extraction(document)
    bad = replace(extraction, units=(Unit("xã", "Hòa Bình", None),))  # type: ignore[arg-type]  # NOT NULL fails mid-save
    with pytest.raises(BackendError):
        store.save(document, bad, extractor_version="1")
    assert store.documents() == []
    assert store.pending_index() == []


def test_ingest_then_search_round_trip(tmp_path: Path) -> None:
    """Store and search backend side by side in one file, as `kiemtra ingest` uses them."""
    db = tmp_path / "kiemtra.db"
    store = Store(db)
    backend = SqliteFtsBackend(db)
    document = make_document("/inbox/a.pdf", REPORT_PAGES)
    key = store.save(document, make_extraction(document), extractor_version="1")
    for pending in store.pending_index():
        backend.index(store.finding_records(pending))
        store.mark_indexed(pending)
    result = backend.search(Query(text="phieu hen", unit="hoa binh"))
    assert result.total == 1
    assert result.hits[0].record.doc_key == key
    # the longest member of the set the finding writes is marked: "phiếu hẹn trả kết quả" is the form
    assert "<mark>phiếu hẹn trả kết quả</mark>" in result.hits[0].snippet
    store.close()
    backend.close()
