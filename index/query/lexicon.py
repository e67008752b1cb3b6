"""The genre's knowledge a query is read with (`Lexicon`): question and function words,
synonyms and abbreviations, cues of polarity and of the question asked, answers, amounts,
paired acts and the rest, as the analysis (index/query/analysis.py) asks them. The data files
(index/vi/*) are compiled into it by index/query/compiling.py.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from core.doc_kinds import cited_codes
from core.levels import (
    row_of,
)
from core.normalize import canonical_tones, fold, matching_form
from index.accents import Readings, compile_readings, reading
from index.definitions import abbreviation_key
from index.initials import is_syllable, load_rules
from index.matching import folded_syllable, is_accented, matches_at, syllable_matches
from index.query.common import ACCENTS_ONLY, MAX_WORD_SYLLABLES, NUMBER_WORD, Entries, syllables_of
from index.spelling import genre_syllables


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


def answer_holds(answers: Sequence[Answer]) -> tuple[tuple[str, ...], ...]:
    """The words the answers hold, each once, in order."""
    return tuple(dict.fromkeys(h for answer in answers for h in answer.holds))


def answer_unlike(answers: Sequence[Answer]) -> tuple[tuple[str, ...], ...]:
    """The phrases holding an answer's word that are other words (`Answer.unlike`), each once."""
    return tuple(dict.fromkeys(u for answer in answers for u in answer.unlike))


