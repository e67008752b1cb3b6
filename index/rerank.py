"""The second stage of relevance: the engine's first findings reordered by a learned linear score.

Why: the engines rank by hand-set tiers (all groups, most groups, the matter, some words), each
strictly below the one before, and within a tier by bonuses and bm25. That finds the relevant
findings (of the judged ones reachable, nine in ten are among the engine's first hundred) but
orders them badly: a strict tier cannot weigh "holds every word but says the opposite of what
was asked" against "misses one word but answers". So the composed search (pipeline/search.py)
asks the engine for a pool of its first findings and orders the pool by a weighted sum of a few
features of each finding — the engine's own rank among them — whose weights are learned
from judged queries (benchmarks/train_ranker.py) and shipped as data (index/rerank_weights.json).

The features are computed here, in Python, from the engine's Plan (how it read the query) and
the FindingRecord (its text, its segmented `words`, its polarity, area, themes and units), never
from engine scores: so both engines, given the same pool, give the same order. No segmentation or
NLP runs at query time: the record carries its words. Each feature is a small function with the
reason it holds for the genre (inspection findings: one or two sentences on one matter, with a
polarity, about named units).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path

from core.inspectors import team_heads, team_kinds
from core.levels import row_of, split_level
from core.normalize import canonical_tones, fold, lower_same_length
from index.base import FindingRecord, Hit, Query
from index.concepts import Concept, share_held
from index.indicators import load_indicators
from index.markup import unmarked
from index.matching import folded_syllable, syllable_matches
from index.query import (
    Alternative,
    Group,
    PhrasePlaces,
    Plan,
    filter_key,
    frame_group,
    load_lexicon,
    name_forms,
    phrase_places,
    syllables_of,
    within_places,
)

WEIGHTS_FILE = Path(__file__).with_name("rerank_weights.json")
DEFAULT_POOL = 30  # findings the engine hands the reranker when the weights file does not say
# A finding about a unit inside the one a query names (a commune of the district asked about,
# through FindingRecord.unit_parents) answers it as a part of that place, not as the place's own
# work: a district's query asks first about the district's offices, then about its communes.
# Half: a grade lower on the judges' 2/1/0 scale (a commune's findings graded 1 where the
# district's own are 2). Read from three judged queries on one district (lead17: the tenth's,
# fourth's, fifteenth's Thường Tín), not searched over; the unit parents hold the province too, so
# a province's query counts its districts' findings half as well, which no judged query argued.
INSIDE_SHARE = 0.5
LENGTH_SCALE = math.log1p(100)  # a finding of 100 syllables is long for the genre: length 1.0


# ----------------------------------------------------------------------------------------------- the views


@dataclass(frozen=True, slots=True)
class Asked:
    """What the query asks, read once per search: the engine's plan and the hints the composed
    search found (matters, areas), with the units the query names (typed or --unit)."""

    plan: Plan
    matters: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    units: tuple[str, ...] = ()  # filter keys of the units the query names ("thanh tri")
    concepts: tuple[Concept, ...] = ()  # the genre's concepts the query asks about (index/concepts.py)
    indicator: bool = False  # whether the query names an indicator of reform (index/indicators.py)
    # The query's groups naming its matter, not the genre's frame (`matter_groups`), once per query.
    matter: tuple[Group, ...] = field(init=False, default=())
    # The plan's `unlike` phrases by place (index.query.phrase_places), once per query: read at each
    # answer word of every pooled finding (`answer_held`).
    unlike: Mapping[str, PhrasePlaces] = field(init=False, default_factory=dict)
    # The matter groups an inspecting team's name may hold (`team_named_only`), once per query.
    team_matter: tuple[Group, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "matter", matter_groups(self.plan))
        object.__setattr__(self, "team_matter", tuple(g for g in self.matter if _names_a_team_kind(g)))
        object.__setattr__(self, "unlike", phrase_places(tuple(u.syllables for u in self.plan.unlike)))

    @classmethod
    def of(cls, query: Query, plan: Plan) -> Asked:
        named = [g.unit for g in plan.groups if g.unit]
        if query.unit:
            named.append(filter_key(query.unit))
        return cls(plan, tuple(query.matters), tuple(query.areas), tuple(dict.fromkeys(named)),
                   plan.concepts, load_indicators().named_in(unmarked(query.text)))

    @property
    def typed(self) -> tuple[str, ...]:
        """The query's kept syllables in order (the exact phrase, else its groups' typed terms)."""
        if self.plan.exact is not None:
            return self.plan.exact.syllables
        return tuple(s for g in self.plan.groups if g.alternatives for s in g.alternatives[0].syllables)


# A mark ending a clause or sentence, then a space or the text's end: no phrase of another
# word (an `unlike` phrase) runs across one ("theo báo cáo, nguyên nhân …"). Not a mark inside a
# word or number ("1.000", "15/11", "TN&TKQ"), which the cut only separates.
CLAUSE_MARK = re.compile(r"[.,;:!?…]+(?=\s|$)")


@dataclass(frozen=True, slots=True)
class Written:
    """A finding's text as the features read it: its syllables (lowercase, canonical tones) and
    where each folded syllable stands."""

    syllables: tuple[str, ...]
    at: dict[str, list[int]] = field(default_factory=dict)  # folded syllable → positions
    folded: tuple[str, ...] = ()  # the syllables folded, in order (relevance feedback's terms)
    breaks: frozenset[int] = frozenset()  # the syllables a clause mark stands before (CLAUSE_MARK)

    @classmethod
    def of(cls, record: FindingRecord) -> Written:
        return cls.of_text(record.text)

    @classmethod
    def of_text(cls, text: str) -> Written:
        syllables: tuple[str, ...] = ()
        breaks: set[int] = set()
        for clause in CLAUSE_MARK.split(text):
            if syllables:
                breaks.add(len(syllables))
            syllables += syllables_of(clause)
        at: dict[str, list[int]] = {}
        # Folded in one pass, not syllable by syllable (fold keeps one character per character
        # and no syllable holds a space): the reranker reads every finding of its pool.
        folded = tuple(fold(" ".join(syllables)).split(" ")) if syllables else ()
        for k, s in enumerate(folded):
            at.setdefault(s, []).append(k)
        return cls(syllables, at, folded, frozenset(breaks))

    def holds(self, alt: Alternative) -> bool:
        """Whether the text holds the alternative under the query's matching rule (an accented
        syllable only as typed, tone placement aside; an unaccented one in any form)."""
        return self.position(alt) >= 0

    def position(self, alt: Alternative) -> int:
        """The first syllable position the alternative matches at, -1 when none."""
        return next(self.positions(alt), -1)

    def positions(self, alt: Alternative) -> Iterator[int]:
        """Every syllable position the alternative matches at, in order."""
        if not alt.syllables:
            return
        first, n = alt.syllables[0], len(alt.syllables)
        if alt.prefix and n == 1:
            folded = folded_syllable(first)
            starts = sorted(k for key, places in self.at.items() if key.startswith(folded) for k in places)
        else:
            starts = self.at.get(folded_syllable(first), [])  # the fold of each query syllable, once
        for k in starts:
            if k + n <= len(self.syllables) and all(
                    _syllable_fits(typed, self.syllables[k + j], alt.prefix and j == n - 1)
                    for j, typed in enumerate(alt.syllables)):
                yield k

    def holds_apart(self, alt: Alternative, unlike: Mapping[str, PhrasePlaces]) -> bool:
        """Whether the text holds the alternative somewhere outside every `unlike` phrase ("đứng
        đầu" outside "người đứng đầu"; the phrases read into places once per query,
        `Asked.unlike`): a word inside a longer one that is another word is not it."""
        if not unlike:
            return self.holds(alt)
        return any(not within_places(self.syllables, k, len(alt.syllables), unlike, self.breaks)
                   for k in self.positions(alt))



def segmented_words(words: str) -> frozenset[tuple[str, ...]]:
    """The segmenter's words (FindingRecord.words) of two syllables or more as syllable runs,
    lowercase, canonical tones; each syllable apart: canonical_tones reads "quá_hạn" as one
    syllable and moves its tone."""
    return frozenset(tuple(lower_same_length(canonical_tones(s)) for s in w.split("_"))
                     for w in words.split() if "_" in w)


def holds_word(words: frozenset[tuple[str, ...]], alt: Alternative) -> bool:
    """Whether the segmenter cut the finding's text (its `segmented_words`) with the alternative
    as one word."""
    n = len(alt.syllables)
    return any(len(word) == n and all(syllable_matches(t, w)
                                      for t, w in zip(alt.syllables, word, strict=True))
               for word in words)


def _syllable_fits(typed: str, written: str, prefix: bool) -> bool:
    if not prefix:
        return syllable_matches(typed, written)
    return written.startswith(typed) if fold(typed) != typed else fold(written).startswith(typed)


# ----------------------------------------------------------------------------------------------- features


class Candidate:
    """One finding of the pool as the features see it: the record and its place in the engine's
    order (0 first); its text as the features read it (`written`) and
    its segmented words (`words`) are made on first use, since some features never read them (the
    words only `words_held`, which the shipped weights leave out: making them costs as much again
    as the text)."""

    __slots__ = ("_words", "_written", "around", "rank", "record")

    def __init__(self, record: FindingRecord, rank: int, around: Around | None = None) -> None:
        self.record, self.rank = record, rank
        self.around = around  # the pool it came in (`candidates` sets it): None for a finding alone
        self._written: Written | None = None
        self._words: frozenset[tuple[str, ...]] | None = None

    @property
    def written(self) -> Written:
        if self._written is None:
            self._written = self.around.written(self.rank) if self.around else Written.of(self.record)
        return self._written

    @property
    def words(self) -> frozenset[tuple[str, ...]]:
        if self._words is None:
            self._words = segmented_words(self.record.words)
        return self._words


def engine_rank(c: Candidate, asked: Asked, pool: int) -> float:
    """The engine's order, 1 for its first finding, falling with the log of the rank: the
    engine's tiers and bm25 carry what no feature here repeats (idf over the whole index), so
    the reranker moves findings from it, it does not start afresh."""
    return rank_score(c.rank, pool)


def rank_score(rank: int, pool: int) -> float:
    """`engine_rank` of the pool's finding at `rank` (0 first)."""
    return 1.0 - math.log1p(rank) / math.log1p(max(pool, 1))


