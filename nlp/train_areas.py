"""Train the finding-area model on annotated findings and write it as plain JSON weights.

    python -m nlp.train_areas [GOLD_DIR] [--out nlp/models/area_model.json] [--seed 0]

Why a script in the package: the model must be rebuilt from the gold by anyone, the same way
every time (fixed seed, deterministic solver, weights rounded), and the runtime must need
nothing but the JSON it writes (`nlp.areas.AreaModel`): scikit-learn is a training-time
dependency only (the dev extra). The features are `nlp.areas.area_features`, the ones the
runtime reads; `benchmarks/crossval.py` calls `train` on each training fold.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core.normalize import matching_form
from nlp.areas import AREA_MODEL_FILE, AreaModel, area_features

LOGGER = logging.getLogger(__name__)

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
C = 1.0  # inverse regularisation strength; chosen under 5-fold document cross-validation
MIN_COUNT = 2  # a word or pair seen in fewer training findings carries no weight
DIGITS = 4  # weights are rounded so the file is small and the same on every machine


def examples_from_gold(golds: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """(finding text, area) of every annotated finding of the given gold documents."""
    return [(f["text"], f["area"]) for gold in golds for f in gold.get("findings") or [] if f.get("area")]


def train(examples: list[tuple[str, str]], seed: int = 0, c: float = C) -> AreaModel:
    """A multinomial logistic regression over `area_features`, features seen fewer than
    MIN_COUNT times dropped, weights rounded to DIGITS places."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features = [area_features(matching_form(text)) for text, _ in examples]
    counts: dict[str, int] = {}
    for found in features:
        for name in found:
            counts[name] = counts.get(name, 0) + 1
    rows = [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT or not k.startswith(("w:", "b:"))}
            for row in features]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    # Balanced: the rare areas (bo_may, tai_chinh) weigh as much as the common ones, so the
    # model does not learn the dev corpus's mix of areas as a prior.
    classifier = LogisticRegression(C=c, max_iter=5000, random_state=seed, class_weight="balanced")
    classifier.fit(matrix, [area for _, area in examples])
    areas = tuple(str(a) for a in classifier.classes_)
    coef, intercept = classifier.coef_.tolist(), classifier.intercept_.tolist()
    if len(areas) == 2:  # one decision row for two classes: the first class scores 0
        coef, intercept = [[0.0] * len(coef[0]), coef[0]], [0.0, intercept[0]]
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        per_area = tuple(round(float(coef[i][j]), DIGITS) for i in range(len(areas)))
        if any(per_area):
            weights[str(name)] = per_area
    return AreaModel(areas, tuple(round(float(x), DIGITS) for x in intercept), weights)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD, help="folder of *.gold.json")
    ap.add_argument("--out", type=Path, default=AREA_MODEL_FILE)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.gold.glob("*.gold.json"))]
    examples = examples_from_gold(golds)
    model = train(examples, seed=args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"{len(examples)} findings from {len(golds)} documents; {len(model.weights)} features"
          f" -> {args.out}")


if __name__ == "__main__":
    main()
