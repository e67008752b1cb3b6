"""A one-off `kiemtra search` waited 2–5 s for its language data to compile (session 27's sweep;
ux28 measured 3.3–3.5 s a command, of which the readings of words typed without accents took 1.1
s, the lexicon's dictionary 0.5 s and the theme phrases' patterns 0.35 s). Each is now compiled
where a query looks it up: the readings of a folded word (index/accents.py `_Compiled`), a
dictionary word's set (`WordList`), a theme phrase's pattern (nlp/themes.py `_pattern`). What a
query finds is unchanged, so each is checked equal to compiling everything at once, on the real
dictionary and data, and checked to compile only what is asked (benchmarks/cli_search.py prints
the seconds)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest

from core.normalize import fold
from index.accents import WordList, compile_readings, reading
from index.query import MAX_WORD_SYLLABLES, dictionary_file, load_lexicon

needs_dictionary = pytest.mark.skipif(dictionary_file() is None,
                                      reason="underthesea's Viet74K is not installed")


class _OnlyLookedUp(Mapping[str, frozenset[tuple[str, ...]]]):
    """A dictionary that may be asked for a word but never listed whole: compiling every word at
    once lists it, and fails here."""

    def __init__(self, words: dict[str, frozenset[tuple[str, ...]]]) -> None:
        self._words = words

    def __getitem__(self, key: str) -> frozenset[tuple[str, ...]]:
        return self._words[key]

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("the whole dictionary was compiled for one word")

    def __len__(self) -> int:
        raise AssertionError("the whole dictionary was compiled for one word")


def test_a_word_is_read_without_compiling_the_others() -> None:
    dictionary = _OnlyLookedUp({"ky luat": frozenset({("kỷ", "luật")}),
                                "ho so": frozenset({("hồ", "sơ"), ("hò", "sơ")})})
    readings = compile_readings(dictionary, [("hồ", "sơ", "trực", "tuyến")])
    assert reading(readings, ["ky", "luat"]) == ("kỷ", "luật")
    assert reading(readings, ["ho", "so"]) == ("hồ", "sơ")  # the genre's reading, as before
    assert "ky luat" in readings.clear and "can bo" not in readings.forms


@needs_dictionary
def test_the_readings_compiled_on_demand_are_those_compiled_at_once() -> None:
    """Every folded word of the real dictionary and the genre's data: the same readings, in the
    same order, equally clear, and no other word."""
    lexicon = load_lexicon()
    eager = lexicon.compiled_readings(lazy=False)
    lazy = lexicon.compiled_readings()
    assert len(eager.forms) > 50_000
    assert all(lazy.forms[key] == forms for key, forms in eager.forms.items())
    assert list(lazy.forms) == list(eager.forms) and set(lazy.clear) == eager.clear
    assert all((key in lazy.clear) == (key in eager.clear) for key in eager.forms)


@needs_dictionary
def test_the_word_list_is_the_dictionary_it_replaces_and_makes_only_the_words_asked() -> None:
    path = dictionary_file()
    assert path is not None
    lines = path.read_text(encoding="utf-8").splitlines()
    # What compile_lexicon built before ux28: each line folded alone, every set made at once
    before: dict[str, set[tuple[str, ...]]] = {}
    for line in lines:
        if " " in line and line.islower() and line.count(" ") < MAX_WORD_SYLLABLES:
            before.setdefault(fold(line), set()).add(tuple(line.split()))
    words = WordList(lines, MAX_WORD_SYLLABLES)
    assert words.get("ho so") == frozenset(before["ho so"]) and len(words._words) == 1
    assert "kiem tra" in words and "chua dung" in words and "qua" not in words  # one syllable: no word
    assert "ha noi" not in words and "ha noi" not in before  # a proper name ("Hà Nội"): no word
    assert dict(words) == {key: frozenset(forms) for key, forms in before.items()}


def test_a_line_holding_a_break_is_folded_alone() -> None:
    words = WordList(["hồ sơ", "cán\nbộ x", "kỷ luật"], MAX_WORD_SYLLABLES)
    assert words["ky luat"] == {("kỷ", "luật")} and words["ho so"] == {("hồ", "sơ")}
    assert words["can\nbo x"] == {("cán", "bộ", "x")}
