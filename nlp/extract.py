"""Run the Vietnamese pipeline over one Document and read its results into an Extraction.

Why a separate step from the components: the components write spaCy attributes
(`doc._.time_facts`, `doc._.units` ...); this is the one place that turns them into the schema's
shape, and that times each stage for `kiemtra extract --timings`.
"""

from __future__ import annotations

import dataclasses
import time

from spacy.language import Language
from spacy.tokens import Doc

from core.headline import headline, opening_lines
from core.models import Block, Document, Extraction
from nlp.agencies import agency_units
from nlp.load import default_pipeline


def _title(document: Document) -> str | None:
    """The source's own title, else the headline the text opens with (core.headline: a news
    dump's first line when written as a headline; the lead paragraph is no title)."""
    if document.source.title:
        return document.source.title
    return headline(opening_lines(document))


def run_pipeline(document: Document, nlp: Language) -> tuple[Doc, dict[str, float]]:
    """The processed Doc and seconds per stage (tokenizer, then each component)."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    doc = nlp.make_doc(document.text)
    timings["tokenizer"] = time.perf_counter() - start
    doc._.source_published = document.source.published
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        doc = component(doc)
        timings[name.removeprefix("kiemtra_")] = time.perf_counter() - start
    return doc, timings


def extract(document: Document, nlp: Language | None = None) -> Extraction:
    """Every field of the schema for one document; `timings` holds seconds per stage.

    A text longer than the pipeline's `max_length` (spaCy refuses those: a 400-page report is
    over a million characters) is extracted in chunks cut at paragraph boundaries, and the
    chunks' results are joined with their offsets shifted back into the whole text.
    """
    nlp = nlp or default_pipeline()
    if len(document.text) <= nlp.max_length:
        return _extract_one(document, nlp)
    chunks = _chunks(document, nlp.max_length)
    return _joined(document, [(offset, _extract_one(chunk, nlp)) for offset, chunk in chunks])


def _chunks(document: Document, limit: int) -> list[tuple[int, Document]]:
    """The document cut into pieces of at most `limit` characters: (offset, piece as a Document).

    Cuts fall between blocks (paragraphs); a single block longer than `limit` is cut at its last
    line break, else its last space, before the limit. Each piece's `source.path` is the
    document's and its blocks are re-based to the piece, so pages and titles still work.
    """
    text = document.text
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = max((b.start for b in document.blocks if start < b.start <= end), default=-1)
        if cut <= start:
            cut = max(text.rfind("\n", start + 1, end), text.rfind(" ", start + 1, end))
        if cut <= start:
            cut = end
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    chunks: list[tuple[int, Document]] = []
    for begin, end in spans:
        blocks = tuple(
            Block(max(b.start, begin) - begin, min(b.end, end) - begin, b.page, b.kind, b.confidence)
            for b in document.blocks if b.start < end and b.end > begin)
        chunks.append((begin, dataclasses.replace(document, text=text[begin:end], blocks=blocks)))
    return chunks


def _joined(document: Document, extracted: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction from the chunks' ones: spans shifted by each chunk's offset, lists merged
    without duplicates in order, and the document-level facts taken from the first chunk that
    has them (the letterhead, title and signing date open a report)."""
    parts = [part for _, part in extracted]
    findings = tuple(dataclasses.replace(f, start=f.start + offset, end=f.end + offset)
                     for offset, part in extracted for f in part.findings)
    timings: dict[str, float] = {}
    for part in parts:
        for stage, seconds in part.timings.items():
            timings[stage] = timings.get(stage, 0.0) + seconds
    return Extraction(
        doc_id=document.doc_id,
        title=_title(document),
        published=next((p.published for p in parts if p.published), None),
        inspection_year=next((p.inspection_year for p in parts if p.inspection_year), None),
        inspection_period=next((p.inspection_period for p in parts if p.inspection_period), None),
        units=tuple(dict.fromkeys(u for p in parts for u in p.units)),
        documents=tuple(dict.fromkeys(d for p in parts for d in p.documents)),
        dates=tuple(dict.fromkeys(d for p in parts for d in p.dates)),
        findings=findings,
        timings=timings,
    )


def _extract_one(document: Document, nlp: Language) -> Extraction:
    doc, timings = run_pipeline(document, nlp)
    facts = doc._.time_facts
    return Extraction(
        doc_id=document.doc_id,
        title=_title(document),
        published=facts.published,
        inspection_year=facts.inspection_year,
        inspection_period=facts.period,
        # the agencies after the territorial units: level cơ quan, unscored (nlp/agencies.py)
        units=(*(m.unit for m in doc._.units), *agency_units(document.text, doc._.units)),
        documents=tuple(m.ref for m in doc._.documents),
        dates=facts.dates,
        findings=tuple(doc._.findings),
        timings=timings,
    )
