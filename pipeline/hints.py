"""What a search that found nothing could ask instead, for the CLI and the web page alike.

Why here: a strict unit filter that finds nothing (a huyện whose reports judge its communes)
is not a dead end when the units inside it have findings; both edges say how many, each in
its own words (`--within` on the CLI, a link on the page), from this one count.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from core.levels import split_level
from index.base import FILTERS, Query, SearchBackend
from index.query import filter_key
from pipeline.search import search, shown_order


def inside_total(backend: SearchBackend, query: Query) -> int:
    """How many findings `query` would find with the units inside its unit (Query.within); 0
    when it names no unit or already looks inside."""
    if query.unit is None or query.within:
        return 0
    return search(backend, replace(query, within=True, limit=1, offset=0, facets=False)).total


# The filters that can leave a search empty on their own, each as the Query fields it sets (a year
# range is one filter): every filter (index.base.FILTERS, which Query.filtered reads), so a filter
# added there is asked here and needs its sentence on both edges (pipeline/cli.py, web/views.py;
# tested). The unit is asked with the units inside it, whose findings `inside_total` already offers.
ALONE_FILTERS: tuple[tuple[str, ...], ...] = FILTERS


def given_filters(query: Query) -> list[tuple[str, ...]]:
    """The ALONE_FILTERS entries `query` sets a value of: what `empty_alone` counts alone and
    `emptied_by` drops in turn."""
    return [fields for fields in ALONE_FILTERS if any(getattr(query, name) is not None for name in fields)]


def empty_alone(backend: SearchBackend, query: Query) -> tuple[str, ...]:
    """The filters of `query` (the first Query field of each ALONE_FILTERS entry) that no finding
    of the index meets even without the query's words and other filters.

    Why: a search that found nothing said only "no findings … with the chosen filters", so a
    misspelt unit ("Xyz"), a year the archive does not reach or a number no stored document bears
    read as if the words were at fault. Asked only when the search found nothing: one count per
    filter given."""
    empty = []
    for fields in given_filters(query):
        values = {name: getattr(query, name) for name in fields if getattr(query, name) is not None}
        alone = Query(limit=0, within=True, **values) if "unit" in values else Query(limit=0, **values)
        if not search(backend, alone).total:
            empty.append(fields[0])
    return tuple(empty)


UNITS_MEANT = 5  # the units named at most after a unit filter that found nothing


def units_meant(backend: SearchBackend, typed: str, labels: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """When a unit filter alone finds nothing: the units of `labels` (the store's, "level name",
    index.store.Store.unit_labels) the user may have meant, each with how many findings are
    about it or a unit inside it; at most UNITS_MEANT, those with none left out.

    Meant: a unit whose name has a word starting with what was typed ("cam" → xã Cam Tuyền,
    "tan p" → xã Tân Phú), the level typed or not ("xã cam" → the communes only), else the
    names close to it (`difflib`, "Hồ Thị Kỳ" → xã Hồ Thị Kỷ). Why: the filter matches a unit's
    name whole, so a name typed as its start, or misspelt, found nothing and the user was told
    only to check the filter; the province filter already names the provinces close to a
    misspelt one (pipeline.search.province_suggestions). Asked only when the search found
    nothing: one count per unit named, of the first UNITS_MEANT × 4 `names_like` gives."""
    # At most a few times UNITS_MEANT counted: a start of one letter may name hundreds of units
    asked = (names_like(typed, labels) or [])[:UNITS_MEANT * 4]
    counted = [(u, search(backend, Query(unit=u, within=True, limit=0)).total) for u in asked]
    found = [(u, n) for u, n in counted if n]
    return tuple(sorted(found, key=lambda p: (-p[1], p[0]))[:UNITS_MEANT])


def names_like(typed: str, labels: Iterable[str]) -> list[str] | None:
    """The units of `labels` ("level name") a unit typed may mean, in `labels`' order (the store's:
    those whose documents hold the most findings first, index.store.Store.unit_labels): those with a
    word of the name starting with what was typed (the level typed or not: "xã cam" asks the
    communes only), else the names close to it (`difflib`). The rule of `units_meant`, which the
    comparison (`kiemtra compare --unit`) names without counts. None, not a list, when a stored
    unit is named by what was typed, whole (`_stored_whole`): it is there, without findings, and
    the units like it are not what the user meant; [] when no stored name is like it."""
    level, name = split_level(typed.strip())
    key = filter_key(name if level else typed)
    if not key:
        return []
    named: dict[str, str] = {}
    for unit in labels:
        unit_level, unit_name = split_level(unit)
        if level is None or unit_level == level:
            named.setdefault(unit, filter_key(unit_name if unit_level else unit))
    if _stored_whole(typed, named):
        return None  # the unit typed is stored, whole: it has no findings, and naming it says nothing
    starting = [u for u, k in named.items() if f" {k}".find(f" {key}") >= 0]
    if starting:
        return starting
    close = set(difflib.get_close_matches(key, list(named.values()), n=UNITS_MEANT * 2, cutoff=0.75))
    return [u for u, k in named.items() if k in close]


def _stored_whole(typed: str, labels: Iterable[str]) -> bool:
    """Whether `typed` names one of `labels` whole, with its level or without ("Sở Nội vụ",
    "cơ quan Sở Nội vụ"), accents optional: a unit the store holds, which a filter finding
    nothing has no findings about, rather than a name typed wrong."""
    key = filter_key(typed)
    return bool(key) and any(key in (filter_key(label), filter_key(split_level(label)[1]))
                             for label in labels)


# The facet that says where a filter's findings are when the filter is dropped (the years for a
# year, the units for a unit): the values a user picks instead. A filter with none (a level, a
# document) is said by its count alone.
SPREAD_FACET: dict[str, str] = {"unit": "unit", "unit_place": "unit", "province": "province", "year": "year",
                                "year_from": "year", "area": "area", "polarity": "polarity", "theme": "theme",
                                "inspector": "inspector"}
SPREAD = 3  # the values of that facet named at most: those with the most findings, in its order


@dataclass(frozen=True, slots=True)
class Without:
    """One filter of a search that found nothing, and what the same search finds without it."""

    name: str  # the filter: the first Query field of its FILTERS entry ("year_from" for a range)
    total: int  # what the search finds with every other filter kept
    spread: tuple[tuple[str, int], ...] = ()  # where those are, by SPREAD_FACET[name]: at most SPREAD
    more: bool = False  # that facet has values beyond `spread`


@dataclass(frozen=True, slots=True)
class Emptied:
    """Why a search under several filters, none empty alone, found nothing: the filters whose
    dropping alone finds findings (`without`, most first), and what the words find under none
    (`words`; None for a search without words)."""

    filters: tuple[str, ...]  # the filters given, as Without.name
    without: tuple[Without, ...]
    words: int | None


def emptied_by(backend: SearchBackend, query: Query, empty: tuple[str, ...] = ()) -> Emptied | None:
    """When `query` found nothing under filters each of which finds findings alone: the same
    search run again without each filter in turn, and without all, counted as the user would be
    answered by dropping it (the composed `search`, the query's page and order kept: the total
    is what the search without it says, not a second count that could disagree); None when no
    filter was given or one is empty alone (`empty`, of `empty_alone`: its own line says it).

    Why: "0 findings" under a year, a unit and a polarity together said nothing of which to drop;
    the best search tools answer "34 findings for 'phiếu hẹn'; none in 2021: 12 in 2019–2020".
    Asked only when the search found nothing: one search per filter given, one more with words
    and several filters. The CLI and the page each say it in their words (pipeline/cli.py,
    web/views.py)."""
    if empty:
        return None
    given = given_filters(query)
    if not given:
        return None
    found: list[Without] = []
    for fields in given:
        facet = SPREAD_FACET.get(fields[0])
        result = search(backend, _dropped(query, [fields], facets=facet is not None))
        if result.total:
            values = result.facets.get(facet, []) if facet else []
            found.append(Without(fields[0], result.total, spread(facet or "", values), len(values) > SPREAD))
    words: int | None = None
    if query.text.strip():
        if len(given) == 1:
            words = found[0].total if found else 0
        else:
            words = search(backend, _dropped(query, given, facets=False)).total
    return Emptied(tuple(fields[0] for fields in given),
                   tuple(sorted(found, key=lambda w: -w.total)), words)


def spread(facet: str, values: Sequence[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Where a search's findings are, from its facet's `values`: the SPREAD values with the most
    findings, in the order the facet lists them (pipeline.search.shown_order: years oldest first),
    so "by year: 2019: 12, 2020: 10, 2022: 6" reads as the facet beside it does."""
    return tuple(shown_order(facet, sorted(values, key=lambda p: (-p[1], p[0]))[:SPREAD]))


def _dropped(query: Query, filters: Iterable[tuple[str, ...]], *, facets: bool) -> Query:
    """`query` without `filters` (FILTERS entries), from its first page, its snippets not marked.
    Dropping the unit drops "the units inside it" with it: alone it is a broken rule."""
    changes: dict[str, Any] = {name: None for fields in filters for name in fields}
    if "unit" in changes:
        changes["within"] = False
    return replace(query, offset=0, facets=facets, snippets=False, **changes)
