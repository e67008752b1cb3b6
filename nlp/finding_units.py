"""Which units a finding names: the units it judges, not those that speak, issue or locate.

Why not every unit inside the span: a finding's text often carries more than its subject.
"Xã A, huyện B có 15 cán bộ nhưng vắng 10 người" judges xã A; huyện B only says where A is.
"Văn phòng UBND tỉnh C cho biết ..." and "Chủ tịch UBND tỉnh C yêu cầu ..." name the speaker;
"thực hiện các chỉ đạo của UBND thành phố D" names the issuer of what is cited; "phải báo cáo
Chủ tịch UBND tỉnh C" the body reported to. The reader (and a recurrence report) must not blame
C or D for what the finding says, so those mentions are left out. The cue words are data
(`nlp/vi/finding_subjects.py`); this module only applies them to the spans the unit finder gave.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from core.alternation import longest_first
from core.inspectors import names_inspector
from core.levels import ADMIN_LEVELS, ALL_LEVELS, Level, abbreviations_pattern, folded_words_pattern, rank_of
from core.models import Role
from core.normalize import fold, matching_form
from nlp.segment import paragraphs, sentences
from nlp.units import UnitMention
from nlp.vi import finding_subjects as W
from nlp.vi.unit_roles import HOLDER_BEFORE

MIN_CONTENT_WORDS = 3  # a speaker verb must be followed by what is said
_ISSUER_REACH = 240  # how far back an issued document's title or "của" may be read
_SAYING = frozenset({"cho biet", "thong tin", "nhan manh", "khang dinh", "thong bao", "phat bieu"})
_WORD = re.compile(r"\w+")
# The level word (and "UBND") ending the text before a unit's name, so what precedes it can be read.
_LEVELS = f"{folded_words_pattern(ADMIN_LEVELS)}|{abbreviations_pattern().lower()}"  # folded, any level
_TRAILING_LEVEL = re.compile(rf"(?:ubnd\s+)?(?:{_LEVELS})\s*\.?\s*$")
# Between two items of one list of names: the second is named as the first was.
_LIST_GAP = re.compile(rf"\s*(?:,|;|va|,\s*va)\s*(?:(?:ubnd|{_LEVELS})\.?\s*)*")


class _Patterns(NamedTuple):
    """The compiled cue patterns, each named for what it finds (see `_patterns`)."""

    speaker: re.Pattern[str]
    not_speaker: re.Pattern[str]
    judgement: re.Pattern[str]
    issuer: re.Pattern[str]
    recipient: re.Pattern[str]
    source: re.Pattern[str]
    place: re.Pattern[str]
    nouns: re.Pattern[str]
    many: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The cue patterns, compiled once from the word lists."""
    bodies = longest_first(W.BODY_WORDS)
    speaker = re.compile(rf"(?<!\w)({longest_first(W.SPEAKER_VERBS)})(?!\w)")
    not_speaker = re.compile(rf"(?<!\w)(?:{longest_first(W.NOT_SPEAKER_BEFORE)})\s+$")
    judgement = re.compile(rf"(?<!\w)(?:{longest_first(W.JUDGEMENT_BEFORE_SPEAKER)})(?!\w)")
    tail = rf"(?:(?:{bodies})\s+)*(?:(?:{_LEVELS})\s*\.?\s*)?$"
    issuer = re.compile(
        rf"(?<!\w)(?:{longest_first(W.ISSUED_NOUNS)})(?!\w)"
        rf"(?:[^;]{{0,160}}?(?<!\w)ve viec(?!\w)[^;]*$|(?:\s+[\w/.-]+){{0,8}}?\s+cua\s+{tail})"
    )
    recipient = re.compile(rf"(?<!\w)(?:{longest_first(W.RECIPIENT_VERBS)})\s+{tail}")
    source = re.compile(rf"^\W*(?:{longest_first(W.SOURCE_OPENERS)})\s[^,;]{{3,160}}?,")
    place = re.compile(rf"(?<!\w)(?:{longest_first(W.PLACE_OR_ADDRESSEE_BEFORE)})"
                       rf"(?:\s+[^\s,;:]+){{0,6}}?\s+{tail}")
    nouns = re.compile(rf"(?<!\w)(?:{longest_first(W.NOUNS_WITH_SPEAKER_VERB)})(?!\w)")
    # On the matching form, marks kept (nlp/vi/finding_subjects.py says why); "UBND" is a unit noun.
    unit_words = longest_first(matching_form(w) for w in (*ALL_LEVELS, *W.UNIT_NOUNS))
    many = re.compile(rf"(?<!\w)(?:{longest_first(map(matching_form, W.MANY_QUANTIFIERS))})\s+"
                      rf"(?:{unit_words}|{abbreviations_pattern().lower()})(?!\w)")
    return _Patterns(speaker, not_speaker, judgement, issuer, recipient, source, place, nouns, many)


