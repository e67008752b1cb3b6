"""Units P/R/F1 on the dev corpus: underthesea's generic NER against `nlp.units.find_units`.

Why: the rule-based finder must beat the obvious off-the-shelf baseline to earn its keep.
The baseline maps each LOC entity to a unit, its level from a level word at the entity's
start or just before it ("unknown" otherwise, which the scorer ignores), name stripped of
"UBND" and the level word. Scores come from the shared scorer's own functions.

    .venv/bin/python benchmarks/ner_baseline.py [--score ../shared/eval/score.py] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from devcorpus import DEFAULT_CORPUS, DEFAULT_SCORER, load_scorer

from core.normalize import nfc
from nlp.units import find_units

_LEVEL = re.compile(r"^(?:UBND\s+)?(thành phố|thị trấn|thị xã|đặc khu|tỉnh|huyện|quận|xã|phường|TP\.?)\s*",
                    re.IGNORECASE)


def _level_of(word: str) -> str:
    word = word.lower()
    return "thành phố" if word.startswith("tp") else word


def ner_units(text: str) -> list[dict[str, str]]:
    """LOC entities of underthesea's NER as units (imported late: it loads a model)."""
    from underthesea import ner

    units: list[dict[str, str]] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if not sentence.strip():
            continue
        words: list[str] = []
        entity: list[str] = []
        for token, _pos, _chunk, tag in ner(sentence):
            words.append(token)
            if tag.endswith("LOC") and (tag.startswith("I") and entity):
                entity.append(token)
                continue
            if entity:
                units.append(_as_unit(entity,
                                      words[-len(entity) - 2] if len(words) > len(entity) + 1 else ""))
            entity = [token] if tag.endswith("LOC") else []
        if entity:
            units.append(_as_unit(entity, ""))
    return units


def _as_unit(tokens: list[str], previous: str) -> dict[str, str]:
    phrase = " ".join(tokens).strip(" ,")
    m = _LEVEL.match(phrase)
    if m:
        return {"level": _level_of(m.group(1)), "name": phrase[m.end():], "role": "other"}
    prev = _LEVEL.match(previous + " ")
    return {"level": _level_of(prev.group(1)) if prev else "unknown", "name": phrase, "role": "other"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    scorer = load_scorer(args.score)
    systems = {"underthesea NER": scorer.PRF(), "find_units": scorer.PRF()}
    inspected = scorer.PRF()
    for gold_file in sorted(args.corpus.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = nfc(gold_file.with_name(gold_file.name.replace(".gold.json", ".txt"))
                   .read_text(encoding="utf-8"))
        ours = [m.unit.to_dict() for m in find_units(text, published=gold.get("published"))]
        scorer.set_prf(scorer.unit_keys(gold["units"]), scorer.unit_keys(ner_units(text)),
                       systems["underthesea NER"])
        scorer.set_prf(scorer.unit_keys(gold["units"]), scorer.unit_keys(ours), systems["find_units"])
        scorer.set_prf(scorer.unit_keys(gold["units"], "inspected"), scorer.unit_keys(ours, "inspected"),
                       inspected)
    for name, prf in systems.items():
        r = prf.as_dict()
        print(f"{name:16} units P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}"
              f" (tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    r = inspected.as_dict()
    print(f"{'find_units':16} units_inspected P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}")


if __name__ == "__main__":
    main()
