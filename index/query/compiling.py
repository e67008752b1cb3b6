"""The genre's data files compiled into the `Lexicon` (`load_lexicon`): the stop and question
words, synonyms, intents and cues, answers, amounts, acts, expansions, collectives, the dictionary.

Why apart from the Lexicon: the tables are data a linguist extends; this module reads and checks
them (a malformed entry is a clear error naming the file), the Lexicon only answers what they say.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import core
from core.agencies import agencies
from core.compiled_cache import cached, source_key
from core.doc_kinds import cited_kinds
from core.errors import ConfigError
from core.levels import (
    ALL_LEVELS,
)
from core.normalize import fold, matching_form
from index.accents import WordList
from index.initials import derived_initials, is_syllable, load_rules, term_sets
from index.matching import matches_at
from index.query.common import (
    ACCENTS_ONLY,
    CONCEPTS_FILE,
    FRAME_GAP,
    INTENTS_FILE,
    LEVEL,
    MAX_WORD_SYLLABLES,
    OPTIONAL,
    STOPWORDS_FILE,
    SYNONYMS_FILE,
    Entries,
    syllables_of,
)
from index.query.lexicon import (
    FRACTION,
    Amount,
    Answer,
    Cue,
    Lexicon,
    Reducing,
    Verdict,
    cue_order,
    run_starts,
    without_marks,
    word_entries,
    word_entry,
)
from index.shorthand import load_shorthand


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
            syllables, accents_only = word_entry(term)
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
            return next(run_starts(syllables_of(without_marks(member)), word), None) is not None

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
            first, last = (syllables_of(without_marks(part)) for part in line.split(FRAME_GAP, 1))
            if last:
                frames.append((first, last, line.endswith(ACCENTS_ONLY)))
            continue
        if line.endswith(OPTIONAL):
            if syllables := syllables_of(line.removesuffix(OPTIONAL)):
                light.append(Cue(syllables, "", required=False, accents_only=True))
            continue
        stopwords.append(line)
    written = [list(members) for members in synonym_sets]
    entries = [[word_entry(m) for m in members] for members in written]  # "[accents]" marks a member
    sets = tuple(tuple(s for s, _only in row if s) for row in entries)
    answered = tuple(answer for answer in map(compile_answer, answers) if answer.asks and answer.holds)
    return Lexicon(word_entries(stopwords),
                   tuple(sorted(set(frames), key=lambda f: (not f[0], -len(f[1]), f))),
                   tuple(s for s in sets if len(s) > 1), dictionary,
                   tuple(sorted((*compile_cues(intents, written), *light),
                                key=cue_order)), answered,
                   tuple(sorted({k for k in (syllables_of(c) for c in citations) if k},
                                key=lambda k: (-len(k), k))),
                   word_entries(read.get("topic_ends", ())), word_entries(read.get("focus", ())),
                   word_entries(read.get("questions", ())), word_entries(read.get("circumstances", ())),
                   compile_which(which or {}, levels),
                   coordinators=compile_coordinators(coordination or {}),
                   settings=word_entries([*(setting or {}).get("words", ()),
                                          *(setting or {}).get("times", ())]),
                   level_settings=word_entries(e for entry in (setting or {}).get("levels", ())
                                           for e in _per_level(entry, levels)),
                   setting_agencies=_known_agencies((setting or {}).get("agencies", ())),
                   sections_joined=word_entries(read.get("sections_joined", ())),
                   choosing=word_entries(read.get("choosing", ())),
                   manner_verbs=word_entries(read.get("manner_verbs", ())),
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
    return word_entries(table.get("words", ()))


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
    return Reducing(word_entries(table.get("verbs", ())), word_entries(table.get("between", ())),
                    word_entries(table.get("after", ())), int(table.get("reach", 0)),
                    word_entries(table.get("joining", ())), word_entries(table.get("passive", ())),
                    word_entries(table.get("degree", ())),
                    word_entries(e for entry in table.get("closing", ()) for e in _per_level(entry, levels)))


def compile_verdict(table: Mapping[str, Any]) -> Verdict:
    """The verdict a yes/no question asks of a standard, from intents.toml's [verdict] table (verbs,
    between, standards, reach): word-list entries, longest first."""
    return Verdict(word_entries(table.get("verbs", ())), word_entries(table.get("between", ())),
                   word_entries(table.get("standards", ())), int(table.get("reach", 0)))


def compile_amount(table: Mapping[str, Any]) -> Amount:
    """The amount a which-place question names, from intents.toml's [amount] table (asks, unlike,
    counted): word-list entries, and the counted nouns and marks after a number, or a fraction, as
    one pattern at word boundaries. An empty table reads no amount."""
    asks, unlike = word_entries(table.get("asks", ())), word_entries(table.get("unlike", ()))
    figures = word_entries(table.get("figures", ()))
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
    """The lexicon of index/vi/ and the dictionary (read once per process), from the compiled
    cache (core/compiled_cache.py) when nothing it is compiled from has changed: the code and data
    of index/ and core/ (the layers below index/: all the code a lexicon is compiled by) and the
    dictionary."""
    roots = (Path(__file__).resolve().parents[1], Path(core.__file__).resolve().parent)
    return cached("lexicon", source_key(roots, [dictionary_file()]), compiled_lexicon)


def compiled_lexicon() -> Lexicon:
    """The lexicon compiled from its files, with the readings every search of words typed without
    accents reads (`Lexicon.readings`) made, so a cached copy holds them too."""
    lexicon = compile_lexicon_files()
    lexicon.readings  # noqa: B018 - made now, so that the cache keeps it
    return lexicon


def compile_lexicon_files() -> Lexicon:
    """The lexicon of index/vi/ and the dictionary, compiled."""
    stopwords = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    synonym_tables = tomllib.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    synonyms = synonym_tables.get("set", [])
    words = dictionary_file()
    lines = words.read_text(encoding="utf-8").splitlines() if words else []
    lines.extend(load_shorthand().stands_for)  # a shorthand's word is a word (Shorthand.stands_for)
    data = tomllib.loads(INTENTS_FILE.read_text(encoding="utf-8"))
    sets = [entry["terms"] for entry in synonyms]
    plain = [[without_marks(m) for m in members] for members in sets]  # as initials read them
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
    kinds = [("praise", word_entries(praise))] if praise else []
    if named := table.get("sanction"):
        steps = next((c.get("narrower", ()) for c in concepts if named in c.get("broader", ())), None)
        if steps is None:
            raise ActsError(f"[acts] sanction {named!r}: no concept of concepts.toml has it as broader")
        kinds.append(("sanction", word_entries(steps)))
    return tuple(kinds)


def concept_phrases(path: Path = CONCEPTS_FILE) -> tuple[tuple[str, ...], ...]:
    """The terms of index/vi/concepts.toml (broader and narrower), as lowercase syllables: phrases
    written for the genre, as the synonyms are, so their folded forms have the genre's reading
    (`Lexicon._phrase_readings`: "tu kiem tra" is "tự kiểm tra"). Read raw here: index/concepts.py
    compiles the concepts from this module's lexicon."""
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("concept", [])
    terms = (t for e in entries for key in ("broader", "narrower") for t in e.get(key, ()))
    return tuple(s for s in (syllables_of(without_marks(t)) for t in terms) if s)


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
        members = tuple(s for s in (syllables_of(without_marks(t)) for t in terms) if s)
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
