"""The genre's concepts (index/vi/concepts.toml): a broader term staff ask with, and the narrower,
concrete things the reports write under it.

Why: the ranking's weakest queries name a concept ("cơ sở vật chất bộ phận một cửa", "ứng dụng
CNTT trong giải quyết TTHC", "có mô hình, sáng kiến nào hay") whose answers are written as its
instances (máy tính, máy lấy số; phần mềm một cửa, chữ ký số; kiosk, lấy số qua Zalo). A
synonym names the same thing (index/vi/synonyms.toml); a concept's narrower terms are other
things, which no bm25 over the query's words can bring near. This module compiles the data
(kept apart from reading it, so it is testable), finds the concepts a query asks about, and
measures how much of them a finding's text holds; index/rerank.py weighs that as a feature.

Rules the compiler enforces (the file's header says why): each entry has broader terms,
narrower terms (written, or `agencies`: the heads of core/agencies.toml whose every agency is an
instance, so the offices of a district are listed once, where the agencies are) and a `why`; a
term is written once in an entry and never as both broader and narrower of it, nor as a narrower
term holding a broader one ("sổ hộ tịch" under "hộ tịch": a finding saying it names the concept,
so it never counts); a broader term heads one entry only.
A narrower term may stand under several entries. Anything else is an error naming the entry,
not a silent skip.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.agencies import AgencyTable, agencies
from core.normalize import fold
from index.query import CONCEPTS_FILE, Alternative, Plan, holds_run, load_lexicon, run_starts, syllables_of

_KEYS = frozenset({"broader", "narrower", "agencies", "includes", "why"})

Syllables = tuple[str, ...]


class ConceptError(ValueError):
    """A malformed concepts file: the message names the entry and what is wrong with it."""


@dataclass(frozen=True, slots=True)
class Concept:
    """One entry: its name (the first broader term as written), the broader terms a query asks
    with and the narrower terms a finding writes, each as lowercase canonical-tone syllables;
    both also as the query plan's alternatives (`broader_alternatives`, `narrower_alternatives`),
    made once, since the reranker matches them against every finding of the pool."""

    name: str
    broader: tuple[Syllables, ...]
    narrower: tuple[Syllables, ...]
    why: str
    broader_alternatives: tuple[Alternative, ...] = field(init=False, repr=False, compare=False)
    narrower_alternatives: tuple[Alternative, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "broader_alternatives", tuple(Alternative(t) for t in self.broader))
        object.__setattr__(self, "narrower_alternatives", tuple(Alternative(t) for t in self.narrower))


# ----------------------------------------------------------------------------------------------- compiling


def compile_concepts(entries: Iterable[Mapping[str, Any]],
                     synonym_sets: Iterable[Sequence[Syllables]] = (),
                     table: AgencyTable | None = None) -> tuple[Concept, ...]:
    """The concepts of the file's [[concept]] tables, checked (ConceptError names the entry at
    fault), each term widened by its synonym sets (a whole term that is a member of a set brings
    the set's other members: "đi muộn" also holds as "đến trễ"). A synonym that is already a
    term of the entry on the other side stays there only. An entry's `agencies` (heads of the
    agency table, `table`, the shipped one by default) bring every written form of every agency
    of that head as narrower terms; its `includes` (broader terms of other entries) bring those
    entries' narrower terms."""
    entries = list(entries)
    sets = [tuple(s) for s in synonym_sets]
    concepts: list[Concept] = []
    heads: dict[Syllables, str] = {}
    for k, entry in enumerate(entries, 1):
        concept = _entry(k, entry, table)
        for term in concept.broader:
            if term in heads:
                raise ConceptError(f"concept {k} ({concept.name!r}): broader term {' '.join(term)!r} "
                                   f"already heads concept {heads[term]!r} (merge the two)")
            heads[term] = concept.name
        concepts.append(concept)
    concepts = [_with_included(k, c, entry, concepts, heads)
                for k, (c, entry) in enumerate(zip(concepts, entries, strict=True), 1)]
    return tuple(_widened(c, sets) for c in concepts)


def _with_included(k: int, concept: Concept, entry: Mapping[str, Any], concepts: Sequence[Concept],
                   heads: Mapping[Syllables, str]) -> Concept:
    """`concept` with the narrower terms of the concepts its `includes` names by a broader term:
    a concept holding another whole ("hiện đại hóa hành chính" holds e-government's tools and ISO
    9001) lists the other's instances once, where they are, not as a copy that drifts apart."""
    raw = entry.get("includes")
    if raw is None:
        return concept
    label = f"concept {k} ({concept.name!r})"
    if not isinstance(raw, list) or not raw or not all(isinstance(h, str) for h in raw):
        raise ConceptError(f"{label}: `includes` must be a non-empty list of other concepts' broader terms")
    by_name = {c.name: c for c in concepts}
    narrower = dict.fromkeys(concept.narrower)
    for head in raw:
        name = heads.get(syllables_of(head))
        if name is None or name == concept.name:
            raise ConceptError(f"{label}: `includes` {head!r} heads no other concept")
        narrower.update(dict.fromkeys(t for t in by_name[name].narrower if t not in concept.broader))
    return Concept(concept.name, concept.broader, tuple(narrower), concept.why)


