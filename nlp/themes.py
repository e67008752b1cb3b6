"""The matters CCHC findings are about: one vocabulary and one matcher for area and theme.

Why one vocabulary: the area of a finding (extraction) and its theme (comparison across
years) describe the same matters at two grains; described twice, with two matchers, they
drifted apart ("số hóa" was so_hoa for one and tthc for the other). Here every phrase belongs to
exactly one theme and every theme implies its area (the annotation guide's table), in one data
file (`nlp/vi/themes.toml`) an auditor or linguist extends without touching code.

Why weighted phrases: deterministic, cheap enough for every finding at ingest, explainable
(`Taxonomy.matches` shows why). Matching runs on the one matching form (`matching_form`:
lowercase, canonical tone placement, same length as the text), so "hoà"/"hòa" and NFD input
agree but "quỹ" never matches "quy định" as it would after folding; only text typed without
any diacritics is matched on folded forms, where that is the only way to match at all.

The same matches give two readings: a theme's score counts overlapping phrases of one theme
once ("đeo thẻ công chức" is one mention of badges), an area's score sums every phrase of its
themes, weighting those in the finding's subject (its first words) more.

Some matters are only the setting of another ([[setting]] in the data file, each with the
annotation guide's reason): the one-stop office is where staff are present or polite (conduct,
cong_vu) and where the machines stand (its facilities, tthc). When a finding names such a
matter, the setting's phrases count for that matter's area; the themes keep their phrases.
A phrase inside the name of a body ([bodies]: "Sở Giáo dục và Đào tạo", "Phòng Tài chính - Kế
hoạch") names the body that acts or is ranked, not a matter, and is not matched at all.

An area's own names (the [areas] table: the headings the reports give its section) are read
only in queries (`Taxonomy.areas_named`), as whole runs of folded words: a heading is typed
with or without its comma ("chỉ đạo, điều hành") and accents, and names the area, not a theme.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from core.alternation import longest_first
from core.errors import ConfigError
from core.models import AREA_NAMES, AREAS, Extraction, Finding
from core.normalize import fold, matching_form
from core.tables import read_table
from nlp.segment import Span, labels_only, paragraphs, sentences
from nlp.vi import anaphora as A
from nlp.vi import cues

LOGGER = logging.getLogger(__name__)

THEMES_FILE = Path(__file__).parent / "vi" / "themes.toml"
OTHER = "khac"
OVERALL = "chung"
_OTHER_LABEL = "Khác"
_WORD = re.compile(r"\w+")
# At most this many themes on a finding's search record, its own first: a finding's sentence
# speaks of one or two matters; a third strong theme is rare and a fourth is a list of
# everything (a summary paragraph), which would bring the finding to every matter's query.
MAX_THEMES = 3
# An area's name ([areas]) is a whole heading phrase: at least two words, so three syllables
# (a Vietnamese word has one or two: "chỉ đạo", "tài chính" are single words of every area).
MIN_NAME_SYLLABLES = 3


@dataclass(frozen=True, slots=True)
class Theme:
    """One recurring matter; `terms` are (phrase, weight) in the order the file gives them;
    `patterns` (regular expression, weight) are what no fixed phrase can say (a time of day:
    "lúc 8h30", "13h42"), read in findings only (`Taxonomy.matches`)."""

    code: str
    label: str
    area: str
    terms: tuple[tuple[str, float], ...] = ()
    patterns: tuple[tuple[str, float], ...] = ()

    @property
    def is_other(self) -> bool:
        return self.code.endswith(f".{OTHER}")


@dataclass(frozen=True, slots=True)
class Match:
    """One phrase of a theme found in a text, at offsets of the text it was found in."""

    theme: Theme
    phrase: str
    weight: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Phrase:
    theme: Theme
    phrase: str
    weight: float
    # The patterns' sources, compiled when first scanned (`canonical`, `folded`)
    canonical_source: str
    folded_source: str
    needs: frozenset[str]  # the words the phrase is made of: absent one, it cannot match
    needs_folded: frozenset[str]
    # Whether the folded pattern may match: not for one syllable written with marks ("quỹ",
    # "khoán", "mạng", "vắng"), whose folded form is mostly other words (quy of "quy chế",
    # khoản, mang, vàng); a phrase of several syllables, or one written without marks, reads the
    # same folded (the syllables constrain each other, as index/accents.py says of words).
    folds_clearly: bool = True
    syllables: tuple[str, ...] = ()  # the phrase's words in matching form, as `_Phrase.agreeing` reads them
    is_pattern: bool = False  # a theme's pattern (`Theme.patterns`), read in findings, not queries

    @property
    def canonical(self) -> re.Pattern[str]:
        """The whole-word pattern of the phrase as written (in matching form)."""
        return _pattern(self.canonical_source)

    @property
    def folded(self) -> re.Pattern[str]:
        """The whole-word pattern of the phrase folded."""
        return _pattern(self.folded_source)

    def agreeing(self, form: str, folded_form: str, present: set[str]) -> Iterator[tuple[int, int]]:
        """The phrase's spans in `form` (a query in `matching_form`, typed partly without marks)
        where each syllable typed with marks is the phrase's own and each typed without them may
        be the phrase's in any marks: the engine's reading of a typed syllable (index/query/plan.py:
        `Alternative`, accents optional where none is typed). `folded_form` is fold(form),
        `present` the words of both. A phrase that does not fold clearly ("quỹ") only where
        typed so."""
        if not self.folds_clearly:
            yield from ((m.start(), m.end()) for m in self.finditer(form, present, False))
            return
        if not self.needs_folded <= present:
            return
        own = self.syllables
        for m in self.folded.finditer(folded_form):
            typed = _WORD.findall(form[m.start():m.end()])
            if len(typed) == len(own) and all(t in (o, fold(t)) for t, o in zip(typed, own, strict=True)):
                yield m.start(), m.end()

    def finditer(self, form: str, present: set[str], folded_only: bool) -> Iterator[re.Match[str]]:
        """The phrase's matches in `form`, whose words are `present`; its folded pattern when the
        text is typed without diacritics (`folded_only`), if it reads clearly folded
        (`folds_clearly`); no scan when one of its words is absent."""
        if folded_only and not self.folds_clearly:
            return iter(())
        if not (self.needs_folded if folded_only else self.needs) <= present:
            return iter(())
        return (self.folded if folded_only else self.canonical).finditer(form)


@dataclass(frozen=True, slots=True)
class AreaRules:
    """How phrase scores become an area (the [rules] table of the data file)."""

    specific_min: float = 2.0  # below this best area score a finding is an overall judgement
    subject_chars: int = 60  # phrases starting within these first characters are its subject
    subject_bonus: float = 1.3  # ... and weigh this much more


@dataclass(frozen=True, slots=True)
class Setting:
    """Themes that are only the setting of another matter: when one of `matters` is clearly in a
    finding (its theme scores `strong_hint`), the phrases of `themes` count for `area` there."""

    themes: frozenset[str]
    matters: frozenset[str]
    area: str
    why: str


@dataclass(frozen=True)
class Taxonomy:
    """The loaded themes, with an "<area>.khac" theme for every area, and their compiled phrases."""

    themes: tuple[Theme, ...]
    other_area_min_score: float = 3.0
    area_rules: AreaRules = AreaRules()
    strong_hint: float = 2.0  # a theme scoring this much in a text is clearly one of its matters
    # (area code, one of its names as the reports head their sections: the [areas] table), file
    # order; each name kept as the folded words it is matched by (`_name_words`).
    area_names: tuple[tuple[str, tuple[str, ...]], ...] = ()
    settings: tuple[Setting, ...] = ()
    # Names of bodies ([bodies] in the data file): a phrase inside one names the body, no matter
    # ("đào tạo" in "Sở Giáo dục và Đào tạo", "thôn" in "Phát triển nông thôn").
    bodies: tuple[str, ...] = ()
    names_matter: float = 3.0  # a phrase of this weight names its matter alone (`assign`)

    def areas_named(self, text: str) -> tuple[str, ...]:
        """The areas whose whole names `text` says ("tồn tại về tổ chức bộ máy" → bo_may), in
        file order. Accents and punctuation optional: a name is its folded words, found as a run
        of the text's words within one part ("|" parts a text apart, a name never runs across)."""
        parts = [_name_words(part) for part in text.split("|")]
        return tuple(dict.fromkeys(area for area, words in self.area_names
                                   if any(_holds(part, words) for part in parts)))

    @functools.cached_property
    def _by_code(self) -> dict[str, Theme]:
        return {t.code: t for t in self.themes}

    @functools.cached_property
    def labels(self) -> dict[str, str]:
        """Each known theme code's label, in file order: what the facets, the filters' choices and
        their refusals show beside a code (one table for the CLI and the page, built once)."""
        return {t.code: t.label for t in self.themes}

    @functools.cached_property
    def _phrases(self) -> tuple[_Phrase, ...]:
        return (tuple(_compile(theme, term, weight) for theme in self.themes for term, weight in theme.terms)
                + tuple(_compile_pattern(theme, rx, weight) for theme in self.themes
                        for rx, weight in theme.patterns))

    @functools.cached_property
    def _query_phrases(self) -> tuple[_Phrase, ...]:
        return tuple(p for p in self._phrases if not p.is_pattern)

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

    @functools.cached_property
    def _body_phrases(self) -> tuple[_Phrase, ...]:
        body = Theme("", "", OVERALL)
        return tuple(_compile(body, name, 1.0) for name in self.bodies)

    def matches(self, form: str, marks_optional: bool = False) -> list[Match]:
        """Every phrase found in `form` (a text in `matching_form`), in phrase order, but those
        inside the name of a body (`bodies`). `marks_optional`: `form` is a query, whose
        syllables typed without marks may be any of their marked forms (`_Phrase.agreeing`).

        Why only a query's: a finding is written with its marks, so a syllable without them
        ("chi" of "chi tiêu") is that syllable; a query is often typed partly without them
        ("so theo dõi"), and read whole as written it names nothing its unmarked words say.
        A theme's patterns are not read in a query (`Theme.patterns`)."""
        phrases = self._query_phrases if marks_optional else self._phrases
        folded_form = fold(form)
        folded_only = folded_form == form  # typed without diacritics: match folded phrases
        if marks_optional and not folded_only and len(folded_form) == len(form):
            present = set(_WORD.findall(folded_form)) | set(_WORD.findall(form))
            spans = [(p, span) for p in phrases for span in p.agreeing(form, folded_form, present)]
            named = [span for p in self._body_phrases for span in p.agreeing(form, folded_form, present)]
        else:
            present = set(_WORD.findall(form))
            spans = [(p, (m.start(), m.end())) for p in phrases
                     for m in p.finditer(form, present, folded_only)]
            named = [(m.start(), m.end()) for p in self._body_phrases
                     for m in p.finditer(form, present, folded_only)]
        return [Match(p.theme, p.phrase, p.weight, start, end) for p, (start, end) in spans
                if not any(s <= start and end <= e for s, e in named)]

    def scores(self, text: str, marks_optional: bool = False,
               read: str | None = None) -> list[tuple[Theme, float]]:
        """Every theme with a positive score for `text`, best first; on a tie the theme with the
        heavier single term (the more specific phrase), then file order. `marks_optional`: as
        `matches`, for a query. `read`: the same query as its search read it, syllable for
        syllable (the accents it read into words typed without them): its phrases count too,
        each span once (a query's words typed "thu quy" say "quỹ" read "thủ quỹ")."""
        found = self.matches(matching_form(text), marks_optional)
        if read is not None and len(read) == len(text):
            seen = {(m.phrase, m.start, m.end) for m in found}
            found += [m for m in self.matches(matching_form(read), marks_optional=True)
                      if (m.phrase, m.start, m.end) not in seen]
        return self._theme_scores(found)

    @functools.cached_property
    def _file_order(self) -> dict[str, int]:
        """Each theme's place in the data file, the last tie-break of `_theme_scores`."""
        return {t.code: n for n, t in enumerate(self.themes)}

    def _theme_scores(self, matches: list[Match]) -> list[tuple[Theme, float]]:
        order = self._file_order
        by_theme: dict[str, list[Match]] = {}
        for m in matches:
            by_theme.setdefault(m.theme.code, []).append(m)
        ranked = []
        for code, found in by_theme.items():
            score, strongest = _theme_score(found)
            ranked.append((-score, -strongest, order[code], self._by_code[code]))
        ranked.sort(key=lambda r: r[:3])
        return [(theme, -score) for score, _, _, theme in ranked]

    def assign(self, text: str, area: str) -> str:
        """The theme code for a finding: the best theme of its own area, one that a phrase of its
        own names (weight `names_matter`) before one only hinted at; else a clearly better theme of
        another area (the area classifier can be wrong); else "<area>.khac".

        Why a named theme first: an area's broad theme gathers the words every finding of the
        area repeats ("thủ tục hành chính", "tiếp nhận", "giải quyết", "hồ sơ"), and their sum
        outweighs the one phrase that says what the finding is about ("sổ tiếp nhận … còn bỏ
        trống", "hồ sơ giải quyết trễ hạn", "chưa công khai danh mục thủ tục"): the hints say
        where the matter lies, the naming phrase says which it is."""
        found = self.matches(matching_form(text))
        scored = self._theme_scores(found)
        named = {m.theme.code for m in found if m.weight >= self.names_matter}
        in_area = sorted((pair for pair in scored if pair[0].area == area),
                         key=lambda pair: pair[0].code not in named)  # stable: best first within each
        if in_area:
            return in_area[0][0].code
        if scored and scored[0][1] >= self.other_area_min_score:
            return scored[0][0].code
        return other_code(area if area in AREAS else OVERALL)

    def clear_matter(self, text: str) -> str | None:
        """The matter `text` clearly speaks of, whatever its area: the best of the themes a phrase of
        it names (weight `names_matter`), else the best scoring `strong_hint`; None when none does
        (what a pointer after it takes up: `context_theme`)."""
        found = self.matches(matching_form(text))
        named = {m.theme.code for m in found if m.weight >= self.names_matter}
        clear = [theme for theme, score in self._theme_scores(found)
                 if not theme.is_other and (theme.code in named or score >= self.strong_hint)]
        clear.sort(key=lambda theme: theme.code not in named)  # stable: best first within each
        return clear[0].code if clear else None

    def area_matter(self, text: str, area: str) -> str | None:
        """The matter of `area` `text` speaks of (`assign`'s, when of that area and not its "khác");
        None when it names none (what a detail naming none takes up: `context_theme`)."""
        theme = self.get(self.assign(text, area))
        return theme.code if theme.area == area and not theme.is_other else None

    def mentioned(self, text: str, primary: str | None) -> tuple[str, ...]:
        """The themes a finding clearly speaks of: `primary` (its theme, `assign`'s) first, then
        every other theme scoring at least `strong_hint` in `text`, strongest first, at most
        MAX_THEMES in all.

        Why: a finding carries one theme for comparison, but its sentence often names two
        matters ("tỷ lệ hồ sơ trực tuyến còn thấp, chưa ký số văn bản"); search finds it by
        either. A weak hint ("hồ sơ", "kế hoạch") is said of every matter and is left out.
        """
        strong = [code for code in self.strong_themes(text) if code != primary]
        return ((primary,) if primary else ()) + tuple(strong)[:MAX_THEMES - (1 if primary else 0)]

    def strong_themes(self, text: str) -> tuple[str, ...]:
        """Every theme scoring at least `strong_hint` in `text`, strongest first, an area's "other"
        theme left out: the matters the text clearly names, with no cap (`mentioned` caps them)."""
        return tuple(theme.code for theme, score in self.scores(text)
                     if score >= self.strong_hint and not theme.is_other)

    def area_scores(self, form: str, subject_from: int = 0) -> dict[str, float]:
        """The evidence for each area in `form` (matching form): every phrase of the area's
        themes counts, phrases in the subject (the subject_chars from `subject_from`, where
        the judged content begins) weigh more."""
        rules = self.area_rules
        found = self.matches(form)
        area_of = self._setting_areas(found)
        scores: dict[str, float] = {}
        for m in found:
            in_subject = subject_from <= m.start < subject_from + rules.subject_chars
            bonus = rules.subject_bonus if in_subject else 1.0
            area = area_of.get(m.theme.code, m.theme.area)
            scores[area] = scores.get(area, 0.0) + m.weight * bonus
        return scores

    def _setting_areas(self, found: list[Match]) -> dict[str, str]:
        """The themes that are only the setting of a matter `found` names clearly, with the area
        their phrases count for (the first [[setting]] that applies). A phrase inside a longer
        phrase of another theme names nothing of its own ("một cửa" in "phần mềm một cửa")."""
        if not self.settings:
            return {}
        own = [m for m in found if not any(o.theme.code != m.theme.code and o.start <= m.start
                                           and m.end <= o.end and o.end - o.start > m.end - m.start
                                           for o in found)]
        clear = {theme.code for theme, score in self._theme_scores(own) if score >= self.strong_hint}
        area_of: dict[str, str] = {}
        for setting in self.settings:
            if setting.matters & clear:
                for code in setting.themes:
                    area_of.setdefault(code, setting.area)
        return area_of

    def best_area(self, scores: dict[str, float]) -> str:
        """The area of the largest of `area_scores`; "chung" when none reaches specific_min."""
        if not scores:
            return OVERALL
        best = max(scores, key=lambda area: (scores[area], area))
        return best if scores[best] >= self.area_rules.specific_min else OVERALL


