"""The matching rule between a typed syllable and a written one, shared by every reader of a query.

Why a module of its own: the query (index/query), the reranker (index/rerank.py) and the
shorthand that rewrites a query before it is parsed (index/shorthand.py, its bound forms' context
words) must agree on when a typed word is a written one; the shorthand runs before the query
module and cannot import it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from core.normalize import fold


@lru_cache(maxsize=1 << 16)
def folded_syllable(syllable: str) -> str:
    """`fold` of one syllable, remembered. Why: the word lists are matched entry by entry at each
    of the query's syllables (`entry_at`, synonyms, stop words), so one search folds the same
    few hundred syllables (the query's and the lists') about five thousand times; a syllable is
    short and the same ones recur, so the cache stays small (bounded all the same)."""
    return fold(syllable)


def is_accented(syllable: str) -> bool:
    """Whether a (lowercase) syllable carries a mark the user typed: tone, shape, or đ."""
    return folded_syllable(syllable) != syllable


def syllable_matches(typed: str, written: str) -> bool:
    """The matching rule: an accented syllable matches only itself (tones canonical, lowercase),
    one without accents matches every form."""
    return typed == written if is_accented(typed) else typed == folded_syllable(written)


def matches_at(typed: Sequence[str], written: Sequence[str], at: int) -> bool:
    """Whether the syllables of `typed` from `at` are `written`, each under the matching rule."""
    return at >= 0 and at + len(written) <= len(typed) and all(
        syllable_matches(typed[at + k], w) for k, w in enumerate(written))