def _share_said(written: Written, groups: Sequence[Group]) -> float:
    """The share of `groups` (non-empty) the text holds in words, any alternative of each."""
    return sum(any(written.holds(a) for a in g.alternatives) for g in groups) / len(groups)


def words_held(c: Candidate, asked: Asked, pool: int) -> float:
    """The share of the query's terms of two syllables or more that the finding holds as one
    segmented word: Vietnamese words are runs of syllables, and a run met across a word
    boundary ("vượt quá | hạn mức" for "quá hạn") is a coincidence, not the word."""
    terms = [g.alternatives[0] for g in asked.plan.groups
             if g.alternatives and len(g.alternatives[0].syllables) >= 2 and not g.alternatives[0].prefix]
    return sum(holds_word(c.words, t) for t in terms) / len(terms) if terms else 0.0


# The polarity saying the contrary of each: a strength and a shortcoming of one matter. A
# recommendation has none: it presupposes the shortcoming it remedies.
_CONTRARY = {"shortcoming": "strength", "strength": "shortcoming"}


def polarity_match(c: Candidate, asked: Asked, pool: int) -> float:
    """Whether the finding has the polarity the query asks for (Plan.polarity: "hạn chế …",
    "chưa …", "ưu điểm …"): the genre states each matter as a strength, a shortcoming or a
    recommendation, and a query naming one wants that one; the matter in the other sense ("đều
    đeo thẻ" for "không đeo thẻ") answers nothing. 0 when the query asks for none.

    A question ("xã nào còn hồ sơ trễ hạn", "vì sao hồ sơ bị quá hạn": Plan.question) asks about
    the matter, which the genre states among the shortcomings and again in the recommendation
    remedying it, naming the units told to (intents.toml [reading] says why): for a question,
    every polarity but the contrary one matches. Held out on the judged sets, among the findings
    of the engine's pool for questions asking for shortcomings, recommendations were as often
    relevant as shortcomings (0.26 and 0.30), strengths seldom (0.07); for queries naming the
    polarity without a question, 0.06 and 0.18 (benchmarks/train_ranker.py pools).

    A yes/no question ("có xã nào chưa ban hành quyết định phân công … không": Plan.yes_no) is
    answered by either finding, the failure or the matter done ("đã ban hành quyết định phân
    công"), so it prefers no polarity: 0, as for a query naming none."""
    polarity = asked.plan.polarity
    if polarity is None or asked.plan.yes_no:
        return 0.0
    if asked.plan.question:
        return float(str(c.record.polarity) != _CONTRARY.get(polarity))
    return float(str(c.record.polarity) == polarity)


