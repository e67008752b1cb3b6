"""TCVN3 and VNI: the codec, the detector, and the DOCX / TXT / PDF readers converting them.

The legacy files are made by the project's own converter in reverse (Unicode → legacy) from
paragraphs written for these tests, so a round trip must give the original text back exactly.
"""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest

from extractors import read
from extractors.legacy import ENCODINGS, font_encoding, from_legacy, to_legacy
from extractors.text_quality import detect_legacy, repair_text_layer

TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
LOWER_LETTERS = sorted(
    {unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in TONES} | {"đ"}
)
ALL_LETTERS = LOWER_LETTERS + [c.upper() for c in LOWER_LETTERS]

# Sentences of an inspection report, then every vowel with every tone, in both cases.
PARAGRAPHS = [
    "Báo cáo kết quả kiểm tra công tác cải cách hành chính năm nay",
    "Đoàn kiểm tra đã làm việc trực tiếp với Ủy ban nhân dân xã và bộ phận tiếp nhận, trả kết quả.",
    "Ưu điểm: việc niêm yết thủ tục đầy đủ, rõ ràng; thái độ phục vụ người dân nhã nhặn, tận tụy.",
    "Hạn chế: một số hồ sơ giải quyết trễ hạn nhưng chưa có thư xin lỗi; sổ theo dõi ghi chép sơ sài.",
    "Ấp Ổn Định và thôn Ỷ Lan được nhắc nhở; Ông Ẩn, bà Ỵ cần khắc phục trước ngày 15/8.",
    "KIẾN NGHỊ: CHẤN CHỈNH NGAY VIỆC TIẾP NHẬN HỒ SƠ, BỒI DƯỠNG NGHIỆP VỤ CHO CÔNG CHỨC ĐỊA CHÍNH.",
    " ".join(LOWER_LETTERS),
    " ".join(c.upper() for c in LOWER_LETTERS),
]


def test_the_test_text_covers_every_letter_and_tone() -> None:
    text = "".join(PARAGRAPHS)
    assert len(ALL_LETTERS) == 146  # 12 vowels × 6 tones + đ, in both cases
    assert not [c for c in ALL_LETTERS if c not in text]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_letter_round_trips(encoding: str) -> None:
    for letter in LOWER_LETTERS:
        assert from_legacy(to_legacy(letter, encoding), encoding) == letter
        capital = letter.upper()
        capitals = encoding == "tcvn3" and capital.lower() != capital and not capital.isascii()
        spelled = to_legacy(capital, encoding, capitals=capitals)
        assert from_legacy(spelled, encoding, capitals=capitals) == capital, (encoding, capital)


def test_known_spellings() -> None:
    assert to_legacy("Quản lý", "tcvn3") == "Qu¶n lý"
    assert to_legacy("Quản lý", "vni") == "Quaûn lyù"
    assert to_legacy("Đường", "vni") == "Ñöôøng"
    assert to_legacy("Đường", "tcvn3") == "§­êng"
    assert from_legacy("TRÖÔØNG", "vni") == "TRƯỜNG"
    assert from_legacy("Aùnh", "vni") == "Ánh"  # a capital typed with lower-case marks
    assert from_legacy("c¶i c¸ch", "tcvn3", capitals=True) == "CẢI CÁCH"


def test_tcvn3_refuses_toned_capitals_outside_an_h_font() -> None:
    with pytest.raises(ValueError, match="Ấ"):
        to_legacy("Ấp", "tcvn3")


def test_font_names() -> None:
    assert font_encoding(".VnTime") == ("tcvn3", False)
    assert font_encoding(".VnTimeH") == ("tcvn3", True)
    assert font_encoding(".VnArial") == ("tcvn3", False)
    assert font_encoding("VNI-Times") == ("vni", False)
    assert font_encoding("Times New Roman") is None
    assert font_encoding(None) is None