def _content_start(form: str) -> int:
    """Where the judged content of a finding begins, in its folded text: after a source
    ("Theo X, ...") and after a speaker's verb ("X cho biết ...", "X yêu cầu ..."); 0 if the
    finding opens with its content. A reported clause may hold a speaker of its own ("X cho
    biết Chủ tịch tỉnh này yêu cầu ..."), so reading goes on after a verb of saying."""
    cue = _patterns()
    start = 0
    opened = cue.source.match(form)
    if opened:
        start = opened.end()
    noun_spans = [(n.start(), n.end()) for n in cue.nouns.finditer(form)]
    for verb in cue.speaker.finditer(form, start):
        if any(s <= verb.start() and verb.end() <= e for s, e in noun_spans):
            continue  # "công nghệ thông tin" names a thing, nobody informs
        before = form[start:verb.start()]
        if cue.not_speaker.search(before) or cue.judgement.search(before):
            if cue.judgement.search(before):
                break  # the verb is part of the content ("xã A chưa ..., đề nghị ...")
            continue
        if len(_WORD.findall(form[verb.end():])) < MIN_CONTENT_WORDS:
            break  # a closing attribution ("..., Thứ trưởng ghi nhận")
        start = verb.end()
        if " ".join(verb.group(1).split()) not in _SAYING:
            break  # the object of a demand is the unit demanded of, not another speaker
    return start


def content_start(text: str) -> int:
    """Where the judged content of `text` (a finding, any case and accents) begins: after a
    source ("Theo X, ...") or a speaker ("Đoàn kiểm tra ghi nhận ...", "X yêu cầu ..."); 0 when
    it opens with its content."""
    return _content_start(fold(text))


def _holds_unnamed(before: str, m: UnitMention) -> bool:
    """True when the unit only holds unnamed lower units the finding judges: "các xã thuộc huyện
    A còn chậm", "một số phường trên địa bàn quận B" (`before` is the folded text up to its name)."""
    holder = HOLDER_BEFORE.get(rank_of(Level(m.unit.level)) or 0) if m.unit.level in ADMIN_LEVELS else None
    if holder is None:
        return False
    return holder.search(_TRAILING_LEVEL.sub("", before)) is not None


def finding_units(text: str, start: int, end: int, mentions: Iterable[UnitMention],
                  form: str | None = None) -> tuple[str, ...]:
    """Names of the units the finding `text[start:end]` judges, in text order, once each.

    `mentions` are the document's units with their spans; `form` is `core.normalize.fold(text)` when the
    caller has it (same length as `text`). A unit counts when one of its spans lies inside the
    finding, after any speaker or source, and that span is not there only to locate another
    unit, to name an issuer of a cited directive, the body reported to, or the inspecting body
    ("Đoàn kiểm tra của UBND tỉnh A", "do UBND huyện B kiểm tra": core/inspectors.py, the frames
    core/attribution.py reads for agencies too).
    """
    return tuple(dict.fromkeys(m.unit.name for m in judged_units(text, start, end, mentions, form)))


def with_judged_as_inspected(mentions: list[UnitMention], judged: Iterable[UnitMention]) -> list[UnitMention]:
    """The units, those a finding judges marked inspected unless the text made them the inspector:
    a finding is a verdict on inspected work, so its subject's work was inspected (a ranked
    district in an index report, "xã A còn để hồ sơ quá hạn") even where no verb says so.

    The caller (nlp/components.py) passes the units of strengths and shortcomings only: a
    recommendation names who must act, and the genre demands as often of the superior of the unit
    inspected ("yêu cầu huyện An Lão nghiêm túc kiểm điểm" after the town of An Lão was found
    absent) or of a department ("đề nghị Sở Nội vụ theo dõi") as of the unit itself, which its
    own verdicts and the document's cues already name inspected."""
    keys = {(m.unit.level, m.unit.name) for m in judged}
    return [replace(m, unit=replace(m.unit, role=Role.INSPECTED))
            if (m.unit.level, m.unit.name) in keys and m.unit.role == Role.OTHER else m
            for m in mentions]


def judged_units(text: str, start: int, end: int, mentions: Iterable[UnitMention],
                 form: str | None = None, *, subjects_only: bool = False) -> list[UnitMention]:
    """The UnitMentions `finding_units` names, in text order (a unit may appear twice).

    `subjects_only` also leaves out a unit named only as the holder of unnamed lower units
    ("công chức cấp xã ở huyện A", "các xã thuộc huyện A"): the finding is about A as a place
    (it names it), but A's own work was not what was judged, so it is not made inspected.
    """
    named = sorted(
        (s, e, m) for m in mentions if m.unit.level in ADMIN_LEVELS
        for s, e in m.spans if start <= s and e <= end and (s, e) not in m.locating_spans
    )
    if not named:
        return []
    folded = _given_or(form, text, fold)
    cue = _patterns()
    content = start + _content_start(folded[start:end])
    judged: list[UnitMention] = []
    kept_end = -1
    for s, e, m in named:
        before = folded[max(start, s - _ISSUER_REACH):s]
        listed = kept_end >= 0 and _LIST_GAP.fullmatch(folded[kept_end:s]) is not None
        if s < content and not cue.place.search(before) and not listed:
            continue
        if (cue.issuer.search(before) or cue.recipient.search(before) or names_inspector(folded, s, e)
                or (subjects_only and _holds_unnamed(before, m))):
            continue
        judged.append(m)
        kept_end = e
    return judged


