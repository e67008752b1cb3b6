"""Evaluative statements of an inspection text as findings with polarity and area.

Why a rule system: a finding is marked by the genre's own cue words ("chưa", "còn thấp",
"thực hiện tốt", "đề nghị") whose reach is a clause, and by the structure around it (a section
heading, a lead-in "còn một số hạn chế như:", the previous item of a ";" list). Weighted cues
(`nlp/vi/cues.py`) decide each clause; what a clause lacks it takes from that structure, in
this order: its own cues, the list it belongs to, the lead-in of its sentence, the paragraph's
lead-in sentence, the section. Every step is a small function that can be read and tested.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import cache

from core.headline import OUTLET_TAG
from core.models import Area, Finding, Polarity
from core.normalize import canonical_tones, matching_form
from core.syllables import is_syllable
from nlp.areas import classify_form, framed_areas, vocabulary_area, vocabulary_themes
from nlp.segment import Span, clauses, paragraphs, sentences
from nlp.vi import cues

LOGGER = logging.getLogger(__name__)

STRENGTH, SHORTCOMING, RECOMMENDATION = Polarity.STRENGTH, Polarity.SHORTCOMING, Polarity.RECOMMENDATION
MIN_WORDS = 3
MIN_ITEM_WORDS = 2  # an item of a list ("; thiếu ghế ngồi") may be shorter when its own cue judges it
MAX_ITEM_WORDS = 8  # a comma item longer than this is a clause of its own, split by other rules
DEMAND_LEAD = 3.0  # an explicit "đề nghị/yêu cầu/kiến nghị" makes a lead-in announce demands
DEMAND_OWN = 2.0  # a "cần"/"đề nghị" of its own keeps a clause in a list of demands a demand
DUPLICATE_DICE = 0.9  # a caption or lead repeating a statement is annotated once
_EDGE_PUNCT = " \t\r\n,.;:!?…-–—/*•+|"
_WORD = re.compile(r"\w+")
_LIST_MARKER = re.compile(r"(?:[-+•*–]|[a-zđ]\)|\d{1,2}[.)]|[IVXLC]{1,5}[.)])\s+")
# A table row's number cell ("1 | Niêm yết TTHC | Chưa đầy đủ", "II | ..."): the row's index, as a
# list marker is, no word of the statement.
_ROW_NUMBER = re.compile(r"(?:\d{1,3}|[IVXLC]{1,5}|[a-zđ])\s*\|\s*")


def _item_number(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The number an item opens with: a list marker ("- ", "2. ") or a table row's number cell."""
    end = len(text) if end is None else end
    return _LIST_MARKER.match(text, start, end) or _ROW_NUMBER.match(text, start, end)

# A news outlet's tag before the first sentence (core.headline.OUTLET_TAG, the lead's too), read on
# the text as written (an outlet's tag is in capitals; at a piece's start: no "^", which would not
# anchor at a match position) and only where a paragraph opens, as the article's body does.
_OUTLET_TAG = re.compile(OUTLET_TAG)
_LEAD_COLON = re.compile(r":(?:\s|$)")
_VALUE = re.compile(rf"\s*{cues.SHARE}|\s*\d+/\d+\b")  # a rate or a ratio
_DIGIT_AFTER = re.compile(r" ?\d")
_FAR = 1 << 30
_FIRST_ORDER = (STRENGTH, SHORTCOMING, RECOMMENDATION)  # the kinds in CueScores.first
_PHRASE_END = re.compile(r"[,;.:]")


@dataclass(frozen=True, slots=True)
class CueScores:
    """Evidence for each polarity in one clause, and where each kind's first cue sits."""

    strength: float = 0.0
    shortcoming: float = 0.0
    recommendation: float = 0.0
    first: tuple[int, int, int] = (_FAR, _FAR, _FAR)  # by _FIRST_ORDER: strength, shortcoming, recommendation

    @property
    def total(self) -> float:
        return self.strength + self.shortcoming + self.recommendation

    def first_of(self, polarity: str) -> int:
        """Where the clause's first cue of `polarity` sits (_FAR when it has none)."""
        return self.first[_FIRST_ORDER.index(Polarity(polarity))]

    def best(self) -> tuple[str | None, float]:
        """The polarity with the most evidence; a tie goes to the kind named first."""
        ranked = sorted(
            ((self.recommendation, -self.first_of(RECOMMENDATION), RECOMMENDATION),
             (self.shortcoming, -self.first_of(SHORTCOMING), SHORTCOMING),
             (self.strength, -self.first_of(STRENGTH), STRENGTH)),
            reverse=True,
        )
        score, _, polarity = ranked[0]
        return (polarity, score) if score > 0 else (None, 0.0)


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """A cue pattern compiled in canonical tone placement, so "hòa"/"hoà" both match."""
    return re.compile(canonical_tones(pattern))


def _mask(form: str, spans: list[tuple[int, int]]) -> str:
    """`form` with the given spans blanked, so their words are not counted again."""
    chars = list(form)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _weighted(form: str, table: tuple[tuple[str, float], ...]) -> list[tuple[int, int, float]]:
    return [(m.start(), m.end(), weight) for pattern, weight in table for m in _rx(pattern).finditer(form)]


def cue_scores(text: str) -> CueScores:
    """Weigh the strength, shortcoming and recommendation cues of one clause.

    Scope rules: a condition ("đơn vị nào để xảy ra vi phạm, ...") names no fault of anyone, so
    its words are not counted; a negated fault ("không có hồ sơ quá hạn") is a strength and its fault word
    is not counted again; a strength cue right after a negator ("chưa thực hiện tốt") counts
    as a shortcoming; a directive word used as a noun ("phản ánh, kiến nghị") is ignored; and
    what follows a directive ("đề nghị ... khắc phục những hạn chế", "cần ... thực hiện tốt")
    is the content of the demand, so its fault and merit words do not count.
    """
    return _cue_scores(matching_form(text))


def _ranks(form: str) -> list[tuple[int, Polarity]]:
    """(offset, polarity) of each place in a ranking with its field ("đứng thứ 4 trên tổng số 63"):
    the first third of the field is praise, the last third blame, the middle says nothing."""
    found: list[tuple[int, Polarity]] = []
    for match in _rx(cues.RANK).finditer(form):
        rank, of = int(match["rank"]), int(match["of"])
        if not 0 < rank <= of:
            continue
        if rank <= of * cues.RANK_SHARE:
            found.append((match.start(), STRENGTH))
        elif rank > of * (1 - cues.RANK_SHARE):
            found.append((match.start(), SHORTCOMING))
    return found


def _alternatives(words: tuple[str, ...]) -> str:
    """A word list as one alternation, longest first so "đã và đang" wins over "đã"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _directive_act_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The reported directive, its inspecting speaker before it, and an addressee after it."""
    reported = (rf"\b(?:{_alternatives(cues.ACT_MARKERS)})(?: (?:{_alternatives(cues.ACT_ADVERBS)}))*"
                rf" (?P<cue>{_alternatives(cues.ISSUED_DEMANDS + cues.STEERING)})\b")
    speaker = (rf"\b(?:{_alternatives(cues.INSPECTING_SPEAKERS)})\b"
               rf"(?: [^\s,;.:]+){{0,{cues.SPEAKER_NAME_WORDS}}} ?$")
    return _rx(reported), _rx(speaker), _rx(cues.DEMAND_ADDRESSEE)


def directive_acts(form: str) -> list[tuple[int, int]]:
    """Spans of the directive words in `form` (matching form) that report a unit's own act, each
    with what was directed up to the next punctuation ("đã chỉ đạo các xã khắc phục ..."): the
    unit's own instruction, so its demand words are no demand of the report either.

    "Nhiều đơn vị đã đề xuất và triển khai mô hình" says what the units did, not what the report
    asks; "Đoàn kiểm tra đã kiến nghị ..." (the inspecting body speaks) and "đã yêu cầu Chủ tịch
    UBND các huyện ..." (a demand naming whom it tells to act) stay demands. The word lists are
    in `nlp/vi/cues.py` (ACT_MARKERS, ISSUED_DEMANDS, STEERING, INSPECTING_SPEAKERS)."""
    reported, speaker, addressee = _directive_act_patterns()
    acts: list[tuple[int, int]] = []
    for match in reported.finditer(form):
        if speaker.search(form, 0, match.start()):
            continue
        if match["cue"] in cues.ISSUED_DEMANDS and addressee.match(form, match.end()):
            continue
        content_end = _PHRASE_END.search(form, match.end())
        acts.append((match.start("cue"), content_end.start() if content_end else len(form)))
    return acts


