"""core/inspectors.py: whether a name is named as the inspecting body, on sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import inspectors
from core.errors import ConfigError
from core.inspectors import document_cues, names_inspector
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
    ("Đoàn giám sát của HĐND tỉnh Gia Lai ghi nhận", "Gia Lai"),  # a supervising team's owner
    ("hạn chế do Sở Nội vụ đã tiến hành kiểm tra", "Sở Nội vụ"),  # a check's leading words
    ("hạn chế do Ban chỉ đạo CCHC tỉnh Gia Lai chỉ ra", "Gia Lai"),  # a standing body between
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


def _cue_before(text: str, name: str) -> bool:
    return document_cues().team_before.search(fold(text[:text.index(name)])) is not None


@pytest.mark.parametrize("text", [
    "Ngày 12/5, Đoàn thanh tra công vụ tỉnh Long An",
    "Tổ công tác kiểm tra công vụ huyện Long An",
    "Ban chỉ đạo cải cách hành chính tỉnh Long An",
    "Đoàn giám sát HĐND tỉnh Long An",
])
def test_a_teams_name_before_a_unit_is_the_documents_cue_of_its_inspector(text: str) -> None:
    assert _cue_before(text, "Long An")


@pytest.mark.parametrize("text", [
    "Đoàn kiểm tra nhận thấy UBND xã Long An",  # what the team perceives, it inspected
    "Đoàn công tác làm việc tại xã Long An",
    "Đoàn kiểm tra đã đến. Xã Long An",  # another sentence
    "tổ chức hội nghị tại xã Long An",  # "tổ" with no kind is no team
])
def test_a_teams_act_or_a_sentence_ends_the_cue(text: str) -> None:
    assert not _cue_before(text, "Long An")


@pytest.mark.parametrize(("after", "checks"), [
    (" thực hiện kiểm tra công vụ tại xã B", True),
    (" đã thanh tra việc quản lý đất đai", True),
    (" thành lập đoàn kiểm tra liên ngành", True),
    (" cho biết, Tổ công tác kiểm tra", False),  # a comma ends the subject
])
def test_the_subject_of_a_check(after: str, checks: bool) -> None:
    assert (document_cues().checks_after.match(fold(after)) is not None) is checks


@pytest.mark.parametrize("after", [" được kiểm tra toàn diện", " khi kiểm tra có mặt",
                                   " trong đợt thanh tra"])
def test_a_unit_that_undergoes_the_check_is_not_its_subject(after: str) -> None:
    assert document_cues().undergoes_after.match(fold(after)) is not None


@pytest.mark.parametrize(("table", "says"), [
    ('teams = ["đoàn"]\n', "non-empty list of words `bodies`"),
    (Path(inspectors.INSPECTORS_FILE).read_text(encoding="utf-8") + 'wardens = ["x"]\n', "unknown keys"),
    (Path(inspectors.INSPECTORS_FILE).read_text(encoding="utf-8").replace(
        'verb_kinds = ["kiểm tra"', 'verb_kinds = ["kiểm soát", "kiểm tra"'), "are not team_kinds"),
])
def test_a_broken_table_is_one_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            table: str, says: str) -> None:
    broken = tmp_path / "inspectors.toml"
    broken.write_text(table, encoding="utf-8")
    monkeypatch.setattr(inspectors, "INSPECTORS_FILE", broken)
    inspectors._words.cache_clear()
    try:
        with pytest.raises(ConfigError, match=says):
            inspectors._words()
    finally:
        inspectors._words.cache_clear()