def test_detector_leaves_unicode_and_foreign_text_alone() -> None:
    for text in ("Bá cá hồi", "Hôm nay là thứ Hai", "Café de Paris, hôtel", "© 2024 tòa soạn", "Plain ASCII"):
        assert detect_legacy(text) is None, text
    sentence = PARAGRAPHS[2]
    assert detect_legacy(to_legacy(sentence, "vni")) == "vni"
    assert detect_legacy(to_legacy(sentence, "tcvn3")) == "tcvn3"


# --- DOCX ---------------------------------------------------------------------------------

def _needs_h_font(c: str) -> bool:
    """TCVN3 has only seven capitals of its own; every other accented capital needs an H font."""
    return c.isupper() and not c.isascii() and c not in "ĂÂÊÔƠƯĐ"


def _tcvn3_runs(paragraph: str) -> list[tuple[str, str | None]]:
    """(text, font) runs as a TCVN3 typist makes them: toned capitals in the .VnTimeH font."""
    if paragraph.isupper():
        return [(to_legacy(paragraph, "tcvn3", capitals=True), ".VnTimeH")]
    return [
        (to_legacy("".join(chars), "tcvn3", capitals=h), ".VnTimeH" if h else ".VnTime")
        for h, chars in itertools.groupby(paragraph, key=_needs_h_font)
    ]


def _write_docx(path: Path, paragraphs: list[list[tuple[str, str | None]]]) -> Path:
    import docx

    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, font in runs:
            run = paragraph.add_run(text)
            if font:
                run.font.name = font
    document.save(str(path))
    return path


def _block_texts(path: Path, settings) -> list[str]:
    doc = read(path, settings=settings)
    return [doc.text[b.start:b.end] for b in doc.blocks]


def test_docx_in_tcvn3_with_h_font_capitals(tmp_path: Path, settings) -> None:
    path = _write_docx(tmp_path / "tcvn3.docx", [_tcvn3_runs(p) for p in PARAGRAPHS])
    assert _block_texts(path, settings) == PARAGRAPHS


def test_docx_in_vni(tmp_path: Path, settings) -> None:
    path = _write_docx(tmp_path / "vni.docx", [[(to_legacy(p, "vni"), "VNI-Times")] for p in PARAGRAPHS])
    assert _block_texts(path, settings) == PARAGRAPHS


def test_docx_mixing_unicode_and_legacy_runs(tmp_path: Path, settings) -> None:
    """One paragraph, four runs: Unicode, VNI split inside a letter, TCVN3, and Unicode again."""
    runs = [
        ("Ủy ban nhân dân ", "Times New Roman"),
        (to_legacy("xã Tân ", "vni") + "Phö", "VNI-Times"),
        ("ôùc", "VNI-Times"),  # "ớc": the VNI marks continue in the next run
        (to_legacy(" đã khắc phục", "tcvn3"), ".VnTime"),
        (" các tồn tại.", None),
    ]
    path = _write_docx(tmp_path / "tron.docx", [runs])
    assert _block_texts(path, settings) == ["Ủy ban nhân dân xã Tân Phước đã khắc phục các tồn tại."]


def test_docx_legacy_without_font_names_is_found_by_statistics(tmp_path: Path, settings) -> None:
    text = PARAGRAPHS[3]
    path = _write_docx(tmp_path / "khong_font.docx", [[(to_legacy(text, "vni"), None)],
                                                      [(to_legacy(text, "tcvn3"), None)],
                                                      [("Café, hôtel và bà Tám", None)]])
    assert _block_texts(path, settings) == [text, text, "Café, hôtel và bà Tám"]


def test_docx_font_from_the_style(tmp_path: Path, settings) -> None:
    import docx

    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    document.add_paragraph(to_legacy("Bộ phận một cửa hoạt động nền nếp", "tcvn3"))
    document.save(str(tmp_path / "style.docx"))
    assert _block_texts(tmp_path / "style.docx", settings) == ["Bộ phận một cửa hoạt động nền nếp"]


