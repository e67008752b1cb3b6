"""A text copied from a terminal: its escape sequences go whole, not only their ESC (ux28's sweep:
a finding of a text file holding a window title and a colour read "pwned[31mXã Cam Hiếu còn
nhiều hồ sơ trễ hạn…[0m" on the CLI, the page and the spreadsheet; harmless, the ESC being gone,
but its words were not the report's). core.normalize.strip_controls, which every reader's text
passes through (core.models.document_from_blocks)."""

from __future__ import annotations

from pathlib import Path

from core.normalize import strip_controls
from core.settings import load_settings
from extractors import read


def test_a_sequence_goes_whole_and_text_that_only_looks_like_one_stays() -> None:
    assert strip_controls("\x1b]0;pwned\x07\x1b[31mXã Cam Hiếu còn trễ hạn.\x1b[0m") == (
        "Xã Cam Hiếu còn trễ hạn.")
    assert strip_controls("a\x1b[2J\x1b[1;31mb\x1b]8;;http://x\x1b\\c\x1bcd\x9b2Je") == "abcde"
    assert strip_controls("mục [31m] và ]0; giữ nguyên") == "mục [31m] và ]0; giữ nguyên"  # no ESC: text
    # An OSC never ended takes no line with it: only its ESC and bracket go
    assert strip_controls("\x1b]0;tiêu đề\nXã Cam Hiếu") == "0;tiêu đề\nXã Cam Hiếu"


def test_a_text_file_holding_sequences_reads_as_its_words(tmp_path: Path) -> None:
    path = tmp_path / "nhat-ky.txt"
    path.write_text("Kết quả kiểm tra tại xã Cam Hiếu.\n\n\x1b]0;pwned\x07\x1b[31mXã Cam Hiếu còn nhiều hồ sơ"
                    " trễ hạn chưa có văn bản xin lỗi.\x1b[0m\n", encoding="utf-8")
    text = read(path, settings=load_settings(environ={})).text
    assert text.endswith("\n\nXã Cam Hiếu còn nhiều hồ sơ trễ hạn chưa có văn bản xin lỗi.")
    assert "[31m" not in text and "pwned" not in text
