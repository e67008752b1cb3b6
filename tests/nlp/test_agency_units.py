"""The agencies a document names, listed as units of level cơ quan with province and role."""

from __future__ import annotations

from core.levels import Level
from core.models import Role, Unit
from nlp.agencies import agency_units
from nlp.units import find_units


def _agencies(text: str) -> list[Unit]:
    return list(agency_units(text, find_units(text, published="2018-12-05")))


def test_an_agency_takes_the_province_of_the_unit_named_after_it() -> None:
    text = ("Cử tri phản ánh Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi chậm giải quyết hồ sơ đất đai, "
            "còn Phòng Tài chính huyện Bến Lức, tỉnh Long An chưa công khai thủ tục.")
    found = {(u.name, u.province) for u in _agencies(text)}
    assert found == {("Sở Tài nguyên và Môi trường", "Quảng Ngãi"), ("Phòng Tài chính", "Long An")}
    assert all(u.level == Level.CO_QUAN for u in _agencies(text))


def test_the_agency_inspected_and_the_team_s_own_agency() -> None:
    text = ("Ngày 15/3, Đoàn kiểm tra của Sở Văn hóa - Thể thao Đà Nẵng đã kiểm tra việc chấp hành giờ "
            "làm việc tại Sở LĐ,TB&XH Đà Nẵng.")
    roles = {u.name: u.role for u in _agencies(text)}
    assert roles == {"Sở Văn hóa và Thể thao": Role.INSPECTOR,
                     "Sở Lao động - Thương binh và Xã hội": Role.INSPECTED}


def test_an_agency_named_alone_is_of_the_document_s_one_province() -> None:
    text = ("Qua rà soát, toàn tỉnh Quảng Trị có 415 hồ sơ trễ hạn. "
            "Trong đó, Sở Tài chính có 127 hồ sơ trễ hạn.")
    found = [(u.name, u.province, u.role) for u in _agencies(text)]
    assert found == [("Sở Tài chính", "Quảng Trị", Role.OTHER)]


def test_lowercase_bodies_and_facilities_are_no_agency() -> None:
    assert _agencies("Các sở, ngành và cơ sở y tế trên địa bàn tỉnh Gia Lai còn chậm.") == []


def test_the_agency_that_checks_is_the_inspector_whatever_verb_came_before() -> None:
    # "kiểm tra ... đối với các cơ quan, đơn vị, vừa qua," before it reads it checked; its own
    # "đã thực hiện kiểm tra" and the team "của" it make it the inspector
    text = ("Thực hiện việc kiểm tra công vụ đột xuất đối với các cơ quan, đơn vị, vừa qua, Sở Nội vụ tỉnh "
            "Gia Lai đã thực hiện kiểm tra tại 12 đơn vị. Đoàn kiểm tra công vụ của Sở Nội vụ đề nghị "
            "các đơn vị khắc phục. Một số tồn tại do Sở Nội vụ kiểm tra chỉ ra chưa được khắc phục.")
    noi_vu, = (u for u in _agencies(text) if u.name == "Sở Nội vụ")
    assert noi_vu.role == Role.INSPECTOR
    # an agency checked stays inspected
    text = "Đoàn kiểm tra của Sở Nội vụ đã kiểm tra tại Sở Tài chính tỉnh Gia Lai."
    roles = {u.name: u.role for u in _agencies(text)}
    assert roles == {"Sở Nội vụ": Role.INSPECTOR, "Sở Tài chính": Role.INSPECTED}


def test_an_agency_tasked_with_inspecting_is_the_inspector() -> None:
    """"giao Sở Nội vụ tăng cường thanh tra, kiểm tra": the department is the subject of the check
    (core/inspectors.toml's `checks`, "thanh tra" beside "kiểm tra")."""
    text = ("Chủ tịch UBND tỉnh Gia Lai giao Sở Nội vụ tăng cường thanh tra, kiểm tra việc chấp hành kỷ luật "
            "tại xã Ia Pết.")
    noi_vu, = (u for u in _agencies(text) if u.name == "Sở Nội vụ")
    assert noi_vu.role == Role.INSPECTOR
