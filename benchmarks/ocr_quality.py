"""OCR quality on scanned-looking renderings of the dev corpus: CER and extraction scores.

    python benchmarks/ocr_quality.py [--corpus DIR] [--scorer score.py] [--docs N]
                                     [--conditions 300dpi-clean,200dpi-noise,...]

Each dev text is typeset on A4 pages (benchmarks/scanlib.py), degraded per condition, saved as a
multi-page image or an image-only PDF, and read back through `extractors.read()`. Printed per
condition: pages, wall seconds per page, the character error rate against the original text, and the
headline of the shared scorer on the extractions of the OCR'd files, next to the text files'.
A second table compares kiemtra with plain `tesseract IMAGE - -l vie` on the same page images:
word F1 and CER of both, and CPU seconds per page of the recognition alone (kiemtra's `ocr_image`
in-process against the tesseract process), which other jobs on the machine do not inflate.
Goals: CER ≤ 2 % at 300 dpi, ≤ 5 % at 200 dpi with noise; headline within 0.05 of the text;
kiemtra's CPU at most 1.5× plain Tesseract's.
The texts are read where they lie at run time, never copied into the repo.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from devcorpus import DEFAULT_CORPUS, DEFAULT_SCORER, dev_texts, load_scorer, subset_gold  # noqa: E402
from scanlib import (  # noqa: E402
    CONDITIONS,
    cer,
    cpu_seconds,
    kiemtra_cpu,
    plain_tesseract,
    save_scan,
    scanned_pages,
    word_f1,
)

from core.settings import Settings, load_settings  # noqa: E402
from extractors import read  # noqa: E402
from nlp.extract import extract  # noqa: E402


def headline(scorer: ModuleType, gold: Path, predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The scorer's full result (headline and per-field F1) for these predictions."""
    result: dict[str, Any] = scorer.score(gold, predictions)
    return result


def run_condition(name: str, texts: list[Path], settings: Settings, work: Path) -> dict[str, Any]:
    """OCR every text under one condition: pages, seconds, mean CER, predictions, and per page
    kiemtra against plain Tesseract (word F1, CER, CPU seconds)."""
    condition = CONDITIONS[name]
    pages = 0
    seconds = 0.0
    rates: list[float] = []
    versus: list[tuple[float, ...]] = []
    predictions: dict[str, dict[str, Any]] = {}
    for seed, text_path in enumerate(texts):
        original = text_path.read_text(encoding="utf-8")
        images = scanned_pages(original, condition, seed)
        scan = save_scan(images, condition, work / f"{name}-{text_path.stem}")
        start = time.perf_counter()
        document = read(scan, settings=settings, doc_id=text_path.stem)
        seconds += time.perf_counter() - start
        pages += len(images)
        rate = cer(original, document.text)
        rates.append(rate)
        predictions[text_path.stem] = extract(document).to_dict()
        scan.unlink()
        versus.append(_versus_plain(images, original, document.text, rate, work / f"{name}-{text_path.stem}"))
    means = [sum(row[i] for row in versus) / len(versus) for i in range(4)]
    cpu = [sum(row[i] for row in versus) / pages for i in (4, 5)]
    return {"pages": pages, "seconds": seconds, "cer_mean": sum(rates) / len(rates),
            "cer_max": max(rates), "predictions": predictions, "versus": means + cpu}


def _versus_plain(images: list[Any], original: str, ours: str, ours_cer: float,
                  stem: Path) -> tuple[float, ...]:
    """One document: word F1 and CER of kiemtra's reading (its CER, `ours_cer`, already measured)
    and of plain Tesseract's (its pages' text joined) against the original, and the CPU seconds of
    both recognitions over its pages."""
    plain_pages: list[str] = []
    ours_cpu = plain_cpu = 0.0
    for number, image in enumerate(images):
        path = stem.with_name(f"{stem.name}-{number}.png")
        image.save(path)
        start = cpu_seconds()
        plain_pages.append(plain_tesseract(path))
        plain_cpu += cpu_seconds() - start
        ours_cpu += kiemtra_cpu(path)
        path.unlink()
    plain = "\n".join(plain_pages)
    return (word_f1(original, ours), word_f1(original, plain), ours_cer, cer(original, plain),
            ours_cpu, plain_cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents (0 = all)")
    ap.add_argument("--conditions", default=",".join(CONDITIONS),
                    help=f"comma-separated, from: {', '.join(CONDITIONS)}")
    args = ap.parse_args()
    names = [n.strip() for n in args.conditions.split(",") if n.strip()]
    unknown = [n for n in names if n not in CONDITIONS]
    if unknown:
        ap.error(f"unknown conditions {unknown}; known: {', '.join(CONDITIONS)}")

    settings = load_settings()
    scorer = load_scorer(args.scorer)
    texts = dev_texts(args.corpus, args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        gold = subset_gold(texts, Path(tmp) / "gold")
        baseline = {p.stem: extract(read(p, settings=settings)).to_dict() for p in texts}
        base = headline(scorer, gold, baseline)
        print(f"{len(texts)} documents, {settings.workers} OCR worker(s)")
        print(f"{'condition':<18} {'pages':>5} {'s/page':>7} {'CER mean':>9} {'CER max':>8} "
              f"{'headline':>9} {'Δ text':>7}  units  docs  dates  findings")
        _row("text (no OCR)", 0, 0.0, None, None, base, base)
        runs = {}
        for name in names:
            runs[name] = run = run_condition(name, texts, settings, Path(tmp))
            scores = headline(scorer, gold, run["predictions"])
            _row(name, run["pages"], run["seconds"], run["cer_mean"], run["cer_max"], scores, base)
    print(f"\n{'condition':<18} {'F1 kiemtra':>10} {'F1 plain':>9} {'CER kiemtra':>11} {'CER plain':>9} "
          f"{'cpu s kt':>9} {'cpu s plain':>11} {'ratio':>6}")
    for name, run in runs.items():
        f1, f1_plain, rate, rate_plain, cpu, cpu_plain = run["versus"]
        print(f"{name:<18} {f1:10.3f} {f1_plain:9.3f} {rate:11.2%} {rate_plain:9.2%} {cpu:9.2f} "
              f"{cpu_plain:11.2f} {cpu / cpu_plain:6.2f}", flush=True)


def _row(name: str, pages: int, seconds: float, cer_mean: float | None, cer_max: float | None,
         scores: dict[str, Any], base: dict[str, Any]) -> None:
    per_page = f"{seconds / pages:7.2f}" if pages else f"{'-':>7}"
    rates = (f"{cer_mean:9.2%} {cer_max:8.2%}" if cer_mean is not None and cer_max is not None
             else f"{'-':>9} {'-':>8}")
    delta = scores["headline"] - base["headline"]
    f1s = "  ".join(f"{scores[k]['f1']:.3f}" for k in ("units", "documents", "dates", "findings_typed"))
    print(f"{name:<18} {pages:>5} {per_page} {rates} {scores['headline']:9.3f} {delta:+7.3f}  {f1s}",
          flush=True)


if __name__ == "__main__":
    main()