def _cue_scores(form: str) -> CueScores:
    """`cue_scores` of a text already in matching form (a slice of the document's form)."""
    conditions = [(m.start(), m.end()) for p in cues.CONDITIONS for m in _rx(p).finditer(form)]
    form = _mask(form, conditions)
    negated = _weighted(form, (*cues.NEGATED_FAULTS, *cues.ADDITIVE_MERITS))
    form = _mask(form, [(s, e) for s, e, _ in negated])
    # after the negated faults: "không phát sinh hồ sơ trễ hạn" is one, "chưa phát sinh hồ sơ" is neutral
    form = _mask(form, [(m.start(), m.end()) for p in cues.NOTHING_AROSE for m in _rx(p).finditer(form)])
    not_directive = [(m.start(), m.end()) for p in cues.NOT_DIRECTIVE for m in _rx(p).finditer(form)]
    not_directive += directive_acts(form)
    directives = _weighted(_mask(form, not_directive), cues.RECOMMENDATION)
    demand_from = min((s for s, _, w in directives if w >= 2.0), default=_FAR)
    faults = [(s, w) for s, _, w in _weighted(form, cues.SHORTCOMING) if s < demand_from]
    merits = [(s, w) for s, _, w in negated]
    negator = _rx(cues.NEGATORS + r"(?: \w+){0,2} $")
    aims = [(m.start(), m.end()) for m in _rx(cues.PURPOSE).finditer(form)]
    for start, _, weight in _weighted(form, cues.STRENGTH):
        if start >= demand_from or any(a_start <= start < a_end for a_start, a_end in aims):
            continue
        if negator.search(form[max(0, start - 30):start]):
            faults.append((start, weight / 2))
        else:
            merits.append((start, weight))
    for start, polarity in _ranks(form):
        (merits if polarity == STRENGTH else faults).append((start, cues.RANK_WEIGHT))
    return CueScores(
        sum(w for _, w in merits), sum(w for _, w in faults), sum(w for _, _, w in directives),
        (min((s for s, _ in merits), default=_FAR), min((s for s, _ in faults), default=_FAR),
         min((s for s, _, _ in directives), default=_FAR)),
    )


def _acts(form: str) -> bool:
    """True when the text opens with an action verb ("tăng cường ...", "niêm yết ...")."""
    return bool(_rx(cues.ACTION_START).match(form))


def polarity_of(text: str, context: str | None = None) -> str | None:
    """The polarity of one clause, or None when it judges nothing.

    `context` is what the surrounding structure says (list, lead-in, section): an action verb
    opening an item of a list of demands stays a recommendation even when it says "tốt", and
    a clause with too little evidence of its own takes the context.
    """
    return _polarity(matching_form(text), context)


def _polarity(form: str, context: str | None, scores: CueScores | None = None,
              contrasted: bool = False) -> str | None:
    """`polarity_of` for a text already in matching form, and its cue scores if already weighed.

    `contrasted`: "Tuy nhiên" opened the clause and was trimmed from it as a connector; the turn
    still counts (annotation guide: statements after "Tuy nhiên" are usually shortcomings)."""
    if context == RECOMMENDATION and _acts(form):
        return RECOMMENDATION
    scores = scores or _cue_scores(form)
    if contrasted or _rx(cues.CONTRAST_LEAD).match(form):
        scores = CueScores(scores.strength, scores.shortcoming + 0.5, scores.recommendation, scores.first)
    polarity, score = scores.best()
    turned = _turn(form)
    if turned is not None and polarity != RECOMMENDATION:
        polarity, score = turned
    if context == RECOMMENDATION and polarity == STRENGTH and (
            not _rx(cues.REPORTED).search(form) or scores.recommendation >= DEMAND_OWN):
        # "UBND xã niêm yết đầy đủ, kịp thời ..." in a list of demands: the state asked for;
        # "... đã được bố trí khang trang, cần giữ gìn": what is reported is the ground of a demand
        return RECOMMENDATION
    if context == RECOMMENDATION and polarity == SHORTCOMING and scores.recommendation >= DEMAND_OWN:
        # "Kiến nghị Chủ tịch UBND xã A: ... công chức còn đi muộn phải được kiểm điểm": an item of
        # a list of demands that says its own "phải"/"cần" names the fault to mend, as its lead
        # says: what the addressee is told to do, not a second verdict on the fault
        return RECOMMENDATION
    if score >= cues.MIN_SCORE:
        return polarity
    return context


def _turn(form: str) -> tuple[str, float] | None:
    """What the part after an inner "nhưng"/"song" judges ("có ban hành kế hoạch nhưng chưa cụ
    thể"): in Vietnamese the turn carries the clause's verdict, whatever came before it."""
    match = _rx(cues.TURN).search(form)
    if match is None:
        return None
    polarity, score = _cue_scores(form[match.end():]).best()
    return (polarity, score) if polarity is not None and score >= cues.MIN_SCORE else None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Span bounds without edge spaces and punctuation; brackets and quotes stay if paired."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start:
        ch = text[end - 1]
        if (ch in _EDGE_PUNCT
                or ch in ")”\"'" and text.count({")": "(", "”": "“"}.get(ch, ch), start, end - 1) == 0):
            end -= 1
        else:
            break
    closing = {"(": ")", "“": "”", '"': '"'}  # a straight quote closes itself
    if start < end and text[start] in closing and closing[text[start]] not in text[start + 1:end]:
        start += 1
    return start, end


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _list_lead() -> str:
    """A lead-in announcing faults or merits, up to the list it announces: "như", "là", "gồm", or
    "trong đó" singling one of them out ("còn một số thiếu sót, trong đó, sổ tiếp nhận còn ...")."""
    nouns = f"(?:{cues.FAULT_NOUNS}|{cues.MERIT_NOUNS})"
    return (rf"^[^;:]{{0,120}}?\b(?:một số|những|các|có)(?: \w+){{0,2}} {nouns}(?:,? (?:và )?{nouns})*"
            r"[^;:.]{0,60}? (?:như|là|đó là|gồm|trong đó)(?: sau)?,?:?\s+")


def _lead_polarity(form: str) -> str | None:
    """What a lead-in ("còn một số hạn chế như:", "đề nghị ... các nội dung sau:") announces,
    from its matching form."""
    scores = _cue_scores(form)
    demand = scores.recommendation
    if demand >= DEMAND_LEAD:  # "... yêu cầu ... thực hiện các nội dung sau:"
        return RECOMMENDATION
    if _rx(rf"\b{cues.FAULT_NOUNS}\b").search(form):
        return SHORTCOMING
    if demand >= cues.MIN_SCORE:
        return RECOMMENDATION
    if _rx(rf"\b{cues.MERIT_NOUNS}\b").search(form) or scores.strength >= 1.5:
        return STRENGTH
    return None


def _mark_before(text: str, start: int) -> str:
    """The last character before `text[start:]` that is no space, quote or opening bracket; ""
    at the text's start."""
    return text[:start].rstrip(" \t“\"'(")[-1:]


def _opens_sentence(text: str, start: int) -> bool:
    """True when `text[start:]` begins a sentence: after the text's start or the last full stop,
    question mark, exclamation or line break."""
    return _mark_before(text, start) in ("", ".", "!", "?", "\n")


def _opens_paragraph(text: str, start: int) -> bool:
    """True when `text[start:]` begins a paragraph: after the text's start or a line break."""
    return _mark_before(text, start) in ("", "\n")


