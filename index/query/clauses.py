"""How a query's groups join into clauses (`clauses`, `coordinated`): which groups are required
together, which ranked, and which a list typed with "và", "hoặc" or commas offers as alternatives of
one conjunct. Why apart: the analysis reads the words; joining what it read is one step after it,
with rules of its own (a list of one kind of group only, a condition's groups ranked).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from index.query.common import SETTING_FORMS
from index.query.plan import Alternative, Group


def conditioned(groups: list[Group], condition: int) -> tuple[list[Group], list[Alternative]]:
    """A question's groups with those of its condition ranked, not required: the groups before its
    last "thì" (`condition` of them), the comment after it naming a matter of its own (a group
    `listable`), while its polarity cues are left to the comment (`_cut_run`).

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


def add_group(group: Group, ranked: bool, groups: list[Group], optional: list[Alternative]) -> None:
    """A group cut from a run, added to the required `groups`; or, when it says where or when the
    topic is asked about (`ranked`: a setting after "ở", a question's clause of circumstance:
    "hotline phản ánh kiến nghị ở 1 cửa"), its first forms (`SETTING_FORMS`) to the ranked words."""
    if ranked:
        optional.extend(group.alternatives[:SETTING_FORMS])
    else:
        groups.append(group)


def clauses(groups: list[Group], links: set[int]) -> tuple[list[Group], list[Alternative]]:
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
        if not all(listable(groups[j]) for j in (*left, *right)):
            continue
        verbs = [a for j in (*left[:-1], *right[:-1]) for a in groups[j].alternatives[:1]]
        kept = [g for j, g in enumerate(groups) if j not in {*left[:-1], k, *right[:-1]}]
        links.clear()
        links.add(left[-1] - len(left) + 2)  # the matter of the left clause, its verbs gone
        return kept, verbs
    return groups, []


def coordinated(groups: list[Group], links: Collection[int]) -> list[Group]:
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
            out.append(Group(unique(alternatives)))
        elif k not in inside:
            out.append(group)
    return out


def _conjunct(groups: Sequence[Group], k: int, step: int, links: Collection[int]) -> tuple[int, ...] | None:
    """The groups of one conjunct beside a link: group `k`, with its neighbour further from the
    link (`step`) when `k` is one syllable alone and the neighbour is no link's; None when `k`
    cannot be listed (a unit, a document number, a negation: `listable`)."""
    if not listable(groups[k]):
        return None
    far = k + step
    lone = len(groups[k].alternatives) == 1 and len(groups[k].alternatives[0].syllables) == 1
    beyond = far if step > 0 else k  # the link between k and far, seen from the later group
    if lone and 0 <= far < len(groups) and listable(groups[far]) and beyond not in links:
        return (min(k, far), max(k, far))
    return (k,)


def listable(group: Group) -> bool:
    """Whether a group may be a conjunct: a matter, not a unit, a document number or a sense."""
    return not (group.keyed or group.sense) and not group.alternatives[0].prefix


def _conjunct_alternatives(groups: Sequence[Group], conjunct: tuple[int, ...]) -> list[Alternative]:
    """A conjunct as alternatives of the coordinated group: one group's own, or two groups'
    typed words in a row as one phrase ("sổ theo dõi")."""
    if len(conjunct) == 1:
        return list(groups[conjunct[0]].alternatives)
    return [Alternative(tuple(s for k in conjunct for s in groups[k].alternatives[0].syllables))]


def unique(alternatives: Iterable[Alternative]) -> tuple[Alternative, ...]:
    """Alternatives without repeats; one typed with accents covers the same one folded only
    when they are equal, so both may stay (the folded one is the wider)."""
    seen: dict[tuple[tuple[str, ...], bool], Alternative] = {}
    for alt in alternatives:
        seen.setdefault((alt.syllables, alt.prefix), alt)
    return tuple(seen.values())
