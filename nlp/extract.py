"""Compose the NLP extractors over one Document into one Extraction.

Why a separate composition step: each extractor (dates, document numbers, units, findings) is
a plain function over text with its own tests; only here do their results meet — the
publication date completes day-month dates, and a finding learns which units it names from the
unit extractor's spans. Per-stage timings are kept for `kiemtra extract --timings`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from nlp.dates import find_time_facts
from nlp.docnumbers import find_documents
from nlp.findings import find_findings
from nlp.units import UnitMention, find_units
from pipeline.models import Document, Extraction, Finding

_TITLE_MAX = 300


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def _title(document: Document) -> str | None:
    """The source's own title, else the first short block (news dumps start with the headline)."""
    if document.source.title:
        return document.source.title
    for block in document.blocks[:3]:
        line = document.text[block.start:block.end].strip().splitlines()[0].strip()
        if 10 <= len(line) <= _TITLE_MAX and not line[:1].isdigit():
            return line
    return None


def _units_in(finding: Finding, mentions: list[UnitMention]) -> tuple[str, ...]:
    """Names of the units whose mention lies inside the finding's span, in text order."""
    found: list[tuple[int, str]] = []
    for mention in mentions:
        if mention.unit.level == "cơ quan":
            continue
        starts = [s for s, e in mention.spans if finding.start <= s and e <= finding.end]
        if starts:
            found.append((min(starts), mention.unit.name))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return tuple(names)


def extract(document: Document, *, clock: Callable[[], float] | None = None) -> Extraction:
    """Every field of the schema for one document; `timings` holds seconds per stage."""
    del clock  # reserved for deterministic timing in tests
    text = document.text
    timings: dict[str, float] = {}
    with _timed(timings, "dates"):
        facts = find_time_facts(text, source_published=document.source.published)
    with _timed(timings, "documents"):
        documents = find_documents(text, published=facts.published)
    with _timed(timings, "units"):
        mentions = find_units(text, published=facts.published)
    with _timed(timings, "findings"):
        findings = [
            Finding(f.polarity, f.area, f.text, f.start, f.end, _units_in(f, mentions), f.theme)
            for f in find_findings(text)
        ]
    return Extraction(
        doc_id=document.doc_id,
        title=_title(document),
        published=facts.published,
        inspection_year=facts.inspection_year,
        inspection_period=facts.period,
        units=tuple(m.unit for m in mentions),
        documents=tuple(m.ref for m in documents),
        dates=facts.dates,
        findings=tuple(findings),
        timings=timings,
    )
