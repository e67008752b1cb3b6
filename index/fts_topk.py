"""Exact top-k under FTS5's bm25 without asking FTS5 to score every match.

Why: bm25() costs FTS5 2-4 µs per matching finding, so a common query at 100,000 findings
("bao cao": 17,000 matches) spent 40-60 ms ranking rows it never showed. Yet a finding's bm25
depends on only two things of its own: its length in tokens (all columns) and how often each
query phrase occurs in it; idf and the average length are the same for the whole query. Most
findings hold each query word once, so findings sharing (tier, phrase counts, length), a
*signature*, share one score, and between two signatures that differ only in length the
shorter scores strictly higher. So FTS5 scores one finding per signature, only for the
shortest lengths that can still reach the page, plus every finding whose counts the stored
repeats cannot tell; the page is merged from those scores. Same scores, same order as
ranking every match.

What is stored per finding: FTS5's own token count, read back from its docsize table, and
the folded words that occur more than once with their counts. A word's count equals FTS5's
only where both tokenize alike, which holds for ASCII words among ASCII separators, and
folded Vietnamese is ASCII; a finding with any other word character is "unknown" and always
scored by FTS5 itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.normalize import unicode61_word_char

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

UNKNOWN = -1  # a phrase count the stored repeats cannot tell
# A signature is one int64: the tier in bits 53-62, then the phrase counts, then the token count.
# Counts get up to 4 bits each, fewer when there are many phrases; a finding whose count or
# length does not fit is scored alone.
_TIER_SHIFT = 53
MAX_TIER = 1023
_TOKEN_BITS = 26
_MAX_COUNT_BITS = 4
_WORD = re.compile(r"[^\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NONE = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))  # a word no finding repeats


def tokenizes_alike(folded: str) -> bool:
    """Whether FTS5's unicode61 and Python's regex cut `folded` into the same words.

    They agree on ASCII; outside it unicode61 makes letters, numbers, marks and private-use
    characters part of words where Python may not, so any such character rules the text out.
    """
    return folded.isascii() or not any(unicode61_word_char(ch) for ch in _NON_ASCII.findall(folded))


def repeated_words(folded: str) -> dict[str, int]:
    """The words of `folded` seen more than once, with their counts (lowercase, as FTS5 sees them)."""
    return {word: n for word, n in Counter(_WORD.findall(folded.lower())).items() if n > 1}


def _varints(blob: bytes) -> list[int]:
    """The numbers of an FTS5 record, as SQLite writes them: 7 bits a byte, most significant
    first, the high bit set on every byte but a number's last."""
    values, value = [], 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            values.append(value)
            value = 0
    return values


def docsize_total(blob: bytes) -> int:
    """Sum of the per-column token counts in an FTS5 docsize blob."""
    return sum(_varints(blob))


def averages(blob: bytes | None) -> tuple[int, int]:
    """(rows, tokens in all columns) from FTS5's averages record (its data table's row 1: the
    row count, then each column's token total); (0, 0) for an empty index."""
    values = _varints(blob or b"")
    return (values[0], sum(values[1:])) if values else (0, 0)


def bm25(counts: IntArray, tokens: IntArray, holders: Sequence[int], rows: int,
         total_tokens: int) -> FloatArray:
    """FTS5's bm25() of each finding, negated (higher is better), computed as FTS5 computes it.

    Why: asking FTS5 for the bm25 of a few hundred findings scattered over the index made it
    walk every query phrase's whole list, twice (once for the idf), which for the ten words of
    "similar findings" cost more than everything else. bm25 depends on nothing FTS5 alone
    knows: per phrase, how many findings hold it (`holders`) and how often each finding does
    (`counts`, one column per phrase, 0 for a phrase it lacks, never UNKNOWN); per finding its
    token count (`tokens`, all columns); the index's row and token totals (`averages`). The
    operations and their order are FTS5's (fts5_aux.c: k1 1.2, b 0.75, idf floored at 1e-6,
    phrases summed in order), so the scores are the same doubles.
    """
    k1, b = 1.2, 0.75
    avgdl = float(total_tokens) / float(rows)
    length = k1 * (1 - b + b * tokens.astype(np.float64) / avgdl)
    score = np.zeros(len(tokens), dtype=np.float64)
    for phrase, hits in enumerate(holders):
        idf = math.log((rows - hits + 0.5) / (hits + 0.5))  # libm's log, as FTS5's
        freq = counts[:, phrase].astype(np.float64)
        score += (idf if idf > 0.0 else 1e-6) * ((freq * (k1 + 1.0)) / (freq + length))
    return score


