"""The units containing a unit: its district (for a commune) and its province, before 2025.

Why: a search for a huyện "and the units inside it" (`kiemtra search --unit X --within`) must
find findings about its communes, and a finding records only the commune. The gazetteer knows
which district held each commune and which province each unit; this asks it once per unit
when records are built (index/records.py takes it as a function, so index/ runs no NLP).
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from core.errors import KiemtraError
from core.levels import COMMUNE_LEVELS, PROVINCE_LEVELS
from core.models import Unit
from core.normalize import match_key
from nlp.gazetteer import Gazetteer, load_gazetteer

LOGGER = logging.getLogger(__name__)

def containers_in(gazetteer: Gazetteer, unit: Unit, near: Collection[str] = ()) -> list[str]:
    """"level name" of the district (for a commune) and the province holding `unit`, as the
    gazetteer knows them before 2025; nothing it cannot tell without doubt (two districts of
    the province with a commune of that name give no district, unless exactly one of them is
    `near`: the match keys of the districts its document names, as "xã Minh Sơn" in a report of
    huyện Đô Lương is Đô Lương's, not Thanh Chương's)."""
    province = unit.home_province
    if not province:
        return []
    out: list[str] = []
    pkey = gazetteer.province_key(province)
    if unit.level in COMMUNE_LEVELS:
        districts = {p.district for p in gazetteer.places(unit.level, unit.name)
                     if match_key(p.province) == pkey and p.district}
        if len(districts) > 1 and near:
            districts = {d for d in districts if match_key(d) in near} or districts
        if len(districts) == 1:
            district = districts.pop()
            levels = {p.level for p in gazetteer.places("huyện", district) if match_key(p.province) == pkey}
            if len(levels) == 1:
                out.append(f"{levels.pop()} {district}")
    if unit.level not in PROVINCE_LEVELS or gazetteer.province_key(unit.name) != pkey:
        entry = gazetteer.provinces.get(pkey)
        out.append(f"{entry[1]} {entry[0]}" if entry else province)
    return out


def containers(unit: Unit, near: Collection[str] = ()) -> list[str]:
    """`containers_in` the installed gazetteer; nothing (and one warning) where it is missing."""
    try:
        gazetteer = load_gazetteer()
    except KiemtraError as e:
        LOGGER.warning("units containing %s unknown: %s", unit.name, e)
        return []
    return containers_in(gazetteer, unit, near)
