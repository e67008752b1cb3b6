"""The direction a rate is said to stand at (index/vi/rates.toml), in a query and in a finding.

Why: the reports give a rate's verdict by its adjective ("tỷ lệ … rất cao", "… vẫn còn thấp"), and a
query asking for a rate "cao" is answered by the findings giving it high, not by those saying it is
low, whichever direction is the good one for that measure. So the reranker compares the two
directions (index/rerank.py: rate_agrees) and reads no polarity from them. This module compiles the
data (kept apart from reading it, so it is testable) and reads a text's direction; it keeps no state.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from index.matching import matches_at
from index.query import syllables_of, within

RATES_FILE = Path(__file__).with_name("vi") / "rates.toml"

Syllables = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rates:
    """The compiled [rate] table: the heads naming a rate, the words saying it stands high or low
    (longest first), the phrases holding one that are other words, and how far after its head an
    adjective still speaks of it."""

    heads: tuple[Syllables, ...]
    high: tuple[Syllables, ...]
    low: tuple[Syllables, ...]
    unlike: tuple[Syllables, ...]
    reach: int

    def direction(self, syllables: Sequence[str]) -> int:
        """+1 when the text says a rate stands high, -1 low, 0 when it says neither or both: the
        first high or low word within `reach` syllables after a head, read at each head."""
        said: set[int] = set()
        for start in range(len(syllables)):
            head = next((len(h) for h in self.heads if matches_at(syllables, h, start)), 0)
            if head:
                said |= {self._said_after(syllables, start + head)}
        said.discard(0)
        return said.pop() if len(said) == 1 else 0

    def _said_after(self, syllables: Sequence[str], at: int) -> int:
        """The direction of the first high or low word from `at` within `reach`, 0 when none."""
        for k in range(at, min(len(syllables), at + self.reach)):
            for words, sign in ((self.low, -1), (self.high, 1)):
                size = next((len(w) for w in words if matches_at(syllables, w, k)), 0)
                if size and not within(syllables, k, size, self.unlike):
                    return sign
        return 0


def compile_rates(table: Mapping[str, Any]) -> Rates:
    """Rates from rates.toml's [rate] table; a missing list, a missing `why` or a reach below 1 is
    an error naming the table."""
    def phrases(key: str) -> tuple[Syllables, ...]:
        made = tuple(sorted((p for p in (syllables_of(str(t)) for t in table.get(key, ())) if p),
                            key=lambda p: (-len(p), p)))
        if not made and key != "unlike":
            raise ConfigError(f"rates.toml [rate]: `{key}` is missing or empty")
        return made
    reach = int(table.get("reach", 0))
    if reach < 1 or not table.get("why"):
        raise ConfigError("rates.toml [rate]: `reach` (at least 1) and `why` are required")
    return Rates(phrases("heads"), phrases("high"), phrases("low"), phrases("unlike"), reach)


@lru_cache(maxsize=1)
def load_rates(path: Path = RATES_FILE) -> Rates:
    """The shipped [rate] table, compiled once per process."""
    return compile_rates(tomllib.loads(path.read_text(encoding="utf-8")).get("rate", {}))
