"""Item 1: a text longer than spaCy's max_length is extracted in chunks, offsets kept.

Before the fix `nlp.make_doc` raised ValueError (E088) for a 400-page report, which was not a
document fault: `kiemtra ingest` stopped with a traceback and the nightly batch failed.
"""

from __future__ import annotations

import pytest

from core.models import Document, Extraction, Source, document_from_blocks
from nlp.extract import extract
from nlp.load import load_pipeline

FILLER = ("Đoàn kiểm tra đã làm việc với Ủy ban nhân dân xã về công tác cải cách hành chính, "
          "xem xét hồ sơ, sổ sách và kế hoạch của đơn vị.")
FINDING = "Tuy nhiên, việc giải quyết hồ sơ thủ tục hành chính tại bộ phận một cửa còn trễ hạn."
LAST = "Đoàn kiểm tra đề nghị Ủy ban nhân dân xã chấn chỉnh việc niêm yết công khai thủ tục hành chính."


def _report(paragraphs: int) -> Document:
    """A long report: filler paragraphs with a shortcoming near the start and one at the end."""
    parts: list[tuple[str, int | None, str, float | None]] = [(FINDING, 1, "paragraph", None)]
    parts += [(FILLER, 1 + i // 40, "paragraph", None) for i in range(paragraphs)]
    parts.append((LAST, 1 + paragraphs // 40, "paragraph", None))
    return document_from_blocks("bao-cao-dai", parts, Source("bao-cao-dai.txt", "0" * 64, "txt", "txt"))


def _assert_spans_hold(document: Document, extraction: Extraction) -> None:
    text = document.text
    for finding in extraction.findings:
        assert text[finding.start:finding.end] == finding.text


def test_chunks_keep_offsets_with_a_small_max_length() -> None:
    nlp = load_pipeline()
    nlp.max_length = 5_000
    document = _report(200)  # ~26,000 characters: six chunks
    assert len(document.text) > 5 * nlp.max_length
    extraction = extract(document, nlp)
    _assert_spans_hold(document, extraction)
    assert extraction.findings[0].start < len(FINDING)  # found in the first chunk
    assert extraction.findings[-1].start >= len(document.text) - len(LAST)  # and in the last, shifted


@pytest.mark.slow
def test_a_text_over_a_million_characters_is_extracted() -> None:
    document = _report(8_000)
    assert len(document.text) > 1_000_000
    extraction = extract(document)
    _assert_spans_hold(document, extraction)
    assert extraction.findings[-1].start >= len(document.text) - len(LAST)  # the last paragraph counts
