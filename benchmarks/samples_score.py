"""Score `kiemtra extract samples/` against the hand annotation in samples_source/expected.json.

    python benchmarks/samples_score.py [--scorer ../shared/eval/score.py]

The samples were written and annotated for this project independently of the extractors, in
every input format (OCR included), so this is a second, small check of how the extractors do
on text they were not tuned on. Prints the shared scorer's report.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from devcorpus import DEFAULT_SCORER, REPO, load_scorer

from core.settings import load_settings
from extractors import discover
from pipeline.process import process

SAMPLES = REPO / "samples"
GOLD_FIELDS = ("published", "inspection_year", "inspection_period", "units", "documents", "dates", "findings")


def write_gold(expected: Path, folder: Path) -> None:
    """One <doc_id>.gold.json per sample, in the schema's shape, from expected.json."""
    for sample in json.loads(expected.read_text(encoding="utf-8"))["samples"]:
        gold = {"schema_version": 1, "doc_id": sample["doc_id"], **{k: sample.get(k) for k in GOLD_FIELDS}}
        (folder / f"{sample['doc_id']}.gold.json").write_text(json.dumps(gold, ensure_ascii=False),
                                                             encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = ap.parse_args()
    scorer = load_scorer(args.scorer)
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp) / "gold", Path(tmp) / "pred"
        gold.mkdir()
        pred.mkdir()
        write_gold(SAMPLES.parent / "samples_source" / "expected.json", gold)
        for path in discover([SAMPLES]):
            _, extraction = process(path, settings=settings)
            (pred / f"{path.stem}.json").write_text(json.dumps(extraction.to_dict(), ensure_ascii=False),
                                                   encoding="utf-8")
        sys.argv = ["score.py", "--gold", str(gold), "--pred", str(pred)]
        scorer.main()


if __name__ == "__main__":
    main()
