"""How much of what the judges found relevant the reranker can reach at all: the recall of the
engine's pool, and why the relevant findings outside it are outside.

Why a script of the project: the reranker (index/rerank.py) only reorders the engine's first
`pool` findings (pipeline/search.py engine_pool), so a relevant finding outside them is lost
whatever the weights learn. This measures, over the judged sets, the share of grade-2 and of
grade-1 judged findings (those an extracted piece pairs with: benchmarks/search_quality.py's
rule) that are in the pool, per set and per query kind, and the nDCG@10 a perfect reranker
would reach within the pool against over the whole corpus (the judged findings' own ideal).

Each relevant finding outside the pool is classed by the first reason that keeps it out (`why`):

- `filter`: the query narrows to a place (a --unit filter, or one place typed: engine_pool puts
  the place's findings first), a year (one typed: engine_pool puts the year's findings first) or
  a section of the reports (Plan.section: the polarity asked for first) and the finding is of
  another place, year or polarity;
- `vocabulary`: it holds none of the query's groups, accents as typed nor folded;
- `folded`: it holds a group only when the query's accents are dropped (a reading of accents);
- `required`: it holds some groups but the partial stages would not admit it (Plan.stage_admits:
  fewer than Plan.minimum, or only the frame or a sense group), so only the fill, the matter
  tier or the last stage (Plan.last_resort, run when the minimum finds nothing, which `why`
  cannot tell: its findings class here) can bring it;
- `fallback`: it holds some groups but not all, the partial stages would admit it, and they bring
  it past the pool or not at all (all groups filled the page, so the partial stages did not run);
- `depth`: it holds every group and the engine's answer has it past the pool.

Counts are (query, judged finding) pairs. `--detail FILE` writes each pair outside the pool.

`--context` classes the same pairs by what would bring them (session 27, ctx27: the census that
decides between a finding's context, its vocabulary and the pool's size), each by the first that
holds, and prices each class by the nDCG@10 ceiling of the pool with that class's findings in it:

- `context` (a): some group the finding lacks is said in the text around it (`surroundings`: the
  rest of its sentence, of its paragraph, the paragraph that leads its list, the short line heading
  its section, its document's headline);
- `depth` (c): the engine's answer (to 400) has it, past the pool: a larger or tiered pool brings it;
- `words` (b): it holds too few of the query's groups and nothing around it holds the rest: the
  matter in other words (vocabulary, paraphrase);
- `other` (d): a place or section asked keeps it out (`filter`), or none of the above.

    .venv/bin/python benchmarks/pool_recall.py --store DIR [--judgments A.json ...] [--pool N]
        [--detail FILE] [--context]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import search_quality as sq  # noqa: E402
from benchmarks.devcorpus import DEFAULT_CORPUS, load_scorer  # noqa: E402
from benchmarks.misses import engine_answer  # noqa: E402
from benchmarks.per_set import set_label, write_detail  # noqa: E402
from benchmarks.train_ranker import JUDGMENTS, ideal_dcg  # noqa: E402
from index.base import FindingRecord, Query  # noqa: E402
from index.query import Alternative, Group, Plan, filter_key  # noqa: E402
from index.rerank import Written, about_keys, inside_keys, load_ranker  # noqa: E402
from pipeline.search import place_first, year_first  # noqa: E402

WHY = ("filter", "vocabulary", "folded", "required", "fallback", "depth")
CLASSES = ("context", "words", "depth", "other")
# The parts of a finding's surroundings `--context` reads, nearest first (`surroundings`).
PARTS = ("sentence", "paragraph", "list_lead", "heading", "headline")
# A paragraph opening on a list mark ("- ", "+ ", "a) ", "2. "): an item of the list a lead heads.
_ITEM = re.compile(r"\s*(?:[-+•*–]|\(?\d{1,2}[.)]|\(?[a-zđ][.)])\s")
HEADING_WORDS = 14  # a heading line's most words (session 19, sect19: headings, captions, subheads)
LIST_ITEMS = 15  # how many items back the lead of a list is looked for
KINDS = ("topic", "unaccented", "question", "unit", "polar", "synonym")


def group_held(group: Group, written: Written, record: FindingRecord, folded: bool = False) -> bool:
    """Whether the finding holds the group as the engines match it: a unit group by being about
    the unit or inside it, a document number by being of that document, else any alternative in
    its text (accents as typed, or every syllable folded when `folded`)."""
    if group.unit and group.unit in about_keys(record) | inside_keys(record):
        return True
    if group.doc_number and group.doc_number in {filter_key(n) for n in record.doc_numbers}:
        return True
    alts = group.alternatives
    if folded:
        alts = tuple(Alternative(a.folded, a.prefix) for a in alts)
    return any(written.holds(a) for a in alts)


def why(plan: Plan, record: FindingRecord, query: Query) -> str:
    """The first reason (`WHY`) a relevant finding is outside the pool of `query` read as `plan`."""
    place = place_first(query, plan)
    wanted = {filter_key(query.unit)} if query.unit else {place} if place else set()
    if wanted and not wanted & (about_keys(record) | inside_keys(record)):
        written = Written.of(record)
        if not any(group_held(g, written, record) for g in plan.groups if g.unit):
            return "filter"
    if plan.section and str(record.polarity) != plan.polarity:
        return "filter"
    if year_first(query, plan) is not None and record.year != plan.year:  # a period asked: the year's first
        return "filter"
    written = Written.of(record)
    held = [group_held(g, written, record) for g in plan.groups]
    if not any(held):
        folded = sum(group_held(g, written, record, folded=True) for g in plan.groups)
        return "folded" if folded else "vocabulary"
    if not all(held):
        # as the partial stages (Plan.stage_admits: a finding holding nothing but the frame or a
        # sense group is no partial match, however few groups the minimum asks)
        return "fallback" if plan.stage_admits(held, plan.minimum) else "required"
    return "depth"


def surroundings(text: str, start: int, end: int) -> dict[str, str]:
    """The text around the finding at [start, end) of its document's `text`, by part (`PARTS` but
    the headline, which the record carries): the rest of its sentence and of its paragraph (the
    finding's own words left out), the paragraph ending in ":" that leads the list it is an item of
    (right before it, or over the items before it when it is an item itself), and the nearest
    short line above it with no closing mark (a section's heading, a subhead, a caption). Empty
    where a part is not there."""
    from nlp.segment import paragraphs, sentences

    paras = paragraphs(text)
    at = next((k for k, p in enumerate(paras) if p.start <= start < p.end), None)
    if at is None:
        return dict.fromkeys(PARTS[:-1], "")
    para = paras[at]
    sent = next((s for s in sentences(text, para) if s.start <= start < s.end), para)
    lead = ""
    for k in range(at - 1, max(at - 1 - LIST_ITEMS, -1), -1):
        line = paras[k].text.rstrip()
        if line.endswith(":"):
            lead = line
            break
        if not (_ITEM.match(paras[k].text) and _ITEM.match(para.text)):
            break  # only an item of a list, over the items before it, is led by the lead
    heading = next((p.text.strip() for p in reversed(paras[:at])
                    if len(p.text.split()) <= HEADING_WORDS and p.text.strip()[-1] not in ".!?;:…"), "")
    return {"sentence": f"{text[sent.start:start]} {text[end:sent.end]}",
            "paragraph": f"{text[para.start:start]} {text[end:para.end]}",
            "list_lead": lead, "heading": heading}


def context_class(plan: Plan, record: FindingRecord, query: Query, around: dict[str, str],
                  answered: bool) -> tuple[str, list[str]]:
    """The class (`CLASSES`) of a relevant finding outside the pool, and the parts of its
    surroundings (`surroundings`, with its document's headline) holding a group it lacks."""
    reason = why(plan, record, query)
    if reason == "filter":
        return "other", []
    written = Written.of(record)
    lacking = [g for g in plan.groups if g.alternatives and not g.keyed
               and not group_held(g, written, record)]
    said = {part: Written.of_text((record.headline or "") if part == "headline" else around[part])
            for part in PARTS}
    parts = [part for part in PARTS if any(said[part].holds(a) for g in lacking for a in g.alternatives)]
    if parts:
        return "context", parts
    if answered:
        return "depth", []
    return ("words", []) if reason in ("vocabulary", "folded", "required") else ("other", [])


def group_text(group: Group) -> list[str]:
    """A group's alternatives as typed, or the unit's key for a unit group without words."""
    return [" ".join(a.syllables) for a in group.alternatives] or [group.unit or ""]


@dataclass
class Tally:
    """Per (set or kind) and grade: judged pairs reachable (a piece pairs), in the pool; the
    reasons; the nDCG ceilings summed over queries."""

    reach: Counter[tuple[str, int]] = field(default_factory=Counter)
    pooled: Counter[tuple[str, int]] = field(default_factory=Counter)
    judged: Counter[tuple[str, int]] = field(default_factory=Counter)
    why: Counter[tuple[str, str]] = field(default_factory=Counter)
    ceiling: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    # `--context`: the classes' pairs (f"{row}|{grade}", class), and per row and class the ceiling
    # of the pool with that class's findings in it, summed over the row's queries
    classes: Counter[tuple[str, str]] = field(default_factory=Counter)
    with_class: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))


def ceiling(grades: Sequence[int], ideal: float) -> float:
    """The nDCG@10 of `grades` in their best order against the judgments' `ideal` DCG."""
    return ideal_dcg(grades) / ideal if ideal else 0.0


def document_texts(database: Path, records: Sequence[FindingRecord]) -> dict[str, str]:
    """Each stored document's text by its key, for the findings' surroundings."""
    from core.settings import load_settings
    from pipeline.process import open_store

    with open_store(load_settings({"db_path": str(database), "backend": "sqlite"})) as store:
        return {key: store.get_document(key).text for key in dict.fromkeys(r.doc_key for r in records)}


def measure(store: Path, paths: Sequence[Path], pool: int,
            context: bool = False) -> tuple[Tally, list[dict[str, Any]]]:
    import json

    from index.query import parse
    from index.sqlite_fts import SqliteFtsBackend
    from pipeline.search import engine_pool, with_matters

    scorer = load_scorer()
    gold = sq.load_gold(DEFAULT_CORPUS, scorer.words)
    database = sq.build_store(DEFAULT_CORPUS, store)
    records = sq.stored_records(database)
    key_of = {r.finding_id: sq.gold_key(r, gold, scorer.words, scorer.dice) for r in records}
    by_key: dict[tuple[str, int], list[FindingRecord]] = defaultdict(list)
    for r in records:
        key = key_of[r.finding_id]
        if key:
            by_key[key].append(r)
    texts = document_texts(database, records) if context else {}
    backend = SqliteFtsBackend(database)
    tally, detail = Tally(), []
    try:
        for path in paths:
            label = set_label(path.name)
            for q in json.loads(path.read_text(encoding="utf-8"))["queries"]:
                judged = sq.judged_keys(q, gold)
                query = Query(text=q["text"], **(q.get("filters") or {}))
                parsed = parse(query.text)
                plan = backend.plan(parsed)
                asked = with_matters(replace(query, limit=sq.DEPTH, offset=0), parsed=parsed, plan=plan)
                found, _ = engine_pool(backend, asked, pool, plan)
                plan = found.plan or plan
                pooled = {key_of[h.record.finding_id] for h in found.hits}
                answer: list[Any] | None = None
                ideal = ideal_dcg(list(judged.values()))
                classed: dict[str, set[tuple[str, int]]] = defaultdict(set)
                for row in (label, q["kind"], "all"):
                    tally.ceiling[row].append((
                        ceiling([g for k, g in judged.items() if k in pooled], ideal),
                        ceiling([g for k, g in judged.items() if k in by_key], ideal)))
                for key, grade in judged.items():
                    if not grade:
                        continue
                    for row in (label, q["kind"], "all"):
                        tally.judged[row, grade] += 1
                        tally.reach[row, grade] += key in by_key
                        tally.pooled[row, grade] += key in pooled
                    if key in pooled or key not in by_key:
                        continue
                    if answer is None:
                        answer = engine_answer(backend, asked, pool, key_of, plan)
                    place = next((k for k, (at, _) in enumerate(answer) if at == key), -1)
                    record = by_key[key][0]
                    reason = why(plan, record, query)
                    for row in (label, q["kind"], "all"):
                        tally.why[f"{row}|{grade}", reason] += 1
                    item = {"set": label, "query": q["id"], "kind": q["kind"], "text": q["text"],
                            "grade": grade, "why": reason, "place": place,
                            "tier": answer[place][1] if place >= 0 else None,
                            "groups": [group_text(g) for g in plan.groups], "finding": record.text}
                    if context:
                        around = surroundings(texts[record.doc_key], record.start, record.end)
                        klass, parts = context_class(plan, record, query, around, place >= 0)
                        classed[klass].add(key)
                        for row in (label, q["kind"], "all"):
                            tally.classes[f"{row}|{grade}", klass] += 1
                        item.update({"class": klass, "parts": parts})
                    detail.append(item)
                if context:
                    for klass in CLASSES:
                        brought = pooled | classed[klass]
                        with_them = ceiling([g for k, g in judged.items() if k in brought], ideal)
                        for row in (label, q["kind"], "all"):
                            tally.with_class[row, klass] += with_them
    finally:
        backend.close()
    return tally, detail


def share(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def print_tables(tally: Tally, rows: Sequence[str]) -> None:
    print("| set or kind | grade 2 in pool | grade 1 in pool | pieces pair (2 / 1) | ceiling pool | "
          "ceiling corpus |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        c = tally.ceiling[row]
        print(f"| {row} | {share(tally.pooled[row, 2], tally.reach[row, 2])} ({tally.pooled[row, 2]}/"
              f"{tally.reach[row, 2]}) | {share(tally.pooled[row, 1], tally.reach[row, 1])} "
              f"({tally.pooled[row, 1]}/{tally.reach[row, 1]}) | "
              f"{share(tally.reach[row, 2], tally.judged[row, 2])} / "
              f"{share(tally.reach[row, 1], tally.judged[row, 1])} | "
              f"{sum(p for p, _ in c) / len(c):.3f} | {sum(f for _, f in c) / len(c):.3f} |")
    print()
    print("| set or kind | grade | " + " | ".join(WHY) + " |")
    print("|---|---|" + "---|" * len(WHY))
    for row in rows:
        for grade in (2, 1):
            cells = (str(tally.why[f"{row}|{grade}", w]) for w in WHY)
            print(f"| {row} | {grade} | " + " | ".join(cells) + " |")


def print_classes(tally: Tally, rows: Sequence[str]) -> None:
    """`--context`'s table: per row, each class's pairs (grade 2 / grade 1) and the ceiling it adds
    to the pool's (its findings in the pool, the others not)."""
    print("| set or kind | ceiling pool | " + " | ".join(f"{c}: 2 / 1, + ceiling" for c in CLASSES) + " |")
    print("|---|---|" + "---|" * len(CLASSES))
    for row in rows:
        n = len(tally.ceiling[row])
        base = sum(p for p, _ in tally.ceiling[row]) / n
        cells = (f"{tally.classes[f'{row}|2', c]} / {tally.classes[f'{row}|1', c]}, "
                 f"+{tally.with_class[row, c] / n - base:.4f}" for c in CLASSES)
        print(f"| {row} | {base:.4f} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--judgments", type=Path, nargs="+", default=list(JUDGMENTS))
    parser.add_argument("--pool", type=int, help="the pool (default: the shipped weights' own)")
    parser.add_argument("--detail", type=Path, help="write every pair outside the pool here as JSON lines")
    parser.add_argument("--context", action="store_true",
                        help="also class each pair by what would bring it (its surroundings, the pool's "
                             "depth, other words) and price each class in nDCG@10 ceiling")
    args = parser.parse_args()
    args.store.mkdir(parents=True, exist_ok=True)
    pool = args.pool or load_ranker().pool
    tally, detail = measure(args.store, args.judgments, pool, args.context)
    print(f"pool {pool}")
    rows = [*(set_label(p.name) for p in args.judgments), *KINDS, "all"]
    print_tables(tally, rows)
    if args.context:
        print()
        print_classes(tally, rows)
    write_detail(args.detail, detail)


if __name__ == "__main__":
    main()
