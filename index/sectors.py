"""The sectors of public administration and their institutions (index/vi/sectors.toml), as a query
names them: "ngành y tế", "trường học".

Why: staff ask about a sector by the classifier and its field ("kỷ cương công vụ ngành y tế",
"kết quả tốt của ngành giáo dục") or by its institutions' common name ("trường học"), while the
inspections name the institutions by kind and place ("Trạm Y tế xã …", "trường Tiểu học …"). The
classifier is no word a finding about the sector holds, and the field alone misses the schools; so
the query drops the classifier before a field and reads the field, or the common name, as itself or
any of the sector's institutions (index/query). The fields are the agencies' (core/agencies.toml),
defined there once; this module only adds what a sector's institutions are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.agencies import agencies, syllables
from core.errors import ConfigError
from core.normalize import canonical_tones, lower_same_length
from core.tables import read_table

SECTORS_FILE = Path(__file__).with_name("vi") / "sectors.toml"


@dataclass(frozen=True, slots=True)
class Sectors:
    """The compiled table: the classifiers ("ngành"), each field's forms (lowercase syllables) of
    every field a sector may be named by, and the institutions a field or a generic name brings."""

    classifiers: tuple[tuple[str, ...], ...]
    fields: frozenset[tuple[str, ...]]  # every form of every field, agencies' and the sectors' own
    by_field: Mapping[tuple[str, ...], tuple[tuple[str, ...], ...]]  # a field's form → institutions
    by_generic: Mapping[tuple[str, ...], tuple[tuple[str, ...], ...]]  # "trường học" → institutions
    longest: int

    def classifier_at(self, typed: Sequence[str], at: int) -> int:
        """The length of a classifier typed at `at` before a field's form ("ngành" of "ngành y
        tế"), else 0: there it names the sector, no word of the matter. Typed with its accents
        ("nganh" folded is no classifier read: the rule reads what the user wrote)."""
        for lead in self.classifiers:
            end = at + len(lead)
            if _as_written(typed, at, end) == lead and self._field_at(typed, end):
                return len(lead)
        return 0

    def _field_at(self, typed: Sequence[str], at: int) -> int:
        """The length of the longest field's form at `at`, else 0."""
        for n in range(min(self.longest, len(typed) - at), 0, -1):
            if _as_written(typed, at, at + n) in self.fields:
                return n
        return 0

    def institutions_at(self, typed: Sequence[str], at: int, after_classifier: bool) -> tuple[int, tuple[
            tuple[str, ...], ...]]:
        """(the syllables taken, the institutions brought) of a field typed after a classifier
        (`after_classifier`) or of a generic name typed anywhere ("trường học"); (0, ()) else."""
        for n in range(min(self.longest, len(typed) - at), 0, -1):
            span = _as_written(typed, at, at + n)
            found = (self.by_field.get(span) if after_classifier else None) or self.by_generic.get(span)
            if found:
                return n, found
        return 0, ()


def _as_written(typed: Sequence[str], start: int, stop: int) -> tuple[str, ...]:
    """The typed syllables as the tables hold them: lowercase, canonical tones ("hoá" is "hóa")."""
    return tuple(lower_same_length(canonical_tones(s)) for s in typed[start:stop])


def parse_sectors(data: Mapping[str, Any], fields: Mapping[str, tuple[tuple[str, ...], ...]],
                  source: Path | str = SECTORS_FILE) -> Sectors:
    """The table compiled from sectors.toml's rows and the agencies' fields (name → forms), checked:
    a sector's field is an agencies field unless `own`; it lists institutions and says why; a
    generic name is one of its institutions."""
    classifiers = tuple(syllables(c) for c in data.get("classifiers", ()))
    forms: set[tuple[str, ...]] = {f for written in fields.values() for f in written}
    by_field: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    by_generic: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for row in data.get("sector", []):
        name = str(row.get("field", "")).strip()
        own = bool(row.get("own", False))
        if not name or (not own and name not in fields) or (own and name in fields):
            raise ConfigError(f"sector {name!r}: a field of core/agencies.toml, or `own = true`", path=source)
        institutions = tuple(syllables(t) for t in row.get("institutions", ()))
        if (not institutions and not own) or not str(row.get("why", "")).strip():
            raise ConfigError(f"sector {name!r}: needs institutions (unless `own`) and a why", path=source)
        written = (*fields.get(name, (syllables(name),)), *(syllables(f) for f in row.get("forms", ())))
        forms.update(written)
        for form in written:
            if institutions:
                by_field[form] = institutions
        if generic := row.get("generic"):
            if syllables(generic) not in institutions:
                raise ConfigError(f"sector {name!r}: the generic {generic!r} is one of its institutions",
                                  path=source)
            by_generic[syllables(generic)] = institutions
    longest = max((len(f) for f in (*forms, *by_generic)), default=0)
    return Sectors(classifiers, frozenset(forms), by_field, by_generic, longest)


@lru_cache(maxsize=1)
def sectors() -> Sectors:
    """The installed table (index/vi/sectors.toml over core/agencies.toml's fields)."""
    return parse_sectors(read_table(SECTORS_FILE, "the sector table"), agencies().fields)
