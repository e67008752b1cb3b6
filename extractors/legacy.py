"""TCVN3 (ABC) and VNI Windows, the two pre-Unicode Vietnamese font encodings, to Unicode and back.

Why this exists: reports typed before ~2010 (and many still typed on old machines) use fonts such
as .VnTime or VNI-Times whose glyphs sit on Latin-1 code points. Word, PDF writers and text
editors keep those code points, so the text reads "Qu¶n lý" (TCVN3) or "Quaûn lyù" (VNI)
instead of "Quản lý". This module is only the codec; deciding *whether* a text is legacy is a
judgement about Vietnamese and lives in extractors.text_quality.

TCVN3 (TCVN 5712:1993, VN3, "ABC" fonts .VnTime, .VnArial, ...) is single-byte: every toned
lower-case letter has its own byte in 0xA1–0xFF, and only seven bare capitals exist
(Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7). Toned capitals are typed in the companion fonts whose name ends
in "H" (.VnTimeH, .VnArialH): those fonts draw the lower-case codes as capitals, so a run in
such a font decodes to upper case.

VNI Windows (VNI-Times, VNI-Helve, ...) writes a base letter followed by diacritic characters,
all Latin-1: tone marks ø û õ ù ï (huyền, hỏi, ngã, sắc, nặng); â for the circumflex and
à å ã á ä for circumflex + tone; ê for the breve and è ú ü é ë for breve + tone; single
characters ô = ơ, ö = ư, ñ = đ; the toned i's are single characters ì æ ó í ò, and ỵ is "yî".
Capitals use the same scheme with the upper-case Latin-1 characters ("AÙ" = Á, "Ñ" = Đ).
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

from core.alternation import longest_first

LOGGER = logging.getLogger(__name__)

ENCODINGS = ("tcvn3", "vni")

# Combining tone marks in the order every row below uses: huyền, hỏi, ngã, sắc, nặng.
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

# TCVN3: base letter → (untoned, huyền, hỏi, ngã, sắc, nặng) byte values.
TCVN3_ROWS: dict[str, tuple[int, int, int, int, int, int]] = {
    "a": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
TCVN3_SINGLES: dict[str, int] = {
    "đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
}

# VNI: base letter → (untoned, huyền, hỏi, ngã, sắc, nặng) as written in lower case.
VNI_ROWS: dict[str, tuple[str, str, str, str, str, str]] = {
    "a": ("a", "aø", "aû", "aõ", "aù", "aï"),
    "ă": ("aê", "aè", "aú", "aü", "aé", "aë"),
    "â": ("aâ", "aà", "aå", "aã", "aá", "aä"),
    "e": ("e", "eø", "eû", "eõ", "eù", "eï"),
    "ê": ("eâ", "eà", "eå", "eã", "eá", "eä"),
    "i": ("i", "ì", "æ", "ó", "í", "ò"),
    "o": ("o", "oø", "oû", "oõ", "où", "oï"),
    "ô": ("oâ", "oà", "oå", "oã", "oá", "oä"),
    "ơ": ("ô", "ôø", "ôû", "ôõ", "ôù", "ôï"),
    "u": ("u", "uø", "uû", "uõ", "uù", "uï"),
    "ư": ("ö", "öø", "öû", "öõ", "öù", "öï"),
    "y": ("y", "yø", "yû", "yõ", "yù", "yî"),
}
VNI_SINGLES: dict[str, str] = {"đ": "ñ"}


def _toned(base: str, column: int) -> str:
    """The NFC letter for `base` with the tone of `column` (0 = no tone)."""
    return unicodedata.normalize("NFC", base + ("" if column == 0 else TONES[column - 1]))


@functools.lru_cache(maxsize=1)
def _tcvn3_decode_table() -> dict[int, str]:
    table = {code: _toned(base, column) for base, row in TCVN3_ROWS.items()
             for column, code in enumerate(row) if code > 0x7F}
    table.update({code: letter for letter, code in TCVN3_SINGLES.items()})
    return table


@functools.lru_cache(maxsize=1)
def _tcvn3_encode_table() -> dict[int, str]:
    return {ord(letter): chr(code) for code, letter in _tcvn3_decode_table().items()}


@functools.lru_cache(maxsize=1)
def _vni_letters() -> dict[str, str]:
    """Unicode letter → VNI spelling, lower and upper case, canonical (what VNI keyboards type)."""
    lower = {_toned(base, i): spelling for base, row in VNI_ROWS.items() for i, spelling in enumerate(row)}
    lower.update(VNI_SINGLES)
    lower = {letter: spelling for letter, spelling in lower.items() if letter != spelling}
    return {**lower, **{letter.upper(): spelling.upper() for letter, spelling in lower.items()}}


@functools.lru_cache(maxsize=1)
def _vni_decoder() -> tuple[re.Pattern[str], dict[str, str]]:
    """Spelling → letter, accepting a capital base with lower-case marks ("Aù"), longest first."""
    spellings = {spelling: letter for letter, spelling in _vni_letters().items()}
    for spelling, letter in list(spellings.items()):
        if letter.isupper() and len(spelling) > 1:
            spellings.setdefault(spelling[0] + spelling[1:].lower(), letter)
    return re.compile(longest_first(spellings, any_space=False)), spellings


def from_legacy(text: str, encoding: str, *, capitals: bool = False) -> str:
    """Unicode for `text` whose characters are the code points of a TCVN3 or VNI font.

    `capitals` is for the TCVN3 "H" fonts (.VnTimeH), which draw every letter as a capital.
    """
    if encoding == "tcvn3":
        converted = text.translate(_tcvn3_decode_table())
    elif encoding == "vni":
        pattern, spellings = _vni_decoder()
        converted = pattern.sub(lambda m: spellings[m.group(0)], text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; known: {', '.join(ENCODINGS)}")
    return converted.upper() if capitals else converted


def to_legacy(text: str, encoding: str, *, capitals: bool = False) -> str:
    """The legacy spelling of Unicode `text`: what an old font's user would have typed.

    TCVN3 has no toned capitals: with `capitals` the text is written in lower-case codes for an
    "H" font; without it a toned capital raises ValueError naming the letter.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        source = text.lower() if capitals else text
        table = _tcvn3_encode_table()
        bad = sorted({c for c in source if c in _vni_letters() and ord(c) not in table})
        if bad:
            raise ValueError(f"TCVN3 cannot write {''.join(bad)!r} outside a capitals (H) font")
        return source.translate(table)
    if encoding == "vni":
        letters = _vni_letters()
        return "".join(letters.get(c, c) for c in text)
    raise ValueError(f"unknown legacy encoding {encoding!r}; known: {', '.join(ENCODINGS)}")


def font_encoding(font_name: str | None) -> tuple[str, bool] | None:
    """(encoding, capitals) a font name implies.

    ".VnTimeH" → ("tcvn3", True), "VNI-Times" → ("vni", False).
    """
    if not font_name:
        return None
    name = font_name.strip()
    if name.lower().startswith(".vn"):
        return "tcvn3", name.endswith("H")
    if re.match(r"vni[-\s_]", name, re.IGNORECASE):
        return "vni", False
    return None
