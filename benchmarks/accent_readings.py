"""How often the restored reading of a word typed without accents is what the genre's texts write.

Why this benchmark: accent restoration (index/accents.py) ranks the findings writing a folded
word's clear reading first. That is right only as far as the texts, where they hold the folded
word, write that reading. The query reads the words of its cut, which for a run typed without
accents are the index's words (underthesea's segmentation of the findings), so the dev texts
are segmented the same way and every word of 2..4 syllables whose folded form the restoration
reads is compared with its reading: the share written so is the restoration's precision on
real text (an occurrence written otherwise would be ranked down). Every run of 2..4 syllables
is counted too (a word of the dictionary straddling two words of the text: "cấp tính" for
"cấp tỉnh"), which says why the query reads only the words of its cut. The folded words left
ambiguous are counted as well: how often their commonest written form is the one written says
what a frequency list would add. Nothing is tuned on this: the readings come from the
dictionary and index/vi alone.

    .venv/bin/python benchmarks/accent_readings.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.devcorpus import DEFAULT_CORPUS  # noqa: E402
from core.normalize import fold, matching_form  # noqa: E402
from index.accents import Readings  # noqa: E402
from index.query import MAX_WORD_SYLLABLES, load_lexicon  # noqa: E402

_SYLLABLE = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"[.;:!?\n]")  # a word does not run across these (a comma it may cross)


def occurrences(texts: list[str]) -> dict[str, Counter[tuple[str, ...]]]:
    """Folded run of 2..MAX_WORD_SYLLABLES syllables → how often each written form occurs."""
    out: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    for text in texts:
        for piece in _SENTENCE.split(matching_form(text)):
            syllables = _SYLLABLE.findall(piece)
            for n in range(2, MAX_WORD_SYLLABLES + 1):
                for i in range(len(syllables) - n + 1):
                    written = tuple(syllables[i:i + n])
                    out[" ".join(fold(s) for s in written)][written] += 1
    return out


def words(texts: list[str]) -> dict[str, Counter[tuple[str, ...]]]:
    """Folded word of 2..MAX_WORD_SYLLABLES syllables (as segmented) → its written forms' counts."""
    from nlp.words import segment

    out: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    for text in texts:
        for token in segment(text).split():  # tones made canonical per syllable, not per "hồ_sơ"
            written = tuple(_SYLLABLE.findall(matching_form(token.replace("_", " "))))
            if "_" in token and 2 <= len(written) <= MAX_WORD_SYLLABLES:
                out[" ".join(fold(s) for s in written)][written] += 1
    return out


def report(label: str, found: dict[str, Counter[tuple[str, ...]]], readings: Readings) -> None:
    """Print how often the read words are written as read, and the worst of them."""
    right = total = ambiguous = ambiguous_right = 0
    worst: list[tuple[float, int, str]] = []
    for key, written in found.items():
        forms = readings.forms.get(key)
        if not forms:
            continue
        count = sum(written.values())
        if key in readings.clear:
            hits = written[forms[0]]
            right, total = right + hits, total + count
            if hits < count:
                worst.append((hits / count, -count, key))
        else:
            ambiguous += count
            ambiguous_right += written.most_common(1)[0][1]
    print(f"{label}: {total + ambiguous:,} whose folded form is a word")
    print(f"  read (clear): {total:,}, written as the reading {right / max(total, 1):.1%}")
    print(f"  left folded (ambiguous): {ambiguous:,}; their commonest written form"
          f" {ambiguous_right / max(ambiguous, 1):.1%} of them")
    print("  read words most often written otherwise (share written as read, occurrences):")
    for share, count, key in sorted(worst)[:10]:
        seen = " / ".join(" ".join(w) for w, _ in found[key].most_common(2))
        read = " ".join(readings.forms[key][0])
        print(f"    {key!r:24} {share:4.0%} of {-count:3}: written {seen}; read {read}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    readings = load_lexicon().readings
    print(f"{len(texts)} texts")
    report("words of the segmented texts (what the query reads)", words(texts), readings)
    report(f"every run of 2-{MAX_WORD_SYLLABLES} syllables", occurrences(texts), readings)


if __name__ == "__main__":
    main()
