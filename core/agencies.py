"""The agencies of local government (core/agencies.toml), and how a text or a query names one.

Why here, on the floor: staff ask about an agency ("Sở Tài chính Gia Lai hồ sơ quá hạn", "Sở
TN&MT Bình Định"), the extraction lists the agencies a document names (nlp/agencies.py), and the
one attribution (core/attribution.py) files a finding under the agency its sentence names or its
document inspected; the query (index/query) and the extraction must agree on what an agency
is called whatever spelling each saw ("Sở LĐ,TB&XH", "Sở Lao động - Thương binh và Xã hội"), so
both read the one table through this module. The table is data a linguist extends; this module
only loads it, checks it and matches it.

An agency is named by a head ("Sở", "Phòng") and a field ("Tài chính"), or by a whole name of its
own ("Trung tâm Phục vụ hành chính công"); `Agency.name` is the canonical spelling both sides
file it under. Matching works on syllables (`syllables`' cut, the query's too: punctuation only separates, so
"TN&MT", "TN-MT" and "TN, MT" are one form), longest form first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.levels import Tier
from core.normalize import canonical_tones, fold, lower_same_length
from core.tables import read_table

AGENCIES_FILE = Path(__file__).with_name("agencies.toml")
_SYLLABLE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Agency:
    """One agency as the genre names it: `name` canonical ("Sở Tài nguyên và Môi trường"), and the
    tier of the unit owning such a body (a sở a province's, a phòng a district's)."""

    name: str
    owner: Tier


@dataclass(frozen=True, slots=True)
class AgencyTable:
    """The compiled table: every written form (lowercase syllables) → its agency, and the words
    before which a head is part of another word ("cơ sở")."""

    forms: dict[tuple[str, ...], Agency]
    not_after: dict[str, frozenset[str]]  # head's first syllable → syllables it never follows
    longest: int
    folded: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], Agency], ...]]  # folded form → forms
    firsts: frozenset[str]  # the folded first syllable of every form ("so", "phong", "trung")
    committee: frozenset[tuple[str, ...]] = frozenset()  # a unit's government ("ubnd"), folded
    # each field's name as written ("Y tế") → its forms (lowercase syllables, the name first): what
    # a sector is named by (index/sectors.py: "ngành y tế")
    fields: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # a head read typed alone as the kind of body (lowercase, as written: "sở") → its collectives
    # ("sở, ban, ngành", "các sở"): `bare_head_at`, `kind_of`
    bare: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def forms_of(self, agency: Agency) -> tuple[tuple[str, ...], ...]:
        """Every written form of `agency` (lowercase syllables), its canonical name first."""
        canonical = syllables(agency.name)
        return (canonical, *(f for f, a in self.forms.items() if a == agency and f != canonical))

    def committee_at(self, syllables: Sequence[str], at: int) -> int:
        """The length of a people's committee's name at `at` ("UBND", "ủy ban nhân dân"), else 0."""
        for form in self.committee:
            if tuple(fold(s) for s in syllables[at:at + len(form)]) == form:
                return len(form)
        return 0

    def at(self, syllables: Sequence[str], at: int, *, loose: bool = False) -> tuple[int, Agency] | None:
        """The agency whose form starts at `syllables[at]` (lowercase, canonical tones), longest
        first, as (its length in syllables, the agency); None when none does. `loose` (a query):
        a syllable typed without accents matches every accented form of it, as search's matching
        rule has it (index/query); else (a document) syllables match as written."""
        if at > 0 and fold(syllables[at - 1]) in self.not_after.get(fold(syllables[at]), frozenset()):
            return None
        for n in range(min(self.longest, len(syllables) - at), 1, -1):
            span = tuple(syllables[at:at + n])
            found = self.forms.get(span) or (self._loose(span) if loose else None)
            if found:
                return n, found
        return None

    def bare_head_at(self, typed: Sequence[str], at: int
                     ) -> tuple[int, tuple[tuple[str, ...], ...], str] | None:
        """A head typed alone at `at` ("các sở, ngành", "sở có quá nhiều phó giám đốc"), one the table
        reads as the kind of body (`collectives` in agencies.toml), as (the syllables it takes: a
        collective typed whole, "sở, ban, ngành", else the head alone; the head's collectives; the
        kind's key, `kind_of`'s); None when `typed[at]` is no such head as written (accented: folded
        "so" is số too), or follows a word it is part of ("cơ sở", "trụ sở", "công sở"), or begins
        a field's name ("Sở Nông nghiệp": one agency named short). Why: the genre writes the
        departments by their names or together, never by the bare syllable, which is also the tail
        of the premises and the grassroots; a finding about a department is filed under it
        (core/attribution.py), so the kind (`kind_of`) finds them all."""
        head = typed[at] if at < len(typed) else ""
        if head not in self.bare:
            return None
        if at > 0 and fold(typed[at - 1]) in self.not_after.get(fold(head), frozenset()):
            return None
        after = fold(typed[at + 1]) if at + 1 < len(typed) else ""
        if after and any(len(f) > 1 and f[0] == head and fold(f[1]) == after for f in self.forms):
            return None
        collectives = self.bare[head]
        taken = max((len(c) for c in collectives if tuple(typed[at:at + len(c)]) == c), default=1)
        return taken, collectives, fold(head)

    def kind_of(self, name: str) -> str | None:
        """The key of the kind of body an agency named `name` is, its head folded ("Sở Tài chính" →
        "so"), when that head is one read typed alone (`bare`); None for any other name. The one
        key a finding about any of the kind's agencies is filed under (index/base.py agency_kinds)
        and a query typing the head alone asks by (index/query/plan.py Group.kind)."""
        agency = self.forms.get(syllables(name))
        head = syllables(agency.name)[0] if agency is not None else ""
        return fold(head) if head in self.bare else None

    def _loose(self, span: tuple[str, ...]) -> Agency | None:
        """The agency of `span` under the query's rule: an unaccented syllable matches any form."""
        for form, agency in self.folded.get(tuple(fold(s) for s in span), ()):
            if all(typed == written or (typed == fold(typed) and fold(written) == typed)
                   for typed, written in zip(span, form, strict=True)):
                return agency
        return None

    def named_in(self, text: str) -> list[tuple[int, int, Agency]]:
        """Every agency `text` names as running text writes a name: (start, end, agency), the
        head capitalised ("Sở Tài chính", not "sở" of a sentence about "sở, ngành"), a whole
        body's name too ("Trung tâm Phục vụ hành chính công"); spans in `text`'s offsets."""
        tokens = [(m.start(), m.end()) for m in _SYLLABLE.finditer(text)]
        # Most texts (a finding's sentence: core/attribution.py reads every one) name no agency:
        # none of their capitalised syllables begins a form, and then nothing else is computed.
        if not any(text[s].isupper() and fold(lower_same_length(text[s:e])) in self.firsts
                   for s, e in tokens):
            return []
        lowered = lower_same_length(canonical_tones(text))
        syllables = [lowered[s:e] for s, e in tokens]
        found: list[tuple[int, int, Agency]] = []
        i = 0
        while i < len(tokens):
            hit = self.at(syllables, i) if text[tokens[i][0]].isupper() else None
            if hit:
                n, agency = hit
                found.append((tokens[i][0], tokens[i + n - 1][1], agency))
                i += n
            else:
                i += 1
        return found


