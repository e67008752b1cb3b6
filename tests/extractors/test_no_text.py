"""A well-formed file holding no text is a bad file, named with its reason, not a silent document.

ux23's sweep dropped an empty DOCX (a Word file saved with no words: what a template or a file
whose text sits only in a picture gives) into the nightly inbox: the run counted it "1 new", it
was stored as a document of no findings, and nothing told the operator the file held nothing to
search. A 0-byte file already failed ("empty file (0 bytes)"); the same file with its container
around it now fails the same way, is quarantined (not read again until its bytes change) and is
listed by `kiemtra quarantine list` and the operations page.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from core.errors import CorruptDocument
from core.settings import Settings
from extractors import read


def _word(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def test_a_word_file_with_no_text_fails_naming_the_file(tmp_path: Path, settings: Settings) -> None:
    path = _word(tmp_path / "trong.docx")
    with pytest.raises(CorruptDocument) as info:
        read(path, settings=settings)
    message = str(info.value)
    assert message.startswith(str(path)) and "no text" in message and "\n" not in message


def test_blank_paragraphs_are_no_text_either(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(CorruptDocument, match="no text"):
        read(_word(tmp_path / "cach.docx", "", "   ", "\t"), settings=settings)


def test_a_text_file_of_blank_lines_fails_too(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "trang.txt"
    path.write_text("\n  \n\t\n", encoding="utf-8")
    with pytest.raises(CorruptDocument, match="no text"):
        read(path, settings=settings)


def test_one_word_is_a_document(tmp_path: Path, settings: Settings) -> None:
    document = read(_word(tmp_path / "mot.docx", "", "Báo cáo"), settings=settings)
    assert document.text.strip() == "Báo cáo"


@pytest.mark.ocr
def test_a_blank_scan_says_ocr_found_no_text(tmp_path: Path, settings: Settings) -> None:
    """Session 27's sweep: a blank scanned page said "the pdf file holds nothing to read", which
    did not tell the operator that OCR had read it and found nothing."""
    from PIL import Image

    page = Image.new("RGB", (1240, 1754), "white")
    page.save(tmp_path / "scan-trang.pdf", resolution=150)
    page.save(tmp_path / "anh-trang.png")
    for name in ("scan-trang.pdf", "anh-trang.png"):
        with pytest.raises(CorruptDocument) as info:
            read(tmp_path / name, settings=settings)
        assert str(info.value) == (f"{tmp_path / name}: no text: OCR found none on its 1 scanned page"
                                   " (blank, or too faint or small to read)")