def phrase_counts(ids: IntArray, phrases: Sequence[tuple[str, ...]],
                  repeats: Mapping[str, tuple[IntArray, IntArray]]) -> IntArray:
    """How often each phrase occurs in each finding of `ids`, all of which matched every phrase.

    `repeats` gives, per word, the findings (ascending) holding it more than once and how
    often. A one-word phrase occurs as often as its word; a longer one once when any of its
    words occurs once (it occurs at least once: the finding matched), else UNKNOWN.
    """
    words = {word: _counts_of(ids, *repeats.get(word, _NONE)) for phrase in phrases for word in phrase}
    columns = []
    for phrase in phrases:
        if len(phrase) == 1:
            columns.append(words[phrase[0]])
        else:
            least = np.minimum.reduce([words[word] for word in phrase])
            columns.append(np.where(least == 1, 1, UNKNOWN))
    return np.column_stack(columns) if columns else np.ones((len(ids), 0), dtype=np.int64)


def phrase_tokens(text: str) -> tuple[str, ...] | None:
    """The tokens FTS5's unicode61 makes of a phrase's text, or None when Python's regex may cut
    it otherwise (a mark, a private-use character, a letter whose lower case differs)."""
    if text != text.lower() or any(unicode61_word_char(ch) != ch.isalnum()
                                   for ch in _NON_ASCII.findall(text)):
        return None
    return tuple(_WORD.findall(text)) or None


