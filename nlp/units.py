"""Named administrative units in Vietnamese text, with their role and province.

How a unit is found: a level word ("xã", "Thị trấn", "TP.") followed by a proper name.
Vietnamese place names are Title Case syllables, so capitalisation decides where a name ends
("xã Hồ Đắc Kiện còn ..."), helped by the gazetteer when a capitalised word follows the name
("huyện An Lão Nguyễn ..." keeps "An Lão" because that is a known district). A level word
that announces a list ("08 xã, thị trấn (A, B, Thị trấn C)", "tại các xã: A, B và C") gives
its level to the bare names that follow. A bare name elsewhere only counts when it is a unit
already found in the document, or a list after "tại" whose level the document announced
("các xã") and the gazetteer confirms: the gazetteer alone is too loose (a dozen Châu Thành).

Roles come from the genre's cues around each mention (nlp/vi/unit_roles.py); provinces from
the enclosing units the text names ("xã A, huyện B") and the gazetteer, disambiguated by the
provinces and districts named in the same document.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from core.agencies import agencies
from core.alternation import longest_first
from core.inspectors import document_cues, names_inspector
from core.levels import (
    ADMIN_LEVELS,
    COMMUNE_LEVELS,
    DISTRICT_LEVELS,
    NUMBERED_LEVELS,
    PROVINCE_LEVELS,
    Level,
    abbreviations_pattern,
    folded_words_pattern,
    level_of_word,
    rank_of,
    words_pattern,
)
from core.models import Role, Unit
from core.normalize import fold, match_key, matching_form
from nlp.gazetteer import Gazetteer, load_gazetteer
from nlp.vi.abbreviations import UNIT_NAME_ABBREVIATIONS
from nlp.vi.date_words import NOT_A_UNIT_NUMBER_FOLLOWERS
from nlp.vi.person_names import FAMILY_NAMES, MIN_PERSON_SYLLABLES
from nlp.vi.unit_lists import COLLECTIVE_NOUNS, LEAD_REACH, LIST_OPENERS
from nlp.vi.unit_roles import (
    BODY_BY_LEVEL,
    CENTRAL_LETTERHEAD,
    COMMITTEE_NAMES,
    CRITICISED_AFTER,
    CRITICISED_BEFORE,
    DATELINE_AFTER,
    DATELINE_BEFORE,
    FOLDED_PLURALS,
    FORMER_REACH,
    FORMER_UNIT,
    HEADLINE_INSPECTOR,
    HEADLINE_JUDGEMENT,
    HEADLINE_MAX_CHARS,
    HOLDER_BEFORE,
    INSPECTED_AFTER,
    INSPECTED_BEFORE,
    INSPECTED_LIST,
    INSPECTED_OBJECT,
    MAX_NAME_SYLLABLES,
    NAME_STOP_WORDS,
    PLURAL_MARKERS,
    PLURAL_WORDS,
    SCORED_AFTER,
    SCORED_BEFORE,
)

LOGGER = logging.getLogger(__name__)

_LEVEL_RE = re.compile(
    rf"(?<!\w)(?:(?P<full>{words_pattern(ADMIN_LEVELS)})(?!\w)"
    rf"|(?P<abbr>{abbreviations_pattern()})(?:\.|(?=\s|HCM)))",
    re.IGNORECASE,
)
_SYLLABLE = re.compile(r"[^\W\d_][\w'’]*")
# Between two syllables of a name: a space (pages and PDFs often double it) or a hyphen.
_NAME_JOINER = re.compile(r"[ \t]{0,2}[-–][ \t]{0,2}|[ \t]{1,3}")
_NUMBER = re.compile(r"0?(\d{1,2})(?![\w/]|[.,]\d)")
_SPACES = re.compile(r"[ \t]*")
# "4 đơn vị: ", "các địa phương có điểm thấp nhất, lần lượt là: " (folded).
_COLLECTIVE = f"{longest_first(COLLECTIVE_NOUNS, any_space=False)}|{folded_words_pattern(ADMIN_LEVELS)}"
_LEAD_IN = re.compile(
    rf"(?<!\w)(?:{_COLLECTIVE})(?!\w)[^.;:\n]{{0,{LEAD_REACH}}}?"
    rf"(?:(?<!\w)(?:{longest_first(LIST_OPENERS, any_space=False)}))?\s*:\s*")
# The figures an item of a ";" list may carry before the ";" ("Buôn Đôn 70,54 điểm, xếp thứ 15;").
_SEMICOLON_ITEM = re.compile(r"[ \t]+[^;.:\n\w]*\d[^;.:\n]{0,60}(?=;)")
_BODY_PREFIX = re.compile(rf"(?:{longest_first(COMMITTEE_NAMES, any_space=False)})[ \t]+", re.IGNORECASE)
# "M'Drắk", "Ea H’leo": an apostrophe inside a word joins syllables of a minority-language name.
_APOSTROPHE_NAME = re.compile(r"\w['’]\w")
_COUNTED_AFTER = re.compile(rf"\s*(?:{longest_first(NOT_A_UNIT_NUMBER_FOLLOWERS)})(?!\w)", re.IGNORECASE)
_LIST_OPEN = re.compile(r"[ \t]*[:(][ \t]*")
_ITEM_SEPARATOR = re.compile(r"[ \t]*(?:,[ \t]*và|,|và)[ \t]+|[ \t]*,(?=\S)")
_ANNOUNCED_SEPARATOR = re.compile(r"[ \t]*(?:,[ \t]*và|,|;|và)[ \t]+|[ \t]*[,;](?=\S)")
_LEVEL_JOINER = re.compile(r"[ \t]*(?:,|/|và)[ \t]*")
_ENCLOSING_GAP = re.compile(r"[ \t]*(?:,|\(|-|–|thuộc)?[ \t]*(?:UBND[ \t]+)?$")
_LOCATIVE_LIST = re.compile(r"(?<!\w)(?:tại|ở)\s+(?=[^\W\d_])")
_INSPECTION_WORDS = re.compile(r"\b(?:kiem tra|giam sat|thanh tra)\b")
_TIER: dict[str, int] = {level.value: rank for level in ADMIN_LEVELS if (rank := rank_of(level)) is not None}
# "các xã", "một số phường": a text that speaks of several communes (on `cue_form`).
_PLURAL_COMMUNES = re.compile(rf"\b(?:{FOLDED_PLURALS})\s+({folded_words_pattern(COMMUNE_LEVELS)})\b")


@dataclass(frozen=True, slots=True)
class UnitMention:
    """One distinct unit of a text and every span (of its name) where the text names it."""

    unit: Unit
    spans: tuple[tuple[int, int], ...]
    # Spans where the unit is named only to say where another one is ("huyện B" in "xã A,
    # huyện B"): a finding about A does not name B there.
    locating_spans: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class _Mention:
    level: str
    name: str
    start: int  # of the name
    end: int
    head: int  # where the phrase naming it begins (level word, or the list's level word)
    encloses: _Mention | None = None  # the mention this one encloses ("xã A, huyện B": B encloses A)


# --------------------------------------------------------------------------- names


def _level_at(text: str, pos: int) -> tuple[str, int, int] | None:
    """(level, start, end of the level word) if a level word starts at `pos`."""
    m = _LEVEL_RE.match(text, pos)
    if m is None:
        return None
    level = level_of_word(m.group("abbr") or m.group("full"))
    if level is None:  # the pattern is built from the table, so every match has a row
        return None
    return level.value, m.start(), m.end()


def _title_run(text: str, pos: int) -> list[tuple[int, int, str]]:
    """Syllables from `pos` as (start, end, joiner-before): the Title Case ones, then up to two
    more of any case so the gazetteer can vouch for a miscased name ("tỉnh Sóc trăng")."""
    run: list[tuple[int, int, str]] = []
    i = pos
    joiner = ""
    lowercase_tail = 0
    while len(run) < MAX_NAME_SYLLABLES:
        m = _SYLLABLE.match(text, i)
        if m is None or (len(m.group()) > 1 and m.group().isupper()):
            break  # an acronym (UBND, CCHC) is not a name
        if not m.group()[0].isupper():
            if not run or lowercase_tail == 2:
                break
            lowercase_tail += 1
        elif lowercase_tail:
            break
        run.append((m.start(), m.end(), joiner))
        i = m.end()
        sep = _NAME_JOINER.match(text, i)
        if sep is None:
            break
        joiner = sep.group().strip() or " "  # a hyphen, or a space however many were typed
        i = sep.end()
    return run


def _name_from_run(text: str, run: list[tuple[int, int, str]], level: str,
                   gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The span of the name in a run of syllables.

    The longest prefix of two or more syllables the gazetteer knows at this tier wins ("huyện
    An Lão Nguyễn ..." gives "An Lão"); otherwise the capitalised part up to a stop word or a
    hyphen, since units merged before the gazetteer's date are not in it. A one-syllable name
    needs the gazetteer: almost every Vietnamese unit name has two syllables or more, and a
    lone capitalised word is more often a cut-off title.
    """
    def span(k: int) -> str:
        return text[run[0][0]:run[k - 1][1]]

    known = [k for k in range(1, len(run) + 1) if gazetteer.knows(level, span(k))]
    if known and (known[-1] > 1 or len(run) == 1 or run[1][2] != " "):
        return run[0][0], run[known[-1] - 1][1]
    cut = next((k for k, (s, e, j) in enumerate(run)
                if j.strip() or text[s:e] in NAME_STOP_WORDS or not text[s].isupper()), len(run))
    if cut == 0 or (cut == 1 and not gazetteer.knows(level, span(1))
                    and not _APOSTROPHE_NAME.search(span(1))):
        return None
    return run[0][0], run[cut - 1][1]