def test_docx_table_cells_are_converted(tmp_path: Path, settings) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for cell, text in zip(table.rows[0].cells, ("Tiêu chí", "Đạt yêu cầu"), strict=True):
        cell.paragraphs[0].add_run(to_legacy(text, "vni")).font.name = "VNI-Helve"
    document.save(str(tmp_path / "bang.docx"))
    assert _block_texts(tmp_path / "bang.docx", settings) == ["Tiêu chí | Đạt yêu cầu"]


# --- TXT ----------------------------------------------------------------------------------

# A plain TCVN3 text file cannot hold toned capitals (no font switch): those paragraphs are left out.
TCVN3_TXT = [p for p in PARAGRAPHS if not any(_needs_h_font(c) for c in p)]


@pytest.mark.parametrize(("encoding", "paragraphs"), [("tcvn3", TCVN3_TXT), ("vni", PARAGRAPHS)])
def test_txt_in_legacy_bytes_round_trips(tmp_path: Path, settings, encoding: str, paragraphs) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(to_legacy("\n\n".join(paragraphs), encoding).encode("latin-1"))
    doc = read(path, settings=settings)
    assert [doc.text[b.start:b.end] for b in doc.blocks] == paragraphs
    assert doc.source.reader == f"txt.{encoding}"


def test_txt_of_legacy_mojibake_saved_as_utf8(tmp_path: Path, settings) -> None:
    path = tmp_path / "sao_chep.txt"
    path.write_text(to_legacy(PARAGRAPHS[1], "vni"), encoding="utf-8")
    doc = read(path, settings=settings)
    assert doc.text == PARAGRAPHS[1]
    assert doc.source.reader == "txt.utf-8+vni"


def test_unicode_txt_with_only_latin1_letters_is_not_converted(tmp_path: Path, settings) -> None:
    path = tmp_path / "unicode.txt"
    text = "Hôm nay là thứ Ba, bà Tám đi chợ mua cá."
    path.write_text(text, encoding="utf-8")
    assert read(path, settings=settings).text == text


# --- PDF ----------------------------------------------------------------------------------

PDF_LINES = [
    "Đoàn kiểm tra đã làm việc với Ủy ban nhân dân phường về cải cách hành chính.",
    "Một số hồ sơ còn trễ hạn, chưa có văn bản xin lỗi người dân theo quy định.",
]


def _legacy_pdf(path: Path, lines: list[str], encoding: str) -> Path:
    """A PDF drawn in a WinAnsi font with legacy code points: the text layer an old font leaves."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 11)
    for i, line in enumerate(lines):
        pdf.drawString(50, 800 - 20 * i, to_legacy(line, encoding, capitals=False)
                       if encoding == "vni" else _tcvn3_line(line))
    pdf.showPage()
    pdf.save()
    return path


def _tcvn3_line(line: str) -> str:
    return "".join(to_legacy(c, "tcvn3", capitals=_needs_h_font(c)) for c in line)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_pdf_legacy_text_layer_is_converted_not_ocred(tmp_path: Path, settings, encoding: str) -> None:
    path = _legacy_pdf(tmp_path / f"{encoding}.pdf", PDF_LINES, encoding)
    doc = read(path, settings=settings)
    assert doc.source.ocr_pages == 0 and doc.source.reader == "pdf.text"
    expected = [line.replace("Ủy", "ủy") if encoding == "tcvn3" else line for line in PDF_LINES]
    assert [doc.text[b.start:b.end] for b in doc.blocks] == expected


def test_text_layer_that_does_not_convert_to_vietnamese_is_kept_for_ocr(settings) -> None:
    junk = "q¶z¸ k©xw ¸bf ÐwÑ f«zz " * 20  # converts to letters, but to no syllable
    assert repair_text_layer(junk, settings) == junk
