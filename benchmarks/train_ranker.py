"""Train the reranker's weights (index/rerank_weights.json) on the judged queries, and cross-validate.

Why a script of the project: the weights are data learned from judgments, and must be written
again whenever the engines, the features or the judgments change, by anyone, the same way.

For each judged query the composed search asks the engine for its pool (the first `pool`
findings, as users get them before reranking), computes every feature of index/rerank.py for
each finding, and notes the grade of the gold finding it maps to (benchmarks/search_quality.py's
rule: word Dice >= 0.5, each gold finding counted once). Two methods find the weights:

- `pairwise` (shipped): pairwise logistic regression over every feature, the loss of each pair of
  a pool's findings graded apart (a judged finding above an unjudged one, a grade 2 above a grade
  1), each query weighing as one, with a small L2 penalty on each weight times its feature's
  spread over the pairs (so a feature's unit does not decide how hard it is held); a convex fit,
  solved by Newton's method, scaled so `rank` weighs 1. It fits the judgments' pairs, not the
  nDCG of 284 queries, and so carries to held-out queries where the ascent over as many features
  overfit (with 92 queries it did not: docs/search-quality.md has both).
- `ascent`: coordinate ascent on mean nDCG@10 (the measure the issue sets) over a few features
  (TRAINED), from the engine's order (only `rank` weighing), each step trying a few values for
  one weight and keeping the best, with an L2 penalty pulling every weight but `rank`'s towards 0.

Either way a linear score, shipped as weights (index/rerank_weights.json): no model file, no
dependency at search time.

    .venv/bin/python -m benchmarks.train_ranker [--store DIR]           # train, write the weights
    .venv/bin/python -m benchmarks.train_ranker --store DIR --cv        # cross-validation only
    .venv/bin/python -m benchmarks.train_ranker --store DIR --cv --method ascent   # the former way
    .venv/bin/python -m benchmarks.train_ranker --store DIR --cv --per-query FILE  # and each query's score

`--cv` holds out each judged set in turn (trained on the others), k folds over all together (folds
of whole queries), and the newest sets trained only on the sets written before them (as a set
written tomorrow will meet the weights), and prints nDCG@10 per kind against the engine's order on
the same held-out queries. The third set, search_judgments_holdout.json, was measured held out (0.69
on both engines) before it joined the training, and the fourth, search_judgments_fourth.json, the
same way a session later (0.74 on both), and the fifth, search_judgments_fifth.json, after that
session's second round (0.735 SQLite, 0.74 Elasticsearch), and the sixth,
search_judgments_sixth.json, at the session's end (0.76 SQLite, 0.75 Elasticsearch), and the
seventh, search_judgments_seventh.json, at the end of session 7's second round (0.787 SQLite, 0.79
Elasticsearch), and the eighth, search_judgments_eighth.json, at the session's end (0.696 SQLite,
0.69 Elasticsearch), and the ninth, search_judgments_ninth.json, at the end of session 8 (0.818
SQLite, 0.81 Elasticsearch), and the tenth, search_judgments_tenth.json, at the end of session 9
(0.774 SQLite, 0.77 Elasticsearch), and the eleventh, search_judgments_eleventh.json, at the end of
session 10 (0.778 SQLite, 0.77 Elasticsearch), and the twelfth, search_judgments_twelfth.json, at
the end of session 11 (0.803 SQLite, 0.80 Elasticsearch), and the thirteenth,
search_judgments_thirteenth.json, at the end of session 12 (0.803 SQLite, 0.80 Elasticsearch), and
the fifteenth, search_judgments_fifteenth.json, at the end of session 13 (0.768 SQLite, 0.76
Elasticsearch; the fourteenth, kept outside the repository, was lost with its machine), and the
sixteenth, search_judgments_sixteenth.json, kept sealed in the repository through session 14 and
unsealed at its end (0.804 SQLite, 0.802 Elasticsearch), and the seventeenth,
search_judgments_seventeenth.json, kept sealed through session 15 and unsealed at its end (0.819
SQLite, 0.818 Elasticsearch), and the eighteenth, search_judgments_eighteenth.json, kept sealed
through session 16 and unsealed at its end (0.845 SQLite, 0.845 Elasticsearch), and the nineteenth,
search_judgments_nineteenth.json, kept sealed through session 16 and unsealed at session 17's start
(0.790 SQLite, 0.789 Elasticsearch), read that session, and the twentieth,
search_judgments_twentieth.json, kept sealed through session 17 and unsealed at its end (0.773
SQLite, 0.773 Elasticsearch), and the twenty-first, search_judgments_twentyfirst.json, kept sealed
through session 17 and unsealed at session 18's start (0.795 SQLite, 0.796 Elasticsearch), and
the twenty-second, search_judgments_twentysecond.json, kept sealed through session 18 and unsealed
at its end (0.714 SQLite, 0.714 Elasticsearch), and the twenty-third,
search_judgments_twentythird.json, kept sealed through session 18 and unsealed at session 19's start
(0.876 SQLite, 0.876 Elasticsearch), and the twenty-fourth and twenty-fifth,
search_judgments_twentyfourth.json and search_judgments_twentyfifth.json, kept sealed through
session 19 and unsealed at session 20's start (0.872 and 0.821 SQLite, 0.871 and 0.821
Elasticsearch), and the twenty-sixth and twenty-seventh, search_judgments_twentysixth.json and
search_judgments_twentyseventh.json, kept sealed through session 20 and unsealed at session 21's
start (0.859 and 0.832 SQLite, 0.859 and 0.832 Elasticsearch), and the twenty-eighth and
twenty-ninth, search_judgments_twentyeighth.json and search_judgments_twentyninth.json, kept sealed
through session 21 and unsealed at session 22's start (0.844 and 0.866 SQLite, 0.844 and 0.866
Elasticsearch), and the thirtieth and thirty-first, search_judgments_thirtieth.json and
search_judgments_thirtyfirst.json, kept sealed through session 22 and unsealed at session 23's
start (0.820 and 0.806 SQLite, 0.819 and 0.806 Elasticsearch), and the thirty-second and
thirty-third, search_judgments_thirtysecond.json and search_judgments_thirtythird.json, kept sealed
through session 23 and unsealed at session 24's start (0.842 and 0.841 on both engines), and the
thirty-fourth and thirty-fifth, search_judgments_thirtyfourth.json and
search_judgments_thirtyfifth.json, kept sealed through session 24 and unsealed at session 25's start
(0.854 and 0.849 SQLite, 0.853 and 0.849 Elasticsearch), and the thirty-sixth and thirty-seventh,
search_judgments_thirtysixth.json and search_judgments_thirtyseventh.json, kept sealed through
session 25 and unsealed at session 26's start (0.781 and 0.741 SQLite, 0.782 and 0.741
Elasticsearch), and the thirty-eighth and thirty-ninth, search_judgments_thirtyeighth.json and
search_judgments_thirtyninth.json, kept sealed through session 26 and unsealed at session 27's
start (0.693 and 0.725 on both engines), and the fortieth and forty-first,
search_judgments_fortieth.json and search_judgments_fortyfirst.json, kept sealed through session 27
and unsealed at session 28's start (0.801 and 0.804 SQLite, 0.802 and 0.804 Elasticsearch), and the
forty-second and forty-third, search_judgments_fortysecond.json and search_judgments_fortythird.json,
kept sealed through session 28 and unsealed at session 29's start (0.697 and 0.730 SQLite, 0.695
and 0.729 Elasticsearch), and the forty-fourth and forty-fifth, search_judgments_fortyfourth.json
and search_judgments_fortyfifth.json, kept sealed through session 29 and unsealed at session 30's
start (0.873 and 0.897 SQLite, 0.873 and 0.896 Elasticsearch).
A later held-out estimate needs a new set: benchmarks/sealed/ holds the next one, unread.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import devcorpus  # noqa: F401 - puts this checkout first on sys.path
from benchmarks.search_quality import DEPTH, dcg
from index.base import FindingRecord, Query, SearchBackend
from index.query import Plan
from index.rerank import (
    DEFAULT_POOL,
    FEATURES,
    WEIGHTS_FILE,
    Asked,
    Ranker,
    candidates,
    feature_rows,
    tier,
)

JUDGMENTS = tuple(Path(__file__).with_name(f"search_judgments{suffix}.json")
                  for suffix in ("", "_fresh", "_holdout", "_fourth", "_fifth", "_sixth", "_seventh",
                                 "_eighth", "_ninth", "_tenth", "_eleventh", "_twelfth", "_thirteenth",
                                 "_fifteenth", "_sixteenth", "_seventeenth", "_eighteenth",
                                 "_nineteenth", "_twentieth", "_twentyfirst",
                                 "_twentysecond", "_twentythird", "_twentyfourth", "_twentyfifth",
                                 "_twentysixth", "_twentyseventh", "_twentyeighth", "_twentyninth",
                                 "_thirtieth", "_thirtyfirst", "_thirtysecond", "_thirtythird",
                                 "_thirtyfourth", "_thirtyfifth", "_thirtysixth", "_thirtyseventh",
                                 "_thirtyeighth", "_thirtyninth", "_fortieth", "_fortyfirst",
                                 "_fortysecond", "_fortythird", "_fortyfourth", "_fortyfifth"))
# The features the ascent trains by default: the engine's rank, the polarity asked for, the unit named,
# the query's concepts said in other words (index/vi/concepts.toml) and, for a question asking
# which place, the place a finding names with the matter (`place`), and for a question asking a
# cause or a ranking, the words its answer holds (`answer`, intents.toml [[answer]]). Held out,
# `concepts` rose on three of the four splits and stayed level on the fourth, `place` rose on the
# five folds and two of the three judged sets, `answer` (once the cause and ranking words were
# the genre's: session 7) on the five folds and the two newest sets (docs/search-quality.md has
# the figures; not repeated here, where they would go stale). `unit` trains to 0 since a place
# typed fills the pool first (pipeline/search.py engine_pool). The others of index/rerank.py
# (tier, groups held, typed words, segmented words, phrase, pairs, area, theme, length) did not beat these on
# held-out queries under the ascent (docs/search-quality.md: the transfer between the judged sets
# fell or stayed level with them; again with 284 queries, session 7), so the ascent leaves them
# at 0 unless asked for with --features; the pairwise model weighs them all.
TRAINED = ("rank", "polarity", "unit", "concepts", "answer")
PENALTY = 0.002  # L2 on every weight but rank's, in nDCG units
# The pairwise model's features: every one of index/rerank.py but `words` (the query's terms held
# as one segmented word: level held out without it, 0.797 → 0.798 over five folds, and making a
# finding's words costs a search as much again as its text). With 284 judged queries a linear
# score over them, fitted to the judged pairs, carries to held-out queries where the ascent over
# as many did not (docs/search-quality.md, Session 7: the learned reranker).
# `heading` (the query's groups held by the heading of the finding's document) joined in session
# 8: held out, five folds 0.794 → 0.799, the eighth set 0.696 → 0.709. Tried there and dropped,
# level or lower held out (within ±0.002 over five folds and the eight sets): the share of the
# matter's syllables held (a term met in part), the share of the finding that is the query's words,
# the query's groups close together or in one clause, how early the matter comes, the matter
# held only as an item of a list, the area of the asked matter, the finding's polarity when none
# is asked, the contrary polarity, pool-relative idf of the groups, crosses with the question.
# `feedback` (a finding's words against the pool's first findings of other documents) joined in
# session 9: five folds 0.8246 → 0.8255, up on each of eight shuffles; the pool's other findings of
# the finding's document (`doc_company`, commit 58d875a) was level and dropped (docs/search-quality.md).
# Session 18 (fb18): its profile reads the first findings of other documents holding the query's
# matter, anchored to the query's terms (against query drift): the twentieth and twenty-first
# trained on the sets before them 0.794 → 0.803, five folds 0.859 → 0.860.
# Dropped in session 12, measured on the judged sets added to the repository after each was built
# (each set held out, trained on the others): `stage` (whether a finding came in the engine's
# word stages) -0.0001 on the ten later sets, `place` (how plainly a finding says where, for a
# which-place question; in the ascent's features until then) +0.0000 on the nine later sets and
# -0.0025 on the twelfth, `prescribed` (a recommendation, for a which-place question) -0.0014 on
# the twelfth, its one later set; then, without `stage`, `matter` (the finding came in the matter
# tier) and `groups` (the share of the query's groups held): together -0.0005 on the ten later
# sets, +0.0012 on the twelfth, -0.0004 over five folds (docs/search-quality.md, Session 12: what
# carries to unseen queries; benchmarks/ablation.py).
# `passage` (the share of the query's matter a finding's same-document pool neighbours within 300
# characters hold and it does not, when it holds part) joined in session 16 (pass16): five folds
# 0.8648 → 0.8670 (six other shuffles +0.0013 … +0.0022), the sixteenth and seventeenth trained on
# the sets before them 0.8354 → 0.8428; neighbours' best share, any neighbour, the nearest ones'
# share, their best rank were level or lower (docs/search-quality.md, Session 16: a finding's passage).
# `beside` (the engine rank of the finding's nearest passage neighbour on either side that holds
# more of the query's matter than it) joined in session 20 (topic20): five folds 0.8602 → 0.8628
# (six other shuffles +0.0024 … +0.0027), the twenty-fourth and twenty-fifth trained on the 22 sets
# before them 0.847 → 0.850; gated by "holds more", and the nearest only, not every passage
# neighbour (docs/search-quality.md, Session 20).
# Dropped in session 18 (abl18), measured forward (each set from the ninth on trained only on the
# sets before it): `typed` (the groups held as typed, not as a synonym), `exact` (the kept words
# in a row) and `adjacent` (the query's syllable pairs side by side), together -0.0005 ± 0.0005
# on those twelve sets, +0.0000 on the newest four, +0.0000 over five folds: the matter, theme and
# concept features say what they said (docs/search-quality.md, Session 18: the forward ablation).
# `count` (a finding stating a count or share, when a which-place question names the amount it
# compares the units by: "xã nào vắng nhiều cán bộ nhất") joined in session 24 (quest24): five folds
# 0.8639 → 0.8644, question 0.8362 → 0.8389 (seeds 1 and 2: question +0.0034, +0.0023; no kind down
# by more than 0.0001 on any of the three).
# `team` (the share of the query's matter a finding holds only inside the inspecting team's name:
# "Đoàn kiểm tra đề nghị …" for "công tác kiểm tra") joined in session 30 (read44): in the pools of
# the 178 queries whose matter a team's name can hold, such findings were relevant 12 % of the time
# against 25 % for those not holding the group at all; learnt −0.96 (docs/search-quality.md).
PAIRWISE = tuple(f for f in FEATURES if f != "words")
# L2 on every weight times its feature's spread over the pairs (`spreads`), in units of the mean
# pair loss per query. Session 16 (rank16): the penalty on the weights as they are (1e-4 then)
# held a feature of small spread far harder than one of large spread — the pool's cosine
# (`feedback`, its pair differences spread 0.08) 13 times harder than the polarity asked (0/1,
# 0.28) and 70 times harder than the theme (0.65) — so it weighed what a feature's unit is, not
# how much evidence there is for it.
# Held out, penalised by spread at 3e-3 against the former: five folds 0.8606 → 0.8621 (seven
# shuffles of the folds +0.0014 … +0.0026), trained on the sets before each later set +0.0017
# (ninth … seventeenth), the sixteenth and seventeenth trained up to the fifteenth +0.0051;
# level from 1e-3 to 1e-2 (docs/search-quality.md, Session 16: how the learner weighs the evidence).
PAIR_PENALTY = 3e-3
NEWTON_STEPS = 50
STEPS = (-1.0, -0.5, -0.2, -0.1, -0.05, 0.05, 0.1, 0.2, 0.5, 1.0)
PASSES = 25
FOLDS = 5
LATER = 2  # the newest judged sets `--cv` also tests trained only on the sets before them
SEED = 12

Grade = Callable[[FindingRecord], tuple[Any, int] | None]  # a finding → (its gold key, grade) or None


@dataclass(frozen=True)
class Judged:
    """One judged query's pool: features per finding (engine order), the gold each maps to and
    its grade, and the ideal DCG of the query's judgments."""

    qid: str
    kind: str
    rows: np.ndarray  # findings × FEATURES
    keys: tuple[Any, ...]  # per finding: its gold key (None: maps to none)
    grades: tuple[int, ...]
    ideal: float
    # per finding: its tier (index/rerank.py: tier — the place named, then the section asked for),
    # the higher ordered first
    tiers: tuple[int, ...]


