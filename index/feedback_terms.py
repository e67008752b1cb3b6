"""The words a query's first findings share that the query did not type: pseudo-relevance feedback.

Why: staff judge relevant findings that say the asked matter in other words, an instance or a
paraphrase no synonym list foresees (over the judged topic, polar and unit queries of eleven sets,
367 of the 435 judged findings outside the reranker's pool hold no word of the query:
docs/search-quality.md, topic11). The findings that do hold the query's words say the matter in
the genre's few set phrases too ("trả kết quả", "quá hạn", "giấy biên nhận"), so the words the
first of them share, and few other findings hold, are the matter's other words. Asked of the
engine ORed, they bring findings holding none of the query's words (RM3, Lavrenko and Croft's
relevance model, as Lucene and Anserini expand a query).

A term is one of the index's segmented words of two syllables or more ("phiếu_hẹn": the
pipeline's tokenizer cut it at indexing time, FindingRecord.words): a single Vietnamese syllable
is said in too many words to stand for one ("hạn" in thời hạn, hạn chế, quá hạn). Never one
holding a syllable of the query (those the engine already matched), a stop word or question
word (index/vi/query_stopwords.txt), a run of the genre's frame words (officials, offices,
levels: index/vi/frame_words.txt, said of every matter), or a number.

Plain functions over records, no engine: the composed search (pipeline/search.py) picks the
findings and asks the engine, both engines the same way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from core.normalize import fold
from index.base import FindingRecord
from index.query import is_frame


@dataclass(frozen=True, slots=True)
class Term:
    """A feedback term: its syllables as written (the first spelling met) and its weight."""

    syllables: tuple[str, ...]
    weight: float

    @property
    def phrase(self) -> str:
        """The term as a quoted phrase of the query language (index/query.py parse)."""
        return '"' + " ".join(self.syllables) + '"'


def segmented_terms(words: str) -> list[tuple[str, ...]]:
    """A record's segmented words (`FindingRecord.words`, "phiếu_hẹn") of two syllables or more,
    each as its syllables, punctuation stripped, lowercased. Not a proper name (every syllable
    capitalised: "Phạm_Văn_Hà", "Buôn_Đôn"): a person or a place says who or where, not what."""
    out: list[tuple[str, ...]] = []
    for token in words.split():
        written = [s for s in token.strip(".,;:!?()[]{}\"'“”‘’…-–").split("_") if s]
        if len(written) < 2 or not all(s.isalpha() for s in written) or all(s[0].isupper() for s in written):
            continue
        out.append(tuple(s.lower() for s in written))
    return out


def candidate_terms(first: Sequence[FindingRecord], typed: Sequence[str],
                    excluded: frozenset[tuple[str, ...]]) -> dict[tuple[str, ...], Term]:
    """The terms `first` (the query's first findings) hold, by their folded syllables, each
    weighed by the number of those findings holding it. `typed`: the query's syllables (any of
    them in a term rules it out, folded); `excluded`: folded syllable runs never a term (stop
    words, frame words: `is_frame` runs of them)."""
    query = {fold(s).lower() for s in typed}
    found: dict[tuple[str, ...], Term] = {}
    for record in first:
        for key, syllables in _keys(record).items():
            if query.intersection(key) or key in excluded or is_frame(key, excluded):
                continue
            held = found.get(key)
            found[key] = Term(held.syllables if held else syllables, (held.weight if held else 0.0) + 1)
    return found


def expansion_terms(candidates: dict[tuple[str, ...], Term], held_by: dict[tuple[str, ...], int],
                    total: int, count: int) -> tuple[Term, ...]:
    """The `count` candidates (`candidate_terms`) weighing most, strongest first: the number of
    first findings holding the term times its rarity over the index (log((total + 1) / (held +
    0.5)), `held_by` the index's findings holding it, `total` all of them): a term every finding
    holds is the genre's, one the first findings share and few others hold is their matter."""
    scored = [Term(t.syllables, t.weight * math.log((total + 1) / (held_by.get(key, 0) + 0.5)))
              for key, t in candidates.items()]
    scored.sort(key=lambda t: -t.weight)
    return tuple(t for t in scored[:count] if t.weight > 0)


def _keys(record: FindingRecord) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The record's terms: folded syllables → the spelling met first."""
    keys: dict[tuple[str, ...], tuple[str, ...]] = {}
    for syllables in segmented_terms(record.words or record.text):
        keys.setdefault(tuple(fold(s) for s in syllables), syllables)
    return keys
