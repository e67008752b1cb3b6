"""Reader throughput: PDF text layer (pdfplumber vs pypdfium2), DOCX, HTML, OCR with 1 and 2 workers.

The PDF rows through read() include the sandbox process and, per `pdf_layout`, pdfplumber on
no page ("fast"), on pages with ruled tables ("auto", the default) or on every page ("layout").

Usage: python benchmarks/readers.py [FILE ...]   (default: samples/, or generated files if empty)
Prints numbers only; the choice of pypdfium2 as the PDF fast path rests on these.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "extractors"), str(REPO / "benchmarks")]

from core.settings import Settings, load_settings  # noqa: E402
from extractors import discover, read  # noqa: E402
from extractors.ocr import ocr_image  # noqa: E402


def _timed(fn: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    count = fn()
    return time.perf_counter() - start, count


def _pdfplumber_pages(paths: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
    return pages


def _pdfium_pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for page in pdf:
            page.get_textpage().get_text_range()
            pages += 1
        pdf.close()
    return pages


def _generated(folder: Path) -> list[Path]:
    """Stand-in files when samples/ is empty, built with the test fixtures."""
    from reader_fixtures import write_docx, write_html, write_pdf, write_scanned_pdf

    lines = [f"Dòng {i}: Đoàn kiểm tra cải cách hành chính làm việc với Ủy ban nhân dân xã."
             for i in range(35)]
    return [write_pdf(folder / "digital.pdf", [lines] * 20), write_docx(folder / "report.docx"),
            write_html(folder / "page.html"), write_scanned_pdf(folder / "scan.pdf")]


def _long_report(folder: Path, pages: int = 40) -> Path:
    """A digital report long enough for a rate: `pages` pages of 35 lines each."""
    from reader_fixtures import write_pdf

    lines = [f"Dòng {i}: Đoàn kiểm tra cải cách hành chính làm việc với Ủy ban nhân dân xã."
             for i in range(35)]
    return write_pdf(folder / "long-report.pdf", [lines] * pages)


def _thousand_pages(folder: Path) -> Path:
    """The hostile-input test's 1,000-page report, every page a different sentence (a repeated
    line would be dropped as a running header); its read was once timed in the test (< 60 s)."""
    from reader_fixtures import write_pdf

    places = ("an", "bình", "cát", "dương", "hòa", "lợi", "minh", "phú", "tân", "thạnh")
    pages = [[f"Ủy ban nhân dân xã {places[i // 100]} {places[i // 10 % 10]} {places[i % 10]} "
              "thực hiện tốt công tác cải cách hành chính."] for i in range(1000)]
    return write_pdf(folder / "nghin-trang.pdf", pages)


def _multi_page_scan(folder: Path) -> Path:
    """A six-page 300 dpi scan, so that two workers have pages of one file to share."""
    from scanlib import CONDITIONS, write_scan

    paragraph = ("Qua kiểm tra, Ủy ban nhân dân xã đã niêm yết công khai thủ tục hành chính; tuy nhiên "
                 "một số hồ sơ còn giải quyết trễ hạn theo Kế hoạch số 12/KH-UBND ngày 05/3/2024.\n")
    path, _ = write_scan(paragraph * 64, CONDITIONS["300dpi-clean"], folder / "scan-4-pages")
    return path


def _rate(label: str, seconds: float, count: int, unit: str) -> None:
    print(f"{label:<34} {count:>5} {unit:<6} {seconds:8.2f}s"
          f"  {count / seconds if seconds else 0:8.1f} {unit}/s")


def main(argv: list[str]) -> None:
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        files = discover([Path(a) for a in argv] or [REPO / "samples"]) or _generated(Path(tmp))
        by_suffix: dict[str, list[Path]] = {}
        for path in files:
            by_suffix.setdefault(path.suffix.lower(), []).append(path)
        pdfs = by_suffix.get(".pdf", [])
        digital = [p for p in pdfs if read(p, settings=settings).source.ocr_pages == 0]
        digital.append(_long_report(Path(tmp)))  # samples are 1-2 pages: rates there are start-up
        _pdfplumber_pages(digital[:1])  # warm-up: imports and font caches are not throughput
        scanned = ([p for p in pdfs if p not in digital] + by_suffix.get(".png", [])
                   + by_suffix.get(".tif", []))
        if digital:
            _rate("pdf text, pdfplumber", *_timed(lambda: _pdfplumber_pages(digital)), "pages")
            _rate("pdf text, pypdfium2", *_timed(lambda: _pdfium_pages(digital)), "pages")
            for mode in ("fast", "auto", "layout"):
                moded = settings.replace(pdf_layout=mode)
                _rate(f"pdf read(), pdf_layout={mode}",
                      *_timed(functools.partial(_read_pages, digital, moded)), "pages")
        thousand = _thousand_pages(Path(tmp))  # tests/extractors/test_hostile.py counts its work
        _rate("pdf read(), 1,000 pages", *_timed(functools.partial(_read_pages, [thousand], settings.replace(
            max_pages=2000, ocr_lang="khong-co"))), "pages")
        for suffix in (".docx", ".html", ".htm", ".txt"):
            if by_suffix.get(suffix):
                docs = by_suffix[suffix]
                _rate(f"{suffix[1:]} read()", *_timed(functools.partial(_read_all, docs, settings)), "docs")
        _ocr([*scanned[:2], _multi_page_scan(Path(tmp))], settings)


def _read_pages(paths: list[Path], settings: Settings) -> int:
    return sum(read(p, settings=settings).source.pages or 0 for p in paths)


def _read_all(paths: list[Path], settings: Settings) -> int:
    for path in paths:
        read(path, settings=settings)
    return len(paths)


def _ocr_pages(paths: list[Path], settings: Settings) -> int:
    return sum(read(p, settings=settings).source.ocr_pages for p in paths)


def _ocr(paths: list[Path], settings: Settings) -> None:
    from reader_fixtures import scanned_image

    image = scanned_image()
    seconds, _ = _timed(lambda: len(ocr_image(image, lang="vie", page=1)))
    print(f"{'ocr in-process, one page':<34} {seconds:8.2f}s/page")
    for workers in (1, 2):
        limited = settings.replace(ocr_workers=workers)
        seconds, pages = _timed(functools.partial(_ocr_pages, paths, limited))
        print(f"{f'ocr read(), {workers} worker(s)':<34} {pages:>5} pages {seconds:8.2f}s  "
              f"{seconds / max(pages, 1):6.2f}s/page")


if __name__ == "__main__":
    main(sys.argv[1:])
