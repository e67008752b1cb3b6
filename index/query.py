"""The query language, parsed once, analysed once, for every search engine.

Why one module: SQLite FTS5 and Elasticsearch must read "phiếu hẹn" OR “sổ theo dõi” -"giấy
biên nhận" alike, or the same query finds different findings on each. So the user's text is
parsed here into one structure (`parse`), analysed into a `Plan` with the genre's knowledge
(`analyse`: question and function words, synonyms, words of the index, unit names), and each
engine only translates the plan into its own syntax (index/sqlite_fts.py, index/elastic.py).

The language: words; "quoted phrases" (straight, “curly”, ‘single’, «guillemets»; an unclosed
quote runs to the end); word* prefixes; -word and -"phrase" exclusions; OR between two terms,
where a term is a quoted phrase or the run of unquoted words on that side; the words offering a
choice (intents.toml [coordination]: "hoặc", how a Vietnamese user writes it, and a lowercase
"or") beside a quoted phrase are OR too, else words (the analysis reads them). Anything else
(punctuation, emoji) separates words and is otherwise ignored; HTML tags and entities pasted
from a page's source are markup, not words (index/markup.py). A document number
("139/QĐ-UBND") finds that document's findings; typed as documents cite it ("Quyết định số
139/QĐ-UBND"), the kind and "số" before it are the citation, not search words
(`Lexicon.citation_before`): else findings holding "số" would fill the page.

Matching rules the plan carries, for the engines to apply:
- a syllable typed with accents matches only that accented form (tone placement does not
  count: hoà = hòa); one typed without accents matches every form (`Alternative.accented`),
  unless it is alone (in no word) and the index writes one form beside its neighbours
  (index/lone_reading.py: "so theo doi" → sổ); one typed with accents that the index's own text
  makes improbable beside its neighbours, a close spelling making a word of the index with them
  far more often, is searched as that spelling (index/spelling.py: "nguyên nhâm" → nhân, "vật
  chât" → chất); both are `Plan.corrections`, which the CLI says: "searched for nhân (typed
  nhâm)";
- each required `Group` must match (conjunction); when fewer than a page of findings match
  them all, findings matching `Plan.minimum` of them (of the groups but the frame's) come next
  (`Plan.falls_back`), and only when that finds nothing at all, those matching half of them
  (`Plan.last_resort`, counted as `minimum` is: `Plan.groups_but_frame`): a query
  should not come back empty while findings share most of its words; a finding of these
  partial stages holds one topical group at least (`Plan.topical`): with two groups,
  `minimum` is one, and "xã nào chưa cấp phiếu hẹn" would else admit every finding saying
  "chưa" as soon as fewer than a page hold both — a negation alone never admits a finding;
  nor does the genre's frame alone ("bộ phận một cửa" of "trang thiết bị bộ phận một cửa",
  `Plan.stage_topical`) when the query has a matter group: the frame says where, not what,
  and such a finding joins the fill;
- when those stages find fewer findings than a page holds (the query's limit, whatever the
  offset, so totals do not change while paging), they are followed by the
  findings matching at least one group (`Plan.fills`; a sense group alone does not count:
  `Plan.topical`), ranked strictly below every finding of the stages, by the idf-weighted
  groups they match (`Plan.weights`: idf; a sense group the heaviest, a unit named in the
  query heavier still), then polarity, then bm25: a query whose words no
  finding holds together still shows the findings holding its rarest one; the fill also
  admits findings holding the words inside a group's multi-word term (`Plan.parts`: "trực
  tuyến" of "dịch vụ công trực tuyến"), each counting a share of its group's weight where
  the group itself did not match (`Plan.weights`), so a query of one term fills its page too;
- the matter tier (`Plan.matter_tier`: the query names a matter or an area, index.base.Query.matters
  and Query.areas, and the stages found fewer findings than a page holds) comes after the
  stages and before the fill, a fill finding of it moving up into it; it admits, of the
  polarity asked for only (the matter in the opposite sense answers nothing: "đều đeo thẻ" for
  "không đeo thẻ"), in this order: findings whose own theme is one of the matters, then those
  speaking of the strongest matter besides their own (FindingRecord.themes: a weaker matter
  spoken of besides is two weak readings together, and brought findings at random), then those
  of an area the query names whole; among those of the matters, the strongest matter's first;
  within each, the findings holding some of the query's groups first (ranked as the fill), then
  those holding none, ranked by bm25 of the words inside the groups' terms and all their
  synonyms (`Plan.related`: "vắng mặt" of "vắng mặt không lý do" for "nghỉ làm không phép"),
  of the narrower terms of the concepts it asks (`Plan.instances`: "máy lấy số" for "cơ sở vật
  chất") and of the fill's parts (`Plan.parts`) alone (`Plan.bare_ranked`: not by a syllable of a
  typed term, nor by the optional words), then the newest: in a large matter, the ones saying
  the query's thing in other words first;
- the partial stages give way to the matter tier (`Plan.matter_first`) when the query names a
  matter or an area and its topical groups no finding holds outweigh by idf those some finding
  holds: a partial match then holds only the query's commoner words ("điểm … đơn vị" for "điểm
  SIPAS các đơn vị", no finding saying SIPAS) and joins the fill, after the matter that the absent
  word names (the satisfaction surveys);
- when the stages, the matter tier and the fill find nothing at all (no finding holds any of the
  query's terms) and no filter is set, the composed search (pipeline/search.py) runs the query's
  loosest reading (`Plan.loosened`): the syllables of its terms, one group each, a lone syllable
  typed with accents folded; its findings are marked as such (index.base.TIER_SYLLABLES);
- findings holding the whole query as typed (`Plan.exact`) rank first in their tier; a query
  of one group with synonyms has its typed words as `exact`, so "quá hạn" ranks the findings
  saying "quá hạn" before those saying its synonym "trễ hẹn" (the typed tier);
- a unit name in the query, quoted or not, matches the findings about that unit (or a unit
  inside it) as well as the findings holding the name (`Group.unit`): quotes ask for the
  words in a row, not for fewer findings about the place; a name that is also a common word
  ("an ninh", "thống nhất") is the unit only typed after a level word or capitalised as a name
  ("xã an ninh", "An Ninh"; `names_place` says why), or, when no finding writes it but as the
  name, typed lowercase without accents or with the name's own; a level abbreviated before a
  name ("TP Quy Nhơn", "tx an nhơn") is the level word (`_abbreviated_unit`);
- a query asking for a polarity (`Plan.polarity`, from index/vi/intents.toml: "hạn chế …",
  "ưu điểm …", "đề nghị …", "chưa …") ranks findings of that polarity first among those
  matching as many groups, and a query naming it by the report's category word, no question
  (`Plan.section`: "hạn chế trong …"), every finding of that polarity before any other, its
  tiers decided on those alone; the category word itself is not required (`Plan.optional`); of
  several cues the one naming what is asked decides (`Lexicon.asked`: the first, but in a
  question the comment after "thì" and the cue a "gì"/"thế nào" asks about: "cán bộ chưa đạt
  chuẩn thì đoàn kiểm tra kiến nghị xử lý thế nào" asks for recommendations); a failing that a
  verb of reducing or ending acts on names none (`Lexicon.reduced_at`, intents.toml [reducing]:
  "xã nào giảm được tỉ lệ hồ sơ trễ hạn", "không còn hồ sơ quá hạn");
- the query's structure (`_cut_run`): matters offered as a choice ("X hoặc Y",
  intents.toml [coordination]) are one group of alternatives, the rest staying required
  (`_coordinated`; a list, by a comma or "và", is not: it names one heading, whose findings
  naming both answer best); a collective compound ("sổ sách", synonyms.toml [[collective]]) is a group
  of itself or its head ("sổ": `with_collectives`); a cue of praise or sanction followed by another
  verb of its kind ("biểu dương khen thưởng", intents.toml [reading] `acts`) is the act asked
  about, one group of both verbs, no section (`Lexicon.act_pair`); after words of the topic, the
  word a preposition of place introduces ("… ở 1 cửa", [setting]), the working hours "trong"
  introduces ("… trong giờ hành chính", [setting] times), the province the topic is measured
  in ("PAR index tỉnh", [setting] levels; not the levels below it, which name the matter's tier:
  "công chức cấp xã") and, in a question, the words of a clause of circumstance ("… khi đoàn đến kiểm tra",
  [reading] circumstances) are ranked, not required: they say where and when, not what; a
  function word wins over a rare dictionary word it would start or end ("nào hay", "dân
  khí": `Lexicon.bounded`), and no word spans a list mark;
- a question asking for more than its topic ("tại sao …", intents.toml [[answer]]) carries
  the words an answer holds (`Plan.answer`: "nguyên nhân", "là do"), never required, counting
  as one group more for the findings holding one;
- a word of two syllables or more typed without accents carries its accented reading when the
  reading is clear (`Plan.restored`, index/accents.py says when and why: "ky luat" is kỷ luật,
  "ho so" hồ sơ; "bo may" stays folded, the dictionary knowing three readings and the genre's
  data none): never required, so the folded form still matches everything it can mean, but
  ranked in the folded word's place (bm25 on the accented text, the reading as written:
  `Alternative.literal`, `ranked_units`), as the query typed with its accents would rank, so
  among findings matching as many groups the ones writing the reading come first; the accents
  a user typed are kept, and narrow an ambiguous word to the reading they agree with;
- a question word of one syllable typed without accents ("gi", "dau", "may") is read as the
  question word where its neighbour's clear reading writes it so ("lam gi", "o dau", "thu may")
  or, asking for content ("gi"), it ends the query read no other way (`Lexicon.question_read_at`),
  and then as typed with its marks by every reader of the grammar; elsewhere it is the word of
  its spelling ("may tra cuu": máy, "con dau": dấu).
"""

from __future__ import annotations

import dataclasses
import html
import importlib.util
import math
import re
import tomllib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.agencies import Agency, agencies, syllables
from core.doc_kinds import cited_codes, cited_kinds
from core.errors import ConfigError
from core.inspectors import names_inspector
from core.levels import (
    ALL_LEVELS,
    FOLDED_WORDS,
    PROVINCE_LEVELS,
    Level,
    level_of_abbreviation,
    row_of,
    split_level,
)
from core.normalize import canonical_tones, fold, lower_same_length, matching_form
from index.accents import Readings, WordList, compile_readings, reading, unwritten, written_as
from index.definitions import Definition, DefinitionRules, abbreviation_key
from index.definitions import load_rules as load_definition_rules
from index.folded_slips import folded_slips
from index.initials import derived_initials, is_syllable, load_rules, term_sets
from index.lone_reading import lone_readings
from index.markup import unmarked
from index.matching import folded_syllable, is_accented, matches_at, syllable_matches
from index.period import Periods, load_periods
from index.sectors import sectors
from index.shorthand import load_shorthand
from index.spelling import Correction, corrections, genre_syllables

if TYPE_CHECKING:  # index.concepts reads this module: the type only, for Plan.concepts
    from index.concepts import Concept

DATA = Path(__file__).with_name("vi")
STOPWORDS_FILE = DATA / "query_stopwords.txt"
SYNONYMS_FILE = DATA / "synonyms.toml"
INTENTS_FILE = DATA / "intents.toml"
FRAME_FILE = DATA / "frame_words.txt"
CONCEPTS_FILE = DATA / "concepts.toml"

OPEN_QUOTES = "\"“”„‘’‚«»"
_CLOSING = {"“": "”", "„": "“", "‘": "’", "‚": "‘", "«": "»", "»": "«"}  # else the same character
_WORD = re.compile(r"[^\W_]+")
_OR = "OR"
# "139/QĐ-UBND", "12/2019/TT-BNV": digits, a slash, then letters; how Vietnamese documents are numbered.
_DOC_NUMBER = re.compile(r"^\d+/(?:\d+/)?[^\W\d_]")
FRAME_GAP = "…"
ACCENTS_ONLY = "[accents]"
OPTIONAL = "[optional]"  # a stopword entry that is ranked (and part of the exact phrase), not dropped
LEVEL = "[level]"  # in a stopword entry, stands for each level word of core/levels.py ("[level] nào")
NUMBER_WORD = "số"  # "Quyết định số 139/QĐ-UBND": how a document number is cited (NĐ 30/2020)
MAX_WORD_SYLLABLES = 4  # longest word or unit name looked up in the index's vocabulary
# The marks by which a query lists things ("bộ máy, nhân sự", "đúng hạn; trước hạn"): the query
# language's punctuation, read by `parse` into Term.listed. No word of the cut spans one (a known
# boundary); they do not make alternatives of the things listed (`_coordinated` says why).
LIST_MARKS = ",;"
SETTING_FORMS = 3  # of a setting's synonyms, the first ones ranked (each costs a ranked unit)
# Word-list entries as (syllables, only with accents), longest first (`_entries`).
Entries = tuple[tuple[tuple[str, ...], bool], ...]
# The unit names a query may name lowercase though they are common words (`names_place`): folded
# name → its spellings as the index writes it (syllables, lowercase, tones canonical), where the
# query typed it with accents; a name typed folded is the place whatever its spellings.
Places = Mapping[str, tuple[tuple[str, ...], ...]]


# ----------------------------------------------------------------------------------------------- parsing


@dataclass(frozen=True, slots=True)
class Term:
    """One thing the user typed: a word, or a quoted phrase; syllables lowercase, tones canonical."""

    syllables: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    number: str | None = None  # filter key of a document number typed as a word ("139/QĐ-UBND")
    capitals: tuple[bool, ...] = ()  # per syllable, whether it was typed capitalised ("An Ninh")
    joined: bool = False  # one unquoted word of parts joined by inner punctuation ("TN&TKQ")
    listed: bool = False  # a list mark (`LIST_MARKS`: "bộ máy, nhân sự") typed right after it


@dataclass(frozen=True, slots=True)
class Parsed:
    """The parse: positive clauses in order (each one term, or several joined by OR) and exclusions.

    `empty_input` says the text held nothing at all; a text of only punctuation or emoji is not
    empty input but has no clauses, and must find nothing rather than everything.
    """

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]
    empty_input: bool


# Lowercase, canonical-tone syllables of `text` (letters and digits; the rest separates): how the
# query, the reranker (a finding's text) and the concepts (their terms) cut a text. The agency
# table's cut, so a query's agency names match as the table's do.
syllables_of = syllables


