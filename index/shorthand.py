"""Shorthand staff type for a word ("ko", "hs", "kq"), rewritten to the word before a query is read.

Why: the genre's commonest words are typed in letters the reports never write in prose, and a
query reads them as words that match nothing: "bộ phận 1 cửa ko có người trực" loses its
negation, "giấy hẹn trả kq" the synonym member "giấy hẹn trả kết quả". Rewritten before parsing,
the word is read as if typed in full, by every later step alike (polarity cues, synonym members,
the exact phrase) and so on both engines, which receive the same plan. A synonym set would only
match the word's alternatives, not the cues and members the full word starts.

The language data is index/vi/shorthand.toml (a linguist extends it); this module compiles it,
refusing forms that would rewrite a real word, and applies it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from index.initials import is_syllable

SHORTHAND_FILE = Path(__file__).with_name("vi") / "shorthand.toml"
# What may stand around a form for it to stand alone: a space or the ends of the text, and the
# punctuation a query puts between words; not "&", "/", "-" or a letter, which join it to a word
# ("TN&TKQ", "12/KQ-UBND", "khs").
_BEFORE = r"(?<![^\s(\[\"“‘'«,;:])"
_AFTER = r"(?![^\s)\]\"”’'»,;:.!?])"
# A number typed against the word it counts, standing alone ("1cửa", "2cấp", "8giờ"): its letters
# (two at least) are split off when they spell a Vietnamese syllable (index/initials.py), never
# when they are a unit or a code ("4G", "10h", "24h", "5S").
_GLUED = re.compile(f"{_BEFORE}(\\d+)([^\\W\\d_]{{2,}}){_AFTER}")


class ShorthandError(ValueError):
    """The shorthand file breaks a rule (the message names the entry)."""


@dataclass(frozen=True)
class Shorthand:
    """The compiled forms: lowercase typed form → the word it stands for."""

    words: Mapping[str, str]

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """The forms as one pattern, each standing alone (compiled once: every query is expanded)."""
        if not self.words:
            return None
        forms = "|".join(re.escape(f) for f in sorted(self.words, key=len, reverse=True))
        return re.compile(f"{_BEFORE}(?:{forms}){_AFTER}", re.IGNORECASE)

    def expand(self, text: str) -> str:
        """`text` with each form standing alone replaced by its word (the user's case aside), and
        a number glued to the syllable after it split from it (`unglued`)."""
        text = unglued(text)
        pattern = self.pattern
        return pattern.sub(lambda m: self.words[m.group(0).lower()], text) if pattern else text


def unglued(text: str) -> str:
    """`text` with a number typed against the syllable after it set apart ("bộ phận 1cửa" →
    "bộ phận 1 cửa").

    Why: typing fast, staff drop the space after a digit ("1cửa", "chính quyền 2cấp", "làm việc
    8giờ"), and read as typed the token matches nothing and cuts the member it belongs to ("bộ
    phận 1 cửa", the desk's synonym set). The reports write the space; no word of the genre is
    a number glued to a syllable, while units and codes glued to a number are no syllable ("4G",
    "10h", "5S") and stay whole."""
    return _GLUED.sub(lambda m: f"{m.group(1)} {m.group(2)}" if is_syllable(m.group(2)) else m.group(0), text)


def compile_shorthand(entries: Iterable[Mapping[str, Any]]) -> Shorthand:
    """The [[form]] tables as a Shorthand, or a ShorthandError naming the entry: each has `typed`
    (forms of letters and digits, none a word of its own here), `word` and `why`; a form is
    listed once."""
    words: dict[str, str] = {}
    for k, entry in enumerate(entries, 1):
        typed, word, why = entry.get("typed"), entry.get("word"), entry.get("why")
        label = f"form {k} ({word!r})"
        if not isinstance(word, str) or not word.strip():
            raise ShorthandError(f"form {k}: no `word`")
        if not isinstance(why, str) or not why.strip():
            raise ShorthandError(f"{label}: no `why` (say why the form means the word in this genre)")
        if not isinstance(typed, list) or not typed:
            raise ShorthandError(f"{label}: `typed` must be a non-empty list of forms")
        for form in typed:
            if not isinstance(form, str) or not re.fullmatch(r"[^\W_]+", form):
                raise ShorthandError(f"{label}: form {form!r} is not one run of letters and digits")
            key = form.lower()
            if key in word.lower().split():  # the word, or one syllable of it
                raise ShorthandError(f"{label}: form {form!r} is the word itself")
            if key in words:
                raise ShorthandError(f"{label}: form {form!r} is listed twice")
            words[key] = word
    return Shorthand(words)


@lru_cache(maxsize=1)
def load_shorthand(path: Path = SHORTHAND_FILE) -> Shorthand:
    """index/vi/shorthand.toml, compiled once per process."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ShorthandError(f"{path.name}: not valid TOML ({exc})") from exc
    try:
        return compile_shorthand(data.get("form", []))
    except ShorthandError as exc:
        raise ShorthandError(f"{path.name}: {exc}") from exc