def _parse_name(text: str, pos: int, level: str, gazetteer: Gazetteer) -> tuple[str, int, int] | None:
    """(name as it should be reported, start, end) of a unit name starting at `pos`."""
    for pattern, full, _implied in UNIT_NAME_ABBREVIATIONS:
        m = pattern.match(text, pos)
        if m:
            return full, m.start(), m.end()
    if level in NUMBERED_LEVELS:
        m = _NUMBER.match(text, pos)
        if m:
            if _COUNTED_AFTER.match(text, m.end()):
                return None  # "các phường 9 tháng đầu năm": a count, not "Phường 9"
            return m.group(1), m.start(), m.end()
    span = _name_from_run(text, _title_run(text, pos), level, gazetteer)
    if span is None or _is_person(text[span[0]:span[1]], gazetteer):
        return None
    return " ".join(text[span[0]:span[1]].split()), span[0], span[1]


def _is_person(name: str, gazetteer: Gazetteer) -> bool:
    """"UBND TP Trần Văn Nam": a family name opening three syllables or more that no unit of
    any tier bears is a person's name (units honouring a person are in the gazetteer)."""
    words = name.split()
    return (len(words) >= MIN_PERSON_SYLLABLES and words[0] in FAMILY_NAMES
            and not any(gazetteer.knows(level, name) for level in ("tỉnh", "huyện", "xã")))