class CarriedUnits(NamedTuple):
    """The units a finding naming none takes from its sentence and passage (`carried_units`)."""

    lead: tuple[str, ...]  # named by its sentence's lead-in: becomes `Finding.units`
    passage: tuple[str, ...]  # its passage's inspected units, "level name": `Finding.passage_units`


def carried_units(text: str, spans: Sequence[tuple[int, int, bool]], mentions: Sequence[UnitMention],
                  form: str | None = None, matching: str | None = None) -> list[CarriedUnits]:
    """For each finding (`spans`: start, end, whether it names units of its own), the units its
    sentence's lead-in names for it and the inspected units its passage is about; both empty for
    a finding naming its own. One walk over the sentences reads both, in reading order.

    The lead-in: for a finding naming none, the units its sentence's lead-in judges: the words
    before the sentence's first finding, which no finding holds ("Trong thực hiện CCHC tại UBND
    xã A có những ưu điểm là xã đã ban hành ...; bố trí cán bộ ..." names A for every item). The
    annotation guide leaves the lead-in out of the span and counts the units the sentence names,
    so the items name A. Only a lead-in: a unit the sentence's first finding names itself ("UBND
    thành phố B đã tập trung chỉ đạo ...; song kết quả ... tụt hậu"; "Đoàn kiểm tra đề nghị UBND
    huyện C ...; áp dụng ISO ...") is that finding's, and the gold leaves the items after it
    unnamed (the newer texts' annotators always, the older ones mostly): taking it for them hurt
    the newer fold.

    The passage, for a finding naming none even with its lead-in. Why: a report names the unit a
    run of findings is about once, then lists them ("Tại xã A, việc ... chậm. Toàn bộ hồ sơ ...
    UBND xã mới chuyển ..."), and a report inspecting two units says each one's findings in its
    own passage. Inheriting all of the document's inspected units files B's findings under A too.
    The rule, in reading order: a sentence judging inspected units (as finding_units reads them:
    not the speaker, issuer, recipient, nor a holder of unnamed lower units) makes them the
    passage's subject, from where it names them; a sentence speaking of many units ("các đơn
    vị", "một số xã") or of unnamed units inside a named one ends the passage (its findings and
    those after it are about no one unit); a finding naming none takes the units its sentence
    named before it, else the passage's subject. These are carried, not named: `Finding.units`
    keeps what its sentence names for it (its words, its lead-in), as the annotation guide has
    it, and the gold of the newer texts names nothing more.
    """
    folded, lowered = _given_or(form, text, fold), _given_or(matching, text, matching_form)
    many = _patterns().many
    leads: list[tuple[str, ...]] = [() for _ in spans]
    passages: list[tuple[str, ...]] = [() for _ in spans]
    order = sorted(range(len(spans)), key=lambda k: spans[k][0])
    at = 0
    subject: tuple[str, ...] = ()
    for para in paragraphs(text):
        for sent in sentences(text, para):
            subjects = judged_units(text, sent.start, sent.end, mentions, folded, subjects_only=True)
            inside = [k for k, (start, _, _) in enumerate(spans) if sent.start <= start < sent.end]
            if inside:
                lead_end = min(spans[k][0] for k in inside)
                lead = [m for m in subjects if _first(m, sent.start, sent.end) < lead_end]
                for k in inside:
                    if lead and not spans[k][2] and not many.search(lowered, sent.start, spans[k][1]):
                        leads[k] = tuple(dict.fromkeys(m.unit.name for m in lead))
            judged = [m for m in subjects if m.unit.role == Role.INSPECTED]
            holders = [m for m in judged_units(text, sent.start, sent.end, mentions, folded)
                       if m not in subjects]
            while at < len(order) and spans[order[at]][0] < sent.end:
                k = order[at]
                start, end, names_own = spans[k]
                at += 1
                if names_own or leads[k] or start < sent.start:
                    continue
                if many.search(lowered, sent.start, end):
                    subject = ()
                    continue
                before = (m.unit.label for m in judged if _first(m, sent.start, sent.end) < start)
                passages[k] = tuple(dict.fromkeys(before)) or subject
            if many.search(lowered, sent.start, sent.end) or (holders and not judged):
                subject = ()
            elif judged:
                subject = tuple(dict.fromkeys(m.unit.label for m in judged))
    return [CarriedUnits(lead, passage) for lead, passage in zip(leads, passages, strict=True)]


def _given_or(form: str | None, text: str, make: Callable[[str], str]) -> str:
    """`form`, a caller's form of `text` (fold, matching_form: same length), else `make(text)`."""
    return form if form is not None and len(form) == len(text) else make(text)


def _first(m: UnitMention, start: int, end: int) -> int:
    """Where a unit is first named between `start` and `end` (`end` when it is not)."""
    return min((s for s, _ in m.spans if start <= s < end), default=end)
