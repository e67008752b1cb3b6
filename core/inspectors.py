"""How the genre names the inspecting body (core/inspectors.toml), compiled once for every reader.

Why here, on the floor: which units and agencies a text judges is decided in several places that
must agree on who inspected: the document's unit and agency roles (nlp/units.py, nlp/agencies.py:
the `inspector` and inspected units the annotation guide scores), the extraction's units of a
finding (nlp/finding_units.py) and the one attribution search and comparison file findings under
(core/attribution.py, which adds the agencies). The table of the genre's words is one file a
linguist extends; this module compiles it two ways (the table's header says which reader takes
which):

- `names_inspector`, the frames: a name the text names as the inspector for certain ("do Sở Nội
  vụ kiểm tra", "Đoàn kiểm tra của UBND tỉnh A", "Qua kiểm tra của Sở Nội vụ, ..."), left out of
  what a finding is about: the inspector is not the inspected, and a finding filed under its
  inspector lists the department's own work among the faults it found elsewhere.
- `document_cues`, the looser cues a mention's role is voted from (a team's name some way before
  it, a check it is the subject of), weighed by nlp/units.py against the cues of the inspected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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
_KEYS = ("teams", "bodies", "team_kinds", "verb_kinds", "team_acts", "owners", "agents", "agent_by", "checks",
         "check_leads", "check_results", "undergoing", "titles")


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    """The table's word lists, folded; every key must be a non-empty list of words."""
    table = read_table(INSPECTORS_FILE, "the inspector frames")
    words: dict[str, tuple[str, ...]] = {}
    for key in _KEYS:
        listed = table.get(key)
        if (not isinstance(listed, list) or not listed
                or not all(isinstance(w, str) and w.strip() for w in listed)):
            raise ConfigError(f"the inspector frames need a non-empty list of words `{key}`",
                              path=INSPECTORS_FILE)
        words[key] = tuple(fold(w.strip()) for w in listed)
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"the inspector frames have unknown keys {unknown}", path=INSPECTORS_FILE)
    stray = sorted(set(words["verb_kinds"]) - set(words["team_kinds"]))
    if stray:
        raise ConfigError(f"verb_kinds {stray} are not team_kinds", path=INSPECTORS_FILE)
    return words


def _alt(key: str, *, any_space: bool = True) -> str:
    return longest_first(_words()[key], any_space=any_space)


def team_heads() -> tuple[str, ...]:
    """The heads of an inspecting team, folded ("doan", "to"): "kiểm tra" right after one is the
    team's name (nlp/vi/unit_roles.py's cues of the inspected do not read it as the verb)."""
    return _words()["teams"]


def team_kinds() -> tuple[str, ...]:
    """What an inspecting team is named for, folded ("kiem tra", "cong vu", "cai cach hanh chinh"):
    one or more right after a head (`team_heads`) make the team's name ("Đoàn kiểm tra công vụ",
    "Tổ công tác"), which holds them as a name, not as the work the finding is about (index/rerank.py
    `team_named_only`)."""
    return _words()["team_kinds"]


class _Frames(NamedTuple):
    before: re.Pattern[str]  # ends right before a name the inspector: a team's owner, a check's agent
    agent_by: re.Pattern[str]  # "do" (and titles) ending right before a name
    check_after: re.Pattern[str]  # a verb of checking right after the name


class DocumentCues(NamedTuple):
    """The cues a mention's role is voted from (nlp/units.py, nlp/agencies.py), on `cue_form` text."""

    team_before: re.Pattern[str]  # searched in the sentence before a mention: a team's name, then no act
    checks_after: re.Pattern[str]  # matched right after: the mention is the subject of a check
    undergoes_after: re.Pattern[str]  # matched right after: ... unless it undergoes it or it is the time


def _check(*, any_space: bool) -> str:
    """A check, the words that may lead it first: "kiểm tra", "tiến hành kiểm tra", "đã thực hiện ..."."""
    return rf"(?:(?:{_alt('check_leads', any_space=any_space)})\s+)*(?:{_alt('checks', any_space=any_space)})"


