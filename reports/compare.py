"""Cross-year comparison for auditors: which matters keep coming back, where, and what got fixed.

Why over the store and not the search index: these reports need every finding of every year,
with the document's units and their post-2025 successors, which only the system of record
holds; they are plain functions over `Store`, returning dataclasses that pipeline/export.py renders (tables,
CSV, XLSX, charts) and the CLI prints.

Unit identity. A unit is the same across years when its province, tier (commune, district,
province: a xã that became a phường is still the same commune) and name agree. Two pre-2025
communes merged into one new commune stay two units (their histories are not one history), but
a unit named in a document of 2025 or later is the predecessor whose `Unit.current` it is, when
exactly one predecessor in that province has it: the renamed unit continues the old one.

Which units a finding is about is core.attribution.attribute, the rule the search index uses
too. Evidence says whether the sentence named the unit or inherited it (`named`), and a
recurrence or turnaround needs at least one finding that names the unit: a report's general
remarks spread over every inspected unit would otherwise make each of them "recur" alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from core.attribution import attribute
from core.levels import ADMIN_LEVELS, Level, row_of, split_level
from core.models import Polarity, Unit
from core.normalize import fold, match_key
from index.store import Store
from nlp.themes import Taxonomy, load_taxonomy

SHORTCOMING, STRENGTH = Polarity.SHORTCOMING, Polarity.STRENGTH
REORGANISATION_YEAR = 2025  # documents from this year on may name the post-reorganisation units
MIN_RECURRENCE_YEARS = 2


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True, order=True)
class UnitKey:
    """What makes two mentions one unit: province, tier and name, all as match keys."""

    province: str
    tier: str
    name: str


@dataclass(frozen=True, slots=True)
class UnitRef:
    key: UnitKey
    label: str  # "xã Cam Tuyền", as the earliest mention wrote it
    province: str | None = None
    current: str | None = None  # today's unit after the 2025 reorganisation
    level: Level | None = None  # the level it was named at (None: a name the document did not place)


@dataclass(frozen=True, slots=True)
class ThemedFinding:
    """A stored finding with its year, theme and resolved units."""

    doc_key: str
    doc_id: str
    year: int | None
    polarity: str
    area: str
    theme: str
    text: str
    units: tuple[UnitRef, ...] = ()
    named: bool = False  # the sentence names its units (not inherited from the document)
    finding_id: str = ""  # the stored finding's id, so a report can link to it


@dataclass(frozen=True, slots=True)
class Filters:
    """What a report is restricted to; None means no restriction."""

    theme: str | None = None  # theme code, or words of its code or label ("phieu hen")
    unit: str | None = None  # a unit's name, "level name", or its post-2025 unit's name
    year_from: int | None = None
    year_to: int | None = None
    # Only units named at this level by the finding (as the search's level filter: a thị trấn named a
    # xã after 2025 is a commune's finding then); the edges read what was typed (core/levels.py).
    level: Level | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    year: int | None
    polarity: str
    text: str
    named: bool
    finding_id: str = ""


@dataclass(frozen=True, slots=True)
class MatrixCell:
    documents: int = 0
    units: int = 0


@dataclass(frozen=True)
class ThemeYearMatrix:
    """Shortcomings per theme and year: distinct documents and distinct units in each cell."""

    themes: tuple[str, ...]
    years: tuple[int, ...]
    cells: dict[tuple[str, int], MatrixCell]
    labels: dict[str, str]

    def cell(self, theme: str, year: int) -> MatrixCell:
        return self.cells.get((theme, year), MatrixCell())


@dataclass(frozen=True, slots=True)
class Recurrence:
    """One unit with the same shortcoming theme in two or more years."""

    unit: UnitRef
    theme: str
    label: str
    years: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    after_merger: tuple[tuple[int, str], ...] = ()  # (year, unit): its merged successor's (`_after_merger`)

    @property
    def first_year(self) -> int:
        return self.years[0]

    @property
    def last_year(self) -> int:
        return self.years[-1]


@dataclass(frozen=True, slots=True)
class Turnaround:
    """A unit's shortcoming on a theme followed, in a later year, by a strength on it."""

    unit: UnitRef
    theme: str
    label: str
    shortcoming_years: tuple[int, ...]
    strength_years: tuple[int, ...]
    improved_in: int  # the first strength year after the first shortcoming
    relapsed: bool  # a shortcoming again after `improved_in`
    evidence: tuple[Evidence, ...]
    after_merger: tuple[tuple[int, str], ...] = ()  # (year, unit): its merged successor's (`_after_merger`)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    year: int | None
    unit: str
    theme: str
    label: str
    polarity: str
    doc_id: str
    text: str
    named: bool
    finding_id: str = ""