def ranked_asks(answers: Sequence[Answer]) -> tuple[tuple[str, ...], ...]:
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
        while at not in marks and (step := entry_at(self.degree, typed, at)):
            at += step
        return at

    def objects(self, typed: Sequence[str], at: int) -> tuple[int, ...]:
        """Where the object of a verb starting at `at` may begin: right after the verb, or after
        each of up to `reach` words of `between`; none when no verb starts at `at`."""
        size = entry_at(self.verbs, typed, at)
        if not size:
            return ()
        places = [at + size]
        while len(places) <= self.reach and (filler := entry_at(self.between, typed, places[-1])):
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
        size = entry_at(self.verbs, typed, first)
        if not size:
            return ()
        words = [tuple(typed[first:first + size])]
        at, steps = first + size, 0
        while steps < self.reach and (filler := entry_at(self.between, typed, at)):
            at, steps = at + filler, steps + 1
        if standard := entry_at(self.standards, typed, at):
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
            if size := entry_at(self.unlike, typed, at):
                at += size
                continue
            if entry_at(self.asks, typed, at):
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
        return any(entry_at(self.figures, typed, at) for at in range(len(typed)))

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
        answers asked in a question read them (`ranked_asks`); its readings kept, not compiled
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
        frame = question_frame(list(typed), self)
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
                    and (between == 0 or entry_at(self.sections_joined, typed, end) == between))
        return False

    def _focused(self, typed: Sequence[str], cues: Sequence[tuple[int, Cue]]) -> list[tuple[int, Cue]]:
        """The cues before the first question word of content or manner ("gì", "thế nào"): the
        last of them is what that word asks about."""
        focus = next((at for at in range(len(typed)) if entry_at(self.focus_words, typed, at)), -1)
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
            held.update(range(end, end + entry_at(self.choosing, typed, end)))
        if question_frame(list(typed), self) or self.asks_place(typed) \
                or any(a.alone for a in self.answers_asked(typed)):
            return True
        return any((entry_at(self.question_words, typed, at) or entry_at(self.focus_words, typed, at))
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
        size = entry_at(self.manner_verbs, typed, at)
        return size if size and entry_at(self.focus_words, typed, at + size) else 0

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
        return bool(entry_at(self.circumstances, typed, at)) \
            and not entry_at(self.question_words, typed, at)

    def is_question(self, typed: Sequence[str]) -> bool:
        """Whether the query asks a question: a question word (intents.toml [reading] `questions`,
        the words asking which place, a cause, content or manner) or a yes/no frame ("có … không")."""
        return self._asks_by_words(typed) or any(a.alone for a in self.answers_asked(typed))

    def _asks_by_words(self, typed: Sequence[str]) -> bool:
        """Whether a question word or frame makes the query a question, its answers aside."""
        return bool(question_frame(list(typed), self)) or self.asks_place(typed) or any(
            entry_at(self.question_words, typed, at) or entry_at(self.focus_words, typed, at)
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
        passive = entry_at(self.reducing.passive, typed, end)
        verb = passive or entry_at(self.reducing.after, typed, end)
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
        return at >= len(typed) or at in marks or at in question_frame(list(typed), self) \
            or typed[at][:1].isdigit() \
            or bool(entry_at(self.reducing.closing, typed, at) or entry_at(self.question_words, typed, at)
                    or entry_at(self.focus_words, typed, at)) \
            or any(matches_at(typed, words, at) for words in self.which_words)

    def _listed_after_reduced(self, typed: Sequence[str], at: int, marks: Collection[int] = ()) -> bool:
        """Whether a reduced failing ends right before `at`, or a joining word after it (intents.toml
        [reducing] `joining`): the word at `at` is then one more item of the verb's object ("giảm
        tình trạng đi muộn về sớm", "… đi muộn và về sớm"), reduced as the first is."""
        for join in (0, *(len(e) for e, _ in self.reducing.joining)):
            if join and entry_at(self.reducing.joining, typed, at - join) != join:
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
        return bool(folded_syllable(span[0]) in folds and entry_at(self._function_words, span, 0)
                    or folded_syllable(span[-1]) in folds
                    and entry_at(self._function_words, span, len(span) - 1))

    @cached_property
    def _function_folds(self) -> frozenset[str]:
        """The folded forms of the `_function_words`: planning asks `bounded` of every span."""
        return frozenset(folded_syllable(entry[0]) for entry, _ in self._function_words)

    def stopword_at(self, typed: Sequence[str], at: int) -> int:
        """How many syllables from `at` form a stopword entry (longest), 0 when none."""
        return entry_at(self.stopwords, typed, at)

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
        """`entry_at`, and 1 where the syllable at `at`, typed without accents, is the folded form
        of a one-syllable entry counting only with its accents ("tai" of "tại", "thi" of "thì") and
        `folded_light_at` reads it as a light word: no word it makes with a neighbour reads it
        otherwise. Why: a query typed wholly without accents ("can bo vang mat tai tru so") gives no
        mark to tell the function word from its homographs, and a lone syllable of the grammar's
        spelling, in no word with its neighbour, is the function word far more often than the
        rare word (tài, tái; thi, an exam, is in a word: "kỳ thi", "thi hành"). Read so, the
        grammar the word carries (a setting after the topic, the topic's end) holds folded too,
        as typed with its marks; the word itself stays ranked, never dropped (`_cut_run`)."""
        found = entry_at(entries, typed, at)
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


def entry_at(entries: Iterable[tuple[tuple[str, ...], bool]], typed: Sequence[str], at: int) -> int:
    """How many syllables from `at` form one of `entries` ((syllables, only with accents),
    longest first), 0 when none."""
    for entry, accents_only in entries:
        if _written_at(typed, entry, at, accents_only):
            return len(entry)
    return 0


def without_marks(term: str) -> str:
    """A word-list entry or synonym member without its "[accents]" mark, as written."""
    return term.removesuffix(ACCENTS_ONLY).strip()


def word_entry(term: str) -> tuple[tuple[str, ...], bool]:
    """A word-list entry ("thì [accents]") as (syllables, only with accents)."""
    return syllables_of(without_marks(term)), term.endswith(ACCENTS_ONLY)


def word_entries(terms: Iterable[str]) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Word-list entries as (syllables, only with accents), longest first."""
    return tuple(sorted({e for e in map(word_entry, terms) if e[0]}, key=lambda e: (-len(e[0]), e)))


def cue_order(cue: Cue) -> tuple[int, tuple[str, ...], bool]:
    """The order cues are tried in at a place: the longest first, and of one word the cue that
    must precede an object (`Cue.objects`) before the word's cue anywhere else."""
    return -len(cue.syllables), cue.syllables, not cue.objects


def question_frame(typed: list[str], lexicon: Lexicon) -> set[int]:
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
