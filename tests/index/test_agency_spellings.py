"""The spellings of an agency's field, written twice on purpose: index/vi/synonyms.toml (a field
typed alone, "TN&MT", expands to its other spellings in a query) and core/agencies.toml (a field
after its head, "Sở TN&MT", is the department). Neither can be read from the other: the floor
(core/) does not read index/'s data, and the table holds spellings the synonyms must not expand
to ("Tài nguyên Môi trường" without "và"). What must hold is that they never disagree:
every spelling the synonyms give a field names the department after "Sở" too."""

from __future__ import annotations

import tomllib

from core.agencies import agencies, syllables
from index.query import SYNONYMS_FILE


def test_every_spelling_the_synonyms_give_a_field_names_its_department() -> None:
    table = agencies()
    fields = {agency.name.removeprefix("Sở "): agency for agency in table.forms.values()
              if agency.name.startswith("Sở ")}
    field_of = {syllables(name): name for name in fields}
    checked = 0
    for row in tomllib.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))["set"]:
        named = {field_of[s] for s in map(syllables, row["terms"]) if s in field_of}
        if not named:
            continue
        field, = named  # a synonym set names one field at most
        for term in row["terms"]:
            written = ("sở", *syllables(term))
            hit = table.at(written, 0)
            assert hit == (len(written), fields[field]), f"Sở {term}: {hit}, not Sở {field}"
            checked += 1
    assert checked >= 20  # the department abbreviations (TN&MT, LĐTB&XH, KH&ĐT, GD&ĐT, …) are there