@dataclass(frozen=True)
class Comparison:
    """Every report over one load of the store (the CLI prints or exports them together)."""

    filters: Filters
    matrix: ThemeYearMatrix
    recurring: tuple[Recurrence, ...]
    turnarounds: tuple[Turnaround, ...]
    timeline: tuple[TimelineEntry, ...] = field(default=())


# --------------------------------------------------------------------------- unit identity


def _tier(unit: Unit) -> str:
    """Commune, district or province, as core/levels.py's table gives them: level words within a
    tier are interchangeable over time. A level of two tiers (thành phố) is the province when
    the unit bears its province's name, else the lower tier; a body of no tier keeps its level."""
    row = row_of(unit.level)
    if row is None or not row.tiers:
        return unit.level or "unit"
    if len(row.tiers) > 1 and not (unit.province and match_key(unit.province) == match_key(unit.name)):
        return row.tiers[-1]
    return row.tiers[0]


def unit_ref(unit: Unit) -> UnitRef:
    label = unit.label
    key = UnitKey(match_key(unit.province or ""), _tier(unit), match_key(unit.name))
    return UnitRef(key, label, unit.province, unit.current, unit.level)


def _unplaced_ref(name: str) -> UnitRef:
    """A unit the finding names that the document's unit list does not hold: no level, no province."""
    return UnitRef(UnitKey("", "unit", match_key(name)), name, None, None)


def _link_successors(findings: list[ThemedFinding]) -> list[ThemedFinding]:
    """Units named from 2025 on become the one predecessor they succeed (module docstring)."""
    predecessors: dict[tuple[str, str], set[UnitKey]] = defaultdict(set)
    for f in findings:
        for u in f.units:
            if u.current:
                predecessors[(u.key.province, match_key(u.current))].add(u.key)
    refs = {u.key: u for f in findings for u in f.units}

    def successor(u: UnitRef, year: int | None) -> UnitRef:
        if year is None or year < REORGANISATION_YEAR:
            return u
        keys = predecessors.get((u.key.province, match_key(u.label)), set()) - {u.key}
        return refs[next(iter(keys))] if len(keys) == 1 else u

    return [replace(f, units=tuple(successor(u, f.year) for u in f.units)) for f in findings]


# --------------------------------------------------------------------------- loading


def themed_findings(store: Store, filters: Filters = Filters(), *,
                    taxonomy: Taxonomy | None = None) -> list[ThemedFinding]:
    """Every stored finding in the filters' years, themed (a stored theme wins; findings stored
    before themes existed are themed now) and with resolved units, then filtered."""
    tax = taxonomy or load_taxonomy()
    return select_findings(load_findings(store, filters, taxonomy=tax), filters, tax)


def load_findings(store: Store, filters: Filters = Filters(), *,
                  taxonomy: Taxonomy | None = None) -> list[ThemedFinding]:
    """The stored findings of the filters' years, themed, units resolved but not yet linked
    across the reorganisation nor filtered (`select_findings` does both). A reader that
    compares many times (the web page) loads every year once and selects per request."""
    tax = taxonomy or load_taxonomy()
    out: list[ThemedFinding] = []
    for doc in store.documents():
        if not _in_years(doc.year, filters):
            continue
        extraction = store.get_extraction(doc.doc_key)
        ids = store.finding_ids(doc.doc_key)
        for seq, finding in enumerate(extraction.findings):
            about = attribute(finding, extraction.units)
            refs = (*(unit_ref(u) for u in about.units), *(_unplaced_ref(n) for n in about.unplaced))
            out.append(ThemedFinding(
                doc.doc_key, doc.doc_id, doc.year, finding.polarity, finding.area,
                finding.theme or tax.assign(finding.text, finding.area), finding.text,
                tuple(dict.fromkeys(refs)), about.named, ids[seq] if seq < len(ids) else "",
            ))
    return out


def select_findings(loaded: Sequence[ThemedFinding], filters: Filters,
                    taxonomy: Taxonomy | None = None) -> list[ThemedFinding]:
    """The loaded findings of the filters' years, linked to their predecessor units and
    filtered by theme and unit: what `themed_findings` returns for these filters."""
    return filter_findings(link_findings(loaded, filters), filters, taxonomy)


def link_findings(loaded: Sequence[ThemedFinding], filters: Filters) -> list[ThemedFinding]:
    """The loaded findings of the filters' years, units named from 2025 on linked to the
    predecessor they continue; depends on the years only, so a reader may keep it per range."""
    return _link_successors([f for f in loaded if _in_years(f.year, filters)])


