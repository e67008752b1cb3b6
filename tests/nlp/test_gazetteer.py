"""The gazetteer built from the installed vietnamadminunits data."""

from __future__ import annotations

from core.models import Level, Unit
from nlp.gazetteer import Gazetteer, Place, load_gazetteer
from nlp.unit_containers import containers_in


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


def test_every_province_level_of_the_table_names_a_province() -> None:
    """The province tier's levels (core/levels.py PROVINCE_LEVELS: tỉnh, thành phố) find the
    province, as the district tier's find districts; no level list of its own here."""
    from core.levels import PROVINCE_LEVELS

    g = Gazetteer(provinces={"cần thơ": ("Cần Thơ", "thành phố")}, districts={}, communes={}, current={})
    assert {"tỉnh", "thành phố"} == PROVINCE_LEVELS
    city = (Place("thành phố", "Cần Thơ", "Cần Thơ"),)
    assert all(g.places(level, "Cần Thơ") == city for level in PROVINCE_LEVELS)
    assert g.places("huyện", "Cần Thơ") == ()


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


def test_a_commune_of_thua_thien_hue_as_documents_name_it_has_its_district() -> None:
    """The province's name before 2025 ("Thừa Thiên Huế", as `province_name` spells it for those
    documents) keys the same places as the data's "Huế": a commune in it gets its district."""
    g = load_gazetteer()
    assert g.province_key("Thừa Thiên Huế") == g.province_key("Huế")
    commune = Unit(Level.PHUONG, "Vỹ Dạ")
    by_old_name = containers_in(g, Unit(commune.level, commune.name, province="Thừa Thiên Huế"))
    by_data_name = containers_in(g, Unit(commune.level, commune.name, province="Huế"))
    assert by_old_name == by_data_name and len(by_data_name) == 2  # the district, then the province
    assert containers_in(g, Unit(Level.TINH, "Thừa Thiên Huế", province="Thừa Thiên Huế")) == []


def _two_chau_thanh() -> Gazetteer:
    """Two provinces with a huyện Châu Thành each, and a huyện Thường Tín, communes listed by none."""
    districts = {"châu thành": (Place("huyện", "Châu Thành", "Sóc Trăng"),
                                Place("huyện", "Châu Thành", "Bến Tre")),
                 "thường tín": (Place("huyện", "Thường Tín", "Hà Nội"),)}
    provinces = {"sóc trăng": ("Sóc Trăng", "tỉnh"), "bến tre": ("Bến Tre", "tỉnh"),
                 "hà nội": ("Hà Nội", "thành phố")}
    return Gazetteer(provinces=provinces, districts=districts, communes={}, current={})


def test_a_commune_the_data_lacks_takes_the_one_district_its_document_names() -> None:
    """The commune, merged away before the data was written, lies in the one district the document
    names; a document naming two that could hold it says nothing of which."""
    g = _two_chau_thanh()
    commune = Unit(Level.XA, "Thống Nhất", province="Hà Nội")
    district = Unit(Level.HUYEN, "Thường Tín", province="Hà Nội")
    assert containers_in(g, commune, (district,)) == ["huyện Thường Tín", "thành phố Hà Nội"]
    assert containers_in(g, commune, ()) == ["thành phố Hà Nội"]


def test_a_named_district_of_another_province_is_no_district_of_the_commune() -> None:
    """A news item on Sóc Trăng's huyện Châu Thành that mentions a commune of Bến Tre: the district
    the document names is Sóc Trăng's, though Bến Tre has a huyện Châu Thành too."""
    g = _two_chau_thanh()
    commune = Unit(Level.XA, "Tân Phú Tây", province="Bến Tre")
    named = Unit(Level.HUYEN, "Châu Thành", province="Sóc Trăng")
    assert containers_in(g, commune, (named,)) == ["tỉnh Bến Tre"]
    unknown = Unit(Level.HUYEN, "Châu Thành")  # a district whose province the text does not say
    assert containers_in(g, commune, (unknown,)) == ["huyện Châu Thành", "tỉnh Bến Tre"]
