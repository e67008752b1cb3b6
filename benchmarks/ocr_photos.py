"""kiemtra against plain Tesseract on phone photos and foreign-OCR scans of letters written here.

    python benchmarks/ocr_photos.py [--shots photo-70dpi,...] [--letters N] [--keep DIR]

Each letter of benchmarks/photolib.py is rendered, photographed or scanned under each condition
(seeded), then read twice: by `extractors.read()` (what kiemtra stores) and by plain
`tesseract IMAGE - -l vie` on the same image (for a PDF: the page image it carries). Printed per
condition: word F1 (bag of words, lower-cased) and character error rate against the letter's
text, wall seconds per page of both (kiemtra's through `read()`, its sandbox process included)
and CPU seconds per page of the recognition alone (kiemtra's `ocr_image` in-process against the
tesseract process), which other jobs on the machine do not inflate. Goal: kiemtra ≥ plain
Tesseract on every condition, at most 1.5× its CPU time. For the foreign-layer PDFs the F1 of
the text layer itself is printed too: what kiemtra stored before it checked the layer.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from photolib import LETTERS, SHOTS, reference_text, write_shot  # noqa: E402
from scanlib import cer, cpu_seconds, kiemtra_cpu, plain_tesseract, word_f1  # noqa: E402

from core.settings import load_settings  # noqa: E402
from extractors import read  # noqa: E402


def page_image(path: Path) -> Path:
    """The image plain Tesseract reads: the file itself, or the page image a PDF carries."""
    if path.suffix != ".pdf":
        return path
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(str(path))
    try:
        image = next(iter(pdf[0].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))))
        out = path.with_suffix(".page.jpg")
        image.extract(str(out.with_suffix("")))
        return next(path.parent.glob(out.with_suffix("").name + ".*"))
    finally:
        pdf.close()


def text_layer(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shots", default=",".join(SHOTS), help=f"comma-separated, from: {', '.join(SHOTS)}")
    ap.add_argument("--letters", type=int, default=len(LETTERS))
    ap.add_argument("--keep", type=Path, help="write the images here and keep them")
    ap.add_argument("--verbose", action="store_true", help="one line per page")
    args = ap.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    settings = load_settings(overrides={"ocr_workers": 1})
    names = [n.strip() for n in args.shots.split(",") if n.strip()]
    letters = LETTERS[:args.letters]
    print(f"{len(letters)} letters per condition; OMP_THREAD_LIMIT=1, one OCR worker")
    print(f"{'condition':<26} {'F1 kiemtra':>10} {'F1 plain':>9} {'CER kiemtra':>11} {'CER plain':>9} "
          f"{'s/page kt':>9} {'s/page plain':>12} {'cpu s kt':>10} {'cpu s plain':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for name in names:
            shot = SHOTS[name]
            rows: list[tuple[float, ...]] = []
            for seed, letter in enumerate(letters):
                reference = reference_text(letter)
                path = write_shot(letter, shot, work / f"{name}-{seed}", seed=seed)
                start = time.perf_counter()
                ours = read(path, settings=settings).text
                ours_s = time.perf_counter() - start
                image = page_image(path)
                start, cpu = time.perf_counter(), cpu_seconds()
                plain = plain_tesseract(image)
                plain_s, plain_cpu = time.perf_counter() - start, cpu_seconds() - cpu
                ours_cpu = kiemtra_cpu(image)
                layer_f1 = word_f1(reference, text_layer(path)) if path.suffix == ".pdf" else float("nan")
                rows.append((word_f1(reference, ours), word_f1(reference, plain), cer(reference, ours),
                             cer(reference, plain), ours_s, plain_s, ours_cpu, plain_cpu, layer_f1))
                if args.verbose:
                    print(f"  {path.name:<30} " + " ".join(f"{v:.3f}" for v in rows[-1]), flush=True)
            means = [sum(r[i] for r in rows) / len(rows) for i in range(len(rows[0]))]
            print(f"{name:<26} {means[0]:10.3f} {means[1]:9.3f} {means[2]:11.2%} {means[3]:9.2%} "
                  f"{means[4]:9.2f} {means[5]:12.2f} {means[6]:10.2f} {means[7]:13.2f}", flush=True)
            if shot.container.startswith("pdf"):
                print(f"{'  (its text layer as is)':<26} {means[8]:10.3f}")


if __name__ == "__main__":
    main()
