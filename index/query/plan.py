"""The plan: what a search must do, in engine-neutral terms (`Plan` of `Group`s of
`Alternative`s); each engine only translates it into its own syntax (index/query/__init__.py
says the matching rules it carries).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from core.normalize import fold
from index.matching import is_accented
from index.query.frame import is_frame, load_frame
from index.spelling import Correction

if TYPE_CHECKING:  # index.concepts reads this module: the type only, for Plan.concepts
    from index.concepts import Concept



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
    """What a search must do, in engine-neutral terms (see index/query/__init__.py)."""

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
    # matter tier's findings holding none of the groups (see index/query/__init__.py).
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
    # The inspecting body the query names for certain, as the inspector filter takes it
    # (Query.inspector): an agency in one of the genre's frames of the inspector ("tồn tại do Sở
    # Nội vụ kiểm tra chỉ ra", "kết quả kiểm tra của Sở Nội vụ": core/inspectors.py, the frames the
    # attribution files a finding's inspector by). None when the query names none, or names the
    # inspector only by a level or a team ("đoàn kiểm tra của tỉnh": whose is not said), whose words
    # then rank. Both engines filter by it (index.base.asked_query) unless the query has its own.
    inspector: str | None = None

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
