"""Which PDF text layers are trusted: real Vietnamese yes; folded, mangled or foreign OCR no."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from benchmarks.photolib import (
    LETTERS,
    Shot,
    foreign_ocr,
    photograph,
    reference_text,
    render_letter,
    write_foreign_layer_pdf,
)
from core.errors import ConfigError
from core.settings import Settings
from extractors import read
from extractors.pdf import pages_to_ocr
from extractors.text_quality import layer_score, needs_ocr

LETTER = reference_text(LETTERS[0])


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).replace(
        "đ", "d").replace("Đ", "D")


def test_a_real_vietnamese_page_is_trusted(settings: Settings) -> None:
    score = layer_score(LETTER)
    assert score.syllable_share > 0.9 and score.marked_share > 0.6
    assert not needs_ocr(LETTER, settings)


def test_an_ascii_folded_page_goes_to_ocr_though_its_spellings_pass_one_by_one(settings: Settings) -> None:
    folded = fold(LETTER)
    score = layer_score(folded)
    assert score.marked_share == 0.0
    assert needs_ocr(folded, settings)


def test_a_foreign_ocr_layer_goes_to_ocr(settings: Settings) -> None:
    mangled = foreign_ocr(LETTER, random.Random(1))
    assert "S6: 463/SGDDT-VP" in mangled  # "Số" → "S6", "Đ" folded
    assert needs_ocr(mangled, settings)
    assert needs_ocr("CONG Hcok xA HQI CHiJ NGHiA VIVT NAM\nS6: 463Y SGDDT\n"
                     "Da Nang, ngay,94 thcing 5 nam 2019 Thuc hien Ke hoach so 112 cua Uy ban nhan dan "
                     "tinh ve cai cach hanh chinh", settings)


def test_an_english_page_goes_to_ocr(settings: Settings) -> None:
    assert needs_ocr("This report summarises the results of the inspection of administrative reform in "
                     "the province during the first half of the year and lists the shortcomings.", settings)


def test_a_short_table_page_without_many_words_is_judged_on_syllables_only(settings: Settings) -> None:
    table = "STT | Đơn vị | Số hồ sơ\n1 | Xã Hòa Bình | 120\n2 | Xã An Phú | 87\n3 | Phường 2 | 45"
    assert not needs_ocr(table, settings)


def test_the_ocr_setting_forces_or_forbids_ocr_of_text_layers(settings: Settings) -> None:
    pages = [LETTER, fold(LETTER), ""]
    assert pages_to_ocr(pages, settings) == [1, 2]
    assert pages_to_ocr(pages, settings.replace(ocr="force")) == [0, 1, 2]
    assert pages_to_ocr(pages, settings.replace(ocr="never")) == [2]
    with pytest.raises(ConfigError, match="ocr='sometimes'"):
        pages_to_ocr(pages, settings.replace(ocr="sometimes"))


@pytest.fixture(scope="module")
def foreign_layer_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 200 dpi scan of a letter whose text layer is an English OCR of it, titled by the scanner."""
    rng = random.Random(5)
    image = photograph(render_letter(LETTERS[0], rng), Shot("scan", 200, 80, container="pdf"), rng)
    path = tmp_path_factory.mktemp("foreign") / "2019-05-31 (9).pdf"
    write_foreign_layer_pdf(image, foreign_ocr(LETTER, rng), 200, path)
    return path


@pytest.mark.ocr
def test_a_scan_with_a_foreign_ocr_layer_is_read_as_vietnamese(foreign_layer_pdf: Path,
                                                                settings: Settings) -> None:
    document = read(foreign_layer_pdf, settings=settings)
    assert document.source.reader == "pdf.ocr"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in document.text
    assert "463/SGDĐT" in document.text and "SGDDT" not in document.text
    assert document.source.title is not None and document.source.title.startswith("V/v báo cáo kết quả")


def test_with_ocr_never_the_foreign_layer_is_kept_and_titled_by_its_heading_not_the_scanner(
        foreign_layer_pdf: Path, settings: Settings) -> None:
    document = read(foreign_layer_pdf, settings=settings.replace(ocr="never"))
    assert document.source.reader == "pdf.text"
    assert "SGDDT" in document.text
    assert document.source.title == "V/v bao cao ket qua kiem tra cong tac cai cach hanh chinh nam 2019"
