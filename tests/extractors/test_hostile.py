from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from reader_fixtures import write_pdf

from extractors import read
from extractors.sandbox import run_limited
from pipeline.errors import (
    CorruptDocument,
    EncryptedDocument,
    LimitExceeded,
    ReaderError,
    UnsupportedFormat,
)

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
