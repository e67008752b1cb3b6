"""Which area of public-administration reform a finding is about.

Why the theme vocabulary and not a lexicon of its own: the eight areas are defined by the
annotation guide's table of matters, and the themes of `nlp/vi/themes.toml` are those matters
one level finer, each implying its area; a finding's area is the area whose phrases weigh most
in it (`Taxonomy.area_of`), so a new phrase is one line in the data file and serves extraction
and comparison alike.
"""

from __future__ import annotations

import logging

from nlp.themes import OVERALL, load_taxonomy, matching_form

LOGGER = logging.getLogger(__name__)

__all__ = ["OVERALL", "area_scores", "classify_area", "classify_form", "matching_form"]


def area_scores(text: str) -> dict[str, float]:
    """The evidence for each area in `text`; phrases in its subject weigh more."""
    return load_taxonomy().area_scores(matching_form(text))


def classify_area(text: str) -> str:
    """The area code of a finding's text; "chung" when no specific matter stands out."""
    return classify_form(matching_form(text))


def classify_form(form: str) -> str:
    """`classify_area` of a text already in matching form (a slice of its document's form)."""
    return load_taxonomy().area_of(form)
