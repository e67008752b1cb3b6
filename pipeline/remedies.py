"""A conclusion's general remedy joins the pool of a query whose pool holds its shortcomings.

Why: an inspection's conclusion lists what it found wanting, then asks the unit to remedy it in
one clause referring back to the list ("khắc phục những tồn tại, hạn chế nêu trên", "có giải pháp
khắc phục ngay"; index/remedies.py says which recommendations are general). A user asking about a
shortcoming wants what the unit was asked to do about it, and docs/judging.md's guide grades such
a recommendation 1 where its document's shortcomings include the matter asked; but it holds none
of the matter's words, so no engine's stage brings it (146 judged grade-1 findings outside the
pools of the 28 read sets, in 104 queries). So after the engine's pool is made
(pipeline/search.py engine_pool), the documents of the pool's first shortcomings holding the
query's words are looked up once (SearchBackend.of_documents: both engines, one request), and
their general remedies not yet in the pool join it after the engine's findings; the reranker
orders them (index/rerank.py `remedy_after`).

Not for a query asking for strengths (a remedy is of the shortcomings), nor under a filter (the
filter narrowed the engine's answer, and a document's recommendation may be of another unit or
area than the filter's), nor for a query with no words.
"""

from __future__ import annotations

from dataclasses import replace

from core.models import Polarity
from index.base import TIER_WORDS, Hit, Query, SearchBackend, SearchResult
from index.query import Plan
from index.remedies import load_remedies

# The engine's first findings whose documents are looked up: the shortcomings holding the query's
# words that the engine ranks highest are the ones stating its matter; further down, a shortcoming
# holding one word of the query is as often of another matter.
SHORTCOMINGS_READ = 10
# The most recommendations asked of those documents: a conclusion states a handful, and a
# report a few dozen at most.
RECOMMENDATIONS_READ = 60


def with_remedies(backend: SearchBackend, found: SearchResult, query: Query) -> SearchResult:
    """The engine's pool `found` with the general remedies of its shortcomings' documents after
    its findings (none already in it), for a query asking about shortcomings or about none."""
    plan = found.plan or Plan()
    if not asks_remedies(query, plan):
        return found
    documents = shortcomings_documents(found.hits[:SHORTCOMINGS_READ])
    if not documents:
        return found
    pooled = {h.record.finding_id for h in found.hits}
    general = load_remedies().is_general
    joined = tuple(h for h in backend.of_documents(documents, Polarity.RECOMMENDATION, RECOMMENDATIONS_READ)
                   if h.record.finding_id not in pooled and general(h.record.text))
    if not joined:
        return found
    # Counted only when the pool holds every finding the engine found: else a joined one may be
    # among the engine's later findings, already counted.
    total = found.total + len(joined) if found.total <= len(found.hits) else found.total
    return replace(found, hits=(*found.hits, *joined), total=total)


def asks_remedies(query: Query, plan: Plan) -> bool:
    """Whether a query's pool may hold a remedy: it has words, no filter, and does not ask for
    strengths."""
    return bool(query.text.strip()) and not query.filtered and plan.polarity != Polarity.STRENGTH


def shortcomings_documents(hits: tuple[Hit, ...]) -> list[str]:
    """The documents (keys, first seen first) of the shortcomings among `hits` that came by the
    query's words (TIER_WORDS: all its groups or most)."""
    return list(dict.fromkeys(h.record.doc_key for h in hits
                              if h.record.polarity == Polarity.SHORTCOMING and h.tier == TIER_WORDS))
