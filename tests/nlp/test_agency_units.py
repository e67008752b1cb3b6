"""The agencies a document names, listed as units of level cơ quan with province and role."""

from __future__ import annotations

from core.levels import Level
from core.models import Role, Unit
from nlp.agencies import agency_units
from nlp.units import find_units


def _agencies(text: str) -> list[Unit]:
    return list(agency_units(text, find_units(text, published="2018-12-05")))


def test_an_agency_takes_the_province_of_the_unit_named_after_it() -> None:
    text = ("Báo chí phản ánh Sở Tài nguyên và Môi trường tỉnh Bình Định hiện có 6 Phó giám đốc Sở và "
            "công chức Phòng Tài chính huyện Thạch Thành, tỉnh Thanh Hóa dùng xe công đi lễ chùa.")
    found = {(u.name, u.province) for u in _agencies(text)}
    assert found == {("Sở Tài nguyên và Môi trường", "Bình Định"), ("Phòng Tài chính", "Thanh Hóa")}
    assert all(u.level == Level.CO_QUAN for u in _agencies(text))


def test_the_agency_inspected_and_the_team_s_own_agency() -> None:
    text = ("Ngày 4/12, Đoàn kiểm tra của Sở Văn hóa - Thể thao Hà Nội đã kiểm tra việc thực hiện "
            "Quy tắc ứng xử tại Sở LĐ,TB&XH Hà Nội.")
    roles = {u.name: u.role for u in _agencies(text)}
    assert roles == {"Sở Văn hóa và Thể thao": Role.INSPECTOR,
                     "Sở Lao động - Thương binh và Xã hội": Role.INSPECTED}


def test_an_agency_named_alone_is_of_the_document_s_one_province() -> None:
    text = ("Qua rà soát, toàn tỉnh Gia Lai có 998 hồ sơ quá hạn. "
            "Trong đó, Sở Tài chính có 363 hồ sơ quá hạn.")
    found = [(u.name, u.province, u.role) for u in _agencies(text)]
    assert found == [("Sở Tài chính", "Gia Lai", Role.OTHER)]


def test_lowercase_bodies_and_facilities_are_no_agency() -> None:
    assert _agencies("Các sở, ngành và cơ sở y tế trên địa bàn tỉnh Gia Lai còn chậm.") == []
