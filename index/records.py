"""From a stored Document and its Extraction to the FindingRecords a search backend indexes.

Why one builder: the store (on save and on `reindex`) and the flows both index findings, and a
search filters on facts that live on the document, not the finding (its units, provinces,
document numbers, year). Deciding here, once, which of those a finding inherits keeps SQLite
and Elasticsearch indexing identical records.

A finding's units are core.attribution.attribute's, the rule the comparison uses too: the units
its sentence names, else the document's inspected units (an inspection report's findings are
about the inspected units even when a sentence does not repeat their names); and the agencies it
is about (level cơ quan: "Sở Tài chính", named or inherited), filed as units are, so a query or
filter naming the agency finds them, its province among the record's provinces and containers;
and the inspecting bodies whose inspection found it (`Attribution.inspectors`), filed apart: the
inspector filter and facet, never among the units it is about.

Each unit also brings the units a search may name instead: the one holding it since the 2025
reorganisation (`Unit.current`, from the gazetteer) and the district and province containing
it (`containers`, which the composition layer passes: nlp/unit_containers.py).

Each record also carries the abbreviations its document defines in its text (index/definitions.py:
"Trung tâm Phục vụ hành chính công (TTPVHCC)"), a fact of the document as its numbers are: the
query reads an abbreviation as its name, and a name as its abbreviation, when the indexed texts
define them. A plain pattern over the text, not NLP, so index/ harvests it here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

from core.attribution import Attribution, attribute
from core.headline import lead, opening_lines
from core.levels import DISTRICT_LEVELS
from core.models import Document, Extraction, Finding, Unit
from core.normalize import match_key, nfc
from index.base import FindingRecord
from index.definitions import harvest, load_rules

LOGGER = logging.getLogger(__name__)
_Read = TypeVar("_Read")

# The units containing a unit ("level name"), told the districts its document names
# (nlp.unit_containers.containers).
Containers = Callable[[Unit, Collection[Unit]], Sequence[str]]
# (a finding's text, its theme) → every theme it speaks of, its theme first (FindingRecord.themes;
# nlp.themes.finding_themes, which the composition layer passes).
ThemesOf = Callable[[str, str | None], Sequence[str]]


def record_year(extraction: Extraction, published: str | None) -> int | None:
    """The year a finding is filed under: the inspection's year, else the publication year."""
    if extraction.inspection_year is not None:
        return extraction.inspection_year
    if published and published[:4].isdigit():
        return int(published[:4])
    return None