def filter_findings(linked: Sequence[ThemedFinding], filters: Filters,
                    taxonomy: Taxonomy | None = None) -> list[ThemedFinding]:
    """Linked findings (`link_findings`) restricted to the filters' theme and unit."""
    return _filter(list(linked), filters, taxonomy or load_taxonomy())


def _in_years(year: int | None, filters: Filters) -> bool:
    if filters.year_from is None and filters.year_to is None:
        return True
    if year is None:
        return False
    return (filters.year_from is None or year >= filters.year_from) and (
        filters.year_to is None or year <= filters.year_to)


def unit_matches(unit: UnitRef, query: str) -> bool:
    """A unit answers to its name or "level name", and to those of its post-2025 unit."""
    names = {unit.label, _strip_level(unit.label)}
    if unit.current:
        names |= {unit.current, _strip_level(unit.current)}
    return fold(" ".join(query.split())) in {fold(n) for n in names}


def _strip_level(label: str) -> str:
    """The name without its level word ("xã Cam Tuyền" → "Cam Tuyền")."""
    return split_level(label, ADMIN_LEVELS)[1]


def themes_named(theme: str, taxonomy: Taxonomy | None = None) -> frozenset[str]:
    """The theme codes a report's theme filter names: the code typed, and every theme whose code
    or label holds the words typed, accents optional ("phieu hen" → tthc.phieu_hen). Empty when
    it names none: the edges refuse such a filter with the close names (`close_themes`), since a
    comparison filtered by it is empty whatever the store holds."""
    tax = taxonomy or load_taxonomy()
    typed = {theme} & set(tax.labels)
    return frozenset(typed | {t.code for t in tax.find(theme)} if theme.strip() else typed)


def one_theme(theme: str, taxonomy: Taxonomy | None = None) -> str | None:
    """The theme code a filter taking one theme (the search's `--theme`, the search page's chủ đề)
    reads in `theme`: the code typed, or the one theme `themes_named` names; None when it names
    none (the edges name `close_themes`) or several (they list them). Why: the search took codes
    only while the comparison took a label's words, so "phieu hen" was a theme for one and not the
    other; what a theme filter names is one rule, the comparison's."""
    named = themes_named(theme, taxonomy)
    return theme if theme in named else next(iter(named)) if len(named) == 1 else None


CLOSE_THEME = 0.6  # difflib's ratio from which a theme's code or label is shown as meant


def close_themes(theme: str, taxonomy: Taxonomy | None = None, n: int = 3) -> tuple[str, ...]:
    """The theme codes closest to a theme filter that names none (a misspelt code "tthc.phieuhen",
    a label's words typed with a slip "phieu hen so theo doi"), closest first, at most `n`: each
    theme's code, the code's part after its area and its label's comma-separated parts are
    compared with what was typed, folded (accents and case optional, as `themes_named` reads).
    First, though, the themes whose vocabulary (nlp/vi/themes.toml `terms`) holds the words typed
    as one of its phrases, the heaviest first: an auditor types the matter ("vắng mặt"), which
    the theme's label names otherwise ("Giờ giấc, kỷ luật, kỷ cương"), and the spelling closest
    to the words was another theme ("Văn thư")."""
    import difflib

    tax = taxonomy or load_taxonomy()
    typed = fold(" ".join(theme.split())).lower()
    held = sorted(((weight, t.code) for t in tax.themes for phrase, weight in t.terms
                   if fold(" ".join(phrase.split())).lower() == typed), key=lambda wc: (-wc[0], wc[1]))
    scored: list[tuple[float, str]] = []
    for code, label in tax.labels.items():
        names = {code, code.rpartition(".")[2], label, *label.split(",")}
        best = max(difflib.SequenceMatcher(None, typed, fold(name.strip())).ratio() for name in names)
        if best >= CLOSE_THEME:
            scored.append((best, code))
    ranked = [code for _, code in held] + [code for _, code in sorted(scored, key=lambda sc: (-sc[0], sc[1]))]
    return tuple(dict.fromkeys(ranked))[:n]


def _filter(findings: list[ThemedFinding], filters: Filters, taxonomy: Taxonomy) -> list[ThemedFinding]:
    if filters.theme:
        wanted = {filters.theme} | themes_named(filters.theme, taxonomy)
        findings = [f for f in findings if f.theme in wanted]
    if filters.unit or filters.level:
        query, level = filters.unit, filters.level
        findings = [replace(f, units=tuple(u for u in f.units if (query is None or unit_matches(u, query))
                                           and (level is None or u.level == level)))
                    for f in findings]
        findings = [f for f in findings if f.units]
    return findings


