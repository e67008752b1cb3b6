"""Whether a name in a text is named as the inspecting body (core/inspectors.toml).

Why here, on the floor: which units and agencies a finding is about is decided in two places that
must agree, the extraction's units of a finding (nlp/finding_units.py, the territorial units the
annotation guide scores) and the one attribution search and comparison file findings under
(core/attribution.py, which adds the agencies). Both leave out the body the text names as the
inspector ("do Sở Nội vụ kiểm tra", "Đoàn kiểm tra của UBND tỉnh A", "Qua kiểm tra của Sở Nội
vụ, ..."): the inspector is not the inspected, and a finding filed under its inspector lists the
department's own work among the faults it found elsewhere. The frames are data a linguist
extends; this module compiles them and reads the text before (and, for "do", after) a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from core.agencies import agencies
from core.alternation import longest_first
from core.errors import ConfigError
from core.levels import folded_words_pattern
from core.normalize import fold
from core.tables import read_table

INSPECTORS_FILE = Path(__file__).with_name("inspectors.toml")
_REACH = 200  # how far before a name its frame may begin (a team's name and an agency between)


class _Frames(NamedTuple):
    before: re.Pattern[str]  # ends right before a name the inspector: a team's owner, a check's agent
    agent_by: re.Pattern[str]  # "do" (and titles) ending right before a name
    check_after: re.Pattern[str]  # a verb of checking right after the name


def _alternation(table: dict[str, object], key: str) -> str:
    words = table.get(key)
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError(f"the inspector frames need a non-empty list of words `{key}`",
                          path=INSPECTORS_FILE)
    return longest_first(fold(w) for w in words)


@lru_cache(maxsize=1)
def _frames() -> _Frames:
    """The frames compiled from core/inspectors.toml, on the folded form."""
    table = read_table(INSPECTORS_FILE, "the inspector frames")
    kinds, owners = _alternation(table, "team_kinds"), _alternation(table, "owners")
    verbs = {fold(w) for w in table.get("verb_kinds", [])}
    nouns = longest_first(k for k in (fold(w) for w in table["team_kinds"]) if k not in verbs)
    named = rf"\b(?:{_alternation(table, 'teams')})(?:\s+(?:{kinds}))*"
    # a team's name and its owner: after a kind that is only a noun, or after an owner word
    team = rf"{named}(?:\s+(?:{nouns})(?:\s+(?:{owners}))?|\s+(?:{kinds})\s+(?:{owners}))"
    agent = rf"\b(?:{_alternation(table, 'agents')})(?:\s+{named}(?:\s+(?:{owners}))?)?"
    # every agency's name as the table writes it, syllables apart by anything not a letter ("Sở
    # TN&MT"), longest first
    names = sorted({tuple(map(fold, form)) for form in agencies().forms}, key=lambda f: -len(" ".join(f)))
    agency = "|".join(r"[\W_]+".join(map(re.escape, form)) for form in names)
    between = rf"(?:\s+(?:{_alternation(table, 'titles')}|(?:{agency})\b))*"
    level = rf"(?:\s+(?:{folded_words_pattern()}))?"
    return _Frames(
        before=re.compile(rf"(?:{team}|{agent}){between}{level}\s+$"),
        agent_by=re.compile(rf"\b(?:{_alternation(table, 'agent_by')}){between}{level}\s+$"),
        check_after=re.compile(rf"\s+(?:(?:{folded_words_pattern()})\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+)?"
                               rf"(?:{_alternation(table, 'checks')})\b"),
    )


def names_inspector(form: str, start: int, end: int) -> bool:
    """True when the name at `form[start:end]` (`form`: core.normalize.fold of the text, or any
    text, folded here) is named as the inspecting body: the owner of an inspecting team ("Đoàn
    kiểm tra của UBND tỉnh A"), the agent of a check ("kiểm tra của Sở Nội vụ"), or the body "do"
    names before a verb of checking ("do Sở Nội vụ kiểm tra")."""
    frames = _frames()
    before = fold(form[max(0, start - _REACH):start])
    if frames.before.search(before):
        return True
    after = fold(form[end:end + 60])
    return bool(frames.agent_by.search(before)) and frames.check_after.match(after) is not None
