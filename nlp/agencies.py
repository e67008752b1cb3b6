"""The agencies a document names (departments, district offices, one-stop centres), as units of
level "cơ quan" with their province and role.

Why: staff ask about an agency ("Sở Tài chính Gia Lai hồ sơ quá hạn"), and a report inspecting
one ("Đoàn kiểm tra ... tại Sở LĐ,TB&XH Hà Nội") is about it throughout; the attribution
(core/attribution.py) files a finding under the agency its sentence names or its document
inspected, and needs the document's agencies for that. The annotation guide leaves agencies
unscored ("an extractor may list them with level cơ quan"), so listing them changes no unit
score; the territorial units and their roles are left as the unit finder gave them.

How: the agency names of core/agencies.toml, written as names (head capitalised); the unit that
owns one is the unit named right after it ("Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi", "Phòng
Tài chính huyện Bến Lức", "Sở LĐ,TB&XH Hà Nội"), else the document's one province. Its role
comes from the same cues as a unit's (nlp/vi/unit_roles.py): inspected after "kiểm tra ... tại",
"làm việc với", a criticism; the inspector when a team is "của" it ("Đoàn kiểm tra của Sở ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.agencies import agencies
from core.inspectors import document_cues, names_inspector
from core.levels import Level, abbreviations_pattern, folded_words_pattern, rank_of
from core.models import Role, Unit
from core.normalize import fold
from nlp.units import UnitMention, cue_form
from nlp.vi.unit_roles import (
    CRITICISED_BEFORE,
    INSPECTED_BEFORE,
    INSPECTED_OBJECT,
)

# Between an agency's name and its owner's: spaces, a comma or dash, a level word ("tỉnh", "TP.").
_OWNER_GAP = re.compile(
    rf"^[\s,\-–(]*(?:(?:{folded_words_pattern()}|{abbreviations_pattern().lower()})\.?\s*)?$")
_OWNER_REACH = 16  # characters between the agency's name and its owner's, at most
_SENTENCE_REACH = 160  # characters before a mention read for its role, as for a unit's


def agency_units(text: str, mentions: Sequence[UnitMention]) -> tuple[Unit, ...]:
    """One Unit (level cơ quan) per agency and province `text` names, in order of first mention;
    the role is the strongest its mentions get (inspected, then inspector, then other)."""
    territorial = tuple(m.unit for m in mentions)
    default = _document_province(territorial)
    found: dict[tuple[str, str | None], list[Role]] = {}
    for start, end, agency in agencies().named_in(text):
        owner = _owner(text, end, mentions)
        province = owner.home_province if owner else default
        found.setdefault((agency.name, province), []).append(_role(text, start, end))
    return tuple(Unit(Level.CO_QUAN, name, _strongest(roles), province)
                 for (name, province), roles in found.items())


def _owner(text: str, end: int, mentions: Sequence[UnitMention]) -> Unit | None:
    """The unit named right after an agency's name ending at `end`, which owns it."""
    best: tuple[int, Unit] | None = None
    for m in mentions:
        for start, _ in m.spans:
            if (end <= start <= end + _OWNER_REACH and _OWNER_GAP.match(fold(text[end:start]).lower())
                    and (best is None or start < best[0])):
                best = (start, m.unit)
    return best[1] if best else None


def _document_province(units: tuple[Unit, ...]) -> str | None:
    """The province an agency named without its owner belongs to: the document's one unit of
    province rank (as core.attribution.sole_province reads it; not imported, since extraction
    must read only fingerprinted code: pipeline/fingerprint.py), else the one province all its
    units share."""
    named = [u for u in units if rank_of(u.level) == 0]
    if len(named) == 1:
        return named[0].home_province
    provinces = {p for u in units if (p := u.home_province)}
    return next(iter(provinces)) if len(provinces) == 1 else None


def _role(text: str, start: int, end: int) -> Role:
    """The role the cues around an agency's mention give it (a unit's cues: nlp/vi/unit_roles.py).

    The agency named as the inspecting body (core/inspectors.py: "do Sở Nội vụ kiểm tra", "Đoàn
    kiểm tra công vụ của Sở Nội vụ") or as the subject of the check ("Sở Nội vụ đã thực hiện kiểm
    tra tại 18 đơn vị": its cue `checks_after`) is the inspector, whatever verb of checking the clause
    before it had ("triển khai việc kiểm tra công vụ đột xuất đối với các cơ quan, đơn vị, vừa qua,
    Sở Nội vụ ..." reads it as checked): the inspector is not the inspected, and a document whose
    department inspects others would file every finding about those others under it."""
    cues = document_cues()
    after = cue_form(text[end:end + _SENTENCE_REACH])
    checks = cues.checks_after.match(after) is not None and not cues.undergoes_after.match(after)
    if names_inspector(text, start, end) or checks:
        return Role.INSPECTOR
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - _SENTENCE_REACH) + 1
    before = cue_form(text[sentence_start:start])
    inspected = INSPECTED_BEFORE.search(before) or INSPECTED_OBJECT.search(before) \
        or CRITICISED_BEFORE.search(before)
    inspector = cues.team_before.search(before)
    if inspector and (inspected is None or inspector.start() > inspected.start()):
        return Role.INSPECTOR
    return Role.INSPECTED if inspected else Role.OTHER


def _strongest(roles: list[Role]) -> Role:
    for role in (Role.INSPECTED, Role.INSPECTOR):
        if role in roles:
            return role
    return Role.OTHER