def in_section(c: Candidate, asked: Asked) -> int:
    """1 for a finding of the section the query asks for (Plan.section: "hạn chế trong …", "kiến
    nghị …", "ưu điểm …"), 0 for any other finding and for every finding of a query asking none.

    Why: the engines rank a section's findings before any other (Plan.section says why: in the
    pools of the judged polar queries, a finding of another polarity was seldom judged relevant),
    and the reranker orders within that split, not across it: as a weighed feature, the polarity
    let a finding of another polarity holding more of the query's words outrank the section's
    own (held out, five folds over the nine judged sets: polar 0.809 → 0.818)."""
    return int(asked.plan.section and str(c.record.polarity) == asked.plan.polarity)


def area_named(c: Candidate, asked: Asked, pool: int) -> float:
    """Whether the finding is of an area the query names whole ("tồn tại về tổ chức bộ máy")."""
    return float(bool(asked.areas) and str(c.record.area) in asked.areas)


def theme_own(c: Candidate, asked: Asked, pool: int) -> float:
    """Whether the finding's own theme is a matter the query names, 1 for the strongest: the
    theme vocabulary reads a finding's matter in whatever words it is said."""
    if not asked.matters or c.record.theme not in asked.matters:
        return 0.0
    return 1.0 if c.record.theme == asked.matters[0] else 0.5


def theme_spoken(c: Candidate, asked: Asked, pool: int) -> float:
    """Whether the finding speaks of a matter of the query besides its own theme."""
    return float(bool(asked.matters) and c.record.theme not in asked.matters
                 and any(t in asked.matters for t in c.record.themes))


def about_keys(record: FindingRecord) -> set[str]:
    """The filter keys of the units the finding is about by the one attribution: its units and
    today's units holding them."""
    return {filter_key(form) for value in (*record.units, *record.unit_levels, *record.unit_aliases)
            for form in name_forms(value)}


def inside_keys(record: FindingRecord) -> set[str]:
    """The filter keys of the units containing the finding's units (its commune's district and
    province)."""
    return {filter_key(form) for value in record.unit_parents for form in name_forms(value)}


def unit_named(c: Candidate, asked: Asked, pool: int) -> float:
    """+1 when the query names a unit and the finding is about it or names it, -1 when neither:
    a query naming a place asks about that place ("Thanh Trì giờ giấc làm việc"), and the same
    matter elsewhere answers another question. Named in the text counts too: a news finding
    names the office it saw ("Chi nhánh huyện Thanh Trì") without being attributed to it. Of
    several units named, the share the finding is about: "Sở LĐTB&XH Hà Nội" asks about the
    agency of Hà Nội, which its findings are about both, the city's other findings one of two;
    an agency (index.query.Group.agency) of a place typed with it is that place's only, so a
    finding about the agency elsewhere is elsewhere (every province has its one-stop centre). A
    finding about a unit inside the one named counts INSIDE_SHARE of it: about the place, not
    about the named unit's own work."""
    if not asked.units:
        return 0.0
    typed = {g.unit: g.alternatives for g in asked.plan.groups if g.unit}
    agencies = {g.unit for g in asked.plan.groups if g.unit and g.agency}
    about = about_keys(c.record)  # once per finding, not once per unit asked
    held = {unit for unit in asked.units
            if unit in about or any(c.written.holds(alt) for alt in typed.get(unit, ()))}
    inside = {unit for unit in asked.units if unit not in held} & inside_keys(c.record)
    places = set(asked.units) - agencies
    if not held | inside or places and not (held | inside) & places:
        return -1.0  # elsewhere: an agency of the name in another province is not the one asked
    return (len(held) + INSIDE_SHARE * len(inside)) / len(asked.units)


def in_paired_section(c: Candidate, asked: Asked) -> int:
    """1 for a finding of the section paired with the one the query asks for (Plan.paired,
    index/vi/intents.toml [sections]: a recommendation for a query asking for the shortcomings,
    a shortcoming for one asking for the recommendations), 0 otherwise and when no section is asked.

    Why: the report prescribes a remedy for each failing it found, so below the section asked the
    paired one speaks of the matter in the same sense, where a strength says it in the contrary
    one; intents.toml [sections] has the judged counts."""
    plan = asked.plan
    return int(plan.section and plan.paired is not None and str(c.record.polarity) == plan.paired)