def ideal_dcg(grades: Sequence[int], depth: int = DEPTH) -> float:
    return dcg(sorted(grades, reverse=True)[:depth])


def judged_pool(backend: SearchBackend, query: Query, grade: Grade, ideal: float, qid: str = "",
                kind: str = "", pool: int = DEFAULT_POOL) -> Judged:
    """The engine's pool for `query` as the composed search gets it, before reranking."""
    from index.query import parse
    from pipeline.search import engine_pool, with_matters

    parsed = parse(query.text)
    plan = backend.plan(parsed)
    # a page, as benchmarked; the matters as pipeline.search.search reads them (the plan's readings)
    asked = with_matters(replace(query, limit=DEPTH, offset=0), parsed=parsed, plan=plan)
    result, _ = engine_pool(backend, asked, pool, plan)  # as pipeline.search.reranked
    cands = candidates(result.hits)
    read = Asked.of(asked, result.plan or Plan())
    rows = np.asarray(feature_rows(cands, read, pool),
                      dtype=np.float64).reshape(len(cands), len(FEATURES))
    graded = [grade(c.record) for c in cands]
    return Judged(qid, kind, rows, tuple(g[0] if g else None for g in graded),
                  tuple(g[1] if g else 0 for g in graded), ideal, tuple(tier(c, read, pool) for c in cands))


