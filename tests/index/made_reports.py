"""A made-up report for index tests: one document whose text is its sentences, each a shortcoming
finding at its offsets, so a test states only the sentences and the units it is about."""

from __future__ import annotations

from core.models import Area, Document, Finding, Polarity, Source


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