def _lex(text: str, or_words: Entries) -> list[tuple[str, str, bool]]:
    """The text as (kind, body, negated) tokens: kind "phrase", "word", or "or" (OR, or one of
    `or_words` where `_connectives` reads it so)."""
    tokens: list[tuple[str, str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = ch == "-" and i + 1 < n and not text[i + 1].isspace() and (i == 0 or text[i - 1].isspace())
        start = i + 1 if negated else i
        if start < n and text[start] in OPEN_QUOTES:
            close = _CLOSING.get(text[start], text[start])
            end = start + 1
            while end < n and text[end] != close and not (text[end] in OPEN_QUOTES and close in "\"”’"
                                                          and text[end] in "\"”’"):
                end += 1
            tokens.append(("phrase", text[start + 1:end], negated))
            i = end + 1
            continue
        end = start
        while end < n and not text[end].isspace() and text[end] not in OPEN_QUOTES:
            end += 1
        body = text[start:end]
        if body == _OR and not negated:
            tokens.append(("or", body, False))
        elif body:
            pieces = _unglued(body)
            tokens.extend(("word", piece, negated and k == 0) for k, piece in enumerate(pieces))
        i = max(end, start + 1)
    return _connectives(tokens, or_words)


def _unglued(body: str) -> list[str]:
    """A word token cut after each list mark typed with no space between two words ("muộn,về",
    "sơ;số"): staff typing fast, above all on a phone, leave the space out, and the mark still lists
    (Term.listed), as it does with the space. Not between two digits ("3,4", "92,16": a decimal
    comma or a number list, one token as the index reads it), nor between two capitals
    ("CB,CC,VC": the genre writes its staff abbreviations so, one term). A slash between two
    lowercase words offers either ("giấy hẹn/phiếu hẹn", "đi muộn/về sớm"): it lists them too,
    the piece before it ending in a list mark. Not where a short code stands on either side
    ("139/QĐ-UBND", "nq/tw", "v/v": a document's number or kind, read whole as the index does)."""
    pieces: list[str] = []
    start = 0
    for k in range(1, len(body) - 1):
        before, after = body[k - 1], body[k + 1]
        if (body[k] in LIST_MARKS and before.isalnum() and after.isalnum()
                and not (before.isdigit() and after.isdigit())
                and not (before.isupper() and after.isupper())):
            pieces.append(body[start:k + 1])
            start = k + 1
        elif body[k] == "/" and _offers_either(body[:k], body[k + 1:]):
            pieces.append(body[start:k] + LIST_MARKS[0])
            start = k + 1
    pieces.append(body[start:])
    return pieces


_LETTERS_END = re.compile(r"[^\W\d_]+$")
_LETTERS_START = re.compile(r"^[^\W\d_]+")


def _offers_either(left: str, right: str) -> bool:
    """Whether a slash between `left` and `right` (the token's text on each side) stands between two
    words: the letters touching it on each side spelt as a Vietnamese syllable and not in capitals
    ("hẹn/phiếu", "muộn/Về", "hen/phieu"), not a code ("qđ/ubnd", "nq/tw", "v/v", "TN/MT":
    index/initials.py, is_syllable, the one test of it)."""
    runs = [m.group() if m else "" for m in (_LETTERS_END.search(left), _LETTERS_START.search(right))]
    return all(run and is_syllable(run) and not (len(run) > 1 and run.isupper()) for run in runs)


def _connectives(tokens: list[tuple[str, str, bool]], or_words: Entries) -> list[tuple[str, str, bool]]:
    """The tokens with each word of `or_words` (a word of one syllable, under the matching rule)
    standing between two terms, one of them a quoted phrase, read as OR. Between unquoted words
    it stays a word: the analysis reads it as joining the two matters beside it (`_coordinated`:
    "chưa gửi văn bản điện tử hoặc chưa dùng chữ ký số" is not the phrase "… văn bản điện tử" or
    the phrase "chưa dùng chữ ký số"). At either end, or beside OR, it stays a word."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        kind, body, negated = out[k]
        if (kind == "word" and not negated and _is_or_word(body, or_words)
                and "phrase" in (out[k - 1][0], out[k + 1][0])
                and out[k - 1][0] != "or" and out[k + 1][0] != "or" and not out[k + 1][2]):
            out[k] = ("or", body, False)
    return out


def _is_or_word(body: str, or_words: Entries) -> bool:
    """Whether a word token is, whole, one of `or_words` ("hoặc", "or"; not "hoặc," nor "hoặc-là")."""
    syllables = syllables_of(body)
    return len(syllables) == 1 and _WORD.fullmatch(body) is not None \
        and _entry_at(or_words, syllables, 0) == 1


def parse(text: str, or_words: Entries | None = None) -> Parsed:
    """Cut user text into terms, phrases, prefixes, exclusions and OR clauses.

    A word with inner punctuation ("139/QĐ-UBND", "BPTN&TKQ") becomes a phrase of its parts,
    which is how the index sees it. OR between two terms joins them into one clause; OR at
    either end, or twice in a row, is ignored. `or_words`: the words offering a choice
    (`load_coordinators`, intents.toml [coordination], by default), OR beside a quoted phrase.
    The shorthand staff type for a word ("ko", "hs": index/shorthand.py) is read as the word,
    and HTML markup pasted in ("<b>phiếu</b> hẹn": index/markup.py) is not read at all: the words
    are those the text typed without it. A text of markup alone is not empty input (it finds
    nothing, as punctuation alone does, rather than everything).
    """
    or_words = load_coordinators() if or_words is None else or_words
    typed = text
    text = load_shorthand().expand(unmarked(text))
    runs: list[list[Term]] = []  # positive terms, each list one OR-clause in progress
    excluded: list[Term] = []
    joining = False
    for kind, body, negated in _lex(text, or_words):
        if kind == "or":
            joining = bool(runs)
            continue
        source = body.rstrip("*") if kind == "word" else body
        syllables = syllables_of(source)
        if kind == "word" and runs and not joining and _lists(body, syllables):  # "bộ máy , nhân sự"
            runs[-1][-1] = dataclasses.replace(runs[-1][-1], listed=True)
        if not syllables:
            continue
        prefix = kind == "word" and body.endswith("*")
        raw = body.strip(".,;:()[]")
        number = filter_key(raw) if kind == "word" and _DOC_NUMBER.match(raw) else None
        term = Term(syllables, phrase=kind == "phrase" or len(syllables) > 1, prefix=prefix, negated=negated,
                    number=number, capitals=_capitals(source), joined=kind == "word" and len(syllables) > 1,
                    listed=kind == "word" and body.rstrip(")]").endswith(tuple(LIST_MARKS)))
        if negated:
            excluded.append(term)
            continue
        if joining and runs:
            runs[-1].append(term)
        else:
            runs.append([term])
        joining = False
    return Parsed(_join_or_runs(runs), tuple(excluded), not typed.strip())


def _lists(body: str, syllables: Sequence[str]) -> bool:
    """Whether a word token is a list mark standing alone, or opens with one ("bộ máy ,nhân sự"):
    the mark then follows the word before it."""
    return body[:1] in LIST_MARKS and (not syllables or not body[1:2].isspace())


def _capitals(text: str) -> tuple[bool, ...]:
    """Per syllable of `text` (as `syllables_of` cuts it), whether its first letter is a capital."""
    return tuple(s[:1].isupper() for s in _WORD.findall(canonical_tones(text)))


def _join_or_runs(runs: list[list[Term]]) -> tuple[tuple[Term, ...], ...]:
    """OR's operand is the whole run of unquoted words on its side: "phiếu hẹn OR sổ theo dõi"
    means (phiếu hẹn) OR (sổ theo dõi), as a user means it, so each side becomes one phrase."""
    out: list[tuple[Term, ...]] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        if len(run) == 1:
            out.append(tuple(run))
            i += 1
            continue
        # run = [last word before OR, first word after, ...]: widen each side over its words.
        left = [run[0]]
        while out and len(out[-1]) == 1 and _loose(out[-1][0]) and _loose(left[0]):
            left.insert(0, out.pop()[0])
        alternatives = [_as_phrase(left)]
        for j, term in enumerate(run[1:], 1):
            right = [term]
            if j == len(run) - 1 and _loose(term):
                while i + 1 < len(runs) and len(runs[i + 1]) == 1 and _loose(runs[i + 1][0]):
                    i += 1
                    right.append(runs[i][0])
            alternatives.append(_as_phrase(right))
        out.append(tuple(alternatives))
        i += 1
    return tuple(out)


def _loose(term: Term) -> bool:
    """A single unquoted word (not a prefix), which OR may gather into its operand."""
    return not term.phrase and not term.prefix


def _as_phrase(terms: list[Term]) -> Term:
    if len(terms) == 1:
        return terms[0]
    return Term(tuple(s for t in terms for s in t.syllables), phrase=True, prefix=terms[-1].prefix,
                capitals=tuple(c for t in terms for c in t.capitals))


# ----------------------------------------------------------------------------------------------- the genre


def run_starts(typed: Sequence[str], term: Sequence[str]) -> Iterator[int]:
    """Where `term` begins in `typed` under the matching rule (`syllable_matches`), each place
    in order: how the concepts file's terms (index/concepts.py) and the indicators' names
    (index/indicators.py) are found in a query."""
    return (at for at in range(len(typed) - len(term) + 1) if matches_at(typed, term, at))


def holds_run(typed: Sequence[str], term: Sequence[str]) -> bool:
    """Whether `term` occurs in a row in `typed` under the matching rule (`run_starts`)."""
    return next(run_starts(typed, term), None) is not None


@dataclass(frozen=True, slots=True)
class Cue:
    """A word by which a query asks for findings of one polarity (index/vi/intents.toml).

    What becomes of the word itself: not `required`, it is a ranked word (a category word:
    "hạn chế"), or dropped like a stop word when not `kept` (a grammatical marker: "bị");
    `required`, it stays a required word, carrying the query's sense when `sense` (a negation:
    "chưa"), else an ordinary word of the topic (an action the recommendations prescribe:
    "xử lý kỷ luật")."""

    syllables: tuple[str, ...]
    polarity: str
    required: bool  # stays a required word besides preferring the polarity
    accents_only: bool = False  # counts only typed with its accents (its folded form is another word)
    sense: bool = True  # a required cue's group carries the query's sense (Group.sense)
    kept: bool = True  # a cue not required is a ranked word; else dropped, only its polarity read
    # The phrases holding the cue's word that are another word (the noun "yêu cầu" of "đáp ứng yêu
    # cầu", not the verb of the recommendations): each phrase and where the cue starts in it.
    unlike: tuple[tuple[tuple[str, ...], int], ...] = ()
    # The syllables the cue opens with that only lead to its word ("còn nhiều" of "còn nhiều tồn
    # tại", intents.toml `before`): read with it, never ranked, as the word itself is.
    lead: int = 0
    # The nouns the cue's word must follow to be the cue (intents.toml `after`: "hay" is "good"
    # after "mô hình", the conjunction "or" elsewhere); they stay words of their own.
    after: tuple[tuple[str, ...], ...] = ()
    # Whether the cue names its polarity only in a query that is a question (intents.toml
    # `only_in_questions`: the passive "bị" asks about a failing in "vì sao hồ sơ bị quá hạn", names
    # the matter in "hồ sơ bị trả lại"); elsewhere the word is read as the cue, its polarity not.
    only_in_questions: bool = False
    # The words the cue's word must precede to be the cue (intents.toml `objects`: "yêu cầu" before
    # the public, "yêu cầu người dân nộp thêm giấy tờ", is the act the one-stop decree forbids, a
    # failing; before anything else it heads a recommendation); they stay words of their own.
    objects: tuple[tuple[str, ...], ...] = ()
    # Whether the cue's word names no failing as the object or the subject of a verb of reducing
    # (intents.toml `reducible`, [reducing]: "giảm tỉ lệ hồ sơ trễ hạn"; `Lexicon.reduced_at`).
    reducible: bool = False

    def follows_head(self, typed: Sequence[str], at: int) -> bool:
        """Whether the cue at `at` stands right after one of the nouns it must follow (`after`),
        true for a cue needing none. Why: a word of the grammar after a noun of method is an
        adjective judging it ("mô hình hay", "cách làm hiệu quả"), elsewhere the grammar's word
        ("hay": or; "hiệu quả" of "nâng cao hiệu quả" is the matter)."""
        return not self.after or any(at >= len(head) and matches_at(typed, head, at - len(head))
                                     for head in self.after)

    def takes_object(self, typed: Sequence[str], at: int,
                     ends: Callable[[int, int], bool] = lambda start, stop: True) -> bool:
        """Whether the cue at `at` stands right before one of the words it must precede
        (`objects`), true for a cue needing none. Why: a verb's object says whose act it is, and
        Vietnamese puts the object right after the verb ("yêu cầu người dân bổ sung hồ sơ": the
        office demanding of the citizen; "yêu cầu UBND xã khắc phục": the inspection's order).
        `ends(start, stop)`: whether the query's words cut from `start` end one at `stop`
        (`_cut_ends`), so that an object's syllables opening a longer word are no object ("yêu
        cầu dân chủ", "yêu cầu dân số": democracy, the population; not a request to the public)."""
        end = at + len(self.syllables)
        return not self.objects or any(matches_at(typed, obj, end) and ends(end, end + len(obj))
                                       for obj in self.objects)

    def other_word_at(self, typed: Sequence[str], at: int) -> bool:
        """Whether the cue's word at `at` (after its lead) lies in a phrase making it another word
        (`unlike`)."""
        at += self.lead
        return any(at >= start and matches_at(typed, phrase, at - start) for phrase, start in self.unlike)

    def typed_bare(self, syllable: str) -> bool:
        """Whether `syllable` is this cue typed without its marks: a cue of one syllable counting
        only with its accents ("bị", "còn") typed as its folded form ("bi", "con").

        Why one test for it: folded, the lone syllable is the cue or a content word of its
        spelling (con, cơn; bi, bì), which nothing in a query typed without accents tells apart.
        So the cue is read only where `Lexicon.folded_light_at` reads the syllable as a light
        word (`Lexicon._cue_written_at`); read there, it gives its polarity and is ranked, never
        dropped nor required (`_cut_run`); and ranked for that alone (a marker, a required cue), it
        names the finding's sense, no section of the report (`_is_category`)."""
        return (self.accents_only and len(self.syllables) == 1
                and syllable == folded_syllable(self.syllables[0]))


@dataclass(frozen=True, slots=True)
class Answer:
    """What a kind of question asks for beyond its topic (intents.toml [[answer]]): the words
    asking it (`asks`: "vì sao", "đứng đầu"), the words a finding answering it holds (`holds`:
    "là do", "xếp thứ"), and the phrases holding one of those words that are other words
    (`unlike`: "người đứng đầu", the head of a body, is no ranking), which count neither in the
    query nor in a finding. `alone`: the asking words make a question by themselves ("vì sao");
    else they ask only in a query that is a question by its other words ("đơn vị nào đứng đầu
    chỉ số CCHC", not "trách nhiệm đứng đầu"), and are then no required words: the finding says
    the ranking in its own words ("dẫn đầu", "xếp thứ 2"), so they are ranked only (`Plan.optional`)."""

    asks: tuple[tuple[str, ...], ...]
    holds: tuple[tuple[str, ...], ...]
    unlike: tuple[tuple[str, ...], ...] = ()
    alone: bool = True

    def asked_at(self, typed: Sequence[str], at: int) -> int:
        """How many syllables from `at` are one of the asking words, outside an `unlike` phrase
        ("đứng đầu" of "người đứng đầu" asks nothing); 0 when none."""
        size = next((len(a) for a in self.asks if matches_at(typed, a, at)), 0)
        return 0 if size and within(typed, at, size, self.unlike) else size


def _answer_holds(answers: Sequence[Answer]) -> tuple[tuple[str, ...], ...]:
    """The words the answers hold, each once, in order."""
    return tuple(dict.fromkeys(h for answer in answers for h in answer.holds))


def _answer_unlike(answers: Sequence[Answer]) -> tuple[tuple[str, ...], ...]:
    """The phrases holding an answer's word that are other words (`Answer.unlike`), each once."""
    return tuple(dict.fromkeys(u for answer in answers for u in answer.unlike))


def _ranked_asks(answers: Sequence[Answer]) -> tuple[tuple[str, ...], ...]:
    """The asking words of the answers asked in a question only (`Answer.alone` false): not
    required, ranked (a ranking question: "đơn vị nào đứng đầu" is answered by "dẫn đầu")."""
    return tuple(dict.fromkeys(a for answer in answers if not answer.alone for a in answer.asks))


def within(syllables: Sequence[str], at: int, size: int, phrases: Iterable[tuple[str, ...]],
           breaks: Collection[int] = ()) -> bool:
    """Whether the span of `size` syllables from `at` lies inside an occurrence of one of
    `phrases` (under the matching rule): "đứng đầu" inside "người đứng đầu". An occurrence across
    one of `breaks` (a syllable a clause mark stands before) is none: in "theo báo cáo, nguyên
    nhân là …" the report ends its clause, and no request "báo cáo nguyên nhân" is made."""
    return within_places(syllables, at, size, phrase_places(tuple(phrases)), breaks)


def within_places(syllables: Sequence[str], at: int, size: int, places: Mapping[str, PhrasePlaces],
                  breaks: Collection[int] = ()) -> bool:
    """`within`, the phrases read once into their places (`phrase_places`): the reranker asks it
    at each answer word of every pooled finding with the same query's phrases."""
    if not 0 <= at < len(syllables):
        return False
    for phrase, offset in places.get(folded_syllable(syllables[at]), ()):
        n, start = len(phrase), at - offset
        if start < 0 or start + n < at + size or start + n > len(syllables):
            continue
        crossed = any(start < b < start + n for b in breaks)
        if not crossed and matches_at(syllables, phrase, start):
            return True
    return False


# Where phrases may hold a span: each (phrase, offset of one of its syllables), `phrase_places`.
PhrasePlaces = tuple[tuple[tuple[str, ...], int], ...]


@lru_cache(maxsize=256)
def phrase_places(phrases: tuple[tuple[str, ...], ...]) -> dict[str, PhrasePlaces]:
    """Each phrase's syllables by their fold, as (phrase, offset): a phrase holds a span only
    where one of its syllables folds as the span's first does (the matching rule matches no
    other), so `within` tries those places, not every start of every phrase. Why remembered: the
    answers' `unlike` phrases run to hundreds (intents.toml [answer.requested]), and the lists
    are the lexicon's few, asked again at every query."""
    out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in phrases:
        for offset, syllable in enumerate(phrase):
            out.setdefault(folded_syllable(syllable), []).append((phrase, offset))
    return {key: tuple(places) for key, places in out.items()}


@dataclass(frozen=True, slots=True)
class Reducing:
    """The verbs of reducing and ending a failing (intents.toml [reducing]), each entry (syllables,
    only with accents), longest first: `verbs` before their object, with up to `reach` of the
    words of `between` (what counts or names the kind of what is reduced: "tỷ lệ", "tình trạng")
    between; `after`, said after their subject ("tỷ lệ hồ sơ trễ hạn giảm").

    Why: the object of a verb of reducing is a goal, which the good practice asked for reaches,
    not a failing that happened; a list of the phrases spelled out ("giảm tỷ lệ hồ sơ trễ hạn")
    missed every wording it did not multiply out ("tỉ lệ", "giảm được", "giảm tình trạng")."""

    verbs: Entries = ()
    between: Entries = ()
    after: Entries = ()
    reach: int = 0
    joining: Entries = ()  # the words joining two failings reduced by one verb ("và", "hoặc")
    # After the subject: the passives, which take no object ("đã được khắc phục"); the words of
    # degree a verb of `after` may take, with an object after them or none ("giảm mạnh", "giảm
    # đi"); and the words opening what is no object ("so với", "ở", "còn"): `Lexicon.objectless`.
    passive: Entries = ()
    degree: Entries = ()
    closing: Entries = ()

    def past_degree(self, typed: Sequence[str], at: int, marks: Collection[int] = ()) -> int:
        """`at` moved past the words of `degree` from it ("giảm đi đáng kể"), up to a list mark."""
        while at not in marks and (step := _entry_at(self.degree, typed, at)):
            at += step
        return at

    def objects(self, typed: Sequence[str], at: int) -> tuple[int, ...]:
        """Where the object of a verb starting at `at` may begin: right after the verb, or after
        each of up to `reach` words of `between`; none when no verb starts at `at`."""
        size = _entry_at(self.verbs, typed, at)
        if not size:
            return ()
        places = [at + size]
        while len(places) <= self.reach and (filler := _entry_at(self.between, typed, places[-1])):
            places.append(places[-1] + filler)
        return tuple(places)

    def governs(self, typed: Sequence[str], at: int) -> bool:
        """Whether a verb before `at` takes the word starting there as its object (`objects`)."""
        return any(at in self.objects(typed, start) for start in range(at))


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict a yes/no question asks of a standard (intents.toml [verdict]): one of `verbs`
    right after the frame's first word ("có đáp ứng …", "có đảm bảo …", "có đúng …"), then up to
    `reach` of the words of `between` ("được", "đủ"), then, when there, one of `standards` ("yêu
    cầu", "quy định", "hạn"), each entry (syllables, only with accents), longest first.

    Why: "X có đáp ứng yêu cầu … không" asks whether X meets the standard, and both answers are
    findings that state what was seen of X ("trụ sở xuống cấp", "100% công chức đạt chuẩn"), the
    verdict said or not; required, the verdict's words kept out every finding not repeating them."""

    verbs: Entries = ()
    between: Entries = ()
    standards: Entries = ()
    reach: int = 0

    def asked(self, typed: Sequence[str], first: int, end: int) -> tuple[tuple[str, ...], ...]:
        """The verdict's words as typed (its verb, and its standard when named) in a yes/no frame
        whose first word ends at `first` and whose last words start at `end`; none when no verb of a
        verdict stands there, or when nothing follows the verdict inside the frame: the dimension
        judged ("đáp ứng yêu cầu | năng lực", "đảm bảo | điều kiện làm việc") is then the matter the
        findings state, while a bare verdict ("có đáp ứng được yêu cầu không") is itself what is
        asked, its words the ones a finding answering holds ("chưa đáp ứng đầy đủ yêu cầu")."""
        size = _entry_at(self.verbs, typed, first)
        if not size:
            return ()
        words = [tuple(typed[first:first + size])]
        at, steps = first + size, 0
        while steps < self.reach and (filler := _entry_at(self.between, typed, at)):
            at, steps = at + filler, steps + 1
        if standard := _entry_at(self.standards, typed, at):
            words.append(tuple(typed[at:at + standard]))
            at += standard
        return tuple(words) if at < end else ()


# A share written as a fraction ("13/19 cán bộ", "vắng 3/11"): two numbers and a slash, not a date
# ("7/2/2017": a third part; a word of the calendar before it is intents.toml [amount] `dated`).
FRACTION = r"(?<![\d/])\d+\s*/\s*\d+(?![\d/])"


@dataclass(frozen=True, slots=True)
class Amount:
    """The amount a question asking which place compares its units by (intents.toml [amount]): one of
    `asks` outside the `unlike` phrases (entries of (syllables, only with accents), longest first);
    and the finding's side, a number with one of the nouns or marks a count is stated with, or a
    share written as a fraction (`counts`, matched on the finding's text in matching form).

    Why: "xã nào vắng nhiều cán bộ nhất" asks for the units to compare, and the finding stating how
    many for a unit answers it ("Xã Cát Tài … có đến 13/19 cán bộ xã vắng mặt"), while the report's
    summaries holding the same words ("Nhiều lãnh đạo, cán bộ … vắng mặt") state no amount."""

    asks: Entries = ()
    unlike: Entries = ()
    counts: re.Pattern[str] | None = None
    # The nouns naming a figure ("tỷ lệ", "số lượng", "bao nhiêu"), which ask for one in any query
    # (`names_figure`), not only in a which-place question
    figures: Entries = ()
    # What, right before a fraction, makes it no share (matched at the end of the text before it):
    # a word of the calendar or the day ("ngày", "chiều qua (13/9)": intents.toml `dated`), or a
    # cited document's kind ("Nghị định 45/2016", "Quyết định số 45/2016": its number)
    not_shares: re.Pattern[str] | None = None

    def asked(self, typed: Sequence[str]) -> bool:
        """Whether `typed` names an amount: one of `asks`, not inside an `unlike` phrase. The plan
        reads it only in a question asking which place (`Plan.amount_asked`): elsewhere the amount's
        word is the matter's ("kiêm nhiệm nhiều việc") or a measure's judgement, and a count told
        nothing of a finding there (intents.toml [amount] `why`)."""
        at = 0
        while at < len(typed):
            if size := _entry_at(self.unlike, typed, at):
                at += size
                continue
            if _entry_at(self.asks, typed, at):
                return True
            at += 1
        return False

    def asks_amount(self, typed: Sequence[str], place: bool) -> bool:
        """`Plan.amount_asked`: an amount named in a question asking which place (`asked`), or a
        figure named in any query (`names_figure`)."""
        return (place and self.asked(typed)) or self.names_figure(typed)

    def names_figure(self, typed: Sequence[str]) -> bool:
        """Whether `typed` names the figure it asks for (`figures`: "tỷ lệ giải quyết hồ sơ đúng
        hạn", "số lượng hồ sơ quá hạn", "tiến độ đạt bao nhiêu %"), in any query: the answer states
        it ("đúng, trước hạn là 77,98%", "998 hồ sơ"), where the report's orders and summaries on
        the same matter state none (intents.toml [amount] `figures`)."""
        return any(_entry_at(self.figures, typed, at) for at in range(len(typed)))

    def counted(self, text: str) -> bool:
        """Whether a finding's text states a count or a share ("14 người", "998 hồ sơ", "87,6%",
        "13/19"); a fraction after a word of `not_shares` (a date, a document's number) is none."""
        if self.counts is None:
            return False
        form = matching_form(text)
        return any(not (match.group("share") and self.not_shares
                        and self.not_shares.search(form, 0, match.start()))
                   for match in self.counts.finditer(form))


@dataclass(frozen=True, slots=True)
class ActPair:
    """Two verbs of commending or sanctioning read as the act asked about (`Lexicon.act_pair`)."""

    lead: int  # the syllables before the first verb: the passive's marker of its cue ("bị")
    size: int  # the syllables the pair takes, its lead included
    verbs: tuple[tuple[str, ...], ...]  # each verb as typed: one group of alternatives
    cue: Cue | None  # the cue whose polarity the pair prefers: None for two kinds (praise and blame)
    cue_at: int  # where that cue stands in the run


@dataclass(frozen=True)
class Lexicon:
    """What the genre says about queries: words to drop, question frames, synonym sets, the
    dictionary's words, polarity cues, what a question's answer holds, and how documents cite
    a document number."""

    stopwords: tuple[tuple[tuple[str, ...], bool], ...]  # (syllables, only with accents), longest first
    # (first words, last words, only with accents) of a yes/no question: "có … không", "… hay
    # không" (no first words: the last ones end the question alone); those with first words
    # first, then the longest last words
    frames: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...]
    synonyms: tuple[tuple[tuple[str, ...], ...], ...]  # sets of syllable tuples
    # Words of the language (a dictionary), folded "ho so" → the accented forms ("hồ", "sơ")
    dictionary: Mapping[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    cues: tuple[Cue, ...] = ()  # polarity cues, longest first
    # What a question asks for beyond its topic (Answer, intents.toml [[answer]]): "tại sao" →
    # "nguyên nhân", "là do"; "đứng đầu" in a question → "dẫn đầu", "xếp thứ"
    answers: tuple[Answer, ...] = ()
    # The kinds by which documents cite a document ("Quyết định", core/doc_kinds.toml), longest
    # first: typed before a document number with "số", they are its citation, not search words.
    citations: tuple[tuple[str, ...], ...] = ()
    # How a question is read for its polarity (intents.toml [reading], `asked`): the words ending
    # a topic ("thì"), and the question words asking for content or manner ("gì", "thế nào"),
    # each (syllables, only with accents), longest first.
    topic_ends: tuple[tuple[tuple[str, ...], bool], ...] = ()
    focus_words: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # The words making a query a question (intents.toml [reading] `questions`, `Lexicon.is_question`),
    # and the conjunctions opening a clause of circumstance ("khi", "nếu": `Lexicon.asked`).
    question_words: tuple[tuple[tuple[str, ...], bool], ...] = ()
    circumstances: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # The words asking which place (intents.toml [which], `asks_place`), as syllables, longest first.
    which_words: tuple[tuple[str, ...], ...] = ()
    # Whether a folded syllable that is an accents-only entry is ranked, not required
    # (`folded_light_at`); off in `without_cues`, where every word is one of the topic.
    folded_light: bool = True
    # The words offering a choice of two matters ("hoặc", not "và": intents.toml [coordination]), each
    # (syllables, only with accents), longest first: `_coordinated`.
    coordinators: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # The prepositions of place ("tại", "ở": intents.toml [setting]), and those of a time of
    # the working day with the time's first words ("trong giờ", [setting] times): after a topic,
    # the word they introduce is where or when the topic is asked about, a ranked word (`_cut_run`).
    settings: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # The words joining two category words of the reports into one request for both sections
    # ("ưu điểm và hạn chế": intents.toml [reading] `sections_joined`, `Lexicon.joins_sections`).
    sections_joined: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # The verbs of commending and sanctioning a person by kind (intents.toml [acts], `compile_acts`:
    # "praise", "sanction"), each (syllables, only with accents): a cue among them coordinated with
    # another names the act, a matter (`act_pair`).
    acts: tuple[tuple[str, tuple[tuple[tuple[str, ...], bool], ...]], ...] = ()
    # The level words naming the province a topic is measured in ("tỉnh", "toàn tỉnh":
    # intents.toml [setting] levels, LEVEL standing for each level word), matching folded too:
    # after a topic, ranked, not required (`_cut_run`, `_framing_level`).
    level_settings: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # The agencies every commune or province has a desk of, where the topic is done (intents.toml
    # [setting] agencies, canonical names of core/agencies.toml: the one-stop centre): after a
    # topic and a preposition of place, or in a question's clause of circumstance, ranked, not the
    # body asked for (`_cut_run`). Any other agency stays the body asked for, as a unit does.
    setting_agencies: frozenset[str] = frozenset()
    # The question words asking which of the thing named before them (intents.toml [reading]
    # `choosing`: "giải pháp nào", "hạn chế gì"; `Lexicon._asks_beside`).
    choosing: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # The verbs a question of manner asks about (intents.toml [reading] `manner_verbs`: "xử lý
    # thế nào"): right before a focus word, ranked, not required (`Lexicon.manner_verb_at`).
    manner_verbs: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # The polarity such a question of manner asks for (intents.toml [reading] `manner_asks`: how a
    # failing was handled is answered by the recommendations), None for none.
    manner_asks: str | None = None
    # The polarity of the matter whose handling such a question asks about (intents.toml [reading]
    # `manner_of`): a failing handled is remedied; anything else handled is processed ("xử lý phản
    # ánh kiến nghị", "xử lý hồ sơ"), a matter asked about, no polarity. None: any matter.
    manner_of: str | None = None
    # The verbs of reducing and ending a failing (intents.toml [reducing]): their object or subject
    # names no failing (`reduced_at`), and a cue of its polarity they are is the verb (`reduces_at`).
    reducing: Reducing = Reducing()
    # The verdict a yes/no question asks of a standard (intents.toml [verdict]): its words ranked, not
    # required (`framed_ranked`).
    verdict: Verdict = Verdict()
    # The amount a which-place question compares its units by (intents.toml [amount]): `Plan.amount_asked`,
    # and the counts a finding states (index/rerank.py: count_stated).
    amount: Amount = Amount()
    # The section answering next after the one a query asks for (intents.toml [sections] `paired`:
    # the shortcomings and the recommendations pair; `compile_paired`), as (asked, next) pairs.
    paired: tuple[tuple[str, str], ...] = ()
    # The genre's other phrases the query data writes (index/vi/concepts.toml terms: "tự kiểm
    # tra"): what tells a folded function word from a content word (`_read_otherwise`).
    phrases: tuple[tuple[str, ...], ...] = ()
    # The readings of the lexicon this one was cut from (`without_cues`): not compiled again.
    cut_from: Readings | None = field(default=None, compare=False, repr=False)
    # Abbreviations derived from the initials of a set's members (index/initials.py), each with
    # the index of its set in `synonyms`: typed, one brings its set; never an alternative of a
    # member typed in full (no report was seen writing it, and every query would carry them).
    abbreviations: tuple[tuple[tuple[str, ...], int], ...] = ()
    # Abbreviations read one way (synonyms.toml [[abbreviation]], `with_expansions`): each with
    # what it brings, itself first, then its long forms; typed, it brings them; a long form typed
    # is read as its words, as before (it is no member: a set would bind its words into one term).
    expansions: tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], ...] = ()
    # The synonym members marked "[accents]" in synonyms.toml, as syllables: a set's member only
    # when typed with its accents, as the word lists' entries so marked (`_written_at`), for a
    # member whose folded form is also the end of one word and the start of the next ("truong
    # ap": trưởng ấp, and "thủ trưởng áp dụng"). Typed with accents or as another member of its
    # set, it brings the set as any member does.
    accented_members: frozenset[tuple[str, ...]] = frozenset()
    # Each synonym member's words without its stop words (`content_form`), as typed or folded,
    # worked out on first use: the matters of every query naming a synonym read them.
    _content_forms: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, compare=False,
                                                       repr=False)
    # The broader words a synonym set's members bring one way (synonyms.toml `broader`: "chấn
    # chỉnh" brings "khắc phục", "khắc phục" does not bring "chấn chỉnh"), by the set's members.
    broader: Mapping[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]] = field(
        default_factory=dict, compare=False)

    def citation_before(self, typed: Sequence[str]) -> int:
        """How many of the last syllables of `typed` cite the document number that follows
        them: "số" ("number"), a document kind before it ("Quyết định số"), or the kind alone
        ("Quyết định 139/QĐ-UBND"), as documents cite each other; or the kind's code as staff
        type it ("KH 115/KH-UBND", "QĐ số 139/QĐ-UBND": `cited_codes`), which before a number
        names the kind and nothing else. 0 when none."""
        end = len(typed)
        if end and syllable_matches(typed[end - 1], NUMBER_WORD):
            end -= 1
        for kind in self.citations:
            if end >= len(kind) and matches_at(typed, kind, end - len(kind)):
                end -= len(kind)
                break
        else:
            if end and fold(typed[end - 1]) in cited_codes():
                end -= 1
        return len(typed) - end

    def answers_asked(self, typed: Sequence[str]) -> tuple[Answer, ...]:
        """The kinds of answer `typed` asks for, in the order of their first asking word: one
        asking alone ("vì sao"), and one asking in a question when the query is one by its other
        words (`Answer.alone`). A question may ask two ("vì sao … bị tụt hạng": the cause and the
        ranking)."""
        first: dict[int, int] = {}
        questioned: bool | None = None
        folded = {fold(s) for s in typed}  # an entry none of whose first syllables is typed asks nothing
        for k, answer in enumerate(self.answers):
            if not any(fold(a[0]) in folded for a in answer.asks):
                continue
            at = next((at for at in range(len(typed)) if answer.asked_at(typed, at)), -1)
            if at < 0:
                continue
            if not answer.alone:
                questioned = self._asks_by_words(typed) if questioned is None else questioned
                if not questioned:
                    continue
            first[k] = at
        return tuple(self.answers[k] for k in sorted(first, key=lambda k: (first[k], k)))

    def unasked_at(self, typed: Sequence[str], at: int, size: int) -> bool:
        """Whether the `size` syllables from `at` are an answer's asking word standing inside one of
        its `unlike` phrases, where it asks nothing: "nguyên nhân" in "làm rõ nguyên nhân hồ sơ quá
        hạn" (a request for the cause, intents.toml [answer.requested]) is the matter typed, so a
        stop word list dropping it as the asking word (query_stopwords.txt) keeps it there."""
        return any(any(len(a) == size and matches_at(typed, a, at) for a in answer.asks)
                   and within(typed, at, size, answer.unlike) for answer in self.answers)

    def asking(self, asks: tuple[tuple[str, ...], ...]) -> Lexicon:
        """This lexicon with `asks` read as ranked words of no polarity (light cues), as the
        answers asked in a question read them (`_ranked_asks`); its readings kept, not compiled
        again, and made once per set of words (`_asking`): indexing a new lexicon's synonym
        tables again costs about a third of planning the question (0.5 of 1.5 ms, measured)."""
        return self._lightened(asks, self._asking, replacing=False)

    def _lightened(self, words: tuple[tuple[str, ...], ...], made: dict[tuple[tuple[str, ...], ...], Lexicon],
                   *, replacing: bool) -> Lexicon:
        """This lexicon with `words` as light cues (ranked, no polarity), made once per set of
        words in `made`: added beside the cues (`asking`: a word already a cue stays that cue) or,
        `replacing`, in place of the cues of the same syllables (`ranking`)."""
        if words not in made:
            kept = [c for c in self.cues if not (replacing and c.syllables in words)]
            held = {c.syllables for c in kept}
            light = [Cue(w, "", required=False) for w in words if w not in held]
            made[words] = dataclasses.replace(self, cues=tuple(sorted((*kept, *light), key=cue_order)),
                                              cut_from=self.readings)
        return made[words]

    def frame_inside(self, typed: Sequence[str]) -> tuple[int, int] | None:
        """Where a yes/no frame with first words ("có … không", "có … hay không", "đã … chưa") holds
        its question: from the end of its first words to the start of its last; None for none, and for
        a frame of last words alone ("… không"), whose question has no predicate marked."""
        if not typed or fold(typed[-1]) not in self._frame_ends:  # the one test every query pays
            return None
        frame = _frame(list(typed), self)
        if not frame:
            return None
        start = min(frame)
        for first, last, only in self.frames:
            if first and _written_at(typed, first, start, only) \
                    and _written_at(typed, last, len(typed) - len(last), only):
                return start + len(first), len(typed) - len(last)
        return None

    def framed_ranked(self, typed: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        """The words a yes/no frame makes ranked, not required (`frame_inside`): the verdict it asks
        of a standard (`Verdict.asked`: "công chức có đáp ứng yêu cầu năng lực không": "đáp ứng",
        "yêu cầu") and the negations inside it (`negations_framed`); none outside such a frame."""
        inside = self.frame_inside(typed)
        if not inside:
            return ()
        verdict = self.verdict.asked(typed, *inside)
        return tuple(dict.fromkeys((*verdict, *self.negations_framed(typed, inside))))

    @cached_property
    def _frame_ends(self) -> frozenset[str]:
        """The folded last syllables of the yes/no frames with first words."""
        return frozenset(fold(last[-1]) for first, last, _ in self.frames if first and last)

    def negations_framed(self, typed: Sequence[str], inside: tuple[int, int]) -> tuple[tuple[str, ...], ...]:
        """The negations inside a yes/no frame ("có xã nào chưa niêm yết … không", `inside` from
        `frame_inside`): the cues that stay required for the sense they carry (`Cue.required` and
        `Cue.sense`: "chưa", "không", "thiếu", "chậm", intents.toml), each once as the cue writes it.

        Why: a yes/no question about a negated matter is answered by either finding, "yes" the
        failure ("xã A chưa niêm yết") and "no" the matter done ("các xã đã niêm yết đầy đủ"), as
        Plan.yes_no reads its polarity; required, the negation kept the "no" out of the pool. Outside
        such a frame ("xã nào chưa niêm yết", "chưa niêm yết số điện thoại") it is the query's sense."""
        return tuple(dict.fromkeys(c.syllables for k in range(*inside) for c in self._sensed
                                   if _written_at(typed, c.syllables, k, c.accents_only)))

    @cached_property
    def _sensed(self) -> tuple[Cue, ...]:
        """The cues that stay required for the sense they carry (the negations)."""
        return tuple(c for c in self.cues if c.required and c.sense)

    def ranking(self, words: tuple[tuple[str, ...], ...]) -> Lexicon:
        """This lexicon with `words` read as ranked words of no polarity (light cues), in place of
        any cue of the same syllables ("yêu cầu", the recommendations' verb elsewhere): the verdict
        of a yes/no question and its negations (`framed_ranked`) are neither a section asked nor a
        word required; made once per set of words, as `asking`'s."""
        return self._lightened(words, self._ranking, replacing=True)

    @cached_property
    def _ranking(self) -> dict[tuple[tuple[str, ...], ...], Lexicon]:
        """The lexicons `ranking` made, by the words they read as ranked."""
        return {}

    @cached_property
    def _asking(self) -> dict[tuple[tuple[str, ...], ...], Lexicon]:
        """The lexicons `asking` made, by the words they read as ranked."""
        return {}

    def asks_place(self, typed: Sequence[str]) -> bool:
        """Whether `typed` holds a question word asking which place ("xã nào", "nơi nào", "ở
        đâu"): the query is then a question (`is_question`), and one about its matter whatever
        polarity cue it holds (`_asks_beside`). Which level it asks for is `place_tiers`, read by the
        reranker's `place` feature (session 23; an earlier `place`, how plainly a finding says where,
        went in session 12: docs/search-quality.md, Session 12: what carries to unseen queries)."""
        return any(matches_at(typed, words, at) for at in range(len(typed)) for words in self.which_words)

    def place_tiers(self, typed: Sequence[str]) -> tuple[str, ...]:
        """The tiers of the level a question asking which place names ("xã nào", "huyện nào",
        "thành phố nào": core/levels.py, the one table of levels and their tiers); empty when it
        asks for a unit of any level ("đơn vị nào", "ở đâu") or asks no place."""
        for at in range(len(typed)):
            for words in self.which_words:
                if matches_at(typed, words, at) and (row := row_of(" ".join(words[:-1]))) is not None:
                    return tuple(str(t) for t in row.tiers)
        return ()

    def asked(self, typed: Sequence[str], seen: Sequence[tuple[int, Cue]]) -> Cue | None:
        """Of the polarity cues `seen` in a query (their positions in `typed`, in order), the one
        naming the polarity it asks for; None when there is none.

        Vietnamese puts the head first, so the first cue names what is asked ("đề nghị khắc
        phục hạn chế"), with two readings of a question before it (intents.toml [reading] says
        why): after a topic ("A thì B") the comment B is what is asked about A, so B's cues
        come first when it has one; and a question word asking for content or manner ("gì",
        "thế nào") asks about the cue nearest before it ("… kiến nghị xử lý thế nào"), the rest
        before it being the matter it is asked about. A grammatical marker ("bị") counts only
        where no word names a polarity: it says the event is adverse, a word says what is asked
        about it ("cán bộ bị kiểm điểm")."""
        if not seen:
            return None
        start = self._comment_start(typed)
        seen = [s for s in seen if not self._in_circumstance(typed, s[0], start)]
        if not seen:
            return None
        comment = [s for s in seen if s[0] >= start] or list(seen)
        comment = [s for s in comment if s[1].kept] or comment
        before = self._focused(typed, comment)
        return (before[-1] if before else comment[0])[1]

    def _comment_start(self, typed: Sequence[str]) -> int:
        """Where the comment after the last topic end ("thì", folded too: `folded_entry_at`)
        begins, 0 when the query has none. No `bound` here, unlike the place words `_cut_run`
        reads folded: the cut that tells it is made per run of unquoted words and kept there,
        while this reads the whole query after them; unbound, a folded "thi" is read as "thì"
        only where neither neighbour makes a clear word of it otherwise, the stricter reading."""
        ends = (at + self.folded_entry_at(self.topic_ends, typed, at) for at in range(len(typed)))
        return max((end for at, end in enumerate(ends) if end > at), default=0)

    def joins_sections(self, typed: Sequence[str], seen: Sequence[tuple[int, Cue]], asked: Cue) -> bool:
        """Whether the category word deciding the polarity (`asked`) is joined to one of another
        polarity, the two asking for both sections of the reports ("ưu điểm và hạn chế của bộ
        phận một cửa", "hạn chế, kiến nghị về niêm yết"): the next cue follows it at once, or
        after a joining word (`sections_joined`), and both are category words (ranked, kept)."""
        for k, (at, cue) in enumerate(seen[:-1]):
            if cue is not asked:
                continue
            then, other = seen[k + 1]
            end = at + len(cue.syllables)
            between = then - end
            return (not cue.required and cue.kept and not other.required and other.kept
                    and bool(other.polarity) and other.polarity != cue.polarity
                    and (between == 0 or _entry_at(self.sections_joined, typed, end) == between))
        return False

    def _focused(self, typed: Sequence[str], cues: Sequence[tuple[int, Cue]]) -> list[tuple[int, Cue]]:
        """The cues before the first question word of content or manner ("gì", "thế nào"): the
        last of them is what that word asks about."""
        focus = next((at for at in range(len(typed)) if _entry_at(self.focus_words, typed, at)), -1)
        return [s for s in cues if s[0] < focus]

    def asks_matter(self, typed: Sequence[str], seen: Sequence[tuple[int, Cue]]) -> bool:
        """Whether the query asks a question about a matter (`is_question`), not for the findings
        of a polarity: a question word of content asking about a word naming the polarity
        ("đoàn kiểm tra kiến nghị gì", "hạn chế là gì", "xử lý kỷ luật thế nào") asks for the
        recommendations, the shortcomings. A negation before it is the matter's sense ("xã nào
        chưa niêm yết thủ tục gì"), and a cue of the topic before "thì" is not what the comment
        asks about ("hồ sơ không hợp lệ thì xử lý thế nào")."""
        if not self.is_question(typed):
            return False
        start = self._comment_start(typed)
        named = [s for s in seen if s[0] >= start and s[1].kept and not (s[1].required and s[1].sense)
                 and not self._in_circumstance(typed, s[0], start)]
        return not self._focused(typed, named) and self._asks_beside(typed, named)

    def _asks_beside(self, typed: Sequence[str], named: Sequence[tuple[int, Cue]]) -> bool:
        """Whether the query is a question by words other than those a word naming the polarity
        holds ("làm sao để", "làm thế nào để") or has right after it asking which of them
        (`choosing`: "giải pháp nào", "biện pháp nào để …"): those ask for the recommendations,
        as "giải pháp …" does, no question about a matter any section may answer. A yes/no
        frame, a question of place, of time ("vi phạm khi nào") or of cause still asks about
        the matter."""
        held = {k for at, cue in named for k in range(at, at + len(cue.syllables))}
        for at, cue in named:
            end = at + len(cue.syllables)
            held.update(range(end, end + _entry_at(self.choosing, typed, end)))
        if _frame(list(typed), self) or self.asks_place(typed) \
                or any(a.alone for a in self.answers_asked(typed)):
            return True
        return any((_entry_at(self.question_words, typed, at) or _entry_at(self.focus_words, typed, at))
                   and at not in held for at in range(len(typed)))

    def _in_circumstance(self, typed: Sequence[str], at: int, comment: int) -> bool:
        """Whether place `at` lies in a clause of circumstance following what is asked ("người
        đứng đầu có phải chịu trách nhiệm khi cán bộ vi phạm"): from a conjunction of time or
        condition (`circumstances`) after the query's first word, to the end of the query or of
        the topic before "thì" (`comment`: where the comment starts). A conjunction opening the
        query is left to "thì" (which marks where its clause ends); one starting a question word
        ("khi nào") asks when, and opens nothing."""
        for k in range(1, at):
            if k < comment <= at:
                continue
            if self.opens_circumstance(typed, k):
                return True
        return False

    def manner_verb_at(self, typed: Sequence[str], at: int) -> int:
        """How many syllables from `at` form a verb a question of manner asks about, right
        before its focus word ("kiến nghị xử lý thế nào", "hồ sơ trễ hạn được xử lý ra sao"); 0
        when none. The question's frame: the answer says how in its own verbs ("yêu cầu kiểm
        điểm", "xin lỗi người dân"), seldom the asker's."""
        size = _entry_at(self.manner_verbs, typed, at)
        return size if size and _entry_at(self.focus_words, typed, at + size) else 0

    def manner_verb(self, typed: Sequence[str]) -> tuple[int, int] | None:
        """Where the query's first verb of a question of manner (`manner_verb_at`) starts, and
        its size; None when the query asks none."""
        return next(((at, n) for at in range(len(typed)) if (n := self.manner_verb_at(typed, at))), None)

    def with_manner(self, typed: Sequence[str], seen: Sequence[tuple[int, Cue]],
                    stated: Sequence[tuple[int, Cue]] = ()) -> list[tuple[int, Cue]]:
        """The polarity cues `seen`, with the question of manner's verb as one more (`manner_asks`:
        "đoàn kiểm tra xử lý thế nào khi cán bộ vắng mặt" asks for the recommendations) when no
        other cue decides (`asked` names none): a cue said before it ("kiến nghị xử lý thế nào",
        "bị xử lý thế nào") or the topic's ("hồ sơ không hợp lệ thì xử lý thế nào", where "xử
        lý" is the processing of the files) still reads the question as before. A cue of the
        matter (required, not the sense: "hồ sơ trễ hạn được xử lý ra sao", "cán bộ đi muộn về sớm
        được xử lý thế nào") is the topic the handling is asked about, and decides nothing here.
        `stated`: the cues of a condition before "thì" (`_cut_run`), which ask for no polarity but
        name the failing handled ("cán bộ vắng mặt thì trách nhiệm người đứng đầu xử lý thế nào"):
        `manner_of` reads them too."""
        named = [s for s in seen if not (s[1].required and not s[1].sense)]
        if not self.manner_asks or self.asked(typed, named) is not None:
            return list(seen)
        if self.manner_of and not any(cue.polarity == self.manner_of for _, cue in (*seen, *stated)):
            return list(seen)  # "phản ánh kiến nghị được xử lý thế nào": the processing, no failing
        verb = self.manner_verb(typed)
        if verb is None:
            return list(seen)
        at, size = verb
        return sorted([*seen, (at, Cue(tuple(typed[at:at + size]), self.manner_asks, required=False))],
                      key=lambda s: s[0])

    def opens_circumstance(self, typed: Sequence[str], at: int) -> bool:
        """Whether a conjunction of time or condition (`circumstances`: "khi", "nếu") opens a
        clause at `at`; not one starting a question word ("khi nào" asks when)."""
        return bool(_entry_at(self.circumstances, typed, at)) \
            and not _entry_at(self.question_words, typed, at)

    def is_question(self, typed: Sequence[str]) -> bool:
        """Whether the query asks a question: a question word (intents.toml [reading] `questions`,
        the words asking which place, a cause, content or manner) or a yes/no frame ("có … không")."""
        return self._asks_by_words(typed) or any(a.alone for a in self.answers_asked(typed))

    def _asks_by_words(self, typed: Sequence[str]) -> bool:
        """Whether a question word or frame makes the query a question, its answers aside."""
        return bool(_frame(list(typed), self)) or self.asks_place(typed) or any(
            _entry_at(self.question_words, typed, at) or _entry_at(self.focus_words, typed, at)
            for at in range(len(typed)))

    def cue_at(self, typed: Sequence[str], at: int, bound: tuple[bool, int] = (False, 0),
               headless: bool = False, ends: Callable[[int, int], bool] = lambda start, stop: True,
               marks: Collection[int] = (), unwritten: Collection[str] = frozenset()) -> Cue | None:
        """The longest polarity cue starting at `at` that no cue of a polarity starting inside it
        runs past, None when none; `headless`: the word alone, a cue that must follow a noun
        (`Cue.follows_head`) counting without it (a ranked word the query read so: `_is_category`);
        `ends`: where the query's cut ends its words (`Cue.takes_object`; `_cut_run` knows the cut);
        `marks`: the places a list mark was typed before (`_cut_run`), ending a clause (`objectless`);
        `unwritten`: the folded guesses the index writes nowhere (`folded_light_at`).

        Why: cues overlap where a marker's cue ends in the first syllables of another ("bị xử
        lý" of the sanction, "xử lý kỷ luật" of the remedy: "cán bộ bị xử lý kỷ luật"); the
        word naming what is asked runs on, and is the one the query says, as a stop word gives
        way to a longer word, so the marker then reads alone ("bị"). Ranked words of no polarity
        (light words, a question's asking words: "xếp thứ mấy") name nothing and yield to none.
        A `reducible` cue written at `at` and reduced there (`reduced_at`) is the failing named as
        the goal: no cue at all, not a shorter one it begins, which its words shadow as a longer
        word does ("yêu cầu", the recommendations' word, of "chấm dứt tình trạng yêu cầu thêm giấy
        tờ", where the act Nghị định 61 forbids is ended).

        A cue running past it that is another member of the synonym set the cue's word is read in
        (`_same_set`) is no other word but the same one typed across two of its spellings: "đòi
        thêm giấy tờ | ngoài quy định" holds the members "đòi thêm giấy tờ" and "giấy tờ ngoài quy
        định" of one set (synonyms.toml), the act the one-stop decree forbids; each shadowing the
        other, the query read no polarity at all, and the strengths sharing its words ("hướng dẫn
        thủ tục tận tình") came first (session 26, read36). The cue read first stands."""
        for cue in self._cues_from(typed, at):
            size = len(cue.syllables)
            if not self._cue_written_at(typed, cue, at, bound, unwritten) or cue.other_word_at(typed, at):
                continue
            if cue.reducible and self.reduced_at(typed, at, size, marks):
                return None
            if not (cue.polarity and self.reduces_at(typed, at, cue.polarity)) \
                    and (headless or cue.follows_head(typed, at)) and cue.takes_object(typed, at, ends) \
                    and not any(
                    other.polarity and k + len(other.syllables) > at + size
                    and self._cue_written_at(typed, other, k) and not self._same_set(cue, other)
                    for k in range(at + 1, at + size) for other in self._cues_from(typed, k)):
                return cue
        return None

    def _same_set(self, cue: Cue, other: Cue) -> bool:
        """Whether two cues of one polarity are members of one synonym set (synonyms.toml): two
        spellings of one word, as an intent with `with_synonyms` reads its terms' sets."""
        if cue.polarity != other.polarity:
            return False
        mine = " ".join(folded_syllable(s) for s in cue.syllables[cue.lead:])
        theirs = {tuple(folded_syllable(s) for s in m)
                  for _, members in self._members.get(mine, ()) for m in members}
        return tuple(folded_syllable(s) for s in other.syllables[other.lead:]) in theirs

    def judged_heads(self, typed: Sequence[str]) -> frozenset[int]:
        """The places where a cue that must follow its noun (`Cue.after`: the low and high ends of a
        measure of merit, "điểm số | cao hơn", "điểm | cao nhất"; "mô hình | hay") stands right
        after one: no word of the query's cut spans them (`_cut_run`).

        Why: a Vietnamese modifier follows its head, and the measure and its judgement are two
        words; the index's segmenter joins them at times ("số_cao" of "chỉ số cao", "điểm_cao"),
        and a cut taking such a join swallowed the head's end or the judgement whole, so the
        judgement was never read ("điểm | số cao | hơn" asked for "số cao", no strength)."""
        return frozenset(at for at in range(1, len(typed)) for cue in self._cues_from(typed, at)
                         if cue.after and self._cue_written_at(typed, cue, at)
                         and cue.follows_head(typed, at))

    def reduced_at(self, typed: Sequence[str], at: int, size: int, marks: Collection[int] = ()) -> bool:
        """Whether the `size` syllables from `at` are the object of a verb of reducing before
        them ("giảm được hồ sơ trễ hạn") or the subject of one right after ("tỷ lệ hồ sơ trễ hạn
        giảm") that takes no object of its own (`objectless`), not where that verb begins a longer
        cue ("giảm điểm": a fall of rank). Why: a failing reduced or ended is the goal reached
        (intents.toml [reducing]), none asked for; a failing reducing something else ("cán bộ
        vắng mặt giảm chất lượng phục vụ") is the failing, its harm said."""
        if self.reducing.governs(typed, at) or self._listed_after_reduced(typed, at, marks):
            return True
        end = at + size
        passive = _entry_at(self.reducing.passive, typed, end)
        verb = passive or _entry_at(self.reducing.after, typed, end)
        return bool(verb) and not any(len(c.syllables) > verb and c.polarity
                                      and self._cue_written_at(typed, c, end)
                                      for c in self._cues_from(typed, end)) \
            and (bool(passive) or self.objectless(typed, end + verb, marks))

    def objectless(self, typed: Sequence[str], at: int, marks: Collection[int] = ()) -> bool:
        """Whether a verb of reducing said after its subject and ending before `at` takes no object
        there: past its words of degree ("giảm mạnh", "giảm đi"), the query or the clause ends (a
        list mark typed: "tình trạng vắng mặt giảm, chất lượng tăng"), a number measures the fall
        ("giảm 30%"), a question asks about it ("giảm bao nhiêu", "giảm ở xã nào", "đã giảm
        chưa"), or a word opens what is no object (intents.toml [reducing] `closing`: "so với",
        "ở", "nhờ", "còn"). Why: an intransitive verb takes only degree, measure and adjuncts; a
        noun phrase there is the object of the transitive verb ("giảm chất lượng", "giảm niềm tin"),
        an open class no list could hold, so it is what is left."""
        at = self.reducing.past_degree(typed, at, marks)
        return at >= len(typed) or at in marks or at in _frame(list(typed), self) or typed[at][:1].isdigit() \
            or bool(_entry_at(self.reducing.closing, typed, at) or _entry_at(self.question_words, typed, at)
                    or _entry_at(self.focus_words, typed, at)) \
            or any(matches_at(typed, words, at) for words in self.which_words)

    def _listed_after_reduced(self, typed: Sequence[str], at: int, marks: Collection[int] = ()) -> bool:
        """Whether a reduced failing ends right before `at`, or a joining word after it (intents.toml
        [reducing] `joining`): the word at `at` is then one more item of the verb's object ("giảm
        tình trạng đi muộn về sớm", "… đi muộn và về sớm"), reduced as the first is."""
        for join in (0, *(len(e) for e, _ in self.reducing.joining)):
            if join and _entry_at(self.reducing.joining, typed, at - join) != join:
                continue
            end = at - join
            for start in range(end):
                if any(cue.reducible and start + len(cue.syllables) == end
                       and self._cue_written_at(typed, cue, start)
                       and self.reduced_at(typed, start, end - start, marks)
                       for cue in self._cues_from(typed, start)):
                    return True
        return False

    def reduces_at(self, typed: Sequence[str], at: int, polarity: str) -> bool:
        """Whether the syllable at `at` lies in a verb of reducing whose object is a failing of
        `polarity` (a `reducible` cue): "hạn chế" of "để hạn chế hồ sơ quá hạn" is the verb, not
        the shortcomings' category word, and "không" of "không còn hồ sơ quá hạn" no negation of
        the topic, the failing being ended there (intents.toml [reducing])."""
        for start in range(at + 1):
            places = self.reducing.objects(typed, start)
            if places and places[0] > at and any(
                    cue.reducible and cue.polarity == polarity and self._cue_written_at(typed, cue, place)
                    for place in places for cue in self._cues_from(typed, place)):
                return True
        return False

    def _cues_from(self, typed: Sequence[str], at: int) -> tuple[Cue, ...]:
        """The cues whose first syllable folds as the one at `at` does, longest first: the only
        ones that can be typed there (a syllable matches only its own folded form)."""
        return self._cues_by_first.get(folded_syllable(typed[at]), ()) if at < len(typed) else ()

    @cached_property
    def _cues_by_first(self) -> dict[str, tuple[Cue, ...]]:
        """The cues by their first syllable folded, in `cues`' order (the led ones of intents.toml
        `before` make them hundreds: each query syllable reads a few, not all)."""
        by: dict[str, list[Cue]] = {}
        for cue in self.cues:
            by.setdefault(fold(cue.syllables[0]), []).append(cue)
        return {k: tuple(v) for k, v in by.items()}

    def _cue_written_at(self, typed: Sequence[str], cue: Cue, at: int, bound: tuple[bool, int] = (False, 0),
                        unwritten: Collection[str] = frozenset()) -> bool:
        """Whether the cue is typed at `at`: as `_written_at` says, or, for a cue of two
        syllables or more counting only with its accents, typed without some of them where its
        folded form's clear reading is the cue (index/accents.py): "cong tac" is công tác, a
        filler noun, and "thuc hien" thực hiện, a light verb, as typed with accents. The marks
        guard a lone syllable ("co": có, cơ, cô), whose reading a folded query cannot tell; a
        word of several has one reading, the same the query restores for ranking (`_readings`).
        Without this a folded light word was a required group, the query's conjunction then
        holding a word the findings drop at will ("tồn tại trong thực hiện DVC"). A cue of one
        syllable typed without its marks is the cue where `folded_light_at` reads the syllable
        as a light word (no word with a neighbour reads it otherwise: "ho so bi qua han" is
        "bị", "bi" of "thiết bị" is in a word), as the grammar's words are (`folded_entry_at`):
        in a query typed wholly without accents nothing else tells the cue, and the polarity it
        gives decides the order ("vi sao ho so bi qua han" asks about a shortcoming)."""
        if _written_at(typed, cue.syllables, at, cue.accents_only):
            return True
        if cue.typed_bare(typed[at]):  # "bi", "con" alone: as `folded_entry_at` reads them
            return self.folded_light_at(typed, at, bound, unwritten)
        size = len(cue.syllables)
        return (cue.accents_only and matches_at(typed, cue.syllables, at)
                and reading(self.readings, typed[at:at + size]) == cue.syllables)

    def act_at(self, typed: Sequence[str], at: int) -> tuple[int, str]:
        """The syllables of the longest verb of commending or sanctioning (`acts`) written at `at`,
        and its kind; (0, "") when none."""
        return max(((len(e), kind) for kind, entries in self.acts for e, only in entries
                    if _written_at(typed, e, at, only)), default=(0, ""))

    def act_pair(self, typed: Sequence[str], at: int, cue: Cue | None,
                 cue_after: Callable[[int], Cue | None]) -> ActPair | None:
        """Two verbs of commending or sanctioning side by side from `at` (`acts`), either led by
        the cue read there (`cue`: "bị phê bình, nhắc nhở"; the passive's marker before the verb)
        or followed by one (`cue_after(k)`, the cue read at `k`: "khen thưởng, tuyên dương"), the
        cue a ranked word asking for a section; None when there are none such.

        Why: the two are coordinated (Vietnamese lists verbs with or without a comma, in either
        order) and name the act done to someone, the commendation or the sanction, which the query
        then asks about: a matter whose findings say either verb, not a section of the report. Of
        one kind the cue's polarity stays preferred; of two ("biểu dương, phê bình") the query asks
        about both acts, which two sections report, so the pair prefers none (intents.toml [acts])."""
        lead = 0
        if cue is not None:
            if cue.required or not cue.polarity:
                return None
            size = len(cue.syllables)
            own = max((n for n in range(1, size + 1) if self.act_at(typed, at + size - n)[0] == n), default=0)
            if not own:
                return None
            lead = size - own
        first, kind = self.act_at(typed, at + lead)
        if not first or (cue is None and self.synonyms_at(typed, at)[0] > first):
            return None
        end = at + lead + first
        second, other = self.act_at(typed, end)
        if not second:
            return None
        then = cue_after(end) if cue is None else None
        if then is not None and (then.required or not then.polarity or len(then.syllables) != second):
            then = None
        asking = cue if cue is not None else then
        if asking is None:
            return None
        verbs = (tuple(typed[at + lead:end]), tuple(typed[end:end + second]))
        return ActPair(lead, lead + first + second, verbs, asking if kind == other else None,
                       at if cue is not None else end)

    def is_word(self, typed: Sequence[str]) -> bool:
        """Whether typed syllables are a dictionary word under the matching rule."""
        forms = self.dictionary.get(" ".join(fold(s) for s in typed), frozenset())
        return any(matches_at(typed, tuple(canonical_tones(s) for s in form), 0) for form in forms)

    @cached_property
    def _function_words(self) -> tuple[tuple[tuple[str, ...], bool], ...]:
        """The entries of one syllable of the question words and of the conjunctions (of
        circumstance, of a choice): the words of the query's grammar (`bounded`). Not every stop
        word: some end the genre's words ("việc" of "làm việc", "cho" of "cho phép")."""
        return tuple(e for e in (*self.question_words, *self.focus_words, *self.circumstances,
                                 *self.coordinators) if len(e[0]) == 1)

    def bounded(self, span: Sequence[str]) -> bool:
        """Whether a span begins or ends with a question word or a conjunction of one syllable
        ("nào hay", "dân khi"): the dictionary's word of that spelling ("dân khí", the people's
        spirit) is then a rare word the genre does not write, and the query's grammar is the
        likelier reading. Asked only of the dictionary's words: a word of the index is one the
        reports write."""
        if len(span) < 2:
            return False
        # An entry matches only a syllable of its own fold: the others need no matching.
        folds = self._function_folds
        return bool(folded_syllable(span[0]) in folds and _entry_at(self._function_words, span, 0)
                    or folded_syllable(span[-1]) in folds
                    and _entry_at(self._function_words, span, len(span) - 1))

    @cached_property
    def _function_folds(self) -> frozenset[str]:
        """The folded forms of the `_function_words`: planning asks `bounded` of every span."""
        return frozenset(folded_syllable(entry[0]) for entry, _ in self._function_words)

    def stopword_at(self, typed: Sequence[str], at: int) -> int:
        """How many syllables from `at` form a stopword entry (longest), 0 when none."""
        return _entry_at(self.stopwords, typed, at)

    def content_form(self, phrase: str) -> tuple[str, ...]:
        """A phrase's words without its stop words, folded: what two spellings of one name share
        ("bộ phận tiếp nhận và trả kết quả", "bộ phận tiếp nhận trả kết quả" → the same form).
        A synonym member's (as written or folded) is kept: matching the stop words at each
        syllable walks the whole list, and the same members come back query after query."""
        kept = self._content_forms.get(phrase)
        if kept is not None:
            return kept
        syllables = phrase.split()
        words: list[str] = []
        i = 0
        while i < len(syllables):
            stop = self.stopword_at(syllables, i)
            if stop:
                i += stop
                continue
            words.append(fold(syllables[i]))
            i += 1
        if " ".join(folded_syllable(s) for s in syllables) in self._members:  # bounded by the sets
            self._content_forms[phrase] = tuple(words)
        return tuple(words)

    @cached_property
    def grammar_folds(self) -> frozenset[str]:
        """The folded forms of the query grammar's words of one syllable (stop, question, cue and
        setting words): a lone syllable typed without accents folding to one is left to the readers
        of the grammar (`folded_light_at`, `question_read_at`), not read by the index's text
        (index/lone_reading.py)."""
        entries = (*self.stopwords, *self.question_words, *self.focus_words, *self.circumstances,
                   *self.coordinators, *self.topic_ends, *self.settings, *self.choosing, *self.manner_verbs)
        return frozenset(fold(e[0]) for e in (*(e for e, _ in entries), *(c.syllables for c in self.cues))
                         if len(e) == 1)

    @cached_property
    def _accents_only(self) -> dict[str, frozenset[str]]:
        """The entries of one syllable counting only with their accents (stop words, light
        words, cues marked "[accents]"): what `folded_light_at` reads in a run typed without
        them. Not the longer ones: folded, "cong tac" is công tác far more often than công tắc
        (index/accents.py restores such words), and a lone syllable is what folding makes the
        commonest of the language. Nor the question words (intents.toml [reading]): folded,
        they are mostly the genre's nouns ("may" máy, not mấy: "may tra cuu"; "dau" đầu, dấu),
        which stay required as typed."""
        questions = {e for e, _ in (*self.question_words, *self.focus_words)}
        entries = {*(e for e, only in self.stopwords if only and e not in questions),
                   *(c.syllables for c in self.cues if c.accents_only)}
        out: dict[str, set[str]] = {}
        for entry in entries:
            if len(entry) == 1:
                out.setdefault(fold(entry[0]), set()).add(entry[0])
        return {key: frozenset(forms) for key, forms in out.items()}

    def folded_entry_at(self, entries: Iterable[tuple[tuple[str, ...], bool]], typed: Sequence[str], at: int,
                        bound: tuple[bool, int] = (False, 0),
                        unwritten: Collection[str] = frozenset()) -> int:
        """`_entry_at`, and 1 where the syllable at `at`, typed without accents, is the folded form
        of a one-syllable entry counting only with its accents ("tai" of "tại", "thi" of "thì") and
        `folded_light_at` reads it as a light word: no word it makes with a neighbour reads it
        otherwise. Why: a query typed wholly without accents ("can bo vang mat tai tru so") gives no
        mark to tell the function word from its homographs, and a lone syllable of the grammar's
        spelling, in no word with its neighbour, is the function word far more often than the
        rare word (tài, tái; thi, an exam, is in a word: "kỳ thi", "thi hành"). Read so, the
        grammar the word carries (a setting after the topic, the topic's end) holds folded too,
        as typed with its marks; the word itself stays ranked, never dropped (`_cut_run`)."""
        found = _entry_at(entries, typed, at)
        if found or not self.folded_light_at(typed, at, bound, unwritten):
            return found
        return int(any(len(entry) == 1 and only and folded_syllable(entry[0]) == typed[at]
                       for entry, only in entries))

    @cached_property
    def _folded_questions(self) -> dict[str, frozenset[str]]:
        """The question words of one syllable counting only with their accents (intents.toml
        [reading] `questions`, `focus`, `choosing`: "gì", "đâu", "mấy"), by their folded form."""
        out: dict[str, set[str]] = {}
        for entry, only in (*self.question_words, *self.focus_words, *self.choosing):
            if len(entry) == 1 and only and fold(entry[0]) != entry[0]:
                out.setdefault(fold(entry[0]), set()).add(entry[0])
        return {key: frozenset(forms) for key, forms in out.items()}

    def question_read_at(self, typed: Sequence[str], at: int) -> str | None:
        """The question word the syllable at `at`, typed without accents, is read as ("gi" →
        "gì"), None when it is not read as one.

        Why: folded, a question word of one syllable is also a noun of the genre ("dau": đâu,
        đầu, dấu; "may": mấy, máy), so fold13 left it a required word, and a question typed
        without accents ("don vi co can bo vang mat phai lam gi") was no question: its polarity
        was read from its first cue, not from the one the question word asks about, and "gi"
        became a word every finding had to hold. Vietnamese tells the two readings by the
        neighbour, as for any folded syllable (index/accents.py): the pair it makes has a clear
        reading, and where that reading writes the question word ("lam gi": làm gì, "o dau": ở
        đâu, "thu may": thứ mấy), the syllable is that word. With no neighbour telling it, a
        question word asking for content (intents.toml `focus`: "gì") is still the likelier
        reading at the query's end, where it stands in place of the answer ("… gặp những khó
        khăn gì"), unless the pair before it reads it as another word ("bat dau": bắt đầu;
        `_read_otherwise`). Not the others: "mấy" counts before its noun ("mấy cán bộ") and
        ends a question only after one ("thứ mấy"), "hả", "nhỉ" are talk, not search; and the
        query's last word is as often their folds' nouns ("con dau": con dấu, "xang dau",
        "det may", "5 ha", "khoa nhi"). The nouns stand inside the query too, with a
        neighbour naming them ("may tra cuu", "dau moi")."""
        if is_accented(typed[at]):
            return None
        forms = self._folded_questions.get(typed[at])
        if not forms:
            return None
        for start in (at - 1, at):
            if start < 0 or start + 2 > len(typed) or any(map(is_accented, typed[start:start + 2])):
                continue
            key = " ".join(typed[start:start + 2])
            if key in self.readings.clear and (word := self.readings.forms[key][0][at - start]) in forms:
                return word
        if at == len(typed) - 1 and at > 0 and len(forms) == 1 and self._in_place(next(iter(forms))) \
                and not self._read_otherwise(typed, at, forms):
            return next(iter(forms))
        return None

    def _in_place(self, word: str) -> bool:
        """Whether a question word of one syllable asks for content, standing where the answer
        would (intents.toml [reading] `focus`: "gì")."""
        return any(entry == (word,) for entry, _ in self.focus_words)

    def questions_read(self, typed: Sequence[str]) -> list[str]:
        """`typed` with each question word typed without accents written as read
        (`question_read_at`): the rest of the analysis reads it as typed with its marks."""
        return [self.question_read_at(typed, k) or s for k, s in enumerate(typed)]

    def folded_light_at(self, typed: Sequence[str], at: int, bound: tuple[bool, int] = (False, 0),
                        unwritten: Collection[str] = frozenset()) -> bool:
        """Whether the syllable at `at`, typed without accents, is the folded form of an entry
        of one syllable counting only with its accents ("co" of "có", "cap" of "cấp", "con" of
        "còn"), and no word it makes with a neighbour reads it otherwise.

        Why: typed with its accents such an entry is a function word, a light word or a cue;
        without them it is that or a content word of the same spelling ("co": có, cơ, cô), and
        which one the query means is unknown. Required, it would admit only findings holding
        some word of that spelling, which the commonest syllables of the language are (có, cấp,
        còn, do, cho, trong), and split the query's real words into a conjunction with it;
        dropped, the content word would be lost. So it is ranked, not required (Plan.optional),
        as the light words are. A clear reading of the syllable with a neighbour decides where
        there is one (index/accents.py): "co quan" is "cơ quan", so there "co" is a word of the
        topic, required; "co nguoi" (có người, cờ người) and "con tre" ("còn trễ" after "ho so",
        the dictionary's con trẻ: a negation or "còn" heads no clear word) tell nothing sure: ranked."""
        if not self.folded_light or is_accented(typed[at]):
            return False
        entries = self._accents_only.get(typed[at])
        return bool(entries) and not self._read_otherwise(typed, at, entries or frozenset(), bound, unwritten)

    def _read_otherwise(self, typed: Sequence[str], at: int, entries: frozenset[str],
                        bound: tuple[bool, int] = (False, 0),
                        unwritten: Collection[str] = frozenset()) -> bool:
        """Whether the syllable at `at` and its neighbours make a word (2..4 syllables) whose
        clear reading (index/accents.py) writes the syllable as none of `entries` does ("do":
        đó, do; "tu kiem tra": tự kiểm tra, not từ). `bound`: whether the neighbour before is
        inside a word of two syllables or more of the query's cut (`_cut_run`), and the size of
        the cut's word after (0: none): a span cutting through such a word is no reading of the
        query ("kien nghi | ve": the dictionary's "nghi vệ", a guard of honour, is not read
        across "kiến nghị"); one holding the word after whole is ("tu | kiem tra"). Nor a reading
        the index writes nowhere (`unwritten`, `_guesses`: "xa cap" is no "xà cạp" there), which
        the cut does not take either."""
        for size in range(2, MAX_WORD_SYLLABLES + 1):
            for start in range(at - size + 1, at + 1):
                if start < 0 or start + size > len(typed) or (start < at and bound[0]) \
                        or (bound[1] and at + 1 < start + size != at + 1 + bound[1]):
                    continue
                key = " ".join(fold(s) for s in typed[start:start + size])
                readings = self.readings if key in self.readings.forms else self._phrase_readings
                if key in readings.clear and key not in unwritten \
                        and readings.forms[key][0][at - start] not in entries:
                    return True
        return False

    @cached_property
    def _phrase_readings(self) -> Readings:
        """The readings of the genre's other phrases (`phrases`: "tự kiểm tra"), for the words the
        dictionary and the lexicon's own phrases do not know: asked only whether a folded
        function word is read otherwise (`_read_otherwise`), not used to cut the query nor to
        restore it (a phrase of the concepts, "thu chi", is not one word of the reports)."""
        return compile_readings({}, self.phrases, (), MAX_WORD_SYLLABLES)

    @cached_property
    def _members(self) -> dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]]:
        """Every synonym member by its folded form, with its set: looking a span up is then one
        dict access, not a walk over every set (planning a question asks about every span)."""
        out: dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]] = {}
        for members in self.synonyms:
            for member in members:
                out.setdefault(" ".join(fold(s) for s in member), []).append((member, members))
        for abbreviation, k in self.abbreviations:
            folded = " ".join(fold(s) for s in abbreviation)
            out.setdefault(folded, []).append((abbreviation, self.synonyms[k]))
        for short, brought in self.expansions:
            out.setdefault(" ".join(fold(s) for s in short), []).append((short, brought))
        return out

    @cached_property
    def word_tails(self) -> frozenset[str]:
        """The syllables (as written) that end synonym members of two syllables or more and start
        none ("sơ" of hồ sơ; not "sổ", which ends "vào sổ" and starts "sổ theo dõi"): a lone folded
        syllable is not read as one from the word after it alone (index/lone_reading.py)."""
        members = [tuple(canonical_tones(s) for s in m) for ms in self.synonyms for m in ms if len(m) > 1]
        return frozenset(m[-1] for m in members) - {m[0] for m in members}

    @cached_property
    def member_keys(self) -> frozenset[str]:
        """Every synonym member and abbreviation, folded ("ho so"): the genre's words."""
        return frozenset(self._members)

    def member_written(self, folded: Sequence[str]) -> tuple[str, ...] | None:
        """The synonym member whose folded form `folded` is, as the file writes it (with its
        accents), when exactly one is; else None."""
        members = {m for m, _ in self._members.get(" ".join(folded), ())}
        return next(iter(members)) if len(members) == 1 else None

    @cached_property
    def _longest_member(self) -> int:
        return max((len(m) for members in self.synonyms for m in members), default=0)

    @cached_property
    def member_spans(self) -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
        """Per synonym set, its members folded and padded (" ho so ", to find them in a folded
        query) and the folded spans of 2..MAX_WORD_SYLLABLES syllables inside them (`_member_spans`):
        folded once per process, not for every set on every search."""
        out = []
        for members in self.synonyms:
            spans: set[str] = set()
            for member in members:
                folded = [fold(s) for s in member]
                for n in range(2, min(MAX_WORD_SYLLABLES, len(folded) - 1) + 1):
                    spans.update(" ".join(folded[i:i + n]) for i in range(len(folded) - n + 1))
            out.append((tuple(f" {' '.join(fold(s) for s in m)} " for m in members), frozenset(spans)))
        return tuple(out)

    def paired_of(self, polarity: str | None) -> str | None:
        """The polarity whose section answers next after `polarity`'s (intents.toml [sections]
        `paired`), None when none does or no polarity is asked."""
        return next((then for asked, then in self.paired if asked == polarity), None)

    def without_cues(self) -> Lexicon:
        """This lexicon reading every word as a word of the topic, none as a cue: for a query of
        cue words only, which are then what it looks for. Their accents are read as the whole
        lexicon reads them (in a longer query too), from its readings, not compiled again
        (~200 ms with the dictionary, for every such query typed without accents)."""
        return dataclasses.replace(self, cues=(), folded_light=False, cut_from=self.readings)

    @cached_property
    def listed_abbreviations(self) -> frozenset[str]:
        """The abbreviations the hand vocabulary reads as it says (its members that are no
        syllable, initials.toml's rejected forms), as `abbreviation_key`s: a definition a text
        writes never reads them otherwise (`with_definitions`). Once per lexicon, not per query."""
        return frozenset({abbreviation_key("".join(m)) for ms in self.synonyms for m in ms
                          if not any(is_syllable(s) for s in m)}
                         | {abbreviation_key("".join(short)) for short, _ in self.expansions}
                         | load_rules().rejected)

    @cached_property
    def written_syllables(self) -> frozenset[str]:
        """The accented syllables the genre's query data writes (stop, question, cue and setting
        words, synonyms, what answers hold, the kinds cited, its phrases): written right by
        definition, so never read as a typo of another (index/spelling.py)."""
        entries = (*self.stopwords, *self.question_words, *self.focus_words, *self.circumstances,
                   *self.coordinators, *self.topic_ends, *self.settings, *self.choosing, *self.manner_verbs)
        return genre_syllables([*(e for e, _ in entries), *(m for members in self.synonyms for m in members),
                                *(c.syllables for c in self.cues), *self.citations, *self.which_words,
                                *self.phrases,
                                *(p for answer in self.answers for p in (*answer.asks, *answer.holds))])

    @cached_property
    def readings(self) -> Readings:
        """The accented readings of folded words (index/accents.py): the dictionary's, and the
        phrases this lexicon writes for the genre (synonyms, cues, stop words, citation kinds,
        what questions ask and what answers hold), each word compiled when first looked up."""
        return self.cut_from if self.cut_from is not None else self.compiled_readings()

    def compiled_readings(self, lazy: bool = True) -> Readings:
        """The readings `readings` holds, compiled anew: each word when first looked up, or every
        word now (`lazy=False`, index/accents.py `compile_readings`)."""
        genre = [*(m for members in self.synonyms for m in members if m not in self.accented_members),
                 *(c.syllables for c in self.cues),
                 *(entry for entry, _ in self.stopwords), *self.citations,
                 *(p for answer in self.answers for p in (*answer.asks, *answer.holds))]
        # The negations, and the cue words leading others ("còn" of "còn hạn chế": persistence,
        # ranked, not required) are written as words of their own before the next ("còn trễ").
        leading = {c.syllables[0] for c in self.cues if c.lead == 1}
        heads = [c.syllables[0] for c in self.cues
                 if len(c.syllables) == 1 and (c.required or c.syllables[0] in leading)]
        return compile_readings(self.dictionary, genre, heads, MAX_WORD_SYLLABLES, lazy=lazy)

    def synonyms_at(self, typed: Sequence[str], at: int) -> tuple[int, tuple[tuple[str, ...], ...]]:
        """The longest synonym member starting at `at`: its length and every member of its set."""
        for n in range(min(self._longest_member, len(typed) - at), 0, -1):
            for member, members in self._members.get(" ".join(folded_syllable(s) for s in typed[at:at + n]),
                                                      ()):
                if _written_at(typed, member, at, member in self.accented_members):
                    return n, members
        return 0, ()


