from __future__ import annotations

import random
import shutil
import zipfile
from pathlib import Path

import pytest
from reader_fixtures import write_pdf

from core.errors import (
    CorruptDocument,
    EncryptedDocument,
    LimitExceeded,
    ReaderError,
    UnsupportedFormat,
)
from extractors import read
from extractors.sandbox import run_limited

LINES = [["Biên bản kiểm tra cải cách hành chính tại Ủy ban nhân dân thị trấn."]]


def _raises(error: type[Exception], path: Path, settings) -> str:
    with pytest.raises(error) as info:
        read(path, settings=settings)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def test_zero_byte_file(tmp_path: Path, settings) -> None:
    path = tmp_path / "rong.pdf"
    path.write_bytes(b"")
    assert "empty" in _raises(CorruptDocument, path, settings)


def test_truncated_pdf(tmp_path: Path, settings) -> None:
    full = write_pdf(tmp_path / "full.pdf", LINES).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(full[: len(full) // 3])
    _raises(CorruptDocument, path, settings)


def test_encrypted_pdf(tmp_path: Path, settings) -> None:
    path = write_pdf(tmp_path / "mat.pdf", LINES, encrypt="mat-khau")
    assert "password" in _raises(EncryptedDocument, path, settings)


def test_too_many_pages(tmp_path: Path, settings) -> None:
    path = write_pdf(tmp_path / "dai.pdf", LINES * 3)
    with pytest.raises(LimitExceeded, match="max_pages=2"):
        read(path, settings=settings.replace(max_pages=2))


def test_docx_that_is_not_a_zip(tmp_path: Path, settings) -> None:
    path = tmp_path / "gia.docx"
    path.write_bytes(b"Day khong phai la tep Word\n" * 10)
    doc = read(path, settings=settings)  # plain text with a lying extension is read as text
    assert doc.source.format == "txt"
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert "zip" in _raises(CorruptDocument, broken, settings)


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path, settings) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * 2_000_000)
    with pytest.raises(LimitExceeded, match="max_docx_uncompressed_bytes"):
        read(path, settings=settings.replace(max_docx_uncompressed_bytes=1_000_000))


def test_zip_without_word_body(tmp_path: Path, settings) -> None:
    path = tmp_path / "nen.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "không phải tài liệu Word")
    _raises(UnsupportedFormat, path, settings)


def test_unknown_binary_and_legacy_doc(tmp_path: Path, settings) -> None:
    blob = tmp_path / "du_lieu.txt"
    blob.write_bytes(bytes(range(256)) * 8)
    _raises(UnsupportedFormat, blob, settings)
    legacy = tmp_path / "cu.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".docx" in _raises(UnsupportedFormat, legacy, settings)


def test_image_over_pixel_limit(tmp_path: Path, settings) -> None:
    from PIL import Image

    path = tmp_path / "lon.png"
    Image.new("L", (400, 400), 255).save(path)
    with pytest.raises(LimitExceeded, match="max_image_pixels"):
        read(path, settings=settings.replace(max_image_pixels=10_000))


def test_broken_image(tmp_path: Path, settings) -> None:
    path = tmp_path / "hong.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    _raises(ReaderError, path, settings)


def test_missing_file_is_a_reader_error(tmp_path: Path, settings) -> None:
    _raises(ReaderError, tmp_path / "khong_co.pdf", settings)


def _sleep(seconds: float) -> None:
    import time

    time.sleep(seconds)


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def test_sandbox_enforces_time_and_memory(tmp_path: Path) -> None:
    with pytest.raises(LimitExceeded, match="longer than"):
        run_limited(_sleep, (30,), path=tmp_path / "cham.pdf", timeout_s=0.5, memory_mb=512)
    with pytest.raises(LimitExceeded, match="parse_memory_mb"):
        run_limited(_allocate, (900,), path=tmp_path / "nang.pdf", timeout_s=20, memory_mb=400)
    assert run_limited(_allocate, (10,), path=tmp_path / "nhe.pdf", timeout_s=20, memory_mb=400) == 10 * 2**20


# --- Hand-made hostile files -------------------------------------------------------------

