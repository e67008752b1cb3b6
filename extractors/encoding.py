"""Turn the bytes of a text or HTML file into str without guessing wrong on Vietnamese.

Why not charset_normalizer alone: windows-1258 writes tones as combining marks and shares most
byte values with windows-1252, so a generic detector often picks 1252 and returns mojibake.
We try the unambiguous evidence first (BOM, declared charset, strict UTF-8), then the 8-bit
Vietnamese encodings (windows-1258 and the TCVN3/VNI font encodings, whichever reads as the most
valid syllables), and only then a statistical guess. Text that decoded cleanly but is TCVN3/VNI
mojibake ("Qu¶n lý" saved as UTF-8 by a copy from an old document) is converted as well, and so
is Vietnamese once read in the wrong 8-bit encoding and saved again: UTF-8 read as windows-1252
("BÃ¡o cÃ¡o") or windows-1258 ("BĂ¡o cĂ¡o"), windows-1258 read as windows-1252 ("kêìt quaÒ").
"""

from __future__ import annotations

import codecs
import logging
import re

from extractors.legacy import from_legacy
from extractors.text_quality import detect_legacy, repair_legacy, repair_misread, vietnamese_ratio

LOGGER = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tone marks as windows-1258 writes them (combining), and letters only Vietnamese uses.
_VI_COMBINING = re.compile("[aăâeêioôơuưyAĂÂEÊIOÔƠUƯY][\u0300\u0301\u0303\u0309\u0323]")
_VI_LETTERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ]")
_ALIASES = {"windows-1258": "cp1258", "x-cp1258": "cp1258", "utf8": "utf-8", "unicode": "utf-16"}


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used) with line endings normalised to "\\n"."""
    text, encoding = _decode(data, declared)
    text, legacy = repair_legacy(text)
    if legacy is not None:
        LOGGER.info("text decoded as %s is %s mojibake; converted", encoding, legacy)
        encoding = f"{encoding}+{legacy}"
    elif (mended := repair_misread(text)) is not None:
        LOGGER.info("text decoded as %s was misread once (%s); converted", encoding, mended[1])
        text, encoding = mended[0], f"{encoding}+{mended[1]}"
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if declared:
        name = _ALIASES.get(declared.strip().lower(), declared.strip().lower())
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            LOGGER.info("declared charset %r does not decode the bytes; detecting", declared)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    vietnamese = data.decode("cp1258", errors="replace")
    legacy = _legacy_font_bytes(data, vietnamese)
    if legacy is not None:
        return legacy
    if looks_like_cp1258(vietnamese):
        return vietnamese, "cp1258"
    return _guess(data)


def looks_like_cp1258(text: str) -> bool:
    """Vowel + combining tone or Vietnamese-only letters on a fair share of the words."""
    words = max(1, len(text.split()))
    hits = len(_VI_COMBINING.findall(text)) + len(_VI_LETTERS.findall(text))
    return hits / words > 0.1 and text.count("\ufffd") < 0.01 * len(text) + 1


def _legacy_font_bytes(data: bytes, as_cp1258: str) -> tuple[str, str] | None:
    """TCVN3/VNI bytes, when they read as more valid Vietnamese than the windows-1258 reading.

    Why compare with 1258: its letters Ă Ơ Ư and combining tones sit on the same byte values, so
    TCVN3 and VNI files half-decode as 1258; whichever yields more valid syllables is the truth.
    """
    latin = data.decode("latin-1")
    encoding = detect_legacy(latin)
    if encoding is None:
        return None
    converted = from_legacy(latin, encoding)
    if vietnamese_ratio(converted) <= vietnamese_ratio(as_cp1258):
        return None
    return converted, encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without BOM shows as NUL on every other byte of ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    for name, nul_slice in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if nul_slice.count(0) > 0.3 * half:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("utf-8", errors="replace"), "utf-8"
    return str(best), best.encoding
