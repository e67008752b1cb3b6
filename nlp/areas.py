"""Which area of public-administration reform a finding is about.

Two parts, each explainable. The vocabulary: the eight areas are defined by the annotation
guide's table of matters, and the themes of `nlp/vi/themes.toml` are those matters one level
finer, each implying its area; the area whose phrases weigh most in a finding is the rule's
answer (`rule_area`), and a new phrase is one line in the data file that serves
extraction and comparison alike. The model: a linear classifier over the finding's words and
word pairs plus the rule's area scores, trained on the annotated dev corpus
(`nlp/train_areas.py`, fixed seed) and stored as plain weights in `nlp/models/area_model.json`.
Why both: the guide decides some areas by the subject of a sentence, not by its nouns ("cán bộ
trực tại bộ phận một cửa" is cong_vu, not tthc); the model learns which words weigh against the
vocabulary, and under document-level cross-validation (`benchmarks/crossval.py`) the pair does
better than the rules alone. Without the weights file the rules decide alone.
"""

from __future__ import annotations

import json
import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.normalize import matching_form
from nlp.finding_units import content_start
from nlp.segment import paragraphs, sentences
from nlp.themes import OVERALL, Taxonomy, load_taxonomy

LOGGER = logging.getLogger(__name__)

__all__ = ["OVERALL", "AreaModel", "area_features", "area_scores", "classify_area", "classify_form",
           "framed_areas", "load_area_model", "rule_area", "vocabulary_area"]

AREA_MODEL_FILE = Path(__file__).parent / "models" / "area_model.json"
_WORD = re.compile(r"\w+")
_RULE_SCALE = 3.0  # a phrase that alone names a matter weighs 3: one such phrase gives feature 1.0