def _written_at(typed: Sequence[str], entry: Sequence[str], at: int, accents_only: bool) -> bool:
    """Whether the syllables from `at` are a word-list entry: under the matching rule, or only
    as written when the entry is marked "[accents]" (its folded form is another word)."""
    return matches_at(typed, entry, at) and not (accents_only and tuple(typed[at:at + len(entry)]) != entry)


def _entry_at(entries: Iterable[tuple[tuple[str, ...], bool]], typed: Sequence[str], at: int) -> int:
    """How many syllables from `at` form one of `entries` ((syllables, only with accents),
    longest first), 0 when none."""
    for entry, accents_only in entries:
        if _written_at(typed, entry, at, accents_only):
            return len(entry)
    return 0


def _unmarked(term: str) -> str:
    """A word-list entry or synonym member without its "[accents]" mark, as written."""
    return term.removesuffix(ACCENTS_ONLY).strip()


def _entry(term: str) -> tuple[tuple[str, ...], bool]:
    """A word-list entry ("thì [accents]") as (syllables, only with accents)."""
    return syllables_of(_unmarked(term)), term.endswith(ACCENTS_ONLY)


def _entries(terms: Iterable[str]) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Word-list entries as (syllables, only with accents), longest first."""
    return tuple(sorted({e for e in map(_entry, terms) if e[0]}, key=lambda e: (-len(e[0]), e)))


def cue_order(cue: Cue) -> tuple[int, tuple[str, ...], bool]:
    """The order cues are tried in at a place: the longest first, and of one word the cue that
    must precede an object (`Cue.objects`) before the word's cue anywhere else."""
    return -len(cue.syllables), cue.syllables, not cue.objects


