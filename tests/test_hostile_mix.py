"""`kiemtra ingest FOLDER` on a folder where hostile files sit between good ones.

What an operator needs the morning after: every good file ingested, every bad one recorded as
failed with its reason, one stderr line per bad file naming it, and exit code 1.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner

from extractors.legacy import to_legacy
from index.store import Store
from pipeline.cli import cli

sys.path.insert(0, str(Path(__file__).parent / "extractors"))  # the reader tests' file builders
from reader_fixtures import to_cp1258_form, write_docx, write_pdf  # noqa: E402
from test_hostile import (  # noqa: E402
    DOC_OPEN,
    docx_with_body,
    ole_word_file,
    png_claiming,
    self_referencing_pdf,
)

LIMITS = ["--set", "max_pages=3", "--set", "max_docx_uncompressed_bytes=3000000",
          "--set", "parse_timeout_s=30", "--set", "ocr_lang=khong-co"]  # no page may go to OCR

GOOD_TEXTS = {
    "bao_cao_utf8.txt": "Đoàn kiểm tra ghi nhận Ủy ban nhân dân xã niêm yết thủ tục hành chính đầy đủ.",
    "thong_bao_cp1258.txt": "Bộ phận một cửa của thị trấn cấp phiếu hẹn cho công dân đúng quy định.",
    "ket_luan_utf16.txt": "Công chức địa chính còn chậm cập nhật hồ sơ lên hệ thống một cửa điện tử.",
    "bien_ban_tcvn3.txt": "Phường đã khắc phục việc trả kết quả trễ hạn và gửi thư xin lỗi người dân.",
    "nhan_xet_vni.docx": "Trung tâm phục vụ hành chính công tỉnh bố trí đủ công chức tiếp nhận hồ sơ.",
}


def _good_files(folder: Path) -> list[Path]:
    import docx

    texts = GOOD_TEXTS
    (folder / "bao_cao_utf8.txt").write_text(texts["bao_cao_utf8.txt"], encoding="utf-8")
    (folder / "thong_bao_cp1258.txt").write_bytes(
        to_cp1258_form(texts["thong_bao_cp1258.txt"]).encode("cp1258"))
    (folder / "ket_luan_utf16.txt").write_bytes(texts["ket_luan_utf16.txt"].encode("utf-16-le"))
    (folder / "bien_ban_tcvn3.txt").write_bytes(
        to_legacy(texts["bien_ban_tcvn3.txt"], "tcvn3").encode("latin-1"))
    document = docx.Document()
    document.add_paragraph().add_run(to_legacy(texts["nhan_xet_vni.docx"], "vni")).font.name = "VNI-Times"
    document.save(str(folder / "nhan_xet_vni.docx"))
    write_docx(folder / "bao_cao_word.docx")
    write_pdf(folder / "ket_qua.pdf", [["Kết quả kiểm tra cải cách hành chính tại Ủy ban nhân dân phường."]])
    lying = folder / "pdf_doi_ten.docx"
    lying.write_bytes(write_pdf(folder / "tam.pdf", [["Ủy ban nhân dân huyện chỉ đạo chấn chỉnh kỷ luật, "
                                                      "kỷ cương hành chính."]]).read_bytes())
    (folder / "tam.pdf").unlink()
    return sorted(p for p in folder.iterdir())


def _bad_files(folder: Path) -> list[Path]:
    (folder / "rong.pdf").write_bytes(b"")
    full = write_pdf(folder / "cat_cut.pdf", [["Biên bản kiểm tra của Đoàn kiểm tra cải cách hành chính."]])
    full.write_bytes(full.read_bytes()[:400])
    write_pdf(folder / "co_mat_khau.pdf", [["Tài liệu mật của cơ quan hành chính nhà nước."]],
              encrypt="bi-mat")
    write_pdf(folder / "qua_dai.pdf",
              [[f"Trang {i} của báo cáo dài về cải cách hành chính."] for i in range(5)])
    self_referencing_pdf(folder / "vong_lap.pdf")
    with zipfile.ZipFile(folder / "bom_zip.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * 4_000_000)
    docx_with_body(folder / "long_sau.docx", [DOC_OPEN, b"<w:p>" * 100_000])
    (folder / "khong_phai_zip.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    png_claiming(folder / "bom_anh.png", 100_000, 100_000)
    (folder / "ngau_nhien.txt").write_bytes(bytes(range(256)) * 40)
    ole_word_file(folder / "word_cu.docx")  # a binary .doc behind a .docx name, LibreOffice or not
    return sorted(p for p in folder.iterdir())


def test_ingest_folder_with_hostile_files(tmp_path: Path) -> None:
    good_dir, bad_dir = tmp_path / "tot", tmp_path / "xau"
    good_dir.mkdir()
    bad_dir.mkdir()
    good, bad = _good_files(good_dir), _bad_files(bad_dir)
    db = tmp_path / "kiemtra.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "--set", "backend=sqlite", *LIMITS,
                                      "ingest", str(tmp_path), "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert f"{len(good)} new" in result.stdout, result.stdout
    error_lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(error_lines) == len(bad), result.stderr
    for path in bad:
        assert sum(str(path) in line for line in error_lines) == 1, (path, result.stderr)
    store = Store(db)
    try:
        failures = {f.path: f for f in store.failures()}
        assert set(failures) == {str(p) for p in bad}
        assert all(f.reason and f.error_type for f in failures.values())
        stored = {path: doc.doc_key for doc in store.documents() for path in doc.paths}
        assert set(stored) == {str(p) for p in good}
        texts = " ".join(store.get_document(key).text for key in stored.values())
    finally:
        store.close()
    for text in GOOD_TEXTS.values():
        assert text in texts