def _names_for_what_follows(lead: str, rest: str) -> bool:
    """True when `lead` is a news frame naming someone (cues.NEWS_FRAMES) and the statement after
    it points back into it ("... tỉnh A cho biết Chủ tịch UBND tỉnh này đã yêu cầu ..."): cut, the
    frame would take the only name of who acts from a finding that is read alone."""
    return lead in cues.NEWS_FRAMES and bool(_rx(cues.REFERS_BACK).match(rest))


def _trim_leadins(text: str, doc_form: str, start: int, end: int) -> tuple[int, int, str | None]:
    """Drop connectors and lead-ins from a clause; say what a dropped lead-in announced.

    A list lead-in ("còn một số hạn chế như") announces its own kind; "Qua kiểm tra, ..."
    announces a judgement, which in this genre defaults to a strength.
    """
    announced: str | None = None
    # A time said where the sentence opens frames all of it; inside the sentence ("…, năm 2023,
    # chưa ban hành …") it dates that part alone and is the part's own word. An outlet's tag opens
    # the article's body, a paragraph (core.headline.OUTLET_TAG).
    timed = ((cues.TIME_LEAD, None),) if _opens_sentence(text, start) else ()
    tagged = _opens_paragraph(text, start)
    leads = ((cues.CONNECTORS, None), (cues.PURPOSE_LEAD, None),
             *((p, None) for p in cues.NEWS_FRAMES), *timed,
             (cues.BASIS_LEAD, None), (cues.COMPLAINT_LEAD, SHORTCOMING),
             *((p, STRENGTH) for p in cues.INSPECTION_LEADS),
             (_list_lead(), ""), (r"^[^;:]{0,150}?(?:, cụ thể(?: là)?|\bcụ thể là),?\s+", ""))
    changed = True
    while changed:
        changed = False
        start, end = _strip(text, start, end)
        marker = _item_number(text, start, end) or (_OUTLET_TAG.match(text, start, end) if tagged else None)
        if marker:
            start, changed = marker.end(), True
            continue
        form = doc_form[start:end]
        for pattern, kind in leads:
            match = _rx(pattern).match(form)
            if match and match.end() < len(form) and _word_count(form[match.end():]) >= MIN_WORDS \
                    and not _names_for_what_follows(pattern, form[match.end():]):
                if kind == "":
                    announced = _lead_polarity(form[:match.end()]) or announced
                elif kind:
                    announced = announced or kind
                start, changed = start + match.end(), True
                break
    return start, end, announced


_TABLE_HEADER_MAX_WORDS = 4


def _is_table_header(form: str) -> bool:
    """A table row of short labels without figures ("Đơn vị | Hồ sơ tiếp nhận | Quá hạn"):
    column names, not a statement, even when a label is a cue word like "quá hạn"."""
    cells = form.split(" | ")
    return len(cells) >= 2 and not any(ch.isdigit() for ch in form) and all(
        len(cell.split()) <= _TABLE_HEADER_MAX_WORDS for cell in cells)


# A cell holding only a figure ("1.126", "0", "98,5%", "12/15"): a table's data, not words.
_FIGURE_CELL = re.compile(r"[\d.,%/ ]*\d[\d.,%/ ]*")
_FIGURE_CELLS_MIN = 2
_CELL_SEP = " | "


def _row_remark(form: str) -> int:
    """Where the statement of a figures row begins: after its last cell holding only a figure,
    the cells a reader reads as a remark ("Thị trấn Cam Lộ | 1.873 | 1.862 | 11 | Còn hồ sơ đất
    đai quá hạn": the last cell); 0 for a row with fewer than two such cells, or no row. Why: a
    report's statistics table gives a unit its figures and a verdict column; shown whole, the
    row reads as noise without its header (ux20, ux21), the figures are data, and a one-word
    rating ("Tốt", "Khá") says too little to be a finding on its own (`_too_short`). A row of an
    inspection's criteria ("1 | Niêm yết TTHC | Chưa đầy đủ") has one figure, its number, and
    stays a finding whole."""
    cells = form.split(_CELL_SEP)
    figures = [k for k, cell in enumerate(cells) if _FIGURE_CELL.fullmatch(cell.strip())]
    if len(cells) < 3 or len(figures) < _FIGURE_CELLS_MIN:
        return 0
    return sum(len(cell) + len(_CELL_SEP) for cell in cells[:figures[-1] + 1])


_NAME_LIST_SEP = re.compile(r"\s*[,;]\s*|\s+và\s+")
_NAME_ITEM_MAX_WORDS = 5
_LEVEL_OPENER = re.compile(cues.NAME_LIST_OPENERS)
FURNITURE_MAX_WORDS = 8  # a byline or caption line without a cue, a full stop or a list marker


def _is_name_list(piece: str) -> bool:
    """A list of names ("xã Phú Lộc, xã Tân Hòa và thị trấn Tân An"): every item is short and
    starts with a capital or a level word; such a list judges nothing even in a section of merits."""
    items = [item for item in _NAME_LIST_SEP.split(piece.strip()) if item]
    return len(items) >= 2 and all(
        _word_count(item) <= _NAME_ITEM_MAX_WORDS and (item[0].isupper() or bool(_LEVEL_OPENER.match(item)))
        for item in items)


def _is_furniture(text: str, form: str) -> bool:
    """A short line with no full stop, no list marker, no cue and no action ("Minh Anh (TTXVN)",
    "Theo baotanan.vn"): a byline, a source line or a caption, not a statement."""
    return (not _ends_sentence(text) and _word_count(text) <= FURNITURE_MAX_WORDS
            and not _LIST_MARKER.match(text) and _cue_scores(form).total == 0 and not _acts(form))


FRAGMENT_MAX_WORDS = 4


def _is_fragment(text: str) -> bool:
    """A paragraph of a few words opening in lower case, without a full stop or a list marker
    ("hồ sơ đúng hạn" under "tỉnh ... đã giải quyết" in a site's counter widget whose figures did
    not survive the dump): the tail of a broken line or a widget's label, no statement of its own,
    even when a cue word sits in it. A list item keeps its marker, or the ";" the genre ends its
    items with when the marker was lost ("thiếu sổ theo dõi;" after "còn một số hạn chế sau:");
    a statement opens with a capital."""
    first = text.lstrip()[:1]
    return (first.isalpha() and first.islower() and not _ends_sentence(text)
            and not text.rstrip().endswith(";")
            and _word_count(text) <= FRAGMENT_MAX_WORDS and not _LIST_MARKER.match(text))


def _is_non_finding(form: str) -> bool:
    return _is_table_header(form) or any(_rx(p).search(form) for p in cues.NON_FINDING)


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?…"


# Above the body, a short line without a full stop is a headline or furniture (a non-finding; what
# makes a line a document's TITLE is core.headline's, a different question with its own limits).
ABOVE_BODY_MAX_WORDS = 30
_SENTENCE_INSIDE = re.compile(r"[.!?…;:](?:\s|$)")


def _is_headline(text: str) -> bool:
    """A paragraph above the article's body that is no statement: a short line without a full stop
    (a headline, a dateline, site furniture), or a longer single line with no sentence punctuation
    at all (a news headline runs to 30-40 words, "Châu Thành đẩy mạnh ... và phục vụ nhân dân"),
    where a lead paragraph, however long, is punctuated."""
    if _ends_sentence(text):
        return False
    return _word_count(text) < ABOVE_BODY_MAX_WORDS or (
        "\n" not in text.strip() and not _SENTENCE_INSIDE.search(text) and "," not in text)


def _section_of(text: str, form: str) -> tuple[bool, str | None]:
    """(is a heading, polarity it gives its section) for one paragraph and its matching form."""
    marker = _LIST_MARKER.match(text)
    body = text[marker.end():] if marker else text
    words = _word_count(body)
    numbered = bool(marker) and bool(re.match(r"[IVXLC]{1,5}[.)]", text))
    if _ends_sentence(text) or words > (12 if numbered else 6):
        return False, None
    form = form[marker.end():] if marker else form
    for pattern, polarity in cues.SECTION_HEADINGS:
        if _rx(pattern).search(form):
            return True, polarity
    return numbered, None


