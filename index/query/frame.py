"""The genre's frame: who and where every finding speaks of (officials, offices, procedures
and their files, the levels), whatever its matter (index/vi/frame_words.txt says why).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from core.levels import (
    ALL_LEVELS,
)
from core.normalize import fold
from index.query.common import FRAME_FILE, syllables_of
from index.query.compiling import load_lexicon, word_list_entries


# The genre's frame: who and where every finding speaks of (officials, offices, procedures and
# their files, the levels), whatever its matter (index/vi/frame_words.txt says why). A query term
# made of frame words names the setting of what it asks, not the matter (`Plan.stage_topical`).
def compile_frame(lines: Iterable[str], levels: Sequence[str],
                  synonyms: Iterable[Sequence[Sequence[str]]] = ()) -> frozenset[tuple[str, ...]]:
    """The frame words from the word list's lines (read as every word list of index/vi/ is,
    `word_list_entries`: LEVEL standing for each level word), each as its folded syllables; and
    every member of a synonym set (`synonyms`, each member its syllables) one member of which
    is a run of them: "UBND", "TTHC", "1 cửa", "BPMC" and "bộ phận tiếp nhận và trả kết quả"
    name the frame the list writes in words ("ủy ban nhân dân", "bộ phận một cửa"), and the
    synonym file, where the genre's other spellings are listed once, says so."""
    entries = (tuple(fold(s) for s in syllables_of(e)) for e in word_list_entries(lines, levels))
    listed = frozenset(e for e in entries if e)
    named = {tuple(fold(s) for s in member) for members in synonyms
             if any(is_frame(m, listed) for m in members) for member in members}
    return listed | named


@lru_cache(maxsize=1)
def load_frame(path: Path = FRAME_FILE) -> frozenset[tuple[str, ...]]:
    """The genre's frame words (index/vi/frame_words.txt), its level words from core/levels.py,
    their other spellings from index/vi/synonyms.toml (the query's lexicon). Read by the plan
    (`Plan.stage_topical`) and the reranker (index/rerank.py: matter_held)."""
    return compile_frame(path.read_text(encoding="utf-8").splitlines(), [level.value for level in ALL_LEVELS],
                         load_lexicon().synonyms)


def is_frame(syllables: Sequence[str], frame: frozenset[tuple[str, ...]]) -> bool:
    """Whether the syllables are a run of frame words ("cán bộ công chức": "cán bộ" + "công chức")."""
    folded = tuple(fold(s) for s in syllables)
    ends = {0}  # positions a run of entries reaches
    for k in range(len(folded)):
        if k in ends:
            ends.update(k + len(e) for e in frame if folded[k:k + len(e)] == e)
    return bool(folded) and len(folded) in ends
