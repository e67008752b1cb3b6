"""The sample documents: every format is produced, each looks like what it claims to be, and
samples_source/expected.json agrees with the texts the generator draws from.

Why this matters: readers, OCR fallback and the end-to-end run are checked against samples/,
so a sample whose text layer is missing, or an expected.json that drifted from the texts, would
make every downstream check meaningless.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SOURCE = SAMPLES.parent / "samples_source"  # the generator and the annotation, beside the documents
SCHEMA = SAMPLES.parent.parent / "shared" / "schema" / "extraction.schema.json"  # shared/ beside the repo
AREAS = {"chi_dao", "the_che", "tthc", "bo_may", "cong_vu", "tai_chinh", "so_hoa", "chung"}
MAGIC = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04", ".png": b"\x89PNG\r\n\x1a\n"}


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_samples", SOURCE / "make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _flat(text: str) -> str:
    """NFC and single spaces: PDF and OCR break lines where the source text had spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _load_generator()


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SOURCE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_file(expected: dict) -> dict[str, dict]:
    return {sample["file"]: sample for sample in expected["samples"]}


@pytest.fixture(scope="module")
def out(generator: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("samples")
    generator.generate(target)
    return target


def _pdf_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [_flat(page.get_textpage().get_text_range()) for page in pdf]
    finally:
        pdf.close()


# --------------------------------------------------------------------------- generation


def test_generator_writes_every_listed_sample(out: Path, expected: dict) -> None:
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(sample["file"] for sample in expected["samples"])
    for path in out.iterdir():
        assert 0 < path.stat().st_size < 1_000_000, path.name


@pytest.mark.parametrize("name", ["bao-cao-kiem-tra-2019.pdf", "bien-ban-kiem-tra-2022-scan.pdf",
                                  "bao-cao-kiem-tra-2023.docx", "thong-bao-2020.png"])
def test_binary_samples_start_with_their_magic_bytes(out: Path, name: str) -> None:
    assert (out / name).read_bytes().startswith(MAGIC[Path(name).suffix])


def test_text_samples_are_utf8_and_nfc(out: Path) -> None:
    for name in ("tin-kiem-tra-2021.html", "ghi-chu-2024.txt"):
        text = (out / name).read_bytes().decode("utf-8")
        assert unicodedata.is_normalized("NFC", text)
    assert (out / "tin-kiem-tra-2021.html").read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html>")


def test_regeneration_is_deterministic(generator: ModuleType, out: Path, tmp_path: Path) -> None:
    """A second run must give identical bytes, or regenerating would dirty git every time."""
    generator.write_pdf(generator.REPORT_2019, tmp_path / "a.pdf")
    generator.write_docx(generator.REPORT_2023, tmp_path / "a.docx")
    generator.write_png(generator.NOTICE_2020, tmp_path / "a.png")
    for mine, theirs in (("a.pdf", "bao-cao-kiem-tra-2019.pdf"), ("a.docx", "bao-cao-kiem-tra-2023.docx"),
                         ("a.png", "thong-bao-2020.png")):
        assert (tmp_path / mine).read_bytes() == (out / theirs).read_bytes(), theirs


@pytest.mark.parametrize("name", ["tin-kiem-tra-2021.html", "ghi-chu-2024.txt"])
def test_committed_text_samples_are_up_to_date(out: Path, name: str) -> None:
    """Text outputs do not depend on library versions, so the committed copies must match exactly."""
    committed = SAMPLES / name
    assert (hashlib.sha256(committed.read_bytes()).digest()
            == hashlib.sha256((out / name).read_bytes()).digest()), (
        f"{name} is stale: run python samples_source/make_samples.py"
    )


def test_main_accepts_out_option(generator: ModuleType, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI path: only the cheap writers run, the rest are stubbed to keep the test fast."""
    for slow in ("write_pdf", "write_png", "write_scan_pdf", "write_docx"):
        monkeypatch.setattr(generator, slow, lambda _doc, path: Path(path).write_bytes(b"x"))
    assert generator.main(["--out", str(tmp_path / "new")]) == 0
    assert (tmp_path / "new" / "ghi-chu-2024.txt").read_text(encoding="utf-8").count("phiếu hẹn") == 1


# --------------------------------------------------------------------------- formats


def test_digital_pdf_has_vietnamese_text_layer_on_two_pages(out: Path, by_file: dict) -> None:
    sample = by_file["bao-cao-kiem-tra-2019.pdf"]
    pages = _pdf_pages(out / sample["file"])
    assert len(pages) == sample["pages"] == 2
    assert "phiếu hẹn" in " ".join(pages)
    for number, phrases in sample["phrases_by_page"].items():
        for phrase in phrases:
            assert _flat(phrase) in pages[int(number) - 1], (number, phrase)
    assert pages[1].startswith("2 "), "page numbers start on the second page, at the top"


def test_scanned_pdf_has_no_text_layer(out: Path) -> None:
    import pypdfium2 as pdfium

    pages = _pdf_pages(out / "bien-ban-kiem-tra-2022-scan.pdf")
    assert pages == [""]
    pdf = pdfium.PdfDocument(str(out / "bien-ban-kiem-tra-2022-scan.pdf"))
    try:
        width, height = pdf[0].get_size()
    finally:
        pdf.close()
    assert abs(width - 595.3) < 2 and abs(height - 842) < 2, "an A4 page scanned at 300 dpi"


def test_png_is_a_grey_300dpi_page(out: Path) -> None:
    from PIL import Image

    with Image.open(out / "thong-bao-2020.png") as image:
        assert image.mode == "L" and image.width == 2480
        histogram = image.histogram()
    paper = histogram.index(max(histogram))
    darkest = next(value for value, count in enumerate(histogram) if count)
    assert 200 <= paper < 250, "grey paper, not a clean white render"
    assert darkest < 80, "the text is dark enough to OCR"


def test_docx_has_header_footer_numbered_list_and_table(out: Path, by_file: dict) -> None:
    import docx

    document = docx.Document(str(out / "bao-cao-kiem-tra-2023.docx"))
    section = document.sections[0]
    assert "Cam Lộ" in section.header.paragraphs[0].text
    assert "PAGE" in section.footer.paragraphs[0]._p.xml
    numbered = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert any("100% hồ sơ có phiếu hẹn" in text for text in numbered)
    results = document.tables[-1]
    assert [c.text for c in results.rows[0].cells][:2] == ["Đơn vị", "Hồ sơ tiếp nhận"]
    assert {row.cells[0].text for row in results.rows[1:]} >= {"Xã Cam Tuyền", "Thị trấn Cam Lộ"}
    body = _flat(" ".join(p.text for p in document.paragraphs)
                 + " ".join(c.text for t in document.tables for r in t.rows for c in r.cells))
    for phrase in by_file["bao-cao-kiem-tra-2023.docx"]["phrases"]:
        assert _flat(phrase) in body, phrase


def test_html_article_survives_boilerplate_removal(out: Path, by_file: dict) -> None:
    import trafilatura

    sample = by_file["tin-kiem-tra-2021.html"]
    raw = (out / sample["file"]).read_text(encoding="utf-8")
    for phrase in sample["absent_phrases"]:
        assert phrase in raw, f"the page must carry the boilerplate {phrase!r} to be a fair test"
    article = _flat(trafilatura.extract(raw) or "")
    for phrase in sample["phrases"]:
        if not phrase.startswith("Cập nhật ngày"):  # the timestamp sits in the page's meta line
            assert _flat(phrase) in article, phrase
    for phrase in sample["absent_phrases"]:
        assert phrase not in article, phrase


def test_txt_sample_carries_its_phrases(out: Path, by_file: dict) -> None:
    sample = by_file["ghi-chu-2024.txt"]
    text = _flat((out / sample["file"]).read_text(encoding="utf-8"))
    for phrase in sample["phrases"]:
        assert _flat(phrase) in text, phrase


@pytest.mark.ocr
@pytest.mark.slow
def test_tesseract_reads_the_png_notice(out: Path, by_file: dict) -> None:
    pytesseract = pytest.importorskip("pytesseract")
    if shutil.which("tesseract") is None or "vie" not in pytesseract.get_languages():
        pytest.skip("needs Tesseract with Vietnamese data (apt install tesseract-ocr-vie)")
    from PIL import Image

    with Image.open(out / "thong-bao-2020.png") as image:
        text = _flat(pytesseract.image_to_string(image, lang="vie"))
    phrases = by_file["thong-bao-2020.png"]["phrases"]
    found = [p for p in phrases if _flat(p) in text]
    assert len(found) >= len(phrases) - 1, (set(phrases) - set(found), text)


# --------------------------------------------------------------------------- expected.json vs texts


@pytest.fixture(scope="module")
def sources(generator: ModuleType) -> dict[str, str]:
    return {name: _flat(text) for name, text in generator.source_texts().items()}


def test_expected_lists_exactly_the_generated_samples(expected: dict, sources: dict[str, str]) -> None:
    assert sorted(s["file"] for s in expected["samples"]) == sorted(sources)


def test_expected_phrases_findings_and_units_occur_in_the_source(expected: dict,
                                                                 sources: dict[str, str]) -> None:
    for sample in expected["samples"]:
        text = sources[sample["file"]]
        quoted = [*sample["phrases"], *(f["text"] for f in sample["findings"]),
                  *(u["name"] for u in sample["units"]), *(d["number"] for d in sample["documents"])]
        for phrase in quoted:
            assert _flat(phrase) in text, (sample["file"], phrase)
        for finding in sample["findings"]:
            assert finding["area"] in AREAS
            for unit in finding["units"]:
                assert unit in finding["text"], (sample["file"], unit)


_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_WORD_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
_DOC_NUMBER = re.compile(r"\b\d+/[A-ZĐ]+-[A-ZĐ]+\b")


def test_every_date_and_document_number_in_the_source_is_expected(expected: dict,
                                                                   sources: dict[str, str]) -> None:
    """The reverse direction: a date or number added to a text must be added to expected.json too."""
    for sample in expected["samples"]:
        text = sources[sample["file"]]
        found = {f"{y}-{int(m):02d}-{int(d):02d}" for d, m, y in
                 _SLASH_DATE.findall(text) + _WORD_DATE.findall(text)}
        assert found <= set(sample["dates"]), (sample["file"], found - set(sample["dates"]))
        numbers = set(_DOC_NUMBER.findall(text))
        assert numbers == {d["number"] for d in sample["documents"]}, sample["file"]
        assert sample["published"] in sample["dates"]
        assert sample["inspection_year"] == int(sample["inspection_period"]["start"][:4])


def test_samples_span_years_levels_kinds_and_every_area(expected: dict) -> None:
    samples = expected["samples"]
    assert len({s["inspection_year"] for s in samples}) >= 3
    assert {u["level"] for s in samples for u in s["units"]} >= {"tỉnh", "huyện", "xã", "thị trấn", "phường"}
    assert {d["kind"] for s in samples for d in s["documents"]} >= {"Quyết định", "Kế hoạch", "Thông báo",
                                                                     "Công văn"}
    findings = [f for s in samples for f in s["findings"]]
    assert {f["area"] for f in findings} == AREAS
    assert {f["polarity"] for f in findings} == {"strength", "shortcoming", "recommendation"}


def test_phieu_hen_findings_occur_in_several_samples(expected: dict) -> None:
    hits = {s["file"] for s in expected["samples"] for f in s["findings"] if "phiếu hẹn" in f["text"]}
    assert hits == set(expected["searches"]["phiếu hẹn"])
    assert len(hits) >= 3


def test_recurring_themes_are_backed_by_findings(by_file: dict, expected: dict) -> None:
    """Cross-year comparison needs the same unit and theme as shortcoming in two years, then a strength."""
    for theme in expected["recurring"]:
        seen: dict[str, set[int]] = {"shortcoming": set(), "strength": set()}
        for name in theme["files"]:
            sample = by_file[name]
            for finding in sample["findings"]:
                if theme["unit"]["name"] in finding["units"] and theme["keyword"] in finding["text"]:
                    seen.setdefault(finding["polarity"], set()).add(sample["inspection_year"])
        assert seen["shortcoming"] == set(theme["shortcoming_years"]), theme["theme"]
        assert seen["strength"] == set(theme["strength_years"]), theme["theme"]
        assert len(theme["shortcoming_years"]) >= 2


def test_expected_samples_validate_against_the_extraction_schema(expected: dict) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"shared schema not mounted at {SCHEMA}")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    keys = ("doc_id", "title", "published", "inspection_year", "inspection_period", "units", "documents",
            "dates", "findings")
    for sample in expected["samples"]:
        jsonschema.validate({"schema_version": 1, **{k: sample[k] for k in keys}}, schema)