def ndcg(query: Judged, weights: np.ndarray, depth: int = DEPTH) -> float:
    """nDCG@depth of the pool ordered by `weights` within its tiers, the higher first, as the Ranker
    orders them (ties: the engine's order); a gold finding earns once, at the first finding
    mapped to it."""
    if not query.ideal:
        return 0.0
    scores = query.rows @ weights if len(query.rows) else np.zeros(0)
    tiers = np.asarray(query.tiers, dtype=np.float64)
    order = np.lexsort((np.arange(len(scores)), -scores, -tiers))  # the higher tier first, as Ranker
    used: set[Any] = set()
    gains: list[int] = []
    for k in order:
        if len(gains) == depth:
            break
        key = query.keys[k]
        if key is None or key in used:
            gains.append(0)
            continue
        used.add(key)
        gains.append(query.grades[k])
    return dcg(gains) / query.ideal


def mean_ndcg(queries: Sequence[Judged], weights: np.ndarray) -> float:
    return sum(ndcg(q, weights) for q in queries) / len(queries) if queries else 0.0


def start() -> np.ndarray:
    """The engine's order: `rank` alone weighs."""
    weights = np.zeros(len(FEATURES))
    weights[list(FEATURES).index("rank")] = 1.0
    return weights


def train(queries: Sequence[Judged], penalty: float = PENALTY, passes: int = PASSES,
          features: Sequence[str] = TRAINED) -> np.ndarray:
    """Coordinate ascent on mean nDCG@10 minus `penalty` × the squared weights (all but rank's,
    which stays 1: the scale), over `features` (the others stay 0). Each pass tries, for each
    weight in turn, each step of STEPS and 0, keeping the best objective; it stops when a pass
    changes nothing."""
    names = list(FEATURES)
    fixed = names.index("rank")
    weights = start()

    def objective(w: np.ndarray) -> float:
        free = np.delete(w, fixed)
        return mean_ndcg(queries, w) - penalty * float(free @ free)

    best = objective(weights)
    for _ in range(passes):
        changed = False
        for f in range(len(names)):
            if f == fixed or names[f] not in features:
                continue
            for value in {0.0, *(round(weights[f] + s, 4) for s in STEPS)}:
                trial = weights.copy()
                trial[f] = value
                score = objective(trial)
                if score > best + 1e-9:
                    best, weights, changed = score, trial, True
        if not changed:
            break
    return weights