def phrase_occurrences(texts: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> IntArray:
    """How often each phrase (its tokens, `phrase_tokens`) occurs in each text, counted as FTS5
    counts a phrase's instances in a column: every place its tokens follow each other, overlaps
    included. The texts must tokenize alike (`tokenizes_alike`, lower case): one row per text,
    one column per phrase.

    Why: bm25 of a few dozen findings on a concept's many instances cost FTS5 a scan of every
    instance's list over the whole index for the findings' counts; read from the findings' own
    text they cost a few µs each (the idf is a count the caller keeps).

    Each phrase is one scan of all the texts joined (`_phrase_pattern`), the hits' places
    counted per text: cutting every text into words and counting its n-grams in Python cost 50 µs
    a text, 14 ms for the 277 findings of a section query whose phrases they repeat each word of
    ("báo cáo" twice: index.sqlite_fts._top_by_bm25)."""
    out = np.zeros((len(texts), len(phrases)), dtype=np.int64)
    if not texts or not phrases:
        return out
    if any(_BETWEEN_TEXTS in text for text in texts):  # the separator is theirs: each text apart
        for row, text in enumerate(texts):
            out[row] = phrase_occurrences_of_words(_WORD.findall(text), phrases)
        return out
    joined = _BETWEEN_TEXTS.join(texts)
    starts = np.cumsum([0, *(len(text) + 1 for text in texts[:-1])])
    for column, phrase in enumerate(phrases):
        at = [m.start() for m in _phrase_pattern(phrase).finditer(joined)]
        if at:
            out[:, column] = np.bincount(np.searchsorted(starts, at, side="right") - 1, minlength=len(texts))
    return out


# Between two texts joined for phrase_occurrences: a character no phrase may run across.
_BETWEEN_TEXTS = "\x1e"


def _phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """A match at each place `phrase` starts, of its first token, the rest looked ahead: its tokens
    whole words as `_WORD` cuts them (neither starts nor ends inside one), one or more separators
    between them, none of them the texts' separator (`_BETWEEN_TEXTS`). Only the first token is
    taken, so overlapping places all count (each starts at another token), and the pattern opens
    with it, which the regex engine searches for as a literal."""
    gap = f"(?:[^\\w{_BETWEEN_TEXTS}]|_)+"
    first = re.escape(phrase[0])
    rest = "".join(gap + re.escape(t) for t in phrase[1:])
    return re.compile(f"{first}(?<![^\\W_]{first})(?={rest}(?![^\\W_]))")


def phrase_occurrences_of_words(tokens: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> list[int]:
    """How often each phrase occurs in one text's tokens (`_WORD`), overlaps included."""
    lengths = {len(p) for p in phrases}
    grams = {n: Counter(zip(*(tokens[k:] for k in range(n)), strict=False)) for n in lengths}
    return [grams[len(phrase)].get(phrase, 0) for phrase in phrases]


def _counts_of(ids: IntArray, rows: IntArray, counts: IntArray) -> IntArray:
    """Per finding of `ids`: its count in (rows, counts), else 1."""
    out = np.ones(len(ids), dtype=np.int64)
    if len(rows):
        at = np.minimum(np.searchsorted(rows, ids), len(rows) - 1)
        hit = rows[at] == ids
        out[hit] = counts[at[hit]]
    return out


@dataclass(frozen=True)
class Signatures:
    """Findings (ascending rowids) grouped by what their bm25 depends on, pruned to the groups
    that can reach the first `need` places.

    `group[i]` is finding i's group, or -1 when it is scored alone; `keep` says which groups
    still matter; `first[g]` is the index of group g's first (smallest rowid) finding.
    """

    ids: IntArray
    tier: IntArray  # 0..MAX_TIER: every finding of a lower tier ranks before any of a higher one
    group: IntArray
    first: IntArray
    keep: BoolArray
    alone: IntArray  # indexes of the findings scored alone that still matter

    def to_score(self) -> list[int]:
        """The rowids FTS5 must score."""
        return [*self.ids[self.first[self.keep]].tolist(), *self.ids[self.alone].tolist()]

    def top(self, bm25: Mapping[int, float], bonus: FloatArray, need: int,
            after: IntArray) -> list[tuple[int, float]]:
        """The first `need` (rowid, score) by tier, then score (bonus - bm25, high first), then
        `after` (per finding, lowest first: the caller's order of equal scores).
        A finding `bm25` lacks matched none of the ranked phrases (only a unit or document
        filter of the query): its bm25 is 0. Equal scores share a group, so `after` changes
        which of a group come first, never which groups `signatures` kept."""
        scores = np.full(len(self.ids), -np.inf)
        group_scores = np.full(len(self.first), -np.inf)
        kept = np.flatnonzero(self.keep)
        group_scores[kept] = [-bm25.get(rowid, 0.0) for rowid in self.ids[self.first[kept]].tolist()]
        grouped = self.group >= 0
        scores[grouped] = group_scores[self.group[grouped]]
        scores[self.alone] = [-bm25.get(rowid, 0.0) for rowid in self.ids[self.alone].tolist()]
        scores += bonus
        order = np.lexsort((after, -scores, self.tier))[:need]
        return list(zip(self.ids[order].tolist(), scores[order].tolist(), strict=True))


def signatures(ids: IntArray, tier: IntArray, tokens: IntArray, counts: IntArray, need: int) -> Signatures:
    """Group findings by (tier, phrase counts, length) and keep, per (tier, counts), only the
    shortest lengths whose findings can still fill the tier's share of the first `need` places.

    `ids` ascend; `tier` (0..MAX_TIER), `tokens` and `counts` (one column per phrase, UNKNOWN
    allowed) are per finding. A count may be 0 (an OR query's phrase the finding lacks).
    """
    tier = np.asarray(tier, dtype=np.int64)
    if len(tier) and int(tier.max()) > MAX_TIER:
        raise ValueError(f"tiers go up to {MAX_TIER}")
    before_tier = np.r_[0, np.cumsum(np.bincount(tier, minlength=MAX_TIER + 1))][:MAX_TIER + 1]
    tier_need = np.maximum(need - before_tier, 0)
    phrases = counts.shape[1]
    bits = min(_MAX_COUNT_BITS, (_TIER_SHIFT - _TOKEN_BITS) // max(phrases, 1))
    known = ((counts >= 0) & (counts < (1 << bits))).all(axis=1) & (tokens < (1 << _TOKEN_BITS))
    key = tier << _TIER_SHIFT
    for column in range(phrases):
        key = key | (counts[:, column].clip(0) << (_TOKEN_BITS + column * bits))
    key = key | tokens
    known_at = np.flatnonzero(known)
    keys, first, inverse, sizes = np.unique(key[known_at], return_index=True, return_inverse=True,
                                            return_counts=True)
    # Groups come sorted by (tier, counts, length): a segment shares (tier, counts).
    segment = keys >> _TOKEN_BITS
    starts = np.flatnonzero(np.r_[True, segment[1:] != segment[:-1]])
    ends = np.cumsum(sizes)
    before = ends - sizes - np.repeat(np.r_[0, ends][starts], np.diff(np.r_[starts, len(keys)]))
    keep = before < tier_need[keys >> _TIER_SHIFT]
    group = np.full(len(ids), -1, dtype=np.int64)
    group[known_at] = inverse.reshape(-1)
    alone = np.flatnonzero(~known)
    alone = alone[tier_need[tier[alone]] > 0]
    return Signatures(ids, tier, group, known_at[first], keep, alone)