_SUBHEADING_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]\s+")
SUBHEADING_MAX_WORDS = 8


def _is_subheading(text: str, form: str) -> bool:
    """A numbered line naming a matter ("2. Cải cách thủ tục hành chính", "1.2. Công tác tuyên
    truyền"): a report's subheading under its section, no statement; short, without a full stop, a
    cue or an act. The section it sits in goes on (its polarity is the section heading's)."""
    number = _SUBHEADING_NUMBER.match(text)
    if number is None or _ends_sentence(text) or _word_count(text[number.end():]) > SUBHEADING_MAX_WORDS:
        return False
    rest = form[number.end():]
    return _cue_scores(rest).total == 0 and not _acts(rest)


def _is_body_subheading(paras: list[Span], index: int, form: str, state: _State) -> bool:
    """A news article's subheading inside its body ("Tập trung giải quyết dứt điểm những tồn đọng
    trong CCHC" between two paragraphs): the press titles a part of the article with a subject-less
    call to act, one line opening in a capital with an action verb, no comma and no stop, between
    paragraphs that end their sentences. It names what the part is about, no demand of anyone. A
    caption that judges ("Tại xã X công chức có mặt chưa đầy đủ") names its subject, and a report's
    demands run as items after a lead-in ending in ":" or under a section of demands, so neither
    is taken for it."""
    if index == 0 or index + 1 >= len(paras) or state.lead_list or state.section == RECOMMENDATION:
        return False
    text = paras[index].text.strip()
    if (_ends_sentence(text) or text[-1:] in ";:" or "," in text or not text[:1].isupper()
            or _LIST_MARKER.match(text)):
        return False
    return (_ends_sentence(paras[index - 1].text) and _ends_sentence(paras[index + 1].text)
            and _acts(form.strip()))


def _fault_summary(text: str, form: str) -> bool:
    """A sentence that only announces faults ("Tuy nhiên, một số đơn vị còn có thiếu sót.", "... nêu
    một số tồn tại, khó khăn khi thực hiện nhiệm vụ"), maybe with their scope; a demand to remedy
    them ("yêu cầu xã khắc phục những hạn chế mà Đoàn đã trao đổi"), an item of a list of
    demands ("Duy trì ... những khó khăn, vướng mắc trong ...") or a matter said to have given rise
    to the faults ("Việc sắp xếp ... đã phát sinh một số bất cập") is a finding, not an announcement."""
    return (_word_count(text) <= 40 and not _acts(form) and bool(_rx(cues.FAULT_SUMMARY).search(form))
            and _cue_scores(form).recommendation < cues.MIN_SCORE
            and not _rx(cues.MATTER_GAVE_FAULTS).match(form))


@dataclass
class _State:
    """What the structure read so far says about polarity (mutable only inside one call)."""

    section: str | None = None
    paragraph: str | None = None
    previous_finding: str | None = None  # lets "Duy trì ..." continue a run of demands
    seen_body: bool = False
    heading: str | None = None  # what the last section heading gave, under any lead-in's list
    lead_list: bool = False  # the section's polarity comes from a heading line ending in ":" ("Kiến nghị:")
    list_marked: bool | None = None  # whether the lead-in's first item carried a list marker

    def enter_section(self, section: str | None) -> None:
        """A section heading: its polarity judges what follows, over any lead-in's list before it."""
        self.section = self.heading = section
        self.lead_list = False


def _is_list_lead(text: str) -> bool:
    """An unnumbered heading line ending in a colon ("Kiến nghị:", "Hạn chế:"): it announces the list
    below it, as a lead-in does, not a section of the report."""
    return text.rstrip().endswith(":") and not _LIST_MARKER.match(text)


def _lead_list_ended(state: _State, text: str, form: str) -> bool:
    """True when `text`, a paragraph after a lead-in whose items carry list markers ("Kiến nghị:\n-
    ...\n- ..."), has none and does not open with an act: the list is over and what follows is no
    item of it (a statistic, the next statement), so the lead-in no longer judges it. An unmarked
    paragraph opening with an act ("Triển khai công tác CCHC ...") goes on with the item before it."""
    if not state.lead_list:
        return False
    marked = bool(_item_number(text))
    if state.list_marked is None:
        state.list_marked = marked
        return False
    return state.list_marked and not marked and not _acts(form)


def _in_number(text: str, colon: int) -> bool:
    """The colon at `colon` sits between two digits, maybe with one space after it."""
    return colon > 0 and text[colon - 1].isdigit() and bool(_DIGIT_AFTER.match(text, colon + 1))


def _colon_split(text: str, doc_form: str, sent: Span) -> tuple[Span | None, Span]:
    """(lead-in, body) of a sentence whose first ": " announces a list; (None, sent) otherwise.

    A colon before a rate or a ratio gives a value ("quá hạn: 1,58%", "vắng: 3/25"), and one between
    digits is part of a number ("TCVN ISO 9001: 2015", "13: 30"): neither announces a list. A colon
    inside brackets ("(05 Sở gồm: Tư pháp, Nội vụ)") belongs to the aside, and one after "lần lượt
    là" gives the values of the statement before it, which stays one finding with them."""
    match = next((m for m in _LEAD_COLON.finditer(text, sent.start, sent.end)
                  if text.count("(", sent.start, m.start()) <= text.count(")", sent.start, m.start())), None)
    if (not match or _word_count(text[sent.start:match.start()]) < 2 or _VALUE.match(text, match.end())
            or _in_number(text, match.start())
            or _rx(cues.VALUES_LEAD).search(doc_form, sent.start, match.start())
            or _members_named(doc_form[sent.start:match.start()])
            or _examples_after(doc_form[sent.start:match.start()], doc_form[match.end():sent.end])):
        return None, sent
    lead = Span(sent.start, match.start(), text[sent.start:match.start()])
    body_start = match.end()
    return lead, Span(body_start, sent.end, text[body_start:sent.end])


def _members_named(lead_form: str) -> bool:
    """The colon names the members of a class of bodies the clause before it ends with ("tại các
    phòng: Kinh tế, Tư pháp, ... không có công chức tại phòng"; cues.MEMBERS_LEAD): the clause and
    the names are one statement, so the colon is no lead-in's. A clause that announces faults,
    merits or demands ("đề nghị các đơn vị:") stays a lead-in whatever it ends with."""
    return bool(_rx(cues.MEMBERS_LEAD).search(lead_form)) and _lead_polarity(lead_form) is None


def _examples_after(lead_form: str, body_form: str) -> bool:
    """The lead-in judges a thing of its own and the items after "như:" only name its parts ("sổ
    tiếp nhận ... còn bỏ trống một số cột, mục như: Thời gian hẹn trả kết quả, ký nhận kết quả";
    "Các tiêu chí bị trừ điểm như: ...; ..."): the items say nothing alone, so the statement and
    its examples are one finding, as the guide keeps "mô hình ...; mô hình ..." after "như" one.
    A lead-in naming faults, merits or points before "như" ("một số hạn chế như:") announces
    findings, and items with a judgement of their own ("Chưa có sáng kiến ...") or opened by an
    action ("rà soát ...; niêm yết ...", tasks of their own) are findings."""
    return (bool(_rx(cues.EXAMPLES_LEAD).search(lead_form))
            and not _rx(cues.ANNOUNCED_EXAMPLES).search(lead_form)
            and _cue_scores(lead_form).best()[1] > 0
            and all(_cue_scores(item).total == 0 and not _acts(item.strip())
                    for item in body_form.split(";")))


def _fault_items(left_form: str, right_form: str) -> bool:
    """Both sides of a comma are short items each opened by a fault word ("chưa", "thiếu")."""
    item = _rx(cues.FAULT_ITEM_START)
    right_item = right_form.split(",")[0]
    return (bool(item.match(left_form)) and bool(item.match(right_form))
            and MIN_ITEM_WORDS <= _word_count(left_form) <= MAX_ITEM_WORDS
            and MIN_ITEM_WORDS <= _word_count(right_item) <= MAX_ITEM_WORDS)