def document_lead(document: Document) -> str | None:
    """The document's lead paragraph (core.headline.lead), read from its first blocks' lines."""
    return lead(opening_lines(document))


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """Values in first-seen order, spelling variants of one name ("Hòa"/"Hoà") kept once."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = match_key(value)
        if key and key not in seen:
            seen.add(key)
            out.append(value)
    return tuple(out)


def unit_places(units: Iterable[Unit], unplaced: Iterable[str]) -> tuple[str, ...]:
    """The unit facet's values of a finding about `units` (core.attribution.attribute's, agencies
    included) and naming `unplaced` (names the document does not place): each unit placed
    (`Unit.placed`), an unplaced name as it is written (it has no level or province to give)."""
    return _unique((*(u.placed for u in units), *unplaced))


def inspector_names(inspectors: Iterable[Unit]) -> tuple[str, ...]:
    """The values the inspector filter matches of a finding inspected by `inspectors`
    (core.attribution's): each name, "level name" and today's unit since 2025, as `units`,
    `unit_levels` and `unit_aliases` file the units it is about."""
    units = tuple(inspectors)
    return _unique((*(u.name for u in units), *(u.label for u in units),
                    *(u.current for u in units if u.current)))


def inspectors_of_findings(doc_key: str,
                           extraction: Extraction) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each finding's id (as `finding_records` gives it) → (its inspector names, its inspectors
    placed): what a search index written before the inspector filter (layout 13) lacks, read
    from the stored extraction alone."""
    return _of_findings(doc_key, extraction, lambda about: (inspector_names(about.inspectors),
                                                            unit_places(about.inspectors, ())))


def places_of_findings(doc_key: str, extraction: Extraction) -> dict[str, tuple[str, ...]]:
    """Each finding's id (as `finding_records` gives it) → its unit facet values: what a search
    index written before the facet had (layout 11) lacks, read from the stored extraction alone."""
    return _of_findings(doc_key, extraction,
                        lambda about: unit_places((*about.units, *about.agencies), about.unplaced))


def _of_findings(doc_key: str, extraction: Extraction,
                 read: Callable[[Attribution], _Read]) -> dict[str, _Read]:
    """Each finding's id (as `finding_records` gives it) → what `read` makes of its attribution:
    the one loop the migrations' readings of a stored extraction share."""
    seen_ids: set[str] = set()
    return {_distinct_id(finding, doc_key, seen_ids): read(attribute(finding, extraction.units))
            for finding in extraction.findings}


def _distinct_id(finding: Finding, doc_key: str, seen: set[str]) -> str:
    """`Finding.finding_id`, unless two findings share a span (an extractor that gives no
    offsets leaves them all at 0:0): then later ones get a counter, so none overwrites another.
    """
    finding_id = finding.finding_id(doc_key)
    n = 1
    while finding_id in seen:
        n += 1
        finding_id = finding.finding_id(f"{doc_key}#{n}")
    if n > 1:
        LOGGER.debug(
            "finding span %s:%s repeats in %s; id %s", finding.start, finding.end, doc_key, finding_id
        )
    seen.add(finding_id)
    return finding_id


def finding_records(
    doc_key: str,
    document: Document,
    extraction: Extraction,
    *,
    segmenter: Callable[[str], str] = str,
    containers: Containers = lambda unit, near: (),
    themes_of: ThemesOf = lambda text, theme: (),
) -> list[FindingRecord]:
    """One FindingRecord per finding of `extraction`, ids stable on the document's sha256.

    A finding's own `words` (segmented once, by the pipeline's tokenizer) are used as they are;
    `segmenter` fills `words` for findings without them. index/ does not run NLP: the default
    keeps the text unsegmented, and the composition layer passes nlp.words.segment
    (pipeline.process.open_store). `containers` gives the units containing a unit (none by
    default; the composition layer passes the gazetteer's, nlp.unit_containers.containers),
    told the districts the document names (`near`), which settle a commune name two districts share.
    `themes_of` (text, its theme) gives every theme the finding clearly speaks of, its theme first
    (nlp.themes.finding_themes, passed likewise); by default a record carries its theme alone.
    Text is NFC so backends' folded offsets match the original.
    """
    published = extraction.published or document.source.published
    title = extraction.title or document.source.title
    opening = document_lead(document)
    year = record_year(extraction, published)
    doc_kinds = _unique(ref.kind for ref in extraction.documents)
    doc_numbers = _unique(ref.number for ref in extraction.documents)
    defined = tuple(d.value for d in harvest(nfc(document.text), load_rules()))
    near = frozenset(u for u in extraction.units if u.level in DISTRICT_LEVELS)
    records: list[FindingRecord] = []
    seen_ids: set[str] = set()
    for finding in extraction.findings:
        about = attribute(finding, extraction.units)
        units = (*about.units, *about.agencies)  # an agency is searched for as a unit is
        text = nfc(finding.text)
        records.append(
            FindingRecord(
                finding_id=_distinct_id(finding, doc_key, seen_ids),
                doc_key=doc_key,
                doc_id=extraction.doc_id or document.doc_id,
                text=text,
                polarity=finding.polarity,
                area=finding.area,
                theme=finding.theme,
                title=title,
                lead=opening,
                path=document.source.path,
                published=published,
                year=year,
                units=_unique((*(u.name for u in units), *about.unplaced)),
                unit_levels=_unique((*(u.label for u in units), *about.unplaced)),
                provinces=_unique(p for p in (u.home_province for u in units) if p),
                doc_kinds=doc_kinds,
                doc_numbers=doc_numbers,
                page=document.page_at(finding.start),
                start=finding.start,
                end=finding.end,
                words=finding.words if finding.words is not None else segmenter(text),
                unit_aliases=_unique(u.current for u in units if u.current),
                unit_parents=_unique(c for u in units for c in containers(u, near)),
                themes=tuple(themes_of(text, finding.theme)),
                unit_places=unit_places(units, about.unplaced),
                definitions=defined,
                inspectors=inspector_names(about.inspectors),
                inspector_places=unit_places(about.inspectors, ()),
            )
        )
    return records