# --------------------------------------------------------------------------- phrases


def _parse_phrase(text: str, lowered: str, hit: tuple[str, int, int], gazetteer: Gazetteer,
                  ) -> tuple[list[_Mention], int]:
    """Mentions named after one level word, and where the phrase ends.

    An announced list ("các xã", "08 xã, thị trấn (", "xã:") gives its level to bare items and
    lets an item carry its own level word; an unannounced one ("xã Tân Phú, Tân Lộc") only
    continues with bare names that are not provinces. `lowered` is the text's matching form, where
    the plural markers are read with their marks ("những xã", not "nhưng xã").
    """
    level, head, pos = hit
    announced = PLURAL_MARKERS.search(lowered, max(0, head - 12), head) is not None
    while True:  # "xã, thị trấn", "xã/phường"
        j = _LEVEL_JOINER.match(text, pos)
        nxt = _level_at(text, j.end()) if j and j.group().strip() else None
        if nxt is None or _TIER[nxt[0]] != _TIER[level]:
            break
        announced, pos = True, nxt[2]
    opener = _LIST_OPEN.match(text, pos)
    if opener:
        announced, pos = True, opener.end()
    else:
        pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
    mentions: list[_Mention] = []
    while True:
        item_level = level
        own = _level_at(text, pos)
        if own is not None:
            if mentions and not announced:
                break
            item_level, pos = own[0], _SPACES.match(text, own[2]).end()  # type: ignore[union-attr]
        parsed = _parse_name(text, pos, item_level, gazetteer)
        if parsed is None:
            break
        name, start, end = parsed
        if mentions and own is None and not announced and gazetteer.is_province(name):
            break  # "huyện Thạch Thành, Thanh Hóa": the province, named without its level
        mentions.append(_Mention(item_level, name, start, end, head))
        pos = end
        sep = (_ANNOUNCED_SEPARATOR if announced else _ITEM_SEPARATOR).match(text, pos)
        if sep is None:
            break
        pos = sep.end()
        nxt_level = _level_at(text, pos)
        if nxt_level is not None and not announced:
            break
    return mentions, pos