def raw_pdf(objects: list[str]) -> bytes:
    """A minimal PDF written byte by byte, with a correct xref table, around `objects`."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def self_referencing_pdf(path: Path, kids: str = "[2 0 R]") -> Path:
    """A /Pages node listing itself among its /Kids."""
    path.write_bytes(raw_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids {kids} /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]))
    return path


@pytest.mark.parametrize("kids", ["[2 0 R]", "[2 0 R 3 0 R]"])
def test_pdf_whose_page_tree_contains_itself(tmp_path: Path, settings, kids: str) -> None:
    """An error for this file, not a hang or a crash of the main process."""
    path = self_referencing_pdf(tmp_path / "vong_lap.pdf", kids)
    _raises(ReaderError, path, settings.replace(parse_timeout_s=20))


def docx_with_body(path: Path, document_xml_chunks, compresslevel: int = 1) -> Path:
    """A real DOCX (python-docx's) whose word/document.xml is replaced by streamed chunks."""
    import io

    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(
            path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
        with target.open("word/document.xml", "w", force_zip64=True) as body:
            for chunk in document_xml_chunks:
                body.write(chunk)
    return path


DOC_OPEN = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
             b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')


def test_docx_nested_100k_levels_is_refused_quickly(tmp_path: Path, settings) -> None:
    path = docx_with_body(tmp_path / "long_nhau.docx", [DOC_OPEN, b"<w:p>" * 100_000,
                                                          b"</w:p>" * 100_000, b"</w:body></w:document>"])
    assert "XML" in _raises(CorruptDocument, path, settings)


@pytest.mark.slow
def test_docx_of_90_mb_nested_xml_within_default_limits(tmp_path: Path, settings) -> None:
    """90 MB of nested elements passes the size limit and must then fail cheaply, not eat memory."""
    chunk = b"<w:r>" * 200_000  # 1 MB
    path = docx_with_body(tmp_path / "khong_lo.docx", [DOC_OPEN, *[chunk] * 90])
    assert path.stat().st_size < 2_000_000
    _raises(CorruptDocument, path, settings)


def test_docx_flat_xml_over_the_limit(tmp_path: Path, settings) -> None:
    paragraph = b"<w:p><w:r><w:t>Bao cao</w:t></w:r></w:p>" * 25_000  # 1 MB
    path = docx_with_body(tmp_path / "phang.docx", [DOC_OPEN, *[paragraph] * 5, b"</w:body></w:document>"])
    with pytest.raises(LimitExceeded, match="max_docx_uncompressed_bytes"):
        read(path, settings=settings.replace(max_docx_uncompressed_bytes=2_000_000))


def png_claiming(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims width × height pixels, with almost no pixel data behind it."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b""))
    return path


def test_png_header_claiming_100k_by_100k_pixels(tmp_path: Path, settings) -> None:
    """Only the header is read: refused before a pixel is decoded, with the default limit."""
    message = _raises(LimitExceeded, png_claiming(tmp_path / "bom_anh.png", 100_000, 100_000), settings)
    assert "decompression bomb" in message or "max_image_pixels" in message


def test_extensions_that_lie(tmp_path: Path, settings) -> None:
    from reader_fixtures import write_docx

    pdf_as_docx = tmp_path / "bao_cao.docx"
    pdf_as_docx.write_bytes(write_pdf(tmp_path / "that.pdf", LINES).read_bytes())
    assert read(pdf_as_docx, settings=settings).source.format == "pdf"
    docx_as_pdf = tmp_path / "bien_ban.pdf"
    docx_as_pdf.write_bytes(write_docx(tmp_path / "that.docx").read_bytes())
    doc = read(docx_as_pdf, settings=settings)
    assert doc.source.format == "docx" and "cải cách hành chính" in doc.text


_PLACES = ("an", "bình", "cát", "dương", "hòa", "lợi", "minh", "phú", "tân", "thạnh")


def test_thousand_page_pdf_reads_by_the_text_path_unless_over_max_pages(
        tmp_path: Path, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page a different sentence (a repeated line would be dropped as a running header).

    An unknown OCR language makes any page sent to OCR fail at once instead of OCR-ing 1,000 pages.
    The work is counted, not timed (benchmarks/readers.py prints the time of this read): one
    child reads the text layer of all 1,000 pages, and none is sent to OCR or to pdfplumber's
    layout pass, the two paths that cost seconds a page.
    """
    import extractors.layout
    import extractors.pdf

    children: list[str] = []
    for module in (extractors.pdf, extractors.layout):
        for name in ("run_limited", "map_limited"):
            if hasattr(module, name):
                real = getattr(module, name)

                def noted(fn, *args, _real=real, **kwargs):
                    children.append(fn.__name__)
                    return _real(fn, *args, **kwargs)

                monkeypatch.setattr(module, name, noted)
    pages = [[f"Ủy ban nhân dân xã {_PLACES[i // 100]} {_PLACES[i // 10 % 10]} {_PLACES[i % 10]} "
              "thực hiện tốt công tác cải cách hành chính."] for i in range(1000)]
    path = write_pdf(tmp_path / "nghin_trang.pdf", pages)
    no_ocr = settings.replace(ocr_lang="khong-co")
    doc = read(path, settings=no_ocr.replace(max_pages=2000))
    assert doc.source.pages == 1000 and doc.source.ocr_pages == 0 and doc.source.reader == "pdf.text"
    assert children == ["text_layer"]
    with pytest.raises(LimitExceeded, match="1000 pages exceeds max_pages=999"):
        read(path, settings=no_ocr.replace(max_pages=999))


def test_wrong_encodings(tmp_path: Path, settings) -> None:
    from reader_fixtures import to_cp1258_form

    text = "Bộ phận một cửa của phường tiếp nhận hồ sơ đúng hạn, không để người dân phải chờ đợi."
    cp1258 = tmp_path / "cp1258.txt"
    cp1258.write_bytes(to_cp1258_form(text).encode("cp1258"))
    utf16 = tmp_path / "utf16_khong_bom.txt"
    utf16.write_bytes(text.encode("utf-16-le"))
    for path in (cp1258, utf16):
        assert read(path, settings=settings).text == text, path.name
    noise = tmp_path / "ngau_nhien.txt"
    noise.write_bytes(random.Random(3).randbytes(20_000))
    _raises(UnsupportedFormat, noise, settings)


# --- Binary .doc ---------------------------------------------------------------------------

def ole_word_file(path: Path) -> Path:
    """Enough of a Word 97 file for sniffing: the OLE magic and a WordDocument directory entry."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                     + "WordDocument".encode("utf-16-le") + b"\x00" * 1000)
    return path


def _fake_soffice(tmp_path: Path, monkeypatch, script: str) -> None:
    """A stand-in `soffice` executable, alone on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(script)
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))


def test_doc_without_libreoffice_names_the_program(tmp_path: Path, settings, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "trong"))
    message = _raises(UnsupportedFormat, ole_word_file(tmp_path / "cu.doc"), settings)
    assert "soffice" in message and "LibreOffice" in message


def test_doc_is_converted_by_soffice_and_read_as_docx(tmp_path: Path, settings, monkeypatch) -> None:
    """A stand-in `soffice` on PATH checks the command line kiemtra builds and writes a DOCX."""
    import sys

    from reader_fixtures import write_docx

    made = write_docx(tmp_path / "made.docx")
    _fake_soffice(tmp_path, monkeypatch, f"""#!{sys.executable}
import shutil, sys
args = sys.argv[1:]
assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx", args
assert any(a.startswith("-env:UserInstallation=file://") for a in args), args
outdir, source = args[args.index("--outdir") + 1], args[-1]
assert source.endswith(".doc")
shutil.copyfile({str(made)!r}, outdir + "/" + source.rsplit("/", 1)[-1][:-4] + ".docx")
""")
    doc = read(ole_word_file(tmp_path / "cu.doc"), settings=settings)
    assert doc.source.format == "doc" and doc.source.reader == "doc.soffice+python-docx"
    assert "Báo cáo kết quả kiểm tra cải cách hành chính" in doc.text


def test_doc_that_soffice_fails_on(tmp_path: Path, settings, monkeypatch) -> None:
    _fake_soffice(tmp_path, monkeypatch,
                  "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    assert "could not be loaded" in _raises(CorruptDocument, ole_word_file(tmp_path / "hong.doc"), settings)


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice (soffice) is not installed; the project does not install it")
def test_real_doc_round_trip_through_libreoffice(tmp_path: Path, settings) -> None:
    import subprocess

    from reader_fixtures import write_docx

    program = shutil.which("soffice") or shutil.which("libreoffice")
    source = write_docx(tmp_path / "goc.docx")
    subprocess.run([str(program), "--headless", "--convert-to", "doc", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180)
    doc = read(tmp_path / "goc.doc", settings=settings)
    assert doc.source.format == "doc" and "cải cách hành chính" in doc.text


def test_a_file_over_the_size_limit_is_said_in_sizes_a_person_reads(tmp_path: Path, settings) -> None:
    """Session 27: "314572801 bytes exceeds max_file_bytes=209715200" made the operator count
    digits; the sizes are said in MiB (KiB here) beside the setting's own value."""
    from core.errors import size_said

    path = tmp_path / "rat-lon.txt"
    with path.open("wb") as handle:  # sparse: no bytes written but the last
        handle.seek(300 * 1024 * 1024)
        handle.write(b"x")
    with pytest.raises(LimitExceeded) as raised:
        read(path, settings=settings.replace(max_file_bytes=200 * 1024 * 1024))
    assert str(raised.value) == f"{path}: 300 MiB exceeds max_file_bytes=209715200 (200 MiB)"
    assert [size_said(n) for n in (0, 1023, 2560, 1 << 30)] == ["0 bytes", "1023 bytes", "2.5 KiB", "1 GiB"]