def syllables(text: str) -> tuple[str, ...]:
    """Lowercase, canonical-tone syllables of `text`, punctuation only separating."""
    return tuple(_SYLLABLE.findall(lower_same_length(canonical_tones(text))))


def _owner(row: dict[str, Any], source: Path | str) -> Tier:
    try:
        return Tier(str(row.get("owner", "")))
    except ValueError:
        raise ConfigError(f"owner must be one of {[t.value for t in Tier]}: {row}", path=source) from None


def parse_agencies(data: dict[str, Any], source: Path | str = AGENCIES_FILE) -> AgencyTable:
    """The table compiled from its loaded rows, checked: every row named, no form of two agencies."""
    forms: dict[tuple[str, ...], Agency] = {}
    not_after: dict[str, frozenset[str]] = {}

    def add(written: str, agency: Agency) -> None:
        key = syllables(written)
        if not key:
            raise ConfigError(f"an empty form of {agency.name}", path=source)
        if forms.get(key, agency) != agency:
            raise ConfigError(f"{written!r} names both {forms[key].name} and {agency.name}", path=source)
        forms[key] = agency

    fields = data.get("fields", [])
    bare: dict[str, tuple[tuple[str, ...], ...]] = {}
    for head in data.get("heads", []):
        name = str(head.get("name", "")).strip()
        if not name:
            raise ConfigError(f"a head needs a name: {head}", path=source)
        owner = _owner(head, source)
        not_after[fold(syllables(name)[0])] = frozenset(fold(w) for w in head.get("not_after", ()))
        if head.get("collectives"):
            written = tuple(syllables(c) for c in head["collectives"])
            if len(syllables(name)) != 1 or not all(syllables(name)[0] in c for c in written):
                raise ConfigError(f"the collectives of a head of one syllable hold it: {head}", path=source)
            bare[syllables(name)[0]] = written
        for row in fields:
            field_name = str(row.get("name", "")).strip()
            if not field_name:
                raise ConfigError(f"a field needs a name: {row}", path=source)
            agency = Agency(f"{name} {field_name}", owner)
            for written in (field_name, *row.get("forms", ())):
                add(f"{name} {written}", agency)
    for row in data.get("bodies", []):
        name = str(row.get("name", "")).strip()
        if not name:
            raise ConfigError(f"a body needs a name: {row}", path=source)
        agency = Agency(name, _owner(row, source))
        for written in (name, *row.get("forms", ())):
            add(written, agency)
    folded: dict[tuple[str, ...], list[tuple[tuple[str, ...], Agency]]] = {}
    for form, agency in forms.items():
        folded.setdefault(tuple(fold(s) for s in form), []).append((form, agency))
    governments = data.get("committee", {}).get("forms", ())
    committee = frozenset(tuple(fold(s) for s in syllables(f)) for f in governments)
    named = {str(row["name"]).strip(): tuple(syllables(w) for w in (row["name"], *row.get("forms", ())))
             for row in fields}
    return AgencyTable(forms, not_after, max((len(k) for k in forms), default=0),
                       {k: tuple(v) for k, v in folded.items()}, frozenset(k[0] for k in folded), committee,
                       named, bare)


@lru_cache(maxsize=1)
def agencies() -> AgencyTable:
    """The installed table (core/agencies.toml)."""
    return parse_agencies(read_table(AGENCIES_FILE, "the agency table"))