@dataclass(frozen=True, slots=True)
class AreaModel:
    """A linear classifier as plain data: per feature, one weight per area of `areas`."""

    areas: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def predict(self, features: dict[str, float]) -> str:
        totals = list(self.intercepts)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for i, weight in enumerate(row):
                    totals[i] += weight * value
        return self.areas[max(range(len(totals)), key=totals.__getitem__)]

    def to_json(self) -> dict[str, object]:
        return {"areas": list(self.areas), "intercepts": list(self.intercepts),
                "weights": {k: list(v) for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> AreaModel:
        areas, intercepts, weights = data["areas"], data["intercepts"], data["weights"]
        assert isinstance(areas, list) and isinstance(intercepts, list) and isinstance(weights, dict)
        return cls(tuple(areas), tuple(float(x) for x in intercepts),
                   {str(k): tuple(float(x) for x in v) for k, v in weights.items()})


def area_features(form: str, taxonomy: Taxonomy | None = None) -> dict[str, float]:
    """What the model reads of a finding in matching form: its words ("w:"), its word pairs
    ("b:"), the rule's evidence per area ("r:", in units of one naming phrase) and the rule's
    answer ("rule:")."""
    tax = taxonomy or load_taxonomy()
    return _features(form, tax, _form_scores(form, tax))


def _features(form: str, taxonomy: Taxonomy, scores: dict[str, float]) -> dict[str, float]:
    """`area_features` with the vocabulary's area scores of `form` already computed."""
    words = _WORD.findall(form)
    features = {f"w:{w}": 1.0 for w in words}
    features.update((f"b:{a} {b}", 1.0) for a, b in zip(words, words[1:], strict=False))
    for area, score in scores.items():
        features[f"r:{area}"] = score / _RULE_SCALE
    features[f"rule:{taxonomy.best_area(scores)}"] = 1.0
    return features


@lru_cache(maxsize=2)
def load_area_model(path: Path = AREA_MODEL_FILE) -> AreaModel | None:
    """The shipped area model, or None (rules alone) when the file is absent or unreadable."""
    try:
        return AreaModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, AssertionError, TypeError) as e:
        LOGGER.warning("%s: area model unreadable (%s); areas come from the vocabulary alone", path, e)
        return None


def _form_scores(form: str, taxonomy: Taxonomy) -> dict[str, float]:
    """The vocabulary's evidence per area in `form` (matching form), its subject read where the
    judged content begins (after "Theo X," or a speaker's verb: nlp/finding_units.py), so the
    body that speaks or demands is not taken for the matter."""
    return taxonomy.area_scores(form, content_start(form))


def area_scores(text: str) -> dict[str, float]:
    """The vocabulary's evidence for each area in `text`; phrases in its subject weigh more."""
    return _form_scores(matching_form(text), load_taxonomy())


def rule_area(text: str) -> str:
    """The vocabulary's answer alone (no model): the area whose phrases weigh most in `text`;
    "chung" when none weighs enough. What `classify_area` answers without a weights file."""
    return vocabulary_area(matching_form(text)) or OVERALL


def classify_area(text: str, model: AreaModel | None = None) -> str:
    """The area code of a finding's text; "chung" when no specific matter stands out."""
    return classify_form(matching_form(text), model)


def vocabulary_area(form: str) -> str | None:
    """The area the vocabulary alone gives `form` (matching form), None when it names no matter.

    Why not the model: the segmenter asks whether two sides of a join are about different matters,
    and a rule that holds for the genre must not depend on what a trained model saw."""
    taxonomy = load_taxonomy()
    area = taxonomy.best_area(_form_scores(form, taxonomy))
    return None if area == OVERALL else area


def vocabulary_themes(form: str) -> tuple[str, ...]:
    """The themes the vocabulary alone reads in `form` (matching form) at least as a strong hint,
    best first, an area's "other" theme left out (Taxonomy.strong_themes). As `vocabulary_area`,
    for the segmenter: whether two sides of a comma speak of one matter, a finer question than one
    area (the badge a civil servant wears and the training he has are both of the civil service,
    and two matters)."""
    return load_taxonomy().strong_themes(form)


def classify_form(form: str, model: AreaModel | None = None) -> str:
    """`classify_area` of a text already in matching form (a slice of its document's form).

    The vocabulary decides alone when it is sure, the model otherwise. Sure is one phrase that names
    its matter alone (the data file's `names_matter`, the weight by which a theme is named too):
    out of document folds the model, trained on few findings of each area and remembering the
    words of the documents it saw, overruled such a phrase more often wrongly than rightly (areas
    0.854 → 0.865 in document CV, session 20; sure at two phrases before). `model` replaces the
    shipped one (cross-validation retrains it on each training fold)."""
    model = model or load_area_model()
    taxonomy = load_taxonomy()
    scores = _form_scores(form, taxonomy)
    if model is None:
        return taxonomy.best_area(scores)
    if scores and max(scores.values()) >= taxonomy.names_matter:
        return taxonomy.best_area(scores)
    return model.predict(_features(form, taxonomy, scores))


def framed_areas(text: str, spans: Sequence[tuple[int, int]], areas: Sequence[str],
                 form: str | None = None) -> list[str]:
    """`areas` of a document's findings (`spans`: start, end in `text`, reading order), those of
    findings naming no matter of the vocabulary at all read in their frame.

    Such a finding ("không gian làm việc sạch sẽ") takes the area the words of its sentence before
    it name (the lead-in the annotation guide leaves out of the span: "Về công bố công khai TTHC,
    tại đây có ..."), else the area of the finding before it in its paragraph. Why: reports and
    news name the matter once, then list what they saw of it; the guide asks for the matter a
    finding is about, which such an item says only through its frame. A finding with any phrase
    of its own keeps its area: a weak one too, and the overall judgement's words (chung.tong_the:
    "kết quả CCHC", "khắc phục những hạn chế") mark a finding about the whole, not the item before."""
    doc_form = form if form is not None and len(form) == len(text) else matching_form(text)
    taxonomy = load_taxonomy()
    frames = _frames(text)
    sent_starts = [s for _, s, _ in frames]
    out: list[str] = []
    prev_end, prev_area, prev_para = -1, OVERALL, -1
    for (start, end), area in zip(spans, areas, strict=True):
        at = bisect_right(sent_starts, start) - 1
        para, sent = frames[at][:2] if at >= 0 and start < frames[at][2] else (-1, start)
        if not taxonomy.matches(doc_form[start:end]):
            lead_from = max(sent, prev_end)
            lead = vocabulary_area(doc_form[lead_from:start]) if lead_from < start else None
            area = lead or (prev_area if prev_para == para and prev_area != OVERALL else area)
        out.append(area)
        prev_end, prev_area, prev_para = end, area, para
    return out


def _frames(text: str) -> list[tuple[int, int, int]]:
    """(paragraph start, sentence start, sentence end) of every non-empty sentence of `text`, in
    order: sentences do not overlap, so the one holding an offset is found by bisection (a huge
    document's findings times its sentences would otherwise be a quadratic scan)."""
    return [(para.start, sent.start, sent.end) for para in paragraphs(text)
            for sent in sentences(text, para) if sent.start < sent.end]