def compile_cues(intents: Iterable[Mapping[str, Any]],
                 synonym_sets: Sequence[Sequence[str]] = ()) -> tuple[Cue, ...]:
    """Polarity cues from intents.toml's [[intent]] tables (polarity, required, sense, kept,
    terms, with_synonyms, synonyms_without, unlike, before, after, objects, only_in_questions, reducible),
    longest first; a table with `with_synonyms = true` reads each term's synonym set
    (`synonym_sets`, synonyms.toml) as its terms too, so that a matter the sets already spell out
    is listed once (`_intent_terms`: but the members holding a `synonyms_without` word); a required cue
    carries the query's sense unless `sense = false`; a term with `after` is a cue only right
    after one of those nouns (Cue.after), one with `objects` only right before one of those words
    (Cue.objects: the same word may be another intent's cue elsewhere, read there), one
    `only_in_questions` names its polarity only in a question (Cue.only_in_questions), one
    `reducible` none as the object of a verb of reducing (Cue.reducible, Lexicon.reduced_at); a term
    inside one of the `unlike` phrases (of any table listing the term) is no cue there
    (Cue.unlike), nor is its spelling typed without accents where the phrase writes it as another
    word ("cham diem" is "chấm điểm", not the cue "chậm": the phrase matches only a query typed
    so); each word of a ranked cue's `before` leads each of its terms as one cue more, the term its
    ranked word (Cue.lead), unless that phrase is a term listed itself."""
    cues: dict[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], Cue] = {}
    led: list[Cue] = []
    for intent in intents:
        required = bool(intent.get("required"))
        sense, kept = bool(intent.get("sense", required)), bool(intent.get("kept", True))
        phrases = [p for p in (syllables_of(u) for u in intent.get("unlike", ())) if p]
        heads = tuple(h for h in map(syllables_of, intent.get("after", ())) if h)
        objects = tuple(o for o in map(syllables_of, intent.get("objects", ())) if o)
        # A required cue's word is a group, which a lead would join: only ranked cues are led.
        leads = [] if required else [lead for lead in map(syllables_of, intent.get("before", ())) if lead]
        for term in _intent_terms(intent, synonym_sets):
            syllables, accents_only = _entry(term)
            if not syllables:
                continue
            # The phrase holds the term, or its spelling written as another word ("chấm điểm"
            # for "chậm"): typed without accents, the query there wrote that word, not the cue.
            unlike = tuple((p, k) for p in phrases for k in range(len(p) - len(syllables) + 1)
                           if matches_at(p, syllables, k)
                           or tuple(map(fold, p[k:k + len(syllables)])) == tuple(map(fold, syllables)))
            cue = Cue(syllables, str(intent["polarity"]), required, accents_only, sense, kept, unlike,
                      after=heads, only_in_questions=bool(intent.get("only_in_questions")),
                      objects=objects, reducible=bool(intent.get("reducible")))
            cues.setdefault((syllables, objects), cue)
            led.extend(dataclasses.replace(cue, syllables=(*lead, *syllables), lead=len(lead))
                       for lead in leads)
    # `unlike` tells where a spelling is another word (the noun "yêu cầu" of "đáp ứng yêu cầu",
    # "theo yêu cầu người dân"), whichever table reads it as a cue: a word read as one table's cue
    # before its object (`objects`) and another's elsewhere takes both tables' phrases.
    spelled: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], int], ...]] = {}
    for cue in cues.values():
        spelled[cue.syllables] = tuple(dict.fromkeys((*spelled.get(cue.syllables, ()), *cue.unlike)))
    cues = {key: dataclasses.replace(cue, unlike=spelled[cue.syllables]) for key, cue in cues.items()}
    for cue in led:
        cues.setdefault((cue.syllables, cue.objects), cue)
    return tuple(sorted(cues.values(), key=cue_order))


def _intent_terms(intent: Mapping[str, Any], synonym_sets: Sequence[Sequence[str]]) -> list[str]:
    """An intent table's terms, with the members of every synonym set holding one of them when
    the table says `with_synonyms = true` (compile_cues), in order, each once; but a member
    holding one of the table's `synonyms_without` words, a cue another table reads ("chậm trả kết
    quả" of the overdue set: "chậm" is the negation table's everywhere), unless the table's own
    term of that set holds the word too: then the set is that term's spellings ("chậm chễ" of
    "chậm trễ", which staff type for it), read as the term is."""
    terms = list(intent.get("terms", ()))
    if intent.get("with_synonyms"):
        listed = set(terms)
        without = [w for w in map(syllables_of, intent.get("synonyms_without", ())) if w]

        def holds(member: str, word: tuple[str, ...]) -> bool:
            return next(run_starts(syllables_of(_unmarked(member)), word), None) is not None

        for members in synonym_sets:
            if own := listed.intersection(members):
                foreign = [w for w in without if not any(holds(t, w) for t in own)]
                terms += [m for m in members if not any(holds(m, w) for w in foreign)]
    return list(dict.fromkeys(terms))


def compile_lexicon(stopword_lines: Iterable[str], synonym_sets: Iterable[Sequence[str]],
                    dictionary_lines: Iterable[str] = (),
                    intents: Iterable[Mapping[str, Any]] = (),
                    answers: Iterable[Mapping[str, Any]] = (), citations: Iterable[str] = (),
                    levels: Iterable[str] = (), reading: Mapping[str, Any] | None = None,
                    which: Mapping[str, Any] | None = None,
                    coordination: Mapping[str, Any] | None = None,
                    setting: Mapping[str, Any] | None = None,
                    sections: Mapping[str, Any] | None = None,
                    reducing: Mapping[str, Any] | None = None) -> Lexicon:
    """The Lexicon from the data files' contents (kept apart from reading them, so it is testable).

    A stopword entry holding LEVEL stands for one entry per level word of `levels` (core.levels,
    the one table of them): "[level] nào" is "xã nào", "thị trấn nào", "đặc khu nào"…; so does
    an entry of `which` (intents.toml [which])."""
    read = reading or {}  # intents.toml [reading]: how a question is read for its polarity
    dictionary = WordList(dictionary_lines, MAX_WORD_SYLLABLES)  # tones made canonical when looked up
    stopwords: list[str] = []
    frames: list[tuple[tuple[str, ...], tuple[str, ...], bool]] = []
    light: list[Cue] = []  # optional words: cues of no polarity
    levels = tuple(levels)
    for line in word_list_entries(stopword_lines, levels):
        if not line:
            continue
        if FRAME_GAP in line:
            first, last = (syllables_of(_unmarked(part)) for part in line.split(FRAME_GAP, 1))
            if last:
                frames.append((first, last, line.endswith(ACCENTS_ONLY)))
            continue
        if line.endswith(OPTIONAL):
            if syllables := syllables_of(line.removesuffix(OPTIONAL)):
                light.append(Cue(syllables, "", required=False, accents_only=True))
            continue
        stopwords.append(line)
    written = [list(members) for members in synonym_sets]
    entries = [[_entry(m) for m in members] for members in written]  # "[accents]" marks a member
    sets = tuple(tuple(s for s, _only in row if s) for row in entries)
    answered = tuple(answer for answer in map(compile_answer, answers) if answer.asks and answer.holds)
    return Lexicon(_entries(stopwords),
                   tuple(sorted(set(frames), key=lambda f: (not f[0], -len(f[1]), f))),
                   tuple(s for s in sets if len(s) > 1), dictionary,
                   tuple(sorted((*compile_cues(intents, written), *light),
                                key=cue_order)), answered,
                   tuple(sorted({k for k in (syllables_of(c) for c in citations) if k},
                                key=lambda k: (-len(k), k))),
                   _entries(read.get("topic_ends", ())), _entries(read.get("focus", ())),
                   _entries(read.get("questions", ())), _entries(read.get("circumstances", ())),
                   compile_which(which or {}, levels),
                   coordinators=compile_coordinators(coordination or {}),
                   settings=_entries([*(setting or {}).get("words", ()), *(setting or {}).get("times", ())]),
                   level_settings=_entries(e for entry in (setting or {}).get("levels", ())
                                           for e in _per_level(entry, levels)),
                   setting_agencies=_known_agencies((setting or {}).get("agencies", ())),
                   sections_joined=_entries(read.get("sections_joined", ())),
                   choosing=_entries(read.get("choosing", ())),
                   manner_verbs=_entries(read.get("manner_verbs", ())),
                   manner_asks=read.get("manner_asks") or None, manner_of=read.get("manner_of") or None,
                   paired=compile_paired(sections or {}),
                   reducing=compile_reducing(reducing or {}, levels),
                   accented_members=frozenset(s for row in entries for s, only in row if only and s))


def _known_agencies(names: Iterable[str]) -> frozenset[str]:
    """`names` (intents.toml [setting] agencies), each the canonical name of an agency of
    core/agencies.toml: a name it does not hold would never match, so it is an error."""
    known = {agency.name for agency in agencies().forms.values()}
    unknown = sorted(set(names) - known)
    if unknown:
        raise ConfigError(f"[setting] agencies {unknown} are not agencies of core/agencies.toml")
    return frozenset(names)


def compile_coordinators(table: Mapping[str, Any]) -> Entries:
    """The words offering a choice of two matters, from intents.toml's [coordination] table."""
    return _entries(table.get("words", ()))


def compile_answer(table: Mapping[str, Any]) -> Answer:
    """An Answer from one of intents.toml's [[answer]] tables (asks, holds, unlike, alone); the
    requests for the answer (`requested`, `request_phrases`) are `unlike` phrases too."""
    unlike = tuple(dict.fromkeys((*_phrases(table, "unlike"), *request_phrases(table.get("requested", {})))))
    return Answer(_phrases(table, "asks"), _phrases(table, "holds"), unlike, bool(table.get("alone", True)))


def request_phrases(table: Mapping[str, Any]) -> tuple[tuple[str, ...], ...]:
    """The phrases asking for an answer rather than giving it, from an [[answer]]'s `requested`
    table: each verb (`verbs`: "làm rõ"), then nothing or one of the words `between` ("các"),
    then one of the `nouns` ("nguyên nhân"): "làm rõ nguyên nhân", "làm rõ các nguyên nhân". A
    noun of no verb, or a verb of no noun, makes none."""
    return tuple(verb + middle + noun for verb in _phrases(table, "verbs")
                 for middle in ((), *_phrases(table, "between")) for noun in _phrases(table, "nouns"))


