"""Dev texts hard-wrapped at a fixed width, as text copied from a PDF: do they keep their scores?

    python benchmarks/hard_wrapped.py [--corpus DIR] [--scorer score.py] [--docs N] [--width W]

Each paragraph of each dev text is wrapped at `--width` characters (line breaks inside
sentences, as a PDF's text layer or an e-mail client leaves them) and read by the same reader
as the plain text. The table compares the plain texts, the wrapped texts as read (lines joined
by `core.wrapping` in `document_from_blocks`), and the wrapped texts with the joining switched
off, so the gain of the text layer's joining is visible.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from devcorpus import DEFAULT_CORPUS, DEFAULT_SCORER, dev_texts, load_scorer, subset_gold  # noqa: E402

from core.settings import load_settings  # noqa: E402
from extractors import read  # noqa: E402
from nlp.extract import extract  # noqa: E402

MEASURES = ("units", "units_inspected", "dates", "findings_typed")


def hard_wrap(text: str, width: int) -> str:
    """Every line wrapped at `width`; blank lines (paragraph breaks) kept."""
    return "\n".join(textwrap.fill(line, width) if line.strip() else line for line in text.split("\n"))


def _extract_all(paths: list[Path], folder: Path, width: int | None,
                 settings: Any) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        source = path
        if width is not None:
            source = folder / path.name
            source.write_text(hard_wrap(path.read_text(encoding="utf-8"), width), encoding="utf-8")
        out[path.stem] = extract(read(source, settings=settings, doc_id=path.stem)).to_dict()
    return out


def _row(label: str, result: dict[str, Any]) -> None:
    cells = "  ".join(f"{result[k]['f1']:.3f}" for k in MEASURES)
    print(f"{label:<28} {result['headline']:.3f}     {cells}     {result['finding_units']['acc']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents (0 = all)")
    ap.add_argument("--width", type=int, default=80)
    args = ap.parse_args()
    settings = load_settings()
    scorer = load_scorer(args.scorer)
    texts = dev_texts(args.corpus, args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        gold = subset_gold(texts, folder / "gold")
        print(f"{'version':<28} headline  units  insp.  dates  typed     finding units")
        _row("plain text", scorer.score(gold, _extract_all(texts, folder, None, settings)))
        joined = _extract_all(texts, folder, args.width, settings)
        _row(f"wrapped at {args.width}, joined", scorer.score(gold, joined))
        with mock.patch("core.models.join_wrapped_lines", lambda text, width=None: text):
            unjoined = _extract_all(texts, folder, args.width, settings)
        _row(f"wrapped at {args.width}, not joined", scorer.score(gold, unjoined))


if __name__ == "__main__":
    main()
