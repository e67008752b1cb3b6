"""Whether a recommendation is the general remedy of an inspection's conclusion
(index/vi/remedies.toml): "khắc phục những tồn tại, hạn chế nêu trên", naming no matter of its own.

Why: such a recommendation is what the unit was asked to do about every shortcoming listed above
it, and holds none of their words; pipeline/remedies.py joins the general remedies of the
documents whose shortcomings a query's pool holds, and index/rerank.py's `remedy` feature reads
them. Decided on the finding's text at query time, for the few recommendations of the pool's
documents: a stored flag would change the indexed layout (a reindex) for a test costing
microseconds. This module compiles the data (kept apart from reading it, so it is testable) and
answers the one question; it reads no settings and keeps no state.

Rules the compiler enforces: the [remedies] table is present with a `why`, and each of its lists
(`verbs`, `objects`, `between`, `bare_ends`, `follows`) is a non-empty list of non-empty strings;
anything else is a RemedyError naming the list.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.alternation import longest_first
from core.normalize import matching_form

REMEDIES_FILE = Path(__file__).with_name("vi") / "remedies.toml"
LISTS = ("verbs", "objects", "between", "bare_ends", "follows")
# A mark ending a clause (or the text's end): a remedy verb or a general noun before one has
# nothing after it that could name a matter.
_CLAUSE_END = r"(?:\s*[.;:!?…)]|\s*$)"


class RemedyError(ValueError):
    """A malformed remedies file: the message names the list and what is wrong."""


@dataclass(frozen=True, slots=True)
class Remedies:
    """The compiled table: one pattern for a remedy verb with a general object or with none."""

    general: re.Pattern[str]

    def is_general(self, text: str) -> bool:
        """Whether the recommendation's text asks to remedy the shortcomings in general: a remedy
        verb whose object is a general noun left unnarrowed, or which has no object."""
        return self.general.search(matching_form(text)) is not None


def _alternation(phrases: Sequence[str]) -> str:
    return "(?:" + longest_first(" ".join(matching_form(p).split()) for p in phrases) + ")"


def _strings(table: Mapping[str, Any], key: str) -> list[str]:
    values = table.get(key)
    if not isinstance(values, list) or not values:
        raise RemedyError(f"[remedies] needs a non-empty list `{key}`")
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise RemedyError(f"[remedies] `{key}` holds an empty or non-string entry")
    return [v.strip() for v in values]


def compile_remedies(data: Mapping[str, Any]) -> Remedies:
    """The remedies file's table as one pattern; a malformed table is a RemedyError."""
    table = data.get("remedies")
    if not isinstance(table, dict):
        raise RemedyError("[remedies] is missing")
    if not isinstance(table.get("why"), str) or not table["why"].strip():
        raise RemedyError("[remedies] needs a `why`")
    verbs, objects, between, ends, follows = (_alternation(_strings(table, k)) for k in LISTS)
    # The words between the verb and its object, each standing alone ("khắc phục và xử lý những").
    gap = rf"(?:\s*{between}(?!\w))*"
    # What may follow a general noun or a bare verb: the clause's end, a comma, or a listed word.
    after = rf"(?:{_CLAUSE_END}|\s*,|\s+{follows}(?!\w))"
    with_object = rf"{gap}\s+{objects}(?!\w){after}"
    bare = rf"{gap}(?:{_CLAUSE_END}|\s+{ends}(?!\w))"
    return Remedies(re.compile(rf"(?<!\w){verbs}(?!\w)(?:{with_object}|{bare})"))


@lru_cache(maxsize=1)
def load_remedies(path: Path = REMEDIES_FILE) -> Remedies:
    """The shipped table (read once per process)."""
    with path.open("rb") as f:
        return compile_remedies(tomllib.load(f))
