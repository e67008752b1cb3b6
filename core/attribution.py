"""Which units a finding is about: the one rule search records and comparison both use.

Why here, beside the data model: the search index (index/records.py) and the cross-year reports
(reports/) must file a finding under the same units, or a unit's search results and its
recurrences disagree. They used to decide it apart, differently.

The rule. A finding is about the units its sentence names: the unit itself, not the units that
enclose it (a commune's district and province are reachable through the unit's `province` and
the gazetteer, for filters). A name shared by two of the document's units ("huyện Cam Lộ" and
"thị trấn Cam Lộ") is the one whose level word the sentence uses, else the inspected one, else
both. A sentence that names no unit inherits, and says so (`named` is False): comparison shows
it and never blames a unit for it. It inherits the inspected units of its passage when the report
named them before it (`Finding.passage_units`: "Tại xã A, ... . Toàn bộ hồ sơ ... chậm" is about
A, not about every unit the report inspected), else the document's inspected units ("một số đơn
vị còn chậm"). A document naming no inspected unit but its inspector ("Phó Chủ tịch UBND tỉnh A
kiểm tra Trung tâm Phục vụ hành chính công tỉnh") inspected that unit's own bodies (its
departments and centres are no administrative units), so such a finding inherits the inspector;
a document without either but naming one province (or centrally-run city) and no other unit of
its rank is about that province: the genre's articles and directives on one province's reform
name it once ("Chủ tịch UBND thành phố Hà Nội chỉ đạo ...", "UBND tỉnh Gia Lai vừa ...") and then
speak of its own bodies ("các sở, ngành, địa phương", "Sở Nội vụ"), so such a finding inherits
the province; a document naming no province, or several, gives it no unit at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.levels import rank_of
from core.models import Finding, Role, Unit
from core.normalize import fold, match_key


@dataclass(frozen=True, slots=True)
class Attribution:
    """The units a finding is about, and whether its sentence named them or inherited them.

    `unplaced` are names the finding names that are not among the document's units (so have
    no level or province); they count as named.
    """

    units: tuple[Unit, ...]
    named: bool
    unplaced: tuple[str, ...] = ()

    @property
    def inherited(self) -> bool:
        return not self.named


def attribute(finding: Finding, units: tuple[Unit, ...]) -> Attribution:
    """The units of the document (`units`) that `finding` is about; see the module docstring."""
    if not finding.units:
        inspected = (tuple(u for u in units if u.role == Role.INSPECTED)
                     or tuple(u for u in units if u.role == Role.INSPECTOR)
                     or sole_province(units))
        carried = {match_key(label) for label in finding.passage_units}
        passage = tuple(u for u in inspected if _carried(u, carried))
        return Attribution(passage or inspected, named=False)
    text = f" {fold(finding.text)} "
    chosen: list[Unit] = []
    unplaced: list[str] = []
    for name in finding.units:
        same = [u for u in units if match_key(u.name) == match_key(name)]
        if len(same) > 1:
            said = [u for u in same if f" {fold(u.label)} " in text]
            same = said or [u for u in same if u.role == Role.INSPECTED] or same
        if same:
            chosen.extend(u for u in same if u not in chosen)
        elif name not in unplaced:
            unplaced.append(name)
    return Attribution(tuple(chosen), named=True, unplaced=tuple(unplaced))


def _carried(unit: Unit, keys: set[str]) -> bool:
    """Whether `unit` is one of a finding's passage units (`keys`: their match_key): by "level
    name" (Unit.label), so the passage about "thị trấn Cam Lộ" is not about "huyện Cam Lộ" too; a
    bare name (an extraction written before passage units had levels) names every inspected unit
    of that name."""
    return match_key(unit.label) in keys or match_key(unit.name) in keys


def sole_province(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """The document's one unit of province rank (core/levels.py), when it names exactly one."""
    provinces = tuple(u for u in units if rank_of(u.level) == 0)
    return provinces if len(provinces) == 1 else ()
