"""What the index knows, as the analysis asks it (`Vocabulary`): its words, unit names,
the definitions its texts write and how often it writes a phrase. Each engine answers it from
its own store; the default knows nothing.
"""

from __future__ import annotations

from collections.abc import Sequence


class Vocabulary:
    """What the index knows, asked by the analysis: its multi-syllable words and unit names.

    Both take folded candidates ("ho so", "do luong") and return those the index holds. The
    default knows nothing, so a plan still works (syllable by syllable) without an index.
    """

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return set()

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return set()

    def written_elsewhere(self, units: Sequence[str]) -> set[str]:
        """Of folded unit names, those a finding writes in its text without being about that
        unit (nor inside it): the syllables used as a word, or the name of a unit not attributed."""
        return set(units)

    def defined(self, keys: Sequence[str]) -> set[str]:
        """The definitions the indexed texts write (FindingRecord.definitions: "long form
        (ABBR)") whose abbreviation or long form has one of `keys` (index.definitions'
        `abbreviation_key`, `long_key`)."""
        return set()

    def known(self, spans: Sequence[str], keys: Sequence[str]) -> tuple[set[str], set[str], set[str]]:
        """`known_words` and `known_units` of `spans`, `defined` of `keys`, each asked only when
        given something. Why one method: the query asks all three before it is analysed, and an
        engine answering over the network (index/elastic.py) answers them in one request."""
        return (self.known_words(spans) if spans else set(), self.known_units(spans) if spans else set(),
                self.defined(keys) if keys else set())

    def unit_spellings(self, units: Sequence[str]) -> dict[str, set[tuple[str, ...]]]:
        """Of folded unit names, how the index writes each (the names of the findings' units,
        levels, former and enclosing units folding to it), as syllables (`syllables`: lowercase,
        tones canonical). A name the index does not spell is typed with accents as no name
        (`names_place`)."""
        return {}

    def written_counts(self, phrases: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        """How many findings write each phrase (lowercase, tones canonical) as typed, accents and
        all, the syllables in a row (the empty phrase: how many findings the index holds); a
        phrase of two syllables or more counted up to index.spelling.BIGRAM_CAP. What tells a
        mistyped syllable (index/spelling.py) and a lone folded one's reading
        (index/lone_reading.py); the default knows nothing, so nothing is read otherwise."""
        return {}