def _in_body_list(left_form: str, right_form: str) -> bool:
    """The comma sits inside a list of bodies or people ("cơ quan, đơn vị", "sở, ngành", "cán bộ,
    công chức"): the genre's fixed lists of whom a statement is about, never two matters."""
    return (bool(_rx(cues.BODY_LIST_END).search(left_form))
            and bool(_rx(cues.BODY_LIST_START).match(right_form)))


def _first_item(form: str) -> str:
    """The text up to the first comma that is not inside a list of bodies: "đa số đội ngũ cán bộ,
    công chức chấp hành tốt giờ giấc" is one item, whose own judgement comes after the list."""
    for match in re.finditer(r",\s+", form):
        if not _in_body_list(form[:match.start()], form[match.end():]):
            return form[:match.start()]
    return form


def _matters(text: str, doc_form: str, clause: Span,
             complaint: bool = False) -> list[tuple[int, int, bool]]:
    """Split a clause at commas that open a new subject with its own judgement, or a second fault or
    act of the same subject; each part as (start, end, whether it shares the subject of the part
    before it), so the units that part names are its too (`Finding.subject_of`).

    "ứng dụng tốt phần mềm ..., tỷ lệ hồ sơ đều giải quyết đúng hẹn" is two matters: both sides
    judge, and the right side starts with a subject of its own. A list of nouns ("cán bộ, công
    chức", "đề nghị các cơ quan, đơn vị khắc phục") never splits: its left side judges nothing or
    ends inside a list of bodies. A run of short faults each opened by
    its own negation ("chưa niêm yết, thiếu sổ theo dõi, không có phiếu hẹn") is one matter per item.
    A complaint (`complaint`: cues.COMPLAINT_LEAD, which judges for what it reports) lists its
    faults with no cue of their own, each with its subject: "và" before a new subject of some
    length ("Sở A hiện có 6 Phó giám đốc và một số công chức Phòng B dùng xe công ...") is two.
    """
    parts: list[tuple[int, int, bool]] = []
    start, shared = clause.start, False
    for match in _rx(rf",\s+|{cues.SUBJECT_JOIN}").finditer(doc_form, clause.start, clause.end):
        cut, resume = match.start(), match.end()
        left, right = text[start:cut], text[resume:clause.end]
        left_form, right_form = doc_form[start:cut], doc_form[resume:clause.end]
        if _in_body_list(left_form, right_form):
            continue
        left_verdict, left_score = _cue_scores(left_form).best()
        right_item = _first_item(right_form)
        judged_sides = (_word_count(left) >= 4 and _word_count(right) >= 4 and ": " not in left
                        and left_score >= 1.5 and _cue_scores(right_item).best()[1] >= 1.5)
        reported = (complaint and "," not in match.group() and _word_count(left) > MIN_WORDS
                    and _word_count(right) > 2 * MIN_WORDS and left_score == 0
                    and bool(_rx(cues.SUBJECT_START).match(right_form)))
        if reported:
            parts.append((start, cut, shared))
            start, shared = resume, False
            continue
        # a share is a part of the whole, never the thing before said again ("50% ..., 50% còn lại")
        new_subject = judged_sides and (_share_parts(left_form, right_form) or (
            bool(_rx(cues.SUBJECT_START).match(right_form))
            and not _subject_said_again(left_form, right_item)))
        demand = left_verdict == RECOMMENDATION
        clause_after = bool(_rx(cues.CLAUSE_PREDICATE).search(right_item))
        if "," not in match.group() and _conceded_after_negation(left_form, right_form):
            parts.append((start, cut, shared))
            start, shared = resume, True
            continue
        if "," not in match.group() and not (new_subject and clause_after and not demand):
            continue  # "và" joins two matters only before a judged subject of its own, never in a demand
        # the subject said before the comma is the subject of a fault or an act said after it
        same_subject = not new_subject and (
            _fault_items(left_form, right_form) or _negation_repeated(left_form, right_form)
            or _second_act(left_form, doc_form[cut:clause.end])
            or judged_sides and _second_judgement(left_form, right_form, right_item))
        if new_subject or same_subject:
            parts.append((start, cut, shared))
            start, shared = resume, same_subject
    parts.append((start, clause.end, shared))
    return parts


def _conceded_after_negation(left_form: str, right_form: str) -> bool:
    """After "và", an act conceded done ("niêm yết công khai nhưng chưa đầy đủ") while the clause
    before the "và" denies one ("chưa ban hành được quyết định ..."): the negation cannot reach an act
    the concession says was done, so the "và" joins two acts of one subject, two findings as the
    guide splits matters with their own verbs. The conceded part opens with its verb (`_acts`): a
    noun there is one more object of the verb denied ("chưa ban hành quy chế và kế hoạch kiểm tra
    nhưng còn ..."), under the negation. The concession is the nearest "và"'s: "bố trí và phân
    công ... và niêm yết ... nhưng chưa" splits at the second "và" only."""
    clause = right_form.split(",")[0]
    conceded = _rx(cues.CONCEDED).match(clause)
    return (bool(_rx(cues.NEGATION).search(left_form)) and conceded is not None and _acts(clause)
            and " và " not in clause[:conceded.start("turn")])


def _share_parts(left_form: str, right_form: str) -> bool:
    """The comma opens another share of the whole the clause before gave a share of ("61% số hồ sơ
    quá hạn là do ..., 39% còn lại do ..."): cues.SHARE opening the right side and said on the left."""
    share = _rx(cues.SHARE)
    return bool(share.match(right_form)) and bool(share.search(left_form))


SUBJECT_AGAIN_MAX_WORDS = 4  # a subject said again is a short noun phrase ("phiếu hẹn"), not a clause


def _subject_said_again(left_form: str, right_item: str) -> bool:
    """The clause after the comma has for subject one of the things the clause before it judged,
    told again, and the matter the vocabulary reads first after the comma is one the clause before
    it speaks of ("phiếu hẹn, sổ theo dõi còn một số nội dung chưa khớp, phiếu hẹn không đánh số
    theo dõi đầy đủ"): it tells more of the fault of the same thing, one matter, which the guide
    keeps together ("," items split only when they are about different matters). A subject is the
    words before the first word of aspect, negation or result (cues.CLAUSE_PREDICATE); another
    unit or body ("UBND phường A có ..., UBND phường B có ...") is another subject, and the same
    subject on another matter ("bộ phận một cửa chưa niêm yết ..., bộ phận một cửa không có công
    chức trực": two themes) still splits (nlp.areas.vocabulary_themes)."""
    predicate = _rx(cues.CLAUSE_PREDICATE)
    right_at, left_at = predicate.search(right_item), predicate.search(left_form)
    if right_at is None or left_at is None:
        return False
    subject = right_item[:right_at.start()].strip()
    if not subject or _word_count(subject) > SUBJECT_AGAIN_MAX_WORDS:
        return False
    named = {part.strip() for part in _NAME_LIST_SEP.split(left_form[:left_at.start()])}
    if subject not in named:
        return False
    right = vocabulary_themes(right_item)
    return bool(right) and right[0] in vocabulary_themes(left_form)


def _different_matters(left_form: str, right_form: str) -> bool:
    """Both sides name a matter of the vocabulary, and not the same one (annotation guide: items
    joined by "," stay together unless they are about different matters with their own verbs)."""
    left, right = vocabulary_area(left_form), vocabulary_area(_first_item(right_form))
    return left is not None and right is not None and left != right


