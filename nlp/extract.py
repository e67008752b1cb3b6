"""Run the Vietnamese pipeline over one Document and read its results into an Extraction.

Why a separate step from the components: the components write spaCy attributes
(`doc._.time_facts`, `doc._.units` ...); this is the one place that turns them into the schema's
shape, and that times each stage for `kiemtra extract --timings`.
"""

from __future__ import annotations

import time

from spacy.language import Language
from spacy.tokens import Doc

from core.models import Document, Extraction
from nlp.load import default_pipeline

_TITLE_MAX = 300


def _title(document: Document) -> str | None:
    """The source's own title, else the first short block (news dumps start with the headline)."""
    if document.source.title:
        return document.source.title
    for block in document.blocks[:3]:
        line = document.text[block.start:block.end].strip().splitlines()[0].strip()
        if 10 <= len(line) <= _TITLE_MAX and not line[:1].isdigit():
            return line
    return None


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
    """Every field of the schema for one document; `timings` holds seconds per stage."""
    doc, timings = run_pipeline(document, nlp or default_pipeline())
    facts = doc._.time_facts
    return Extraction(
        doc_id=document.doc_id,
        title=_title(document),
        published=facts.published,
        inspection_year=facts.inspection_year,
        inspection_period=facts.period,
        units=tuple(m.unit for m in doc._.units),
        documents=tuple(m.ref for m in doc._.documents),
        dates=facts.dates,
        findings=tuple(doc._.findings),
        timings=timings,
    )
