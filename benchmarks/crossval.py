"""k-fold document-level cross-validation of the extraction on the dev corpus.

    python benchmarks/crossval.py [CORPUS_DIR] [--folds 5] [--seed 0] [--errors FILE]

Why: scores on the texts the rules were tuned on overstate how the extractor does on unseen
text. The documents are dealt into k folds (by source kind, then shuffled with a fixed seed);
each fold is scored by the shared scorer (../shared/eval/score.py, imported, not copied) as if
it were a corpus of its own. Rule parts have nothing to train, so their per-fold scores show
the spread a new batch of texts can expect; learned parts (`LEARNED`) are retrained on the
other k-1 folds before they predict a fold, so no document is ever predicted by a model that
saw its gold. Prints, for every measure the scorer prints, the score of each fold, the mean,
the standard deviation and the range, and the pooled score of all out-of-fold predictions.
`--errors FILE` writes every finding the scorer did not accept, fold by fold, for reading the
errors of folds nobody tuned on. `--split REGEX` replaces the k folds by two: the documents
whose id matches REGEX and the rest ("(news|report)_1" parts the dev corpus into the texts
added later and the older ones); each is predicted by the parts trained on the other, so the
two fold columns are the two directions of a batch-to-batch estimate.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from devcorpus import DEFAULT_CORPUS, DEFAULT_SCORER, dev_texts, load_scorer, subset_gold

from core.settings import load_settings
from extractors import read
from nlp.extract import extract
from nlp.load import load_pipeline

if TYPE_CHECKING:
    from nlp.areas import AreaModel

PRF_MEASURES = ("units", "units_inspected", "documents", "dates", "findings_span", "findings_typed")
ACC_MEASURES = ("published", "inspection_year", "inspection_period", "province", "document_kind",
                "document_date", "finding_polarity", "finding_area", "finding_units")

Prediction = dict[str, Any]
Gold = dict[str, Any]
# A learned part: trained on the gold of the training documents, it returns a function that
# rewrites one out-of-fold prediction (its document's text given) with the part retrained.
Trainer = Callable[[list[Gold], int], Callable[[Prediction, str], Prediction]]


def area_model(golds: list[Gold], seed: int) -> AreaModel:
    """The finding-area model retrained on the training folds' gold findings (also what
    benchmarks/search_textcv.py extracts a fold's texts with)."""
    from nlp.train_areas import examples_from_gold, train

    return train(examples_from_gold(golds), seed=seed)


def _area_trainer(golds: list[Gold], seed: int) -> Callable[[Prediction, str], Prediction]:
    """The finding-area model retrained on the training folds' gold findings."""
    from nlp.areas import classify_area

    model = area_model(golds, seed)

    def apply(pred: Prediction, text: str) -> Prediction:
        areas = [classify_area(f["text"], model=model) for f in pred.get("findings", [])]
        return _with_areas(pred, text, areas)

    return apply


def _rules_only(golds: list[Gold], seed: int) -> Callable[[Prediction, str], Prediction]:
    """Areas from the vocabulary alone (nothing trained): the baseline a learned area must beat."""
    from nlp.areas import rule_area

    def apply(pred: Prediction, text: str) -> Prediction:
        return _with_areas(pred, text, [rule_area(f["text"]) for f in pred.get("findings", [])])

    return apply


def _with_areas(pred: Prediction, text: str, areas: list[str]) -> Prediction:
    """`pred` with its findings' areas replaced by `areas`, those naming no matter then read in
    their frame as the extractor reads them (`nlp.areas.framed_areas`)."""
    from nlp.areas import framed_areas

    findings = pred.get("findings", [])
    framed = framed_areas(text, [(f["start"], f["end"]) for f in findings], areas)
    return {**pred, "findings": [{**f, "area": a} for f, a in zip(findings, framed, strict=True)]}


def _learned() -> dict[str, Trainer]:
    """The learned parts of the extractor, by name (empty when every part is rules)."""
    try:
        import nlp.train_areas  # noqa: F401
    except ImportError:
        return {}
    return {"area": _area_trainer}


@dataclass(frozen=True)
class Doc:
    doc_id: str
    text: str
    gold: Gold
    pred: Prediction


def _load(corpus: Path) -> list[Doc]:
    """Every dev document with its gold and the extractor's prediction (one pipeline, one pass)."""
    settings = load_settings()
    nlp = load_pipeline()
    docs = []
    for path in dev_texts(corpus):
        document = read(path, settings=settings)
        gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))
        pred = extract(document, nlp).to_dict()
        pred["doc_id"] = path.stem
        docs.append(Doc(path.stem, document.text, gold, pred))
    return docs


def folds_of(doc_ids: list[str], k: int, seed: int) -> list[list[str]]:
    """k folds of documents: each source kind (the id's prefix) shuffled with `seed` and dealt
    round robin, so every fold holds news and reports in the corpus's proportion."""
    rng = random.Random(seed)
    by_kind: dict[str, list[str]] = {}
    for doc_id in sorted(doc_ids):
        by_kind.setdefault(doc_id.rsplit("_", 1)[0], []).append(doc_id)
    dealt: list[str] = []
    for kind in sorted(by_kind):
        ids = by_kind[kind]
        rng.shuffle(ids)
        dealt.extend(ids)
    return [dealt[i::k] for i in range(k)]


def split_by(doc_ids: list[str], pattern: str) -> list[list[str]]:
    """Two folds: the documents whose id matches `pattern` (from its start), then the rest."""
    rx = re.compile(pattern)
    matching = sorted(i for i in doc_ids if rx.match(i))
    return [matching, sorted(i for i in doc_ids if not rx.match(i))]


