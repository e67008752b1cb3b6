"""Light post-correction of Tesseract output where it breaks document numbers and dates.

Why only these: "139/QĐ-UBND ngày 20/01/2020" is what links a finding to its legal basis, and
OCR reliably damages it in a few ways (Icelandic Ð for Đ, O for 0 and l/I for 1 inside digit
runs, spaces around "/" and "-"); "V/v" opening a letter's subject ("VWw") is what the title is
found by. Everything else in the text is left exactly as recognised.
"""

from __future__ import annotations

import re

_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})
_DIGITISH = "0-9OoIl|"
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
# A token mostly of digits with a look-alike letter inside: "2O2O", "l39", "2O19".
_DIGIT_RUN = re.compile(rf"(?<![\w/])(?=[{_DIGITISH}]*\d[{_DIGITISH}]*\d)[{_DIGITISH}]{{2,}}(?![\w])")
# "139 / QĐ - UBND", "12 / 2019 / TT - BNV": number, optional year, issuer codes joined by hyphens.
_DOC_NUMBER = re.compile(
    rf"(?<![\w/])([{_DIGITISH}]*\d[{_DIGITISH}]*)\s*/\s*(?:([{_DIGITISH}]{{4}})\s*/\s*)?([A-ZĐ][A-ZĐ0-9]+(?:\s*-\s*[A-ZĐ][A-ZĐ0-9]*)*)(?!\w)"
)
# "20 / 01 / 2020" and "20/0l/2O20".
_DATE = re.compile(rf"(?<![\w/])([{_DIGITISH}]{{1,2}})\s*/\s*([{_DIGITISH}]{{1,2}})"
                   rf"\s*/\s*([{_DIGITISH}]{{4}})(?!\w)")


# "V/v" (về việc) opening a letter's subject line, which Tesseract reads as "VWw", "V/w", "Vlv":
# only at the start of a line and before a lower-case word, where nothing else is written.
_SUBJECT_PREFIX = re.compile(r"^V[/|lI1\\]?[WwVv]{1,2}(?=\s+[a-zà-ỹđ])")


def _digits(token: str) -> str:
    return token.translate(_LOOKALIKE)


def _fix_doc_number(match: re.Match[str]) -> str:
    number, year, codes = match.groups()
    codes = re.sub(r"\s*-\s*", "-", codes)
    return "/".join(_digits(p) for p in (number, year) if p) + f"/{codes}"


def _fix_date(match: re.Match[str]) -> str:
    parts = [_digits(g) for g in match.groups()]
    if not all(p.isdigit() for p in parts) or sum(c.isdigit() for c in "".join(match.groups())) < 4:
        return match.group(0)
    return "/".join(parts)


def fix_ocr_text(text: str) -> str:
    """`text` with document numbers, dates and digit runs repaired; nothing else changes."""
    text = text.translate(_ETH)
    text = _SUBJECT_PREFIX.sub("V/v", text)
    text = _DATE.sub(_fix_date, text)
    text = _DOC_NUMBER.sub(_fix_doc_number, text)
    return _DIGIT_RUN.sub(lambda m: _digits(m.group(0)), text)