def tier(c: Candidate, asked: Asked, pool: int) -> int:
    """The tier the reranker orders a finding in before its score, highest first: 4 for a finding
    about a place the query names (`unit_named` above 0: about it, inside it or naming it), plus
    2 for a finding of the section asked for (`in_section`), plus 1 for one of the section paired
    with it (`in_paired_section`: the recommendations after the shortcomings asked, before the
    strengths). Within a tier the weights decide. The weights 4, 2, 1 make each split outrank all
    below it together: the place's findings of no section asked (4) come before the section's
    elsewhere (2), and the paired section (1) only orders what the section leaves, on either side
    of the place's split (a finding has one polarity: section and paired never add, 6 at most).

    Why the place above the section: a query naming a place and a section ("Bình Định yêu cầu giải
    quyết dứt điểm hồ sơ tồn đọng": Bình Định's recommendations) asks about that place, and the
    engine's pool already puts the place's findings first (pipeline/search.py engine_pool); the
    section alone let another province's recommendations outrank the place's own shortcoming of the
    matter asked. In the judged pools of queries naming a place, a finding elsewhere (`unit_named`
    −1) was relevant 8 times in 1812 (0.4 %), one about the place 818 in 2230; within the section
    a finding of the contrary polarity never was (0 of 217): both splits hold for the genre, the
    place the firmer. Session 17 (polar17): the nineteenth's unit queries trained on the sets before
    it 0.832 → 0.845, every other kind and row of benchmarks/train_ranker.py --cv level."""
    placed = bool(asked.units) and unit_named(c, asked, pool) > 0
    return 4 * placed + 2 * in_section(c, asked) + in_paired_section(c, asked)


def place_named(c: Candidate, asked: Asked, pool: int) -> float:
    """1 for a finding naming in its own words a unit it is about, of the level the question asks
    for, when the question asks which place and names the sense of its matter ("xã nào cán bộ vắng
    mặt", "huyện nào đứng đầu chỉ số CCHC", "ở đâu còn công chức chưa đạt chuẩn": Plan.place_asked,
    Plan.place_tiers, Plan.polarity) and the finding states the matter in that sense
    (`polarity_match`); 0 otherwise, and for a finding about its units only by inheritance from its
    document.

    Why: "xã nào" asks for the units, and the genre answers it with the finding that names the
    commune it saw ("Xã Cát Tài … có đến 13/19 cán bộ xã vắng mặt", "UBND xã Tản Lĩnh vắng 3/11
    cán bộ"), while the same report's summaries of the matter ("phần lớn cán bộ đều vắng mặt",
    "tại nhiều xã …") hold the query's words as well and name no unit (a finding's units are its
    document's when it names none: core/attribution.py). The level asked is the answer's kind:
    "huyện nào" is not answered by a board or a commune named ("Ban Quản lý Khu kinh tế đạt chỉ số
    CCHC cao nhất"; core/levels.py tiers: "thành phố" is a province or a district). A unit named in
    the contrary sense answers no such question ("Xã X thực hiện tốt" for "xã nào chưa …")."""
    plan = asked.plan
    if not plan.place_asked or polarity_match(c, asked, pool) <= 0:
        return 0.0
    for label in c.record.unit_levels:
        level, name = split_level(label)
        row = row_of(level) if level else None
        if plan.place_tiers and not (row and set(plan.place_tiers) & {str(t) for t in row.tiers}):
            continue  # "huyện nào": a commune or a department named answers another question
        if c.written.holds(Alternative(syllables_of(name))):
            return 1.0
    return 0.0


def count_stated(c: Candidate, asked: Asked, pool: int) -> float:
    """1 for a finding stating a count or a share ("13/19 cán bộ", "vắng đến 14 người", "998 hồ sơ",
    "87,6%") when the question asks which place and names the amount it compares the units by
    ("xã nào vắng nhiều cán bộ nhất", "tỉnh nào còn nhiều hồ sơ trực tuyến chậm tiếp nhận", "huyện
    nào có chỉ số CCHC cao nhất": Plan.amount_asked, intents.toml [amount]); 0 otherwise, without
    reading the finding.

    Why: the answer lets the units be compared, and the genre compares them by the amount it states
    for each ("Xã Hoài Châu … có 21 cán bộ nhưng vắng đến 14 người"), while the same report's
    summaries and the orders to report hold the matter and the amount's word and state none ("Nhiều
    lãnh đạo, cán bộ … vắng mặt", "tại nhiều xã … phần lớn cán bộ đều vắng mặt"). A feature of its
    own, not `place`'s: a finding naming a unit and one stating a count answer apart (in the judged
    pools of such questions, relevant: both 96 %, the unit alone 81 %, the count alone 42 %, neither
    19 %). Of either sense: the ranking questions' answers give the places at both ends of the table
    ("thấp nhất" is answered by the scores of all), and a count in the contrary sense left out
    measured level (docs/search-quality.md, Session 24, quest24). A query naming the figure it asks
    for ("tỷ lệ giải quyết hồ sơ đúng hạn", "số lượng hồ sơ quá hạn", "đạt bao nhiêu %") asks for it
    too, which place it asks or none (intents.toml [amount] `figures`; session 28, read40)."""
    if not asked.plan.amount_asked:
        return 0.0
    return float(load_lexicon().amount.counted(c.record.text))


def answer_held(c: Candidate, asked: Asked, pool: int) -> float:
    """Whether the finding holds what an answer to the question holds (Plan.answer: "tại sao"
    → "nguyên nhân", "là do"; "đơn vị nào đứng đầu" → "dẫn đầu", "xếp thứ"), outside the phrases
    that are other words (Plan.unlike: "người đứng đầu"). A cause question is answered by the
    finding giving the cause, a ranking question by the one giving the place, and the genre says
    either with a few words of its own whatever the question's words (intents.toml [[answer]]).
    0 when the question asks for no such answer, without reading the finding."""
    plan = asked.plan
    if not plan.answer:
        return 0.0
    return float(any(c.written.holds_apart(a, asked.unlike) for a in plan.answer))


@lru_cache(maxsize=1024)
def _heading(title: str) -> Written:
    """A document's heading as the features read it, made once per document, not per finding:
    a pool holds several findings of one document, and a heading may be its lead paragraph."""
    return Written.of_text(title)


