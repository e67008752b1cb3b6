"""Every component keeps character offsets on hostile text, and none of them raises.

One shared list of awkward inputs (written for this test): decomposed Unicode normalised to NFC,
legacy TCVN3 residue, blank lines, tabs, emoji, zero-width spaces, a very long line, empty and
whitespace-only text. For each, every span a component puts in `doc.spans` must be exactly the
text at its offsets, and the plain-value results (findings, units, dates) must point at the
text they quote.
"""

from __future__ import annotations

import unicodedata

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from core.normalize import nfc

_SENTENCE = ("Tuy nhiên, UBND xã Thuận Hòa chưa niêm yết công khai thủ tục hành chính "
             "theo Quyết định số 12/QĐ-UBND ngày 05/4/2022; ")

HOSTILE: dict[str, str] = {
    "empty": "",
    "only whitespace": " \n\n\t  \n",
    "nfd after nfc": nfc(unicodedata.normalize("NFD", "Đoàn kiểm tra đánh giá cao xã Thuận Hòa, huyện "
                                                       "Châu Thành. Tuy nhiên, hồ sơ còn trễ hạn.")),
    "tcvn3 residue": "Qu¶n lý hå s¬ t¹i x· Phó Léc: UBND xã Phú Lộc chưa cập nhật phần mềm ®óng h¹n.",
    "blank lines": "\n\n\nĐề nghị UBND huyện Tân Phước khắc phục hạn chế.\n\n\n\nHồ sơ còn tồn đọng.\n\n",
    "tabs": "Kết quả:\tcán bộ\tđeo thẻ đầy đủ;\tbộ phận một cửa\tbố trí khoa học.",
    "emoji": "😀 Người dân hài lòng 👍 với thái độ tận tình của công chức xã Phước Lập 🎉.",
    "zero width": "UBND\u200bxã Long\u200bHựu còn\u200bchậm trễ trong\u200btrả kết quả\u200b.\u200b",
    "long line": _SENTENCE * 200,
    "crlf": "Ngày 12/5/2023, Đoàn kiểm tra làm việc tại xã An Bình.\r\nCông chức chưa đeo thẻ.\r\n",
    "odd punctuation": "...;;;::: ––– «»“”() [] {} /// ***",
    "digits and codes": "123/QĐ-UBND 45/2020/NĐ-CP 2023 12.5% 8h40’ 0988-123-456",
    "capitals": "ĐOÀN KIỂM TRA CẢI CÁCH HÀNH CHÍNH TỈNH QUẢNG NAM LÀM VIỆC TẠI HUYỆN ĐẠI LỘC.",
}


@pytest.fixture(scope="module")
def docs(nlp: Language) -> dict[str, Doc]:
    """Each hostile text through the whole pipeline, once: a component that raises fails here."""
    return {name: nlp(text) for name, text in HOSTILE.items()}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_doc_keeps_the_text(docs: dict[str, Doc], name: str) -> None:
    doc = docs[name]
    assert doc.text == HOSTILE[name]
    assert len(doc._.matching_form) == len(doc.text)


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("kind", ["dates", "documents", "units", "findings"])
def test_spans_equal_the_text_at_their_offsets(docs: dict[str, Doc], name: str, kind: str) -> None:
    doc = docs[name]
    for span in doc.spans.get(kind, []):
        assert span.text == doc.text[span.start_char:span.end_char]
        assert span.text.strip(), f"{kind} span of only whitespace in {name!r}"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_results_quote_the_text_at_their_offsets(docs: dict[str, Doc], name: str) -> None:
    doc = docs[name]
    text = doc.text
    spans = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get("findings", [])]
    assert len(spans) == len(doc._.findings)
    for finding, (s_start, s_end, label) in zip(doc._.findings, spans, strict=True):
        assert text[finding.start:finding.end] == finding.text
        assert s_start <= finding.start < finding.end <= s_end and label == finding.polarity
        assert finding.words is not None
        assert "".join(finding.words.replace("_", "").split()) == "".join(finding.text.split())
    for mention in doc._.units:
        for start, end in mention.spans:
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip()
    for date in doc._.time_facts.mentions:
        assert 0 <= date.start < date.end <= len(text)


def test_hostile_texts_still_yield_what_they_say(docs: dict[str, Doc]) -> None:
    """The inputs are not just survived: the facts in them are found at the right places."""
    long = docs["long line"]
    assert len(long) > 200 * 15  # segmented to the end of the line, not cut off
    assert [f.polarity for f in long._.findings] == ["shortcoming"]  # a statement repeated is kept once
    assert {m.unit.name for m in docs["nfd after nfc"]._.units} >= {"Thuận Hòa", "Châu Thành"}
    assert [f.polarity for f in docs["blank lines"]._.findings] == ["recommendation", "shortcoming"]
    emoji = docs["emoji"]._.findings
    assert emoji and emoji[0].polarity == "strength"
    assert not docs["empty"]._.findings and not docs["only whitespace"]._.units
