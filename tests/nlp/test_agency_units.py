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
