"""A made-up report for index tests: one document whose text is its sentences, each a shortcoming
finding at its offsets, so a test states only the sentences and the units it is about."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from core.models import Area, Document, Extraction, Finding, Polarity, Source


def shortcomings_report(key: str, sentences: tuple[str, ...],
                        area: Area) -> tuple[Document, tuple[Finding, ...]]:
    """The document of `sentences` (joined by a space) and one shortcoming of `area` per sentence."""
    text = " ".join(sentences)
    document = Document(key, text, (), Source(path=f"{key}.txt", sha256=key, format="txt", reader="txt"))
    findings, start = [], 0
    for sentence in sentences:
        findings.append(Finding(Polarity.SHORTCOMING, area, sentence, start, start + len(sentence)))
        start += len(sentence) + 1
    return document, tuple(findings)


def stored_and_indexed(path: Path, reports: Iterable[tuple[Document, Extraction]]) -> None:
    """`reports` saved in a store at `path` and its findings indexed into the search tables of the
    same file, as `kiemtra ingest` keeps them: what a migration reading the stored extractions needs."""
    from index.base import FindingRecord
    from index.sqlite_fts import SqliteFtsBackend
    from index.store import Store

    store = Store(path)
    records: list[FindingRecord] = []
    for document, extraction in reports:
        records.extend(store.finding_records(store.save(document, extraction, extractor_version="1")))
    store.close()
    backend = SqliteFtsBackend(path)
    backend.index(records)
    backend.close()
