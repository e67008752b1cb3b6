"""core/inspectors.py: whether a name is named as the inspecting body, on sentences written for
these tests."""

from __future__ import annotations

import pytest

from core.inspectors import names_inspector
from core.normalize import fold


def _inspector(text: str, name: str) -> bool:
    start = text.index(name)
    return names_inspector(fold(text), start, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("Một số tồn tại do Sở Nội vụ kiểm tra chỉ ra chưa được khắc phục", "Sở Nội vụ"),
    ("Đoàn kiểm tra của UBND tỉnh Quảng Trị ghi nhận huyện đã niêm yết", "Quảng Trị"),
    ("Qua kiểm tra của Đoàn kiểm tra tỉnh Quảng Trị, công chức còn đi muộn", "Quảng Trị"),
    ("Đoàn kiểm tra công vụ của Sở Nội vụ tỉnh Quảng Trị đã làm việc", "Quảng Trị"),
    ("Đoàn kiểm tra công vụ của Sở Nội vụ tỉnh Quảng Trị đã làm việc", "Sở Nội vụ"),
    ("Đoàn kiểm tra CCHC tỉnh Gia Lai ghi nhận", "Gia Lai"),
    ("Tổ công tác của tỉnh Gia Lai làm việc với huyện", "Gia Lai"),
    ("hạn chế do Chủ tịch UBND huyện Cam Lộ kiểm tra phát hiện", "Cam Lộ"),
])
def test_the_inspecting_body(text: str, name: str) -> None:
    assert _inspector(text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("Đoàn kiểm tra đã kiểm tra tại UBND huyện Cam Lộ", "Cam Lộ"),  # the place inspected
    ("Đoàn kiểm tra UBND xã Tân Hòa", "Tân Hòa"),  # as often "the team inspected the commune"
    ("hồ sơ trễ hạn do Sở Tài chính chậm thẩm định", "Sở Tài chính"),  # "do" of a cause
    ("Qua kiểm tra của Sở Nội vụ, UBND huyện Cam Lộ còn để hồ sơ quá hạn", "Cam Lộ"),  # the judged
    ("tổ chức kiểm tra tại UBND xã Tân Hòa", "Tân Hòa"),  # "tổ chức" is no team
])
def test_not_the_inspecting_body(text: str, name: str) -> None:
    assert not _inspector(text, name)
