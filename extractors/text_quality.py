"""Decide whether a PDF page's text layer is real Vietnamese text or needs OCR.

Why syllables: a scanned page often carries an invisible layer of garbage — or of a scanner's
English-language OCR of the Vietnamese page ("CONG Hcok xA HQI CHiJ NGHiA VIVT NAM") — and old
PDFs embed TCVN3/VNI fonts whose text comes out as mojibake ("c¶i c¸ch", "CÃ¡ch"); all have
plenty of characters, but few of their words are Vietnamese syllables with their tones
(core/syllables.toml), and a folded layer has no Vietnamese marks at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from core.settings import Settings
from core.syllables import TONE_MARKS, is_syllable, is_toneless_spelling
from extractors.legacy import ENCODINGS, from_legacy

_WORD = re.compile(r"[^\W\d_]+")
# A Vietnamese word carries a tone mark or one of these letters four times out of five; a page
# of Vietnamese folded to ASCII by a foreign OCR carries none.
_MARKED = re.compile(f"[ăâđêôơưĂÂĐÊÔƠƯ{''.join(sorted(TONE_MARKS))}]")
MIN_MARKED_SHARE = 0.3
MIN_WORDS_FOR_MARKS = 12  # fewer words than this (a table page, a form) say too little
# Latin-1 / cp1252 symbols Vietnamese never uses; they fill UTF-8-read-as-1252 and TCVN3 mojibake.
_MOJIBAKE = frozenset("¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÐØÞßæðøþ€‚ƒ„…†‡ˆ‰Š‹ŒŽšœžŸ")
MAX_MOJIBAKE_SHARE = 0.02
# Those symbols as mis-decoding leaves them: each stands for a letter of a word ("ki»m", "ch°a",
# "chÆ°a"), so a lowercase letter stands on both sides of its run (`_in_word`). A page's own symbols stand
# between words or beside a digit, a capital or punctuation: a breadcrumb's "Trang chủ » Tin
# tức", "© 2024", «quoted», "35°C", "Cập nhật · Lượt xem", "QÐ-UBND" (an Eth typed for Đ). The
# ellipsis is left out: the genre writes "máy scan, máy in…đảm bảo" with no space after it.
_SYMBOL_RUN = re.compile("[" + re.escape("".join(sorted(_MOJIBAKE - {"…"}))) + "]+")
# Letters only Unicode has (ă đ ơ ư, precomposed toned letters, combining tones): their presence
# proves a text is already Unicode, since neither legacy font encoding can produce them.
_UNICODE_ONLY = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9\u0300-\u0323]")
_LATIN1_HIGH = re.compile("[\u00a1-\u00ff]")
# A conversion must make the text this Vietnamese, and this much more than it was: Unicode text
# whose letters happen to be Latin-1 ("Bá", "cá") stays as valid after a conversion, so it gains nothing.
LEGACY_MIN_RATIO = 0.5
_TCVN3_HYPHENED = re.compile("([a-z\u00a1-\u00ff]+)-([a-z\u00a1-\u00ff]+)")
LEGACY_MIN_GAIN = 0.2


def usable_chars(text: str) -> int:
    """Letters and digits: what a text layer contributes beyond whitespace and rules."""
    return sum(1 for c in text if c.isalnum())


@dataclass(frozen=True, slots=True)
class LayerScore:
    """How Vietnamese a text is: its words, the share that are syllables with their tones, and
    the share carrying a Vietnamese mark (tone or ă â đ ê ô ơ ư)."""

    words: int
    syllable_share: float
    marked_share: float


def layer_score(text: str) -> LayerScore:
    """The score of `text`; acronyms (UBND, QĐ, SGDĐT) are not words here."""
    valid = marked = total = 0
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        syllable = is_syllable(word)
        if word.isupper() and len(word) <= 6 and not syllable:
            continue
        total += 1
        valid += syllable
        marked += bool(_MARKED.search(unicodedata.normalize("NFD", word)))
    if not total:
        return LayerScore(0, 0.0, 0.0)
    return LayerScore(total, valid / total, marked / total)


def vietnamese_ratio(text: str) -> float:
    """Share of words that are Vietnamese syllables, tone included; acronyms do not count."""
    return layer_score(text).syllable_share


def mojibake_share(text: str) -> float:
    """Share of non-space characters that only appear in mis-decoded Vietnamese."""
    visible = [c for c in text if not c.isspace()]
    return sum(1 for c in visible if c in _MOJIBAKE) / len(visible) if visible else 0.0


def needs_ocr(text: str, settings: Settings) -> bool:
    """True when the text layer is too thin or not Vietnamese enough to trust."""
    if usable_chars(text) < settings.min_text_chars_per_page:
        return True
    if mojibake_share(text) > MAX_MOJIBAKE_SHARE:
        return True
    return not is_vietnamese(layer_score(text), settings.min_vietnamese_ratio)


def is_vietnamese(score: LayerScore, min_ratio: float) -> bool:
    """Enough real syllables, and — on a page with enough words — enough marked ones: an ASCII-
    folded layer ("Thuc hien Ke hoach") is made of spellings that still pass one by one."""
    if score.syllable_share < min_ratio:
        return False
    return score.words < MIN_WORDS_FOR_MARKS or score.marked_share >= MIN_MARKED_SHARE


def is_unicode_vietnamese(text: str) -> bool:
    """True when `text` holds a letter that no legacy font encoding can produce."""
    return bool(_UNICODE_ONLY.search(text))


def has_latin1_letters(text: str) -> bool:
    """True when `text` has the Latin-1 characters a TCVN3/VNI font puts its letters on."""
    return bool(_LATIN1_HIGH.search(text))


def detect_legacy(text: str) -> str | None:
    """"tcvn3" or "vni" when converting `text` turns it into Vietnamese, else None.

    Why byte statistics and not a marker: a text layer or a run without a font name carries no
    label; the only evidence is that its words become valid syllables once converted.
    """
    if is_unicode_vietnamese(text) or not has_latin1_letters(text):
        return None
    before = vietnamese_ratio(text)
    ratio, encoding = max((vietnamese_ratio(from_legacy(text, name)), name) for name in ENCODINGS)
    if ratio >= LEGACY_MIN_RATIO and ratio >= before + LEGACY_MIN_GAIN:
        return encoding
    return None


def repair_legacy(text: str) -> tuple[str, str | None]:
    """(Unicode text, the legacy encoding it was in or None)."""
    encoding = detect_legacy(text)
    return (text, None) if encoding is None else (from_legacy(text, encoding), encoding)


def repair_utf8_read_as_1252(text: str) -> str | None:
    """`text` mended when it is UTF-8 that was read as windows-1252 (or Latin-1) and saved again
    ("BÃ¡o cÃ¡o kiá»ƒm tra" for "Báo cáo kiểm tra": a file passed through a program that took
    it for the Western encoding), else None.

    Why by conversion and its result, as `detect_legacy`: the mojibake carries no label, but each
    of its characters is one byte of the UTF-8 (the byte windows-1252 writes it as, a C1 control
    or a lost byte kept as such), and the bytes decoded again must make the text Vietnamese, by
    as much as a legacy conversion must. A text holding a letter only Unicode writes is Unicode
    already; one holding any other character beyond Latin-1 and windows-1252 is no such text."""
    if is_unicode_vietnamese(text) or not has_latin1_letters(text):
        return None
    data = bytearray()
    for c in text:
        if c < "\x80":
            data.append(ord(c))
        elif c == "\ufffd":  # a byte the first reading lost: lost here too
            data += c.encode("utf-8")
        else:
            try:
                data += c.encode("cp1252")
            except UnicodeEncodeError:
                if ord(c) > 0xFF:
                    return None
                data.append(ord(c))  # a byte windows-1252 leaves undefined, read as Latin-1
    converted = data.decode("utf-8", errors="replace")
    ratio = vietnamese_ratio(converted)
    if ratio >= LEGACY_MIN_RATIO and ratio >= vietnamese_ratio(text) + LEGACY_MIN_GAIN:
        return converted
    return None


def repair_misread(text: str) -> tuple[str, str] | None:
    """(`text` mended, how it had been misread) when it is Vietnamese once read in the wrong 8-bit
    encoding and saved again, else None: UTF-8 read as windows-1252 ("BÃ¡o cÃ¡o", the label
    "utf-8-as-cp1252"), UTF-8 read as windows-1258 ("BĂ¡o cĂ¡o", "utf-8-as-cp1258"), windows-1258
    read as windows-1252 or Latin-1 ("kêìt quaÒ" for "kết quả": its combining tones read as
    Latin-1 letters, "cp1258-as-cp1252").

    Why these three: they are the misreadings the genre's files go through (a report typed in
    an old Windows editor, a portal's text copied through a program that took it for the Western
    encoding), each decodes without an error, and each leaves a text of Latin letters a reader
    stores as "1 new" with few findings. Certain, as `detect_legacy` is, by the result: every
    character must be one byte of the reading undone, and the text redone must be Vietnamese
    (LEGACY_MIN_RATIO of its words syllables) and that much more than it was (LEGACY_MIN_GAIN)."""
    if (mended := repair_utf8_read_as_1252(text)) is not None:
        return mended, "utf-8-as-cp1252"
    best: tuple[float, str, str] | None = None
    readings = (("cp1258", "utf-8", "utf-8-as-cp1258"), ("cp1252", "cp1258", "cp1258-as-cp1252"))
    for misread, true, label in readings:
        if misread == "cp1252" and is_unicode_vietnamese(unicodedata.normalize("NFC", text)):
            continue  # ă đ ơ ư or a precomposed toned letter: no windows-1252 reading wrote it
        redone = _redecoded(text, misread, true)
        if redone is not None and (best is None or vietnamese_ratio(redone) > best[0]):
            best = (vietnamese_ratio(redone), redone, label)
    if best is None or best[0] < LEGACY_MIN_RATIO or best[0] < vietnamese_ratio(text) + LEGACY_MIN_GAIN:
        return None
    return best[1], best[2]


def _redecoded(text: str, misread: str, true: str) -> str | None:
    """`text`'s characters as the bytes `misread` gave them (a byte it leaves undefined as
    Latin-1 reads it; a byte it lost, U+FFFD, stays lost), decoded as `true`; None when a character
    is no such byte."""
    if not _LATIN1_HIGH.search(text) and not any(c >= "\u0100" for c in text):
        return None
    data = bytearray()
    for c in text:
        if c == "\ufffd":  # a byte the first reading lost: lost here too
            data += c.encode(true, errors="replace") if true == "utf-8" else b"?"
            continue
        try:
            data += c.encode(misread)
        except UnicodeEncodeError:
            if ord(c) > 0xFF:
                return None
            data.append(ord(c))
    return unicodedata.normalize("NFC", data.decode(true, errors="replace"))


def misdecoded_share(text: str) -> float:
    """Share of non-space characters that are symbols of mis-decoded Vietnamese standing inside a
    word (`_in_word`): "ki»m", "ch°a", "chÆ°a", not a breadcrumb's "»" or a footer's "©"."""
    visible = sum(1 for c in text if not c.isspace())
    return sum(map(len, _in_word(text))) / visible if visible else 0.0


def _in_word(text: str) -> list[str]:
    """The runs of `_SYMBOL_RUN` with a lowercase letter on both sides."""
    return [m.group() for m in _SYMBOL_RUN.finditer(text) if m.start() > 0 and m.end() < len(text)
            and text[m.start() - 1].islower() and text[m.end()].islower()]


def misdecoded_warning(text: str, encoding: str | None = None) -> str | None:
    """One line for a text still holding the symbols of mis-decoded Vietnamese after every repair
    (`misdecoded_share` above MAX_MOJIBAKE_SHARE: "ki»m", "ch°a"), else None. Why: such a text
    was stored as "1 new" with few or no findings and nothing said; the operator learns which
    file to convert, and why its findings may be missing. Read on what a reader stores (a text
    file's text, an HTML page's main text), so a page's own symbols («quoted», "35°C", "·") do
    not raise it: only those inside words count. Below that share, the letters a decoding lost
    are said instead, when there are any (`lost_warning`), else the words that read as no
    Vietnamese (`misread_warning`). `encoding`, the one the reader used, is named in the line."""
    share = misdecoded_share(text)
    read_as = f", read as {encoding}," if encoding else ""
    if share <= MAX_MOJIBAKE_SHARE:
        return lost_warning(text, encoding) or misread_warning(text, encoding)
    seen = "".join(sorted({c for run in _in_word(text) for c in run})[:5])
    return (f"the text{read_as} may be in an encoding not recognised: {share:.0%} of its characters"
            f" ({seen}) are symbols Vietnamese does not use; its findings may be incomplete"
            " (save it as UTF-8)")


MIN_MISREAD_WORDS = 5    # words with a Latin-1 letter reading as no syllable: from this many on
MAX_MISREAD_SHARE = 0.3  # and above this share of the words holding a Latin-1 letter


def misread_warning(text: str, encoding: str | None = None) -> str | None:
    """One line for a text whose words with Latin-1 letters mostly read as no Vietnamese syllable
    ("kêìt", "quaÒ", "ðýõÒc": windows-1258 read as windows-1252, its tones become letters), else
    None. Why: such a text decodes without an error and holds none of the symbols
    `misdecoded_share` counts, so it was stored as "1 new" with nothing said. Vietnamese written
    right puts those letters (á à ã é ê ì ò ô õ ù ú ý) only in syllables, so a fair share that are
    not is a misreading; a foreign name or two is not (MIN_MISREAD_WORDS, MAX_MISREAD_SHARE), nor
    a text with too few right syllables beside them to be Vietnamese (French in its own letters)."""
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", text)) if _LATIN1_HIGH.search(w)]
    wrong = [w for w in words if not is_syllable(w)]
    if len(wrong) < MIN_MISREAD_WORDS or len(wrong) <= MAX_MISREAD_SHARE * len(words):
        return None
    if len(words) - len(wrong) < MIN_MISREAD_WORDS:
        return None  # too few right syllables to call it Vietnamese: French, say, in its own letters
    read_as = f", read as {encoding}," if encoding else ""
    seen = ", ".join(dict.fromkeys(wrong))
    seen = seen if len(seen) <= 40 else seen[:40].rsplit(", ", 1)[0] + ", …"
    return (f"the text{read_as} may be in an encoding not recognised: {len(wrong)} of its {len(words)}"
            f" words with accented letters are no Vietnamese ({seen}); its findings may be incomplete"
            " (save it as UTF-8)")


MIN_LOST = 3  # replacement characters from this many on: letters were lost, not a stray mark


def lost_warning(text: str, encoding: str | None = None) -> str | None:
    """One line for a text holding MIN_LOST or more replacement characters ("�", U+FFFD), else
    None. Why: each stands for a letter a decoding lost (a file read as windows-1252 drops the
    bytes it leaves undefined, among them those of "Đ" and "ờ": "��ông Hà", "phư��ng"), so the
    words holding them match no search, and the file was stored as "1 new" with nothing said
    (ux28's sweep). One or two are left to a page's own stray marks."""
    lost = text.count("\ufffd")
    if lost < MIN_LOST:
        return None
    read_as = f"; read as {encoding}" if encoding else ""
    return (f"{lost} characters could not be decoded (shown as \ufffd{read_as}): the words holding them"
            " cannot be found; its findings may be incomplete (save it as UTF-8 from the original)")


def repair_text_layer(text: str, settings: Settings) -> str:
    """A page's TCVN3/VNI text layer converted when the result is trustworthy Vietnamese.

    Converting costs microseconds and keeps the PDF's exact text; OCR costs seconds and makes
    errors. When the converted text would still go to OCR, the original is kept for needs_ocr.
    """
    converted, encoding = repair_legacy(text)
    if encoding == "tcvn3":
        converted = from_legacy(_restore_soft_hyphens(text), encoding)
    if encoding is None or needs_ocr(converted, settings):
        return text
    return converted


def _restore_soft_hyphens(tcvn3: str) -> str:
    """TCVN3 writes ư as 0xAD, the soft hyphen, which PDF text extraction turns into "-".

    "ng-êi" is "người" when a half is no syllable on its own ("ng"); "kinh tÕ-x· héi" keeps its
    hyphen because both halves are syllables.
    """
    def mend(match: re.Match[str]) -> str:
        halves = [from_legacy(half, "tcvn3") for half in match.groups()]
        if all(is_toneless_spelling(half) for half in halves):
            return match.group(0)
        return "\u00ad".join(match.groups())

    return _TCVN3_HYPHENED.sub(mend, tcvn3)