def _second_act(left_form: str, rest_form: str) -> bool:
    """The comma at the start of `rest_form` opens a second act of the subject before it, about
    another matter: "..., đồng thời tuyên truyền ..." or the left side's verb said again after the
    same marker ("xã đã ban hành Kế hoạch ..., ban hành Quy chế ...", "có ban hành ..., có quyết
    định ..."). Objects of one verb ("ban hành kế hoạch, quy chế") start with a noun and never match;
    a verb inside a noun phrase ("công chức có vi phạm, có biểu hiện ...") is not a predicate."""
    if _word_count(left_form) < MIN_WORDS + 1:
        return False
    join = _rx(cues.CLAUSE_JOIN).match(rest_form)
    if join:
        right_form = rest_form[join.end():]
        opened = _rx(cues.CONNECTORS).sub("", right_form, count=1)
        acts = bool(_rx(cues.ACTION_START).match(opened)) or _cue_scores(opened).best()[1] >= cues.MIN_SCORE
        return acts and _word_count(opened) >= MIN_WORDS + 1 and _different_matters(left_form, opened)
    right_form = rest_form.lstrip(", ")
    verb = _rx(cues.REPEATED_VERB_START).match(right_form)
    if verb is None or _word_count(_first_item(right_form)) < MIN_WORDS + 1:
        return False
    said_before = _rx(rf"(?:^|\b{cues.REPORTED_MARKERS} ){re.escape(verb.group('verb'))}\b")
    return bool(said_before.search(left_form)) and _different_matters(left_form, right_form)


def _second_judgement(left_form: str, right_form: str, right_item: str) -> bool:
    """The comma opens a second predicate of the subject before it, judged on its own and about
    another matter ("Cà Mau đã thể hiện tinh thần chủ động, sáng tạo, dám nghĩ dám làm, có những
    điểm sáng về ứng dụng chuyển đổi số"): it opens with a marker of a reported predicate and no
    subject (cues.HAS_START: the existential "có"), the vocabulary reads a matter in
    it, and the clause before it is an overall judgement naming none (the guide's `chung`). The
    guide splits "," items about different matters with their own verbs; the caller has checked
    that both sides judge. An item of the same matter ("giải quyết đúng hạn, được người dân đánh
    giá cao") names none and stays; so do two acts each naming a matter ("có bố trí phòng tiếp ...,
    có niêm yết nội quy ..."), which the vocabulary may read as two matters where the text speaks
    of one (the reception of citizens): `_second_act` splits those only on their verb said again."""
    if not _rx(cues.HAS_START).match(right_form):
        return False
    return vocabulary_area(right_item) is not None and vocabulary_area(left_form) is None


def _negation_repeated(left_form: str, right_form: str) -> bool:
    """The comma opens a second fault of the subject before it, negated by the same word as the
    first ("công chức không đeo thẻ công chức, không có người trực tại phòng tiếp công dân"; "chưa
    niêm yết công khai lịch tiếp công dân ..., chưa công khai danh mục thủ tục hành chính"): the
    negation said again is a predicate of its own, as a repeated verb is (`_second_act`), when what
    it opens is longer than a comma item (MAX_ITEM_WORDS). A short one stays with the clause before
    it as one more side of the same fault ("chưa thực sự quyết liệt, chưa có nhiều đột phá"; "chưa
    được sắp xếp, chỉnh lý, chưa có phòng lưu trữ tài liệu"); short items both opened by a fault
    word are `_fault_items`'. One opened by a period of its own ("..., năm 2017 chưa ban hành được
    Chương trình, kế hoạch CCHC": cues.FAULT_PERIOD) is a fault of its own when it says more than
    its negation and verb (MIN_WORDS), short or not: a comma item of one fault names no period."""
    negation = _rx(cues.REPEATED_NEGATION_START).match(right_form)
    if negation is None:
        return False
    dated = negation.group("dated") or ""
    if _word_count(_first_item(right_form[len(dated):])) <= (MIN_WORDS if dated else MAX_ITEM_WORDS):
        return False
    return (_word_count(left_form) >= MIN_WORDS + 1
            and bool(re.search(rf"\b{negation.group('neg')}\b", left_form)))


def _without_attribution(doc_form: str, start: int, end: int) -> int:
    """Where a quoted statement ends when the clause closes with who said it ("“Xã đã làm tốt ...”,
    Thứ trưởng X ghi nhận"): the speaker is no part of the finding, nor is the verb of saying,
    which would otherwise count as the judgement ("ghi nhận", "đánh giá")."""
    match = _rx(cues.REPORTED_SPEECH_TAIL).search(doc_form, start, end)
    return match.start() if match and _word_count(doc_form[start:match.start()]) >= MIN_WORDS else end


def _addressees_joined(text: str, doc_form: str, spans: list[Span]) -> list[Span]:
    """The clauses of a sentence with a demand's addressees listed by ";" made one again ("yêu cầu
    Giám đốc các sở, ban, ngành; Chủ tịch UBND các huyện khẩn trương rà soát ..."): official
    directives separate their addressees with ";", and the demand is one finding for all of them.
    A clause joins the one before when that one ends in a demand and an addressee with no act yet
    (or is itself such an addressee after it) and it opens with another addressee."""
    joined: list[Span] = []
    open_demand = False
    for span in spans:
        form = doc_form[span.start:span.end]
        if joined and open_demand and _rx(cues.ADDRESSEE_START).match(form):
            last = joined[-1]
            joined[-1] = Span(last.start, span.end, text[last.start:span.end])
            open_demand = not _rx(cues.ADDRESSEE_ACT).search(form)
            continue
        joined.append(span)
        demand = _rx(cues.ADDRESSED_DEMAND_END).search(form)
        open_demand = demand is not None and not _rx(cues.ADDRESSEE_ACT).search(form, demand.start() + 1)
    return joined


def _demand_cells_apart(text: str, doc_form: str, spans: list[Span]) -> list[Span]:
    """Clauses with a table row's demand cell made a clause of its own ("Niêm yết TTHC | Chưa đầy đủ |
    Đề nghị cập nhật"): inspection tables give the verdict and what is asked in separate columns, and
    a demand is a finding of its own kind, never part of the fault beside it."""
    apart: list[Span] = []
    for span in spans:
        start = span.start
        for cell in _rx(cues.DEMAND_CELL).finditer(doc_form, span.start, span.end):
            if _word_count(text[start:cell.start()]) >= MIN_WORDS:
                apart.append(Span(start, cell.start(), text[start:cell.start()]))
                start = cell.end()
        apart.append(Span(start, span.end, text[start:span.end]))
    return apart


def _pieces(text: str, doc_form: str, body: Span) -> list[tuple[int, int, str | None, bool]]:
    """The trimmed candidate spans of a sentence body, with what their lead-ins announced and
    whether each shares the subject of the piece before it (`_matters`)."""
    pieces: list[tuple[int, int, str | None, bool]] = []
    joined = _addressees_joined(text, doc_form, clauses(text, body))
    for clause in _demand_cells_apart(text, doc_form, joined):
        complaint = bool(_rx(cues.COMPLAINT_LEAD).match(doc_form[clause.start:clause.end]))
        start, end, announced = _trim_leadins(text, doc_form, clause.start, clause.end)
        start, end = _strip(text, start, _without_attribution(doc_form, start, end))
        trimmed = Span(start, end, text[start:end])
        for index, (p_start, p_end, shared) in enumerate(_matters(text, doc_form, trimmed, complaint)):
            if index:
                p_start, p_end, _ = _trim_leadins(text, doc_form, p_start, p_end)
            # a complaint's faults are each what its lead reports (_matters), not its first's detail
            pieces.append((p_start, p_end, announced if index == 0 or complaint else None, shared))
    return pieces


def _too_short(piece: str, own: CueScores, form: str, in_list: bool) -> bool:
    """Fewer words than a statement needs; an item of a list needs only MIN_ITEM_WORDS if its own
    cue judges it ("; thiếu ghế ngồi") or it opens with an action ("; niêm yết TTHC")."""
    words = _word_count(piece)
    if words >= MIN_WORDS:
        return False
    return not (in_list and words >= MIN_ITEM_WORDS and (own.best()[1] >= cues.MIN_SCORE or _acts(form)))


