"""The spaCy pipeline as built from nlp/pipeline.cfg: order, overrides, save/load, tokens.

Texts are written for these tests. The pipeline is built once per module (conftest.py: it loads the
segmentation model and the gazetteer); tests that change it build their own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from core.models import Document, Source
from index.records import finding_records
from nlp.components import token_bounds, words_in
from nlp.extract import extract, run_pipeline
from nlp.load import PIPELINE_CONFIG, load_pipeline, load_saved
from nlp.words import segment

REPORT = (
    "Thực hiện Kế hoạch số 25/KH-UBND ngày 10/3/2023 của UBND huyện Tân Phước, Đoàn kiểm tra "
    "cải cách hành chính đã làm việc tại UBND xã Phước Lập.\n\n"
    "Qua kiểm tra, bộ phận một cửa của xã niêm yết công khai đầy đủ thủ tục hành chính; "
    "cán bộ, công chức đeo thẻ đúng quy định.\n\n"
    "Tuy nhiên, việc cấp phiếu hẹn trả kết quả chưa đầy đủ, một số hồ sơ còn trễ hạn.\n\n"
    "Đề nghị UBND xã Phước Lập khắc phục những hạn chế nêu trên trước ngày 30/6/2023."
)


def _document(text: str) -> Document:
    return Document("test", text, (), Source(path="test.txt", sha256="0" * 64, format="txt", reader="txt"))


def _facts(doc: Doc) -> dict[str, object]:
    """What the pipeline concluded, in plain values comparable across pipelines."""
    return {
        "dates": doc._.time_facts.dates,
        "documents": [m.ref for m in doc._.documents],
        "units": [(m.unit, m.spans) for m in doc._.units],
        "findings": list(doc._.findings),
    }


def test_components_run_in_the_configured_order(nlp: Language) -> None:
    assert nlp.pipe_names == ["kiemtra_dates", "kiemtra_docnumbers", "kiemtra_units", "kiemtra_findings"]
    assert nlp.config["nlp"]["tokenizer"]["use_underthesea"] is True


def test_config_round_trips_byte_identically(nlp: Language) -> None:
    text = nlp.config.to_str()
    assert Config().from_str(text, interpolate=False).to_str() == text
    assert load_pipeline().config.to_str() == text
    assert load_pipeline(overrides={"nlp.tokenizer.use_underthesea": False}).config.to_str() != text


def test_tokens_are_vietnamese_words_and_text_is_kept(nlp: Language) -> None:
    doc = nlp.make_doc("Công tác cải cách hành chính của xã được thực hiện tốt.")
    tokens = [t.text for t in doc]
    assert "cải cách" in tokens and "hành chính" in tokens
    assert doc.text == "Công tác cải cách hành chính của xã được thực hiện tốt."


@pytest.mark.parametrize("text", [
    "",
    "   \n\t ",
    "Đoàn kiểm tra  làm việc\tvới UBND xã Phước Lập.\n\n\nKết quả tốt.",
    "Dòng một\r\nDòng hai có   ba dấu cách",
    "Bộ phận một cửa 😀 tiếp nhận hồ sơ\u200bđúng hạn.",
])
def test_doc_text_equals_input_whatever_the_spacing(nlp: Language, text: str) -> None:
    assert nlp(text).text == text


def test_override_switches_tokenizer_to_whitespace() -> None:
    plain = load_pipeline(overrides={"nlp.tokenizer.use_underthesea": False})
    tokens = [t.text for t in plain.make_doc("cải cách hành chính")]
    assert tokens == ["cải", "cách", "hành", "chính"]
    assert plain.config["nlp"]["tokenizer"]["use_underthesea"] is False


def test_saved_pipeline_reloads_with_same_config_and_extraction(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    reloaded = load_saved(tmp_path / "pipe")
    assert reloaded.pipe_names == nlp.pipe_names
    assert reloaded.config.to_str() == nlp.config.to_str()
    assert _facts(reloaded(REPORT)) == _facts(nlp(REPORT))


def test_saved_override_survives_reload(tmp_path: Path) -> None:
    plain = load_pipeline(overrides={"nlp.tokenizer.use_underthesea": False})
    plain.to_disk(tmp_path / "plain")
    reloaded = load_saved(tmp_path / "plain")
    assert [t.text for t in reloaded.make_doc("hành chính")] == ["hành", "chính"]


def test_report_yields_every_kind_of_fact(nlp: Language) -> None:
    doc, timings = run_pipeline(_document(REPORT), nlp)
    assert set(timings) == {"tokenizer", "dates", "docnumbers", "units", "findings"}
    assert [m.ref.number for m in doc._.documents] == ["25/KH-UBND"]
    names = {m.unit.name: m.unit for m in doc._.units}
    assert names["Phước Lập"].role == "inspected"
    polarities = [f.polarity for f in doc._.findings]
    assert {"strength", "shortcoming", "recommendation"} <= set(polarities)
    for span in doc.spans["findings"]:
        assert REPORT[span.start_char:span.end_char].strip()


def test_matching_form_is_computed_once_and_shared(nlp: Language) -> None:
    doc = nlp("Thủ tục hành chính được công khai đầy đủ, đúng quy định tại xã Thuận Hòa.")
    form = doc._.matching_form
    assert len(form) == len(doc.text)
    assert "thuận hoà" in form  # canonical tone placement, lower case, same offsets


def test_finding_words_come_from_the_doc_segmentation(nlp: Language) -> None:
    doc = nlp(REPORT)
    findings = doc._.findings
    assert findings
    for finding in findings:
        assert finding.words is not None
        # every character of the finding, in order, once: only spacing differs
        assert "".join(finding.words.replace("_", " ").split()) == "".join(finding.text.split())
    shortcoming = next(f for f in findings if "phiếu hẹn" in f.text)
    assert "kết_quả" in shortcoming.words.split() and "đầy_đủ" in shortcoming.words.split()
    # the same segmentation the search index used to compute at save time
    assert shortcoming.words == segment(shortcoming.text)


def test_words_in_clips_a_word_cut_by_the_span_edge() -> None:
    text = "cải cách hành chính"
    bounds = [(0, 8), (9, 19)]
    assert words_in(text, bounds, 0, len(text)) == "cải_cách hành_chính"
    assert words_in(text, bounds, 4, 14) == "cách hành"
    assert words_in(text, bounds, 19, 19) == ""


def test_token_bounds_cover_the_words(nlp: Language) -> None:
    doc = nlp.make_doc("Hồ sơ  trễ hạn")
    assert [doc.text[s:e] for s, e in token_bounds(doc)] == [t.text for t in doc]


def test_pipeline_config_file_is_the_one_loaded() -> None:
    assert PIPELINE_CONFIG.name == "pipeline.cfg" and PIPELINE_CONFIG.is_file()


def test_index_records_reuse_the_pipeline_words_without_segmenting(nlp: Language) -> None:
    """Segment once: the records the search index gets carry the Doc's words as they are."""
    document = _document(REPORT)
    extraction = extract(document, nlp)

    def no_second_segmentation(text: str) -> str:
        raise AssertionError(f"segmented again: {text[:40]}")

    records = finding_records("k" * 64, document, extraction, segmenter=no_second_segmentation)
    assert [r.words for r in records] == [f.words for f in extraction.findings]
    assert all(r.words for r in records)
    without = replace(extraction, findings=tuple(replace(f, words=None) for f in extraction.findings))
    assert [r.words for r in finding_records("k" * 64, document, without, segmenter=str.upper)] == [
        r.text.upper() for r in records]
