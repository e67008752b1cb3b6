"""Vietnam's administrative units before and after the 1 July 2025 reorganisation.

Why a gazetteer at all: a report says "huyện Châu Thành" and there are a dozen of them; it
says "xã Tân Thạnh" and the reader must know which province it was in on the report's date,
and which unit holds it today. The data comes from the installed `vietnamadminunits`
package (its SQLite table of the 63 provinces with districts and wards, its table of the
34 provinces with wards, and its old-to-new mapping). We read its data files directly
rather than importing the package, whose import parses every file eagerly.

Names are compared by `core.normalize.match_key`, so "Hiệp Hòa" and "Hiệp Hoà" agree.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.errors import ConfigError
from core.levels import COMMUNE_LEVELS, DISTRICT_LEVELS, PROVINCE_LEVELS
from core.normalize import match_key
from nlp.vi.abbreviations import HISTORICAL_PROVINCE_NAMES

LOGGER = logging.getLogger(__name__)

REORGANISATION_DATE = "2025-07-01"


@dataclass(frozen=True, slots=True)
class Place:
    """One pre-2025 unit: its level, short name, and the district and province holding it."""

    level: str
    name: str
    province: str
    district: str | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Immutable lookup tables; build it with `load_gazetteer()` (cached) or by hand in tests.

    `provinces`: match_key(short name) -> (legacy short name, legacy level).
    `districts`, `communes`: match_key(short name) -> the Places of that name, any level of the tier.
    `current`: (province, district or "", commune or "") keys -> "level name" of today's unit.
    """

    provinces: dict[str, tuple[str, str]]
    districts: dict[str, tuple[Place, ...]]
    communes: dict[str, tuple[Place, ...]]
    current: dict[tuple[str, str, str], str]

    def is_province(self, name: str) -> bool:
        return match_key(name) in self.provinces

    def province_name(self, name: str, published: str | None = None) -> str | None:
        """The short province name as documents of that date spell it, or None if not a province."""
        entry = self.provinces.get(match_key(name))
        if entry is None:
            return None
        short = entry[0]
        if published is None or published < REORGANISATION_DATE:
            return HISTORICAL_PROVINCE_NAMES.get(short, short)
        return short

    def places(self, level: str, name: str) -> tuple[Place, ...]:
        """Pre-2025 units of this tier named `name` (level words of one tier are interchangeable,
        because units change level: a xã becomes a phường, a huyện a thị xã)."""
        key = match_key(name).replace("’", "'")  # "Ea H’leo" as the data spells it, "Ea H'leo"
        found: list[Place] = []
        if level in COMMUNE_LEVELS:
            found.extend(self.communes.get(key, ()))
        if level in DISTRICT_LEVELS:
            found.extend(self.districts.get(key, ()))
        if level in PROVINCE_LEVELS and key in self.provinces:
            short, legacy_level = self.provinces[key]
            found.append(Place(legacy_level, short, short))
        return tuple(found)

    def knows(self, level: str, name: str) -> bool:
        return bool(self.places(level, name))

    def provinces_of(self, level: str, name: str) -> frozenset[str]:
        """Provinces (legacy short names) holding a unit of this tier and name."""
        return frozenset(p.province for p in self.places(level, name))

    def province_key(self, province: str) -> str:
        """The match key of the data's own short name of `province`, which keys its places and
        today's units: a document's "Thừa Thiên Huế" is the data's "Huế"; an unknown name keys itself."""
        entry = self.provinces.get(match_key(province))
        return match_key(entry[0]) if entry else match_key(province)

    def current_unit(self, level: str, name: str, province: str, district: str | None = None) -> str | None:
        """Today's unit holding this pre-2025 unit, "level name": the new commune when the
        mapping names exactly one, else the new province; None when the unit is unknown."""
        pkey = self.province_key(province)
        if level in COMMUNE_LEVELS:
            candidates = [p for p in self.communes.get(match_key(name), ())
                          if match_key(p.province) == pkey
                          and (district is None or match_key(p.district or "") == match_key(district))]
            if len(candidates) == 1:
                c = candidates[0]
                hit = self.current.get((pkey, match_key(c.district or ""), match_key(c.name)))
                if hit:
                    return hit
        return self.current.get((pkey, "", ""))