def _evaluative_tail(form: str, own: CueScores, gap: str, listed: bool) -> bool:
    """True when a ";" item only judges again what the item before it is about ("Công chức một cửa
    đón tiếp người dân nhiệt tình; chu đáo, tận tình"; "…; đầy đủ, công khai"): administrative
    prose strings the qualities of one subject with ";" as well as with ",", and an item that
    opens with its judgement (no subject before it), opens with no act of its own, is short
    (MAX_ITEM_WORDS) and names no matter of the vocabulary, says nothing on its own:
    it is a further predicate of the item before it, the annotation guide's "one finding per
    distinct matter" (an item that names its matter, "; thiếu ghế ngồi", or its act, "; niêm yết
    TTHC", stays an item of its own). Neither does an item opened by a negation ("; chưa thay bảng
    giá cũ": an act or a thing denied, a fault of its own though the vocabulary names no matter) nor
    an item of a list a lead-in announced (`listed`: "hạn chế như: …; …", each item is announced)."""
    verdict, score = own.best()
    return (";" in gap and not listed and score >= cues.MIN_SCORE and verdict is not None
            and not _rx(cues.REPEATED_NEGATION_START).match(form)
            and own.first_of(verdict) == 0
            and _word_count(form) <= MAX_ITEM_WORDS and not _acts(form) and not _own_predicate(form)
            and vocabulary_area(form) is None and not vocabulary_themes(form))


def _statement_before_lead(text: str, doc_form: str, lead: Span, sent: Span) -> tuple[Span | None, Span]:
    """(statement, the rest of the sentence) when a lead-in is joined to a statement of its own
    ("Tổ kiểm tra đánh giá cao những kết quả ..., đồng thời chỉ ra những hạn chế như: ..."): the
    statement before the join is a finding, only what follows it announces the list."""
    joins = list(_rx(cues.LEAD_JOIN).finditer(doc_form, lead.start, lead.end))
    if not joins or _word_count(text[sent.start:joins[-1].start()]) < MIN_WORDS:
        return None, sent
    cut, resume = joins[-1].start(), joins[-1].end()
    return Span(sent.start, cut, text[sent.start:cut]), Span(resume, sent.end, text[resume:sent.end])


def _own_predicate(form: str) -> bool:
    """True when a list item opens with a predicate of its own ("có bảng niêm yết ...", "đã công khai
    ..."): a matter of its own, not one more object of the item before it ("...; văn hóa công sở")."""
    return bool(_rx(cues.OWN_PREDICATE_START).match(form))


def _concession(text: str, doc_form: str, start: int, end: int) -> list[Finding]:
    """The item conceded before a turn ("UBND thành phố đã tập trung chỉ đạo ...; song kết quả ...
    tụt hậu"): work reported as done and granted before the verdict is a merit of its own, never
    part of the fault after the turn; an item reporting nothing done is dropped."""
    if not _rx(cues.REPORTED).search(doc_form, start, end) or _word_count(text[start:end]) < MIN_WORDS:
        return []
    return [Finding(STRENGTH, Area(classify_form(doc_form[start:end])), text[start:end], start, end)]


def _sentence_findings(text: str, doc_form: str, sent: Span, state: _State, last: bool) -> list[Finding]:
    """The findings of one sentence, updating the paragraph and section state it sets.

    A ";" item with no cue of its own is part of a neighbour: an example after "như" or a noun
    phrase ending a list joins the item before it (an item opened by its own predicate, "; có
    bảng niêm yết ...", stands alone, and so does a last noun phrase about another matter than the
    item before, the verb before it said of both: "thực hiện tốt công tác sắp xếp tổ chức bộ máy;
    kỷ luật, kỷ cương, đạo đức công vụ", as the guide splits "," items about different matters,
    `_different_matters`); a noun phrase opening a list joins the one
    after it ("Công tác xây dựng danh mục hồ sơ; lập hồ sơ công việc ... còn hạn chế").
    """
    lead, body = _colon_split(text, doc_form, sent)
    if lead is not None:
        statement, rest = _statement_before_lead(text, doc_form, lead, sent)
        if statement is not None:
            return (_sentence_findings(text, doc_form, statement, state, last=False)
                    + _sentence_findings(text, doc_form, rest, state, last))
    context = state.paragraph or state.section
    if state.previous_finding == RECOMMENDATION and _rx(cues.CONTINUES).match(doc_form[sent.start:sent.end]):
        context = RECOMMENDATION  # "... yêu cầu ... Đồng thời, có giải pháp ...": more of the same demand
    if lead is not None:
        context = _lead_polarity(doc_form[lead.start:lead.end]) or context
        if _word_count(body.text) < MIN_WORDS:
            if last:
                state.section = context
            else:
                state.paragraph = context
            return []
    sent_form = doc_form[sent.start:sent.end]
    if lead is None and _fault_summary(sent.text, sent_form):
        state.paragraph = SHORTCOMING
        return []
    if any(_rx(p).search(sent_form) for p in cues.SENTENCE_NON_FINDING):
        return []
    found: list[Finding] = []
    previous: str | None = None
    pending: int | None = None
    pieces = _pieces(text, doc_form, body)
    previous_end = body.start
    for index, (start, end, announced, shared) in enumerate(pieces):
        if remark := _row_remark(doc_form[start:end]):
            start = min(start + remark, end)
        piece, form = text[start:end], doc_form[start:end]
        if pending is not None and _rx(cues.CONTRAST_OPEN).search(doc_form, previous_end, start):
            if ";" in doc_form[previous_end:start]:  # a conceded item, not a setting ("chiều 2/2, nhưng")
                found.extend(_concession(text, doc_form, pending, previous_end))
            pending = None
        previous_start, previous_end = previous_end, end
        own = _cue_scores(form)
        if index < len(pieces) - 1 and _fault_summary(piece, form):
            # "một số đơn vị vẫn còn những hạn chế; như chưa ...": an item that only announces faults
            # before more items is their lead-in, as it would be before a colon
            context, previous, pending = SHORTCOMING, None, None
            continue
        if (_too_short(piece, own, form, len(pieces) > 1) or _is_non_finding(form)
                or own.total == 0 and _is_name_list(piece)):
            pending = None
            continue
        if announced:
            context = announced
        inherited = previous or context
        if (found and index and found[-1].end == pieces[index - 1][1]
                and _evaluative_tail(form, own, doc_form[found[-1].end:start], lead is not None)
                and _polarity(form, inherited, own) == found[-1].polarity):
            found[-1] = replace(found[-1], text=text[found[-1].start:end], end=end)
            continue
        if own.best()[1] < cues.MIN_SCORE and not _acts(form):
            if _unjudged_figure(form, previous, context, doc_form[previous_start:start]):
                pending = None
                continue
            own_fault = bool(announced and index)  # a complaint's later fault (_pieces) stands alone
            before = doc_form[found[-1].start:found[-1].end] if found else ""
            if found and not own_fault and ({"như", "như:"} & set(before.split())
                                            or index == len(pieces) - 1 and not _own_predicate(form)
                                            and not _different_matters(before, form)):
                found[-1] = replace(found[-1], text=text[found[-1].start:end], end=end)
                continue
            # (not before a complaint's next fault, which its lead announces: _pieces)
            if own.total == 0 and index < len(pieces) - 1 and not pieces[index + 1][2]:
                pending = start if pending is None else pending
                continue
        if inherited is None and state.previous_finding == RECOMMENDATION and _acts(form):
            inherited = RECOMMENDATION  # "Duy trì ..." continuing the previous sentence's demands
        contrasted = bool(_rx(cues.CONTRAST_LEAD).match(doc_form, previous_start, start))
        polarity = _polarity(form, inherited, own, contrasted)
        if polarity is None:
            pending = None
            continue
        # split off the piece before it, which is found[-1] unless it was dropped or held back
        subject_of = (found[-1].start if shared and pending is None and found
                      and found[-1].end == pieces[index - 1][1] else None)
        if pending is not None:
            start, pending = pending, None
        found.append(Finding(Polarity(polarity), Area(classify_form(doc_form[start:end])), text[start:end],
                             start, end, subject_of=subject_of))
        previous = polarity
    found = _distributions_joined(text, doc_form, found)
    if found:
        state.previous_finding = found[-1].polarity
    return found


