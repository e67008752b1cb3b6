"""The sectors and their institutions (index/vi/sectors.toml, index/sectors.py), and how a query
reads a sector named by its field ("ngành y tế") or its institutions' common name ("trường học")."""

from __future__ import annotations

import pytest

from core.errors import ConfigError
from index.query import Plan, plan_query
from index.sectors import parse_sectors, sectors


def _plan(text: str) -> Plan:
    return plan_query(text)


def _alternatives(plan: Plan) -> list[set[tuple[str, ...]]]:
    return [{alt.syllables for alt in group.alternatives} for group in plan.groups]


def test_the_classifier_before_a_field_names_the_sector_and_no_matter() -> None:
    table = sectors()
    assert table.classifier_at(["ngành", "y", "tế"], 0) == 1
    assert table.classifier_at(["ngành", "giáo", "dục"], 0) == 1
    assert table.classifier_at(["ngành", "tư", "pháp"], 0) == 1  # an agencies field, defined there
    assert table.classifier_at(["ngành", "công", "an"], 0) == 1  # a sector of its own
    assert table.classifier_at(["ngành", "nghề"], 0) == 0
    assert table.classifier_at(["sở", "ngành"], 1) == 0


def test_a_field_after_its_classifier_brings_its_institutions_one_way() -> None:
    groups = _alternatives(_plan("kỷ cương công vụ ngành y tế"))
    assert not any(("ngành",) in g for g in groups)
    assert {("y", "tế"), ("trạm", "y", "tế"), ("bệnh", "viện")} in groups
    schools = _alternatives(_plan("kết quả ngành giáo dục"))
    assert any({("giáo", "dục"), ("trường", "tiểu", "học"), ("trường", "thcs")} <= g for g in schools)
    # the field alone is an activity as often ("tuyên truyền, giáo dục pháp luật"): read as typed
    assert all(("trường", "tiểu", "học") not in g for g in _alternatives(_plan("tuyên truyền giáo dục")))


def test_the_institutions_common_name_brings_every_kind() -> None:
    groups = _alternatives(_plan("trường học chấp hành giờ giấc"))
    assert any({("trường", "học"), ("trường", "tiểu", "học"), ("trường", "mầm", "non")} <= g for g in groups)


def test_the_table_is_checked() -> None:
    fields = {"Y tế": (("y", "tế"),)}
    with pytest.raises(ConfigError):  # no field of the agencies, and not its own
        parse_sectors({"sector": [{"field": "Quân sự", "institutions": ["ban chỉ huy quân sự"], "why": "x"}]},
                      fields)
    with pytest.raises(ConfigError):  # the generic must be one of the institutions
        parse_sectors({"sector": [{"field": "Y tế", "institutions": ["trạm y tế"], "generic": "cơ sở y tế",
                                   "why": "x"}]}, fields)
    with pytest.raises(ConfigError):  # no why
        parse_sectors({"sector": [{"field": "Y tế", "institutions": ["trạm y tế"]}]}, fields)
