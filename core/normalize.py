"""Text normalisation for matching and search, with offsets that survive it.

Vietnamese text arrives in NFC and NFD and with two tone-placement habits ("hoà" / "hòa").
Matching and search must treat those as one word, while the display keeps what was written.
Every function here that takes NFC text returns text of exactly the same length, one output
character per input character, so a span found in the canonical or folded form is the same
span in the original: no offset tables needed downstream. `nfc_with_offsets` covers the one
step that changes length (NFD → NFC) and says where each NFC character came from.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_SHAPE_VOWELS = set("ăâêôơư")  # vowels whose shape mark takes the tone first
_VOWELS = set("aăâeêioôơuưy")
_NEW_STYLE_PAIRS = {"oa", "oe", "uy"}  # open syllables where the new style marks the 2nd vowel
_WORD = re.compile(r"\w+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), as a
# character-class range: no Vietnamese text needs them, and one in a file reverses what follows it
# on a terminal or a page ("\u202etxt.exe" shows as "exe.txt"). Stripped from text here and escaped
# in messages (core.errors).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# C0 controls but tab and newline, DEL, and C1 controls: never text, and harmful on a terminal.
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
# A terminal's escape sequences whole, so that no remnant is left as text ("[31m" of a colour,
# "]0;title" of a window title): CSI (ESC [ or U+009B, parameters, a final letter), an OSC ended
# by BEL or ESC \ (at most 256 characters on one line, so an unended one takes no text with it),
# and the two-character ESC sequences ("ESC c" resets the terminal).
_ESCAPES = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
                      r"|\x1b\][^\x07\x1b\n]{0,256}(?:\x07|\x1b\\)|\x1b[@-~]")


def strip_controls(text: str) -> str:
    """`text` without control characters other than newline and tab.

    Why at the text layer: a document's text reaches terminals (search results), spreadsheets
    and the web page; an ESC sequence in a hostile file must not clear a screen or recolour it.
    Carriage returns go too: line breaks are "\\n" everywhere downstream. A whole escape
    sequence goes (`_ESCAPES`), not only its ESC: a text copied from a terminal kept "[31m" and
    "]0;…" as words of its findings (ux28's sweep).
    """
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC text and, for each of its characters, the offset of its first source character."""
    out: list[str] = []
    origin: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        out.append(composed)
        origin.extend([i] * len(composed))
        i = j
    return "".join(out), origin


def _split_tone(ch: str) -> tuple[str, str]:
    """('ò' → 'o', '\\u0300'); a character without a tone mark gives (ch, '')."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in decomposed if c in TONE_MARKS)
    if not tone:
        return ch, ""
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return base, tone


def _tone_position(letters: list[str]) -> int | None:
    """Index (in `letters`, toneless lowercase) where the modern rule puts the tone mark."""
    vowel_idx = [i for i, c in enumerate(letters) if c in _VOWELS]
    if not vowel_idx:
        return None
    # "qu" and "gi" before another vowel: the u / i belongs to the initial consonant.
    first = vowel_idx[0]
    if first > 0 and len(vowel_idx) > 1 and (
        (letters[first - 1] == "q" and letters[first] == "u")
        or (letters[first - 1] == "g" and letters[first] == "i")
    ):
        vowel_idx = vowel_idx[1:]
    cluster = [i for i in vowel_idx if vowel_idx[0] <= i <= vowel_idx[-1]]
    shaped = [i for i in cluster if letters[i] in _SHAPE_VOWELS]
    if shaped:
        return shaped[-1]  # ươ takes it on ơ; otherwise the only shaped vowel
    closed = cluster[-1] < len(letters) - 1
    if len(cluster) == 1 or closed:
        return cluster[-1]
    pair = "".join(letters[i] for i in cluster[:2])
    if len(cluster) == 2:
        return cluster[1] if pair in _NEW_STYLE_PAIRS else cluster[0]
    return cluster[1]  # oai, oay, uya ...: the middle vowel


@lru_cache(maxsize=1 << 16)
def _canonical_syllable(word: str) -> str:
    """Memoised: a document repeats a small vocabulary, and this is a pure function of a word
    whose per-character decomposition made it the costliest step of extraction."""
    if word.isascii():
        return word  # no tone mark to move
    bases: list[str] = []
    tone = ""
    for ch in word:
        base, t = _split_tone(ch)
        bases.append(base)
        tone = tone or t
    if not tone:
        return word
    pos = _tone_position([b.lower() for b in bases])
    if pos is None:
        return word
    bases[pos] = unicodedata.normalize("NFC", bases[pos] + tone)
    result = "".join(bases)
    return result if len(result) == len(word) else word


def canonical_tones(text: str) -> str:
    """NFC text with every syllable's tone mark where the modern rule puts it ("hòa" → "hoà").

    Same length as the input, so offsets carry over.
    """
    composed = nfc(text)
    if composed.isascii():
        return composed
    return _WORD.sub(_canonical_match, composed)


def _canonical_match(match: re.Match[str]) -> str:
    return _canonical_syllable(match.group())


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0] if decomposed else ch
    lowered = base.lower()
    return lowered if len(lowered) == 1 else base


_FOLD_TABLE_END = 0x2000  # Latin, Vietnamese (U+1E00-1EFF) and the rest of the first blocks


class _FoldTable(dict[int, str]):
    """`_fold_char` by code point for str.translate: precomputed below `_FOLD_TABLE_END`, computed
    on lookup (not stored) above it, so quotes, dashes and emoji cost one call each."""

    def __missing__(self, cp: int) -> str:
        return _fold_char(chr(cp))


@lru_cache(maxsize=1)
def _fold_table() -> _FoldTable:
    """Built once: one C-level translate pass instead of a Python call per character."""
    return _FoldTable({cp: _fold_char(chr(cp)) for cp in range(_FOLD_TABLE_END)})


def fold(text: str) -> str:
    """Lowercase, no tone or shape marks, đ → d: "Đoàn kiểm tra" → "doan kiem tra".

    One character out per NFC character in, so a match in the folded text is a match at the
    same offsets in the original.
    """
    return nfc(text).translate(_fold_table())


def lower_same_length(text: str) -> str:
    """Lowercase, except the rare letter whose lower case is longer ("İ"), so offsets hold."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


# A character that is neither a word character of Python's regex nor white space, or "_": the
# candidates for a separator (punctuation, symbols); `words_apart` keeps the marks among them.
_NOT_WORD = re.compile(r"[^\w\s]|_")


def unicode61_word_char(ch: str) -> bool:
    """Whether SQLite FTS5's unicode61 tokenizer makes `ch` part of a word: a letter, number,
    mark or private-use character (everything else separates words)."""
    category = unicodedata.category(ch)
    return category[0] in "LNM" or category == "Co"


def _apart(match: re.Match[str]) -> str:
    ch = match.group()
    return ch if unicode61_word_char(ch) else " "


def words_apart(text: str) -> str:
    """`text` with every character that is not part of a word replaced by a space, same length.

    A word is a run of letters, numbers, marks and private-use characters: what SQLite FTS5's
    unicode61 tokenizer keeps together. Why: Lucene's standard tokenizer (Unicode word breaks)
    keeps "1,58", "v.v" and "c_d" whole where FTS5 cuts them, so the engines counted different
    words and lengths in the same finding, and a phrase typed "1 58" matched on one engine only.
    Given this text, both cut every finding of Vietnamese alike. Same length: offsets hold.
    """
    return _NOT_WORD.sub(_apart, text)


def matching_form(text: str) -> str:
    """Lower case with canonical tone placement, same length as `text` (NFC in).

    Length matters: callers compute it once per document and slice it by the offsets of the
    original. The rare letter whose lower case is longer ("İ") is kept as it is.
    """
    return lower_same_length(canonical_tones(text))


def match_key(text: str) -> str:
    """The form for comparing names: canonical tones, lowercase, single spaces."""
    return " ".join(canonical_tones(text).lower().split())
