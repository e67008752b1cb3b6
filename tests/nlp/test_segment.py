"""Segmentation on sentences written for these tests: offsets must always slice the input."""

from nlp.segment import Span, clauses, labels_only, paragraphs, sentences


def _texts(spans: list[Span]) -> list[str]:
    return [s.text for s in spans]


def _check_offsets(text: str, spans: list[Span]) -> None:
    for span in spans:
        assert text[span.start:span.end] == span.text


def test_paragraphs_split_on_blank_lines_headings_and_list_items() -> None:
    text = ("II. Tồn tại, hạn chế\n- Phiếu hẹn chưa ghi đủ nội dung.\n+ Sổ theo dõi chưa cập nhật.\n\n"
            "Đoạn văn bị ngắt dòng\ngiữa chừng vẫn là một đoạn.")
    paras = paragraphs(text)
    _check_offsets(text, paras)
    assert _texts(paras) == [
        "II. Tồn tại, hạn chế",
        "- Phiếu hẹn chưa ghi đủ nội dung.",
        "+ Sổ theo dõi chưa cập nhật.",
        "Đoạn văn bị ngắt dòng\ngiữa chừng vẫn là một đoạn.",
    ]


def test_sentences_protect_abbreviations_and_numbers() -> None:
    text = ("Đoàn làm việc tại TP. Cần Thơ ngày 12.8 với 1.234 hồ sơ. Tuy nhiên, xã còn chậm; "
            "huyện chưa báo cáo. 1. Tiếp tục rà soát.")
    para = paragraphs(text)[0]
    sents = sentences(text, para)
    _check_offsets(text, sents)
    assert _texts(sents) == [
        "Đoàn làm việc tại TP. Cần Thơ ngày 12.8 với 1.234 hồ sơ.",
        "Tuy nhiên, xã còn chậm; huyện chưa báo cáo.",
        "1. Tiếp tục rà soát.",
    ]


def test_sentences_split_after_dots_without_space() -> None:
    text = "Các xã thực hiện tốt kỷ luật....Tuy nhiên, vẫn còn cán bộ đi muộn."
    sents = sentences(text, paragraphs(text)[0])
    assert _texts(sents) == ["Các xã thực hiện tốt kỷ luật....", "Tuy nhiên, vẫn còn cán bộ đi muộn."]


def test_clauses_split_on_semicolons_and_contrast_after_comma_only() -> None:
    text = ("Xã có ban hành kế hoạch nhưng chưa cụ thể; phần mềm (iOffice; iGate) hoạt động ổn định, "
            "tuy nhiên đường truyền còn chậm.")
    sent = sentences(text, paragraphs(text)[0])[0]
    parts = clauses(text, sent)
    _check_offsets(text, parts)
    assert _texts(parts) == [
        "Xã có ban hành kế hoạch nhưng chưa cụ thể",
        "phần mềm (iOffice; iGate) hoạt động ổn định",
        "tuy nhiên đường truyền còn chậm.",
    ]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it() -> None:
    text = "Xã chưa niêm yết thủ tục mới.Theo báo cáo của huyện, tỷ lệ đúng hạn đạt 98%."
    sents = sentences(text, paragraphs(text)[0])
    _check_offsets(text, sents)
    assert _texts(sents) == ["Xã chưa niêm yết thủ tục mới.",
                             "Theo báo cáo của huyện, tỷ lệ đúng hạn đạt 98%."]



def test_every_level_abbreviation_of_the_table_keeps_its_full_stop() -> None:
    """"TX." is written as "TP." is (core/levels.py holds both): its full stop ends no sentence."""
    text = "Tại TX. An Nhơn, hồ sơ trễ hẹn còn nhiều. Tại Tp. Quy Nhơn thì không."
    sents = sentences(text, paragraphs(text)[0])
    assert _texts(sents) == ["Tại TX. An Nhơn, hồ sơ trễ hẹn còn nhiều.", "Tại Tp. Quy Nhơn thì không."]

def test_abbreviations_and_domains_keep_their_glued_full_stop() -> None:
    for text in ("Tại TP.Hồ Chí Minh, các phường làm tốt.", "Tin đăng trên baochinhphu.vn ngày 3/4.",
                 "Các loại sổ sách v.v. đều đủ."):
        assert len(sentences(text, paragraphs(text)[0])) == 1, text


def test_a_roman_numeral_after_the_word_it_counts_can_end_a_sentence() -> None:
    text = "Xã chưa gửi báo cáo CCHC quý I. Đặc biệt, sổ theo dõi chưa cập nhật. Ông Nguyễn V. An ký."
    sents = sentences(text, paragraphs(text)[0])
    _check_offsets(text, sents)
    assert _texts(sents) == [
        "Xã chưa gửi báo cáo CCHC quý I.",
        "Đặc biệt, sổ theo dõi chưa cập nhật.",
        "Ông Nguyễn V. An ký.",
    ]


def test_a_line_that_only_labels_states_nothing() -> None:
    # a caption, a byline, a press subheading: no sentence's end, no list marker
    assert labels_only("Ảnh: Bộ phận một cửa huyện Tân Phong")
    assert labels_only("Minh Anh (TTXVN)")
    assert labels_only("Tập trung giải quyết hồ sơ tồn đọng")
    # a sentence, a lead-in, an item (with its ';' or its marker), a numbered heading state or head
    assert not labels_only("Xã còn 12 hồ sơ quá hạn.")
    assert not labels_only("Còn một số hạn chế sau:")
    assert not labels_only("chưa niêm yết thủ tục;")
    assert not labels_only("- Chưa niêm yết thủ tục")
    assert not labels_only("2. Về thủ tục hành chính")