def _scan(text: str, lowered: str, gazetteer: Gazetteer) -> list[_Mention]:
    mentions: list[_Mention] = []
    pos = 0
    while True:
        m = _LEVEL_RE.search(text, pos)
        if m is None:
            return mentions
        hit = _level_at(text, m.start())
        if hit is None:  # pragma: no cover - the regex matched
            pos = m.end()
            continue
        found, end = _parse_phrase(text, lowered, hit, gazetteer)
        mentions.extend(found)
        pos = max(end, m.end())


def _mark_enclosing(text: str, mentions: list[_Mention]) -> None:
    """"xã A, huyện B" / "xã A (huyện B)": B encloses A when it is one tier up and adjacent."""
    for i in range(1, len(mentions)):
        prev, cur = mentions[i - 1], mentions[i]
        gap = text[prev.end:cur.head]
        if (cur.head >= prev.end and len(gap) <= 12 and _ENCLOSING_GAP.fullmatch(gap)
                and _TIER[cur.level] < _TIER[prev.level]):
            cur.encloses = prev


# --------------------------------------------------------------------------- bare names


def _bare_spans(text: str, mentions: list[_Mention], lowered: str) -> list[_Mention]:
    """Other places where an already found unit is named without its level word.

    Only names found at one level qualify: a bare "Châu Thành" in a text with both the huyện
    and the thị trấn is left alone. `lowered` is the text's matching form (same length).
    """
    levels: dict[str, set[str]] = {}
    for m in mentions:
        levels.setdefault(match_key(m.name), set()).add(m.level)
    taken = [(m.start, m.end) for m in mentions]
    extra: list[_Mention] = []
    for key, lv in levels.items():
        if len(lv) != 1 or key.isdigit():
            continue
        for hit in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", lowered):
            s, e = hit.span()
            if any(s < te and ts < e for ts, te in taken) or _inside_longer_name(text, s, e):
                continue
            name = next(m.name for m in mentions if match_key(m.name) == key)
            extra.append(_Mention(next(iter(lv)), name, s, e, s))
    return extra


