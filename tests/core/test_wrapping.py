"""Joining hard-wrapped lines in the text layer, on texts written for these tests."""

from __future__ import annotations

import textwrap

from core.models import Source, document_from_blocks
from core.wrapping import join_wrapped_lines, wrap_width

REPORT = (
    "Ngày 12/3/2021, Đoàn kiểm tra cải cách hành chính của UBND huyện đã làm việc với UBND xã "
    "Tân Thạnh về kết quả thực hiện nhiệm vụ năm 2020. Qua kiểm tra cho thấy, xã đã ban hành kế "
    "hoạch kịp thời, niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa. Tuy nhiên, "
    "phiếu hẹn của UBND xã Tân Thạnh chưa ghi đủ thông tin và sổ theo dõi hồ sơ chưa cập nhật."
)


def test_a_text_wrapped_at_a_fixed_width_becomes_one_paragraph_of_the_same_length() -> None:
    wrapped = textwrap.fill(REPORT, 72)
    assert "\n" in wrapped
    joined = join_wrapped_lines(wrapped)
    assert len(joined) == len(wrapped)
    assert joined == " ".join(wrapped.split("\n"))
    assert wrap_width(wrapped) is not None


def test_a_break_before_a_capitalised_name_is_joined_only_in_a_fixed_width_block() -> None:
    wrapped = textwrap.fill(REPORT, 60)
    assert any(line.split()[0][0].isupper() for line in wrapped.split("\n")[1:])  # a name opens a line
    assert "\n" not in join_wrapped_lines(wrapped)
    # Two short lines of a web dump: a headline, then the article's first sentence.
    dump = "Kiểm tra công tác CCHC tại xã Tân Thạnh\nNgày 12/3, Đoàn kiểm tra đã làm việc với xã."
    assert join_wrapped_lines(dump) == dump


def test_a_lowercase_continuation_is_joined_anywhere() -> None:
    text = "Đoàn kiểm tra ghi nhận xã đã niêm yết\nđầy đủ thủ tục hành chính."
    assert join_wrapped_lines(text) == text.replace("\n", " ")


def test_sentence_ends_list_items_headings_and_fields_keep_their_lines() -> None:
    text = ("Qua kiểm tra, xã còn một số hạn chế như sau:\n- Hồ sơ quá hạn còn nhiều;\n"
            "- Phần mềm một cửa chưa cập nhật.\nII. KIẾN NGHỊ\nĐề nghị xã khắc phục ngay.")
    assert join_wrapped_lines(text) == text
    fields = ("Số hiệu: 12/TB-UBND   Loại văn bản: Thông báo\nNgày ban hành: 05/01/2021   "
              "Người ký: Trần Văn A\nNơi ban hành: UBND huyện   Tình trạng: Còn hiệu lực")
    assert join_wrapped_lines(fields) == fields


def test_document_from_blocks_joins_with_the_width_of_the_whole_document() -> None:
    wrapped = [textwrap.fill(p, 64) for p in (REPORT, REPORT.replace("Tân Thạnh", "Phú Lộc"))]
    short = "Phiếu hẹn của UBND xã Tân Thạnh chưa ghi đủ thông tin và sổ theo\nLộc chưa cập nhật."
    source = Source(path="x.txt", sha256="0", format="txt", reader="txt.utf-8")
    doc = document_from_blocks("x", [(p, None, "paragraph", None) for p in [*wrapped, short]], source)
    assert "\n" not in doc.text.replace("\n\n", "")  # the two-line paragraph is joined too
    assert [doc.text[b.start:b.end].replace(" ", "") for b in doc.blocks] == [
        p.replace("\n", "").replace(" ", "") for p in [*wrapped, short]]


def test_a_table_block_is_left_as_it_is() -> None:
    table = "Đơn vị | Hồ sơ\nxã Tân Thạnh | 120"
    source = Source(path="x.txt", sha256="0", format="txt", reader="txt.utf-8")
    assert document_from_blocks("x", [(table, None, "table", None)], source).text == table