def _unjudged_figure(form: str, previous: str | None, context: str | None, gap: str) -> bool:
    """A ";" item stating a figure (cues.VALUE_STATED) that no word of its own judges, whose only
    judgement would be the item before it's ("số hồ sơ quá hạn: 1,58%; số hồ sơ đang trong thời gian
    giải quyết theo quy định là 21,73%"): a result reported as a series of figures is judged figure
    by figure, so this one is data, neither part of its neighbour nor a finding. Under a lead, a
    paragraph or a section that judges (`context`: "những hạn chế như: …") the items stay its, and
    a rate, an index score or a rank (cues.MEASURE_JUDGED_BY_FIGURE) is judged by its figure."""
    return (previous is not None and context is None and ";" in gap
            and bool(_rx(cues.VALUE_STATED).search(form))
            and not _rx(cues.MEASURE_JUDGED_BY_FIGURE).search(form))


def _distributions_joined(text: str, doc_form: str, found: list[Finding]) -> list[Finding]:
    """Adjacent ";" items of one kind that each count bodies in a class ("có 8 sở đạt loại xuất
    sắc; 10 sở xếp loại tốt và 2 sở xếp loại khá") are one result spread over its classes: one
    finding, as the guide keeps items that only detail one claim."""
    count = _rx(cues.BODY_COUNT_START)
    joined: list[Finding] = []
    for finding in found:
        last = joined[-1] if joined else None
        if (last is not None and last.polarity == finding.polarity
                and doc_form[last.end:finding.start].strip() == ";"
                and count.match(doc_form, last.start) and count.match(doc_form, finding.start)):
            joined[-1] = replace(last, area=Area(classify_form(doc_form[last.start:finding.end])),
                                 text=text[last.start:finding.end], end=finding.end)
        else:
            joined.append(finding)
    return joined


def _without_excused_absences(found: list[Finding], doc_form: str) -> list[Finding]:
    """A paragraph's findings without the counts of absent staff that a later statement of it
    excuses ("UBND xã X vắng 2/22 người. Tất cả những người vắng mặt đều có lý do"): absence on
    duty or on leave is no fault. A count judged by another fault word as well stays."""
    excused = [f.start for f in found if _rx(cues.ABSENCE_EXCUSED).search(doc_form, f.start, f.end)]
    if not excused:
        return found

    def only_absent(f: Finding) -> bool:
        form = doc_form[f.start:f.end]
        counts = [(m.start(), m.end()) for m in _rx(cues.ABSENCE_COUNT).finditer(form)]
        return bool(counts) and _cue_scores(_mask(form, counts)).shortcoming == 0

    return [f for f in found
            if not (f.polarity == SHORTCOMING and f.start < excused[-1] and only_absent(f))]


def _words(form: str) -> set[str]:
    return set(_WORD.findall(form))


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _without_duplicates(findings: list[Finding], doc_form: str) -> list[Finding]:
    kept: list[Finding] = []
    kept_words: list[set[str]] = []
    for finding in findings:
        words = _words(doc_form[finding.start:finding.end])
        if any(_dice(words, other) >= DUPLICATE_DICE for other in kept_words):
            continue
        kept.append(finding)
        kept_words.append(words)
    return kept


_LAST_WORD = re.compile(r"(\w+)\s*$")


def _cut_off(text: str) -> bool:
    """The text ends inside a word: its last word is lower-case letters that make no Vietnamese
    syllable ("... trong đó 629 hồ sơ đ", "... thủ tục hành c"), as a page saved or copied up to
    a size limit ends. A whole last word ("... đang đi đâu") may end a text without a stop: it is
    not taken for a cut, nor is a name, an abbreviation or a figure."""
    last = _LAST_WORD.search(text)
    word = last.group(1) if last else ""
    return word.isalpha() and word.islower() and not is_syllable(word)


def _without_cut_clause(findings: list[Finding], text: str, doc_form: str) -> list[Finding]:
    """The findings without the unfinished part of a statement the end of the text cuts off.

    Annotation guide: a text cut off at the end gives its last statement as a finding only if
    its judgement is complete in what is there. The part before the clause or adjunct the cut
    falls in (`cues.CUT_CLAUSE_BOUNDARY`) is kept when it judges by its own cues; a statement
    with no complete part ("Vẫn còn trường hợp giải quyết hồ sơ thủ tục hành c") is dropped."""
    if not findings or findings[-1].end != len(text.rstrip()) or not _cut_off(text):
        return findings
    last = findings[-1]
    bounds = [m.start() for m in _rx(cues.CUT_CLAUSE_BOUNDARY).finditer(doc_form, last.start, last.end)]
    if bounds:
        start, end = _strip(text, last.start, bounds[-1])
        if _word_count(text[start:end]) >= MIN_WORDS and _cue_scores(doc_form[start:end]).total > 0:
            return [*findings[:-1], replace(last, text=text[start:end], start=start, end=end)]
    return findings[:-1]


def _closing_start(form: str) -> int:
    """Where the document's closing (recipients, signature, closing formula) begins, or its end."""
    floor = int(len(form) * cues.CLOSING_MIN_SHARE)
    starts = [m.start() for pattern in (cues.CLOSING_LINE, cues.CLOSING_FORMULA)
              for m in _rx(pattern).finditer(form, floor)]
    return min(starts, default=len(form))


def find_findings(text: str, form: str | None = None) -> list[Finding]:
    """Every evaluative statement of an NFC text as a Finding with exact character offsets.

    Headlines before the first body paragraph, section headings, lead-ins, descriptions of the
    inspection itself and page furniture are skipped; `units` is left empty for the caller to
    fill from the unit extractor by span overlap. `form` is `matching_form(text)` when the
    caller has it already (the spaCy pipeline computes it once per document).
    """
    doc_form = form if form is not None and len(form) == len(text) else matching_form(text)
    state = _State()
    found: list[Finding] = []
    closing = _closing_start(doc_form)
    paras = paragraphs(text)
    for para_index, para in enumerate(paras):
        if para.start >= closing:
            break
        is_heading, section = _section_of(para.text, doc_form[para.start:para.end])
        if is_heading and _is_list_lead(para.text):
            state.section, state.lead_list, state.list_marked = section, True, None
            continue
        if is_heading:
            state.enter_section(section)
            continue
        if _is_subheading(para.text, doc_form[para.start:para.end]):
            continue  # "2. Cải cách thủ tục hành chính" under "I. KẾT QUẢ ĐẠT ĐƯỢC": the section goes on
        if not state.seen_body:
            if _is_headline(para.text):
                continue  # a headline or site furniture above the article
            state.seen_body = True
        if (_is_furniture(para.text, doc_form[para.start:para.end]) or _is_fragment(para.text)
                or _is_body_subheading(paras, para_index, doc_form[para.start:para.end], state)):
            continue
        if _lead_list_ended(state, para.text, doc_form[para.start:para.end]):
            state.section, state.lead_list = state.heading, False
        state.paragraph = None
        state.previous_finding = None
        sents = sentences(text, para)
        sents = [sent for sent in sents if sent.start < closing]
        in_para: list[Finding] = []
        for index, sent in enumerate(sents):
            if len(sents) > 1:  # OCR and PDF reflow glue a heading onto the paragraph before it
                is_heading, section = _section_of(sent.text, doc_form[sent.start:sent.end])
                if is_heading and section:
                    state.enter_section(section)
                    continue
            in_para.extend(_sentence_findings(text, doc_form, sent, state, index == len(sents) - 1))
        found.extend(_without_excused_absences(in_para, doc_form))
    found = _without_duplicates(_without_cut_clause(found, text, doc_form), doc_form)
    areas = framed_areas(text, [(f.start, f.end) for f in found], [f.area for f in found], doc_form)
    return [f if f.area == area else replace(f, area=Area(area))
            for f, area in zip(found, areas, strict=True)]