def _entry(k: int, entry: Mapping[str, Any], table: AgencyTable | None = None) -> Concept:
    """One [[concept]] table as a Concept, or a ConceptError saying what is wrong with it."""
    if not isinstance(entry, Mapping):
        raise ConceptError(f"concept {k}: not a table")
    label = f"concept {k}"
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise ConceptError(f"{label}: unknown key(s) {', '.join(unknown)} "
                           "(expected broader, narrower, agencies, includes, why)")
    broader = _terms(label, entry, "broader")
    label = f"concept {k} ({' '.join(broader[0])!r})"
    offices = _agency_terms(label, entry, table)
    written = _terms(label, entry, "narrower") if "narrower" in entry or not offices else ()
    narrower = (*written, *(t for t in offices if t not in written))
    why = entry.get("why")
    if not isinstance(why, str) or not why.strip():
        raise ConceptError(f"{label}: no `why` (say why the relation holds for the genre)")
    both = sorted(set(broader) & set(narrower))
    if both:
        raise ConceptError(f"{label}: {' '.join(both[0])!r} is both broader and narrower")
    # A finding saying such a term says the broader one too, and `share_held` counts a finding
    # naming an instance only when it names no broader term: the term could never count.
    holding = next(((n, b) for n in narrower for b in broader if holds_run(n, b)), None)
    if holding:
        narrow, broad = (" ".join(term) for term in holding)
        raise ConceptError(f"{label}: narrower {narrow!r} holds broader {broad!r}"
                           " (a finding saying it names the concept: it never counts)")
    return Concept(str(entry["broader"][0]).strip(), broader, narrower, " ".join(why.split()))


def _agency_terms(label: str, entry: Mapping[str, Any], table: AgencyTable | None) -> tuple[Syllables, ...]:
    """Every written form (core/agencies.toml) of every agency whose head the entry's `agencies`
    names ("Phòng": phòng nội vụ, phòng tư pháp, phòng tn&mt …): the offices of a tier are one
    fact, kept where the agencies are; a head the table does not know is an error."""
    raw = entry.get("agencies")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw or not all(isinstance(h, str) for h in raw):
        raise ConceptError(f"{label}: `agencies` must be a non-empty list of heads (\"Phòng\", \"Sở\")")
    table = table or agencies()
    out: dict[Syllables, None] = {}
    for head in raw:
        prefix = syllables_of(head)
        forms = [form for form, agency in table.forms.items()
                 if (name := syllables_of(agency.name))[:len(prefix)] == prefix and len(name) > len(prefix)]
        if not forms:
            raise ConceptError(f"{label}: no agency of core/agencies.toml has the head {head!r}")
        out.update(dict.fromkeys(forms))
    return tuple(out)


def _terms(label: str, entry: Mapping[str, Any], key: str) -> tuple[Syllables, ...]:
    """The entry's list `key` as syllable tuples: a non-empty list of strings with words, each once."""
    raw = entry.get(key)
    if not isinstance(raw, list) or not raw:
        raise ConceptError(f"{label}: `{key}` must be a non-empty list of terms")
    out: list[Syllables] = []
    for term in raw:
        if not isinstance(term, str):
            raise ConceptError(f"{label}: `{key}` holds {term!r}, not a string")
        words = syllables_of(term)
        if not words:
            raise ConceptError(f"{label}: `{key}` holds {term!r}, which has no word")
        if words in out:
            raise ConceptError(f"{label}: {term!r} is written twice in `{key}`")
        out.append(words)
    return tuple(out)


def _widened(concept: Concept, sets: Sequence[Sequence[Syllables]]) -> Concept:
    """The concept with each term's synonyms added on its side (never across)."""
    def widen(terms: tuple[Syllables, ...], other: tuple[Syllables, ...]) -> tuple[Syllables, ...]:
        out = dict.fromkeys(terms)
        for term in terms:
            for members in sets:
                if term in members:
                    out.update(dict.fromkeys(m for m in members if m not in other))
        return tuple(out)

    broader = widen(concept.broader, concept.narrower)
    return Concept(concept.name, broader, widen(concept.narrower, broader), concept.why)