def pair_differences(queries: Sequence[Judged], features: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every ordered pair of a query's pool where the first finding is graded above the second:
    the difference of their features (better − worse, the features not trained zeroed), and a
    weight of 1 / the query's pairs, so each query counts once however many pairs its pool makes."""
    mask = np.array([n in features for n in FEATURES], dtype=np.float64)
    diffs: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for q in queries:
        grades = np.asarray(q.grades)
        better, worse = np.nonzero(grades[:, None] > grades[None, :])
        if not len(better):
            continue
        diffs.append((q.rows[better] - q.rows[worse]) * mask)
        weights.append(np.full(len(better), 1.0 / len(better)))
    if not diffs:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    return np.vstack(diffs), np.concatenate(weights) / len(queries)


def spreads(diffs: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each feature's spread over the pairs the loss is fitted on: the root of its weighted mean
    squared difference (better − worse), 1 for a feature that never differs (not trained, or
    constant). Why: the penalty is on a weight times its feature's spread, so a feature counts by
    how far it moves a pair's score, not by its unit — a cosine whose pairs differ by 0.08 needs
    a weight several times a 0/1 feature's to move a score as far, and a plain L2 held it 13–70
    times harder."""
    if not len(diffs):
        return np.ones(diffs.shape[1])
    spread = np.sqrt((weights[:, None] * diffs ** 2).sum(axis=0) / weights.sum())
    return np.where(spread > 1e-12, spread, 1.0)


def train_pairwise(queries: Sequence[Judged], penalty: float = PAIR_PENALTY,
                   features: Sequence[str] = PAIRWISE) -> np.ndarray:
    """Pairwise logistic regression (RankNet's loss with a linear score): the weights minimising,
    over every pair of a query's pool graded apart, log(1 + exp(−w·(better − worse))), each query
    weighing as one, plus `penalty` × the squared weights each times its feature's `spreads`.
    Convex, so Newton's method finds its one minimum in a few steps, the same for anyone who
    trains again. Scaled so that `rank` weighs 1, as the ascent's weights do (a scale changes no
    order), when it trains positive."""
    diffs, weights = pair_differences(queries, features)
    held = penalty * spreads(diffs, weights) ** 2  # each weight's penalty, in its feature's spread
    w = np.zeros(len(FEATURES))
    for _ in range(NEWTON_STEPS):
        margin = diffs @ w
        wrong = 1.0 / (1.0 + np.exp(margin))  # the probability each pair is ordered wrongly
        gradient = -(diffs.T @ (weights * wrong)) + 2 * held * w
        hessian = (diffs.T * (weights * wrong * (1 - wrong))) @ diffs + 2 * np.diag(held)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    rank = list(FEATURES).index("rank")
    return w / w[rank] if w[rank] > 0 else w


def as_ranker(weights: np.ndarray, pool: int) -> Ranker:
    return Ranker({n: float(w) for n, w in zip(FEATURES, weights, strict=True) if w}, pool)


# ----------------------------------------------------------------------------------------------- measuring


def per_kind(queries: Sequence[Judged], weights: np.ndarray) -> dict[str, float]:
    by: dict[str, list[float]] = defaultdict(list)
    for q in queries:
        value = ndcg(q, weights)
        by[q.kind].append(value)
        by["all"].append(value)
    return {k: sum(v) / len(v) for k, v in by.items()}


Fit = Callable[[Sequence[Judged]], np.ndarray]  # judged queries → weights over FEATURES


@dataclass(frozen=True)
class Method:
    """A way to find the weights, with its defaults (the --penalty and --features not given)
    and how the weights file names it (`about`, the penalty after it)."""

    train: Callable[[Sequence[Judged], float, Sequence[str]], np.ndarray]
    penalty: float
    features: tuple[str, ...]
    about: str

    def fitter(self, penalty: float, features: Sequence[str]) -> Fit:
        return lambda queries: self.train(queries, penalty, features)


METHODS = {
    "pairwise": Method(train_pairwise, PAIR_PENALTY, PAIRWISE,
                       "pairwise logistic regression, each weight's penalty times its feature's spread"),
    "ascent": Method(lambda queries, penalty, features: train(queries, penalty, features=features),
                     PENALTY, TRAINED, f"coordinate ascent on mean nDCG@{DEPTH}"),
}


def crossval(sets: dict[str, list[Judged]], fit: Fit, folds: int = FOLDS,
             seed: int = SEED) -> list[tuple[str, list[Judged], np.ndarray]]:
    """(name, held-out queries, weights trained without them) for: each set against the other,
    then `folds` folds of all queries together (shuffled with `seed`)."""
    out = []
    names = list(sets)
    for held in names:
        trained_on = [q for n in names if n != held for q in sets[n]]
        out.append((f"train {'+'.join(n for n in names if n != held)} → test {held}", sets[held],
                    fit(trained_on)))
    everyone = [q for n in names for q in sets[n]]
    pooled = fold_weights(everyone, fit, folds, seed)
    out.append((f"{folds}-fold over all {len(everyone)}", [q for q, _ in pooled],
                np.array([w for _, w in pooled])))
    return out


def fold_weights(everyone: Sequence[Judged], fit: Fit, folds: int = FOLDS,
                 seed: int = SEED) -> list[tuple[Judged, np.ndarray]]:
    """Each query with the weights trained on the folds not holding it (`folds` folds of whole
    queries, shuffled with `seed`, fixed by default), in the folds' order: `crossval`'s folds, and the weights
    a query's retyped twin is scored with (benchmarks/folded_cv.py)."""
    shuffled = list(everyone)
    random.Random(seed).shuffle(shuffled)
    pooled: list[tuple[Judged, np.ndarray]] = []
    for k in range(folds):
        test = shuffled[k::folds]
        ids = {q.qid for q in test}
        weights = fit([q for q in everyone if q.qid not in ids])
        pooled += [(q, weights) for q in test]
    return pooled


def later_sets(sets: dict[str, list[Judged]], fit: Fit,
               last: int = LATER) -> list[tuple[str, list[Judged], np.ndarray]]:
    """(name, held-out queries, weights) trained only on the sets written before the held-out
    ones (`sets` in the order they were written, JUDGMENTS'): each of the `last` sets trained on
    every set before it, then the `last` together trained on the sets before them all. Why: the
    folds and the set-against-the-others rows train on sets written after the one they test,
    which a change shipped today never has; these rows are what a new set will see of the weights.
    Only of the weights: the vocabulary, the query's reading and the extraction the pools come from
    were written after reading these sets too (session 16's vocabulary read on the seventeenth
    raised its engine order 0.803 → 0.833), so the rows still read an older set favourably."""
    names = list(sets)
    out = []
    for k in range(max(len(names) - last, 1), len(names)):
        out.append((f"train the {k} sets before → test {names[k]}", sets[names[k]],
                    fit([q for n in names[:k] for q in sets[n]])))
    first = max(len(names) - last, 1)
    if len(names) - first > 1:
        out.append((f"train the {first} sets before → test {'+'.join(names[first:])}",
                    [q for n in names[first:] for q in sets[n]],
                    fit([q for n in names[:first] for q in sets[n]])))
    return out


def print_cv(results: list[tuple[str, list[Judged], np.ndarray]]) -> None:
    kinds = ("topic", "unaccented", "question", "unit", "polar", "synonym", "all")
    print("held-out nDCG@10: engine order → reranked")
    print("| split | " + " | ".join(kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for name, held, weights in results:
        base = per_kind(held, start())
        if weights.ndim == 1:
            tuned = per_kind(held, weights)
        else:  # one weight vector per held-out query (the folds)
            by: dict[str, list[float]] = defaultdict(list)
            for q, w in zip(held, weights, strict=True):
                by[q.kind].append(ndcg(q, w))
                by["all"].append(ndcg(q, w))
            tuned = {k: sum(v) / len(v) for k, v in by.items()}
        cells = [f"{base[k]:.3f} → {tuned[k]:.3f}" if k in base else "-" for k in kinds]
        print(f"| {name} | " + " | ".join(cells) + " |")


def held_out_scores(sets: dict[str, list[Judged]],
                    pooled: Sequence[tuple[Judged, np.ndarray]]) -> list[dict[str, Any]]:
    """Each query's nDCG@10 in the fold that holds it out (`fold_weights`' pairs), beside its engine
    order's, with its set and kind, in the sets' order. Why: the kinds' means hide which queries a
    kind loses on; reading the losses of a held-out fold needs each query's own score (the ones
    below a bar are read with benchmarks/misses.py and benchmarks/pool_recall.py)."""
    weights = {q.qid: w for q, w in pooled}
    return [{"set": name, "id": q.qid, "kind": q.kind, "engine": round(ndcg(q, start()), 4),
             "held_out": round(ndcg(q, weights[q.qid]), 4)}
            for name, queries in sets.items() for q in queries if q.qid in weights]


# ------------------------------------------------------------------------------------------ the dev corpus


def dev_pools(backend: SearchBackend, paths: Sequence[Path], pool: int,
              retyped: Callable[[dict[str, Any]], str | None] | None = None) -> dict[str, list[Judged]]:
    """Each judged set's pools over the dev corpus, graded by benchmarks/search_quality.py's rule.
    With `retyped`, each query is searched as it retypes it (its grades kept: the intent is the
    same), and left out where it gives None (benchmarks/folded_cv.py: the folded twins)."""
    from benchmarks import search_quality as sq
    from benchmarks.devcorpus import DEFAULT_CORPUS, load_scorer

    scorer = load_scorer()
    gold = sq.load_gold(DEFAULT_CORPUS, scorer.words)

    def grader(judged: dict[tuple[str, int], int]) -> Grade:
        def grade(record: FindingRecord) -> tuple[Any, int] | None:
            key = sq.gold_key(record, gold, scorer.words, scorer.dice)
            return (key, judged.get(key, 0)) if key else None
        return grade

    out: dict[str, list[Judged]] = {}
    for path in paths:
        queries = json.loads(path.read_text(encoding="utf-8"))["queries"]
        out[path.name] = []
        for q in queries:
            text = retyped(q) if retyped else q["text"]
            if text is None:
                continue
            judged = sq.judged_keys(q, gold)
            query = Query(text=text, **(q.get("filters") or {}))
            ideal = ideal_dcg(list(judged.values()))
            pooled = judged_pool(backend, query, grader(judged), ideal, q["id"], q["kind"], pool)
            out[path.name].append(pooled)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--judgments", type=Path, nargs="+", default=list(JUDGMENTS))
    parser.add_argument("--store", type=Path,
                        help="the ingested dev store (benchmarks/search_quality.py --store)")
    parser.add_argument("--pool", type=int, default=DEFAULT_POOL)
    parser.add_argument("--method", choices=tuple(METHODS), default="pairwise",
                        help="pairwise logistic regression (shipped) or coordinate ascent on nDCG")
    parser.add_argument("--penalty", type=float,
                        help=f"L2 penalty (default {PAIR_PENALTY} pairwise, {PENALTY} ascent)")
    parser.add_argument("--features",
                        help=f"comma-separated features to train (of: {', '.join(FEATURES)}; default "
                             f"all pairwise, {','.join(TRAINED)} ascent)")
    parser.add_argument("--cv", action="store_true", help="cross-validate only; write nothing")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--per-query", type=Path,
                        help="with --cv: write each query's held-out nDCG@10 in the k folds (JSON lines)")
    parser.add_argument("--seed", type=int,
                        help=f"with --cv: the shuffle of the k folds (default {SEED}); a second seed "
                             "tells a small gain from the luck of one dealing")
    args = parser.parse_args()
    method = METHODS[args.method]
    features = tuple(f for f in args.features.split(",") if f) if args.features else method.features
    penalty = method.penalty if args.penalty is None else args.penalty
    fit = method.fitter(penalty, features)
    unknown = sorted(set(features) - set(FEATURES))
    if unknown:
        parser.error(f"unknown features: {', '.join(unknown)}")
    # Each refused in one line: without --cv nothing is dealt into folds nor scored per query, and
    # a run that took them in silence trained and wrote the weights as if they meant something.
    for given, flag in ((args.per_query, "--per-query"), (args.seed is not None, "--seed")):
        if given and not args.cv:
            parser.error(f"{flag} needs --cv (training on every set uses neither)")
    seed = SEED if args.seed is None else args.seed
    from benchmarks import search_quality as sq
    from benchmarks.devcorpus import DEFAULT_CORPUS
    from index.sqlite_fts import SqliteFtsBackend

    with tempfile.TemporaryDirectory(prefix="kiemtra-ranker-") as tmp:
        folder = args.store or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        backend = SqliteFtsBackend(sq.build_store(DEFAULT_CORPUS, folder))
        try:
            sets = dev_pools(backend, args.judgments, args.pool)
        finally:
            backend.close()
    if args.cv:
        results = crossval(sets, fit, seed=seed)
        print_cv(results + later_sets(sets, fit))
        if args.per_query:
            _, held, weights = results[-1]  # the k folds: one weight vector per held-out query
            rows = held_out_scores(sets, list(zip(held, weights, strict=True)))
            args.per_query.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                      encoding="utf-8")
        return
    everyone = [q for qs in sets.values() for q in qs]
    weights = fit(everyone)
    about = {"trained_on": [p.name for p in args.judgments], "queries": len(everyone),
             "method": f"{method.about}, L2 penalty {penalty} (benchmarks/train_ranker.py)",
             "features": list(features),
             "ndcg_engine_order": round(mean_ndcg(everyone, start()), 4),
             "ndcg_trained": round(mean_ndcg(everyone, weights), 4)}
    args.out.write_text(as_ranker(weights, args.pool).to_json(about), encoding="utf-8")
    print(f"{args.out}: nDCG@{DEPTH} on the {len(everyone)} training queries "
          f"{about['ndcg_engine_order']} → {about['ndcg_trained']}", file=sys.stderr)
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"  {name:10} {w:+.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