def heading_held(c: Candidate, asked: Asked, pool: int) -> float:
    """The share of the query's groups said in words that the heading of the finding's document
    holds (FindingRecord.headline: the report's or article's title, else its lead paragraph). A
    report or article of the genre is headed by its subject ("Kiểm tra công tác CCHC của huyện
    …", a lead saying who was found late and where), so a finding under a heading naming the
    query's matter is said in that matter's context, where one holding the same words in an
    unrelated document mentions them in passing. Measured held out (benchmarks/train_ranker.py
    --cv, 380 queries): five folds 0.794 → 0.799. 0 for a document without heading."""
    groups = [g for g in asked.plan.groups if g.alternatives]
    heading = c.record.headline
    if not groups or not heading:
        return 0.0
    return _share_said(_heading(heading), groups)


def length(c: Candidate, asked: Asked, pool: int) -> float:
    """The finding's length, on a log scale (1.0 at 100 syllables): a long finding holds the
    query's words by chance more often, and a finding is judged on its point, not its length."""
    return math.log1p(len(c.written.syllables)) / LENGTH_SCALE


def concepts_held(c: Candidate, asked: Asked, pool: int) -> float:
    """The share of the query's concepts (index/vi/concepts.toml) the finding says in other words,
    naming a narrower thing and not the concept (index.concepts.share_held): asked about "cơ sở
    vật chất", a finding listing máy tính and ghế chờ answers, though it holds none of the
    query's words; the genre writes a concept as its instances. 0 when the query names no
    concept, without reading the finding's text."""
    return share_held(asked.concepts, c.written.holds) if asked.concepts else 0.0


def matter_groups(plan: Plan) -> tuple[Group, ...]:
    """The plan's groups said in words (not a unit's name, not a polarity cue) whose typed term is
    not made of frame words (index.query.frame_group, as the partial stages read them)."""
    return tuple(g for g in plan.groups
                 if g.alternatives and not g.unit and not g.sense and not frame_group(g))


def matter_held(c: Candidate, asked: Asked, pool: int) -> float:
    """The share of the query's matter groups the finding holds: its groups said in words, but
    those made of the genre's frame words (`is_frame`: "cán bộ công chức", "bộ phận một cửa",
    "thủ tục hành chính"). Every finding of the genre speaks of officials, offices, procedures
    and files, so asked "đào tạo bồi dưỡng cán bộ công chức", a finding holding "cán bộ, công
    chức" alone ("Cán bộ, công chức đều đeo thẻ") holds half the query's groups and none of
    what it asks. 0 when every group is frame words or names a unit, without
    reading the finding."""
    matter = asked.matter
    if not matter:
        return 0.0
    return _share_said(c.written, matter)


