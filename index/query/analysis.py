"""Analysing a parsed query into a `Plan` with the genre's knowledge and the index's
vocabulary (`analyse`, `plan_query`): which words are question or function words, which runs
are words of the index or unit names, their synonyms, and how the groups weigh.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from core.agencies import Agency, agencies
from core.inspectors import check_words_at, names_inspector
from core.levels import level_of_typed_abbreviation
from core.normalize import fold
from index.accents import reading, unwritten, written_as
from index.definitions import load_rules as load_definition_rules
from index.folded_slips import folded_slips
from index.lone_reading import lone_readings
from index.matching import is_accented, matches_at
from index.period import Periods, load_periods
from index.query.clauses import add_group, clauses, conditioned, coordinated, listable, unique
from index.query.common import MAX_WORD_SYLLABLES, Places
from index.query.compiling import load_lexicon
from index.query.cutting import (
    best_cut,
    cut_ends,
    dictionary_word,
    folded_word,
    in_word,
    longest,
    member_runs_past,
    morpheme,
    run_end,
    word_after,
)
from index.query.defined import defined_asked, definition_keys, with_definitions
from index.query.filters import filter_key
from index.query.lexicon import (
    Cue,
    Lexicon,
    answer_holds,
    answer_unlike,
    entry_at,
    question_frame,
    ranked_asks,
)
from index.query.parsing import Parsed, Term, parse, unquoted_word
from index.query.places import (
    abbreviated_unit,
    framing_level,
    level_qualified,
    names_place,
    unit_at,
    written_as_names,
)
from index.query.plan import Alternative, Group, Part, Plan
from index.query.vocabulary import Vocabulary
from index.sectors import sectors
from index.spelling import Correction, corrections

if TYPE_CHECKING:  # index.concepts reads this module: the type only, for Plan.concepts
    from index.concepts import Concept



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
            if level := level_of_typed_abbreviation(syllable):
                out.update(level_qualified(level, folded[i + 1:i + 1 + n])
                           for n in range(1, min(MAX_WORD_SYLLABLES, len(run) - i - 1) + 1))
    return sorted(out)


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
        if len(clause) == 1 and unquoted_word(clause[0]):
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
    of the run starts with (`best_cut`: words of the index or the dictionary, maximum
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
    if ranked := ranked_asks(answers):  # "đơn vị nào đứng đầu …": asked, not required
        lexicon = lexicon.asking(ranked)
    if framed := lexicon.framed_ranked(typed):  # "có đáp ứng yêu cầu …", "có xã nào chưa … không"
        lexicon = lexicon.ranking(framed)
    answer = tuple(Alternative(h) for h in answer_holds(answers))  # Plan.answer
    asking = lexicon.is_question(typed)  # the whole query's, not one run's: a quoted word splits runs
    unlike = tuple(Alternative(u) for u in answer_unlike(answers))  # Plan.unlike
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
        if len(clause) == 1 and (unquoted_word(clause[0]) or _ends_member(pending, clause[0], lexicon)
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
        groups.append(Group(unique(alternatives), unit=unit, doc_number=number))
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
    # Naming the inspector for certain and nothing else ("tồn tại do Sở Nội vụ kiểm tra chỉ ra"), the
    # query asks for the body's inspections, which its filter narrows to (Plan.inspector): its words
    # (the body, the check, the section's word) rank them, none required, none read again below.
    framed_only = not groups and inspector_asked(parsed) is not None
    # only cue or optional words ("hạn chế"): they are required after all
    if not groups and optional and not framed_only:
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
    if not groups and not framed_only:  # only stop words: then they are what the user is looking for
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
                optional=unique(optional),
                polarity_group=any(_is_category(a, lexicon, polarity) for a in optional),
                parts=_parts(groups, unquoted, lexicon, words, restored), restored=tuple(restored),
                loose=_syllable_groups(groups, unquoted, lexicon),
                related=_related(groups, lexicon, words, restored),
                answer=answer, unlike=unlike,
                question=lexicon.asks_matter(typed, cues), yes_no=bool(question_frame(typed, lexicon)),
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
            terms.append(dataclasses.replace(term, syllables=own) if unquoted_word(term) else term)
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


def inspector_asked(parsed: Parsed) -> str | None:
    """The inspecting body a query names for certain (Plan.inspector): the one agency typed in a
    frame of the inspector ("do Sở Nội vụ kiểm tra", "kết quả kiểm tra của Sở Nội vụ"; the frames
    `_cut_run` ranks such an agency by, not filters about it), by its canonical name. None for none,
    or for two bodies named so (which is asked is not certain). A unit typed there ("Đoàn kiểm tra
    của UBND tỉnh A") stays the place asked about, as every unit typed is: the inspections of a
    province's government find faults in its own districts and communes, which that place's
    filter (units inside it) already holds."""
    typed = [s for clause in parsed.clauses for t in clause for s in t.syllables]
    table = agencies()
    named: set[str] = set()
    i = 0
    while i < len(typed):
        found = table.at(typed, i, loose=True)
        if found and _names_inspector(typed, i, found[0]):
            named.add(found[1].name)
        i += found[0] if found else 1
    return next(iter(named)) if len(named) == 1 else None


def _agency_group(typed: Sequence[str], at: int, length: int, agency: Agency, lexicon: Lexicon) -> Group:
    """The group of an agency typed at `at` ("Sở TN&MT"): the findings about it (`Group.unit`, the
    key its records carry: core/attribution.py), or holding any of its names as the table and the
    genre's synonyms write them ("Sở Tài nguyên và Môi trường", "Sở TNMT"), with their accents
    when the user typed accents, folded when not (`_members`)."""
    span = tuple(typed[at:at + length])
    size, members = lexicon.synonyms_at(typed, at)
    forms = (*agencies().forms_of(agency), *(members if size == length else ()))
    written = _members(span, forms)  # accented as the user typed them, as a synonym set's are
    return Group(unique(written), unit=filter_key(agency.name), agency=True)


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
    """The words inside a term (`typed`, its syllables), cut as the query is (`best_cut`): those
    of two syllables or more, since one syllable of a Vietnamese compound is a morpheme, not its
    meaning ("hồ" of "hồ sơ"), and none that is itself a term of a group (`whole`, folded).

    Cut on `written`, the term with its accents when they are known though the user typed none
    (`_written`): the cut reads the dictionary only where there are accents, so the folded "di
    lam muon" would stay whole where "đi làm muộn" holds "đi làm"; the pieces keep the typed
    syllables, and match as typed."""
    shape = list(written) if len(written) == len(typed) else typed
    cut = best_cut(shape, words, set(), lexicon, end=len(typed), most=len(typed) - 1)
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
    typed without accents (`_readings`) and the cues of a condition before "thì" (`conditioned`),
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
    skip = question_frame(typed, lexicon)
    marks = {k + 1 for k, mark in enumerate(listed) if mark and k + 1 < len(typed)}  # no word spans one
    cuts: dict[int, list[int]] = {}  # the best cut of the run up to each end (a frame word or its end)
    breaks = (*skip, *marks, *lexicon.judged_heads(typed))  # no word spans a frame word, a list mark,
    # nor a noun and the judgement following it ("điểm số | cao hơn")

    def run_cut(at: int) -> list[int]:
        """The best cut (`best_cut`) of the run holding `at`, made once per run."""
        stop = run_end(at, len(typed), breaks)
        if stop not in cuts:
            cuts[stop] = best_cut(typed, words, units, lexicon, stop, unwritten=unwritten)
        return cuts[stop]

    links: set[int] = set()  # groups coordinated with the group before them (`coordinated`)
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
        joins = entry_at(lexicon.coordinators, typed, i)
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
        if abbreviated := abbreviated_unit(typed, i, units):
            size, key = abbreviated
            name = tuple(typed[i + 1:i + size])
            groups.append(Group((Alternative(name),), unit=key))
            dropped.append(typed[i])  # the level's abbreviation: the unit says it
            setting = False
            said.extend(name)
            i += size
            continue
        end = run_end(i, len(typed), breaks)
        bound = (in_word(run_cut(i), i - 1), word_after(run_cut(i), i))  # the cut's words beside
        cue = lexicon.cue_at(typed, i, bound, ends=partial(cut_ends, run_cut), marks=marks,
                             unwritten=unwritten)
        size = len(cue.syllables) if cue else 0
        # A ranked word of no polarity (a light verb, a filler noun: query_stopwords.txt) gives way
        # to a synonym member it begins, as to a longer word: "thủ tục hành chính" is TTHC, one
        # term, not the head noun "thủ tục" before the words "hành chính".
        member = lexicon.synonyms_at(typed, i)[0] if cue and not cue.polarity else 0
        if cue and not cue.polarity and (inside := member_runs_past(typed, i, len(cue.syllables), lexicon)):
            # "đoàn kiểm tra | công vụ": the member "kiểm tra công vụ" is the word; the phrase's
            # syllables before it ("đoàn") stay ranked, as the phrase was, not a required word
            optional.append(Alternative(tuple(typed[i:inside])))
            said.extend(typed[i:inside])
            read.extend(_readings(typed[i:inside], lexicon, units))
            i = inside
            continue
        guess = folded_word(typed, i, run_cut(i), lexicon, unwritten) if cue else 0  # as `dictionary_word`
        applied = bool(cue) and size >= max(longest(typed, i, words, lo=2),
                                            dictionary_word(typed, i, lexicon), member, guess)
        if pair := lexicon.act_pair(typed, i, cue if applied else None, partial(lexicon.cue_at, typed)):
            if pair.cue is not None:  # "biểu dương khen thưởng", "khen thưởng, tuyên dương": the act
                cues.append((pair.cue_at, pair.cue))  # itself, a matter (Lexicon.act_pair)
            add_group(Group(tuple(Alternative(v) for v in pair.verbs)), setting or clause, groups, optional)
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
                    setting = any(listable(g) for g in groups) \
                        and bool(entry_at(lexicon.settings, typed, i))
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
                unit_at(typed, i + government, units, capitals, lexicon, places)
                or abbreviated_unit(typed, i + government, units)):
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
            # pool as a word would, and the inspector filter narrows to its inspections
            # (Plan.inspector, `inspector_asked`); the check and what it brought out after it ("do
            # Sở Nội vụ kiểm tra chỉ ra": core/inspectors.py check_words_at) say whose inspection,
            # which the filter says, not what it found: ranked, not required.
            inspecting = _names_inspector(typed, i, found[0])
            if (setting or clause) and found[1].name in lexicon.setting_agencies or inspecting:
                add_group(Group(agency.alternatives), True, groups, optional)
            else:
                groups.append(agency)
            setting = False
            said.extend(typed[i:i + found[0]])
            i += found[0]
            if inspecting and (frame := check_words_at(typed[i:])):
                optional.append(Alternative(tuple(typed[i:i + frame])))
                said.extend(typed[i:i + frame])
                i += frame
            continue
        if (bare := agencies().bare_head_at(typed, i)) and (bare[0] > 1 or not in_word(run_cut(i), i)):
            # "các sở, ngành", "sở nào": the kind of body, the findings about any of its agencies (one
            # key, `Group.kind`) or holding a collective ("các sở, ban, ngành"), never the bare
            # syllable the premises' "trụ sở" also holds
            add_group(Group(tuple(Alternative(c) for c in bare[1]), kind=bare[2]),
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
            add_group(Group(unique((*own, *(Alternative(t) for t in institutions)))), setting or clause,
                       groups, optional)
            setting = False
            said.extend(typed[i:i + taken])
            i += taken
            continue
        length, members = lexicon.synonyms_at(typed, i)
        if length:
            brought = (*members, *lexicon.broader.get(members, ()))  # one way: the broader words too
            group = Group(unique(_members(typed[i:i + length], brought, lexicon.accented_members)))
            add_group(group, setting or clause, groups, optional)  # "… ở 1 cửa": where, not what
            setting = False
            said.extend(typed[i:i + length])
            read.extend(_readings(typed[i:i + length], lexicon, units, members))
            i += length
            continue
        if unit := unit_at(typed, i, units, capitals, lexicon, places):
            name = tuple(typed[i:i + unit])
            groups.append(Group((Alternative(name),), unit=" ".join(fold(s) for s in name)))
            setting = False  # a unit named is a filter the user asks for, wherever it stands
            said.extend(name)
            i += unit
            continue
        stop = lexicon.stopword_at(typed, i)
        word = cuts[end][i]
        if stop and stop >= word and not lexicon.unasked_at(typed, i, stop):
            topic = any(listable(g) for g in groups)  # a matter said before the word
            setting = topic and bool(entry_at(lexicon.settings, typed, i))
            clause = clause or (topic and asking and lexicon.opens_circumstance(typed, i))
            if topic and asking and entry_at(lexicon.topic_ends, typed, i):
                condition, condition_at = len(groups), i  # "cán bộ vắng mặt thì …": a condition?
            dropped.extend(typed[i:i + stop])
            i += stop
            continue
        # "co", "cap" without accents: ranked only (not a cue's group of the query's sense: "con")
        if not word and sense != len(groups) and lexicon.folded_light_at(typed, i, bound, unwritten):
            optional.append(Alternative((typed[i],)))
            said.append(typed[i])
            topic = any(listable(g) for g in groups)  # "… vang mat tai tru so": a setting, as "tại"
            setting = topic and bool(lexicon.folded_entry_at(lexicon.settings, typed, i, bound, unwritten))
            if topic and asking and lexicon.folded_entry_at(lexicon.topic_ends, typed, i, bound, unwritten):
                condition, condition_at = len(groups), i  # "… tre hen thi co phai …": thì, as typed
            i += 1
            continue
        framing = framing_level(typed, i, word, capitals, groups, lexicon)  # "PAR index tỉnh"
        size = framing or word or morpheme(typed, i, end, cuts, words, units, lexicon, unwritten)
        ranked = setting or clause or bool(framing)
        add_group(Group((Alternative(tuple(typed[i:i + size])),)), ranked, groups, optional)
        setting = False
        said.extend(typed[i:i + size])
        read.extend(_readings(typed[i:i + size], lexicon, units))
        i += size
    if 0 <= sense < len(groups):
        groups[sense] = dataclasses.replace(groups[sense], sense=True)
    if condition and not links and any(listable(g) for g in groups[condition:]) \
            and any(at < condition_at for at, _ in cues):  # "phản ánh kiến nghị thì …": the object
        groups, occasion = conditioned(groups, condition)
        optional.extend(occasion)
        stated = [(at, cue) for at, cue in cues if at < condition_at]
        cues = [(at, cue) for at, cue in cues if at > condition_at]  # the occasion names no polarity
    groups, verbs = clauses(groups, links)
    optional.extend(verbs)
    return coordinated(groups, links), dropped, cues, optional, said, read, stated


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
    fixes = corrections([[(t.syllables, t.capitals, unquoted_word(t) and not t.joined) for t in clause]
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
    clauses = [[(t.syllables, t.capitals, unquoted_word(t) and not t.joined) for t in clause]
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
    read = lone_readings([[(t.syllables, t.capitals, unquoted_word(t) and not t.joined) for t in clause]
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
        elsewhere -= written_as_names(sorted(elsewhere), vocabulary, lexicon)
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
    if inspector := inspector_asked(parsed):
        plan = dataclasses.replace(plan, inspector=inspector)
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
                               optional=unique((*plan.optional,
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