@lru_cache(maxsize=1)
def _frames() -> _Frames:
    """The frames compiled from core/inspectors.toml, on the folded form."""
    kinds, owners = _alt("team_kinds"), _alt("owners")
    verbs = set(_words()["verb_kinds"])
    nouns = longest_first(k for k in _words()["team_kinds"] if k not in verbs)
    named = rf"\b(?:{_alt('teams')})(?:\s+(?:{kinds}))*"
    # a team's name and its owner: after a kind that is only a noun, or after an owner word
    team = rf"{named}(?:\s+(?:{nouns})(?:\s+(?:{owners}))?|\s+(?:{kinds})\s+(?:{owners}))"
    agent = rf"\b(?:{_alt('agents')})(?:\s+{named}(?:\s+(?:{owners}))?)?"
    # every agency's name as the table writes it, syllables apart by anything not a letter ("Sở
    # TN&MT"), longest first
    names = sorted({tuple(map(fold, form)) for form in agencies().forms}, key=lambda f: -len(" ".join(f)))
    agency = "|".join(r"[\W_]+".join(map(re.escape, form)) for form in names)
    body = rf"(?:{_alt('bodies')})(?:\s+(?:{kinds}))*"
    between = rf"(?:\s+(?:{_alt('titles')}|{body}|(?:{agency})\b))*"
    level = rf"(?:\s+(?:{folded_words_pattern()}))?"
    done = rf"(?:{_check(any_space=True)}|(?:(?:{_alt('check_leads')})\s+)*(?:{_alt('check_results')}))"
    return _Frames(
        before=re.compile(rf"(?:{team}|{agent}){between}{level}\s+$"),
        agent_by=re.compile(rf"\b(?:{_alt('agent_by')}){between}{level}\s+$"),
        check_after=re.compile(rf"\s+(?:(?:{folded_words_pattern()})\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+)?"
                               rf"{done}\b"),
    )


@lru_cache(maxsize=1)
def document_cues() -> DocumentCues:
    """The cues compiled from core/inspectors.toml, for the document's roles: spaces literal, as the
    role cues beside them (nlp/vi/unit_roles.py) are written.

    - `team_before`: a team's name (a head and one kind or more, or a standing body) and at most 60
      characters of the same clause with none of the team's acts: "Đoàn kiểm tra CCHC tỉnh A",
      "Tổ công tác kiểm tra công vụ huyện A đến ...": A is the team's; "Đoàn kiểm tra nhận thấy
      UBND xã A" is not.
    - `checks_after`: a check within 30 characters after the mention, no comma between ("UBND
      huyện A thực hiện kiểm tra ..."; "X cho biết, Tổ công tác kiểm tra" ends at the comma).
    - `undergoes_after`: the check is undergone or a time ("xã A được kiểm tra", "khi kiểm tra").
    """
    words = _words()
    team = longest_first((f"{head} {kind}" for head in words["teams"] for kind in words["team_kinds"]),
                         any_space=False)
    acts = _alt("team_acts", any_space=False)
    checks = _alt("checks", any_space=False)
    leads = _alt("check_leads", any_space=False)
    undergoing = _alt("undergoing", any_space=False)
    return DocumentCues(
        team_before=re.compile(rf"\b(?:{team}|{_alt('bodies', any_space=False)})\b"
                               rf"(?:(?!\b(?:{acts})\b)[^.;:\n]){{0,60}}$"),
        checks_after=re.compile(rf"^[^.;:,\n]{{0,30}}?\b(?:{leads})?\s*(?:{checks})"),
        undergoes_after=re.compile(rf"^[^.;:\n]{{0,30}}?\b(?:{undergoing})\s+(?:{checks})"),
    )


@lru_cache(maxsize=1)
def _check_words() -> re.Pattern[str]:
    """One check or what it brought out, or several in a row, each with its leading words, on
    folded syllables one space apart ("kiem tra", "tien hanh kiem tra", "kiem tra chi ra")."""
    one = (rf"(?:(?:{_alt('check_leads', any_space=False)}) )*"
           rf"(?:{_alt('checks', any_space=False)}|{_alt('check_results', any_space=False)})")
    return re.compile(rf"^{one}(?: {one})*(?= |$)")


def check_words_at(syllables: Sequence[str]) -> int:
    """How many of `syllables` (as typed, any case and accents), from the first, are the check a
    body named as the inspector carried out and what it brought out ("kiểm tra chỉ ra", "đã tiến
    hành kiểm tra", "phát hiện"): the frame's own words after "do Sở Nội vụ", which say whose
    inspection, not what it found (index/query reads them so); 0 when none start there."""
    found = _check_words().match(" ".join(fold(s) for s in syllables))
    return len(found.group().split()) if found else 0


def names_inspector(form: str, start: int, end: int) -> bool:
    """True when the name at `form[start:end]` (`form`: core.normalize.fold of the text, or any
    text, folded here) is named as the inspecting body: the owner of an inspecting team ("Đoàn
    kiểm tra của UBND tỉnh A"), the agent of a check ("kiểm tra của Sở Nội vụ"), or the body "do"
    names before a check or what it brought out ("do Sở Nội vụ kiểm tra", "do Sở Nội vụ chỉ ra")."""
    frames = _frames()
    before = fold(form[max(0, start - _REACH):start])
    if frames.before.search(before):
        return True
    after = fold(form[end:end + 60])
    return bool(frames.agent_by.search(before)) and frames.check_after.match(after) is not None
