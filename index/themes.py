"""Themes: the recurring matter a finding is about, one level below its area.

Why a theme on top of the area: an auditor comparing years asks "did the appointment slips get
fixed?", not "did tthc get better?"; eight areas are too coarse to say that a shortcoming came
back. The taxonomy lives in one data file (index/themes.toml) so auditors can extend it
without touching code, and assignment is plain weighted phrase matching: deterministic, cheap
enough for every finding at ingest time, and explainable (`theme_scores` shows why).

Matching runs on lowercase text with canonical tone placement, so "hoà"/"hòa" and NFD input
agree, but "quỹ" never matches "quy định" as it would after folding; only text typed without
any diacritics is matched on folded forms, where that is the only way to match at all.
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.models import AREAS, Extraction
from core.normalize import canonical_tones, fold

LOGGER = logging.getLogger(__name__)

THEMES_FILE = Path(__file__).with_name("themes.toml")
OTHER = "khac"
_OTHER_LABEL = "Khác"


@dataclass(frozen=True, slots=True)
class Theme:
    """One recurring matter; `terms` are (phrase, weight) in the order the file gives them."""

    code: str
    label: str
    area: str
    terms: tuple[tuple[str, float], ...] = ()

    @property
    def is_other(self) -> bool:
        return self.code.endswith(f".{OTHER}")


@dataclass(frozen=True, slots=True)
class _Pattern:
    weight: float
    canonical: re.Pattern[str]
    folded: re.Pattern[str]


@dataclass(frozen=True)
class Taxonomy:
    """The loaded themes, with an "<area>.khac" theme for every area, and their patterns."""

    themes: tuple[Theme, ...]
    other_area_min_score: float = 3.0

    @functools.cached_property
    def _by_code(self) -> dict[str, Theme]:
        return {t.code: t for t in self.themes}

    @functools.cached_property
    def _patterns(self) -> tuple[tuple[Theme, tuple[_Pattern, ...]], ...]:
        return tuple((t, tuple(_compile(term, w) for term, w in t.terms)) for t in self.themes if t.terms)

    def get(self, code: str) -> Theme:
        """The theme of `code`; an unknown code (an older taxonomy stored it) reads as its area's other."""
        theme = self._by_code.get(code)
        if theme is not None:
            return theme
        area = code.split(".", 1)[0]
        return self._by_code.get(other_code(area), Theme(code, code, area))

    def label(self, code: str) -> str:
        return self.get(code).label

    def find(self, query: str) -> tuple[Theme, ...]:
        """Themes whose code or label contains `query`, accents optional ("phieu hen")."""
        needle = fold(" ".join(query.split()))
        return tuple(t for t in self.themes if needle in fold(t.code) or needle in fold(t.label))

    def scores(self, text: str) -> list[tuple[Theme, float]]:
        """Every theme with a positive score for `text`, best first; on a tie the theme with the
        heavier single term (the more specific phrase), then file order."""
        subject = _prepare(text)
        folded_only = fold(subject) == subject  # typed without diacritics: match folded terms
        ranked: list[tuple[float, float, int, Theme]] = []
        for order, (theme, patterns) in enumerate(self._patterns):
            score, strongest = _score(subject, patterns, folded=folded_only)
            if score > 0:
                ranked.append((-score, -strongest, order, theme))
        ranked.sort(key=lambda r: r[:3])
        return [(theme, -score) for score, _, _, theme in ranked]

    def assign(self, text: str, area: str) -> str:
        """The theme code for a finding: the best theme of its own area; else a clearly better
        theme of another area (the area classifier can be wrong); else "<area>.khac"."""
        scored = self.scores(text)
        in_area = [pair for pair in scored if pair[0].area == area]
        if in_area:
            return in_area[0][0].code
        if scored and scored[0][1] >= self.other_area_min_score:
            return scored[0][0].code
        return other_code(area if area in AREAS else "chung")


