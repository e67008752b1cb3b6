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

Agencies (units of level "cơ quan": a province's departments, a district's offices, the one-stop
centre; nlp/agencies.py lists a document's) are filed apart (`Attribution.agencies`), so the
territorial rule above is untouched by them: a finding is about the agencies its sentence names
as running text names them ("Sở Tài chính có 127 hồ sơ ... trễ hạn"; core/agencies.py), of the
province its units are in when the document names that agency in several; a finding naming no
agency and no unit inherits the agencies the document inspected ("Đoàn kiểm tra ... tại Sở
LĐ,TB&XH Hà Nội. ... cán bộ, công chức Sở đã nghiêm túc chấp hành ..."), as it inherits the
inspected units. An agency or a unit the sentence names as the inspecting body ("Một số tồn tại do
Sở Nội vụ kiểm tra chỉ ra", "Đoàn kiểm tra của UBND tỉnh A ghi nhận ...": core/inspectors.py,
which the extraction's units of a finding, nlp/finding_units.py, read too) is not what it is
about: the inspector is not the inspected. An agency a sentence names that the document's list
lacks (an extraction written before agencies were listed) is still filed, without a province.

The inspecting body (`Attribution.inspectors`) is filed by the same reading, apart from what the
finding is about: the units and agencies its sentence names as the inspector (the frames of
core/inspectors.py: "Một số tồn tại do Sở Nội vụ kiểm tra chỉ ra", "Đoàn kiểm tra của UBND tỉnh A
ghi nhận ..."), else the document's units and agencies of role inspector (nlp/units.py and
nlp/agencies.py read them with the same table). Why the document's: a report states once who
inspected ("Đoàn kiểm tra công vụ của Sở Nội vụ ... đã kiểm tra tại 18 đơn vị") and each finding
below is what that inspection found, as it inherits the inspected units; an auditor asks "what did
the Sở Nội vụ's inspections find", which the units a finding is about cannot answer (the findings
of a body's inspections are not about that body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.agencies import agencies
from core.inspectors import names_inspector
from core.levels import Level, rank_of
from core.models import Finding, Role, Unit
from core.normalize import fold, match_key


@dataclass(frozen=True, slots=True)
class Attribution:
    """The units a finding is about, and whether its sentence named them or inherited them.

    `unplaced` are names the finding names that are not among the document's units (so have
    no level or province); they count as named. `agencies` are the agencies (level cơ quan) it is
    about, named or inherited (see the module docstring); `named` speaks of `units` only.
    """

    units: tuple[Unit, ...]
    named: bool
    unplaced: tuple[str, ...] = ()
    agencies: tuple[Unit, ...] = ()
    # The inspecting bodies (units and agencies) whose inspection found it (the module docstring)
    inspectors: tuple[Unit, ...] = ()

    @property
    def inherited(self) -> bool:
        return not self.named


def attribute(finding: Finding, units: tuple[Unit, ...]) -> Attribution:
    """The units of the document (`units`) that `finding` is about; see the module docstring."""
    bodies = tuple(u for u in units if u.level == Level.CO_QUAN)
    about = _territorial(finding, tuple(u for u in units if u.level != Level.CO_QUAN))
    return replace(about, agencies=_agencies(finding, bodies, about), inspectors=_inspectors(finding, units))


def _territorial(finding: Finding, units: tuple[Unit, ...]) -> Attribution:
    """The territorial units `finding` is about (the module docstring's rule)."""
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


def _agencies(finding: Finding, bodies: tuple[Unit, ...], about: Attribution) -> tuple[Unit, ...]:
    """The agencies `finding` is about: those its text names, matched to the document's
    (`bodies`) by name, of its units' provinces where the document has that agency in several;
    else, naming no unit either, the agencies the document inspected."""
    named: list[Unit] = []
    provinces = {u.province for u in about.units}
    for start, end, agency in agencies().named_in(finding.text):
        if names_inspector(finding.text, start, end):
            continue  # the inspecting body ("do Sở Nội vụ kiểm tra"), not the inspected
        same = [u for u in bodies if u.name == agency.name]
        if len(same) > 1:
            same = [u for u in same if u.province in provinces] or same
        for unit in same or [Unit(Level.CO_QUAN, agency.name)]:
            if unit not in named:
                named.append(unit)
    if named or finding.units:
        return tuple(named)
    return tuple(u for u in bodies if u.role == Role.INSPECTED)


def _inspectors(finding: Finding, units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """The inspecting bodies of `finding`: those its sentence names as the inspector (an agency by
    the agency table's names, a unit of the document by its "level name"), the document's unit of
    that name (its inspector first) or the agency bare; else the document's units and agencies of
    role inspector."""
    named: list[Unit] = []
    for start, end, agency in agencies().named_in(finding.text):
        if names_inspector(finding.text, start, end):
            same = [u for u in units if u.level == Level.CO_QUAN and u.name == agency.name]
            same = [u for u in same if u.role == Role.INSPECTOR] or same
            named.extend(u for u in same or [Unit(Level.CO_QUAN, agency.name)] if u not in named)
    if any(u.level != Level.CO_QUAN for u in units):
        form = fold(finding.text)
        for unit in units:
            if unit.level == Level.CO_QUAN or unit in named:
                continue
            label = fold(unit.label)
            for found in re.finditer(rf"(?<!\w){re.escape(label)}(?!\w)", form):
                if names_inspector(form, found.start(), found.end()):
                    named.append(unit)
                    break
    if named:
        return tuple(named)
    return tuple(u for u in units if u.role == Role.INSPECTOR)


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
