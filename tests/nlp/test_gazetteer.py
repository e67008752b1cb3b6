"""The gazetteer built from the installed vietnamadminunits data."""

from __future__ import annotations

from nlp.gazetteer import Gazetteer, Place, load_gazetteer


def test_repeated_district_names_are_in_several_provinces() -> None:
    g = load_gazetteer()
    provinces = g.provinces_of("huyện", "Châu Thành")
    assert {"Tiền Giang", "Trà Vinh", "Sóc Trăng"} <= provinces
    assert len(provinces) >= 8


def test_tone_variants_and_tier_levels_are_interchangeable() -> None:
    g = load_gazetteer()
    assert g.provinces_of("huyện", "Hiệp Hoà") == g.provinces_of("huyện", "Hiệp Hòa") == {"Bắc Giang"}
    assert g.knows("thị xã", "Việt Yên") or g.knows("huyện", "Việt Yên")


def test_province_names_by_date() -> None:
    g = load_gazetteer()
    assert g.province_name("Huế", "2019-05-01") == "Thừa Thiên Huế"
    assert g.province_name("Thừa Thiên Huế") == "Thừa Thiên Huế"
    assert g.province_name("Bắc Giang") == "Bắc Giang"
    assert g.province_name("Mộc Châu") is None
    assert g.is_province("Hà Nội") and not g.is_province("Hiệp Hòa")


def test_current_province_after_the_2025_merger() -> None:
    g = load_gazetteer()
    assert g.current_unit("tỉnh", "Bến Tre", "Bến Tre") == "tỉnh Vĩnh Long"
    assert g.current_unit("tỉnh", "Hà Giang", "Hà Giang") == "tỉnh Tuyên Quang"
    assert g.current_unit("huyện", "Không Có", "Không Tỉnh") is None


def test_hand_built_gazetteer_answers_the_same_questions() -> None:
    place = Place("xã", "Tân Thạnh", "Đồng Tháp", "Thanh Bình")
    g = Gazetteer(provinces={"đồng tháp": ("Đồng Tháp", "tỉnh")}, districts={},
                  communes={"tân thạnh": (place,)}, current={("đồng tháp", "", ""): "tỉnh Đồng Tháp"})
    assert g.provinces_of("phường", "Tân Thạnh") == {"Đồng Tháp"}
    assert g.provinces_of("huyện", "Tân Thạnh") == frozenset()
    assert g.current_unit("xã", "Tân Thạnh", "Đồng Tháp") == "tỉnh Đồng Tháp"


def test_thua_thien_hue_as_documents_name_it_has_todays_unit() -> None:
    """Reports before 2025 say "tỉnh Thừa Thiên Huế"; the data calls it Huế (a thành phố since
    1/1/2025). Without today's unit, `--unit Huế` and "Huế" in a query missed its findings."""
    g = load_gazetteer()
    assert g.current_unit("tỉnh", "Thừa Thiên Huế", "Thừa Thiên Huế") == "thành phố Huế"
    assert g.current_unit("thành phố", "Huế", "Huế") == "thành phố Huế"
    assert g.current_unit("phường", "Vỹ Dạ", "Thừa Thiên Huế") == "phường Vỹ Dạ"
