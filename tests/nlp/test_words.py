"""Word segmentation joins a Vietnamese word's syllables, which search relies on."""

from __future__ import annotations

import pytest

from nlp.words import segment


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Bộ phận một cửa chưa cấp phiếu hẹn cho người dân.", "người_dân"),
        ("Cán bộ chưa sử dụng chữ ký số khi ban hành văn bản.", "sử_dụng"),
        ("Ủy ban nhân dân xã đã công khai thủ tục hành chính.", "công_khai"),
    ],
)
def test_multi_syllable_words_are_joined(sentence: str, word: str) -> None:
    assert word in segment(sentence).split()


def test_syllables_and_letters_are_kept() -> None:
    sentence = "Đoàn kiểm tra ghi nhận hồ sơ trễ hạn giảm mạnh."
    segmented = segment(sentence)
    assert segmented.replace("_", " ").replace(" .", ".") == sentence


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_blank_text_gives_empty(blank: str) -> None:
    assert segment(blank) == ""