def _phrases(table: Mapping[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    """The syllables of each phrase listed under `key`, the empty ones left out."""
    return tuple(p for p in (syllables_of(t) for t in table.get(key, ())) if p)


def compile_reducing(table: Mapping[str, Any], levels: Sequence[str] = ()) -> Reducing:
    """The verbs of reducing a failing from intents.toml's [reducing] table (verbs, between, reach,
    after, joining, passive, degree, closing): word-list entries, longest first, so that the longest
    verb ("giảm thiểu", "hạn chế tối đa") is read where a shorter one begins it; an entry of
    `closing` holding LEVEL once per level word of `levels` (a unit named after the verb: where)."""
    return Reducing(_entries(table.get("verbs", ())), _entries(table.get("between", ())),
                    _entries(table.get("after", ())), int(table.get("reach", 0)),
                    _entries(table.get("joining", ())), _entries(table.get("passive", ())),
                    _entries(table.get("degree", ())),
                    _entries(e for entry in table.get("closing", ()) for e in _per_level(entry, levels)))


def compile_verdict(table: Mapping[str, Any]) -> Verdict:
    """The verdict a yes/no question asks of a standard, from intents.toml's [verdict] table (verbs,
    between, standards, reach): word-list entries, longest first."""
    return Verdict(_entries(table.get("verbs", ())), _entries(table.get("between", ())),
                   _entries(table.get("standards", ())), int(table.get("reach", 0)))


def compile_amount(table: Mapping[str, Any]) -> Amount:
    """The amount a which-place question names, from intents.toml's [amount] table (asks, unlike,
    counted): word-list entries, and the counted nouns and marks after a number, or a fraction, as
    one pattern at word boundaries. An empty table reads no amount."""
    asks, unlike = _entries(table.get("asks", ())), _entries(table.get("unlike", ()))
    figures = _entries(table.get("figures", ()))
    counted = [" ".join(matching_form(c).split()) for c in table.get("counted", ()) if c.strip()]
    if not counted:
        return Amount(asks, unlike, figures=figures)
    nouns = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(counted, key=len, reverse=True))
    number = rf"(?<![\w/])\d[\d.,]*\s*(?:{nouns})(?!\w)"
    # What ends the text before a fraction that is no share: a word of the calendar or the day
    # (`dated`), or a cited document's kind with or without "số", then spaces, a bracket or a comma
    def phrase(text: str) -> str:
        return r"\s+".join(map(re.escape, matching_form(text).split()))

    dated = [phrase(w) for w in table.get("dated", ()) if w.strip()]
    kinds = [rf"{phrase(kind)}(?:\s+{phrase('số')})?" for kind in cited_kinds()]
    before = "|".join(sorted((*dated, *kinds), key=len, reverse=True))
    not_shares = re.compile(rf"(?<!\w)(?:{before})[\s(,]*\Z") if before else None
    return Amount(asks, unlike, re.compile(rf"(?P<share>{FRACTION})|{number}"), figures=figures,
                  not_shares=not_shares)


def compile_paired(table: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """intents.toml [sections] `paired` as (polarity asked, polarity answering next) pairs; a
    code that is no polarity of the data model (core.models.Polarity), or a polarity paired with
    itself, is a slip in the data, refused."""
    from core.models import Polarity

    codes = {p.value for p in Polarity}
    pairs = tuple((str(k), str(v)) for k, v in dict(table.get("paired", {})).items())
    for asked, then in pairs:
        if asked not in codes or then not in codes or asked == then:
            raise ConfigError(f"intents.toml [sections] paired: {asked} = {then} pairs no two polarities "
                              f"of {sorted(codes)}")
    return pairs


def compile_which(table: Mapping[str, Any], levels: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """From intents.toml's [which] table: the words asking which place as syllables, longest
    first — a `level` entry once per level word (LEVEL in it); an `any` entry as written."""
    asking: set[tuple[str, ...]] = set()
    for entry in table.get("level", ()):
        for level in levels if LEVEL in entry else ():
            if words := syllables_of(entry.replace(LEVEL, level)):
                asking.add(words)
    for entry in table.get("any", ()):
        if words := syllables_of(entry):
            asking.add(words)
    return tuple(sorted(asking, key=lambda words: (-len(words), words)))


def word_list_entries(lines: Iterable[str], levels: Sequence[str]) -> Iterator[str]:
    """A word list's entries (index/vi/*.txt: the stopwords, the frame words), comments cut; an
    entry holding LEVEL once per level word."""
    for raw in lines:
        yield from _per_level(raw.split("#", 1)[0].strip(), levels)


def _per_level(entry: str, levels: Sequence[str]) -> list[str]:
    """The entry once per level word when it holds LEVEL ("[level] nào" → "xã nào", "phường
    nào" …), else the entry itself."""
    return [entry.replace(LEVEL, level) for level in levels] if LEVEL in entry else [entry]


def dictionary_file() -> Path | None:
    """Viet74K, the word list underthesea (our segmenter) ships: 74,000 Vietnamese words, so a
    query's "thời hạn" is one word even when no indexed finding holds it. Found without
    importing underthesea (slow); None when it is not installed."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def load_coordinators() -> Entries:
    """The words offering a choice of two matters (intents.toml [coordination]: "hoặc"), which
    `parse` reads as OR beside a quoted phrase and the analysis as coordinating two matters
    (`_coordinated`). Read apart from the lexicon, the same table: parsing needs no dictionary
    (compiling its readings takes about 200 ms), and the words are written once."""
    intents = tomllib.loads(INTENTS_FILE.read_text(encoding="utf-8"))
    return compile_coordinators(intents.get("coordination", {}))


def with_named_measures(intents: Iterable[Mapping[str, Any]],
                        measures: Mapping[str, Sequence[str]]) -> list[Mapping[str, Any]]:
    """`intents` with each `after` that names a list of intents.toml's [measures] table ("merit")
    replaced by that list, or a ValueError naming the missing one.

    Why: the low and the high end of a measure of merit are two entries read after the same
    measures; TOML cannot share a list, so the entries name it and the list is written once."""
    out: list[Mapping[str, Any]] = []
    for intent in intents:
        after = intent.get("after", ())
        if isinstance(after, str):
            if after not in measures:
                raise ValueError(f"intents.toml: after = {after!r} names no list of [measures]")
            intent = {**intent, "after": list(measures[after])}
        out.append(intent)
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon of index/vi/ and the dictionary (read once per process)."""
    stopwords = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    synonym_tables = tomllib.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    synonyms = synonym_tables.get("set", [])
    words = dictionary_file()
    lines = words.read_text(encoding="utf-8").splitlines() if words else []
    lines.extend(load_shorthand().stands_for)  # a shorthand's word is a word (Shorthand.stands_for)
    data = tomllib.loads(INTENTS_FILE.read_text(encoding="utf-8"))
    sets = [entry["terms"] for entry in synonyms]
    plain = [[_unmarked(m) for m in members] for members in sets]  # as initials read them
    intents = with_named_measures(data.get("intent", []), data.get("measures", {}))
    concepts = tomllib.loads(CONCEPTS_FILE.read_text(encoding="utf-8")).get("concept", [])
    lexicon = compile_lexicon(stopwords, sets, lines, intents,
                              data.get("answer", []), cited_kinds(), [level.value for level in ALL_LEVELS],
                              data.get("reading", {}), data.get("which", {}), data.get("coordination", {}),
                              data.get("setting", {}), data.get("sections", {}), data.get("reducing", {}))
    lexicon = with_broader(lexicon, [(entry["terms"], entry.get("broader", ())) for entry in synonyms])
    lexicon = dataclasses.replace(lexicon, phrases=concept_phrases(),
                                  acts=compile_acts(data.get("acts", {}), intents, concepts),
                                  verdict=compile_verdict(data.get("verdict", {})),
                                  amount=compile_amount(data.get("amount", {})))
    lexicon = with_abbreviations(lexicon, derived_initials(plain, load_rules(), term_sets(synonyms)))
    lexicon = with_expansions(lexicon, compile_expansions(synonym_tables.get("abbreviation", [])))
    return with_collectives(lexicon, compile_collectives(synonym_tables.get("collective", [])))


class ActsError(ValueError):
    """intents.toml [acts] names a concept concepts.toml does not hold."""


def compile_acts(table: Mapping[str, Any], intents: Iterable[Mapping[str, Any]],
                 concepts: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, Entries], ...]:
    """The verbs of commending and sanctioning by kind (intents.toml [acts]; `Lexicon.act_pair`):
    "praise", the terms of the [[intent]] tables marked `act = "praise"` and the table's `praise`;
    "sanction", the narrower terms of the concept (concepts.toml) whose broader terms hold the
    table's `sanction`: the steps by which a failing civil servant is handled. Each verb is written
    once, where the genre's other readers find it too (the cue, the concept)."""
    praise = [t for intent in intents if intent.get("act") == "praise" for t in intent.get("terms", ())]
    praise.extend(table.get("praise", ()))
    kinds = [("praise", _entries(praise))] if praise else []
    if named := table.get("sanction"):
        steps = next((c.get("narrower", ()) for c in concepts if named in c.get("broader", ())), None)
        if steps is None:
            raise ActsError(f"[acts] sanction {named!r}: no concept of concepts.toml has it as broader")
        kinds.append(("sanction", _entries(steps)))
    return tuple(kinds)


def concept_phrases(path: Path = CONCEPTS_FILE) -> tuple[tuple[str, ...], ...]:
    """The terms of index/vi/concepts.toml (broader and narrower), as lowercase syllables: phrases
    written for the genre, as the synonyms are, so their folded forms have the genre's reading
    (`Lexicon._phrase_readings`: "tu kiem tra" is "tự kiểm tra"). Read raw here: index/concepts.py
    compiles the concepts from this module's lexicon."""
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("concept", [])
    terms = (t for e in entries for key in ("broader", "narrower") for t in e.get(key, ()))
    return tuple(s for s in (syllables_of(_unmarked(t)) for t in terms) if s)


def with_broader(lexicon: Lexicon, sets: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Lexicon:
    """`lexicon` bringing, for each set's members typed, the broader words the set names
    (synonyms.toml `broader`), one way only.

    Why: a narrower word names a case of a broader one ("chấn chỉnh", the remedy of conduct, is a
    "khắc phục"), so the findings writing the broader word answer a query typing the narrower; the
    reverse does not hold ("khắc phục" heads any recommendation, and as one set the two brought
    each other's findings: docs/search-quality.md, syn12). A set cannot say this; the one-way
    reading can.

    A set of one term is a set for its broader words alone (`compile_lexicon` keeps the sets of
    two members or more, a lone member naming nothing another does): the everyday word of a thing
    the reports name otherwise ("đi học" for "đào tạo") needs no second spelling to bring them, and
    dropping it left the linguist's entry doing nothing, silently (syn24). Added here, its term is
    read as one word, as any member is. A set of one term and no broader words says nothing: a
    ConfigError naming it."""
    synonyms = list(lexicon.synonyms)
    known = set(synonyms)
    out: dict[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]] = {}
    for terms, broader in sets:
        members = tuple(s for s in (syllables_of(_unmarked(t)) for t in terms) if s)
        wider = tuple(s for s in (syllables_of(b) for b in broader) if s)
        if len(set(members)) < 2 and not wider:
            raise ConfigError(f"synonyms.toml: the set {list(terms)} has one term and no `broader`, so it"
                              " brings nothing: add a spelling of the same thing, or the broader words"
                              " it should also search")
        if len(members) == 1 and members not in known:
            synonyms.append(members)
            known.add(members)
        if members in known and wider:
            out[members] = wider
    return dataclasses.replace(lexicon, synonyms=tuple(synonyms), broader=out)


def with_abbreviations(lexicon: Lexicon, derived: Iterable[tuple[str, Sequence[str]]]) -> Lexicon:
    """`lexicon` reading each derived abbreviation (as written, with the members of the set it
    abbreviates, as written) as that set (index/initials.py says why); one whose set the lexicon
    does not hold is skipped."""
    index = {members: k for k, members in enumerate(lexicon.synonyms)}
    found = []
    for form, members in derived:
        k = index.get(tuple(s for s in (syllables_of(m) for m in members) if s))
        if k is not None and (syllables := syllables_of(form)):
            found.append((syllables, k))
    return dataclasses.replace(lexicon, abbreviations=tuple(found))


class ExpansionError(ValueError):
    """A malformed [[abbreviation]] table of synonyms.toml (the message names it)."""


def compile_expansions(entries: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """synonyms.toml's [[abbreviation]] tables as (abbreviation, its long forms), as written, or an
    ExpansionError naming the table: `short`, one run of letters that is no Vietnamese syllable
    (else it would be read wherever the syllable is typed without accents); `long`, a non-empty
    list of terms of two syllables or more; `why`, what makes the letters the term in this genre."""
    out = []
    for k, entry in enumerate(entries, 1):
        short, longs, why = entry.get("short"), entry.get("long"), entry.get("why")
        label = f"abbreviation {k} ({short!r})"
        if not isinstance(short, str) or len(syllables_of(short)) != 1 or is_syllable(fold(short.lower())):
            raise ExpansionError(f"{label}: `short` must be one run of letters that is no syllable")
        if not isinstance(longs, list) or not longs or not all(
                isinstance(t, str) and len(syllables_of(t)) >= 2 for t in longs):
            raise ExpansionError(f"{label}: `long` must list terms of two syllables or more")
        if not isinstance(why, str) or not why.strip():
            raise ExpansionError(f"{label}: no `why` (say why the letters name the term here)")
        out.append((short, tuple(longs)))
    return tuple(out)


def with_expansions(lexicon: Lexicon, entries: Iterable[tuple[str, Sequence[str]]]) -> Lexicon:
    """`lexicon` reading each abbreviation of `entries` (`compile_expansions`) as itself or its long
    forms, one way: typed, "VTLT" is a group of "VTLT" and "văn thư, lưu trữ"; typed in full, the
    long form is read as its words, each its own group, as before.

    Why one way: a synonym set binds its members' words into one term, so a query typing the long
    form in full then requires it as a phrase and loses the findings naming its words apart ("quy
    chế chi tiêu nội bộ" as a set cost the queries typing it: docs/search-quality.md, the rejected
    QCCTNB); and initials are derived only from a set's members (index/initials.py). The
    abbreviation itself needs no such binding: nothing but the term is spelled by those letters.
    An abbreviation a synonym set already reads (a member, a derived initial) is left to it."""
    taken = lexicon.member_keys
    out = []
    for short, longs in entries:
        form = syllables_of(short)
        if " ".join(fold(s) for s in form) in taken:
            continue
        out.append((form, (form, *(syllables_of(t) for t in longs))))
    return dataclasses.replace(lexicon, expansions=tuple(out))


def compile_collectives(entries: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, ...], ...]:
    """synonyms.toml's [[collective]] tables as the compounds' syllables (lowercase, as written), or
    an ExpansionError naming the table: `word`, two syllables, the first its head; `why`."""
    out = []
    for k, entry in enumerate(entries, 1):
        word, why = entry.get("word"), entry.get("why")
        label = f"collective {k} ({word!r})"
        if not isinstance(word, str) or len(syllables_of(word)) != 2 or word != word.lower():
            raise ExpansionError(f"{label}: `word` must be a lowercase compound of two syllables")
        if not isinstance(why, str) or not why.strip():
            raise ExpansionError(f"{label}: no `why` (say how findings name the thing by its head)")
        out.append(syllables_of(word))
    return tuple(out)


def with_collectives(lexicon: Lexicon, words: Iterable[tuple[str, ...]]) -> Lexicon:
    """`lexicon` reading each collective compound typed (`compile_collectives`: "sổ sách") as itself
    or its head ("sổ"), one way, the head always with its accents (`Lexicon.accented_members`):
    a finding names the thing by its head and kind ("mở sổ", "sổ theo dõi"). A compound a synonym
    set or an abbreviation already reads is left to it."""
    taken = lexicon.member_keys
    out = [(word, (word, word[:1])) for word in words if " ".join(fold(s) for s in word) not in taken]
    return dataclasses.replace(lexicon, expansions=(*lexicon.expansions, *out),
                               accented_members=lexicon.accented_members | {w[:1] for w, _ in out})


# ------------------------------------------------------------------------------- what the texts define
# The abbreviations the indexed texts define (index/definitions.py says why): asked of the index
# for what the query types, read as synonym members for this query alone.


def definition_keys(parsed: Parsed, rules: DefinitionRules) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The keys under which the index may hold a definition of what `parsed` types, each with
    the runs of syllables typed that give it: every span of 2..`rules.longest` syllables of a
    term or of consecutive terms (a long form: "trung tam phuc vu hanh chinh cong"), and as
    an abbreviation (`abbreviation_key`) one word that is no Vietnamese syllable ("TTPVHCC",
    "TN&TKQ") or two to three such typed apart ("TT PVHCC", "PAR INDEX")."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for run in _typed_runs(parsed):
        for i in range(len(run)):
            for n in range(1, min(rules.longest, len(run) - i) + 1):
                span = tuple(s for term in run[i:i + n] for s in term)
                if len(span) > rules.longest:
                    break
                if len(span) > 1:
                    out.setdefault(" ".join(fold(s) for s in span), set()).add(span)
                if n <= 3 and not any(is_syllable(s) for s in span):
                    key = abbreviation_key("".join(span))
                    if len(key) >= rules.shortest:
                        out.setdefault(key, set()).add(span)
    return {key: tuple(sorted(spans)) for key, spans in out.items()}


def _typed_runs(parsed: Parsed) -> list[list[tuple[str, ...]]]:
    """The runs of consecutive single terms (words, or a quoted phrase alone), each term's
    syllables: what a long form or an abbreviation typed apart may span."""
    runs: list[list[tuple[str, ...]]] = [[]]
    for clause in parsed.clauses:
        if len(clause) == 1 and not clause[0].prefix:
            runs[-1].append(clause[0].syllables)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def defined_asked(values: Iterable[str], keys: Collection[str],
                  vocabulary: Vocabulary) -> tuple[Definition, ...]:
    """The definitions `values` (what the index answered for the query's `keys`,
    `definition_keys`), and every other definition of their abbreviations (asked again when a
    long form was typed: `with_definitions` reads an abbreviation defined two ways as neither).
    Usually none, and then nothing more is asked."""
    found = {d for v in values if (d := Definition.of_value(v)) is not None}
    unasked = sorted({d.keys[0] for d in found} - set(keys))
    if unasked:
        found |= {d for v in vocabulary.defined(unasked) if (d := Definition.of_value(v)) is not None}
    return tuple(sorted(found))


def with_definitions(lexicon: Lexicon, definitions: Sequence[Definition],
                     typed: Mapping[str, Sequence[tuple[str, ...]]]) -> Lexicon:
    """`lexicon` reading each abbreviation the texts define and its long form as members of one
    synonym set, for one query: the long form typed brings the abbreviation, the abbreviation
    typed (or typed apart, "TT PVHCC": `typed`, the query's `definition_keys`) brings the long form.

    The hand vocabulary keeps priority: an abbreviation it lists (a member, a rejected form of
    index/vi/initials.toml) is read as it says, whatever a text defines, and so is one its
    initials derive for another set; a long form it lists gains the defined abbreviation in its
    set — a derived initial too, which a term typed in full is otherwise not searched for
    (index/initials.py: no report was seen writing it; here one does). An abbreviation the texts
    define with two long forms (of other syllables) names two things: neither is read. Its
    readings are this lexicon's (`cut_from`), not compiled again."""
    if not definitions:
        return lexicon
    longs: dict[str, set[str]] = {}
    for definition in definitions:
        longs.setdefault(definition.keys[0], set()).add(definition.keys[1])
    known = set(lexicon.listed_abbreviations)
    derived = {abbreviation_key("".join(a)): k for a, k in lexicon.abbreviations}
    members = {" ".join(fold(s) for s in m): k for k, ms in enumerate(lexicon.synonyms) for m in ms}
    sets = list(lexicon.synonyms)
    abbreviations = list(lexicon.abbreviations)
    rules = load_definition_rules()
    for definition in sorted(definitions):
        key, long = definition.keys
        form, name = syllables_of(definition.abbreviation), syllables_of(definition.long)
        if key in known or len(longs[key]) > 1 or len(key) < rules.shortest or len(name) < 2:
            continue
        known.add(key)
        k = members.get(long)
        if key in derived and derived[key] != k:  # the initials of another set: theirs
            continue
        if k is None:
            k = len(sets)
            sets.append((name, form))
        elif form not in sets[k]:
            sets[k] = (*sets[k], form)
        abbreviations.extend((span, k) for span in typed.get(key, ()) if span != form)
    if sets == list(lexicon.synonyms) and len(abbreviations) == len(lexicon.abbreviations):
        return lexicon
    renamed = dict(zip(lexicon.synonyms, sets, strict=False))
    broader = {renamed.get(ms, ms): wider for ms, wider in lexicon.broader.items()}
    return dataclasses.replace(lexicon, synonyms=tuple(sets), abbreviations=tuple(abbreviations),
                               broader=broader, cut_from=lexicon.readings)


# ----------------------------------------------------------------------------------------------- the frame
# The genre's frame: who and where every finding speaks of (officials, offices, procedures and
# their files, the levels), whatever its matter (index/vi/frame_words.txt says why). A query term
# made of frame words names the setting of what it asks, not the matter (`Plan.stage_topical`).


def compile_frame(lines: Iterable[str], levels: Sequence[str],
                  synonyms: Iterable[Sequence[Sequence[str]]] = ()) -> frozenset[tuple[str, ...]]:
    """The frame words from the word list's lines (read as every word list of index/vi/ is,
    `word_list_entries`: LEVEL standing for each level word), each as its folded syllables; and
    every member of a synonym set (`synonyms`, each member its syllables) one member of which
    is a run of them: "UBND", "TTHC", "1 cửa", "BPMC" and "bộ phận tiếp nhận và trả kết quả"
    name the frame the list writes in words ("ủy ban nhân dân", "bộ phận một cửa"), and the
    synonym file, where the genre's other spellings are listed once, says so."""
    entries = (tuple(fold(s) for s in syllables_of(e)) for e in word_list_entries(lines, levels))
    listed = frozenset(e for e in entries if e)
    named = {tuple(fold(s) for s in member) for members in synonyms
             if any(is_frame(m, listed) for m in members) for member in members}
    return listed | named


@lru_cache(maxsize=1)
def load_frame(path: Path = FRAME_FILE) -> frozenset[tuple[str, ...]]:
    """The genre's frame words (index/vi/frame_words.txt), its level words from core/levels.py,
    their other spellings from index/vi/synonyms.toml (the query's lexicon). Read by the plan
    (`Plan.stage_topical`) and the reranker (index/rerank.py: matter_held)."""
    return compile_frame(path.read_text(encoding="utf-8").splitlines(), [level.value for level in ALL_LEVELS],
                         load_lexicon().synonyms)


def is_frame(syllables: Sequence[str], frame: frozenset[tuple[str, ...]]) -> bool:
    """Whether the syllables are a run of frame words ("cán bộ công chức": "cán bộ" + "công chức")."""
    folded = tuple(fold(s) for s in syllables)
    ends = {0}  # positions a run of entries reaches
    for k in range(len(folded)):
        if k in ends:
            ends.update(k + len(e) for e in frame if folded[k:k + len(e)] == e)
    return bool(folded) and len(folded) in ends


# ----------------------------------------------------------------------------------------------- the plan


@dataclass(frozen=True, slots=True)
class Alternative:
    """One way to satisfy a group: syllables in a row (a phrase when several), maybe a prefix.

    Syllables keep the accents typed; `folded` is what every engine matches first, and each
    `accented` syllable must in addition appear in that accented form. A `literal` one (an
    accent restoration, index/accents.py) is the word exactly as written, its syllables without
    marks included ("vi phạm", not "ví phạm"): it is matched as a phrase on the accented text.
    """

    syllables: tuple[str, ...]
    prefix: bool = False
    literal: bool = False

    @property
    def whole(self) -> bool:
        """Whether the alternative is matched as a phrase on the accented text alone: typed with
        every accent (which implies the folded phrase), or literal."""
        return self.literal or all(self.accented)

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(s) for s in self.syllables)

    @property
    def accented(self) -> tuple[bool, ...]:
        return tuple(is_accented(s) for s in self.syllables)

    @property
    def any_accent(self) -> bool:
        return any(self.accented)

    @property
    def accent_checks(self) -> tuple[tuple[str, bool], ...]:
        """What the accented text must hold besides the folded phrase, when only some syllables
        were typed with accents: each accented syllable, and whether it is a prefix (the last
        syllable of a prefix alternative). Empty without accents; an alternative typed with
        every accent is matched as a phrase on the accented text alone (it implies the folded)."""
        if self.literal:
            return ()
        last = len(self.syllables) - 1
        return tuple((s, self.prefix and k == last)
                     for k, (s, accented) in enumerate(zip(self.syllables, self.accented, strict=True))
                     if accented)


@dataclass(frozen=True, slots=True)
class Group:
    """One required concept: any of its alternatives, or (`unit`) being about that unit."""

    alternatives: tuple[Alternative, ...]
    unit: str | None = None  # filter key of a unit name the query typed: findings about it match
    agency: bool = False  # the unit is an agency ("Sở Tài chính": core/agencies.py), not a place
    doc_number: str | None = None  # filter key of a document number: that document's findings match
    sense: bool = False  # a polarity cue kept as a word (a negation): weighs as the heaviest group
    # key of a kind of body typed alone ("các sở, ngành": core.agencies.AgencyTable.kind_of): the
    # findings about any agency of the kind match (index.base.agency_kinds), one term on each engine
    kind: str | None = None

    @property
    def keyed(self) -> bool:
        """Whether the group also matches by a key its findings carry (a unit, a document number, a
        kind of body), not by its words alone."""
        return bool(self.unit or self.doc_number or self.kind)


@dataclass(frozen=True, slots=True)
class Part:
    """A word inside one of a group's terms ("trực tuyến" of "dịch vụ công trực tuyến").

    A finding that does not match the group but holds its parts answers part of the question
    (hồ sơ trực tuyến for dịch vụ công trực tuyến), so the fill admits it, ranked by the
    idf-weighted parts it holds (`Plan.weights`), below any finding holding the group."""

    group: int  # index of the group in Plan.groups
    alternative: Alternative


@dataclass(frozen=True, slots=True)
class Plan:
    """What a search must do, in engine-neutral terms (see the module docstring)."""

    groups: tuple[Group, ...] = ()
    excluded: tuple[Alternative, ...] = ()
    exact: Alternative | None = None
    nothing: bool = False  # the user typed something, but no word: match nothing
    dropped: tuple[str, ...] = field(default=())  # stop and question words left out, for display
    polarity: str | None = None  # the polarity the query asks for (Lexicon.asked): ranked first
    polarity_group: bool = False  # a category word of that polarity, dropped from the groups: counts as one
    # The polarity whose section answers next after the one asked (Lexicon.paired_of, intents.toml
    # [sections]: the recommendations after the shortcomings, and the reverse), None for none: when
    # the query asks for a section, its findings come after the section's, before any other's
    # (index/rerank.py: tier).
    paired: str | None = None
    optional: tuple[Alternative, ...] = ()  # cue words not required: ranked by bm25 only
    parts: tuple[Part, ...] = ()  # the words inside a group's multi-word terms, for the fill
    # What an answer to the question holds ("tại sao …": "nguyên nhân", "là do"): never required,
    # it counts as one group more (after the polarity's) for the findings holding any of them.
    answer: tuple[Alternative, ...] = ()
    # The phrases holding such a word that are other words ("người đứng đầu", Answer.unlike): a
    # finding holding the word only inside one holds no answer (index/rerank.py: answer_held).
    unlike: tuple[Alternative, ...] = ()
    # The accented readings of the words typed without accents (index/accents.py: "ky luat" →
    # kỷ luật), literal: never required; bm25 ranks by them in place of the folded words
    # (ranked_units), so a finding writing the reading ranks before one holding another word of
    # the same folded spelling.
    restored: tuple[Alternative, ...] = ()
    # The words inside every topical group's terms and synonyms (`_related`): what ranks the
    # matter tier's findings holding none of the groups (see the module docstring).
    related: tuple[Alternative, ...] = ()
    # The genre's concepts the query asks about (index/concepts.py: asked_concepts; "cơ sở vật
    # chất"), each with the narrower terms the query does not itself hold, set by `plan_query`,
    # which reads the concepts file: their instances rank the matter tier (`instances`), and the
    # reranker weighs a finding saying them (index/rerank.py: concepts_held) from here, not anew.
    concepts: tuple[Concept, ...] = ()
    # Whether the query is a question about a matter (Lexicon.asks_matter: "xã nào còn hồ sơ trễ
    # hạn", "vì sao … bị quá hạn"): the polarity it names is then the matter's, not a section of
    # the report (index/rerank.py: polarity_match); False for "đoàn kiểm tra kiến nghị gì".
    question: bool = False
    # Whether the question is a yes/no one ("có xã nào chưa … không", "… hay chưa"): both its
    # answers are findings, the failure ("xã A chưa ban hành") and the matter done ("các xã đã
    # ban hành"), so the polarity it names prefers neither (index/rerank.py: polarity_match).
    yes_no: bool = False
    # Whether the question asks which place (Lexicon.asks_place: "xã nào …", "ở đâu …"): its answer
    # is a finding naming the unit the matter was seen in (index/rerank.py: place_named).
    place_asked: bool = False
    # The tiers of the level it asks for ("xã nào": the commune's; core/levels.py Tier), empty for
    # any ("đơn vị nào", "ở đâu").
    place_tiers: tuple[str, ...] = ()
    # Whether the which-place question names the amount it compares the units by ("xã nào vắng nhiều
    # cán bộ nhất", "tỉnh nào có tỷ lệ … cao": Lexicon.amount, intents.toml [amount]), or any query
    # names the figure it asks for ("tỷ lệ hồ sơ đúng hạn", "số lượng hồ sơ quá hạn"): its answer
    # states how many (index/rerank.py: count_stated).
    amount_asked: bool = False
    # The syllables of the topical groups' terms as typed (`_syllable_groups`), one group each:
    # what a search finding nothing at all searches instead (`loosened`).
    loose: tuple[Group, ...] = ()
    # The syllables typed with accents that the index read as a slip of another (index/spelling.py:
    # "nguyên nhâm" → nhân), and the lone ones typed without that it read as one accented form
    # (index/lone_reading.py: "so theo doi" → sổ), searched as read: for display ("searched for …").
    corrections: tuple[Correction, ...] = ()
    # The one year the query names ("năm 2021", "quý IV 2021", "T10/2021": index/period.py), None
    # for none or several: the period asked, which a finding's year answers (FindingRecord.year);
    # the words placing it in the year are then ranked, not required (`with_period`).
    year: int | None = None

    @property
    def section(self) -> bool:
        """Whether the query asks for one section of the reports: its polarity named by the
        report's own category word (`polarity_group`: "hạn chế trong …", "ưu điểm …", "kiến
        nghị …", "sai phạm trong …"), not in a question about a matter nor a yes/no one.

        Why: such a query asks for the strengths, the shortcomings or the recommendations on a
        matter, and a finding of another polarity on it answers a question it did not ask: in
        the engine's pools of the eight judged sets' polar queries, 12 of 617 findings of another
        polarity were judged relevant, 501 of 1018 of the polarity asked. So the engines rank
        every finding of the polarity asked (the stages', the matter tier's, the fill's) before
        any other, and decide their tiers on those alone (index/sqlite_fts.py, index/elastic.py).
        A negation ("chưa niêm yết") names the finding's sense, not a section: its required word
        already narrows the matches, and the contrary findings holding it are the matter's ("không
        có cán bộ nào vắng mặt"), which the judges of a topic count."""
        return self.polarity is not None and self.polarity_group and not self.question and not self.yes_no

    @property
    def minimum(self) -> int:
        """Groups a fallback finding must match: most, not all (n-1, and at least two thirds),
        of the groups but the frame's (`stage_topical`: "bộ phận một cửa", "TTHC", "cấp huyện").

        Why not the frame's: "most of the query's groups" means most of what it asks, and the
        frame is the setting half the findings of a report hold. Counted, it let a finding holding
        the frame and one word of the matter in and kept out one holding more of the matter in
        other settings' words: "ghi chép sổ sách bộ phận một cửa" asked two of three, and the
        one-stop desk's "bộ phận có mở sổ, ghi chép liên tục" (no "một cửa") fell to the fill. A
        finding holding the frame still counts it towards the minimum, and one holding nothing
        but the frame never enters a partial stage (`holds_topic`)."""
        n = self.groups_but_frame
        return max(1, n - max(1, n // 3))

    @property
    def last_resort(self) -> int | None:
        """Groups a finding must match when even `minimum` finds nothing: half of the groups but
        the frame's (`groups_but_frame`, as `minimum` counts them), if lower. Half of all the groups
        would count the frame as matter again: with a frame group beside four of the matter,
        `minimum` asks three and half of all five is three too, so the last stage never ran."""
        half = math.ceil(self.groups_but_frame / 2)
        return half if half < self.minimum else None

    @property
    def groups_but_frame(self) -> int:
        """How many groups the partial stages' thresholds count (`minimum`, `last_resort`): all but
        the frame's, those `topical` but not `stage_topical` ("bộ phận một cửa", "TTHC", "cấp
        huyện" beside the query's matter). A sense group counts ("chưa": what the query says of
        the matter), and so does a unit named: a finding must hold them as it holds any group.
        Defined once so both thresholds read the same groups; not the reranker's matter
        (index/rerank.py matter_groups: the words a finding must say, units and cues left out)."""
        frame = sum(t and not s for t, s in zip(self.topical, self.stage_topical, strict=True))
        return len(self.groups) - frame

    @property
    def fallback(self) -> bool:
        """Whether a partial match can exist (two groups or more)."""
        return len(self.groups) >= 2

    def falls_back(self, found: int, page_size: int) -> bool:
        """Whether the partial stages run: a finding can match some groups but not all, and
        all groups found fewer than a page of findings. `found` counts those of the polarity
        asked for, when the query asks for one: the others rank below the partial matches
        that have it, so they do not make the page full."""
        return self.fallback and found < page_size

    def matter_first(self, holders: Sequence[int], total: int, matters: Sequence[str],
                     areas: Sequence[str]) -> bool:
        """Whether the partial stages give way to the matter tier: the query names a matter or an
        area (index.base.Query.matters, Query.areas) and its topical groups no finding holds
        (`holders`: findings holding each group, of `total`) outweigh by idf (group_weights)
        those some finding holds. A partial match then lacks the query's point and holds only its
        commoner words ("điểm SIPAS các đơn vị": no finding says SIPAS, and "điểm … đơn vị" says
        nothing of it), while the matter the absent word names (the satisfaction surveys) answers
        the query in other words: such matches join the fill, after the matter tier. When the
        words some finding holds weigh more ("thủ trưởng đơn vị kiểm điểm trách nhiệm": none
        says thủ trưởng, few kiểm điểm), a partial match still says most of the query."""
        if not (matters or areas) or not self.fallback:
            return False
        weights = group_weights(holders[:len(self.groups)], total)
        absent = held = 0
        for group, holding, weight in zip(self.groups, holders, weights, strict=False):
            if group.sense:
                continue
            if holding:
                held += weight
            else:
                absent += weight
        return absent > held

    def fills(self, found: int, page_size: int) -> bool:
        """Whether the fill stage runs: the stages found fewer findings than one page holds
        (`page_size` = the query's limit) and a finding can match some groups but not all, or
        the parts of a group (`parts`): a query of one multi-word term fills its page too.

        Decided on the page size, not on how far the user has paged, so a query's total and
        its results are the same on every page."""
        return (self.fallback or bool(self.parts)) and found < page_size

    @staticmethod
    def fills_by_date(answered: int) -> bool:
        """Whether a query sorted by date lists the fill stage (`fills`, run as for relevance):
        only when nothing else answers it, `answered` being what the stages, the matter tier and a
        section's instances (`names_instances`) found. Why: the fill holds findings sharing only
        some of the words; by relevance they rank after every answer, but by date a recent one
        comes first for being recent, so "phiếu hẹn" sorted by date opened on a page of other
        files and counted them (ux20, ux21). Of a query nothing else answers, the fill is still
        listed, as relevance lists it."""
        return answered == 0

    def matter_tier(self, matters: Sequence[str], areas: Sequence[str], found: int, page_size: int) -> bool:
        """Whether the matter tier runs: the query names a matter or an area (index.base.Query.matters,
        Query.areas), has words to rank its findings by, and the stages found fewer findings than
        a page holds. Decided on the page size, as `fills`."""
        return bool(matters or areas) and bool(self.groups) and found < page_size

    def names_instances(self, found: int, page_size: int) -> bool:
        """Whether a section's findings naming an instance of a concept asked (`instances`: "máy
        lấy số", "ghế chờ" for "cơ sở vật chất"; "Chỉ thị số …" for "văn bản chỉ đạo") that
        no stage, matter tier nor fill admitted are asked after the fill, before the findings of
        another polarity: a section asked (`section`) whose stages found fewer than a page.

        Why: a report's strengths and shortcomings name the instance, not the class the staff
        ask about ("Bộ phận có bố trí ghế ngồi, máy tra cứu" under "ưu điểm về cơ sở vật chất"),
        and their own theme is often not the matter the query reads (the desk's procedures, the
        late dossiers of an online service), so only a matter tier of the query's matters never
        reached them: in the read sets' section queries they were 94 grade points of relevant
        findings the engine did not answer at all (docs/search-quality.md, session 21, polar21).
        Of the section asked only: the polarity narrows the instances' holders to the findings
        that state the matter in the sense asked; read for every query, they would stand before
        the other polarity's fill. After the fill, so no finding holding the query's words moves."""
        return self.section and bool(self.instances) and bool(self.groups) and found < page_size

    @property
    def fixed_weights(self) -> list[int] | None:
        """The weights (`weights`) when no idf can change the order they give, else None: one
        group and nothing else counted (no polarity word, answer or part), which a finding holds
        or not, so an engine need not count the group's holders to rank the tiers after it."""
        return [1] if len(self.groups) == 1 and self.counted == 1 and not self.parts else None

    def weights(self, holders: Sequence[int], total: int) -> list[int]:
        """The partial stages' weight of each group, of the polarity when it stands for a word,
        then of each part (`holders`: how many findings hold each, in that order): idf
        (group_weights), the sense groups the heaviest group, a unit named in the query one
        more than the heaviest: a place narrows where, as a filter does, so a finding about it
        holding one word of the topic ranks above one elsewhere holding two; not an agency
        (`Group.agency`): every province has its Sở Tài chính and its one-stop centre, so the
        agency weighs as the rare name it is, by idf, and the place typed with it narrows where.
        With parts, group weights are
        PART_RESOLUTION times that, and a group's parts share its weight less one in proportion
        to their idf, so a finding holding all of a group's parts still ranks below one holding
        the group, and one holding its rarer part above one holding its commoner."""
        first = self.counted
        weights = group_weights(holders[:first], total, self.senses)
        heaviest = max(weights, default=1)
        weights = [heaviest + 1 if k < len(self.groups) and self.groups[k].unit and not self.groups[k].agency
                   else w for k, w in enumerate(weights)]
        if not self.parts:
            return weights
        weights = [PART_RESOLUTION * w for w in weights]
        idf = group_weights(holders[first:], total)
        budget = [w - 1 for w in weights]
        held = [sum(w for p, w in zip(self.parts, idf, strict=True) if p.group == g) for g in range(first)]
        left = list(budget)
        shares = [0] * len(self.parts)
        for k in sorted(range(len(self.parts)), key=lambda k: (-idf[k], k)):
            group = self.parts[k].group
            shares[k] = min(max(1, budget[group] * idf[k] // held[group]), left[group])
            left[group] -= shares[k]
        return [*weights, *shares]

    def loosened(self) -> Plan | None:
        """The plan a search runs when this one found nothing at all (no stage, no matter tier,
        no fill: pipeline/search.py), or None when nothing is looser: its sense groups kept, its
        other groups replaced by the syllables of their terms (`loose`), one group each, so the
        stages, the fill and the weights rank the findings holding most of them, the rarest
        first. The exact phrase, polarity, exclusions and ranked words stay the query's.

        Why: a query whose terms no finding holds came back empty while findings share its
        words — an informal or unknown compound ("bãi đỗ xe", "ô tô") whose syllables some
        finding says, a syllable typed with a tone no finding writes ("gờ"), a negation beside
        such a term ("chưa có diễn biến") — where a plain ORed index answers with those
        findings, and a judge may find one of them relevant. Only when nothing else is found:
        a syllable of a compound is a morpheme, not its meaning (`_words_inside`), so it never
        joins a search the query's own terms answer."""
        if not self.loose:
            return None
        kept = tuple(g for g in self.groups if g.sense)
        return dataclasses.replace(self, groups=(*kept, *self.loose), parts=(), loose=())

    @property
    def topical(self) -> tuple[bool, ...]:
        """Which groups admit a finding to the fill: all but the sense groups. A finding sharing
        only the negation ("chưa") with a query shares no topic with it, and the negation is
        among the commonest words of the genre, so alone it would bring in findings at random."""
        return tuple(not g.sense for g in self.groups)

    @property
    def stage_topical(self) -> tuple[bool, ...]:
        """Which groups admit a finding to the partial stages: the topical ones (`topical`) but
        those made of the genre's frame words (`is_frame`: "bộ phận một cửa", "cán bộ công chức",
        "TTHC", "cấp xã"), when a topical group is left that is not (the query's matter, or a
        unit it names); else the topical ones.

        Why: the frame is where and whom every finding of the genre speaks of, whatever its
        matter, so a finding sharing only the frame with a query shares its setting, not what it
        asks ("trang thiết bị bộ phận một cửa": the desk's duty staff and posted procedures, not
        its equipment). Such partial matches filled the pool before the matter tier could run:
        in the engine's pools of the ten judged sets' topic queries they were a quarter of the
        findings and the least often relevant (11 %, against 16 % for the matter tier's findings
        holding no group; docs/search-quality.md, session 10). They still join the fill
        (`topical`), after the matter tier, so a query whose matter no finding says in its words
        keeps them. A kind of body typed alone ("các sở, ngành": `Group.kind`) is whom the query
        asks about as the frame is, and every finding of its bodies' inspections holds it by its
        key: alone it admits none either (session 23, sector23b: such findings filled the pool
        where the query's matter was held by few)."""
        topical = self.topical
        kept = tuple(admits and not (frame_group(g) or g.kind) for admits, g in zip(topical, self.groups,
                                                                                   strict=True))
        return kept if any(kept) else topical

    @property
    def holds_topic(self) -> bool:
        """Whether a partial stage's finding must hold a group of `stage_topical`: when some
        group does not admit one alone, so a finding matching only sense groups ("chưa", the
        polarity's word) or only the frame is never a partial match; with no topical group at
        all, nothing could hold one."""
        staged = self.stage_topical
        return any(staged) and not all(staged)

    def stage_admits(self, held: Sequence[bool], least: int) -> bool:
        """Whether a partial stage asking `least` groups (`minimum`, `last_resort`) admits a finding
        holding the groups flagged in `held` (one flag per group): `least` of them at least, one of
        `stage_topical` among them when `holds_topic`. The rule in one place for what reads a
        finding at a time (benchmarks/pool_recall.py); the engines ask the same of whole columns
        (index/sqlite_fts.py, index/elastic.py), tested against it."""
        if not self.fallback or sum(held) < least:
            return False
        return not self.holds_topic or any(h and s for h, s in zip(held, self.stage_topical, strict=True))

    @property
    def instances(self) -> tuple[Alternative, ...]:
        """The narrower terms of the concepts asked ("máy lấy số", "ghế chờ" for "cơ sở vật
        chất"), once each by folded form: never required, they rank the matter tier's findings
        holding none of the groups (`bare_ranked`)."""
        out: dict[tuple[tuple[str, ...], bool], Alternative] = {}
        for concept in self.concepts:
            for alt in concept.narrower_alternatives:
                out.setdefault((alt.folded, alt.prefix), alt)
        return tuple(out.values())

    @property
    def bare_ranked(self) -> tuple[Alternative, ...]:
        """What ranks the matter tier's findings holding none of the groups, on every engine (the
        module docstring): the fill's parts, then the words inside the groups' terms and synonyms
        (`related`), then the instances of the concepts asked (`instances`), once each by folded
        form; nothing else. Such a finding is there for its
        matter, not its words: one syllable it shares with a term ("hẹn" of "phiếu hẹn") is a
        morpheme, not the term's meaning, and the optional words are cues and light verbs
        (the tier already admits only the polarity asked for), so neither says the query's thing."""
        units: dict[tuple[tuple[str, ...], bool], Alternative] = {}
        for a in (*(p.alternative for p in self.parts), *self.related, *self.instances):
            units.setdefault((a.folded, a.prefix), a)
        return tuple(units.values())

    @property
    def alternatives(self) -> tuple[Alternative, ...]:
        """Every positive alternative, in group order: what ranking and highlighting use."""
        return tuple(a for g in self.groups for a in g.alternatives)

    @property
    def senses(self) -> tuple[bool, ...]:
        """Which groups carry the query's sense (index.query.group_weights), the polarity last
        when it stands for a typed word."""
        return (*(g.sense for g in self.groups), *((True,) if self.polarity_group else ()),
                *((False,) if self.answer else ()))

    @property
    def counted(self) -> int:
        """How many weights rank a finding besides the parts: the groups, the polarity when it
        stands for a word, the answer when the question asks for one (in that order)."""
        return len(self.groups) + self.polarity_group + bool(self.answer)


def frame_group(group: Group) -> bool:
    """Whether the group is said in the genre's frame words only (`frame_term` of its typed term),
    not a unit's name nor a document's number: the setting of what the query asks, not its matter
    (`Plan.stage_topical`; index/rerank.py: matter_groups)."""
    return (bool(group.alternatives) and not group.keyed
            and frame_term(group.alternatives[0].syllables))


@lru_cache(maxsize=4096)
def frame_term(syllables: tuple[str, ...]) -> bool:
    """Whether a query term is a run of the genre's frame words (`is_frame` over `load_frame`),
    worked out once per term: every search asks it of each group (`Plan.stage_topical`)."""
    return is_frame(syllables, load_frame())


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


def candidates(parsed: Parsed) -> list[str]:
    """Every folded span of 2..MAX_WORD_SYLLABLES + 1 syllables of the query's unquoted words
    (a unit name may follow a level word), and each quoted phrase short enough to name a unit
    ('"Thới Bình"'), which the index is asked about once (one round trip per search on
    Elasticsearch)."""
    out: set[str] = {key for clause in parsed.clauses if (key := _quoted_name(clause))}
    for run, _ in _word_runs(parsed):
        folded = [fold(s) for s in run]
        for n in range(2, MAX_WORD_SYLLABLES + 2):  # +1: a level word before a unit name
            out.update(" ".join(folded[i:i + n]) for i in range(len(folded) - n + 1))
        for i, syllable in enumerate(run):  # "TP Quy Nhơn": asked as "thanh pho quy nhon" too
            if level := level_of_abbreviation(syllable):
                out.update(level_qualified(level, folded[i + 1:i + 1 + n])
                           for n in range(1, min(MAX_WORD_SYLLABLES, len(run) - i - 1) + 1))
    return sorted(out)


def level_qualified(level: Level, folded_name: Sequence[str]) -> str:
    """The key of a unit named with its level ("thanh pho quy nhon"): the folded level word, then
    the folded syllables of the name typed after its abbreviation ("TP Quy Nhơn").

    Why one function: `candidates` asks the index for this key and `_abbreviated_unit` looks it up
    among the units the index answered; built twice, the two could drift apart, and a unit asked
    for under one spelling would be looked up under another and never found."""
    return " ".join((fold(level.value), *folded_name))


def _quoted_name(clause: tuple[Term, ...]) -> str | None:
    """The folded phrase of a clause of one quoted phrase that may name a unit (2 to
    MAX_WORD_SYLLABLES + 1 syllables: a level word and a name), else None."""
    if len(clause) != 1 or not clause[0].phrase or clause[0].prefix or clause[0].number:
        return None
    syllables = clause[0].syllables
    return " ".join(fold(s) for s in syllables) if 2 <= len(syllables) <= MAX_WORD_SYLLABLES + 1 else None


def _word_runs(parsed: Parsed) -> list[tuple[list[str], list[bool]]]:
    """The syllables of consecutive single unquoted words (where words are looked up), each run
    with whether each syllable was typed capitalised (`Term.capitals`)."""
    runs: list[tuple[list[str], list[bool]]] = []
    current: tuple[list[str], list[bool]] = ([], [])
    for clause in parsed.clauses:
        if len(clause) == 1 and _loose(clause[0]):
            term = clause[0]
            current[0].extend(term.syllables)
            current[1].extend(term.capitals or [False] * len(term.syllables))
        else:
            if current[0]:
                runs.append(current)
            current = ([], [])
    if current[0]:
        runs.append(current)
    return runs


def analyse(parsed: Parsed, lexicon: Lexicon, words: set[str] | None = None,
            units: set[str] | None = None, places: Places | None = None,
            unwritten: Collection[str] = frozenset()) -> Plan:
    """The plan of a parsed query: groups with their synonyms, words and units; stop and
    question words dropped unless nothing else is left.

    `words` and `units` are the folded candidates the index knows (Vocabulary); a run of
    unquoted words is cut left to right (`_cut_run`): at each place a question frame's word
    or a stop word (unless a longer word starts there) is dropped, a polarity cue asks for its
    polarity, and the rest becomes groups: the longest synonym member, a unit name ("xã Tân
    Lộc" or "Tân Lộc") typed as a name (`names_place`), else the word the best cut of the rest
    of the run starts with (`_best_cut`: words of the index or the dictionary, maximum
    matching; none swallowing a synonym member, `_swallows`, nor a folded dictionary guess the index
    writes nowhere, `unwritten`: index/accents.py), else one syllable. A word joined
    by inner punctuation ("TN&TKQ") is read with the words before it when together they make a
    synonym member (`_ends_member`: "bộ phận TN&TKQ"). A document number drops the citation
    typed before it ("Quyết định số").
    """
    words, units = words or set(), units or set()
    places = dict.fromkeys(units - words, ()) if places is None else places
    if not parsed.clauses:
        excluded = tuple(Alternative(t.syllables, t.prefix) for t in parsed.excluded)
        return Plan(excluded=excluded, nothing=not parsed.empty_input and not excluded)
    parsed = _questions_read(parsed, lexicon)
    groups: list[Group] = []
    content: list[str] = []  # the kept syllables in order, for the exact phrase
    dropped: list[str] = []
    pending: list[str] = []
    capitals: list[bool] = []  # of the pending syllables
    listed: list[bool] = []  # of the pending syllables: a list mark typed after it (Term.listed)
    typed = [s for clause in parsed.clauses for t in clause for s in t.syllables]
    answers = lexicon.answers_asked(typed)
    if ranked := _ranked_asks(answers):  # "đơn vị nào đứng đầu …": asked, not required
        lexicon = lexicon.asking(ranked)
    if framed := lexicon.framed_ranked(typed):  # "có đáp ứng yêu cầu …", "có xã nào chưa … không"
        lexicon = lexicon.ranking(framed)
    answer = tuple(Alternative(h) for h in _answer_holds(answers))  # Plan.answer
    asking = lexicon.is_question(typed)  # the whole query's, not one run's: a quoted word splits runs
    unlike = tuple(Alternative(u) for u in _answer_unlike(answers))  # Plan.unlike
    cues: list[tuple[int, Cue]] = []  # the polarity cues, at their places in `typed`, in query order
    stated: list[tuple[int, Cue]] = []  # the cues of a condition before "thì" (`_cut_run`)
    start = 0  # the place in `typed` of the pending run
    optional: list[Alternative] = []
    unquoted: set[int] = set()  # the groups cut from unquoted words (a quoted phrase is never split)
    restored: list[Alternative] = []

    def flush() -> None:
        kept, lost, seen, wished, said, read, told = _cut_run(pending, lexicon, words, units, capitals,
                                                              listed, asking=asking, places=places,
                                                              unwritten=unwritten)
        restored.extend(a for a in read if a not in restored)
        unquoted.update(range(len(groups), len(groups) + len(kept)))
        groups.extend(kept)
        dropped.extend(lost)
        cues.extend((start + at, cue) for at, cue in seen)
        stated.extend((start + at, cue) for at, cue in told)
        optional.extend(wished)
        content.extend(said)
        pending.clear()
        capitals.clear()
        listed.clear()

    at = 0  # the place in `typed` just after the clause
    for clause in parsed.clauses:
        at += sum(len(t.syllables) for t in clause)
        # A loose word joins the run of unquoted words; so does a joined word ending a synonym
        # member the run began ("bộ phận TN&TKQ"), the run then never empty.
        if len(clause) == 1 and (_loose(clause[0]) or _ends_member(pending, clause[0], lexicon)
                                 or _ends_agency(pending, clause[0])):
            if not pending:
                start = at - len(clause[0].syllables)
            pending.extend(clause[0].syllables)
            capitals.extend(clause[0].capitals or [False] * len(clause[0].syllables))
            listed.extend(_listed(clause[0]))
            continue
        number = next((t.number for t in clause if t.number), None)
        if number and (cited := lexicon.citation_before(pending)):  # "Quyết định số 139/QĐ-UBND"
            dropped.extend(pending[len(pending) - cited:])
            del pending[len(pending) - cited:]
            del capitals[len(capitals) - cited:]
            del listed[len(listed) - cited:]
        flush()
        alternatives: list[Alternative] = []
        for term in clause:
            alternatives.extend(_with_synonyms(term.syllables, term.prefix, lexicon))
        # A quoted unit name is still that unit: the phrase, or findings about the unit.
        key = _quoted_name(clause)
        named = key in units and names_place(clause[0].syllables, clause[0].capitals, lexicon, places)
        unit = key if named else None
        groups.append(Group(_unique(alternatives), unit=unit, doc_number=number))
        if not clause[0].prefix:
            content.extend(clause[0].syllables)
    flush()
    groups, unquoted = _named_once(groups, unquoted)
    cues = lexicon.with_manner(typed, [(at, cue) for at, cue in cues if asking or not cue.only_in_questions],
                               stated)
    decisive = lexicon.asked(typed, cues)
    both = decisive is not None and lexicon.joins_sections(typed, cues, decisive)
    polarity = decisive.polarity if decisive and not both else None  # both sections: neither first
    if not groups and optional and lexicon.manner_verb(typed) is not None:
        # "kiến nghị xử lý thế nào": no matter besides the verb asked about, which is then the matter
        return analyse(parsed, dataclasses.replace(lexicon, manner_verbs=()), words, units, places, unwritten)
    if not groups and optional:  # only cue or optional words ("hạn chế"): they are required after all
        # each read whole, as the lexicon knew it: "đoàn kiểm tra đánh giá cao đơn vị nào" asks for
        # "đánh giá cao", the praise, not for "đánh giá" and "cao" (the amount) apart
        plain = parse(" ".join(" ".join(a.syllables) for a in optional))
        whole = {" ".join(fold(s) for s in a.syllables) for a in optional if len(a.syllables) > 1}
        kept = analyse(plain, lexicon.without_cues(), words | whole, units, places, unwritten)
        place = lexicon.asks_place(typed)
        return dataclasses.replace(kept, polarity=polarity, paired=lexicon.paired_of(polarity),
                                   dropped=tuple(dropped),
                                   question=lexicon.asks_matter(typed, cues), answer=answer, unlike=unlike,
                                   place_asked=place, place_tiers=lexicon.place_tiers(typed),
                                   amount_asked=lexicon.amount.asks_amount(typed, place))
    if not groups:  # only stop words: then they are what the user is looking for
        plain = parse(" ".join(dropped))
        return analyse(plain, Lexicon((), (), lexicon.synonyms, abbreviations=lexicon.abbreviations,
                                      expansions=lexicon.expansions),
                       words, units, places, unwritten)
    # The words as typed rank first among equals: the whole query when it has several groups, and
    # a group's own words before its synonyms ("quá hạn" before "trễ hẹn") when it has one.
    several = len(groups) + len(optional) > 1 and len(content) > 1
    synonyms = len(groups) == 1 and len(groups[0].alternatives) > 1 and bool(content)
    exact = Alternative(tuple(content)) if several or synonyms else None
    place = lexicon.asks_place(typed)
    return Plan(tuple(groups), tuple(Alternative(t.syllables, t.prefix) for t in parsed.excluded), exact,
                dropped=tuple(dropped), polarity=polarity, paired=lexicon.paired_of(polarity),
                optional=_unique(optional),
                polarity_group=any(_is_category(a, lexicon, polarity) for a in optional),
                parts=_parts(groups, unquoted, lexicon, words, restored), restored=tuple(restored),
                loose=_syllable_groups(groups, unquoted, lexicon),
                related=_related(groups, lexicon, words, restored),
                answer=answer, unlike=unlike,
                question=lexicon.asks_matter(typed, cues), yes_no=bool(_frame(typed, lexicon)),
                place_asked=place, place_tiers=lexicon.place_tiers(typed),
                amount_asked=lexicon.amount.asks_amount(typed, place))


def _questions_read(parsed: Parsed, lexicon: Lexicon) -> Parsed:
    """`parsed` with each unquoted question word typed without accents written as the lexicon
    reads it (`Lexicon.question_read_at`: "phai lam gi" → "phai lam gì"); quoted words as typed."""
    typed = [s for clause in parsed.clauses for t in clause for s in t.syllables]
    read = lexicon.questions_read(typed)
    if read == typed:
        return parsed
    at = 0
    clauses: list[tuple[Term, ...]] = []
    for clause in parsed.clauses:
        terms: list[Term] = []
        for term in clause:
            size = len(term.syllables)
            own = tuple(read[at:at + size])
            terms.append(dataclasses.replace(term, syllables=own) if _loose(term) else term)
            at += size
        clauses.append(tuple(terms))
    return dataclasses.replace(parsed, clauses=tuple(clauses))


def _named_once(groups: Sequence[Group], unquoted: set[int]) -> tuple[list[Group], set[int]]:
    """The groups without those repeating an earlier one (the same alternatives, folded), and the
    places of the unquoted ones among them.

    Why: staff name a thing and its abbreviation side by side ("hệ thống quản lý chất lượng
    ISO", "bộ phận một cửa (BPMC)", "áp dụng HTQLCL ISO"); both are members of one synonym set,
    so both become the same group, which would count twice in bm25 and in the groups a
    fallback finding must hold, though the query asks for the thing once."""
    kept: list[Group] = []
    places: set[int] = set()
    seen: set[frozenset[tuple[str, ...]]] = set()
    for at, group in enumerate(groups):
        key = frozenset(a.folded for a in group.alternatives)
        if not group.keyed and len(group.alternatives) > 1:
            if key in seen:
                continue
            seen.add(key)
        if at in unquoted:
            places.add(len(kept))
        kept.append(group)
    return kept, places


def _listed(term: Term) -> list[bool]:
    """Per syllable of a term, whether a list mark follows it (the last, when Term.listed)."""
    return [False] * (len(term.syllables) - 1) + [term.listed]


def _ends_member(pending: Sequence[str], term: Term, lexicon: Lexicon) -> bool:
    """Whether a joined word ("TN&TKQ", `Term.joined`) ends a synonym member begun by the
    unquoted words before it (`pending`): "bộ phận TN&TKQ" is the one-stop desk as the decree
    abbreviates it, one member of its set, not "bộ phận" and the desk's work. The joined word is
    then read with those words, as the member they make together; else it stays a phrase of
    its own (the index sees its parts in a row)."""
    if not term.joined or term.prefix or term.number or not pending:
        return False
    for start in range(max(0, len(pending) - MAX_WORD_SYLLABLES), len(pending)):
        combined = [*pending[start:], *term.syllables]
        if lexicon.synonyms_at(combined, 0)[0] == len(combined):
            return True
    return False


def _ends_agency(pending: Sequence[str], term: Term) -> bool:
    """Whether a joined word ("TN&MT") ends an agency's name begun by the words before it ("Sở
    TN&MT", core/agencies.py): it is then read with them, as the agency they name together."""
    if not term.joined or term.prefix or term.number or not pending:
        return False
    table = agencies()
    combined = [*pending, *term.syllables]
    for start in range(max(0, len(pending) - table.longest), len(pending)):
        hit = table.at(combined, start, loose=True)
        if hit and start + hit[0] == len(combined):
            return True
    return False


def _names_inspector(typed: Sequence[str], at: int, length: int) -> bool:
    """Whether the words `typed[at:at + length]` name the inspecting body in the query's words
    (core/inspectors.py: "do Sở Nội vụ kiểm tra", "Đoàn kiểm tra của Sở Nội vụ")."""
    start = len(" ".join(typed[:at])) + (1 if at else 0)
    end = start + len(" ".join(typed[at:at + length]))
    return names_inspector(" ".join(typed), start, end)


def _agency_group(typed: Sequence[str], at: int, length: int, agency: Agency, lexicon: Lexicon) -> Group:
    """The group of an agency typed at `at` ("Sở TN&MT"): the findings about it (`Group.unit`, the
    key its records carry: core/attribution.py), or holding any of its names as the table and the
    genre's synonyms write them ("Sở Tài nguyên và Môi trường", "Sở TNMT"), with their accents
    when the user typed accents, folded when not (`_members`)."""
    span = tuple(typed[at:at + length])
    size, members = lexicon.synonyms_at(typed, at)
    forms = (*agencies().forms_of(agency), *(members if size == length else ()))
    written = _members(span, forms)  # accented as the user typed them, as a synonym set's are
    return Group(_unique(written), unit=filter_key(agency.name), agency=True)


def _parts(groups: Sequence[Group], unquoted: set[int], lexicon: Lexicon,
           words: set[str], restored: Sequence[Alternative]) -> tuple[Part, ...]:
    """The words inside each topical group's terms of two words or more (Part, `_words_inside`),
    cut as the genre writes the term when it was typed without accents (`_written`): "dao tao
    boi duong" has the parts "đào tạo" and "bồi dưỡng" as its accented form has, where the
    folded syllables alone would not be cut at all.
    Only of unquoted words (quotes ask for the phrase); of an abbreviation's expansions only those
    of at most MAX_WORD_SYLLABLES + 1 syllables: a longer one is a description, whose words are
    the genre's commonest."""
    out: dict[tuple[str, ...], Part] = {}
    whole = {alt.folded for g in groups for alt in g.alternatives}
    for k, group in enumerate(groups):
        if group.sense or group.keyed or k not in unquoted:
            continue
        # The term as typed; an abbreviation typed ("DVC") stands for its expansions, whose
        # words are then the user's. Other synonyms' words are not ("kết quả" of "chậm trả kết
        # quả" for "trễ hạn" would fill with any finding naming a result).
        said = group.alternatives if len(group.alternatives[0].syllables) == 1 else group.alternatives[:1]
        for alt in said:
            typed = list(alt.syllables)
            longest = len(typed) if alt is group.alternatives[0] else MAX_WORD_SYLLABLES + 1
            if alt.prefix or not 2 < len(typed) <= longest:
                continue
            for piece in _words_inside(typed, words, lexicon, whole, _written(alt, lexicon, restored)):
                out.setdefault(piece.folded, Part(k, piece))
    return tuple(out.values())


def _syllable_groups(groups: Sequence[Group], unquoted: set[int], lexicon: Lexicon) -> tuple[Group, ...]:
    """The plan's loosest reading (`Plan.loose`, `Plan.loosened`): each syllable of the typed
    term of every topical group, one group each. A term of several syllables gives its syllables
    as typed, stop words left out (the accent rule kept: "tô" of "ô tô" is not "tổ"); a term of
    one syllable typed with accents gives it folded (no finding writes "gờ": "gỗ", "gò" are the
    letters typed). A unit or a document number is a name no finding matched: its syllables are
    other things ("Hà" of "Hà Nội"), so it is left out, as is a quoted phrase (quotes ask for the
    phrase) and a prefix; a sense group is kept whole by `loosened`. None when no group loosens."""
    out: list[Group] = []
    seen: set[str] = set()
    for k, group in enumerate(groups):
        if group.sense or group.keyed or k not in unquoted or not group.alternatives:
            continue
        typed = group.alternatives[0]
        if typed.prefix or typed.literal:
            continue
        if len(typed.syllables) == 1:
            pieces = [fold(typed.syllables[0])] if typed.any_accent else []
        else:
            pieces = [s for s in typed.syllables if not lexicon.stopword_at([s], 0)]
        for piece in pieces:
            if piece not in seen:
                seen.add(piece)
                out.append(Group((Alternative((piece,)),)))
    return tuple(out)


def _related(groups: Sequence[Group], lexicon: Lexicon, words: set[str],
             restored: Sequence[Alternative]) -> tuple[Alternative, ...]:
    """The words inside every term of each topical group, its synonyms' too (`_words_inside`),
    folded: what ranks the matter tier's findings holding none of the groups (module
    docstring). Unlike the fill's parts, every
    member's words count: a finding already of the query's matter that holds "vắng mặt" (of
    "vắng mặt không lý do") speaks of the absence "nghỉ làm không phép" asks about, where in the
    whole index "kết quả" (of "chậm trả kết quả") would be any result."""
    out: dict[tuple[str, ...], Alternative] = {}
    whole = {alt.folded for g in groups for alt in g.alternatives}
    for group in groups:
        if group.sense or group.keyed:
            continue
        for alt in group.alternatives:
            typed = list(alt.syllables)
            if alt.prefix or alt.literal or len(typed) < 3:
                continue
            for piece in _words_inside(typed, words, lexicon, whole, _written(alt, lexicon, restored)):
                out.setdefault(piece.folded, Alternative(piece.folded))
    return tuple(out.values())


def _words_inside(typed: list[str], words: set[str], lexicon: Lexicon,
                  whole: set[tuple[str, ...]], written: Sequence[str] = ()) -> Iterator[Alternative]:
    """The words inside a term (`typed`, its syllables), cut as the query is (`_best_cut`): those
    of two syllables or more, since one syllable of a Vietnamese compound is a morpheme, not its
    meaning ("hồ" of "hồ sơ"), and none that is itself a term of a group (`whole`, folded).

    Cut on `written`, the term with its accents when they are known though the user typed none
    (`_written`): the cut reads the dictionary only where there are accents, so the folded "di
    lam muon" would stay whole where "đi làm muộn" holds "đi làm"; the pieces keep the typed
    syllables, and match as typed."""
    shape = list(written) if len(written) == len(typed) else typed
    cut = _best_cut(shape, words, set(), lexicon, end=len(typed), most=len(typed) - 1)
    i = 0
    while i < len(typed):
        size = max(1, cut[i])
        piece = Alternative(tuple(typed[i:i + size]))
        if size > 1 and piece.folded not in whole:
            yield piece
        i += size


def _written(alt: Alternative, lexicon: Lexicon, restored: Sequence[Alternative]) -> tuple[str, ...]:
    """An alternative typed without any accent as the genre writes it, when that is known: the
    one synonym member of its folded form (synonyms.toml writes them with accents), else its
    restored reading (Plan.restored, index/accents.py); else as typed."""
    if alt.any_accent:
        return alt.syllables
    member = lexicon.member_written(alt.folded)
    if member is not None:
        return member
    return next((r.syllables for r in restored if r.folded == alt.folded), alt.syllables)


def _is_category(alt: Alternative, lexicon: Lexicon, polarity: str | None) -> bool:
    """Whether an optional word is a cue of the polarity asked for (a category word the polarity
    stands for): "kiến nghị" in "… chưa đạt chuẩn thì kiến nghị thế nào", not "vi phạm" in "xử
    lý kỷ luật cán bộ vi phạm", which asks for recommendations. Not a cue typed without its marks
    (`Cue.typed_bare`) that is ranked only because folded (`_cut_run`): a required one, or a
    marker ("bi"), dropped so: it names the finding's sense, not a section of the report. One kept
    and not required ("yeu", "kem", and "con" since "còn" is ranked) is ranked typed either way, a
    category word as "yếu" is: "con ho so" asks for the shortcomings' section, though folded "con"
    is also the child of "khai sinh cho con". Nor a cue read only before its object (`Cue.objects`:
    "yêu cầu" before "người dân", the forbidden act): it names the matter's polarity, no section;
    read alone, the word is the other intent's cue ("yêu cầu" of the recommendations), whose
    polarity is not the one asked."""
    cue = lexicon.cue_at(alt.syllables, 0, headless=True)  # its head read already, when it needs one
    if cue is None or not cue.polarity or cue.polarity != polarity \
            or len(cue.syllables) != len(alt.syllables):
        return False
    return not (cue.typed_bare(alt.syllables[0]) and (cue.required or not cue.kept))


def _cut_run(typed: list[str], lexicon: Lexicon, words: set[str], units: set[str],
             capitals: Sequence[bool] = (), listed: Sequence[bool] = (), *, asking: bool,
             places: Places | None = None, unwritten: Collection[str] = frozenset()
             ) -> tuple[list[Group], list[str], list[tuple[int, Cue]], list[Alternative], list[str],
                        list[Alternative], list[tuple[int, Cue]]]:
    """Groups of one run of unquoted words, the stop words dropped from it, its polarity cues at
    their places in the run (in order), the cue words that are not required, the syllables kept
    for the exact phrase (groups and cue words, in order), the accented readings of the words
    typed without accents (`_readings`) and the cues of a condition before "thì" (`_conditioned`),
    which ask for no polarity but say the state whose handling a question of manner asks about
    (`Lexicon.with_manner`). `asking`: whether the query the run is part of asks a question
    (`Lexicon.is_question`), whose clause of circumstance is then ranked."""
    groups: list[Group] = []
    dropped: list[str] = []
    cues: list[tuple[int, Cue]] = []
    stated: list[tuple[int, Cue]] = []  # the condition's cues: a state, no polarity asked
    optional: list[Alternative] = []
    said: list[str] = []  # the syllables kept for the exact phrase: groups and cue words, in order
    read: list[Alternative] = []  # the accented readings of its words typed without accents
    skip = _frame(typed, lexicon)
    marks = {k + 1 for k, mark in enumerate(listed) if mark and k + 1 < len(typed)}  # no word spans one
    cuts: dict[int, list[int]] = {}  # the best cut of the run up to each end (a frame word or its end)
    breaks = (*skip, *marks, *lexicon.judged_heads(typed))  # no word spans a frame word, a list mark,
    # nor a noun and the judgement following it ("điểm số | cao hơn")

    def run_cut(at: int) -> list[int]:
        """The best cut (`_best_cut`) of the run holding `at`, made once per run."""
        stop = _run_end(at, len(typed), breaks)
        if stop not in cuts:
            cuts[stop] = _best_cut(typed, words, units, lexicon, stop, unwritten=unwritten)
        return cuts[stop]

    links: set[int] = set()  # groups coordinated with the group before them (`_coordinated`)
    setting = False  # the next group is the setting of a topic already said (Lexicon.settings)
    sector = False  # the next words are a sector's field, after its classifier (index/sectors.py)
    clause = False  # in a question, the rest is a clause of circumstance after the topic
    condition = condition_at = 0  # in a question, the groups before its last "thì", and where it is
    sense = -1
    sense_read: tuple[tuple[str, ...], ...] = ()  # the sense cue's word and members, when typed bare
    i = 0
    while i < len(typed):
        if i in skip:
            dropped.append(typed[i])
            i += 1
            continue
        joins = _entry_at(lexicon.coordinators, typed, i)
        if joins and groups and i + joins < len(typed) and lexicon.synonyms_at(typed, i)[0] <= joins:
            links.add(len(groups))  # "phiếu hẹn hoặc sổ theo dõi": the word joins, it names nothing
            dropped.extend(typed[i:i + joins])
            i += joins
            continue
        if 0 <= sense < len(groups):
            groups[sense] = _sense_as_read(dataclasses.replace(groups[sense], sense=True), sense_read)
            sense = -1
        if manner := lexicon.manner_verb_at(typed, i):  # "xử lý thế nào": the question's frame
            optional.append(Alternative(tuple(typed[i:i + manner])))
            said.extend(typed[i:i + manner])
            i += manner
            continue
        if abbreviated := _abbreviated_unit(typed, i, units):
            size, key = abbreviated
            name = tuple(typed[i + 1:i + size])
            groups.append(Group((Alternative(name),), unit=key))
            dropped.append(typed[i])  # the level's abbreviation: the unit says it
            setting = False
            said.extend(name)
            i += size
            continue
        end = _run_end(i, len(typed), breaks)
        bound = (_in_word(run_cut(i), i - 1), _word_after(run_cut(i), i))  # the cut's words beside
        cue = lexicon.cue_at(typed, i, bound, ends=partial(_cut_ends, run_cut), marks=marks,
                             unwritten=unwritten)
        size = len(cue.syllables) if cue else 0
        # A ranked word of no polarity (a light verb, a filler noun: query_stopwords.txt) gives way
        # to a synonym member it begins, as to a longer word: "thủ tục hành chính" is TTHC, one
        # term, not the head noun "thủ tục" before the words "hành chính".
        member = lexicon.synonyms_at(typed, i)[0] if cue and not cue.polarity else 0
        if cue and not cue.polarity and (inside := _member_runs_past(typed, i, len(cue.syllables), lexicon)):
            # "đoàn kiểm tra | công vụ": the member "kiểm tra công vụ" is the word; the phrase's
            # syllables before it ("đoàn") stay ranked, as the phrase was, not a required word
            optional.append(Alternative(tuple(typed[i:inside])))
            said.extend(typed[i:inside])
            read.extend(_readings(typed[i:inside], lexicon, units))
            i = inside
            continue
        guess = _folded_word(typed, i, run_cut(i), lexicon, unwritten) if cue else 0  # as `_dictionary_word`
        applied = bool(cue) and size >= max(_longest(typed, i, words, lo=2),
                                            _dictionary_word(typed, i, lexicon), member, guess)
        if pair := lexicon.act_pair(typed, i, cue if applied else None, partial(lexicon.cue_at, typed)):
            if pair.cue is not None:  # "biểu dương khen thưởng", "khen thưởng, tuyên dương": the act
                cues.append((pair.cue_at, pair.cue))  # itself, a matter (Lexicon.act_pair)
            _add_group(Group(tuple(Alternative(v) for v in pair.verbs)), setting or clause, groups, optional)
            setting = False
            dropped.extend(typed[i:i + pair.lead])  # "bị": the passive's marker
            said.extend(typed[i + pair.lead:i + pair.size])
            read.extend(r for v in pair.verbs for r in _readings(v, lexicon, units))
            i += pair.size
            continue
        if cue and applied:
            if cue.polarity:
                cues.append((i, cue))
            # A one-syllable cue typed without its marks ("bi", "con": Lexicon._cue_written_at) gives
            # its polarity, and is ranked, never dropped nor required: the syllable may yet be the
            # content word of its spelling (con, cơn), as `folded_light_at` keeps it.
            folded = cue.typed_bare(typed[i])
            if not cue.required and not cue.kept and not folded:  # a grammatical marker: no word
                dropped.extend(typed[i:i + size])
                i += size
                continue
            if not cue.required or folded:
                if not cue.polarity:  # "… sau kiểm tra": a ranked preposition of time may set a time
                    setting = any(_listable(g) for g in groups) \
                        and bool(_entry_at(lexicon.settings, typed, i))
                dropped.extend(typed[i:i + cue.lead])  # "còn nhiều" of "còn nhiều tồn tại": leads only
                optional.append(Alternative(tuple(typed[i + cue.lead:i + size])))
                optional.extend(_cue_siblings(typed, i, cue, size, lexicon, folded))
                said.extend(typed[i + cue.lead:i + size])
                read.extend(_readings(typed[i + cue.lead:i + size], lexicon, units))
                i += size
                continue
            # The group this cue's word makes carries the query's sense; not a synonym member
            # the cue only begins ("chậm giờ", "chậm trả kết quả"): that names the breach, a
            # topic of its own, and as a sense group it would admit no finding to the partial
            # stages (Plan.topical), so "CBCC chậm giờ" would lose the late staff not called CBCC.
            if cue.sense and lexicon.synonyms_at(typed, i)[0] <= size:
                sense = len(groups)
                # Typed without its marks ("chua"), the cue was read as its word: its group is that
                # word and its set's members as written (`_sense_as_read`), not every form they fold from
                sense_read = () if any(map(is_accented, typed[i:i + size])) else (
                    cue.syllables, *lexicon.synonyms_at(list(cue.syllables), 0)[1])
        if (government := agencies().committee_at(typed, i)) and i + government < len(typed) and (
                _unit_at(typed, i + government, units, capitals, lexicon, places)
                or _abbreviated_unit(typed, i + government, units)):
            dropped.extend(typed[i:i + government])  # "UBND huyện X": the unit's government is the unit
            i += government
            continue
        if found := agencies().at(typed, i, loose=True):
            agency = _agency_group(typed, i, found[0], found[1], lexicon)
            # The one-stop centre after the topic and a preposition of place ("… ở trung tâm hành
            # chính công"), or in a question's clause of circumstance, is where the topic is asked
            # about, as "ở bộ phận một cửa" is: every commune has one, so it names no one body to
            # order the pool by (intents.toml [setting] agencies). Any other agency named ("tại Sở
            # Tài chính") is a filter the user asks for, as a unit is.
            # The inspecting body ("tồn tại do Sở Nội vụ kiểm tra chỉ ra", "kết quả kiểm tra của Sở
            # Nội vụ": core/inspectors.py, the frames the attribution reads of findings) is not the
            # body asked about: its findings are about the units it inspected, so it orders the
            # pool as a word would and filters nothing.
            if ((setting or clause) and found[1].name in lexicon.setting_agencies
                    or _names_inspector(typed, i, found[0])):
                _add_group(Group(agency.alternatives), True, groups, optional)
            else:
                groups.append(agency)
            setting = False
            said.extend(typed[i:i + found[0]])
            i += found[0]
            continue
        if (bare := agencies().bare_head_at(typed, i)) and (bare[0] > 1 or not _in_word(run_cut(i), i)):
            # "các sở, ngành", "sở nào": the kind of body, the findings about any of its agencies (one
            # key, `Group.kind`) or holding a collective ("các sở, ban, ngành"), never the bare
            # syllable the premises' "trụ sở" also holds
            _add_group(Group(tuple(Alternative(c) for c in bare[1]), kind=bare[2]),
                       setting or clause, groups, optional)
            setting = False
            said.extend(typed[i:i + bare[0]])
            i += bare[0]
            continue
        if lead := sectors().classifier_at(typed, i):  # "ngành" of "ngành y tế": the sector's classifier
            dropped.extend(typed[i:i + lead])
            i += lead
            sector = True
            continue
        taken, institutions = sectors().institutions_at(typed, i, sector)
        sector = False
        if taken:  # "y tế" after "ngành", "trường học": the sector's institutions, one way
            size, members = lexicon.synonyms_at(typed, i)
            own = _members(typed[i:i + taken], members if size == taken else (), lexicon.accented_members)
            _add_group(Group(_unique((*own, *(Alternative(t) for t in institutions)))), setting or clause,
                       groups, optional)
            setting = False
            said.extend(typed[i:i + taken])
            i += taken
            continue
        length, members = lexicon.synonyms_at(typed, i)
        if length:
            brought = (*members, *lexicon.broader.get(members, ()))  # one way: the broader words too
            group = Group(_unique(_members(typed[i:i + length], brought, lexicon.accented_members)))
            _add_group(group, setting or clause, groups, optional)  # "… ở 1 cửa": where, not what
            setting = False
            said.extend(typed[i:i + length])
            read.extend(_readings(typed[i:i + length], lexicon, units, members))
            i += length
            continue
        if unit := _unit_at(typed, i, units, capitals, lexicon, places):
            name = tuple(typed[i:i + unit])
            groups.append(Group((Alternative(name),), unit=" ".join(fold(s) for s in name)))
            setting = False  # a unit named is a filter the user asks for, wherever it stands
            said.extend(name)
            i += unit
            continue
        stop = lexicon.stopword_at(typed, i)
        word = cuts[end][i]
        if stop and stop >= word and not lexicon.unasked_at(typed, i, stop):
            topic = any(_listable(g) for g in groups)  # a matter said before the word
            setting = topic and bool(_entry_at(lexicon.settings, typed, i))
            clause = clause or (topic and asking and lexicon.opens_circumstance(typed, i))
            if topic and asking and _entry_at(lexicon.topic_ends, typed, i):
                condition, condition_at = len(groups), i  # "cán bộ vắng mặt thì …": a condition?
            dropped.extend(typed[i:i + stop])
            i += stop
            continue
        # "co", "cap" without accents: ranked only (not a cue's group of the query's sense: "con")
        if not word and sense != len(groups) and lexicon.folded_light_at(typed, i, bound, unwritten):
            optional.append(Alternative((typed[i],)))
            said.append(typed[i])
            topic = any(_listable(g) for g in groups)  # "… vang mat tai tru so": a setting, as "tại"
            setting = topic and bool(lexicon.folded_entry_at(lexicon.settings, typed, i, bound, unwritten))
            if topic and asking and lexicon.folded_entry_at(lexicon.topic_ends, typed, i, bound, unwritten):
                condition, condition_at = len(groups), i  # "… tre hen thi co phai …": thì, as typed
            i += 1
            continue
        framing = _framing_level(typed, i, word, capitals, groups, lexicon)  # "PAR index tỉnh"
        size = framing or word or _morpheme(typed, i, end, cuts, words, units, lexicon, unwritten)
        ranked = setting or clause or bool(framing)
        _add_group(Group((Alternative(tuple(typed[i:i + size])),)), ranked, groups, optional)
        setting = False
        said.extend(typed[i:i + size])
        read.extend(_readings(typed[i:i + size], lexicon, units))
        i += size
    if 0 <= sense < len(groups):
        groups[sense] = dataclasses.replace(groups[sense], sense=True)
    if condition and not links and any(_listable(g) for g in groups[condition:]) \
            and any(at < condition_at for at, _ in cues):  # "phản ánh kiến nghị thì …": the object
        groups, occasion = _conditioned(groups, condition)
        optional.extend(occasion)
        stated = [(at, cue) for at, cue in cues if at < condition_at]
        cues = [(at, cue) for at, cue in cues if at > condition_at]  # the occasion names no polarity
    groups, verbs = _clauses(groups, links)
    optional.extend(verbs)
    return _coordinated(groups, links), dropped, cues, optional, said, read, stated


def _conditioned(groups: list[Group], condition: int) -> tuple[list[Group], list[Alternative]]:
    """A question's groups with those of its condition ranked, not required: the groups before its
    last "thì" (`condition` of them), the comment after it naming a matter of its own (a group
    `_listable`), while its polarity cues are left to the comment (`_cut_run`).

    Why: Vietnamese says a condition as the topic of "thì" ("cán bộ xã vắng mặt thì người đứng đầu
    có phải chịu trách nhiệm không"), as it says it after "khi" ("người đứng đầu có phải chịu trách
    nhiệm khi cán bộ vắng mặt không"), whose clause a question ranks (intents.toml [reading]
    circumstances): the answer is the comment's matter, the head's responsibility, which the finding
    prescribing it states without the occasion. A comment naming no matter of its own ("cán bộ
    chưa đạt chuẩn thì đoàn kiểm tra kiến nghị xử lý thế nào": cue and question words only) asks
    about the topic, which stays required; a unit or a document number named there is a filter.
    The caller reads a topic as a condition only when it says a state (holds a polarity cue): a
    topic naming a thing ("phản ánh kiến nghị của dân thì được tiếp nhận thế nào") is the object
    the comment asks about, required (session 23, read30)."""
    kept = [g for k, g in enumerate(groups) if k >= condition or g.keyed]
    ranked = [a for g in groups[:condition] if not g.keyed for a in g.alternatives]
    return kept, ranked


def _member_runs_past(typed: Sequence[str], at: int, size: int, lexicon: Lexicon) -> int:
    """Where a synonym member starting inside the `size` syllables from `at` (after the first)
    and running past them starts; 0 when none does. Why: a ranked word of no polarity (a light
    phrase, query_stopwords.txt: "đoàn kiểm tra") gives way to a longer word, and a member it would
    cut in two ("đoàn kiểm tra | công vụ": "kiểm tra công vụ", the inspection of public service) is
    the longer word there, as `_swallows` keeps a member whole against a word of the index."""
    return next((k for k in range(at + 1, at + size) if k + lexicon.synonyms_at(typed, k)[0] > at + size), 0)


def _word_after(sizes: Sequence[int], at: int) -> int:
    """The size of the cut's word of two syllables or more just after `at`, 0 when none."""
    return sizes[at + 1] if at + 1 < len(sizes) and sizes[at + 1] > 1 else 0


def _run_end(at: int, length: int, breaks: Iterable[int]) -> int:
    """Where the run of words holding `at` ends: the first break after it (a frame word, a list
    mark: no word spans one, `_cut_run`), else the query's end."""
    return min((k for k in breaks if k > at), default=length)


def _cut_ends(run_cut: Callable[[int], Sequence[int]], start: int, stop: int) -> bool:
    """Whether the query's words cut from `start` (each run's `_best_cut`, given by `run_cut`
    for a position) end one at `stop`, no word running past it."""
    at = start
    while at < stop:
        at += max(run_cut(at)[at], 1)
    return at == stop


def _in_word(sizes: Sequence[int], at: int) -> bool:
    """Whether position `at` lies inside a word of two syllables or more of a cut (`_best_cut`'s
    sizes: the length of the word starting at each position, 0 for none)."""
    if not 0 <= at < len(sizes):
        return False
    return any(sizes[k] > 1 and k + sizes[k] > at for k in range(max(0, at - MAX_WORD_SYLLABLES), at + 1))


def _framing_level(typed: Sequence[str], at: int, word: int, capitals: Sequence[bool],
                   groups: Sequence[Group], lexicon: Lexicon) -> int:
    """How many syllables from `at` make a level word that frames the topic said before it
    (`Lexicon.level_settings`: "PAR index tỉnh xếp thứ mấy", "cao nhất toàn tỉnh"), 0 when
    none does: no such entry starts there, or a longer word of the index or the dictionary does
    (`word`: "tinh giản"), or no matter was said before it (a level word opening the query is
    its subject), or a capitalised word follows it, the name of a unit the index does not know
    ("tỉnh Quảng Trị": a known one is cut as a unit before this is asked)."""
    size = _entry_at(lexicon.level_settings, typed, at)
    if not size or size < word or not any(_listable(g) for g in groups):
        return 0
    return 0 if at + size < len(capitals) and capitals[at + size] else size


def _morpheme(typed: list[str], at: int, end: int, cuts: dict[int, list[int]], words: Collection[str],
              units: Collection[str], lexicon: Lexicon, unwritten: Collection[str] = frozenset()) -> int:
    """How many syllables the group of a lone syllable typed without accents takes (`_cut_run`): 1,
    or, when the query writes that syllable again inside a longer word ("so" of "so theo doi ho
    so": sổ, and the sơ of hồ sơ), the syllable and the word after it, as one phrase ("so theo
    doi"), unless that word is a stop word, a cue, a synonym member or a unit.

    Why: folded, one syllable matches every word holding it ("so" is sổ, số, sơ, sở …), so every
    finding holding the longer word the query also names holds the lone syllable too: as a group
    of its own it requires nothing and counts the longer word twice in bm25. Typed alone where
    the cut knows no word, it is a morpheme of a compound the index and the cut do not know
    ("sổ theo dõi"), and Vietnamese compounds put the head first: with the word after it, it
    names the thing, as `_conjunct` reads a lone conjunct with its neighbour."""
    folded = fold(typed[at])
    nxt = at + 1
    if is_accented(typed[at]) or nxt >= end:
        return 1
    if not _inside_longer(typed, at, folded, cuts, words, units, lexicon, unwritten):
        return 1
    if (lexicon.stopword_at(typed, nxt) or lexicon.cue_at(typed, nxt) or lexicon.synonyms_at(typed, nxt)[0]
            or _longest(typed, nxt, set(units), lo=2)):
        return 1
    after = max(cuts[end][nxt], 1)
    if folded in (fold(s) for s in typed[nxt:nxt + after]):
        return 1  # "phi le phi": the word after repeats it, a list ("phí, lệ phí"), no compound
    return 1 + after


def _inside_longer(typed: list[str], at: int, folded: str, cuts: dict[int, list[int]], words: Collection[str],
                   units: Collection[str], lexicon: Lexicon,
                   unwritten: Collection[str] = frozenset()) -> bool:
    """Whether the folded syllable `folded` is, elsewhere in the run, a syllable of a word of two or
    more (the run cut whole, `_best_cut`: taken from, or kept in, `_cut_run`'s cuts by end, so a run
    is cut whole once however many lone syllables ask)."""
    if not any(fold(s) == folded for k, s in enumerate(typed) if k != at):
        return False
    if len(typed) not in cuts:
        cuts[len(typed)] = _best_cut(typed, words, units, lexicon, len(typed), unwritten=unwritten)
    sizes = cuts[len(typed)]
    k = 0
    while k < len(typed):
        size = max(sizes[k], 1)
        if size > 1 and not k <= at < k + size and folded in (fold(s) for s in typed[k:k + size]):
            return True
        k += size
    return False


def _unit_at(typed: list[str], at: int, units: set[str], capitals: Sequence[bool], lexicon: Lexicon,
             places: Places | None) -> int:
    """How many syllables from `at` name an indexed unit typed as its name (`names_place`), 0 when
    none: the unit `_cut_run` cuts there, and the one a government's title precedes ("UBND huyện X")."""
    unit = _longest(typed, at, units, lo=2)
    return unit if unit and names_place(typed[at:at + unit], capitals[at:at + unit], lexicon, places) else 0


def _abbreviated_unit(typed: Sequence[str], at: int, units: Collection[str]) -> tuple[int, str] | None:
    """A unit typed after the abbreviation of a level (core/levels.py: "TP Quy Nhơn", "tx an
    nhơn"), as (its syllables with the abbreviation's, the unit's key): the level-qualified name
    when the index knows it ("thanh pho quy nhon"), else the name; None when no unit follows.

    Why: staff type the level as the reports abbreviate it before a name ("TP.", "TX."), and read
    as words the abbreviation was a required word few findings write ("tp" of "tp Phan Thiết"),
    or, the segmenter having joined "TX.An Nhơn" as it stands in one text, a word of the index
    that only that text holds. The abbreviation says a name follows, as the level word does
    (`names_place`), so the name is the unit however it is typed."""
    level = level_of_abbreviation(typed[at])
    if level is None:
        return None
    folded = [fold(s) for s in typed[at + 1:at + 1 + MAX_WORD_SYLLABLES]]
    for n in range(len(folded), 0, -1):  # "TP Huế": one syllable with its level, as typed in full
        for key in (level_qualified(level, folded[:n]), " ".join(folded[:n]) if n > 1 else ""):
            if key in units:
                return 1 + n, key
    return None


def _cue_siblings(typed: Sequence[str], at: int, cue: Cue, size: int, lexicon: Lexicon,
                  folded: bool) -> list[Alternative]:
    """The other members of the synonym set the ranked cue at `at` is whole ("tuyên dương" →
    "biểu dương", "khen ngợi"), as written, ranked beside it; none for a cue with a lead ("còn
    nhiều"), a required or dropped one, one typed bare (`Cue.typed_bare`: a light word, maybe
    not the cue), or one no set names whole.

    Why: a cue is read before any synonym set (`_cut_run`: a cue as long as the member wins), so
    its set's other words were never asked, and the finding saying the sibling ("Đoàn kiểm tra
    ghi nhận, biểu dương …" for "tuyên dương cán bộ") ranked as one holding neither. The cue's
    polarity is read as before; the siblings are only ranked words, as the cue itself is."""
    if cue.lead or cue.required or not cue.kept or folded:
        return []
    length, members = lexicon.synonyms_at(typed, at)
    if length != size:
        return []
    own = tuple(map(fold, typed[at:at + size]))
    return [Alternative(tuple(m)) for m in members if tuple(map(fold, m)) != own]


def _sense_as_read(group: Group, written: Sequence[tuple[str, ...]]) -> Group:
    """A sense cue's group whose cue was typed without its marks ("chua" read as "chưa"), each
    alternative folding like one of `written` (the cue's word and its synonym set's members, as
    the lexicon writes them) matched in that form only; `group` itself when `written` is empty.

    Why: the cue was read as the negation ("xa nao chua niem yet": chưa), so the query asks for the
    findings saying it; matched folded, the group also took every other word the syllable folds
    from ("sửa chữa", "chùa", "chấm" for "cham", "khống" for "khong"), findings saying no negation
    at all, which the sense group then admitted as if they did."""
    if not written:
        return group
    by_fold = {tuple(map(fold, w)): tuple(w) for w in written}
    return dataclasses.replace(group, alternatives=tuple(
        dataclasses.replace(a, syllables=by_fold.get(a.folded, a.syllables)) for a in group.alternatives))


def _add_group(group: Group, ranked: bool, groups: list[Group], optional: list[Alternative]) -> None:
    """A group cut from a run, added to the required `groups`; or, when it says where or when the
    topic is asked about (`ranked`: a setting after "ở", a question's clause of circumstance:
    "hotline phản ánh kiến nghị ở 1 cửa"), its first forms (`SETTING_FORMS`) to the ranked words."""
    if ranked:
        optional.extend(group.alternatives[:SETTING_FORMS])
    else:
        groups.append(group)


def _clauses(groups: list[Group], links: set[int]) -> tuple[list[Group], list[Alternative]]:
    """Two negated clauses coordinated ("chưa gửi nhận văn bản điện tử hoặc chưa dùng chữ ký
    số") as one negation and one group of the clauses' last words, the matters they name; the
    clauses' other words (their verbs) become ranked words, not required ones.

    Why: Vietnamese puts the object last, after the verb ("dùng chữ ký số"), so the last word
    of each clause names the matter asked about, and a finding on it says its own verb ("sử
    dụng", "ký số", "phát hành"); the negation repeated is the query's one sense. `links` is
    updated in place: the link now joins the two matters."""
    for k in sorted(links):
        if not 0 < k < len(groups) or not groups[k].sense:
            continue
        opening = next((s for s in range(k - 1, -1, -1) if groups[s].sense
                        and groups[s].alternatives == groups[k].alternatives), None)
        end = min((j for j in links if j > k), default=len(groups))
        if opening is None or opening + 1 >= k - 1 or k + 1 >= end - 1 \
                or any(j in links for j in range(opening + 1, k)):
            continue
        left, right = list(range(opening + 1, k)), list(range(k + 1, end))
        if not all(_listable(groups[j]) for j in (*left, *right)):
            continue
        verbs = [a for j in (*left[:-1], *right[:-1]) for a in groups[j].alternatives[:1]]
        kept = [g for j, g in enumerate(groups) if j not in {*left[:-1], k, *right[:-1]}]
        links.clear()
        links.add(left[-1] - len(left) + 2)  # the matter of the left clause, its verbs gone
        return kept, verbs
    return groups, []


def _coordinated(groups: list[Group], links: Collection[int]) -> list[Group]:
    """The groups with the matters a query coordinates made one group of alternatives: `links`
    holds each group typed after a word offering a choice ("phiếu hẹn hoặc sổ theo dõi", "văn
    bản điện tử hoặc chữ ký số": Lexicon.coordinators), coordinated with the group before it;
    the rest of the query stays required.

    Why: a user offering a choice asks about each matter, and a finding names one far more often
    than both: requiring both keeps from the first stage the findings that answer. A finding
    naming both still ranks first among those matching as many groups (bm25 counts each
    alternative). A list (a comma, "và": "tổ chức bộ máy, biên chế", "phiếu hẹn và sổ theo dõi")
    is not read so: it names the parts of one heading of the reports, and the findings under it
    holding both answer best; they come first while both are required, and a finding naming one
    follows in the partial stages. Measured on the six judged sets (benchmarks/train_ranker.py
    --cv), lists read as alternatives lowered the held-out nDCG@10 (five folds 0.790 → 0.785).

    Each conjunct is the group beside the link (the nearest word: coordination in these
    queries lists nouns under one verb, "sắp xếp bộ máy, nhân sự", or verbs over one object,
    "bố trí, phân công cán bộ"); a conjunct of one syllable alone ("sổ" of "sổ theo dõi") is a
    morpheme of a compound the cut did not know, so it takes its neighbour away from the link
    with it as one phrase. A unit, a document number or a negation is never a conjunct: a place
    or a sense is no matter listed, and the group stays as it was."""
    if not links:
        return groups
    spans: list[list[tuple[int, ...]]] = []  # coordinations, each its conjuncts' group indexes
    for k in sorted(links):
        if not 0 < k < len(groups):
            continue
        left = _conjunct(groups, k - 1, -1, links)
        right = _conjunct(groups, k, 1, links)
        if left is None or right is None:
            continue
        if spans and spans[-1][-1] == left:
            spans[-1].append(right)
        elif not spans or left[0] > spans[-1][-1][-1]:
            spans.append([left, right])
    starts = {span[0][0]: span for span in spans}
    inside = {k for span in spans for conjunct in span for k in conjunct}
    out: list[Group] = []
    for k, group in enumerate(groups):
        if k in starts:
            alternatives = [a for conjunct in starts[k] for a in _conjunct_alternatives(groups, conjunct)]
            out.append(Group(_unique(alternatives)))
        elif k not in inside:
            out.append(group)
    return out


def _conjunct(groups: Sequence[Group], k: int, step: int, links: Collection[int]) -> tuple[int, ...] | None:
    """The groups of one conjunct beside a link: group `k`, with its neighbour further from the
    link (`step`) when `k` is one syllable alone and the neighbour is no link's; None when `k`
    cannot be listed (a unit, a document number, a negation: `_listable`)."""
    if not _listable(groups[k]):
        return None
    far = k + step
    lone = len(groups[k].alternatives) == 1 and len(groups[k].alternatives[0].syllables) == 1
    beyond = far if step > 0 else k  # the link between k and far, seen from the later group
    if lone and 0 <= far < len(groups) and _listable(groups[far]) and beyond not in links:
        return (min(k, far), max(k, far))
    return (k,)


def _listable(group: Group) -> bool:
    """Whether a group may be a conjunct: a matter, not a unit, a document number or a sense."""
    return not (group.keyed or group.sense) and not group.alternatives[0].prefix


def _conjunct_alternatives(groups: Sequence[Group], conjunct: tuple[int, ...]) -> list[Alternative]:
    """A conjunct as alternatives of the coordinated group: one group's own, or two groups'
    typed words in a row as one phrase ("sổ theo dõi")."""
    if len(conjunct) == 1:
        return list(groups[conjunct[0]].alternatives)
    return [Alternative(tuple(s for k in conjunct for s in groups[k].alternatives[0].syllables))]


def _readings(span: Sequence[str], lexicon: Lexicon, units: Collection[str] = (),
              members: Sequence[tuple[str, ...]] = ()) -> list[Alternative]:
    """The accented reading (a literal alternative, Plan.restored) of one word of the query's
    cut, two syllables or more with one typed without accents, when it is clear: the synonym
    member it is, as the synonym file writes it (the genre's spelling, however long: "he thong
    quan ly chat luong"), else the word's clear reading (index/accents.py). Nothing for a lone
    syllable, whose folded form has too many readings, nor for a word folded as the name of a
    unit of the index (`units`): place names are common words with other tones ("thanh tri" is
    the district Thanh Trì in these texts, the dictionary's one reading thành trì, a citadel),
    so typed without accents the word is as likely the place."""
    if len(span) < 2 or all(is_accented(s) for s in span) or " ".join(fold(s) for s in span) in units:
        return []
    written = {m for m in members if len(m) == len(span) and matches_at(span, m, 0)}
    found = next(iter(written)) if len(written) == 1 else reading(lexicon.readings, span)
    return [] if found is None or found == tuple(span) else [Alternative(found, literal=True)]


# Syllables of the longest level word ("thi tran"): how far `names_place` looks for one.
_LEVEL_SYLLABLES = max(len(word.split()) for word in FOLDED_WORDS)


def names_place(typed: Sequence[str], capitals: Sequence[bool], lexicon: Lexicon,
                places: Places | None = None) -> bool:
    """Whether syllables naming an indexed unit are typed as that unit's name: after a level
    word ("xã an ninh"), capitalised as Vietnamese writes a name (every syllable: "An Ninh"),
    or not a common word of the language (the dictionary's lowercase words: "đô lương" is
    none, so typed lowercase it is still the district), or, typed folded (no accent: "do luong",
    "thoi binh", "Do luong" as a phone capitalises a query's first letter, which says nothing of
    a name), a name whose word the index never writes (`places`: plan_query,
    `Vocabulary.written_elsewhere`); typed with accents, such a name when the accents typed are
    the name's own as the index writes it (`Places`: "bình định" for Bình Định, each accent
    typed agreeing, tone placement aside; "thời bình" is not Thới Bình).

    Why: many place names are common words ("An Ninh" security, "Thống Nhất" unified, "Đoàn
    Kết" solidarity, "Tiến Bộ" progress); the genre writes those words lowercase far more often
    than it names such a commune, so lowercase and without a level the word is the likelier
    reading, and taking it for the unit lists every finding about the commune. Typed without
    accents and capitals, as staff type on phones, the name loses what told it from the word
    (đô lương / đo lường, thới bình / thời bình); what is left to weigh is the genre's own use:
    a word no finding of the index writes, but as the name of the unit it is about ("thời
    bình", peacetime, is no matter of inspection reports), cannot be the likelier reading,
    while one written elsewhere ("an ninh quốc phòng", "tỉnh thống nhất") stays the word. Read
    as the place, the group still matches the syllables in the text (`Group.unit`: the place
    or the words), so no finding writing them is lost. Typed lowercase with accents ("hồ sơ trễ
    hạn bình định"), the same weighing holds when the accents typed are the name's: they tell
    the name from the word no better than no accents do where the name and the word are spelt
    alike (Bình Định, bình định: to pacify), and the index's use decides as it does folded; where
    they are not the name's ("thời bình" for the district Thới Bình), the user typed the word."""
    folded = [fold(s) for s in typed]
    if any(" ".join(folded[:n]) in FOLDED_WORDS for n in range(1, min(_LEVEL_SYLLABLES + 1, len(folded)))):
        return True
    if capitals and len(capitals) == len(typed) and all(capitals):
        return True
    if not lexicon.is_word(typed):
        return True
    spellings = (places or {}).get(" ".join(folded))
    if spellings is None:
        return False
    return not any(is_accented(s) for s in typed) or any(
        len(spelt) == len(typed) and matches_at(typed, spelt, 0) for spelt in spellings)


# How many times more findings must write a unit's name, as the index spells it, than the common word
# its folded form also is, for that folded form written elsewhere to be read as the name.
NAME_RATIO = 10


def _written_as_names(keys: Sequence[str], vocabulary: Vocabulary, lexicon: Lexicon) -> set[str]:
    """Of folded unit names the index writes outside the unit's findings (`written_elsewhere`),
    those it writes there as the name, not as the common word their fold also is: the word
    (the dictionary's, lowercase: "thành trì", "đa năng") spelt otherwise than the name ("Thanh
    Trì", "Đà Nẵng"), and the name's spelling written by `NAME_RATIO` times as many findings as
    the word's. Why: a report on a city names its districts ("huyện Thanh Trì") in findings about
    the city, which says nothing of the citadel; typed folded, the name is then the likelier
    reading (`names_place`). A name spelt as the word ("An Ninh", "an ninh": security) is never
    told apart so, and stays the word."""
    spellings = vocabulary.unit_spellings(keys)
    words: dict[str, list[tuple[str, ...]]] = {}
    names: dict[str, list[tuple[str, ...]]] = {}
    for key in keys:
        spelt = {tuple(canonical_tones(x) for x in s) for s in spellings.get(key, ())}
        forms = {tuple(canonical_tones(x) for x in f) for f in lexicon.dictionary.get(key, ())}
        if spelt and not spelt & forms:
            names[key], words[key] = sorted(spelt), sorted(forms)
    if not names:
        return set()
    counts = vocabulary.written_counts(sorted({(), *(f for fs in (*names.values(), *words.values())
                                                     for f in fs)}))
    if not counts.get(()):
        return set()

    def written(forms: Sequence[tuple[str, ...]]) -> int:
        return sum(counts.get(f, 0) for f in forms)

    return {key for key in names if written(names[key]) > NAME_RATIO * written(words[key])}


def _frame(typed: list[str], lexicon: Lexicon) -> set[int]:
    """Positions of a yes/no question frame's words ("có … không" with không last, "… hay
    chưa" ending the query), a word of the matter at least between them."""
    for first, last, accents_only in lexicon.frames:
        end = len(typed) - len(last)
        if end < 1 or not _written_at(typed, last, end, accents_only):
            continue
        if not first:
            return set(range(end, len(typed)))
        for i in range(end - len(first)):
            if matches_at(typed, first, i):
                return {*range(i, i + len(first)), *range(end, len(typed))}
    return set()


def _word_lengths(typed: list[str], at: int, end: int, words: Collection[str], units: Collection[str],
                  lexicon: Lexicon, most: int = MAX_WORD_SYLLABLES + 1,
                  unwritten: Collection[str] = frozenset()) -> list[int]:
    """The lengths (2 or more syllables, at most `most`) of the words, unit names and synonym
    members starting at `at` and ending before `end`, longest first; not a word of the index or
    the dictionary that would swallow a synonym member starting inside it (`_swallows`)."""
    out = []
    for n in range(min(most, MAX_WORD_SYLLABLES + 1, end - at), 1, -1):
        span = typed[at:at + n]
        key = " ".join(fold(s) for s in span)
        word = key in words or (n <= MAX_WORD_SYLLABLES and _cuts_as_word(span, lexicon, unwritten))
        if (key in units or lexicon.synonyms_at(span, 0)[0] == n
                or (word and not _swallows(typed, at, n, lexicon))):
            out.append(n)
    return out


def _swallows(typed: Sequence[str], at: int, n: int, lexicon: Lexicon) -> bool:
    """Whether the word of `n` syllables from `at` would swallow a synonym member starting inside
    it: an abbreviation (a member of one syllable: "niêm yết TTHC") or a member running past the
    word's end ("ban hành văn bản | quy phạm pháp luật" cuts "văn bản quy phạm pháp luật").

    The index's words are the segmenter's joins, which often take a verb with its object
    ("niêm_yết_TTHC", "ban_hành_văn_bản"); the genre's term inside is the word the user means,
    and as a group of its own it keeps its synonyms ("thủ tục hành chính" for TTHC), which the
    join would lose. A member lying whole inside a longer word ("trực tuyến" of "hồ sơ trực
    tuyến") is part of that word and stays in it.

    Typed without accents, a member running past a word whose folded form has one clear
    reading (index/accents.py) does not: folding makes members of syllables the user wrote
    as other words ("bo may lanh dao" is bộ máy | lãnh đạo, the folded "may lanh" máy lạnh
    only by the spelling), and the clear word is what the same query typed with its accents
    would cut (there "máy lạnh" does not match "máy lãnh")."""
    clear = " ".join(folded_syllable(s) for s in typed[at:at + n]) in lexicon.readings.clear
    for k in range(at + 1, at + n):
        length = lexicon.synonyms_at(typed, k)[0]
        folded = not any(map(is_accented, typed[k:k + length]))
        if length == 1 or k + length > at + n and not (clear and folded) \
                and not _shares_last(typed, at, n, k, length, lexicon):
            return True
    return False


def _shares_last(typed: Sequence[str], at: int, n: int, k: int, length: int, lexicon: Lexicon) -> bool:
    """Whether the word of `n` syllables from `at` and the synonym member of `length` from `k`
    share only the word's last syllable, the rest of the member being a word of its own: the
    overlap ambiguity ("đón tiếp công dân": đón tiếp | công dân, or đón | tiếp công dân), which
    the cut with fewer syllables left alone decides (`_best_cut`), not the member."""
    rest = typed[k + 1:k + length]
    return (k == at + n - 1 and len(rest) > 1
            and (lexicon.is_word(rest) or lexicon.synonyms_at(rest, 0)[0] == len(rest)))


def _best_cut(typed: list[str], words: Collection[str], units: Collection[str], lexicon: Lexicon,
              end: int, most: int = MAX_WORD_SYLLABLES + 1, *,
              unwritten: Collection[str] = frozenset()) -> list[int]:
    """For each position before `end`, how many syllables from it make the next word of the
    best cut of the run up to `end` (0: no word of two or more there).

    Not simply the longest: the cut of the rest of the run that leaves the fewest syllables
    outside any word, then has the fewest words, wins (maximum matching, as Vietnamese and
    Chinese word segmenters cut): "ky luat ky cuong hanh chinh" is "ky cuong | hanh chinh",
    not "ky cuong hanh | chinh", though a segmenter's slip put "kỷ_cương_hành" in the index.
    Between cuts as good, the one with fewer words the index does not hold wins: "nộp | hồ sơ |
    qua BCCI", not "nộp | hồ | sơ qua" (the dictionary's "briefly", which no report writes).
    Then the one whose later words are the longer (backward maximum matching, the more
    accurate direction): "cong | truc tuyen", not "cong truc | tuyen".
    One pass from the end serves every position, so a run is cut once, not once per word.
    """
    # position → (lone syllables, guessed words, words the index lacks, words) of the rest
    best: dict[int, tuple[int, int, int, int]] = {end: (0, 0, 0, 0)}
    sizes = [0] * end
    for k in range(end - 1, -1, -1):
        lengths = _word_lengths(typed, k, end, words, units, lexicon, most, unwritten)

        def cost(n: int, k: int = k) -> tuple[int, int, int, int]:
            span, rest = typed[k:k + n], best[k + n]
            unindexed = _unindexed(span, words, units, lexicon)
            guess = _guessed(span, unindexed)
            # a guess counts one syllable lone
            return rest[0] + guess, rest[1] + guess, rest[2] + unindexed, rest[3] + 1

        lone = (best[k + 1][0] + 1, best[k + 1][1], best[k + 1][2], best[k + 1][3] + 1)
        costs = {n: cost(n) for n in lengths}  # each once: a cost looks the span up in the lists
        best[k] = min([lone, *costs.values()])
        if lone != best[k]:  # else one syllable alone
            sizes[k] = next(n for n in reversed(lengths) if costs[n] == best[k])
    return sizes


def _guessed(span: Sequence[str], unindexed: int) -> int:
    """1 when the cut takes `span` only as the dictionary's clear reading of syllables typed
    without accents (`_cuts_as_word`), not as a word of the index, a unit or a synonym member
    (`unindexed`, `_unindexed` of the span).
    Such a guess fills a gap the index's words leave ("so hoa": số hoá), but counts in the cut
    (`_best_cut`) as one syllable left alone, half a known word: the index's words are the
    genre's own, so they win where they cut as well ("tiep nhan | qua", not "tiep | nhan qua",
    the dictionary's nhân quả; "cong | dich vu | cong", not "cong dich | vu cong")."""
    return 0 if any(is_accented(s) for s in span) else unindexed


def _unindexed(span: Sequence[str], words: Collection[str], units: Collection[str], lexicon: Lexicon) -> int:
    """1 when the cut takes `span` as a word of the dictionary alone: no word of the index, no unit
    and no synonym member (`_best_cut` prefers, between cuts as good, the genre's own words)."""
    key = " ".join(fold(s) for s in span)
    if key in words or key in units:
        return 0
    return int(lexicon.synonyms_at(span, 0)[0] != len(span))


def _dictionary_word(typed: list[str], at: int, lexicon: Lexicon) -> int:
    """The most syllables from `at` forming a dictionary word typed with accents (0 when none of
    two or more): what a cue typed there gives way to. Not a folded guess (`_guessed`), which
    gives way to the words the query's own data and the index know."""
    for n in range(min(MAX_WORD_SYLLABLES, len(typed) - at), 1, -1):
        span = typed[at:at + n]
        if any(is_accented(s) for s in span) and _cuts_as_word(span, lexicon) \
                and _word_as_typed(span, lexicon):
            return n
    return 0


def _folded_word(typed: list[str], at: int, sizes: Sequence[int], lexicon: Lexicon,
                 unwritten: Collection[str] = frozenset()) -> int:
    """The size of the cut's word from `at` (`sizes`, `_best_cut`) when it is typed wholly without
    accents and cut as the dictionary's clear reading (`_cuts_as_word`: "cap tren" is cấp trên),
    else 0, where that reading typed with its accents is a word a cue gives way to
    (`_dictionary_word`): as typed with accents, not more (a genre phrase such as "chậm tiếp
    nhận" is no dictionary word, and its cue "chậm" is read in it either way).

    Why: a cue of one syllable typed bare ("cap" of cấp, "co" of có) is itself a guess, and the
    word its syllable makes with the next one, one clear reading of the two, is the likelier
    (index/accents.py: a compound's syllables constrain each other); typed "cấp trên" the query
    cuts the word, typed "cap tren" it read the level's light word and dropped "tren" as "trên".
    Asked for every cue (`_cut_run`), as the dictionary word typed with accents is: a cue of
    a failing that begins such a word gives way to it there too, so that the folded query is read
    as the accented one ("cham tre thi xu ly the nao" as "chậm trễ thì xử lý thế nào": the word
    "chậm trễ" is the topic, the question of manner after "thì" asks for the recommendations;
    read as the cue "chậm", the folded one asked for the shortcomings). Until session 23 it was
    asked only for a cue of no polarity, and the two spellings of one query asked for different
    sections."""
    size = sizes[at] if at < len(sizes) else 0
    span = typed[at:at + size]
    if size < 2 or any(map(is_accented, span)) or not _cuts_as_word(span, lexicon, unwritten):
        return 0
    read = lexicon.readings.forms[" ".join(span)][0]
    return size if _dictionary_word(list(read), 0, lexicon) == size else 0


def _word_as_typed(span: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether a span typed with some accents is a dictionary word as typed: a form written
    exactly so, or, where its syllables without marks leave it several forms or one far from
    sure, the clear reading agreeing with the marks typed (index/accents.py).

    Why: a cue gives way to a dictionary word it starts (`_dictionary_word`: "không gian"), but
    a span whose accented syllable is the cue and whose others bear no mark is as ambiguous as a
    folded one: "ko dung" (shorthand, rewritten "không dung", index/shorthand.py) matched the
    dictionary's "không dưng" (for no reason), so the negation gave way and "thu tiền quỹ ko
    dung qđ" asked no polarity, while "không đúng" and "khong dung" asked for shortcomings.
    A word the negation heads is no clear reading of its folded form (`compile_readings`), so it
    gives way only to a word typed as the dictionary writes it."""
    if tuple(span) in lexicon.dictionary.get(" ".join(fold(s) for s in span), frozenset()):
        return True
    if all(is_accented(s) for s in span):
        return True
    return reading(lexicon.readings, span) is not None


def _cuts_as_word(span: Sequence[str], lexicon: Lexicon, unwritten: Collection[str] = frozenset()) -> bool:
    """Whether the query's cut may take `span` as a dictionary word (`_best_cut`, `_dictionary_word`).

    Where the user typed accents (one syllable of the word at least), any dictionary word of
    them. Typed without any, only a folded word with a clear reading (index/accents.py: one
    dictionary form, or the genre's one): "so hoa" is số hoá, which the index's words may lack.
    Folded, the language is ambiguous, so such a guess gives way to the index's words where
    both cut as well (`_guessed`, `_best_cut`: "doan | kiem tra", not the dictionary's "đoản
    kiếm"). Nor a word a question word or a conjunction begins or ends (`Lexicon.bounded`:
    "nào hay", "dân khí"). Nor a folded guess whose reading the index writes nowhere (`unwritten`,
    index/accents.py: "tien quy" is no "tiền quý" where no finding says so).
    """
    if lexicon.bounded(span):
        return False
    if any(is_accented(s) for s in span):
        return lexicon.is_word(span)
    key = " ".join(span)
    return key in lexicon.readings.clear and key not in unwritten


def _longest(typed: list[str], at: int, known: set[str], lo: int) -> int:
    """The most syllables from `at` whose folded join is in `known` (0 when none of lo or more)."""
    for n in range(min(MAX_WORD_SYLLABLES + 1, len(typed) - at), lo - 1, -1):
        if " ".join(fold(s) for s in typed[at:at + n]) in known:
            return n
    return 0


def _members(span: Sequence[str], members: tuple[tuple[str, ...], ...],
             accented: frozenset[tuple[str, ...]] = frozenset()) -> list[Alternative]:
    """A synonym set as alternatives: the span as typed first; the other members with their
    accents when the user typed accents, folded (matching any form) when not, but for those
    `accented` (Lexicon.accented_members), always with their accents: folded, they are other words."""
    accents = any(is_accented(s) for s in span)
    out = [Alternative(tuple(span))]
    for member in members:
        out.append(Alternative(member if accents or member in accented else tuple(fold(s) for s in member)))
    return out


def _with_synonyms(syllables: tuple[str, ...], prefix: bool, lexicon: Lexicon) -> list[Alternative]:
    """A term and, when it is exactly one synonym member, the rest of its set."""
    if not prefix:
        length, members = lexicon.synonyms_at(syllables, 0)
        if length == len(syllables):
            return _members(syllables, members, lexicon.accented_members)
    return [Alternative(syllables, prefix)]


def _unique(alternatives: Iterable[Alternative]) -> tuple[Alternative, ...]:
    """Alternatives without repeats; one typed with accents covers the same one folded only
    when they are equal, so both may stay (the folded one is the wider)."""
    seen: dict[tuple[tuple[str, ...], bool], Alternative] = {}
    for alt in alternatives:
        seen.setdefault((alt.syllables, alt.prefix), alt)
    return tuple(seen.values())


MAX_GROUP_WEIGHT = 12  # ln(N/df) of a word held by one finding in 100,000 is 11.5
PART_RESOLUTION = 4  # group weights are scaled by this when parts share them (Plan.weights)


def group_weights(holders: Sequence[int], total: int, sense: Sequence[bool] = ()) -> list[int]:
    """What each group is worth in the partial stages: its idf, ln(total / findings holding it),
    rounded, at least 1, so a finding holding the rare words of a long question ranks above one
    holding only its common ones ("đóng cửa" over "giờ"). A `sense` group (a negation, the
    polarity asked for) weighs as the heaviest group: it narrows the meaning, not the topic, and
    a finding on the topic with the opposite sense ("đều đeo thẻ" for "không đeo thẻ") answers
    nothing. Integers, so every engine sums them exactly and ranks ties alike."""
    weights = [min(MAX_GROUP_WEIGHT, max(1, round(math.log(max(total, 1) / max(n, 1))))) for n in holders]
    heaviest = max(weights, default=1)
    return [heaviest if k < len(sense) and sense[k] else w for k, w in enumerate(weights)]


def ranked_units(plan: Plan, *, fill: bool = False) -> list[Alternative]:
    """What bm25 ranks by, once each, on every engine: the words of a group of one alternative
    (a finding matching the group holds each; ranking by words lets SQLite's top-k group
    findings by their word counts) and each alternative of a group with several (synonyms);
    then the optional words (polarity cues, light verbs); ranking the fill (`fill`), the parts
    too (Plan.parts): the fill's findings hold parts, not the terms, and rank by bm25 of the
    parts they hold. (Not in the stages: a finding there holds the term, and each part costs
    a presence list of findings per search, 7–15 ms at 100,000 findings for "văn bản".)

    A word typed without accents whose reading was restored (Plan.restored) is ranked as its
    reading, in its place (literal: "kỷ", "luật" for "ky luat"), as the query typed with the
    accents would rank: a finding holding another word of the same folded spelling still
    matches, and ranks by the rest of its words. In place, not besides: each ranked unit costs
    SQLite a presence list and splits the findings its top-k scores alike (twice the time at
    100,000 findings when added)."""
    # Keyed by what the engines match: an accented unit is the same typed or restored.
    out: dict[tuple[tuple[str, ...], bool, bool], Alternative] = {}
    for group in plan.groups:
        alone = len(group.alternatives) == 1 and not group.alternatives[0].prefix
        for alt in group.alternatives:
            read = _as_read(alt, plan.restored)
            for unit in (_words_of(read) if alone else [read]):
                if unit.syllables:
                    out.setdefault((unit.syllables, unit.prefix, unit.whole), unit)
    for unit in (*(_as_read(a, plan.restored) for a in plan.optional),
                 *(p.alternative for p in plan.parts if fill)):
        out.setdefault((unit.syllables, unit.prefix, unit.whole), unit)
    return list(out.values())


def _as_read(alt: Alternative, restored: Sequence[Alternative]) -> Alternative:
    """The restored reading standing for a typed alternative (its folded form, agreeing with the
    accents typed), else the alternative itself."""
    if alt.prefix or alt.whole:
        return alt
    agreeing = (r for r in restored if r.folded == alt.folded and matches_at(alt.syllables, r.syllables, 0))
    return next(agreeing, alt)


def _words_of(alt: Alternative) -> list[Alternative]:
    """An alternative's syllables as ranked units of one syllable each, literal if it is."""
    return [Alternative((s,), literal=alt.literal and not is_accented(s)) for s in alt.syllables]


def plan_query(text: str | Parsed, vocabulary: Vocabulary | None = None,
               lexicon: Lexicon | None = None) -> Plan:
    """Parse and analyse `text`, asking `vocabulary` which of its spans are words or units. Given
    already parsed (`parse`), the parse is used as it is: a caller that reads the parse itself
    (pipeline/search.py, for the query's matters) parses once."""
    parsed = parse(text) if isinstance(text, str) else text
    vocabulary = vocabulary or Vocabulary()
    lexicon = lexicon or load_lexicon()
    fixes = corrections([[(t.syllables, t.capitals, _loose(t) and not t.joined) for t in clause]
                         for clause in parsed.clauses], vocabulary.written_counts, lexicon.written_syllables,
                        vocabulary.known_words)
    parsed = corrected(parsed, fixes)
    typed_keys = definition_keys(parsed, load_definition_rules())
    keys = sorted(typed_keys)
    spans = sorted({*candidates(parsed), *_member_spans(parsed, lexicon)})
    words, units, values = vocabulary.known(spans, keys)
    lexicon = with_definitions(lexicon, defined_asked(values, keys, vocabulary), typed_keys)
    if more := sorted(_member_spans(parsed, lexicon) - set(spans)):  # members a definition brought
        more_words, more_units, _ = vocabulary.known(more, [])
        words, units = words | more_words, units | more_units
    # A slip typed without accents breaking a word ("nguyen nham": index/folded_slips.py), read as
    # the variant making it, as a slip typed with accents is read above.
    clauses = [[(t.syllables, t.capitals, _loose(t) and not t.joined) for t in clause]
               for clause in parsed.clauses]
    if slips := folded_slips(clauses, vocabulary.written_counts,
                             lambda key: key in words or key in units or key in lexicon.member_keys,
                             lexicon.readings, MAX_WORD_SYLLABLES, lexicon.grammar_folds):
        parsed, fixes = corrected(parsed, slips), (*fixes, *slips)
        if more := sorted(set(candidates(parsed)) - set(spans)):  # the words the slips' variants make
            more_words, more_units, _ = vocabulary.known(more, [])
            words, units = words | more_words, units | more_units
    # A lone syllable typed without accents, read as the form the index writes beside its neighbours
    # (index/lone_reading.py): searched as typed with those accents, as a typo's reading is.
    read = lone_readings([[(t.syllables, t.capitals, _loose(t) and not t.joined) for t in clause]
                          for clause in parsed.clauses], vocabulary.written_counts,
                         lambda key: key in words or key in lexicon.member_keys,
                         partial(written_as, lexicon.readings), lexicon.grammar_folds, MAX_WORD_SYLLABLES,
                         lexicon.word_tails)
    if read:
        parsed, fixes = corrected(parsed, read), (*fixes, *read)
    guesses = unwritten(lexicon.readings,
                        _guesses(parsed, words | units | lexicon.member_keys, lexicon.grammar_folds),
                        vocabulary.written_counts)
    both = sorted(units & words)  # names the index also holds as words: usually none
    elsewhere = vocabulary.written_elsewhere(both) if both else set()
    if elsewhere:  # a name the index writes elsewhere as the name, not the word, is still the name
        elsewhere -= _written_as_names(sorted(elsewhere), vocabulary, lexicon)
    names = units - elsewhere
    spelt = _spelling_asked(parsed, names, lexicon)  # usually none (2 of 812 judged queries)
    spellings = vocabulary.unit_spellings(spelt) if spelt else {}
    places: Places = {name: tuple(spellings.get(name, ())) for name in names}
    runs: list[list[str]] = [[]]  # the typed syllables, a document number breaking them
    for clause in parsed.clauses:
        for term in clause:
            if term.number:
                runs.append([])
            else:
                runs[-1].extend(term.syllables)
    plan = with_period(analyse(parsed, lexicon, words, units, places, guesses), load_periods(), runs)
    plan = dataclasses.replace(plan, corrections=fixes) if fixes else plan
    return dataclasses.replace(plan, concepts=concepts_asked(parsed, plan)) if plan.groups else plan


def with_period(plan: Plan, periods: Periods, typed: Sequence[Sequence[str]]) -> Plan:
    """`plan` with the one year its words name (`typed`: runs of syllables as typed, a document
    number breaking them: Periods.asked) as the period asked (Plan.year) and its groups
    made only of what places a period in that year ("năm", "quý IV", "6 tháng đầu", "T10/2021",
    "Tết": index/period.py) ranked, not required (Plan.optional); `plan` itself when it names no
    year or several. A unit or a document number is never the period, and a query of nothing but
    the period keeps it as its groups (the year read all the same).

    Why: the findings do not repeat the year of the inspection they come from, which the index
    keeps as the finding's year; required as words, "2021" or "quý IV" held only the findings
    citing that year in passing (mostly comparing with it: "giảm so với cùng kỳ năm 2021"), and
    kept the year's own findings out of the pool (index/vi/periods.toml)."""
    year = periods.asked(typed)
    if year is None:
        return plan
    period = {k for k, g in enumerate(plan.groups) if not g.keyed and g.alternatives
              and periods.is_period(g.alternatives[0].syllables)}
    kept = [k for k in range(len(plan.groups)) if k not in period]
    if not period or not kept:
        return dataclasses.replace(plan, year=year)
    moved = {k: at for at, k in enumerate(kept)}  # a kept group's new index, which its parts name
    parts = tuple(dataclasses.replace(p, group=moved[p.group]) for p in plan.parts if p.group in moved)
    return dataclasses.replace(plan, groups=tuple(plan.groups[k] for k in kept), year=year, parts=parts,
                               optional=_unique((*plan.optional,
                                                 *(plan.groups[k].alternatives[0] for k in sorted(period)))))


def _guesses(parsed: Parsed, known: Collection[str], grammar: Collection[str]) -> list[str]:
    """The spans of 2..MAX_WORD_SYLLABLES syllables typed without any accent that no word of the
    index, unit or synonym member is (`known`, folded), and that a syllable folding like a word of
    the query's grammar opens or ends (`grammar`: "de" of để, "cap" of cấp): where the cut may take
    the dictionary's clear reading as a guess (`_cuts_as_word`) against the grammar word and the
    word beside it ("de dan": để dân, not the dictionary's đề dẫn; "cap xa cap huyen": cấp xã | cấp
    huyện, not the dictionary's xà cạp across the two), asked whether the index writes it; the
    grammar word ends a guess as often as it opens one, Vietnamese function words standing before
    and after content words alike. Not every guess: the
    dev index writes none of "tiết kiệm", "đối thoại", "thủ quỹ", which the same query typed with
    its accents cuts as words (measured: splitting every unwritten guess lost more than it won)."""
    out: set[str] = set()
    for run, _ in _word_runs(parsed):
        for n in range(2, MAX_WORD_SYLLABLES + 1):
            for i in range(len(run) - n + 1):
                span = run[i:i + n]
                key = " ".join(span)
                if not any(map(is_accented, span)) and key not in known \
                        and (span[0] in grammar or span[-1] in grammar):
                    out.add(key)
    return sorted(out)


def corrected(parsed: Parsed, fixes: Sequence[Correction]) -> Parsed:
    """The parse with each syllable read otherwise (a typo, index/spelling.py; a lone folded
    syllable, index/lone_reading.py) replaced by its reading: what the analysis, the matters and
    the reranker then read."""
    if not fixes:
        return parsed
    clauses = [list(clause) for clause in parsed.clauses]
    for fix in fixes:
        term = clauses[fix.clause][0]
        syllables = list(term.syllables)
        syllables[fix.at] = fix.read
        clauses[fix.clause][0] = dataclasses.replace(term, syllables=tuple(syllables))
    return dataclasses.replace(parsed, clauses=tuple(tuple(c) for c in clauses))


def read_back(parsed: Parsed, plan: Plan) -> Parsed:
    """The parse as the engine read it: each syllable read otherwise (`corrected`), and each run
    of single words holding a word typed without accents whose reading is clear (`Plan.restored`,
    index/accents.py) written with that reading's accents ("thu quy" → "thủ quỹ").

    Why: what the words are said to be about (pipeline/search.py: the matters) is read from the
    text, and typed without accents a syllable of one marked form ("quỹ", "vắng") stands for all
    its others ("quy" of "quy chế"), so it names nothing; where the engine read the word round
    it, the syllable is that word's. A quoted phrase keeps its syllables as typed."""
    fixed = corrected(parsed, plan.corrections)
    if not plan.restored:
        return fixed
    readings = sorted(plan.restored, key=lambda r: -len(r.syllables))
    clauses = [list(clause) for clause in fixed.clauses]
    run: list[int] = []  # the clauses of the pending run of single unquoted words

    def restore() -> None:
        typed = [clauses[k][0].syllables[0] for k in run]
        at = 0
        while at < len(typed):
            found = next((r for r in readings if matches_at(typed, r.syllables, at)), None)
            if found is None:
                at += 1
                continue
            for k, syllable in enumerate(found.syllables):
                term = clauses[run[at + k]][0]
                clauses[run[at + k]][0] = dataclasses.replace(term, syllables=(syllable,))
            at += len(found.syllables)
        run.clear()

    for n, clause in enumerate(clauses):
        if len(clause) == 1 and not clause[0].phrase and len(clause[0].syllables) == 1:
            run.append(n)
        else:
            restore()
    restore()
    return dataclasses.replace(fixed, clauses=tuple(tuple(c) for c in clauses))


def _spelling_asked(parsed: Parsed, names: Collection[str], lexicon: Lexicon) -> list[str]:
    """The folded names among `names` the query types with accents as a word of the dictionary
    (a quoted one, or a span of a run of words): only for these may `names_place` need the
    name's spelling, so the index is asked for nothing else (a round trip on Elasticsearch).
    Not a name typed with every syllable capitalised ("Thanh Bình"): its capitals alone name it,
    before `names_place` reads any spelling."""
    spans = [(list(clause[0].syllables), list(clause[0].capitals))
             for clause in parsed.clauses if _quoted_name(clause)]
    for run, capitals in _word_runs(parsed):
        spans.extend((run[i:i + n], capitals[i:i + n])
                     for n in range(2, MAX_WORD_SYLLABLES + 1) for i in range(len(run) - n + 1))
    asked = {key for span, capitals in spans if (key := " ".join(fold(s) for s in span)) in names
             and not (capitals and all(capitals)) and any(is_accented(s) for s in span)
             and lexicon.is_word(span)}
    return sorted(asked)


def concepts_asked(parsed: Parsed, plan: Plan) -> tuple[Concept, ...]:
    """The concepts the query asks about (index/concepts.py), as the plan's `concepts`: their
    narrower terms (`Plan.instances`) rank the matter tier's findings holding none of its groups
    besides `related`, and the reranker reads them from the plan, defined here once. Why: a
    matter is large ("tthc.mot_cua": the desk's staff, its procedures, its equipment), and the
    tier's findings holding none of the query's words ranked by bm25 of the
    words inside its terms, then by date: asked about "cơ sở vật chất bộ phận một cửa", the
    findings listing its equipment ("máy lấy số", "ghế chờ") hold neither "cơ sở vật chất" nor
    its words, and came after thirty others of the desk, outside the reranker's pool. The
    concepts file names exactly those instances (docs/search-quality.md, session 11, pool11)."""
    from index.concepts import asked_concepts, load_concepts  # index.concepts reads this module

    text = " ".join(s for clause in parsed.clauses for term in clause for s in term.syllables)
    return asked_concepts(text, plan, load_concepts())


def _member_spans(parsed: Parsed, lexicon: Lexicon) -> set[str]:
    """The folded spans of 2..MAX_WORD_SYLLABLES syllables inside the members of every synonym
    set the query names, asked of the index with the query's own (the words of a group's
    parts, `_parts`, when the user typed one of its other members)."""
    typed = " " + " ".join(fold(s) for clause in parsed.clauses for t in clause for s in t.syllables) + " "
    return {span for members, spans in lexicon.member_spans if any(m in typed for m in members)
            for span in spans}


# ------------------------------------------------------------------------------------------- matching text


def written_forms(text: str, folded: Collection[str]) -> list[Alternative]:
    """The words of `text` whose folded form is one of `folded`, each as `text` writes it
    (lower case, tones placed canonically) and literal, so marked only where written alike.
    Why: similar findings are found by folded words (more-like-this on the folded text), but a
    reader reads the marks as "the same word": for "toàn tỉnh Gia Lai có 998 hồ sơ quá hạn" the
    folded "gia" and "so" marked "giá" of đánh giá and "sở" of các sở (ux20, ux21)."""
    forms = dict.fromkeys(w for w in _WORD.findall(lower_same_length(canonical_tones(text)))
                          if fold(w) in folded)
    return [Alternative((w,), literal=True) for w in forms]


def kept_marks(snippet: str, source: str) -> str:
    """`snippet` (HTML, matches in <mark>) with only the marks around a word `source` writes alike
    (lower case, canonical tones, as `written_forms` compares) kept: what an engine marked by
    folded words, narrowed to the words as written (Elasticsearch's highlighter marks every
    field its more-like-this query matched, the folded one too)."""
    forms = set(_WORD.findall(lower_same_length(canonical_tones(source))))

    def kept(m: re.Match[str]) -> str:
        word = lower_same_length(canonical_tones(html.unescape(m.group(1))))
        return m.group(0) if word in forms else m.group(1)

    return _MARK.sub(kept, snippet)


_MARK = re.compile(r"<mark>(.*?)</mark>")


def match_spans(text: str, alternatives: Sequence[Alternative]) -> list[tuple[int, int]]:
    """Where the alternatives occur in `text` under the matching rule, merged and sorted.

    Found in the folded text (same offsets as the original), then each accented syllable is
    checked against the canonical lowercase text at the same place.
    """
    folded = fold(text)
    canonical = lower_same_length(canonical_tones(text))
    spans: list[tuple[int, int]] = []
    for alt in alternatives:
        if not alt.syllables:
            continue
        body = r"[\W_]+".join(f"({re.escape(s)})" for s in alt.folded)
        tail = r"[^\W_]*" if alt.prefix else r"(?![^\W_])"
        for m in re.finditer(r"(?<![^\W_])" + body + tail, folded):
            ok = True
            for k, (syllable, accented) in enumerate(zip(alt.syllables, alt.accented, strict=True)):
                if not (accented or alt.literal):  # a literal one's syllables without marks too
                    continue
                start = m.start(k + 1)
                written = canonical[start:m.end(k + 1)] if not (alt.prefix and k == len(alt.syllables) - 1) \
                    else canonical[start:start + len(syllable)]
                ok = ok and written == syllable
            if ok:
                spans.append(m.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def filter_key(value: str) -> str:
    """How filter and unit values compare: folded, single-spaced ("Đắk Lắk " → "dak lak")."""
    return " ".join(fold(value).split())

def level_of(unit_level: str) -> str | None:
    """"thị xã Ba Đồn" → "thị xã": the level word a "level name" string starts with (core.levels)."""
    level = split_level(unit_level)[0]
    return level.value if level else None


def name_forms(unit_level: str) -> tuple[str, ...]:
    """A "level name" as the forms a user may type: "xã Mường Vang" → itself and "Mường Vang"."""
    level, name = split_level(unit_level)
    return (unit_level, name) if level else (unit_level,)


# How people prefix a province's name: "TP Hà Nội", "Thành phố Hà Nội", "tỉnh Quảng Trị" (folded):
# the province-level words of core.levels and their abbreviations, longest first.
PROVINCE_PREFIXES: tuple[str, ...] = tuple(sorted(
    {fold(form).lower() for level in PROVINCE_LEVELS for row in (row_of(level),) if row
     for form in (level.value, *row.abbreviations)}, key=len, reverse=True))


# How a unit's today's unit (FindingRecord.unit_aliases, from the 2025 mapping) names a province:
# the full province-level words ("tỉnh", "thành phố"), folded; an alias without one is a commune.
_PROVINCE_WORDS: tuple[str, ...] = tuple(sorted({fold(level.value).lower() for level in PROVINCE_LEVELS}))


def province_aliases(value: str) -> tuple[str, ...]:
    """The alias keys (filter_key of FindingRecord.unit_aliases) by which a finding belongs to
    the province `value` names since the 2025 reorganisation: "TP Hồ Chí Minh" → "thanh pho ho
    chi minh", "tinh ho chi minh". So --province takes today's province and finds its
    predecessors' findings (Bình Dương's, now part of Hồ Chí Minh), as a unit typed does; only
    level-qualified aliases count, so a commune merely named like a province does not."""
    key = province_key(value)
    return tuple(f"{word} {key}" for word in _PROVINCE_WORDS) if key else ()


def province_key(value: str) -> str:
    """A province as typed, as the key provinces are stored under: "TP. Hà Nội" → "ha noi"."""
    key = " ".join(_WORD.findall(fold(value)))
    for prefix in PROVINCE_PREFIXES:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1:]
    return key