def cue_form(text: str) -> str:
    """`fold(text)` with the plural quantifiers written with their marks upper-cased ("các xã" →
    "CAC xa"), same length: the role cues (nlp/vi/unit_roles.py) read folded text, so that
    "kiem tra" is "kiểm tra" however it was typed, but only a marked "các" or "một số" is a plural
    (nlp/vi/quantifiers.py says why); folding alone made "cắc" and "cac" plurals too."""
    folded = fold(text)
    marks = [(m.start(), m.end()) for m in PLURAL_WORDS.finditer(matching_form(text))]
    if not marks:
        return folded
    parts, at = [], 0
    for start, end in marks:
        parts += [folded[at:start], folded[start:end].upper()]
        at = end
    return "".join([*parts, folded[at:]])


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word is glued (one space) before `start` or after `end`."""
    before = re.search(r"(\w+)[ ]$", text[max(0, start - 20):start])
    after = re.match(r"[ ](\w+)", text[end:end + 20])
    return bool(before and before.group(1)[0].isupper() and before.group(1) not in NAME_STOP_WORDS
                and before.group(1) != "UBND") or bool(after and after.group(1)[0].isupper())


def _announced_bare_lists(text: str, mentions: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """"tại Yên Lộc, Thiên Lộc" in a text that speaks of "các xã": communes, when the gazetteer
    knows at least one of the names inside a province the text names."""
    plural = [str(level_of_word(w)) for w in _PLURAL_COMMUNES.findall(cue_form(text))]
    if not plural:
        return []
    level = Counter(plural).most_common(1)[0][0]
    provinces = {p for m in mentions for p in gazetteer.provinces_of(m.level, m.name)
                 if m.level in DISTRICT_LEVELS or gazetteer.is_province(m.name)}
    taken = [(m.start, m.end) for m in mentions]
    found: list[_Mention] = []
    for cue in _LOCATIVE_LIST.finditer(text):
        items: list[tuple[str, int, int]] = []
        pos = cue.end()
        while True:
            parsed = _parse_name(text, pos, level, gazetteer)
            if parsed is None or _level_at(text, pos) is not None:
                break
            items.append(parsed)
            sep = _ITEM_SEPARATOR.match(text, parsed[2])
            if sep is None:
                break
            pos = sep.end()
        if not items or any(any(s < te and ts < e for ts, te in taken) for _n, s, e in items):
            continue
        if any(len(n.split()) < 2 or gazetteer.is_province(n) for n, _s, _e in items):
            continue
        if any(gazetteer.provinces_of(level, n) & provinces for n, _s, _e in items):
            found.extend(_Mention(level, n, s, e, cue.start()) for n, s, e in items)
    return found


def _lead_in_lists(text: str, mentions: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """Bare names after a lead-in that announces units ("4 đơn vị: A, B, C và D", "các địa
    phương ..., lần lượt là: A 70 điểm; B 78 điểm"). The level of each name comes from the
    gazetteer, among the units of the provinces (and districts, when the text names some) the
    text speaks of; a list counts only when every name resolves to exactly one level there."""
    folded = fold(text)
    provinces = {p for m in mentions for p in gazetteer.provinces_of(m.level, m.name)
                 if m.level in DISTRICT_LEVELS or gazetteer.is_province(m.name)}
    if not provinces:
        return []
    districts = {match_key(m.name) for m in mentions if m.level in DISTRICT_LEVELS}
    taken = [(m.start, m.end) for m in mentions]
    found: list[_Mention] = []
    for lead in _LEAD_IN.finditer(folded):
        items = _bare_items(text, lead.end())
        if not items or any(any(s < te and ts < e for ts, te in taken) for s, e in items):
            continue
        levels = _list_levels([text[s:e] for s, e in items], provinces, districts, gazetteer)
        if levels:
            found.extend(_Mention(lv, " ".join(text[s:e].split()), s, e, lead.start())
                         for lv, (s, e) in zip(levels, items, strict=True))
    return found


def _bare_items(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of the Title Case names of a list starting at `pos`, items separated by ",", "và"
    or ";"; after ";" an item may carry its own figures ("A 70,5 điểm; B 78 điểm")."""
    items: list[tuple[int, int]] = []
    while True:
        body = _BODY_PREFIX.match(text, pos)
        if body:
            pos = body.end()  # "4 đơn vị: UBND Tân An, UBND Tân Hòa"
        if _level_at(text, pos) is not None:
            return []  # a list with level words is the phrase scanner's
        run = _title_run(text, pos)
        caps = [r for r in run if text[r[0]].isupper() and text[r[0]:r[1]] not in NAME_STOP_WORDS]
        if not caps or caps[0][0] != pos:
            break
        end = caps[next((i for i, r in enumerate(caps[1:], 1) if r[2].strip()), len(caps)) - 1][1]
        items.append((pos, end))
        sep = _ANNOUNCED_SEPARATOR.match(text, end)
        figures = _SEMICOLON_ITEM.match(text, end)
        if sep is None and figures is not None:
            sep = _ANNOUNCED_SEPARATOR.match(text, figures.end())
        if sep is None:
            break
        pos = sep.end()
    return items


def _list_levels(names: list[str], provinces: set[str], districts: set[str],
                 gazetteer: Gazetteer) -> list[str]:
    """The level of each bare name of one list, or [] when the list is not all units.

    A list names units of one tier, so the tier must be one every name has among the units of
    the text's provinces ("Ea Súp" is a huyện and a thị trấn, "Buôn Đôn" only a huyện: a list
    of both is of huyện); inside it each name must have one level, narrowed to the text's
    districts when it names some.
    """
    per_tier: list[dict[int, set[str]]] = []
    for name in names:
        tiers: dict[int, set[str]] = {}
        places = [p for level in ("huyện", "xã") for p in gazetteer.places(level, name)
                  if p.province in provinces]
        inside = [p for p in places if p.district is not None and match_key(p.district) in districts]
        for p in inside or places:
            tiers.setdefault(_TIER[p.level], set()).add(p.level)
        per_tier.append(tiers)
    common = set.intersection(*(set(t) for t in per_tier)) if per_tier else set()
    if len(common) != 1:
        return []
    tier = common.pop()
    if any(len(t[tier]) != 1 for t in per_tier):
        return []
    return [next(iter(t[tier])) for t in per_tier]


def _bare_provinces(text: str, mentions: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """Provinces named without a level word ("Sở Nội vụ Hà Nội", "tại TT-Huế"): a whole
    capitalised run that is a province's name, or a province abbreviation."""
    taken = [(m.start, m.end) for m in mentions]
    found: list[_Mention] = []
    for word in _SYLLABLE.finditer(text):
        start = word.start()
        if not word.group()[0].isupper() or _inside_longer_name(text, start, start):
            continue
        parsed = next(((full, start, m.end(), level) for pattern, full, level in UNIT_NAME_ABBREVIATIONS
                       if (m := pattern.match(text, start))), None)
        if parsed is None:
            run = _title_run(text, start)
            caps = [r for r in run if text[r[0]].isupper()]
            if not caps or (len(caps) < len(run) and run[len(caps)][2] != " "):
                continue
            end = caps[-1][1]
            entry = gazetteer.provinces.get(match_key(text[start:end]))
            if entry is None or _inside_longer_name(text, end, end):
                continue
            parsed = (text[start:end], start, end, entry[1])
        name, s, e, level = parsed
        if not any(s < te and ts < e for ts, te in taken):
            found.append(_Mention(level, name, s, e, s))
            taken.append((s, e))
    return found


# --------------------------------------------------------------------------- roles


def _vote_role(text: str, m: _Mention, phrase_end: int, agency_ends: Collection[int] = ()) -> Role:
    """'inspector', 'inspected' or 'other' for one mention, from the cues around it; what
    follows is read after `phrase_end`, past the units that enclose it ("huyện A, tỉnh B").

    `agency_ends`: where the agencies the text names end (core.agencies.AgencyTable.named_in). A
    province named right after one is that agency's owner ("Sở Nông nghiệp và Phát triển nông thôn
    tỉnh Bắc Giang", "Văn phòng Đăng ký đất đai Hà Nội"): a list or object of the check that names
    the agency ("Tổ kiểm tra công vụ của tỉnh đã kiểm tra: Sở …") says the department was checked,
    by its own province's team as often as not, and votes nothing for the province."""
    if m.encloses is not None:
        return Role.OTHER
    sentence_start = max(text.rfind(".", 0, m.head), text.rfind("\n", 0, m.head), m.head - 160) + 1
    before = cue_form(text[sentence_start:m.head])
    after = fold(text[phrase_end:phrase_end + 60])
    if FORMER_UNIT.search(before):
        return Role.OTHER  # a unit merged away is named for history, not inspected
    holder = HOLDER_BEFORE.get(_TIER[m.level])
    if holder is not None and holder.search(before):
        return Role.OTHER  # "phường thứ ba tại quận A": A only holds the units inspected
    if names_inspector(text, m.head, m.end):
        return Role.INSPECTOR  # "Đoàn kiểm tra của UBND tỉnh A", "do UBND huyện A kiểm tra": the frames
    if SCORED_AFTER.match(after) or SCORED_BEFORE.search(before):
        return Role.INSPECTED  # ranked in the CCHC index: its work was judged
    if CRITICISED_BEFORE.search(before) or CRITICISED_AFTER.match(after):
        return Role.INSPECTED
    headline = _headline_vote(text, m, after)
    if headline is not None:
        return headline
    if m.level in PROVINCE_LEVELS and len(text[:m.head].rstrip(" \t")) in agency_ends:
        return Role.OTHER  # the owner of the agency named before it, not the unit checked
    last_inspected = INSPECTED_BEFORE.search(before) or INSPECTED_OBJECT.search(before)
    cues = document_cues()
    last_inspector = cues.team_before.search(before)
    paragraph = fold(text[text.rfind("\n", 0, m.head) + 1:m.head])  # a long list after "kiểm tra:"
    if INSPECTED_AFTER.match(after) or INSPECTED_LIST.search(paragraph):
        return Role.INSPECTED
    if last_inspector and (last_inspected is None or last_inspector.start() > last_inspected.start()):
        return Role.INSPECTOR
    if last_inspected:
        return Role.INSPECTED
    if cues.checks_after.match(after) and not cues.undergoes_after.match(after):
        return Role.INSPECTOR
    return Role.OTHER


def _headline_vote(text: str, m: _Mention, after: str) -> Role | None:
    """The role a headline gives its unit: "A: Kiểm tra ..." the inspector, "A còn chậm ..." or
    "A dẫn đầu ..." inspected (a headline states the article's verdict on its subject); None
    when the mention is not in a headline or the headline does not judge it."""
    line_start = text.rfind("\n", 0, m.head) + 1
    line_end = text.find("\n", m.end)
    if line_end < 0 or line_end - line_start > HEADLINE_MAX_CHARS or text[:line_start].strip():
        return None  # not the first line, or a text of one line
    if text[line_start:line_end].rstrip().endswith("."):
        return None  # a sentence of the body, not a title
    if HEADLINE_INSPECTOR.match(after):
        return Role.INSPECTOR
    if HEADLINE_JUDGEMENT.search(fold(text[m.end:line_end])):
        return Role.INSPECTED
    return None


def _phrase_ends(mentions: list[_Mention]) -> dict[int, int]:
    """Where each mention's phrase ends (by id): its own end, or that of the outermost unit
    enclosing it, so "xã A, huyện B, tỉnh C" ends after C for all three."""
    ends = {id(m): m.end for m in mentions}
    for parent in mentions:
        child = parent.encloses
        while child is not None:
            ends[id(child)] = max(ends[id(child)], parent.end)
            child = child.encloses
    return ends


def _is_former(text: str, m: _Mention) -> bool:
    """True when the mention names a unit merged away ("sáp nhập xã A", "TP. B trước đây")."""
    sentence_start = max(text.rfind(".", 0, m.head), text.rfind("\n", 0, m.head), m.head - FORMER_REACH) + 1
    return FORMER_UNIT.search(fold(text[sentence_start:m.head])) is not None


def _in_dateline(text: str, m: _Mention) -> bool:
    """True when the mention is the place of the dateline ("Hải Phòng, ngày 19 tháng 01 năm 2020")."""
    return (DATELINE_AFTER.match(fold(text[m.end:m.end + 40])) is not None
            and DATELINE_BEFORE.search(text[max(0, m.head - 40):m.head]) is not None)


def _is_issuer(text: str, group: list[_Mention]) -> bool:
    """True when the unit is the document's issuer: a mention is the dateline's place ("Hải Phòng,
    ngày 19 tháng 01 năm 2020", where the issuing body sits) and the text names a body of that
    unit's level by the level word alone ("UBND thành phố vừa yêu cầu"), as a document names its
    own government. The dateline alone is not enough: a ministry's letter is dated "Hà Nội" too."""
    if not any(_in_dateline(text, m) for m in group):
        return False
    for body in BODY_BY_LEVEL.finditer(text):
        following = _SYLLABLE.match(text[body.end():body.end() + 40].lstrip(" \t"))
        named = following is not None and following.group()[0].isupper()
        if not named and level_of_word(body.group("level")) == group[0].level:
            return True
    return False


def _role(votes: list[Role], level: str, inspection_text: bool, former: int = 0,
          issuer: bool = False) -> Role:
    """Majority of the mentions' cues; a commune named in an inspection report without a cue
    is taken as inspected, because the genre inspects the grassroots and names communes only
    to report on them (districts and provinces are named in passing far more often), unless
    the text names it as merged away (`former`: how many of its mentions do). The document's
    issuer (`_is_issuer`) with no cue either way is the inspector: the authority that inspects,
    or directs its units after an inspection ("UBND thành phố yêu cầu Chủ tịch UBND các quận,
    huyện ...").

    A unit named as merged away is inspected only when more of its mentions say so than name it
    merged: the text that tells a unit's merger speaks of the unit that holds it now, and names the
    old one again for its premises or its staff ("HĐND - UBND phường làm việc tại trụ sở xã Tam
    Phú", after "sáp nhập phường An Phú, xã Tam Phú, xã Tam Thanh"), not for work inspected."""
    counts = Counter(votes)
    if counts[Role.INSPECTOR] and counts[Role.INSPECTOR] >= counts[Role.INSPECTED]:
        return Role.INSPECTOR
    if counts[Role.INSPECTED] > former:
        return Role.INSPECTED
    if issuer:
        return Role.INSPECTOR
    if inspection_text and level in COMMUNE_LEVELS and not former:
        return Role.INSPECTED
    return Role.OTHER


# --------------------------------------------------------------------------- provinces


def _province(key: tuple[str, str], group: list[_Mention], mentions: list[_Mention],
              resolved: dict[tuple[str, str], str | None], doc_provinces: set[str],
              gazetteer: Gazetteer, published: str | None) -> str | None:
    """The unit's province: its own name for a province; else the enclosing unit the text
    names; else the gazetteer's candidates narrowed by the provinces the text names."""
    level, name = group[0].level, group[0].name
    own = gazetteer.province_name(name, published) if level in PROVINCE_LEVELS else None
    if own and (level == "tỉnh" or not gazetteer.places("huyện", name)):
        return own
    for m in group:
        for parent in mentions:
            if parent.encloses is m:
                p = resolved.get((parent.level, match_key(parent.name)))
                if p:
                    return p
    candidates = {gazetteer.province_name(p, published) or p for p in gazetteer.provinces_of(level, name)}
    narrowed = candidates & doc_provinces
    if len(narrowed) == 1:
        return next(iter(narrowed))
    if len(doc_provinces) == 1 and not narrowed:
        return next(iter(doc_provinces))  # the text outweighs a namesake elsewhere
    if len(candidates) == 1:
        return next(iter(candidates))
    return None


def _resolve_provinces(groups: dict[tuple[str, str], list[_Mention]], mentions: list[_Mention],
                       gazetteer: Gazetteer, published: str | None) -> dict[tuple[str, str], str | None]:
    """Provinces top-down (provinces, then districts, then communes), so a commune can lean on
    the district the text encloses it in, and every unit on the provinces the text names."""
    resolved: dict[tuple[str, str], str | None] = {}
    doc_provinces: set[str] = set()
    for tier in (0, 1, 2):
        for key, group in groups.items():
            if _TIER[group[0].level] == tier:
                resolved[key] = _province(key, group, mentions, resolved, doc_provinces, gazetteer, published)
        doc_provinces |= {p for p in resolved.values() if p}
    siblings = {p for p in resolved.values() if p}
    for key, group in groups.items():  # "xã A, B, C": B's province settles A's namesakes
        if resolved[key] is None:
            resolved[key] = _province(key, group, mentions, resolved, siblings, gazetteer, published)
    return resolved


# --------------------------------------------------------------------------- public


def find_units(text: str, *, published: str | None = None,
               gazetteer: Gazetteer | None = None, form: str | None = None) -> list[UnitMention]:
    """Every named administrative unit of `text` (NFC), one UnitMention per (level, name).

    `published` (ISO date) decides how provinces are spelt (before or after July 2025);
    `gazetteer` defaults to the installed one; `form` is `core.normalize.matching_form(text)` when
    the caller has it already.
    """
    gaz = gazetteer or load_gazetteer()
    lowered = form if form is not None and len(form) == len(text) else matching_form(text)
    mentions = _scan(text, lowered, gaz)
    mentions += _announced_bare_lists(text, mentions, gaz)
    mentions += _lead_in_lists(text, mentions, gaz)
    mentions += _bare_provinces(text, mentions, gaz)
    mentions += _bare_spans(text, mentions, lowered)
    mentions.sort(key=lambda m: m.start)
    _mark_enclosing(text, mentions)
    groups: dict[tuple[str, str], list[_Mention]] = {}
    for m in mentions:
        groups.setdefault((m.level, match_key(m.name)), []).append(m)
    provinces = _resolve_provinces(groups, mentions, gaz, published)
    inspection_text = _INSPECTION_WORDS.search(fold(text)) is not None
    phrase_end = _phrase_ends(mentions)
    agency_ends = {end for _start, end, _agency in agencies().named_in(text)}
    result: list[UnitMention] = []
    for key, group in groups.items():
        first = group[0]
        issuer = _is_issuer(text, group)
        if not issuer and all(_in_dateline(text, m) and CENTRAL_LETTERHEAD.search(text[:m.head])
                              for m in group):
            # Named only as where a central body signed (a ministry's or the government office's
            # letter is dated "Hà Nội, ngày ..." wherever the units it speaks of are): the seat of
            # the issuer, no unit of the document.
            continue
        province = provinces.get(key)
        current = gaz.current_unit(first.level, first.name, province) if province else None
        votes = [_vote_role(text, m, phrase_end[id(m)], agency_ends) for m in group]
        former = sum(_is_former(text, m) for m in group)
        role = _role(votes, first.level, inspection_text, former, issuer)
        unit = Unit(Level(first.level), first.name, role, province, current)
        result.append(UnitMention(unit, tuple(sorted({(m.start, m.end) for m in group})),
                                  tuple(sorted({(m.start, m.end) for m in group if m.encloses}))))
    return result
