from __future__ import annotations

from pathlib import Path

from extractors import read

ARTICLE = (
    "Huyện kiểm tra cải cách hành chính năm 2022\n\n"
    "Đoàn kiểm tra đã làm việc với 12 xã, thị trấn.\nKết quả cho thấy việc niêm yết thủ tục đầy đủ.\n\n"
    "Upload\n\n"
    "Một số xã còn chậm cập nhật hồ sơ lên hệ thống.\n"
    "Thống kê truy cập\n  • Đang online: 41\n  • Hôm nay: 1.208\n"
)


def test_utf8_paragraphs_become_blocks_and_widgets_go(tmp_path: Path, settings) -> None:
    path = tmp_path / "bai_viet.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read(path, settings=settings)
    assert doc.doc_id == "bai_viet"
    assert doc.source.title == "Huyện kiểm tra cải cách hành chính năm 2022"
    assert [doc.text[b.start:b.end] for b in doc.blocks] == [
        "Huyện kiểm tra cải cách hành chính năm 2022",
        "Đoàn kiểm tra đã làm việc với 12 xã, thị trấn.\nKết quả cho thấy việc niêm yết thủ tục đầy đủ.",
        "Một số xã còn chậm cập nhật hồ sơ lên hệ thống.",
    ]
    assert "online" not in doc.text


def test_windows_1258_and_utf16_decode_to_the_same_text(tmp_path: Path, settings) -> None:
    from reader_fixtures import to_cp1258_form

    text = "Ủy ban nhân dân xã Phước Hưng thực hiện tốt việc giải quyết thủ tục hành chính."
    cp = tmp_path / "cp.txt"
    cp.write_bytes(to_cp1258_form(text).encode("cp1258"))
    u16 = tmp_path / "u16.txt"
    u16.write_bytes(text.encode("utf-16"))
    bom8 = tmp_path / "bom8.txt"
    bom8.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for path in (cp, u16, bom8):
        assert read(path, settings=settings).text == text, path.name
    assert read(cp, settings=settings).source.reader == "txt.cp1258"


def test_nfd_input_comes_out_nfc(tmp_path: Path, settings) -> None:
    import unicodedata

    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "Cải cách hành chính"), encoding="utf-8")
    assert read(path, settings=settings).text == "Cải cách hành chính"


def test_a_dump_opening_with_its_lead_gets_no_title(tmp_path: Path, settings) -> None:
    """The lead paragraph a portal's page starts with is no title (core.headline): the
    document is then shown without one rather than with a paragraph cut off."""
    path = tmp_path / "tin.txt"
    path.write_text(
        "Ngày 4/11, Văn phòng UBND tỉnh cho biết đã có báo cáo gửi lãnh đạo tỉnh về kết quả rà soát hồ sơ"
        " tiếp nhận và xử lý quá hạn trên Cổng Dịch vụ công quốc gia của các xã sau sáp nhập.\n\n"
        "Theo báo cáo, nhiều xã còn để hồ sơ quá hạn.\n", encoding="utf-8")
    assert read(path, settings=settings).source.title is None


def test_a_report_saved_as_text_is_titled_by_its_heading_not_its_motto(tmp_path: Path, settings) -> None:
    """A report's letterhead rows are short lines above its body, as a headline is: its own
    heading (the kind line and the subject under it) is its title, as in its PDF or DOCX."""
    path = tmp_path / "bao-cao.txt"
    path.write_text(
        "UBND TỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/BC-UBND\nNghệ An, ngày 3 tháng 5 năm 2020\n\nBÁO CÁO\n"
        "Kết quả kiểm tra công tác cải cách hành chính năm 2020\n\n"
        "Thực hiện Kế hoạch số 5/KH-UBND, đoàn kiểm tra đã làm việc tại 5 xã.\n", encoding="utf-8")
    assert read(path, settings=settings).source.title == (
        "BÁO CÁO Kết quả kiểm tra công tác cải cách hành chính năm 2020")


def test_a_portal_s_poll_box_above_the_article_is_not_its_title(tmp_path: Path, settings) -> None:
    """A dump opening on the sidebar's poll ("Bình chọn", the question, its options, the vote
    count) is titled by the article's headline below it, not by the poll's question, and the
    poll's lines are not the document's text (extractors.boilerplate.poll_lines)."""
    path = tmp_path / "tin.txt"
    path.write_text(
        "Bình chọn\nBạn thấy giao diện Cổng thông tin điện tử của xã Tân Phú thế nào\nRất hài lòng\n"
        "Hài lòng\n128 người đã bình chọn\n\n"
        "Huyện kiểm tra công tác cải cách hành chính tại các xã\n\n"
        "Ngày 5/4/2024, Đoàn kiểm tra của huyện đã làm việc tại xã Tân Phú. Qua kiểm tra, xã còn để"
        " 3 hồ sơ quá hạn.\n", encoding="utf-8")
    document = read(path, settings=settings)
    assert document.source.title == "Huyện kiểm tra công tác cải cách hành chính tại các xã"
    assert "hài lòng" not in document.text and "Bạn thấy" not in document.text
