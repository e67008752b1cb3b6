"""A small store written by hand for the web tests: fast (no OCR, no NLP), and holding what the
pages must survive — accents, a hostile finding, overlapping spans, a quarantined file, a run.

Three inspection reports of xã Cam Tuyền (2019, 2021 shortcomings on phiếu hẹn, 2023 a
strength) make a recurrence and a turnaround for the comparison page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from core.levels import Level
from core.models import (
    Area,
    Block,
    DocRef,
    Document,
    Extraction,
    Finding,
    Period,
    Polarity,
    Role,
    Source,
    Unit,
)
from core.settings import Settings, load_settings
from index.records import Containers
from index.sqlite_fts import SqliteFtsBackend
from index.store import Store

HOSTILE = '<script>alert("x")</script> phiếu hẹn =HYPERLINK("http://evil")'
FORMULA = '=HYPERLINK("http://vi-du.example/x","Xem") Cam Tuyền'  # must stay text in every download
CAM_TUYEN = Unit(Level.XA, "Cam Tuyền", Role.INSPECTED, "Quảng Trị", "xã Hiếu Giang")
INSPECTOR = Unit(Level.HUYEN, "Cam Lộ", Role.INSPECTOR, "Quảng Trị")

REPORTS: list[tuple[str, int, list[tuple[str, str, str, str]]]] = [
    # (name, year, [(polarity, area, theme, sentence)])
    (
        "bao-cao-2019",
        2019,
        [
            (
                "shortcoming",
                "tthc",
                "tthc.phieu_hen",
                "Tại xã Cam Tuyền, nhiều hồ sơ tiếp nhận không có phiếu hẹn trả kết quả.",
            ),
            (
                "strength",
                "chi_dao",
                "chi_dao.ke_hoach",
                "Xã Cam Tuyền đã ban hành kế hoạch cải cách hành chính năm 2019.",
            ),
            (
                "recommendation",
                "tthc",
                "tthc.phieu_hen",
                "Đề nghị xã Cam Tuyền chấn chỉnh việc cấp phiếu hẹn.",
            ),
        ],
    ),
    (
        "bao-cao-2021",
        2021,
        [
            (
                "shortcoming",
                "tthc",
                "tthc.phieu_hen",
                "Xã Cam Tuyền vẫn chưa cấp phiếu hẹn cho một số hồ sơ đất đai.",
            ),
            (
                "shortcoming",
                "cong_vu",
                "cong_vu.the_ten",
                "Một số công chức xã Cam Tuyền chưa đeo thẻ khi làm việc.",
            ),
        ],
    ),
    (
        "bao-cao-2023",
        2023,
        [
            (
                "strength",
                "tthc",
                "tthc.phieu_hen",
                "Xã Cam Tuyền: 100% hồ sơ có phiếu hẹn, sổ theo dõi cập nhật đầy đủ.",
            ),
            ("shortcoming", "tthc", "tthc.phieu_hen", HOSTILE),
            ("shortcoming", "tthc", "tthc.phieu_hen", FORMULA),
        ],
    ),
]


@dataclass(frozen=True)
class WebData:
    settings: Settings
    db: Path
    files: dict[str, Path]  # report name → its original file
    ids: dict[str, str]  # finding text → finding id


def save_report(
    store: Store,
    folder: Path,
    name: str,
    year: int,
    rows: list[tuple[str, str, str, str]],
    *,
    decision: str = "12/QĐ-UBND",
    units: tuple[Unit, ...] = (INSPECTOR, CAM_TUYEN),
) -> Path:
    """One report of `year` with `rows` as its findings, carried out under the Quyết định `decision`
    at `units` (a finding names the inspected unit its sentence holds)."""
    heading = f"BÁO CÁO KẾT QUẢ KIỂM TRA CẢI CÁCH HÀNH CHÍNH NĂM {year}"
    body = "\n\n".join(sentence for *_, sentence in rows)
    text = (
        f"{heading}\n\nThực hiện Quyết định số {decision} ngày 15/03/{year} của UBND huyện Cam Lộ.\n\n{body}"
    )
    path = folder / f"{name}.txt"
    path.write_bytes(text.encode("utf-8"))
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    first_block_end = len(heading)
    blocks = (Block(0, first_block_end, 1, "heading"), Block(first_block_end + 2, len(text), 2))
    document = Document(
        name, text, blocks, Source(str(path), sha, "txt", "txt", path.stat().st_size, pages=2)
    )
    findings = []
    for polarity, area, theme, sentence in rows:
        start = text.index(sentence)
        named = tuple(u.name for u in units if u.role == Role.INSPECTED and u.name in sentence)
        findings.append(
            Finding(
                Polarity(polarity), Area(area), sentence, start, start + len(sentence), named, theme, sentence
            )
        )
    extraction = Extraction(
        name,
        title=heading,
        published=f"{year}-11-20",
        inspection_year=year,
        inspection_period=Period(f"{year}-10-28", f"{year}-11-08"),
        units=units,
        documents=(DocRef("Quyết định", decision, f"{year}-03-15", "UBND huyện Cam Lộ"),),
        dates=(f"{year}-03-15",),
        findings=tuple(findings),
    )
    store.save(document, extraction, extractor_version="1")
    return path


def index_all(store: Store, db: Path) -> None:
    """Every finding of `store` into the SQLite search index at `db` (after more reports are saved)."""
    backend = SqliteFtsBackend(db)
    try:
        backend.index(store.finding_records())
    finally:
        backend.close()


def build_store(folder: Path, *, extra_findings: int = 0, containers: Containers | None = None) -> WebData:
    """The three reports (plus `extra_findings` more 2022 shortcomings on phiếu hẹn, for paging).
    `containers`: the units holding a unit, which the records carry for "units inside" filters
    (nlp.unit_containers.containers); by default none, as a store without the gazetteer."""
    db = folder / "kiemtra.db"
    files: dict[str, Path] = {}
    reports = list(REPORTS)
    if extra_findings:
        reports.append(
            (
                "bao-cao-2022",
                2022,
                [
                    (
                        "shortcoming",
                        "tthc",
                        "tthc.phieu_hen",
                        f"Hồ sơ số {n} của xã Cam Tuyền thiếu phiếu hẹn.",
                    )
                    for n in range(1, extra_findings + 1)
                ],
            )
        )
    with Store(db, segmenter=str, containers=containers or (lambda unit, near: ())) as store:
        for name, year, rows in reports:
            files[name] = save_report(store, folder, name, year, rows)
        store.record_failure(
            str(folder / "hong.pdf"), "hong.pdf: tệp PDF bị mã hóa <b>", error_type="EncryptedError"
        )
        store.start_run("run-1", flow="nightly", pid=1)
        store.finish_run(
            "run-1",
            status="completed",
            summary={
                "counts": {"new": 3, "changed": 0, "skipped": 1, "failed": 1},
                "findings": 7,
                "failures": [{"path": "hong.pdf", "reason": "mã hóa"}],
            },
        )
        index_all(store, db)
        ids = {r.text: r.finding_id for r in store.finding_records()}
    settings = load_settings({"db_path": str(db), "backend": "sqlite"}, environ={})
    return WebData(settings, db, files, ids)