def _theme_score(matches: list[Match]) -> tuple[float, float]:
    """Sum of the weights of one theme's matches, heaviest first, where matches may not overlap;
    with the heaviest matched weight.

    Why no overlaps: "đeo thẻ công chức" holds two terms of one theme ("đeo thẻ", "thẻ công
    chức") but says one thing once; counting both would let wordy synonyms outvote a theme
    the sentence names as often.
    """
    ordered = sorted(matches, key=lambda m: (-m.weight, m.start))
    taken: list[tuple[int, int]] = []
    score = 0.0
    for m in ordered:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        score += m.weight
    return score, (ordered[0].weight if ordered else 0.0)


def _name_words(text: str) -> tuple[str, ...]:
    """The folded words of `text` (matching form: "Hoà" = "hoà" = "hoa"), punctuation dropped."""
    return tuple(_WORD.findall(fold(matching_form(text))))


def _holds(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Whether `run` is a run of consecutive `words`."""
    n = len(run)
    return n > 0 and any(words[i:i + n] == run for i in range(len(words) - n + 1))


def other_code(area: str) -> str:
    return f"{area}.{OTHER}"


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """A phrase's pattern, compiled the first time a text holding the phrase's words is scanned
    for it. Why not when the taxonomy is read: a query holds the words of a handful of the 1,200
    phrases, and compiling them all took 0.35 s of every new process, which a one-off `kiemtra
    search` paid each time (ux28). Kept for the process (re's own cache holds 512)."""
    return re.compile(source)


def _compile(theme: Theme, term: str, weight: float) -> _Phrase:
    """Whole-word patterns of a phrase: any run of whitespace where the phrase has a space."""

    def pattern(form: str) -> str:
        body = r"\s+".join(re.escape(word) for word in form.split())
        return rf"(?<!\w){body}(?!\w)"

    canonical = " ".join(matching_form(term).split())
    folded = fold(canonical)
    return _Phrase(theme, term, weight, pattern(canonical), pattern(folded),
                   frozenset(_WORD.findall(canonical)), frozenset(_WORD.findall(folded)),
                   len(folded.split()) > 1 or folded == canonical, tuple(_WORD.findall(canonical)))


def _compile_pattern(theme: Theme, regex: str, weight: float) -> _Phrase:
    """A theme's pattern as a phrase matched on whole words: on the matching form as written, on the
    folded form for text typed without diacritics (the regex folded too: its letters lose their
    marks, its syntax has none). It needs no word (it is always scanned) and is read in findings
    only (`Taxonomy.matches`): a pattern reads what a finding records, such as the time of a visit,
    which a query does not ask by."""

    def pattern(form: str) -> str:
        return rf"(?<!\w)(?:{form})(?!\w)"

    return _Phrase(theme, regex, weight, pattern(matching_form(regex)), pattern(fold(regex)),
                   frozenset(), frozenset(), is_pattern=True)


def _parse_patterns(code: str, patterns: Any, source: str) -> tuple[tuple[str, float], ...]:
    """A theme's optional `patterns` table validated: regular expressions that compile, written in
    the matching form they are matched on, each with a positive weight."""
    if patterns is None:
        return ()
    if not isinstance(patterns, dict):
        raise ConfigError(f"theme {code}: patterns must be a table of regex = weight", path=source)
    out = []
    for rx, weight in patterns.items():
        if not (isinstance(weight, int | float) and weight > 0):
            raise ConfigError(f"theme {code}: pattern weights must be positive numbers", path=source)
        if matching_form(rx) != rx:  # lowercasing would turn \S into \s, \D into \d
            raise ConfigError(f"theme {code}: write pattern {rx!r} in lower case with canonical tones",
                              path=source)
        try:
            re.compile(rx)
        except re.error as exc:
            raise ConfigError(f"theme {code}: pattern {rx!r} is no regular expression ({exc})",
                              path=source) from exc
        out.append((str(rx), float(weight)))
    return tuple(out)


def parse_taxonomy(data: dict[str, Any], *, source: str = "themes") -> Taxonomy:
    """Validate a taxonomy's TOML data; a malformed entry is a ConfigError naming it."""
    themes: list[Theme] = []
    seen: set[str] = set()
    phrases: dict[str, str] = {}
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
        for term in terms:
            key = " ".join(matching_form(str(term)).split())
            if key in phrases:
                raise ConfigError(f"theme {code}: phrase {term!r} already belongs to {phrases[key]}",
                                  path=source)
            phrases[key] = code
        seen.add(code)
        themes.append(Theme(code, label, area, tuple((str(t), float(w)) for t, w in terms.items()),
                            _parse_patterns(code, entry.get("patterns"), source)))
    for area in AREAS:
        if other_code(area) not in seen:
            # Named with the area's name, not its code: the label is what the comparison shows.
            themes.append(Theme(other_code(area), f"{_OTHER_LABEL} ({AREA_NAMES[area]})", area))
    rules = data.get("rules", {})
    area_rules = AreaRules(float(rules.get("specific_min", 2.0)), int(rules.get("subject_chars", 60)),
                           float(rules.get("subject_bonus", 1.3)))
    return Taxonomy(tuple(themes), float(rules.get("other_area_min_score", 3.0)), area_rules,
                    float(rules.get("strong_hint", 2.0)), _parse_area_names(data.get("areas", {}), source),
                    _parse_settings(data.get("setting", []), {t.code for t in themes}, source),
                    _parse_bodies(data.get("bodies", {}), source),
                    names_matter=float(rules.get("names_matter", 3.0)))


def _parse_bodies(table: Any, source: str) -> tuple[str, ...]:
    """The [bodies] table validated: `names`, a list of phrases, and a `why`."""
    if not isinstance(table, dict):
        raise ConfigError("[bodies] must be a table with names and why", path=source)
    if not table:
        return ()
    names, why = table.get("names"), table.get("why")
    if not (isinstance(names, list) and all(isinstance(n, str) and n.strip() for n in names)):
        raise ConfigError("[bodies] names must be a list of phrases", path=source)
    if not (isinstance(why, str) and why.strip()):
        raise ConfigError("[bodies]: say why in `why`", path=source)
    return tuple(" ".join(n.split()) for n in names)


def _parse_settings(entries: Any, codes: set[str], source: str) -> tuple[Setting, ...]:
    """The [[setting]] entries validated: known theme codes in `themes` and `matters`, an area,
    and a `why` (a setting overrides the themes' own areas: it must say on what authority)."""
    if not isinstance(entries, list):
        raise ConfigError("[[setting]] must be an array of tables", path=source)
    out = []
    for n, entry in enumerate(entries, 1):
        themes, matters, area, why = (entry.get(k) for k in ("themes", "matters", "area", "why"))
        for name, value in (("themes", themes), ("matters", matters)):
            if not (isinstance(value, list) and value and all(isinstance(c, str) for c in value)):
                raise ConfigError(f"setting #{n}: {name} must be a list of theme codes", path=source)
            unknown = sorted(set(value) - codes)
            if unknown:
                raise ConfigError(f"setting #{n}: unknown theme {', '.join(unknown)} in {name}", path=source)
        if area not in AREAS:
            raise ConfigError(f"setting #{n}: area must be one of {', '.join(AREAS)}", path=source)
        if not (isinstance(why, str) and why.strip()):
            raise ConfigError(f"setting #{n}: say why (the guide's reason) in `why`", path=source)
        out.append(Setting(frozenset(themes), frozenset(matters), area, why.strip()))
    return tuple(out)


def _parse_area_names(table: Any, source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The [areas] table validated, as (area, a name's folded words) in file order: each key an
    area, each value a list of names of three syllables or more: a Vietnamese word is one or two
    ("chỉ đạo", "tài chính"), and a single word is said of every area; a malformed entry is a
    ConfigError."""
    if not isinstance(table, dict):
        raise ConfigError("[areas] must be a table of area = [names]", path=source)
    out = []
    for area, names in table.items():
        if area not in AREAS:
            raise ConfigError(f"[areas] {area}: not one of {', '.join(AREAS)}", path=source)
        whole = isinstance(names, list) and all(
            isinstance(n, str) and len(_name_words(n)) >= MIN_NAME_SYLLABLES for n in names)
        if not whole:
            raise ConfigError(f"[areas] {area}: names must be a list of phrases of "
                              f"{MIN_NAME_SYLLABLES} syllables or more",
                              path=source)
        out += [(area, _name_words(name)) for name in names]
    return tuple(out)


@functools.lru_cache(maxsize=4)
def load_taxonomy(path: Path = THEMES_FILE) -> Taxonomy:
    """The taxonomy in `path` (nlp/vi/themes.toml by default), parsed once per process."""
    return parse_taxonomy(read_table(path, "the theme taxonomy"), source=str(path))


def finding_themes(text: str, primary: str | None) -> tuple[str, ...]:
    """`Taxonomy.mentioned` of the project's vocabulary: what a finding's search record carries
    (the composition layer passes it to the store and the search index, which run no NLP)."""
    return load_taxonomy().mentioned(text, primary)


def assign_themes(extraction: Extraction, taxonomy: Taxonomy | None = None,
                  text: str | None = None) -> Extraction:
    """The extraction with a theme on every finding that has none yet (a theme set upstream wins).

    `text`: the document's text, which the findings' offsets point into; given, a finding whose own
    words say it is about the matter just said takes that matter (`context_theme`). The theme set,
    its own clearly named matters stay on its search record (`Taxonomy.mentioned` reads them from
    its text)."""
    tax = taxonomy or load_taxonomy()
    paras = paragraphs(text) if text is not None else []
    findings = []
    for f in extraction.findings:
        if not f.theme:
            theme = tax.assign(f.text, f.area)
            if text is not None:
                theme = context_theme(tax, text, paras, f, theme) or theme
            f = replace(f, theme=theme)
        findings.append(f)
    return replace(extraction, findings=tuple(findings))


_STATE = rf"(?:{longest_first(A.STATE_NOUNS)})"
# One state noun or a run of them ("tình trạng vi phạm", "tồn tại, hạn chế"), then a pointer.
_POINTED = re.compile(rf"(?<!\w){_STATE}(?:(?:\s*,\s*|\s+và\s+|\s+){_STATE})*"
                      rf"\s+(?:{longest_first(A.POINTERS)})(?!\w)(?!\s+là(?!\w))")
_COORDINATED = re.compile(r",|\svà\s")
_NOT_STATE = re.compile(rf"(?<!\w)(?:{longest_first(A.NOT_STATE)})(?!\w)")
_REMAINDER = re.compile(rf"(?<!\w){longest_first((A.REMAINDER,))}(?!\w)")
_SUMMARY_BEFORE = re.compile(rf"(?<!\w)(?:{longest_first(A.SUMMARY_QUANTIFIERS)})\s*$")


def continues(text: str) -> bool:
    """Whether a finding opens by pointing back at the state of affairs just described: a noun
    standing for one ("tình trạng", "việc", "thực tế") and a pointer ("này", "đó", "nêu trên"),
    or the rest of a quantity ("39% còn lại"), within its first A.OPENING_WORDS words.

    Why: the genre names a matter once and takes it up with a pointer ("… 39% còn lại do cán bộ
    tiếp nhận chậm …. Tình trạng này đã ảnh hưởng đến chỉ tiêu tiến độ giải quyết"); the words
    after the pointer say what followed from it (a cause, an effect, a request), not a new matter.
    Not a summary ("Những tồn tại, hạn chế nêu trên …", `_one_state`): it sums up a list of
    matters, none of which it is about alone."""
    form = matching_form(text)
    for pattern in (_POINTED, _REMAINDER):
        for m in pattern.finditer(form):
            opening = form[:m.start()]
            if len(_WORD.findall(opening)) >= A.OPENING_WORDS:
                break
            if pattern is _POINTED and not _one_state(form, m):
                continue
            return True
    return False


# A topic frame opening a sentence, up to its comma: a topic lead ("Nói về …,", "Về …,", "Đối với
# …,"), perhaps after the occasion it was said on ("Trao đổi với PV về …,"); `matter` is what it names.
_TOPIC_FRAME = re.compile(
    rf"^\W*(?:(?:{longest_first(cues.OCCASION_VERBS)})\s+với\s+[^,;:]{{0,60}}?\s)?"
    rf"(?:{longest_first(cues.TOPIC_LEADS)})\s+(?P<matter>[^,;:]{{1,80}}?)\s*,")


def frame_matter(opening: str) -> str | None:
    """The words naming what a sentence is about when `opening` (the sentence's words before a
    finding) opens on a topic frame (cues.TOPIC_LEADS: "Nói về việc số hóa hồ sơ, …", "Về vấn đề
    này, …", "Liên quan đến …, …"); None when it does not.

    Why: a frame at a sentence's head says what every statement after it in that sentence is about,
    and the statement often names it no more ("Nói về việc số hóa hồ sơ, Chủ tịch UBND huyện cho
    rằng kết quả còn thấp"): the span, cut after the frame as the annotation guide cuts it, keeps
    no word of its matter. Only at the sentence's head: a topic preposition inside a clause ("chưa
    báo cáo về việc …") is that clause's own object, read with its words."""
    m = _TOPIC_FRAME.match(matching_form(opening))
    return opening[m.start("matter"):m.end("matter")] if m else None


def _one_state(form: str, m: re.Match[str]) -> bool:
    """Whether the state nouns `m` found (in `form`) stand for one state of affairs: not a list's
    summary (a plural before them, or nouns joined by "," or "và") and not the tail of a word
    naming none ("buổi làm việc này", A.NOT_STATE)."""
    if _SUMMARY_BEFORE.search(form[:m.start()]) or _COORDINATED.search(m.group()):
        return False
    return not any(w.start() < m.start() < w.end() for w in _NOT_STATE.finditer(form))


def context_theme(tax: Taxonomy, text: str, paras: list[Span], finding: Finding, own: str) -> str | None:
    """The matter `finding` (its own theme `own`, `Taxonomy.assign`'s) takes from the `text` before
    it: that of the nearest sentence before it naming one, its own
    sentence's words before it first; None when its words do not ask for one or none is named.

    One idea, a detail is about the matter its context just named, in three cases:
    - its sentence opens on a topic frame the span was cut after, or before an earlier piece of the
      sentence (`frame_matter`: "Nói về việc số hóa hồ sơ, Chủ tịch UBND huyện cho rằng kết quả
      còn thấp"): the matter the frame clearly names, any area, when the finding's own words name
      none clearly. A statement naming its own says the finer matter or the point made ("Về công
      khai TTHC, …; niêm yết kịp thời phí và lệ phí" is about posting the fees; "Nói về vai trò của
      CNTT, ông X đánh giá cao sáng kiến …" praises an initiative), and the frame's matter would push
      it off the record's first place. A frame pointing back ("Về vấn đề này, ông X cho biết …")
      takes up, as a pointer opening the finding does, the matter named before its sentence.
    - it opens by pointing back ("Tình trạng này …", `continues`): the matter the text before it
      clearly names (`Taxonomy.clear_matter`), any area, and, when nothing of its paragraph comes
      before it, that of the paragraph before. Any area: the pointer says the matter is the one
      just said, and the finding's area is read from the words after it, often the cause's or the
      effect's ("39% còn lại do cán bộ tiếp nhận chậm" is filed under the civil service, and is
      about the late files). Across one paragraph break: the press breaks paragraphs every
      sentence or two, and a pointer opening a paragraph points at the one before; further back,
      the passage has moved on. A heading, a caption or a byline between them (`labels_only`)
      is stepped over: it states nothing a pointer takes up, and the line under a photo of the
      one-stop office ("Bộ phận một cửa huyện …") would name its matter.
    - its own words name no matter of its area (`own` is "<area>.khac"): the nearest matter of
      its area within its paragraph ("UBND tỉnh vừa công bố kết quả chỉ số CCHC ... . Theo đó, các
      đơn vị đều đạt từ loại khá trở lên"), as the units a passage names are carried to the
      findings that name none (Finding.passage_units). Its area only: its area is read from its
      own words and section, and a matter of another area before it is another topic. Never past
      the paragraph: without a pointer, a new paragraph may open a new matter."""
    opening = _opening(text, paras, finding.start)
    framed = frame_matter(opening.text) if opening is not None else None
    if opening is not None and framed is not None:
        if continues(framed):
            return _nearest_matter(text, paras, opening.start, tax.clear_matter, past_break=True)
        if tax.clear_matter(finding.text) is None and (theme := tax.clear_matter(framed)) is not None:
            return theme
    if continues(finding.text):
        return _nearest_matter(text, paras, finding.start, tax.clear_matter, past_break=True)
    if tax.get(own).is_other:
        return _nearest_matter(text, paras, finding.start,
                               functools.partial(tax.area_matter, area=finding.area), past_break=False)
    return None


def _opening(text: str, paras: list[Span], start: int) -> Span | None:
    """The words of the sentence holding `start` that come before it (empty when it opens the
    sentence); None outside every paragraph."""
    para = next((p for p in paras if p.start <= start < p.end), None)
    if para is None:
        return None
    sent = next((s for s in sentences(text, para) if s.start <= start < s.end), None)
    begin = sent.start if sent is not None else para.start
    return Span(begin, start, text[begin:start])


def _nearest_matter(text: str, paras: list[Span], start: int, matter: Callable[[str], str | None],
                    *, past_break: bool) -> str | None:
    """The first `matter` read going back from `start`: the words of its sentence before it, the
    sentences of its paragraph before those, and with `past_break`, when nothing of its paragraph
    comes before it, the sentences of the nearest paragraph before that states something (past
    headings and captions, `labels_only`)."""
    at = next((n for n, p in enumerate(paras) if p.start <= start < p.end), None)
    if at is None:
        return None
    before = [Span(s.start, min(s.end, start), text[s.start:min(s.end, start)])
              for s in sentences(text, paras[at]) if s.start < start]
    if past_break and not any(s.text.strip() for s in before):
        prose = next((p for p in reversed(paras[:at]) if not labels_only(p.text)), None)
        before = sentences(text, prose) if prose is not None else []
    for sent in reversed(before):
        theme = matter(sent.text)
        if theme is not None:
            return theme
    return None