def _data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("the gazetteer needs the 'vietnamadminunits' package"
                          " (pip install vietnamadminunits)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _short(full: str, kind: str | None) -> str:
    """'Huyện Châu Thành' -> 'Châu Thành' (the dataset's *Short columns strip some prefixes
    inconsistently, so we strip the type word ourselves)."""
    if kind and full.lower().startswith(kind.lower() + " "):
        return full[len(kind) + 1:]
    return full


def _legacy_rows(db: Path) -> list[sqlite3.Row]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(
            "SELECT province, district, ward, districtType, wardType, provinceKey, districtKey, wardKey "
            "FROM admin_units_legacy").fetchall()


def _new_names(db: Path) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """provinceKey -> "level name", (provinceKey, wardKey) -> "level name" in the 34-province table."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT province, ward, provinceKey, wardKey FROM admin_units").fetchall()
    provinces = {pk: _level_name(p) for p, _w, pk, _wk in rows}
    wards = {(pk, wk): _level_name(w) for _p, w, pk, wk in rows if w}
    return provinces, wards


def _level_name(full: str) -> str:
    """'Tỉnh Vĩnh Long' -> 'tỉnh Vĩnh Long': the level word lowercased as in running text."""
    for level in ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Tỉnh", "Phường", "Xã"):
        if full.startswith(level + " "):
            return level.lower() + full[len(level):]
    return full


def _current_table(data: Path, rows: list[sqlite3.Row]) -> dict[tuple[str, str, str], str]:
    raw = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    new_provinces, new_wards = _new_names(data / "dataset.db")
    old_to_new_province = {old: new for new, olds in raw["DICT_PROVINCE"].items() for old in olds}
    old_to_new_ward: dict[str, tuple[str, str]] = {}
    for new_pk, wards in raw["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wk, olds in wards.items():
            for old in olds:
                old_to_new_ward[old] = (new_pk, new_wk)
    table: dict[tuple[str, str, str], str] = {}
    for r in rows:
        new_pk = old_to_new_province.get(r["provinceKey"])
        if new_pk is None:
            continue
        pkey = match_key(_short(r["province"], _province_kind(r["province"])))
        table.setdefault((pkey, "", ""), new_provinces.get(new_pk, new_pk))
        if not r["ward"]:
            continue
        new = old_to_new_ward.get(f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}")
        if new and new in new_wards:
            dkey = match_key(_short(r["district"], r["districtType"]))
            table[(pkey, dkey, match_key(_short(r["ward"], r["wardType"])))] = new_wards[new]
    return table


def _province_kind(full: str) -> str:
    return "Thành phố" if full.startswith("Thành phố ") else "Tỉnh"


def build_gazetteer(data: Path) -> Gazetteer:
    """Read the package's data files into lookup tables (about a second; call once)."""
    rows = _legacy_rows(data / "dataset.db")
    provinces: dict[str, tuple[str, str]] = {}
    districts: dict[str, set[Place]] = defaultdict(set)
    communes: dict[str, set[Place]] = defaultdict(set)
    for r in rows:
        kind = _province_kind(r["province"])
        province = _short(r["province"], kind)
        provinces[match_key(province)] = (province, kind.lower())
        district = _short(r["district"], r["districtType"])
        districts[match_key(district)].add(Place(r["districtType"].lower(), district, province))
        if r["ward"] and r["wardType"]:
            ward = _short(r["ward"], r["wardType"])
            communes[match_key(ward)].add(Place(r["wardType"].lower(), ward, province, district))
    for short, full in HISTORICAL_PROVINCE_NAMES.items():
        if match_key(short) in provinces:
            provinces[match_key(full)] = provinces[match_key(short)]
    return Gazetteer(
        provinces=provinces,
        districts={k: tuple(sorted(v, key=repr)) for k, v in districts.items()},
        communes={k: tuple(sorted(v, key=repr)) for k, v in communes.items()},
        current=_current_table(data, rows),
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer from the installed data, loaded once per process (it never changes)."""
    gazetteer = build_gazetteer(_data_dir())
    LOGGER.debug("gazetteer: %d provinces, %d district names, %d commune names",
                 len(gazetteer.provinces), len(gazetteer.districts), len(gazetteer.communes))
    return gazetteer
