"""The text a plan matched, found again in a finding for display (`match_spans`,
`kept_marks`): what the page and the CLI mark.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence

from core.normalize import canonical_tones, fold, lower_same_length
from index.query.common import WORD
from index.query.plan import Alternative


def written_forms(text: str, folded: Collection[str]) -> list[Alternative]:
    """The words of `text` whose folded form is one of `folded`, each as `text` writes it
    (lower case, tones placed canonically) and literal, so marked only where written alike.
    Why: similar findings are found by folded words (more-like-this on the folded text), but a
    reader reads the marks as "the same word": for "toàn tỉnh Gia Lai có 998 hồ sơ quá hạn" the
    folded "gia" and "so" marked "giá" of đánh giá and "sở" of các sở (ux20, ux21)."""
    forms = dict.fromkeys(w for w in WORD.findall(lower_same_length(canonical_tones(text)))
                          if fold(w) in folded)
    return [Alternative((w,), literal=True) for w in forms]


def kept_marks(snippet: str, source: str) -> str:
    """`snippet` (HTML, matches in <mark>) with only the marks around a word `source` writes alike
    (lower case, canonical tones, as `written_forms` compares) kept: what an engine marked by
    folded words, narrowed to the words as written (Elasticsearch's highlighter marks every
    field its more-like-this query matched, the folded one too)."""
    forms = set(WORD.findall(lower_same_length(canonical_tones(source))))

    def kept(m: re.Match[str]) -> str:
        word = lower_same_length(canonical_tones(html.unescape(m.group(1))))
        return m.group(0) if word in forms else m.group(1)

    return _MARK.sub(kept, snippet)


_MARK = re.compile(r"<mark>(.*?)</mark>")


def match_spans(text: str, alternatives: Sequence[Alternative]) -> list[tuple[int, int]]:
    """Where the alternatives occur in `text` under the matching rule, merged and sorted.

    Found in the folded text (same offsets as the original), then each accented syllable is
    checked against the canonical lowercase text at the same place.
    """
    folded = fold(text)
    canonical = lower_same_length(canonical_tones(text))
    spans: list[tuple[int, int]] = []
    for alt in alternatives:
        if not alt.syllables:
            continue
        body = r"[\W_]+".join(f"({re.escape(s)})" for s in alt.folded)
        tail = r"[^\W_]*" if alt.prefix else r"(?![^\W_])"
        for m in re.finditer(r"(?<![^\W_])" + body + tail, folded):
            ok = True
            for k, (syllable, accented) in enumerate(zip(alt.syllables, alt.accented, strict=True)):
                if not (accented or alt.literal):  # a literal one's syllables without marks too
                    continue
                start = m.start(k + 1)
                written = canonical[start:m.end(k + 1)] if not (alt.prefix and k == len(alt.syllables) - 1) \
                    else canonical[start:start + len(syllable)]
                ok = ok and written == syllable
            if ok:
                spans.append(m.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
