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
from core.levels import COMMUNE_LEVELS, HOLDS, PROVINCE_LEVELS
from core.models import Unit
from core.normalize import match_key
from nlp.gazetteer import Gazetteer, load_gazetteer

LOGGER = logging.getLogger(__name__)

def containers_in(gazetteer: Gazetteer, unit: Unit, near: Collection[Unit] = ()) -> list[str]:
    """"level name" of the district (for a commune) and the province holding `unit`, as the
    gazetteer knows them before 2025; nothing it cannot tell without doubt.

    The commune's district: the gazetteer's one district of that province holding a commune of
    that name; where it has several, or none, the districts its document names (`near`) decide,
    among those it places in the commune's province (or in none) whose level, as the document
    names it, can hold the commune (`_named_holders`): "xã Minh Sơn" in a report of huyện Đô
    Lương is Đô Lương's, not Thanh Chương's, and a commune merged away before the data was
    written, in an article on the communes of one huyện, is that huyện's though the data no
    longer lists it. Only one such district: a document naming two that could hold it
    leaves the commune under its province alone."""
    province = unit.home_province
    if not province:
        return []
    out: list[str] = []
    pkey = gazetteer.province_key(province)
    if unit.level in COMMUNE_LEVELS:
        districts = {p.district for p in gazetteer.places(unit.level, unit.name)
                     if match_key(p.province) == pkey and p.district}
        if len(districts) != 1 and near:
            named = _named_holders(gazetteer, unit.level, pkey, near)
            keys = {match_key(d) for d in named}
            districts = ({d for d in districts if match_key(d) in keys} if districts else named) or districts
        if len(districts) == 1:
            district = districts.pop()
            levels = {p.level for p in gazetteer.places("huyện", district) if match_key(p.province) == pkey}
            if len(levels) == 1:
                out.append(f"{levels.pop()} {district}")
    if unit.level not in PROVINCE_LEVELS or gazetteer.province_key(unit.name) != pkey:
        entry = gazetteer.provinces.get(pkey)
        out.append(f"{entry[1]} {entry[0]}" if entry else province)
    return out


def _named_holders(gazetteer: Gazetteer, level: str, pkey: str, near: Collection[Unit]) -> set[str]:
    """The districts the document names (`near`) that the gazetteer has in the province keyed
    `pkey`, that the document places in that province or in none, and whose level as the document
    names it can hold a commune of `level` (core.levels.HOLDS: a quận holds phường, never a xã), by
    the gazetteer's spelling. The document's province: a news item on Sóc Trăng's huyện Châu Thành
    mentioning a commune of Bến Tre names no district of Bến Tre, though Bến Tre has a Châu Thành
    (a dozen provinces do). The document's level, not the data's: a unit changes level ("huyện Mộc
    Châu" of a 2017 report, with its thị trấn, is a thị xã in the data)."""
    named: set[str] = set()
    for district in near:
        if level not in HOLDS.get(district.level, ()):
            continue
        if district.province and gazetteer.province_key(district.province) != pkey:
            continue
        named.update(p.name for p in gazetteer.places("huyện", district.name)
                     if match_key(p.province) == pkey)
    return named


def containers(unit: Unit, near: Collection[Unit] = ()) -> list[str]:
    """`containers_in` the installed gazetteer; nothing (and one warning) where it is missing."""
    try:
        gazetteer = load_gazetteer()
    except KiemtraError as e:
        LOGGER.warning("units containing %s unknown: %s", unit.name, e)
        return []
    return containers_in(gazetteer, unit, near)