@lru_cache(maxsize=1)
def _team_words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The heads of an inspecting team and what it is named for, folded syllables, the longer kind
    first (core/inspectors.toml `teams`, `team_kinds`)."""
    kinds = {tuple(k.split()) for k in team_kinds()}
    return frozenset(team_heads()), tuple(sorted(kinds, key=lambda k: (-len(k), k)))


def _names_a_team_kind(group: Group) -> bool:
    """Whether an alternative of the group holds a kind a team is named for ("kiểm tra", "công vụ")."""
    _, kinds = _team_words()
    for alt in group.alternatives:
        folded = tuple(folded_syllable(s) for s in alt.syllables)
        if any(folded[k:k + len(kind)] == kind for kind in kinds for k in range(len(folded))):
            return True
    return False


def team_places(folded: Sequence[str]) -> frozenset[int]:
    """The positions of the folded syllables that name an inspecting team after its head: the kinds
    following "đoàn" or "tổ" ("Đoàn [kiểm tra công vụ]", "Tổ [công tác]"), not the head itself."""
    heads, kinds = _team_words()
    inside: set[int] = set()
    for k, syllable in enumerate(folded):
        if syllable not in heads:
            continue
        j = k + 1
        while (kind := next((d for d in kinds if tuple(folded[j:j + len(d)]) == d), None)) is not None:
            inside.update(range(j, j + len(kind)))
            j += len(kind)
    return frozenset(inside)


def team_named_only(c: Candidate, asked: Asked, pool: int) -> float:
    """The share of the query's matter groups (`Asked.matter`) the finding holds only inside the
    name of the team that inspected ("Đoàn kiểm tra đề nghị …", "Tổ kiểm tra công vụ huyện ghi
    nhận …"): 0 when every group it holds is said elsewhere too, and for a query none of whose
    matter an inspecting team's name can hold, without reading the finding.

    Why: the genre's findings are the inspecting team's, and it names itself in them ("Đoàn kiểm
    tra công vụ của thành phố đề nghị các đơn vị …"), so "kiểm tra", "công vụ", "công tác" are
    held by every finding that cites the team, whatever it is about. A query asking about checking
    as a unit's own work ("công tác kiểm tra, đôn đốc CCHC", "tự kiểm tra cải cách hành chính")
    asks for the findings saying a unit checks its subordinates ("UBND huyện … có tổ chức kiểm tra
    từ đầu năm"), and the team's name answers none of it: `matter_held` counted the word all
    the same. Typed with its head ("đoàn kiểm tra đề nghị gì"), the group starts at the head,
    which is outside the name's kinds: the team is what is asked, and this stays 0. Learned with
    the others; core/inspectors.toml is the one table of the team's words (read44)."""
    groups = asked.team_matter
    if not groups:
        return 0.0
    written = c.written
    places: frozenset[int] | None = None
    only = 0
    for group in groups:
        spans = [(k, len(a.syllables)) for a in group.alternatives for k in written.positions(a)]
        if not spans:
            continue
        if places is None:
            places = team_places(written.folded)
        if all(p in places for k, n in spans for p in range(k, k + n)):
            only += 1
    return only / len(asked.matter)


# ----------------------------------------------------------------------------------- the pool around


FEEDBACK_TOP = 5  # the engine's first findings of other documents whose words relevance feedback reads
# Characters between two findings of one document that still make them one passage (`Around.passage`):
# the dev texts' findings are ~110 characters (median) and follow one another a few characters apart
# (median gap 2, nine in ten within 71), so 300 reaches the two or three findings on each side, past
# one the pool lacks; in a short article (9 of the 49 dev documents with two findings or more) it
# reaches the whole document.
PASSAGE_GAP = 300


def _terms(written: Written) -> frozenset[str]:
    """A text's terms for comparing findings: its folded syllables and each pair of neighbouring
    ones (a Vietnamese word is mostly two syllables: "phiếu hẹn" is the pair, not "phiếu" and
    "hẹn" apart). Folded, so findings written with and without accents compare."""
    folded = written.folded
    return frozenset((*folded, *(f"{a} {b}" for a, b in zip(folded, folded[1:], strict=False))))


class Around:
    """The pool a candidate came in, as a feature reading past one finding sees it: its findings
    in the engine's order (a candidate's `rank` is its place here), their texts as the features
    read them (`written`, made once, shared with the candidates), their words weighed and
    averaged (`vectors`, `profile`) and their documents (`passage`) once per pool on first use,
    not once per finding.

    It holds the pool's records, not its candidates: a candidate holds its pool, and a pool
    holding the candidates back would make each search's pool a reference cycle, which only the
    garbage collector frees (a thousand objects a search, promoted to the older generations,
    whose collections then took 7–180 ms in the middle of a search at 100,000 findings)."""

    __slots__ = ("_documents", "_held", "_profiles", "_shares", "_vectors", "_written", "records")

    def __init__(self, records: Sequence[FindingRecord]) -> None:
        self.records = records
        self._written: list[Written | None] = [None] * len(records)
        self._vectors: list[dict[str, float]] | None = None
        self._profiles: dict[tuple[tuple[int, ...], tuple[str, ...]], tuple[dict[str, float], float]] = {}
        self._documents: dict[str, list[int]] | None = None
        self._held: dict[str, int] | None = None
        self._shares: dict[tuple[Group, ...], list[float]] = {}

    def passage(self, rank: int) -> list[int]:
        """The ranks of the pool's other findings of the same document within PASSAGE_GAP
        characters of the one at `rank` (by their offsets, FindingRecord.start/end): its
        neighbours in the passage, as far as the pool holds them."""
        if self._documents is None:
            self._documents = {}
            for k, r in enumerate(self.records):
                self._documents.setdefault(r.doc_key, []).append(k)
        own = self.records[rank]
        return [k for k in self._documents[own.doc_key] if k != rank
                and max(self.records[k].start - own.end, own.start - self.records[k].end) <= PASSAGE_GAP]

    def written(self, rank: int) -> Written:
        """The text of the pool's finding at `rank` as the features read it (Written), made once."""
        made = self._written[rank]
        if made is None:
            made = self._written[rank] = Written.of(self.records[rank])
        return made

    def vectors(self) -> list[dict[str, float]]:
        """Each finding's terms (`_terms`) weighed by how few of the pool's findings hold them
        (`weight`): a term most of the pool holds (the query's own words, the genre's frame)
        tells little apart."""
        if self._vectors is None:
            terms = [_terms(self.written(k)) for k in range(len(self.records))]
            held: dict[str, int] = {}
            for ts in terms:
                for t in ts:
                    held[t] = held.get(t, 0) + 1
            self._held = held
            self._vectors = [{t: self.weight(t) for t in ts} for ts in terms]
        return self._vectors

    def weight(self, term: str) -> float:
        """A term's weight in the pool: log((findings + 1) / (findings holding it + 0.5)), the
        most for a term no finding of the pool holds."""
        if self._held is None:
            self.vectors()
        held = self._held or {}
        return math.log((len(self.records) + 1) / (held.get(term, 0) + 0.5))

    def shares(self, groups: tuple[Group, ...]) -> list[float]:
        """Per finding of the pool, the share of `groups` (the query's matter, Asked.matter) it
        holds (1.0 for all when there are none), once per pool."""
        made = self._shares.get(groups)
        if made is None:
            made = self._shares[groups] = [
                _share_said(self.written(k), groups) if groups else 1.0 for k in range(len(self.records))]
        return made

    def nearest(self, rank: int) -> list[int]:
        """The ranks of the finding's nearest neighbours in its passage (`passage`), one on each
        side at most: the pool's finding of the same document that ends last before it starts, and
        the one that starts first after it ends."""
        own = self.records[rank]
        near = self.passage(rank)
        before = [k for k in near if self.records[k].end <= own.start]
        after = [k for k in near if self.records[k].start >= own.end]
        return ([max(before, key=lambda k: self.records[k].end)] if before else []) \
            + ([min(after, key=lambda k: self.records[k].start)] if after else [])

    def profile(self, doc_key: str, asked: Asked) -> tuple[dict[str, float], float]:
        """The feedback profile for a finding of `doc_key` (`feedback` says why), and its norm
        (empty, 0 when there is nothing to read): the mean vector of the pool's first
        FEEDBACK_TOP findings of other documents holding the query's whole matter (else of the
        first FEEDBACK_TOP of other documents), as a unit vector, plus the query's own terms
        (`_terms` of Asked.typed, weighed as the pool's) as another. Kept by the findings it
        averages and the query, not by the document: every document absent from the pool's first
        findings shares one profile, so a pool makes a few, not one per document."""
        shares = self.shares(asked.matter)  # the whole matter held: 1.0 (all, when there is none)
        others = [k for k, r in enumerate(self.records) if r.doc_key != doc_key]
        chosen = tuple(islice((k for k in others if shares[k] == 1.0), FEEDBACK_TOP)) \
            or tuple(others[:FEEDBACK_TOP])
        key = (chosen, asked.typed)
        if key not in self._profiles:
            vectors = self.vectors()
            mean: dict[str, float] = {}
            for k in chosen:
                for t, w in vectors[k].items():
                    mean[t] = mean.get(t, 0.0) + w / len(chosen)
            query = {t: self.weight(t) for t in _terms(Written.of_text(" ".join(asked.typed)))} \
                if asked.typed else {}
            profile: dict[str, float] = {}
            for part in (mean, query):
                norm = math.sqrt(sum(w * w for w in part.values()))
                for t, w in part.items():
                    profile[t] = profile.get(t, 0.0) + w / norm
            self._profiles[key] = profile, math.sqrt(sum(w * w for w in profile.values()))
        return self._profiles[key]


def feedback(c: Candidate, asked: Asked, pool: int) -> float:
    """The cosine of the finding's terms with the pool's feedback profile (`Around.profile`), each
    term weighed by how few of the pool hold it (`Around.vectors`): relevance feedback, the
    engine's first findings standing in for the relevant ones. A relevant finding worded otherwise
    than the query (the answer to a question holding none of its words, "giấy biên nhận" for
    "phiếu hẹn") still shares the matter's words with the findings saying it as asked: the genre
    says one matter in a few set phrases ("trả kết quả", "quá hạn", "một cửa"). Other documents
    only: findings of one report share its units, dates and turns of phrase, which say where a
    finding comes from, not what it is about. Joined in session 9 (five folds 0.8246 → 0.8255 over
    428 queries). 0 for a finding alone (no pool).

    Guarded against query drift (session 18, fb18), the known failure of pseudo-relevance
    feedback: when the engine's first findings are mostly a neighbouring matter (asked "xã nào
    niêm yết TTHC địa chính chưa cập nhật", the pool is full of "chưa cập nhật" of other kinds),
    their mean is the neighbour's profile, and the feature lifts the typical neighbour over the
    answer. Two standard cures, both taken: the findings averaged are the first of other documents
    that hold the query's whole matter (Asked.matter; the first of other documents when none
    does), as feedback documents chosen by a Boolean filter on the query (Mitra, Singhal & Buckley
    1998); and the profile is anchored to the query, its mean and the query's own terms mixed
    half and half as unit vectors (RM3's interpolation with the original query), so the query's
    terms the pool seldom holds weigh in it. Held out (benchmarks/train_ranker.py --cv, 956
    queries), against the mean of the first five of other documents: the twentieth trained on the
    18 sets before it 0.791 → 0.803, the twenty-first on the 19 before 0.795 → 0.804, both on the
    18 before 0.794 → 0.803; five folds 0.859 → 0.860 (docs/search-quality.md, Session 18)."""
    if c.around is None:
        return 0.0
    profile, norm = c.around.profile(c.record.doc_key, asked)
    own = c.around.vectors()[c.rank]
    if not norm or not own:
        return 0.0
    shared = sum(w * profile.get(t, 0.0) for t, w in own.items())
    return shared / (norm * math.sqrt(sum(w * w for w in own.values())))


def passage_adds(c: Candidate, asked: Asked, pool: int) -> float:
    """The share of the query's matter groups (`matter_groups`, Asked.matter) that the finding's
    passage holds and the finding does not, when the finding holds some of them itself: its
    passage is its neighbours of the same document in the pool (`Around.passage`, within
    PASSAGE_GAP characters). A report or article states one matter
    as a passage, a lead ("Còn một số hạn chế như:") and its items, or a paragraph whose sentences
    each add a detail of one shortcoming ("hồ sơ trễ hạn" in one, "chưa có văn bản xin lỗi" in the
    next): a finding holding part of what is asked, whose passage holds the rest, states the
    matter asked with its passage, where the same part alone elsewhere is another matter. A
    finding holding none of it is not lifted: it is its neighbour's passage, not its matter.
    Held out (benchmarks/train_ranker.py --cv, 764 queries): five folds 0.8648 → 0.8670, the
    sixteenth and seventeenth trained on the sets before them 0.8354 → 0.8428. 0 for a finding
    alone (no pool) or with no neighbour, and for a query with no matter (every group frame
    words, a polarity cue or a unit's name, as `matter_held` reads it): a neighbour holding "bộ
    phận một cửa" or "chưa" completes no matter."""
    groups = asked.matter
    if c.around is None or not groups:
        return 0.0
    own = [any(c.written.holds(a) for a in g.alternatives) for g in groups]
    if all(own) or not any(own):
        return 0.0
    near = c.around.passage(c.rank)
    if not near:
        return 0.0
    texts = [c.around.written(k) for k in near]
    return sum(not held and any(t.holds(a) for t in texts for a in g.alternatives)
               for g, held in zip(groups, own, strict=True)) / len(groups)


def beside_matter(c: Candidate, asked: Asked, pool: int) -> float:
    """The engine's rank (`engine_rank`) of the finding's nearest neighbour in its passage
    (`Around.nearest`: the pool's finding of the same document just before or just after it,
    within PASSAGE_GAP characters) that says more of the query's matter than the finding does;
    the better of the two; 0 when neither does. The genre tells one matter in a run of
    sentences or clauses: the first names it ("Tại xã A, việc liên thông khai sinh - thường trú
    chậm hơn quy định"), the next go on with its parts, dates and consequences in words of
    their own ("đến nay vẫn chưa có kết quả …"), or a lead names it and its items follow.
    Judges grade such a continuation as part of the matter (grade 2) or as its neighbouring
    matter in the same passage (grade 1), and every word feature ranks it down for lacking the
    query's words. Which neighbour starts the matter tells: in the 1,148 judged pools, a finding
    whose previous pool finding, no more than 30 characters before it, holds the whole matter
    that it lacks is relevant about half the time (a previous one further off: 18 %), and nine
    times in ten not when that neighbour is itself graded 0. The neighbour's own engine rank
    stands in for its relevance, which the reranker cannot see; a passage's farther findings
    say other matters as often as this one (session 18, pass18: every finding of the passage
    lifted). 0 for a finding alone (no pool) and for a query with no matter (`matter_held`).
    Held out (benchmarks/train_ranker.py --cv, 1,148 queries): five folds 0.8602 → 0.8628 (six
    other shuffles +0.0024 … +0.0027; docs/search-quality.md, Session 20)."""
    groups = asked.matter
    if c.around is None or not groups:
        return 0.0
    shares = c.around.shares(groups)
    return max((rank_score(k, pool) for k in c.around.nearest(c.rank) if shares[k] > shares[c.rank]),
               default=0.0)


def result_stated(c: Candidate, asked: Asked, pool: int) -> float:
    """Whether the query names an indicator of reform (Chỉ số CCHC, SIPAS, a ranking, a rate) and
    the finding states a result of one: a score, rate, place, change of place or grade ("đạt
    92,16 điểm, xếp thứ 2", "giảm 1 bậc", "đạt 98,5 %"; index/vi/indicators.toml). Staff naming
    an indicator want its results, and the findings that merely name it (a plan to raise it, a
    duty to survey) hold the query's words as well. 0 when the query names no indicator, without
    reading the finding."""
    return float(asked.indicator and load_indicators().states_result(c.record.text))


def year_named(c: Candidate, asked: Asked, pool: int) -> float:
    """+1 when the query names a year (index.query.Plan.year: "năm 2021", "quý IV 2021",
    "T10/2021") and the finding is of it (FindingRecord.year: its inspection's, else its
    publication's), -1 when it is of another year or of none known; 0 when no year is named.
    Why: a report's findings do not repeat the year of the inspection they come from, and a query
    naming a period asks about that period (index/vi/periods.toml): in the 29 judged queries of
    six sets typing one year, all but two of the 186 findings graded relevant are of that year."""
    if asked.plan.year is None:
        return 0.0
    return 1.0 if c.record.year == asked.plan.year else -1.0


Feature = Callable[[Candidate, Asked, int], float]

# Every feature by the name the weights file uses, in a fixed order.
FEATURES: dict[str, Feature] = {
    "rank": engine_rank,
    "words": words_held,
    "polarity": polarity_match,
    "area": area_named,
    "theme": theme_own,
    "spoken": theme_spoken,
    "unit": unit_named,
    "answer": answer_held,
    "place": place_named,
    "length": length,
    "concepts": concepts_held,
    "matter_words": matter_held,
    "heading": heading_held,
    "feedback": feedback,
    "result": result_stated,
    "count": count_stated,
    "passage": passage_adds,
    "beside": beside_matter,
    "year": year_named,
    "team": team_named_only,
}


def candidates(hits: Sequence[Hit]) -> list[Candidate]:
    """The engine's hits as candidates, in the engine's order, each knowing the pool it came in
    (`Around`: what the features reading past one finding share)."""
    around = Around([h.record for h in hits])
    return [Candidate(h.record, k, around) for k, h in enumerate(hits)]


def feature_rows(cands: Sequence[Candidate], asked: Asked, pool: int,
                 names: Sequence[str] = tuple(FEATURES)) -> list[list[float]]:
    """Each candidate's feature values, in the order of `names`."""
    fns = [FEATURES[n] for n in names]
    return [[fn(c, asked, pool) for fn in fns] for c in cands]


# ----------------------------------------------------------------------------------------------- the ranker


@dataclass(frozen=True)
class Ranker:
    """A linear score over named features, and the pool it was trained on: the weights file."""

    weights: dict[str, float]
    pool: int = DEFAULT_POOL

    def scores(self, rows: Sequence[Sequence[float]], names: Sequence[str]) -> list[float]:
        w = [self.weights.get(n, 0.0) for n in names]
        return [sum(wi * xi for wi, xi in zip(w, row, strict=True)) for row in rows]

    @property
    def names(self) -> tuple[str, ...]:
        """The features the weights use (in FEATURES' order): only those are computed."""
        return tuple(n for n in FEATURES if self.weights.get(n))

    def order(self, hits: Sequence[Hit], asked: Asked) -> list[Hit]:
        """The hits by score, highest first; ties keep the engine's order."""
        if len(hits) < 2:
            return list(hits)
        return [hit for hit, _ in self.ranked(hits, asked)]

    def ranked(self, hits: Sequence[Hit], asked: Asked) -> list[tuple[Hit, float]]:
        """The hits by score, highest first, each with its score (what ranked it), within their
        tiers (`tier`: the place named, then the section asked for, first); ties keep the
        engine's order."""
        names = self.names
        cands = candidates(hits)
        scored = self.scores(feature_rows(cands, asked, self.pool, names), names)
        first = [tier(c, asked, self.pool) for c in cands]
        order = sorted(range(len(hits)), key=lambda k: (-first[k], -scored[k], k))
        return [(hits[k], scored[k]) for k in order]

    def to_json(self, about: dict[str, object] | None = None) -> str:
        data = {"about": about or {}, "pool": self.pool,
                "weights": {n: round(self.weights.get(n, 0.0), 4) for n in FEATURES}}
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def parse_ranker(text: str) -> Ranker:
    """A Ranker from the weights file's JSON; a feature the code does not know is an error (a
    file from another version), a feature the file does not name weighs 0."""
    data = json.loads(text)
    weights = {str(k): float(v) for k, v in data.get("weights", {}).items()}
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise ValueError(f"unknown rerank features: {', '.join(unknown)}")
    return Ranker(weights, int(data.get("pool", DEFAULT_POOL)))


@lru_cache(maxsize=1)
def load_ranker(path: Path = WEIGHTS_FILE) -> Ranker:
    """The shipped weights (read once per process)."""
    return parse_ranker(path.read_text(encoding="utf-8"))