# --------------------------------------------------------------------------- reports


def _evidence(f: ThemedFinding) -> Evidence:
    return Evidence(f.doc_id, f.year, f.polarity, f.text, f.named, f.finding_id)


def _by_unit_theme(findings: Iterable[ThemedFinding]) -> dict[tuple[UnitKey, str], list[ThemedFinding]]:
    groups: dict[tuple[UnitKey, str], list[ThemedFinding]] = defaultdict(list)
    for f in findings:
        if f.year is None:
            continue
        for u in f.units:
            groups[(u.key, f.theme)].append(f)
    return groups


def _refs(findings: Iterable[ThemedFinding]) -> dict[UnitKey, UnitRef]:
    """One UnitRef per identity: the earliest mention's label, the first known current."""
    refs: dict[UnitKey, UnitRef] = {}
    for f in sorted(findings, key=lambda f: (f.year or 0, f.doc_id)):
        for u in f.units:
            known = refs.get(u.key)
            if known is None:
                refs[u.key] = u
            elif known.current is None and u.current:
                refs[u.key] = replace(known, current=u.current)
    return refs


def build_matrix(findings: Sequence[ThemedFinding], taxonomy: Taxonomy | None = None) -> ThemeYearMatrix:
    tax = taxonomy or load_taxonomy()
    docs: dict[tuple[str, int], set[str]] = defaultdict(set)
    units: dict[tuple[str, int], set[UnitKey]] = defaultdict(set)
    for f in findings:
        if f.polarity != SHORTCOMING or f.year is None:
            continue
        docs[(f.theme, f.year)].add(f.doc_key)
        units[(f.theme, f.year)].update(u.key for u in f.units)
    totals: dict[str, int] = defaultdict(int)
    for (theme, _), keys in docs.items():
        totals[theme] += len(keys)
    themes = tuple(sorted(totals, key=lambda t: (-totals[t], t)))
    # Every year of the findings compared, not only those with a shortcoming: a year whose
    # reports found none on these themes is a column of empty cells, not a year gone missing
    # between its neighbours (2019, 2021, 2022, 2024 read as if 2023 had never been inspected).
    years = tuple(sorted({f.year for f in findings if f.year is not None}))
    cells = {k: MatrixCell(len(v), len(units[k])) for k, v in docs.items()}
    return ThemeYearMatrix(themes, years, cells, {t: tax.label(t) for t in themes})


def cell_findings(findings: Sequence[ThemedFinding], theme: str, year: int) -> list[ThemedFinding]:
    """The shortcomings a matrix cell counts (`build_matrix`), so a report can show its evidence."""
    return sorted((f for f in findings if f.polarity == SHORTCOMING and f.theme == theme and f.year == year),
                  key=lambda f: (f.doc_id, f.finding_id))


def _after_merger(
    findings: Sequence[ThemedFinding], refs: Mapping[UnitKey, UnitRef],
) -> dict[tuple[UnitKey, str], tuple[tuple[int, str], ...]]:
    """(unit, theme) → the years, with its successor's name, in which the unit that a pre-2025 unit
    was merged into had a shortcoming on that theme named in a document of 2025 or later.

    Why: a commune merged with others in the 2025 reorganisation keeps its own history (two
    merged communes' histories are not one: module docstring), so a shortcoming found again at
    the merged commune stayed off the old one's row, and the turnaround table said "Tái phạm:
    không" of a matter the auditor's next inspection found again. Said beside the row, apart
    from the unit's own years: the successor is larger than the unit, and its shortcoming may
    be another predecessor's."""
    successors: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for f in findings:
        if f.polarity == SHORTCOMING and f.named and f.year is not None and f.year >= REORGANISATION_YEAR:
            for u in f.units:
                successors[(u.key.province, u.key.name)].append((f.year, f.theme, u.label))
    units = refs.values()
    merged_into = {(u.key.province, match_key(_strip_level(u.current))) for u in units if u.current}
    # A successor the document did not place (no province) is the one of that name, if one only
    provinces: dict[str, set[str]] = defaultdict(set)
    for province, name in merged_into:
        provinces[name].add(province)
    out: dict[tuple[UnitKey, str], set[tuple[int, str]]] = defaultdict(set)
    for u in units:
        successor = match_key(_strip_level(u.current)) if u.current else u.key.name
        if successor == u.key.name:
            continue
        found = successors.get((u.key.province, successor), [])
        if len(provinces[successor]) == 1:
            found = found + successors.get(("", successor), [])
        for year, theme, label in found:
            out[(u.key, theme)].add((year, label))
    return {key: tuple(sorted(found)) for key, found in out.items()}


