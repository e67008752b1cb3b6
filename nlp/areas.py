"""Which area of public-administration reform a finding is about.

Why a weighted lexicon and not a classifier: the eight areas are defined by the annotation
guide's table of matters, and the genre names those matters with a stable vocabulary
("phiếu hẹn", "chữ ký số", "đeo thẻ"); a sum of term weights is explainable, needs no training
data, and a new term is one line in `nlp/vi/area_terms.py`.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from core.normalize import canonical_tones, lower_same_length
from nlp.vi.area_terms import AREA_TERMS, SPECIFIC_MIN, SUBJECT_BONUS, SUBJECT_CHARS

LOGGER = logging.getLogger(__name__)

OVERALL = "chung"

_WORD = re.compile(r"\w+")


def matching_form(text: str) -> str:
    """Lower case with canonical tone placement, same length as `text` (NFC in).

    Length matters: callers compute it once per document and slice it by the offsets of the
    original. The rare letter whose lower case is longer ("İ") is kept as it is.
    """
    return lower_same_length(canonical_tones(text))


@lru_cache(maxsize=1)
def _compiled_terms() -> tuple[tuple[str, re.Pattern[str], frozenset[str], float], ...]:
    """The lexicon as whole-word patterns with the words each needs, built once (constant data).

    A term matches whole words only, so it cannot match a text lacking one of its words: that
    set test skips almost every pattern of a finding before the regex engine runs.
    """
    compiled = []
    for area, terms in AREA_TERMS.items():
        for term, weight in terms:
            form = matching_form(term)
            pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
            compiled.append((area, pattern, frozenset(_WORD.findall(form)), weight))
    return tuple(compiled)


def area_scores(text: str) -> dict[str, float]:
    """The evidence for each specific area in `text`; terms in its subject weigh more."""
    return _form_scores(matching_form(text))


def _form_scores(form: str) -> dict[str, float]:
    present = set(_WORD.findall(form))
    scores: dict[str, float] = {}
    for area, pattern, needs, weight in _compiled_terms():
        if not needs <= present:
            continue
        for match in pattern.finditer(form):
            bonus = SUBJECT_BONUS if match.start() < SUBJECT_CHARS else 1.0
            scores[area] = scores.get(area, 0.0) + weight * bonus
    return scores


def classify_area(text: str) -> str:
    """The area code of a finding's text; "chung" when no specific matter stands out."""
    return classify_form(matching_form(text))


def classify_form(form: str) -> str:
    """`classify_area` of a text already in matching form (a slice of its document's form)."""
    scores = _form_scores(form)
    if not scores:
        return OVERALL
    best = max(scores, key=lambda area: (scores[area], area))
    return best if scores[best] >= SPECIFIC_MIN else OVERALL