def _measures(result: dict[str, Any]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for name in PRF_MEASURES:
        for part in ("p", "r", "f1"):
            out[f"{name} {part.upper()}"] = result[name][part]
    for name in ACC_MEASURES:
        out[f"{name} acc"] = result[name]["acc"]
    out["headline"] = result["headline"]
    return out


def _score(scorer: ModuleType, corpus: Path, docs: list[Doc], preds: dict[str, Prediction]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = subset_gold([corpus / f"{d.doc_id}.txt" for d in docs], Path(tmp) / "gold")
        result: dict[str, Any] = scorer.score(gold_dir, preds)
        return result


def _errors(scorer: ModuleType, fold: int, docs: list[Doc], preds: dict[str, Prediction]) -> list[str]:
    """The findings the scorer did not accept in one fold: missed, spurious, wrong kind or area."""
    lines = []
    for doc in docs:
        gold, pred = doc.gold.get("findings") or [], preds[doc.doc_id].get("findings") or []
        pairs = scorer.match_findings(gold, pred)
        paired_g, paired_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if g["polarity"] != p["polarity"] or g.get("area") != p.get("area"):
                lines.append(f"{fold}\t{doc.doc_id}\tWRONG\tgold={g['polarity']}/{g.get('area')}"
                             f"\tpred={p['polarity']}/{p.get('area')}\t{p['text']}")
        lines += [f"{fold}\t{doc.doc_id}\tMISSED\t{g['polarity']}/{g.get('area')}\t\t{g['text']}"
                  for i, g in enumerate(gold) if i not in paired_g]
        lines += [f"{fold}\t{doc.doc_id}\tSPURIOUS\t\t{p['polarity']}/{p.get('area')}\t{p['text']}"
                  for i, p in enumerate(pred) if i not in paired_p]
    return lines


def area_by_class(scorer: ModuleType, docs: list[Doc],
                  preds: dict[str, Prediction]) -> dict[str, tuple[int, int]]:
    """(right, total) of the area of paired findings, per gold area: which areas the errors hide in."""
    counts: dict[str, tuple[int, int]] = {}
    for doc in docs:
        gold, pred = doc.gold.get("findings") or [], preds[doc.doc_id].get("findings") or []
        for gi, pi in scorer.match_findings(gold, pred):
            area = gold[gi].get("area")
            right, total = counts.get(area, (0, 0))
            counts[area] = (right + (area == pred[pi].get("area")), total + 1)
    return counts


def _cell(value: float | None) -> str:
    return "    —" if value is None else f"{value:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0, help="fold assignment and model training seed")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--errors", type=Path, help="write the findings not accepted, per fold, to this file")
    ap.add_argument("--split", metavar="REGEX",
                    help="two folds instead of k: document ids matching REGEX, and the rest")
    ap.add_argument("--rules-only", action="store_true", help="areas from the vocabulary alone, no model")
    args = ap.parse_args()

    scorer = load_scorer(args.scorer)
    docs = _load(args.corpus)
    by_id = {d.doc_id: d for d in docs}
    learned = {"area (rules only)": _rules_only} if args.rules_only else _learned()
    folds = (split_by(list(by_id), args.split) if args.split
             else folds_of(list(by_id), args.folds, args.seed))
    per_fold: list[dict[str, float | None]] = []
    pooled: dict[str, Prediction] = {}
    error_lines: list[str] = []
    for n, fold in enumerate(folds, 1):
        test = [by_id[i] for i in fold]
        train_gold = [d.gold for d in docs if d.doc_id not in fold]
        preds = {d.doc_id: d.pred for d in test}
        for trainer in learned.values():
            apply = trainer(train_gold, args.seed)
            preds = {d.doc_id: apply(preds[d.doc_id], d.text) for d in test}
        pooled.update(preds)
        per_fold.append(_measures(_score(scorer, args.corpus, test, preds)))
        error_lines += _errors(scorer, n, test, preds)
    overall = _measures(_score(scorer, args.corpus, docs, pooled))

    print(f"{len(docs)} documents, {len(folds)} folds (seed {args.seed}), sizes "
          f"{', '.join(str(len(f)) for f in folds)}; learned parts retrained per fold: "
          f"{', '.join(learned) or 'none'}")
    header = "".join(f"{'f' + str(i):>7}" for i in range(1, len(folds) + 1))
    print(f"{'measure':<24}{header}{'mean':>8}{'±sd':>7}{'min':>7}{'max':>7}{'pooled':>8}")
    for name in per_fold[0]:
        values = [fold[name] for fold in per_fold]
        known = [v for v in values if v is not None]
        mean = statistics.fmean(known) if known else None
        sd = statistics.stdev(known) if len(known) > 1 else None
        cells = "".join(f"{_cell(v):>7}" for v in values)
        print(f"{name:<24}{cells}{_cell(mean):>8}{_cell(sd):>7}{_cell(min(known, default=None)):>7}"
              f"{_cell(max(known, default=None)):>7}{_cell(overall[name]):>8}")
    by_class = area_by_class(scorer, docs, pooled)
    print("finding_area by gold area (pooled): " + ", ".join(
        f"{area} {right}/{total}={right / total:.2f}" for area, (right, total) in sorted(by_class.items())))
    if args.errors:
        args.errors.write_text("\n".join(error_lines) + "\n", encoding="utf-8")
        print(f"{len(error_lines)} finding errors written to {args.errors}")


if __name__ == "__main__":
    main()