def find_recurrences(findings: Sequence[ThemedFinding], taxonomy: Taxonomy | None = None,
                     *, min_years: int = MIN_RECURRENCE_YEARS) -> list[Recurrence]:
    tax = taxonomy or load_taxonomy()
    refs = _refs(findings)
    merged = _after_merger(findings, refs)
    out: list[Recurrence] = []
    for (key, theme), group in _by_unit_theme(f for f in findings if f.polarity == SHORTCOMING).items():
        years = tuple(sorted({f.year for f in group if f.year is not None}))
        if len(years) >= min_years and any(f.named for f in group):
            evidence = tuple(_evidence(f) for f in sorted(group, key=lambda f: (f.year or 0, f.doc_id)))
            out.append(Recurrence(refs[key], theme, tax.label(theme), years, evidence,
                                  merged.get((key, theme), ())))
    out.sort(key=lambda r: (-len(r.years), -r.last_year, r.unit.label, r.theme))
    return out


def find_turnarounds(findings: Sequence[ThemedFinding], taxonomy: Taxonomy | None = None) -> list[Turnaround]:
    tax = taxonomy or load_taxonomy()
    refs = _refs(findings)
    relevant = (f for f in findings if f.polarity in (SHORTCOMING, STRENGTH))
    merged = _after_merger(findings, refs)
    out: list[Turnaround] = []
    for (key, theme), group in _by_unit_theme(relevant).items():
        bad = sorted({f.year for f in group if f.polarity == SHORTCOMING and f.year is not None})
        good = sorted({f.year for f in group if f.polarity == STRENGTH and f.year is not None})
        later = [y for y in good if bad and y > bad[0]]
        if not later or not any(f.named for f in group):
            continue
        evidence = tuple(_evidence(f) for f in sorted(group, key=lambda f: (f.year or 0, f.doc_id)))
        out.append(Turnaround(refs[key], theme, tax.label(theme), tuple(bad), tuple(good), later[0],
                              bad[-1] > later[0], evidence, merged.get((key, theme), ())))
    out.sort(key=lambda t: (t.relapsed, -t.improved_in, t.unit.label, t.theme))
    return out


def build_timeline(
    findings: Sequence[ThemedFinding], taxonomy: Taxonomy | None = None
) -> list[TimelineEntry]:
    tax = taxonomy or load_taxonomy()
    refs = _refs(findings)
    entries = [
        TimelineEntry(
            f.year, refs[u.key].label, f.theme, tax.label(f.theme), f.polarity, f.doc_id, f.text, f.named,
            f.finding_id,
        )
        for f in findings
        for u in f.units
    ]
    entries.sort(key=lambda e: (e.year is None, e.year or 0, e.unit, e.theme, e.doc_id))
    return entries


def theme_year_matrix(store: Store, filters: Filters = Filters()) -> ThemeYearMatrix:
    """Shortcomings per theme and year (distinct documents, distinct units)."""
    return build_matrix(themed_findings(store, filters))


def recurring_shortcomings(
    store: Store, filters: Filters = Filters(), *, min_years: int = MIN_RECURRENCE_YEARS
) -> list[Recurrence]:
    """Units with the same shortcoming theme in `min_years` or more years, most persistent first."""
    return find_recurrences(themed_findings(store, filters), min_years=min_years)


def turnarounds(store: Store, filters: Filters = Filters()) -> list[Turnaround]:
    """Shortcomings that a later year reports as strengths, on the same unit and theme."""
    return find_turnarounds(themed_findings(store, filters))


def unit_timeline(store: Store, unit: str, filters: Filters = Filters()) -> list[TimelineEntry]:
    """All findings about one unit (see `unit_matches`), by year, theme and polarity."""
    return build_timeline(themed_findings(store, replace(filters, unit=unit)))


def compare(store: Store, filters: Filters = Filters()) -> Comparison:
    """Every report from one pass over the store; the timeline only when a unit is asked for."""
    tax = load_taxonomy()
    return compare_findings(themed_findings(store, filters, taxonomy=tax), filters, tax)


def compare_findings(findings: Sequence[ThemedFinding], filters: Filters,
                     taxonomy: Taxonomy | None = None) -> Comparison:
    """Every report over findings already selected for `filters` (`select_findings`)."""
    tax = taxonomy or load_taxonomy()
    timeline = build_timeline(findings, tax) if filters.unit else []
    return Comparison(
        filters,
        build_matrix(findings, tax),
        tuple(find_recurrences(findings, tax)),
        tuple(find_turnarounds(findings, tax)),
        tuple(timeline),
    )