def _score(subject: str, patterns: tuple[_Pattern, ...], *, folded: bool) -> tuple[float, float]:
    """Sum of the weights of matched terms, heaviest first, where matches may not overlap;
    with the heaviest matched weight.

    Why no overlaps: "đeo thẻ công chức" holds two terms of one theme ("đeo thẻ", "thẻ công
    chức") but says one thing once; counting both would let wordy synonyms outvote a theme
    the sentence names as often.
    """
    matches: list[tuple[float, int, int]] = []
    for p in patterns:
        for m in (p.folded if folded else p.canonical).finditer(subject):
            matches.append((p.weight, m.start(), m.end()))
    matches.sort(key=lambda x: (-x[0], x[1]))
    taken: list[tuple[int, int]] = []
    score = 0.0
    for weight, start, end in matches:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        score += weight
    return score, (matches[0][0] if matches else 0.0)


def other_code(area: str) -> str:
    return f"{area}.{OTHER}"


def _prepare(text: str) -> str:
    """Lowercase, canonical tones, single spaces: the form terms are compiled in."""
    return " ".join(canonical_tones(text).lower().split())


def _compile(term: str, weight: float) -> _Pattern:
    """Whole-word patterns of a term: any run of whitespace where the term has a space."""

    def pattern(form: str) -> re.Pattern[str]:
        body = r"\s+".join(re.escape(word) for word in form.split())
        return re.compile(rf"(?<!\w){body}(?!\w)")

    canonical = _prepare(term)
    return _Pattern(weight, pattern(canonical), pattern(fold(canonical)))


def parse_taxonomy(data: dict[str, Any], *, source: str = "themes") -> Taxonomy:
    """Validate a taxonomy's TOML data; a malformed entry is a ConfigError naming it."""
    themes: list[Theme] = []
    seen: set[str] = set()
    for n, entry in enumerate(data.get("theme", []), 1):
        code, label, area, terms = (entry.get(k) for k in ("code", "label", "area", "terms"))
        if not (isinstance(code, str) and isinstance(label, str) and isinstance(terms, dict)):
            raise ConfigError(f"theme #{n} needs a code, a label and terms", path=source)
        if area not in AREAS or not code.startswith(f"{area}."):
            raise ConfigError(f"theme {code}: area must be one of {', '.join(AREAS)} and prefix the code",
                              path=source)
        if code in seen:
            raise ConfigError(f"theme {code} is defined twice", path=source)
        if not all(isinstance(w, int | float) and w > 0 for w in terms.values()):
            raise ConfigError(f"theme {code}: term weights must be positive numbers", path=source)
        seen.add(code)
        themes.append(Theme(code, label, area, tuple((str(t), float(w)) for t, w in terms.items())))
    for area in AREAS:
        if other_code(area) not in seen:
            themes.append(Theme(other_code(area), f"{_OTHER_LABEL} ({area})", area))
    rules = data.get("rules", {})
    return Taxonomy(tuple(themes), float(rules.get("other_area_min_score", 3.0)))


@functools.lru_cache(maxsize=4)
def load_taxonomy(path: Path = THEMES_FILE) -> Taxonomy:
    """The taxonomy in `path` (index/themes.toml by default), parsed once per process."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"cannot read the theme taxonomy: {e}", path=path) from e
    return parse_taxonomy(data, source=str(path))


def assign_theme(text: str, area: str, taxonomy: Taxonomy | None = None) -> str:
    """The theme code of one finding's text within its area (see `Taxonomy.assign`)."""
    return (taxonomy or load_taxonomy()).assign(text, area)


def assign_themes(extraction: Extraction, taxonomy: Taxonomy | None = None) -> Extraction:
    """The extraction with a theme on every finding that has none yet (a theme set upstream wins)."""
    tax = taxonomy or load_taxonomy()
    findings = tuple(f if f.theme else replace(f, theme=tax.assign(f.text, f.area)) for f in extraction.findings)
    return replace(extraction, findings=findings)