@lru_cache(maxsize=1)
def load_concepts(path: Path = CONCEPTS_FILE) -> tuple[Concept, ...]:
    """The shipped concepts, widened by the shipped synonyms (read once per process)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConceptError(f"{path.name}: not valid TOML ({exc})") from exc
    entries = data.get("concept", [])
    if not isinstance(entries, list):
        raise ConceptError(f"{path.name}: `concept` must be an array of tables ([[concept]])")
    try:
        return compile_concepts(entries, load_lexicon().synonyms)
    except ConceptError as exc:
        raise ConceptError(f"{path.name}: {exc}") from exc


# ----------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Said:
    """One place a broader term is said: in run `run` (0 the query as typed, else a group's
    alternative), syllables `start` to `end`, by concept `concept` (its index)."""

    run: int
    start: int
    end: int
    term: Syllables
    concept: int


def _covered(inner: _Said, said: Sequence[_Said], typed_span: Mapping[int, tuple[int, int] | None],
             group_of: Sequence[int]) -> bool:
    """Whether a longer broader term said at the same place holds `inner` there, so that the longer
    one wins, as a longest-first alternation reads the genre's terms (core/alternation.py): in
    the same run, a span holding its span; in a run of the same group (a group's alternatives
    are one place of the query: a synonym's short form stands where its long form does), or in
    the typed query within that group's typed words, a longer term holding its words; and a
    longer term typed across several groups ("soạn thảo, ban hành văn bản": two groups) holding
    the typed words of the group one of whose alternatives said `inner` ("ban hành văn bản")."""
    for outer in said:
        if len(outer.term) <= len(inner.term):
            continue
        if outer.run == inner.run:
            if outer.start <= inner.start and inner.end <= outer.end:
                return True
            continue
        if outer.run == 0:  # `inner` is a group's (the same run is above): that group's place
            at = typed_span[group_of[inner.run]]
            if at is not None and outer.start <= at[0] and at[1] <= outer.end:
                return True
            continue
        if not holds_run(outer.term, inner.term):
            continue
        group = group_of[outer.run]
        if inner.run != 0:
            if group_of[inner.run] == group:
                return True
            continue
        span = typed_span[group]
        if span is not None and span[0] <= inner.start and inner.end <= span[1]:
            return True
    return False


def asked_concepts(text: str, plan: Plan, concepts: Sequence[Concept]) -> tuple[Concept, ...]:
    """The concepts a query asks about: a broader term in its words as typed, or in one of its
    groups' alternatives (the synonyms the plan gives a word: "CNTT" is "công nghệ thông tin"),
    the longest broader term winning at each place: "xử lý vi phạm" asks about sanctions, not
    also about the breaches of "vi phạm" inside it (`_covered`; a shorter term said elsewhere in
    the query still asks its concept). Each keeps only the narrower terms the query does not
    itself hold: those are the query's own words, which the engine already ranks by; the concept
    is for the instances it did not name ("trụ sở đóng cửa trong giờ làm việc" asks about "đóng
    cửa", and "vắng mặt" is the concept's other answer)."""
    typed = syllables_of(text)
    runs: list[Syllables] = [typed]
    group_of: list[int] = [-1]
    typed_span: dict[int, tuple[int, int] | None] = {}
    for g, group in enumerate(plan.groups):
        for alt in group.alternatives:
            runs.append(alt.syllables)
            group_of.append(g)
        # Where the group's typed words stand in the query: its first alternative, once only.
        first = group.alternatives[0].syllables if group.alternatives else ()
        at = list(run_starts(typed, first)) if first else []
        typed_span[g] = (at[0], at[0] + len(first)) if len(at) == 1 else None
    present = {fold(s) for run in runs for s in run}

    def might(term: Syllables) -> bool:
        # Only a term whose every syllable the query holds, folded, can match: most are skipped here.
        return all(fold(s) in present for s in term)

    def said(term: Syllables) -> bool:
        return might(term) and any(holds_run(run, term) for run in runs)

    heard = [_Said(r, at, at + len(b), b, k)
             for k, c in enumerate(concepts) for b in c.broader if might(b)
             for r, run in enumerate(runs) for at in run_starts(run, b)]
    asked = {s.concept for s in heard if not _covered(s, heard, typed_span, group_of)}
    out = []
    for k, c in enumerate(concepts):
        if k in asked:
            narrower = tuple(n for n in c.narrower if not said(n))
            if narrower:
                out.append(Concept(c.name, c.broader, narrower, c.why))
    return tuple(out)


def share_held(concepts: Sequence[Concept], holds: Callable[[Alternative], bool]) -> float:
    """The share of `concepts` a finding says in other words: it names one of the concept's
    narrower things (`holds` reads the finding's text) and none of its broader terms. Asked about
    "cơ sở vật chất", a finding listing "ghế chờ, máy lấy số" answers though it holds none of the
    query's words; one saying "cơ sở vật chất" already ranks by those words, and an instance
    beside it adds nothing the engine did not see. One instance is enough: a finding is one or
    two sentences.

    Measured (benchmarks/train_ranker.py --cv): counting every finding naming an instance,
    whether or not it also names the concept, did not beat the engine's order held out; this
    reading rose on three of the four held-out splits and stayed level on the fourth."""
    if not concepts:
        return 0.0
    said = sum(any(holds(alt) for alt in c.narrower_alternatives)
               and not any(holds(alt) for alt in c.broader_alternatives) for c in concepts)
    return said / len(concepts)
