"""Abbreviations derived from the initials of the genre's multi-word terms (VBĐT = văn bản điện tử).

Why: the reports and staff abbreviate every recurring term of administrative reform by the first
letter of each syllable (chữ ký số → CKS, cơ sở vật chất → CSVC), and a query typed with such an
abbreviation matched only those letters when nobody had written it into synonyms.toml by hand
("sử dụng CKS, VBĐT" found the findings saying "sử dụng", not "chữ ký số"): the hand list
only grows from errors somebody has read. Derived from the terms the project already lists
(synonyms.toml's members), an abbreviation of a listed term works the first time it is typed:
it brings its term's synonym set, on both engines alike (they receive the same plan). One way
only: a term typed in full is not searched for its derived abbreviation, which no report was
seen writing (else the hand list would hold it), and most queries would carry a few
(index/query/lexicon.py: Lexicon.abbreviations).

Measured (benchmarks/train_ranker.py --cv, 476 queries): with the 80 hand-written abbreviations
that another member's initials spell removed from synonyms.toml, synonym queries score 0.744 over
five folds without the rule and 0.762 with it (0.806 with the hand list). Both ways (a term typed
in full also searched for its derived abbreviation, as for a hand-written member) gave 0.783,
the rest being findings that write an abbreviation (UBND, CBCC), but 246 of the 476 judged
queries then carried abbreviations no finding holds (3447 alternatives against 2874), a cost
on every search for findings the hand list already reaches. What the rule does not give back is
the hand list's two-letter forms (BC, KH, NQ, NĐ) and BCĐ, which "biển chức danh" makes
ambiguous. Tried and not kept: deriving from concepts.toml's terms too (each became a synonym
set of its own and changed how queries holding them are cut into groups: 0.822 → 0.814).

Only the sets synonyms.toml marks `term = true` are abbreviated (session 11): the genre
abbreviates its terms (bodies, systems, indexes, documents: UBND, DVCTT, VTVL), never the words
describing a finding, whose initials (CHQĐ for chậm hơn quy định, QTH for quá thời hạn, ĐLM for
đi làm muộn) name nothing and, as derived members, only wait to shadow a real abbreviation. A
paraphrase set still makes initials it shares ambiguous (two things to a reader). Of 165 derived
forms 58 remain; CV unchanged (no judged query types a paraphrase's initials).

The rules (which syllables are skipped, the fewest letters, the rejected forms) are data,
index/vi/initials.toml; this module compiles them and derives the members.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.normalize import fold

INITIALS_FILE = Path(__file__).with_name("vi") / "initials.toml"
_TOKEN = re.compile(r"[^\W_]+")
# A syllable of Vietnamese, folded: onset, one to three vowels, coda; "k" stands only before e, ê,
# i, y and "c" never does, so "ko" (không typed short) is none. Initials spelling one ("TƯ" of
# trung ương folds to "tu") would match that word wherever it is typed without accents.
_SYLLABLE = re.compile(r"(?!k[aou]|c[eiy])(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                       r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


@dataclass(frozen=True)
class InitialsRules:
    """How the genre abbreviates a term (index/vi/initials.toml)."""

    skipped: frozenset[str]  # syllables left out, lower case ("và")
    shortest: int  # the fewest letters an abbreviation derived here may have
    rejected: frozenset[str]  # forms never derived, folded lower case


def is_syllable(token: str) -> bool:
    """Whether `token` (any case, accents or not) is spelt as one Vietnamese syllable: the one
    test of it, for the derived abbreviations here and the tests of the hand-written ones
    (synonyms.toml, shorthand.toml), which must be none either."""
    return _SYLLABLE.fullmatch(fold(token).lower()) is not None


def initials_of(term: str, rules: InitialsRules) -> str | None:
    """The abbreviation of `term` by its initials ("văn bản điện tử" → "VBĐT"; an abbreviation
    inside the term is kept whole: "DVC trực tuyến" → "DVCTT"), or None when the term is one
    word, holds a digit, or holds a word that is no Vietnamese syllable (a Latin or lower-case
    abbreviation: "phần mềm igate" is not abbreviated so by anyone)."""
    tokens = _TOKEN.findall(term)
    if len(tokens) < 2:
        return None
    letters: list[str] = []
    for token in tokens:
        if token.lower() in rules.skipped:
            continue
        if any(c.isdigit() for c in token):
            return None
        if len(token) > 1 and token.isupper():
            letters.append(token)
        elif is_syllable(token):
            first = token[0].lower()
            letters.append("Đ" if first == "đ" else fold(first).upper())
        else:
            return None
    return "".join(letters)


def _key(form: str) -> str:
    """How two spellings of one abbreviation are compared: folded, lower case, letters only."""
    return "".join(_TOKEN.findall(fold(form).lower()))


def derived_initials(sets: Sequence[Sequence[str]], rules: InitialsRules,
                     terms: Collection[int] | None = None) -> list[tuple[str, Sequence[str]]]:
    """The safe abbreviations by initials of the members of the sets of `sets` (synonym sets,
    members as written) that are `terms` (their indexes; every set when None), each with the set
    it abbreviates. Safe: at least `rules.shortest` letters, no Vietnamese syllable, not
    rejected, not already written whole as a member of any set (written by hand wins, and a
    member belongs to one set), and spelt by the initials of one set only, term or not (two sets
    whose members have the same initials name two things to a reader: neither gets it)."""
    written = {_key(m) for members in sets for m in members if len(_TOKEN.findall(m)) == 1}
    found: dict[str, dict[int, str]] = {}  # abbreviation (compared) → the sets giving it → as derived
    for k, members in enumerate(sets):
        for member in members:
            form = initials_of(member, rules)
            if form is None:
                continue
            key = _key(form)
            if (len(key) < rules.shortest or key in written or key in rules.rejected
                    or is_syllable(key)):
                continue
            found.setdefault(key, {}).setdefault(k, form)
    return [(form, sets[k]) for givers in found.values() if len(givers) == 1
            for k, form in givers.items() if terms is None or k in terms]


def term_sets(entries: Sequence[Mapping[str, object]]) -> frozenset[int]:
    """The indexes of synonyms.toml's [[set]] tables marked `term = true`: the sets naming a term
    of the genre (a body, system, index, document), the only ones the genre abbreviates by their
    initials. A set describing a finding (trễ hẹn, chậm hơn quy định, đi muộn) is not: its
    initials (CHQĐ, ĐLM) name nothing, and could only shadow a real abbreviation."""
    marks = [(k, entry.get("term", False)) for k, entry in enumerate(entries)]
    if any(not isinstance(mark, bool) for _k, mark in marks):
        raise ValueError("synonyms.toml: `term` is true or false")
    return frozenset(k for k, mark in marks if mark)


def compile_rules(data: dict[str, object]) -> InitialsRules:
    """The rules from initials.toml's table."""
    skipped = data.get("skipped", [])
    rejected = data.get("rejected", [])
    shortest = data.get("shortest", 3)
    if not isinstance(skipped, list) or not isinstance(rejected, list) or not isinstance(shortest, int):
        raise ValueError(f"{INITIALS_FILE.name}: `skipped` and `rejected` are lists, `shortest` a number")
    return InitialsRules(frozenset(str(s).lower() for s in skipped), shortest,
                         frozenset(_key(str(r)) for r in rejected))


@lru_cache(maxsize=1)
def load_rules(path: Path = INITIALS_FILE) -> InitialsRules:
    """index/vi/initials.toml, compiled once per process."""
    return compile_rules(tomllib.loads(path.read_text(encoding="utf-8")))
