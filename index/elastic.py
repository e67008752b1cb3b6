"""Elasticsearch as a search backend: the same contract as SQLite FTS5, for larger collections.

Why folding happens in Python: the distribution we test against (and many managed clusters)
has no ICU or asciifolding filter, and Vietnamese folding has rules a generic filter gets
wrong (đ → d, tone placement). `core.normalize` folds and canonicalises without changing the
text's length, so every derived field has the same character offsets as the original: the fast
vector highlighter can then mark a match found in the folded field on the original text.

Why an alias: readers always query `<name>`; the data lives in `<name>-<timestamp>`. A rebuild
writes a fresh physical index and swaps the alias in one atomic call, so searches never see a
half-built index, and `clear()` is a swap to an empty index instead of a slow delete-by-query.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from itertools import islice
from typing import Any, TypeVar

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import streaming_bulk

from core.errors import BackendError
from core.models import place_forms
from core.normalize import canonical_tones, fold, nfc, words_apart
from index.base import (
    EXACT_BONUS,
    FACET_FIELDS,
    FACET_SIZE,
    GROUP_BONUS,
    LAYOUT_VERSION,
    MATTER_BONUS,
    POLARITY_BONUS,
    RECORD_FIELDS,
    SIMILAR_MIN_SHARE,
    SIMILAR_TERMS,
    SNIPPET_CHARS,
    TIER_MATTER,
    TIER_SOME_WORDS,
    TIER_WORDS,
    FindingRecord,
    Hit,
    Query,
    SearchBackend,
    SearchMemo,
    SearchResult,
    agency_kinds,
    asked_query,
    best_date,
    highlight,
    similar_stopwords,
)
from index.definitions import Definition
from index.query import (
    Alternative,
    Group,
    Parsed,
    Plan,
    Vocabulary,
    filter_key,
    inspector_keys,
    kept_marks,
    name_forms,
    plan_query,
    province_aliases,
    province_key,
    ranked_units,
    syllables_of,
)
from index.spelling import BIGRAM_CAP

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")

BATCH_SIZE = 1000  # findings per bulk request: ~1 MB, large enough to amortise the round trip
WRITE_THREADS = 2  # bulk requests in flight (one per core of a small server)
OUTAGE_COOLDOWN_S = 60.0  # after the server proved unreachable, fail at once for this long
WRITE_ATTEMPTS = 5
BACKOFF_S = 0.5
RETRY_STATUSES = (429, 502, 503, 504)
_TUPLE_FIELDS = tuple(
    f.name for f in dataclasses.fields(FindingRecord) if str(f.type).startswith("tuple")
)
# Filter values compared folded, so "Hoà Bình", "hòa bình" and "HOA BINH" select the same.
_FOLDED_COPIES = {
    "units": "units_folded",
    "provinces": "provinces_folded",
    "unit_levels": "levels_folded",
    "doc_kinds": "doc_kinds_folded",
    "doc_numbers": "doc_numbers_folded",
    "unit_aliases": "aliases_folded",
    "unit_parents": "parents_folded",
    "unit_places": "places_folded",
    "inspectors": "inspectors_folded",
    "inspector_places": "inspector_places_folded",
}
# Unit fields whose folded copy also holds each name without its level word: "xã Mường Vang" is
# also typed "Mường Vang" (`name_forms`).
_NAME_FORMS = ("unit_aliases", "unit_parents", "inspectors")
_UNIT_FIELDS = ("units_folded", "levels_folded", "aliases_folded")  # what a unit name in a query matches
# A unit typed in the query, or --unit with --within: findings about it or a unit inside it.
_UNIT_OR_INSIDE = (*_UNIT_FIELDS, "parents_folded")
# A bound on the values one unit field writes that fold to one unit's name, a level word before it
# or not (`_spelt_as`): its cases and accent spellings, a handful.
_SPELLINGS_READ = 100
# A bound on the definitions one lookup reads (_Vocabulary.defined): those of a query's few
# abbreviations and names, each written by a handful of documents.
_DEFINITIONS_READ = 200
# What `filter_key` splits names on (str.split: every whitespace character), for `_spelt_as`.
_SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
# Names counted by their canonical spelling, so "Hòa Bình" and "Hoà Bình" are one facet value.
_FACET_COPIES = {"provinces": "provinces_facet", "unit_places": "places_facet",
                 "inspector_places": "inspector_places_facet"}
# Facet name (index.base.FACET_FIELDS) → the keyword field whose values are counted.
_FACET_SOURCE = {"year": "year", "area": "area", "polarity": "polarity",
                 "province": "provinces_facet", "unit": "places_facet", "theme": "themes",
                 "inspector": "inspector_places_facet"}
# Facet name → the record's own field holding its values as written (the copy's source).
_FACET_WRITTEN = {"province": "provinces", "unit": "unit_places", "inspector": "inspector_places"}
_SPELLED = "spelled"  # the sub-aggregation counting a canonical facet value's written spellings
# How many written values of a bucket's findings it reads, the most frequent first: the bucket's own
# spelling is in each of its findings (two spellings share them), the other places each holds fewer.
_SPELLINGS = 20

# A phrase of 2 to SHINGLE_MAX syllables ranked as one term (`_ranked_clause`): bm25 then weighs it
# by how many findings hold the phrase, as FTS5 does, not by the sum of its syllables' idf.
# Three, not five, and on the folded text alone (shin15): each size and field is a term per
# syllable of every finding, nearly all of them unique; sizes 2–5 on both fields cost the bulk
# load about half its rate and the index a third of its size, and 2–3 on one field ranked the
# judged queries as well (docs/search-quality.md, shin15).
SHINGLE_MAX = 3
SHINGLE_ANALYSIS: dict[str, Any] = {
    "filter": {f"shingle_{k}": {"type": "shingle", "min_shingle_size": k, "max_shingle_size": k,
                                "output_unigrams": False} for k in range(2, SHINGLE_MAX + 1)},
    "analyzer": {f"shingles_{k}": {"type": "custom", "tokenizer": "standard",
                                   "filter": ["lowercase", f"shingle_{k}"]}
                 for k in range(2, SHINGLE_MAX + 1)},
}
_SHINGLES = {f"p{k}": {"type": "text", "analyzer": f"shingles_{k}", "index_options": "freqs"}
             for k in range(2, SHINGLE_MAX + 1)}
_OFFSET_TEXT = {"type": "text", "analyzer": "standard", "term_vector": "with_positions_offsets"}
_RANKED_TEXT = {**_OFFSET_TEXT, "fields": _SHINGLES}  # the folded text's: every ranked phrase's
_KEYWORD = {"type": "keyword"}
# Facet fields build their global ordinals at refresh, not on the first aggregation after it:
# a faceted search then never pays that build (tens of ms per field at 100k findings).
_FACET_KEYWORD = {"type": "keyword", "eager_global_ordinals": True}
_STORED_ONLY = {"type": "keyword", "index": False, "doc_values": False}

MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "finding_id": _KEYWORD,
        "doc_key": _KEYWORD,
        "doc_id": _KEYWORD,
        "text": _OFFSET_TEXT,            # as written: the highlight is cut from it
        "text_canonical": _OFFSET_TEXT,  # accents kept, tone placement unified: exact matches
        "text_folded": _RANKED_TEXT,     # no accents, đ→d, lowercase: the recall field
        "text_words": {"type": "text", "analyzer": "whitespace"},  # folded "phieu_hen" words
        "words": _STORED_ONLY,
        "polarity": _FACET_KEYWORD,
        "area": _FACET_KEYWORD,
        "theme": _KEYWORD,  # its own theme (comparison's): the matter tier ranks these first
        "themes": _FACET_KEYWORD,  # every theme it speaks of, its own first: tier, filter, facet
        "title": {"type": "text", "index": False},  # as written: shown
        # The document's headline (FindingRecord.headline: its title, else its lead) as the text is
        # searched (SQLite's fts_titles): ElasticBackend.titled. Named when it held titles only.
        "title_canonical": {"type": "text", "analyzer": "standard"},
        "title_folded": {"type": "text", "analyzer": "standard"},
        "lead": {"type": "text", "index": False},
        "path": _STORED_ONLY,
        "published": {"type": "date", "format": "strict_date_optional_time||yyyy-MM||yyyy",
                      "ignore_malformed": True},
        "year": {"type": "integer"},
        # The best-known date (index.base.best_date), the newest-first sort's key.
        "dated": {"type": "date", "format": "strict_date_optional_time||yyyy-MM||yyyy",
                  "ignore_malformed": True},
        "units": _KEYWORD,
        "unit_levels": _KEYWORD,
        "provinces": _KEYWORD,
        "doc_kinds": _KEYWORD,
        "doc_numbers": _KEYWORD,
        "unit_aliases": _KEYWORD,
        "unit_parents": _KEYWORD,
        "unit_places": _KEYWORD,  # each unit placed, "level name — province": the unit facet
        # The inspecting bodies whose inspection found it (FindingRecord.inspectors): the inspector
        # filter; each placed, the inspector facet (`inspector_places_facet`)
        "inspectors": _KEYWORD,
        "inspector_places": _KEYWORD,
        "agency_kinds": _KEYWORD,  # the kind of each agency it is about (index.base.agency_kinds): Group.kind
        # The abbreviations the finding's document defines ("long form (ABBR)"), and the keys a
        # query asks them by (index.definitions.Definition.keys): _Vocabulary.defined.
        "definitions": _KEYWORD,
        "definition_keys": _KEYWORD,
        **{folded: _KEYWORD for folded in _FOLDED_COPIES.values()},
        **{facet: _FACET_KEYWORD for facet in _FACET_COPIES.values()},
        "page": {"type": "integer", "index": False},
        "start": {"type": "integer", "index": False},
        "end": {"type": "integer", "index": False},
        # The layout (index.base.LAYOUT_VERSION) this finding was written with: outdated() counts
        # the findings of an older one, or of none (written before kiemtra recorded it).
        "layout": {"type": "short"},
    },
}
# What `_extend_mapping` adds to an index an older version created: not the shingles, whose
# analyzers such an index lacks (analyzers are fixed when an index is created); its findings are
# of an older layout, counted by outdated() until `kiemtra reindex`.
EXTENDABLE_PROPERTIES: dict[str, Any] = {
    name: _OFFSET_TEXT if spec is _RANKED_TEXT else spec for name, spec in MAPPING["properties"].items()}
INDEX_SETTINGS: dict[str, Any] = {"number_of_shards": 1, "number_of_replicas": 0,
                                  "analysis": SHINGLE_ANALYSIS}
BULK_LOAD_SETTINGS: dict[str, Any] = {"index.refresh_interval": "-1", "index.translog.durability": "async"}
# The key, in a physical index's mapping `_meta`, of the layout (index.base.LAYOUT_VERSION) every
# finding in it was written with. Set when the index is created, never after: extending an older
# index's mapping (_extend_mapping) does not rewrite the findings already there, so it must not
# claim their layout (each finding says its own: the `layout` field).
LAYOUT_KEY = "kiemtra_layout"


def new_index_mappings() -> dict[str, Any]:
    """MAPPING, marked with this version's layout: each finding written into a new index has it."""
    return {**MAPPING, "_meta": {LAYOUT_KEY: LAYOUT_VERSION}}


def index_layout(mappings: dict[str, Any]) -> int | None:
    """The layout one physical index's get_mapping answer says all its findings were written
    with; None when it says none. (The kiemtra before layouts marked an index with the fields it
    wrote, `kiemtra_written_with`: such an index is of layout 7 at most and has no shingles, so
    outdated() counts all its findings whatever those fields were.)"""
    meta = mappings.get("mappings", {}).get("_meta") or {}
    layout = meta.get(LAYOUT_KEY)
    return layout if isinstance(layout, int) else None


def written_whole(mappings: dict[str, Any]) -> bool:
    """Whether one physical index's get_mapping answer says every finding in it was written with
    this version's layout or a later one: then outdated() needs no count."""
    layout = index_layout(mappings)
    return layout is not None and layout >= LAYOUT_VERSION


def _shingled(mappings: dict[str, Any]) -> bool:
    """Whether one physical index's get_mapping answer has the text's shingles (layout 8). An index
    created before has none, whatever its findings say of their layout: written into since, they
    are of today's layout but for the shingles such an index cannot have (its analyzers are fixed),
    so every finding of it is outdated until `kiemtra reindex`."""
    text = mappings.get("mappings", {}).get("properties", {}).get("text_folded", {})
    return set(_SHINGLES) <= set(text.get("fields", {}))


def to_source(record: FindingRecord) -> dict[str, Any]:
    """The document stored for a record: its fields plus the derived search fields."""
    # Flat fields: getattr, not dataclasses.asdict, whose deep copy cost more than the folding.
    source: dict[str, Any] = {name: getattr(record, name) for name in RECORD_FIELDS}
    for name in _TUPLE_FIELDS:
        source[name] = list(source[name])
    # Cut into words where FTS5 cuts them (core.normalize.words_apart): the same words, lengths
    # and phrases on both engines.
    canonical = words_apart(canonical_tones(record.text))
    source["text_canonical"] = canonical
    source["text_folded"] = fold(canonical)
    source["text_words"] = fold(canonical_tones(record.words))
    source["dated"] = best_date(record.published, record.year)
    source["layout"] = LAYOUT_VERSION
    source["agency_kinds"] = list(agency_kinds(record))
    if headline := record.headline:  # its title, else its lead: SQLite's fts_titles
        heading = words_apart(canonical_tones(nfc(headline)))
        source["title_canonical"] = heading
        source["title_folded"] = fold(heading)
    for original, folded in _FOLDED_COPIES.items():
        values = getattr(record, original)
        if original in _NAME_FORMS:
            values = [form for v in values for form in name_forms(v)]
        source[folded] = [filter_key(v) for v in values]
    for original, facet in _FACET_COPIES.items():
        source[facet] = sorted({canonical_tones(v) for v in getattr(record, original)})
    source["definition_keys"] = sorted({key for value in record.definitions
                                        if (definition := Definition.of_value(value)) is not None
                                        for key in definition.keys if key})
    return source


# What ElasticBackend keeps in a search's memo (index.base.SearchMemo): a plan's holders
# (`ElasticBackend._holders`), and the filters of its stage of all the groups last asked and how
# many findings that found (`ElasticBackend._falls_back_known`).
_HOLDERS, _STAGED = "elastic.holders", "elastic.staged"

# What a hit's stored document is fetched with: the record's own fields, all from_source reads.
# The derived search fields (three more copies of the text, the title's two, the folded and
# facet copies) are the engine's alone; fetched, they doubled what each hit of a pool carried.
_RECORD_SOURCE: dict[str, Any] = {"includes": list(RECORD_FIELDS)}


def from_source(source: dict[str, Any]) -> FindingRecord:
    """The FindingRecord a stored document was made from."""
    values: dict[str, Any] = {name: source[name] for name in RECORD_FIELDS if name in source}
    for name in _TUPLE_FIELDS:
        values[name] = tuple(values.get(name) or ())
    return FindingRecord(**values)


def _phrase(field: str, syllables: tuple[str, ...], prefix: bool) -> dict[str, Any]:
    text = " ".join(syllables)
    if not prefix:
        return {"match_phrase": {field: text}} if len(syllables) > 1 else {"term": {field: text}}
    if len(syllables) == 1:
        return {"prefix": {field: text}}
    return {"match_phrase_prefix": {field: text}}


def _ranked_clause(alt: Alternative) -> dict[str, Any]:
    """What BM25 ranks a ranked unit (index.query.ranked_units) by: typed with every accent, its
    phrase on the canonical field (as SQLite ranks it on `original`), as a literal one (an accent
    restoration, index.query.Plan.restored), else on the folded one.

    A phrase of several syllables is ranked as one term of the folded text's shingles
    (`_SHINGLES`), not as a phrase query. Why: FTS5 weighs a phrase by how many findings hold the
    phrase (its idf); Lucene weighs a phrase query by the sum of its words' idf, so "trễ hạn"
    weighed 4.06 + 2.39 there and about 4.1 on SQLite, and a synonym of four syllables counted
    about four words. As a shingle term the phrase's idf is its own, as on SQLite; the shingle
    field's length is the text's less k − 1 syllables, as near the text's as Lucene's one-byte
    lengths keep. A phrase typed with every accent is held where its canonical phrase is and
    weighed by its folded one: findings writing the same letters with other accents are few (a
    tone mistyped, kỹ for kỷ), and shingles on the canonical text too cost the bulk load a fifth
    of its rate for no judged query ranked otherwise (shin15). Longer than SHINGLE_MAX, a phrase
    is held whole and weighed by its first SHINGLE_MAX syllables: in this genre a phrase that
    long is a name or two words, about as rare as its start."""
    field, syllables = ("text_canonical", alt.syllables) if alt.whole else ("text_folded", alt.folded)
    if alt.prefix or len(syllables) < 2:
        return _phrase(field, syllables, alt.prefix)
    head = alt.folded[:SHINGLE_MAX]
    ranked = {"term": {f"text_folded.p{len(head)}": " ".join(head)}}
    if len(syllables) == len(head) and not alt.whole:
        return ranked
    return {"bool": {"must": [ranked], "filter": [_phrase(field, syllables, False)]}}


def alternative_clause(alt: Alternative, canonical: str = "text_canonical",
                       folded_field: str = "text_folded") -> dict[str, Any]:
    """One alternative under the accent rule: its folded phrase, and its accented syllables as
    typed (tone placement canonical) in the canonical field, as SQLite checks them. The fields:
    the text's, or the title's (`ElasticBackend.titled`)."""
    if alt.whole:  # typed with every accent, or literal
        return _phrase(canonical, alt.syllables, alt.prefix)
    folded = _phrase(folded_field, alt.folded, alt.prefix)
    if not alt.any_accent:
        return folded
    checks = [_phrase(canonical, (s,), prefix) for s, prefix in alt.accent_checks]
    return {"bool": {"filter": [folded, *checks]}}


def group_clause(group: Group) -> dict[str, Any]:
    """A group matches by any alternative, or by being about its unit or a unit inside it (free
    text asks for everything about a place; the --unit filter is the strict one), or by being
    in its document, or by being about an agency of its kind ("các sở": Group.kind)."""
    should = [alternative_clause(alt) for alt in group.alternatives]
    if group.unit:
        should += [{"term": {field: group.unit}} for field in _UNIT_OR_INSIDE]
    if group.doc_number:
        should.append({"term": {"doc_numbers_folded": group.doc_number}})
    if group.kind:
        should.append({"term": {"agency_kinds": group.kind}})
    return should[0] if len(should) == 1 else {"bool": {"should": should, "minimum_should_match": 1}}


def title_body(query: Query, plan: Plan, limit: int) -> dict[str, Any]:
    """The request body for `ElasticBackend.titled` (pure): every group with words held by the
    title fields, any alternative each, through the filters, without the excluded words, in the
    browse order (as SQLite's)."""
    groups = [{"bool": {"should": [alternative_clause(a, "title_canonical", "title_folded")
                                   for a in g.alternatives], "minimum_should_match": 1}}
              for g in plan.groups if g.alternatives]
    must_not = [alternative_clause(alt) for alt in plan.excluded]
    narrowed = filters(asked_query(query, plan))
    return {"query": {"bool": {"filter": [*groups, *narrowed], "must_not": must_not}},
            "size": max(limit, 0), "sort": [*_NEWEST, {"finding_id": "asc"}], "_source": _RECORD_SOURCE}


def text_query(plan: Plan, *, minimum: int | None = None,
               weights: Sequence[int] | None = None, fill: bool = False,
               matters: Sequence[str] = (), areas: Sequence[str] = (),
               instanced: bool = False) -> dict[str, Any]:
    """The matching and scoring of a plan: every group (or `minimum` of them, the fallback) must
    match; the score is GROUP_BONUS per group matched, POLARITY_BONUS for the polarity asked
    for, EXACT_BONUS for the whole query as typed, plus BM25 of the ranked units — the order
    SQLite gives.
    `weights` (index.query.Plan.weights, the partial stages; else each counts once): the
    groups', the polarity's when it stands for a word, the answer's (Plan.answer: what an answer
    to the question holds, one group more, never required), then each part's (Plan.parts),
    which counts where its group did not match. A partial stage's findings hold a topical group
    when the plan has one (as SQLite).

    `fill` (index.query.Plan.fills): findings matching any topical group or part match too, and
    those matching `minimum` groups (the stage, all groups when None) score `_stage_bonus` more,
    above any fill finding — SQLite ranks the stage, then the fill.

    `matters` (index.base.Query.matters, the matter tier; index.query's docstring states what it
    admits and in what order): findings whose own theme is one of them, or speaking of the first
    besides their own, match too (of the polarity asked for only). They score `_stage_bonus` above any fill
    finding, twice that when their own theme is one of them, MATTER_BONUS more for the first
    matter (their own, or, of the others, one they speak of); the stage scores three times
    `_stage_bonus`, above any of them — SQLite ranks the stage, the matter tier (own theme, then
    spoken of besides), the fill. The stage and the tier are named queries, so each hit says
    which tier it came in.

    `areas` (index.base.Query.areas): findings of those areas match the tier too, scoring
    `_stage_bonus` alone; with matters, those of the matters score one `_stage_bonus` more, so
    an area's finding ranks below every matter's (as SQLite). The tier's findings holding none
    of the groups rank by bm25 of Plan.bare_ranked alone: the word scores (the ranked units, the
    answer, the parts' weights) are kept from them, as SQLite ranks them.

    `instanced` (index.query.Plan.names_instances): the section's findings naming an instance of a
    concept asked match too, holding none of the groups nor parts: no bonus but the polarity's,
    so after the fill and before any finding of another polarity, ranked by bm25 of
    Plan.bare_ranked alone, as SQLite.
    """
    if not plan.groups:
        excluded = [alternative_clause(alt) for alt in plan.excluded]
        return {"bool": {"must_not": excluded}} if excluded else {"match_all": {}}
    groups = [group_clause(g) for g in plan.groups]
    weights = list(weights) if weights is not None else [1] * plan.counted
    should: list[dict[str, Any]] = [{"constant_score": {"filter": g, "boost": GROUP_BONUS * w}}
                                    for g, w in zip(groups, weights, strict=False)]
    if plan.polarity is not None:
        # Standing for a word the query typed ("hạn chế"), the polarity also counts as a group.
        boost = POLARITY_BONUS + (GROUP_BONUS * weights[len(groups)] if plan.polarity_group else 0.0)
        should.append({"constant_score": {"filter": {"term": {"polarity": plan.polarity}}, "boost": boost}})
        if plan.section:  # a section of the reports: its findings above every other (as SQLite)
            should.append({"constant_score": {"filter": {"term": {"polarity": plan.polarity}},
                                              "boost": _section_bonus(weights)}})
    if plan.exact is not None:
        should.append({"constant_score": {"filter": alternative_clause(plan.exact), "boost": EXACT_BONUS}})
    # BM25 of what SQLite ranks by (index.query.ranked_units): words of one-alternative groups,
    # the alternatives of synonym groups, the optional words; typed with every accent, on the
    # canonical field (as SQLite ranks them on `original`).
    ranked = ranked_units(plan)
    worded: list[dict[str, Any]] = [_ranked_clause(a) for a in ranked]  # scores the bare tier has not
    stage: dict[str, Any] = {"bool": {"should": groups, "minimum_should_match": minimum or len(groups)}}
    topic = [g for g, admits in zip(groups, plan.topical, strict=True) if admits]  # admits to the fill
    if minimum and plan.holds_topic:  # a partial stage: neither a sense nor a frame group alone
        staged = [g for g, admits in zip(groups, plan.stage_topical, strict=True) if admits]
        stage["bool"]["filter"] = [{"bool": {"should": staged, "minimum_should_match": 1}}]
    if plan.answer:  # what an answer to the question holds: one group more, never required
        held = [alternative_clause(alt) for alt in plan.answer]
        worded.append({"constant_score": {"filter": {"bool": {"should": held, "minimum_should_match": 1}},
                                          "boost": GROUP_BONUS * weights[plan.counted - 1]}})
    first = plan.counted
    parts = [alternative_clause(p.alternative) for p in plan.parts]
    if len(weights) > first:  # a part counts where its group did not match
        worded += [{"constant_score": {"filter": {"bool": {"filter": [part], "must_not": [groups[p.group]]}},
                                       "boost": GROUP_BONUS * w}}
                   for p, part, w in zip(plan.parts, parts, weights[first:], strict=True) if w]
    bare: dict[str, Any] | None = None  # the matter tier's findings holding none of the groups
    if fill or matters or instanced:
        admitted = [stage]
        bonus = _stage_bonus(weights)
        if fill:
            admitted.append({"bool": {"should": topic + parts, "minimum_should_match": 1}})
        if matters or areas:
            # A query asking a polarity gets the matter in that sense only (as SQLite).
            sense = [{"term": {"polarity": plan.polarity}}] if plan.polarity is not None else []
            named: list[dict[str, Any]] = []  # what admits a finding to the tier
            if areas:  # of an area the query names whole (as SQLite)
                named.append({"terms": {"area": list(areas)}})
            if matters:
                own = {"terms": {"theme": list(matters)}}
                # Its own theme one of the matters, or speaking of the strongest besides (as SQLite).
                either = {"bool": {"should": [own, _speaks_of(matters[:1])], "minimum_should_match": 1}}
                named.append(either)
            themed = {"bool": {"filter": [{"bool": {"should": named, "minimum_should_match": 1}}, *sense]}}
            admitted.append(themed)
            tier = {"bool": {"filter": [themed], "must_not": [stage]}}
            should.append({"constant_score": {"filter": tier, "boost": bonus, "_name": TIER_MATTER}})
            levels = 1  # the tier's levels of `bonus`: areas', then speaking of, then own theme
            if matters:
                if areas:  # the matters' findings above those of the areas alone
                    should.append({"constant_score": {"filter": {"bool": {"filter": [tier, either]}},
                                                      "boost": bonus}})
                    levels += 1
                besides = {"bool": {"filter": [_speaks_of(matters[:1])], "must_not": [own]}}
                lead = {"bool": {"should": [{"term": {"theme": matters[0]}}, besides],
                                 "minimum_should_match": 1}}
                strongest = {"bool": {"filter": [lead, *sense], "must_not": [stage]}}
                should += [{"constant_score": {"filter": {"bool": {"filter": [tier, own]}}, "boost": bonus}},
                           {"constant_score": {"filter": strongest, "boost": MATTER_BONUS}}]
                levels += 1
            bonus *= levels + 1
        should.append({"constant_score": {"filter": stage, "boost": bonus, "_name": TIER_WORDS}})
        if matters or areas:
            bare = {"bool": {"filter": [tier], "must_not": groups}}
        if instanced:  # after the fill: holding none of the groups nor parts, of the polarity asked
            holding = {"bool": {"should": [alternative_clause(a) for a in plan.instances],
                                "minimum_should_match": 1}}
            naming = {"bool": {"filter": [holding, {"term": {"polarity": plan.polarity}}],
                               "must_not": [*groups, *parts]}}
            admitted.append(naming)
            should.append({"constant_score": {"filter": naming, "boost": 0.0, "_name": NAMING}})
            bare = naming if bare is None else {"bool": {"should": [bare, naming], "minimum_should_match": 1}}
        # The tiers after the stage rank by bm25 of the parts too (index.query.ranked_units).
        stage_ranked = {(a.syllables, a.prefix) for a in ranked}
        filling = [a for a in ranked_units(plan, fill=True) if (a.syllables, a.prefix) not in stage_ranked]
        worded += [{"bool": {"must": [_ranked_clause(a)], "must_not": [stage]}} for a in filling]
        if bare is not None and plan.bare_ranked:
            # The tier's findings holding none of the groups rank by bm25 of Plan.bare_ranked
            # alone (the fill's parts, the words inside the groups' terms and synonyms, the
            # concepts' instances), as SQLite. One clause, the filter written once: per unit it was
            # copied as often as there are units, and a query asking a concept (Plan.instances: a
            # score of them) passed the engine's clause limit. A bool's score sums its matching
            # should clauses, as the clauses apart did.
            units = [_ranked_clause(a) for a in plan.bare_ranked]
            should.append({"bool": {"filter": [bare], "should": units, "minimum_should_match": 1}})
        required: dict[str, Any] = {"filter": [{"bool": {"should": admitted, "minimum_should_match": 1}}]}
    elif minimum:
        required = {"filter": [stage]}
    else:
        required = {"filter": groups}
    if bare is not None:  # the word scores are not theirs: they rank by Plan.bare_ranked alone
        worded = [{"bool": {"must": [clause], "must_not": [bare]}} for clause in worded]
    body: dict[str, Any] = {**required, "should": [*should, *worded]}
    if plan.excluded:
        body["must_not"] = [alternative_clause(alt) for alt in plan.excluded]
    return {"bool": body}


def _stage_bonus(weights: Sequence[int]) -> float:
    """What a stage's finding scores above any fill finding: more than every group, the
    polarity, the exact phrase and bm25 a finding can add (each below one GROUP_BONUS)."""
    return GROUP_BONUS * (sum(weights) + 2)


def _section_bonus(weights: Sequence[int]) -> float:
    """What a finding of the polarity a section query asks for (index.query.Plan.section) scores
    above any other: more than the most a finding of another polarity scores, a stage's (at most
    four `_stage_bonus` with matters and areas, text_query) and its words' (below one more). No
    more: scores are float32, and a larger constant would round bm25's differences away."""
    return _stage_bonus(weights) * 5


class _Vocabulary(Vocabulary):
    """Which query spans this index holds as words or unit names, and the definitions its texts
    write under the query's keys: one size-0 search, its aggregations answering all three
    (`known`), asked once per query."""

    def __init__(self, backend: ElasticBackend) -> None:
        self._backend = backend

    def known(self, spans: Sequence[str], keys: Sequence[str]) -> tuple[set[str], set[str], set[str]]:
        aggs: dict[str, Any] = {}
        if spans:
            words = {c: {"term": {"text_words": c.replace(" ", "_")}} for c in spans}
            units = {c: {"bool": {"should": [{"term": {f: c}} for f in _UNIT_OR_INSIDE]}} for c in spans}
            aggs |= {"words": {"filters": {"filters": words}}, "units": {"filters": {"filters": units}}}
        if keys:
            values = {"terms": {"field": "definitions", "size": _DEFINITIONS_READ}}
            holding = {"terms": {"definition_keys": list(keys)}}
            aggs["defined"] = {"filter": holding, "aggs": {"values": values}}
        if not aggs:
            return set(), set(), set()
        response = self._backend._call("looking up query words", self._backend.client.search,
                                       index=self._backend.alias, size=0, aggs=aggs)["aggregations"]
        known_words, known_units = ({k for k, b in response[name]["buckets"].items() if b["doc_count"]}
                                    if name in response else set() for name in ("words", "units"))
        defined = _defined_under(response["defined"]["values"]["buckets"], keys) if keys else set()
        return known_words, known_units, defined

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return self.known(candidates, ())[0]

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return self.known(candidates, ())[1]

    def defined(self, keys: Sequence[str]) -> set[str]:
        """The definitions (FindingRecord.definitions) any finding's document writes under one of
        `keys`: the terms aggregation over the findings holding a key (`known`)."""
        return self.known((), keys)[2]

    def written_elsewhere(self, units: Sequence[str]) -> set[str]:
        elsewhere = {u: {"bool": {"must": [{"match_phrase": {"text_folded": u}}],
                                  "must_not": [{"term": {f: u}} for f in _UNIT_OR_INSIDE]}} for u in units}
        response = self._backend._call("looking up query words", self._backend.client.search,
                                       index=self._backend.alias, size=0,
                                       aggs={"elsewhere": {"filters": {"filters": elsewhere}}})
        return {u for u, b in response["aggregations"]["elsewhere"]["buckets"].items() if b["doc_count"]}

    def unit_spellings(self, units: Sequence[str]) -> dict[str, set[tuple[str, ...]]]:
        """Per unit, the values of its findings' unit fields that fold to its name (`_spelt_as`),
        an alias's or enclosing unit's also without the level word before it (`name_forms`, as
        the folded copies hold them): what SQLite's fts_terms keys by the name."""
        sources = [s for s, folded in _FOLDED_COPIES.items() if folded in _UNIT_OR_INSIDE]
        aggs = {str(k): {"filter": {"bool": {"should": [{"term": {f: u}} for f in _UNIT_OR_INSIDE]}},
                         "aggs": {s: {"terms": {"field": s, "size": _SPELLINGS_READ,
                                                "include": _spelt_as(u, leveled=s in _NAME_FORMS)}}
                                  for s in sources}}
                for k, u in enumerate(units)}
        response = self._backend._call("looking up unit names", self._backend.client.search,
                                       index=self._backend.alias, size=0, aggs=aggs)
        out: dict[str, set[tuple[str, ...]]] = {}
        for k, unit in enumerate(units):
            bucket = response["aggregations"][str(k)]
            forms = {f for s in sources for b in bucket[s]["buckets"]
                     for f in (name_forms(b["key"]) if s in _NAME_FORMS else (b["key"],))}
            if spelt := {syllables_of(f) for f in forms if filter_key(f) == unit}:
                out[unit] = spelt
        return out

    def written_counts(self, phrases: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        """Per phrase, the findings whose canonical text (accents kept, as SQLite's `original`)
        holds it (the empty phrase: every finding), one filters aggregation; a phrase of two or more capped
        at BIGRAM_CAP as SQLite counts it."""
        keys = {str(k): phrase for k, phrase in enumerate(phrases)}
        asked: dict[str, dict[str, Any]] = {
            k: {"match_all": {}} if not p else {"term": {"text_canonical": p[0]}} if len(p) == 1 else
            {"match_phrase": {"text_canonical": " ".join(p)}} for k, p in keys.items()}
        response = self._backend._call("looking up query spellings", self._backend.client.search,
                                       index=self._backend.alias, size=0,
                                       aggs={"written": {"filters": {"filters": asked}}})
        buckets = response["aggregations"]["written"]["buckets"]
        return {p: buckets[k]["doc_count"] if len(p) < 2 else min(buckets[k]["doc_count"], BIGRAM_CAP)
                for k, p in keys.items()}


def _defined_under(buckets: Sequence[dict[str, Any]], keys: Sequence[str]) -> set[str]:
    """The definitions of a terms aggregation's `buckets` (findings holding one of `keys`) that
    are themselves under one of `keys`: a finding's document may define others besides."""
    keyed = set(keys)
    return {b["key"] for b in buckets
            if (d := Definition.of_value(b["key"])) is not None and keyed & set(d.keys)}


def _spelt_as(unit: str, *, leveled: bool) -> str:
    """A Lucene regular expression for the field values that may fold to the folded `unit`: each
    letter any character folding to it (core.normalize.fold's table read backwards), combining
    marks after it (a value not composed), any run of spaces between words; with anything before
    it for a field that writes the level word first (`leveled`: "huyện Thanh Bình"). A superset,
    kept small: the caller keeps the values `filter_key` folds to the unit.

    Why: the most frequent values of a unit's findings are not its spellings when those findings
    name many units ("các xã A, B, …": one finding naming 22 units left the 21 sorting first),
    and reading them all is unbounded at scale; the names folding to it are a handful."""
    letters = _folding_to()
    parts = [f"[{_SPACES}]+" if c == " " else
             (f"[{letters[c]}][\u0300-\u036f]*" if c in letters else "\\" + c) for c in unit]
    return (".*" if leveled else "") + f"[{_SPACES}]*" + "".join(parts) + f"[{_SPACES}]*"


@functools.cache
def _folding_to() -> dict[str, str]:
    """Folded letter or digit → every character below U+2000 folding to it ("d" → "dDđĐ"): the
    letters and digits of a Lucene character class, none needing an escape."""
    out: dict[str, str] = {}
    for ch in map(chr, range(0x2000)):
        if len(folded := fold(ch)) == 1 and folded.isalnum() and ch.isalnum():
            out[folded] = out.get(folded, "") + ch
    return out


def _any_folded(field: str, value: str) -> dict[str, Any]:
    return {"term": {field: filter_key(value)}}


def _speaks_of(themes: Sequence[str]) -> dict[str, Any]:
    """Findings speaking of one of `themes`: one of their `themes`, or (a document indexed
    before that field existed) their own theme."""
    return {"bool": {"should": [{"terms": {"themes": list(themes)}}, {"terms": {"theme": list(themes)}}],
                     "minimum_should_match": 1}}


def filters(query: Query) -> list[dict[str, Any]]:
    """Elasticsearch filter clauses for a Query's structured conditions."""
    out: list[dict[str, Any]] = []
    if query.unit is not None:
        # "Tân Thạnh" matches the name, "xã Tân Thạnh" the level-qualified form, today's unit its
        # pre-2025 units; with `within`, units inside it too.
        fields = _UNIT_OR_INSIDE if query.within else _UNIT_FIELDS
        out.append({"bool": {"should": [_any_folded(f, query.unit) for f in fields]}})
    if query.unit_place is not None:  # exactly the unit the facet names (FindingRecord.unit_places)
        # As the facet stores it or shows it (core.models.place_forms: an agency without "cơ quan").
        out.append({"terms": {"places_folded": [filter_key(form) for form in place_forms(query.unit_place)]}})
    if query.province is not None:
        # Its findings, and its predecessors' since 2025 (index.query.province_aliases).
        out.append({"bool": {"should": [{"term": {"provinces_folded": province_key(query.province)}},
                                        {"terms": {"aliases_folded": list(province_aliases(query.province))}}
                                        ],
                             "minimum_should_match": 1}})
    if query.inspector is not None:
        # Its inspections' findings: by its name, "level name" or today's unit (a committee before a
        # unit's name left out: index.query.inspector_keys), or as the inspector facet places it.
        keys = list(inspector_keys(query.inspector))
        placed = [filter_key(form) for form in place_forms(query.inspector)]
        out.append({"bool": {"should": [{"terms": {"inspectors_folded": keys}},
                                        {"terms": {"inspector_places_folded": placed}}],
                             "minimum_should_match": 1}})
    if query.level:
        level = filter_key(query.level)
        out.append({"bool": {"should": [{"term": {"levels_folded": level}},
                                        {"prefix": {"levels_folded": level + " "}}]}})
    if query.year is not None:
        out.append({"term": {"year": query.year}})
    if query.year_from is not None or query.year_to is not None:
        bounds = {k: v for k, v in (("gte", query.year_from), ("lte", query.year_to)) if v is not None}
        out.append({"range": {"year": bounds}})
    for field, value in (("area", query.area), ("polarity", query.polarity)):
        if value:
            out.append({"term": {field: value}})
    if query.theme:  # any theme the finding speaks of (an index written before `themes`: its own)
        out.append(_speaks_of([query.theme]))
    if query.doc_kind:
        out.append(_any_folded("doc_kinds_folded", query.doc_kind))
    if query.doc_number:
        out.append(_any_folded("doc_numbers_folded", query.doc_number))
    return out


# The browse order, newest first, as SQLite's (index.base.best_date): the best-known date
# (`dated`), then, for an index written before that field, published, then the year.
# (unmapped_type: an index this version never wrote to has no `dated` mapping yet.)
_NEWEST: list[Any] = [{"dated": {"order": "desc", "missing": "_last", "unmapped_type": "date"}},
                      {"published": {"order": "desc", "missing": "_last"}},
                      {"year": {"order": "desc", "missing": "_last"}}]


def _by_score() -> list[Any]:
    """Relevance, equal scores in the browse order, then by finding_id, as on SQLite
    (index.base.best_date): every scored request (`_sort`, `similar`) orders so."""
    return ["_score", *_NEWEST, {"finding_id": "asc"}]


# Equal dates in the reading order, as SQLite's (index.sqlite_fts._Columns.reading): by document,
# each document's findings as it states them, then the finding id.
_READING: list[Any] = [{"doc_key": "asc"}, {"start": {"order": "asc", "missing": "_last"}},
                       {"finding_id": "asc"}]


def _sort(query: Query) -> list[Any]:
    """Relevance (`_by_score`: which findings of a tier's constant score fill a page or the
    reranker's pool is then the same on both engines) or newest first, equal dates in the reading
    order (`_READING`), not by score: the engines' scores differ where their tiers agree, so a
    score would list one day's findings differently on each."""
    if query.sort == "date" or not query.text.strip():  # newest first, as SQLite's date order
        return [*_NEWEST, "_score", *_READING]  # the score: a section's polarity (`_dated`)
    return _by_score()


def _dated(matching: dict[str, Any], plan: Plan) -> dict[str, Any]:
    """The query of a date order: `matching` admits, and scores nothing but a section's polarity
    (1 more; the server runs no scripts, so the score is the sort key saying it): each date's
    findings of the polarity asked first, then the reading order, as SQLite's."""
    admits: dict[str, Any] = {"constant_score": {"filter": matching, "boost": 1.0}}
    if not (plan.section and plan.polarity is not None):
        return admits
    asked = {"constant_score": {"filter": {"term": {"polarity": plan.polarity}}, "boost": 1.0}}
    return {"bool": {"must": [admits], "should": [asked]}}


# The server's highlighter: asked by `similar` alone (`_snippet` says why); a search's snippets are
# cut by index.base.highlight, as SQLite's.
HIGHLIGHT: dict[str, Any] = {
    "encoder": "html",
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "fields": {"text": {
        "type": "fvh",
        "matched_fields": ["text", "text_canonical", "text_folded"],
        "fragment_size": SNIPPET_CHARS,
        "number_of_fragments": 1,
        "no_match_size": SNIPPET_CHARS,
    }},
}


def search_body(query: Query, plan: Plan | None = None, *, minimum: int | None = None,
                weights: Sequence[int] | None = None, fill: bool = False,
                matters: Sequence[str] = (), areas: Sequence[str] = (), instanced: bool = False
                ) -> dict[str, Any]:
    """The request body for `ElasticBackend.search` (pure, so it is testable without a server).
    No highlighter: snippets are cut from each hit's text by `index.base.highlight`, as SQLite's."""
    plan = plan if plan is not None else plan_query(query.text)
    matching = text_query(plan, minimum=minimum, weights=weights, fill=fill, matters=matters, areas=areas,
                          instanced=instanced)
    if query.sort == "date" and query.text.strip():
        matching = _dated(matching, plan)
    body: dict[str, Any] = {
        "query": {"bool": {"must": [matching], "filter": filters(query)}},
        "from": max(query.offset, 0),
        "size": max(query.limit, 0),
        "sort": _sort(query),
        "track_scores": True,
        "track_total_hits": True,
        "_source": _RECORD_SOURCE,
    }
    if query.facets:
        body["aggs"] = {name: _facet_agg(name) for name in FACET_FIELDS}
    if plan.polarity is not None:  # how many match with the polarity asked for: is a page full?
        body.setdefault("aggs", {})[ASKED] = {"filter": {"term": {"polarity": plan.polarity}}}
    return body


ASKED = "_asked_polarity"  # the aggregation counting the findings of the polarity a query asks for
# The named query of a section's findings naming a concept's instance (text_query `instanced`): they
# come in the matter tier, as SQLite's; a name of its own, as a request's names must differ (the
# server reports one of two queries named alike).
NAMING = "_names_instance"


def _asked(response: Any) -> int:
    """The findings of a response of the polarity asked for; all of them when none is asked."""
    asked = response.get("aggregations", {}).get(ASKED)
    return int(asked["doc_count"]) if asked is not None else int(response["hits"]["total"]["value"])


def _hit(raw: dict[str, Any], marks: Sequence[Alternative], tiers: bool = False,
         snippets: bool = True) -> Hit:
    """A hit of a response, its snippet marked by `marks` (the plan's alternatives:
    index.base.highlight); `tiers`: the request named its stage and matter tier (text_query), so a
    hit matching neither came in the fill. `snippets` False (Query.snippets): the snippet is left
    empty, to be marked if the hit is shown (`SearchBackend.highlighted`), as SQLite's."""
    record = from_source(raw["_source"])
    snippet = highlight(record.text, marks) if snippets else ""
    named = raw.get("matched_queries") or ()
    tier = TIER_WORDS if not tiers or TIER_WORDS in named \
        else TIER_MATTER if {TIER_MATTER, NAMING} & set(named) else TIER_SOME_WORDS
    return Hit(record=record, score=float(raw.get("_score") or 0.0), snippet=snippet, tier=tier)


def _snippet(raw: dict[str, Any], text: str) -> str:
    """A similar finding's snippet (`ElasticBackend.similar`): the highlighter's fragment
    (HIGHLIGHT), else the text's start. Why the server's highlighter there, when searches cut
    theirs by `index.base.highlight`: the more-like-this query picks the finding's terms on the
    server, and only its highlighter knows which they were. Its HTML encoder also escapes "/"
    (&#x2F;), which html.escape, and so SQLite's snippets, leave as it is: put back, a snippet
    reads alike on both engines ("139/QĐ-UBND" in the JSON output, not "139&#x2F;QĐ-UBND")."""
    fragments = raw.get("highlight", {}).get("text")
    return fragments[0].replace("&#x2F;", "/") if fragments else html.escape(text[:SNIPPET_CHARS])


def _facet_agg(name: str) -> dict[str, Any]:
    """One facet's aggregation. A name counted by its canonical copy (_FACET_COPIES) also counts
    its bucket's values as the findings write them (the record's own keyword field): the copy's
    modern tone placement ("Khánh Hoà") is for counting spellings as one, not for showing a name no
    document wrote. A terms count over doc values, not a fetch of a finding per value (a `top_hits`
    per bucket doubled a faceted browse's time at 100,000 findings)."""
    agg: dict[str, Any] = {"terms": {"field": _FACET_SOURCE[name], "size": FACET_SIZE,
                                     "order": [{"_count": "desc"}, {"_key": "asc"}]}}
    if name in _FACET_WRITTEN:
        agg["aggs"] = {_SPELLED: {"terms": {"field": _FACET_WRITTEN[name], "size": _SPELLINGS,
                                            "order": [{"_count": "desc"}, {"_key": "asc"}]}}}
    return agg


def _written(bucket: dict[str, Any]) -> str:
    """A canonical facet value as its findings write it (the smallest such spelling, as SQLite
    shows it), the value itself when none does."""
    key = str(bucket["key"])
    written = (str(b["key"]) for b in bucket.get(_SPELLED, {}).get("buckets", ()))
    return min((v for v in written if canonical_tones(v) == key), default=key)


def _facets(aggs: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    """Each facet's values and counts, most first, ties by the value shown (as SQLite orders them)."""
    out = {}
    for name, agg in aggs.items():
        if name == ASKED:
            continue
        field = _FACET_WRITTEN.get(name)
        values = [(_written(b) if field else str(b["key"]), int(b["doc_count"]))
                  for b in agg["buckets"]]
        out[name] = sorted(values, key=lambda value: (-value[1], value[0])) if field else values
    return out


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class ElasticBackend(SearchBackend):
    """Findings in Elasticsearch behind the alias `index`.

    `refresh=True` makes each `index()`/`delete_document()` visible to the next search (one
    refresh per call, not per item), as the SQLite backend is; turn it off for bulk loads.
    """

    name = "elasticsearch"

    def __init__(self, url: str, index: str = "kiemtra-findings", *, client: Elasticsearch | None = None,
                 refresh: bool = True, request_timeout: float = 30.0) -> None:
        self.url = url
        self.alias = index
        self.refresh_writes = refresh
        self.client = client or Elasticsearch(
            url, request_timeout=request_timeout, max_retries=3, retry_on_timeout=True,
            retry_on_status=RETRY_STATUSES,
        )
        self._down_until = 0.0  # monotonic time before which the server is taken as down
        self._mapping_checked = False  # whether this index has every field of MAPPING (_extend_mapping)
        # The physical indices behind the alias and how many outdated findings they hold, once
        # learnt (outdated()); a reindex, here or in another process, changes the indices.
        self._outdated: tuple[tuple[str, ...], int] | None = None
        # Per thread (the web page searches on several): the index the last search's hits came from.
        self._answered = threading.local()
        self._ensure_alias()

    # -- errors ---------------------------------------------------------------------------

    def _call(self, what: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a client call, turning any client failure into a one-line BackendError."""
        self._fail_fast_while_down()
        try:
            return fn(*args, **kwargs)
        except ApiError as e:
            raise BackendError(f"{what} on index {self.alias!r} failed: {e.meta.status} {e.message}",
                               path=self.url) from e
        except TransportError as e:
            self._mark_down()
            raise BackendError(f"{what} failed, server unreachable: {e.message}", path=self.url) from e

    def _mark_down(self) -> None:
        self._down_until = time.monotonic() + OUTAGE_COOLDOWN_S

    def _fail_fast_while_down(self) -> None:
        """Why: an ingest run calls the index once per document; with the server gone (or
        frozen, when every call waits for its timeout and the client's retries), paying that
        per document would stall the run for minutes. The store keeps the documents marked
        for indexing, so failing at once loses nothing; after the cooldown one call tries again.
        """
        left = self._down_until - time.monotonic()
        if left > 0:
            raise BackendError(f"server unreachable; not retried for another {left:.0f}s", path=self.url)

    # -- index lifecycle ------------------------------------------------------------------

    def _physical_indices(self) -> list[str]:
        """The physical indices the alias points at (none when it does not exist yet)."""

        def fetch() -> list[str]:
            try:
                return sorted(self.client.indices.get_alias(name=self.alias).body)
            except NotFoundError:
                return []

        return self._call("reading alias", fetch)

    def _ensure_alias(self) -> None:
        """Create the alias when it is missing. Its mapping is read rather than only its existence
        asked (one request either way): an index this version wrote is then known to hold no
        outdated findings before the first search asks (outdated())."""
        try:
            mappings = dict(self.client.indices.get_mapping(index=self.alias).body)
        except NotFoundError:
            mappings = {}
        except (ApiError, TransportError) as e:
            reason = e.message if isinstance(e, TransportError) else f"{e.meta.status} {e.message}"
            raise BackendError(f"cannot reach Elasticsearch: {reason}", path=self.url) from e
        if not mappings or self.alias in mappings:  # no alias (an index of that name is not one)
            self.swap_alias(self.create_new_index())
        elif all(written_whole(m) for m in mappings.values()):
            self._outdated = (tuple(sorted(mappings)), 0)

    def _extend_mapping(self) -> None:
        """Add the fields this version writes to an index an older one created (the mapping is
        strict: a record with a field it lacks would be rejected until `kiemtra reindex`).
        Adding fields is allowed on a live index; once per backend instance, before writing."""
        if self._mapping_checked:
            return
        self._call("extending the mapping", self.client.indices.put_mapping, index=self.alias,
                   properties=EXTENDABLE_PROPERTIES)
        self._mapping_checked = True

    def create_new_index(self, *, bulk_load: bool = False) -> str:
        """Create an empty physical index `<alias>-<UTC timestamp>` with the mapping; its name.

        `bulk_load`: nobody reads it until the alias swap, so no refreshes and no fsync per bulk
        request while it fills (a failed build is thrown away anyway); `end_bulk_load` restores.
        """
        name = f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        settings = {**INDEX_SETTINGS, **(BULK_LOAD_SETTINGS if bulk_load else {})}
        self._call("creating index", self.client.indices.create, index=name,
                   mappings=new_index_mappings(), settings=settings)
        LOGGER.info("created index %s", name)
        return name

    def swap_alias(self, new: str) -> None:
        """Point the alias at `new` only, in one atomic step; the old indices stay (see drop_old)."""
        actions: list[dict[str, Any]] = [{"remove": {"index": old, "alias": self.alias}}
                                         for old in self._physical_indices() if old != new]
        actions.append({"add": {"index": new, "alias": self.alias, "is_write_index": True}})
        self._call("swapping alias", self.client.indices.update_aliases, actions=actions)
        self._outdated = None  # learnt again from `new`'s mapping (outdated())
        LOGGER.info("alias %s now points at %s", self.alias, new)

    def _delete_indices(self, names: list[str]) -> None:
        if names:
            self._call("deleting indices", self.client.indices.delete, index=",".join(names))

    def reindex(self, records: Iterable[FindingRecord]) -> int:
        """Rebuild from scratch into a new index, then swap: searches never see it half-built.

        The new index is filled with refreshes and per-request fsyncs off (nobody reads it yet),
        which makes the bulk load cheaper; both are switched back on before the swap.
        """
        old = self._physical_indices()
        new = self.create_new_index(bulk_load=True)
        try:
            written = self._write(records, target=new)
            self._call("ending the bulk load", self.client.indices.put_settings, index=new,
                       settings=dict.fromkeys(BULK_LOAD_SETTINGS))  # null: back to the defaults
            self._call("refreshing", self.client.indices.refresh, index=new)
        except BackendError:
            self._delete_indices_quietly([new])
            raise
        self.swap_alias(new)
        self._delete_indices(old)
        return written

    def rebuild(self, records: Iterable[FindingRecord]) -> int:
        return self.reindex(records)

    def _delete_indices_quietly(self, names: list[str]) -> None:
        """Clean up after a failed build; the failure that caused it is the error to report."""
        try:
            self._delete_indices(names)
        except BackendError as e:
            LOGGER.warning("could not delete the unfinished index %s: %s", ",".join(names), e)

    def clear(self) -> None:
        old = self._physical_indices()
        self.swap_alias(self.create_new_index())
        self._delete_indices(old)

    def drop(self) -> None:
        """Delete the alias and every index behind it (tests, uninstall)."""
        self._delete_indices(self._physical_indices())

    def refresh(self) -> None:
        """Make every write so far visible to search."""
        self._call("refreshing", self.client.indices.refresh, index=self.alias)

    # -- writing --------------------------------------------------------------------------

    def index(self, records: Iterable[FindingRecord]) -> int:
        self._extend_mapping()
        self._forget_outdated()
        written = self._write(records, target=self.alias)
        if self.refresh_writes and written:
            self.refresh()
        return written

    def _write(self, records: Iterable[FindingRecord], *, target: str) -> int:
        """Bulk-write in batches, WRITE_THREADS requests in flight.

        Why concurrent: one bulk request is indexed by one server thread; two in flight let a
        single-shard index use both cores, and the next batch is prepared meanwhile. At most
        WRITE_THREADS batches are held, so memory stays bounded for any number of records.
        """
        written = 0
        with ThreadPoolExecutor(max_workers=WRITE_THREADS, thread_name_prefix="es-bulk") as pool:
            in_flight: deque[Future[int]] = deque()
            for batch in _batches(records, BATCH_SIZE):
                pending: dict[str, dict[str, Any] | None] = {r.finding_id: to_source(r) for r in batch}
                in_flight.append(pool.submit(self._write_batch, pending, target))
                if len(in_flight) >= WRITE_THREADS:
                    written += in_flight.popleft().result()
            while in_flight:
                written += in_flight.popleft().result()
        return written

    def _write_batch(self, pending: dict[str, dict[str, Any] | None], target: str) -> int:
        """Bulk-write one batch (a None source deletes that id); retry what failed transiently
        with exponential backoff, and report what still failed as one BackendError.

        The `_id` is the finding id, so resending an item that had in fact been written is
        harmless: it replaces itself. That is what makes the whole-batch retry safe.
        """
        self._fail_fast_while_down()
        written = 0
        failed: dict[str, str] = {}
        for attempt in range(WRITE_ATTEMPTS):
            if attempt:
                delay = BACKOFF_S * 2 ** (attempt - 1)
                LOGGER.warning("retrying %d findings in %.1fs (attempt %d)", len(pending), delay, attempt + 1)
                time.sleep(delay)
            try:
                written += self._bulk_once(pending, target, failed)
            except TransportError as e:  # connection lost mid-batch: retry what is unacknowledged
                LOGGER.warning("bulk write to %s interrupted: %s", self.url, e.message)
                if attempt == WRITE_ATTEMPTS - 1:
                    self._mark_down()
                    raise BackendError(f"bulk write failed, server unreachable: {e.message}",
                                       path=self.url) from e
            if not pending:
                break
        for finding_id in pending:
            failed.setdefault(finding_id, "still rejected after retries")
        if failed:
            sample = "; ".join(f"{k}: {v}" for k, v in list(failed.items())[:5])
            raise BackendError(f"{len(failed)} findings not indexed into {target!r} ({sample})",
                               path=self.url)
        return written

    def _bulk_once(self, pending: dict[str, dict[str, Any] | None], target: str,
                   failed: dict[str, str]) -> int:
        """One streaming_bulk pass: acknowledged and permanently failed items leave `pending`."""
        actions = [{"_op_type": "index", "_index": target, "_id": fid, "_source": src}
                   if src is not None else {"_op_type": "delete", "_index": target, "_id": fid}
                   for fid, src in pending.items()]
        written = 0
        for ok, item in streaming_bulk(self.client, actions, chunk_size=BATCH_SIZE, max_retries=3,
                                       initial_backoff=BACKOFF_S, raise_on_error=False,
                                       raise_on_exception=False):
            op, result = next(iter(item.items()))
            finding_id = str(result.get("_id"))
            status = int(result.get("status") or 0)
            if ok or (op == "delete" and status == 404):  # already gone is what we wanted
                pending.pop(finding_id, None)
                written += 1
                continue
            error = result.get("error")
            reason = error.get("reason") if isinstance(error, dict) else str(error)
            if status in RETRY_STATUSES or status == 0:
                continue  # transient (or the request never reached the server): retry it
            pending.pop(finding_id, None)
            failed[finding_id] = f"{status} {reason}"
        return written

    def delete_document(self, doc_key: str) -> None:
        """Delete by id through the bulk path: `_delete_by_query` lives in the reindex module,
        which minimal distributions (the integ-test zip among them) do not ship."""
        pending: dict[str, dict[str, Any] | None] = dict.fromkeys(self._finding_ids(doc_key))
        if pending:
            self._forget_outdated()
            self._write_batch(pending, self.alias)
            if self.refresh_writes:
                self.refresh()

    def _forget_outdated(self) -> None:
        """Before a write: it may replace outdated findings, so a count of them is learnt again.
        An index written whole stays whole (this version writes every field), so that is kept."""
        if self._outdated is not None and self._outdated[1]:
            self._outdated = None

    def _finding_ids(self, doc_key: str) -> list[str]:
        """Every finding id of one document, paged with search_after (no result-window limit)."""
        found: list[str] = []
        after: list[Any] | None = None
        while True:
            extra = {"search_after": after} if after else {}
            page = self._call("listing a document's findings", self.client.search, index=self.alias,
                              query={"term": {"doc_key": doc_key}}, source=False, size=BATCH_SIZE,
                              sort=[{"finding_id": "asc"}], **extra)["hits"]["hits"]
            found += [raw["_id"] for raw in page]
            if len(page) < BATCH_SIZE:
                return found
            after = page[-1]["sort"]

    # -- reading --------------------------------------------------------------------------

    def plan(self, text: str | Parsed) -> Plan:
        """The query planned against this index's words and units (index.query.plan_query): one
        request asks which of its spans the index holds, when it has any to look up."""
        return plan_query(text, _Vocabulary(self))

    def search(self, query: Query, plan: Plan | None = None, memo: SearchMemo | None = None) -> SearchResult:
        """Plan the query against this index's words and units (unless given a plan:
        `SearchBackend.search`), search all groups, and when
        that finds less than a page, most of them (index.query.Plan.minimum); when the page is
        still not full, the findings of the query's matters (Query.matters, the matter tier),
        then those matching any topical group (Plan.fills), each ranked after the one before.
        `memo`: the search's (SearchMemo), where the plan's holders (`_holders`) and what its
        stage of all the groups found (`_falls_back_known`) are kept for its next request."""
        # The vocabulary is asked lazily: plan_query skips it when the query has no span to look up.
        if plan is None:
            plan = plan_query(query.text, _Vocabulary(self)) if query.text.strip() else Plan()
        query = asked_query(query, plan)  # the filter the words name for certain (Plan.inspector)
        if plan.nothing:  # only punctuation or emoji: nothing matches it
            return SearchResult(0, (), {name: [] for name in FACET_FIELDS} if query.facets else {}, plan)
        page_size = query.tier_page  # the page size the tiers are decided on (Query.page_size)
        weights: list[int] | None = None
        minimum: int | None = None  # groups the stage's findings match: all (None), most, or half
        memo = memo if memo is not None else SearchMemo()  # else kept for this request's alone
        holders, partial = self._partial(query, plan, self._falls_back_known(query, plan, memo), memo)
        if not partial:  # the stage of all the groups: its answer is read (else the partial stage's)
            body = search_body(query, plan)
            response = self._call("search", self.client.search, index=self.alias, **body)
            memo.keep(_STAGED, plan, (body["query"]["bool"]["filter"], _asked(response)))
            holders, partial = self._partial(query, plan, plan.falls_back(_asked(response), page_size), memo)
        if partial:
            weights = plan.weights(*(holders or self._holders(plan, memo)))
            minimum = plan.minimum
            body = search_body(query, plan, minimum=minimum, weights=weights)
            response = self._call("search", self.client.search, index=self.alias, **body)
            if not response["hits"]["total"]["value"] and plan.last_resort is not None:
                minimum = plan.last_resort
                # Else the fill's request holds this stage too; by date it decides the fill.
                if not plan.fills(0, page_size) or query.sort == "date":
                    body = search_body(query, plan, minimum=minimum, weights=weights)
                    response = self._call("search", self.client.search, index=self.alias, **body)
        # A section asked (Plan.section): the tiers are decided on the stage's findings of its
        # polarity, the others ranking after them all (as SQLite).
        found = _asked(response) if plan.section else int(response["hits"]["total"]["value"])
        fill = plan.fills(found, page_size)
        # The matter tier (index.base.Query.matters, Query.areas; index.query.Plan.matter_tier).
        tier = plan.matter_tier(query.matters, query.areas, found, page_size)
        matters = query.matters if tier else ()
        areas = query.areas if tier else ()  # the areas named whole, in the same tier
        instanced = plan.names_instances(found, page_size)  # a section's instances, after the fill
        # By date, the fill only when nothing else answers (Plan.fills_by_date): the stage's
        # findings say so now, the matter tier's and the instances' only once asked (`refill` then).
        refill = False
        if fill and query.sort == "date":
            fill = plan.fills_by_date(int(response["hits"]["total"]["value"])) and not (
                matters or areas or instanced)
            refill = not fill and plan.fills_by_date(int(response["hits"]["total"]["value"]))
        if fill or matters or areas or instanced:
            # The stage's findings, then the matter tier's, then those matching any topical group
            # (index.query.Plan.fills): one request ranks them all, pages and counts them (the
            # half stage is asked within it).
            if weights is None:
                weights = plan.fixed_weights or plan.weights(*(holders or self._holders(plan, memo)))
            body = search_body(query, plan, minimum=minimum, weights=weights, fill=fill,
                               matters=matters, areas=areas, instanced=instanced)
            response = self._call("search", self.client.search, index=self.alias, **body)
            if refill and not response["hits"]["total"]["value"]:
                fill = True
                body = search_body(query, plan, minimum=minimum, weights=weights, fill=fill,
                                   matters=matters, areas=areas, instanced=instanced)
                response = self._call("search", self.client.search, index=self.alias, **body)
        tiers = bool(fill or matters or areas or instanced)
        self._note_answered(response)
        hits = tuple(_hit(raw, plan.alternatives, tiers, query.snippets) for raw in response["hits"]["hits"])
        facets = _facets(response.get("aggregations", {})) if query.facets else {}
        return SearchResult(total=int(response["hits"]["total"]["value"]), hits=hits, facets=facets,
                            plan=plan)

    def _partial(self, query: Query, plan: Plan, falls_back: bool,
                 memo: SearchMemo) -> tuple[tuple[list[int], int] | None, bool]:
        """Whether the partial stage runs, given whether the stage of all the groups found too
        little (`falls_back`: Plan.falls_back): it does unless the matter tier goes first
        (Plan.matter_first). With it the plan's holders, when that question read them (the
        query names a matter or an area), else None: each weighed group's findings of all,
        asked once per search (`_holders`)."""
        if not falls_back or not (query.matters or query.areas):
            return None, falls_back
        holders = self._holders(plan, memo)
        return holders, not plan.matter_first(*holders, query.matters, query.areas)

    @staticmethod
    def _falls_back_known(query: Query, plan: Plan, memo: SearchMemo) -> bool:
        """Whether this query's stage of all the groups is known to find fewer than a page (so
        the partial stages run: Plan.falls_back) without asking it: the search's last request
        asking it (`memo`) did so for the same plan with filters this query also has, and found
        fewer than this query's page. Filters only narrow, so this query's stage finds fewer still.

        Why: the composed search asks the engine for the pool, then the place's own findings
        (pipeline/search.py engine_pool: the same plan and filters, and the place's), and a
        place typed with a matter mostly falls back: the place's stage of all the groups was
        asked only to learn so (one request of about six such a search made)."""
        last = memo.get(_STAGED, plan)
        if last is None:
            return False
        narrowed_by, found = last
        mine = filters(query)
        return plan.falls_back(found, query.tier_page) and all(clause in mine for clause in narrowed_by)

    def titled(self, query: Query, plan: Plan, limit: int) -> list[Hit]:
        """SearchBackend.titled: one request on the headline fields (title_body)."""
        if not any(g.alternatives for g in plan.groups) or plan.nothing or limit <= 0:
            return []
        body = title_body(query, plan, limit)
        response = self._call("search", self.client.search, index=self.alias, **body)
        return [dataclasses.replace(_hit(raw, plan.alternatives, snippets=query.snippets),
                                    tier=TIER_SOME_WORDS) for raw in response["hits"]["hits"]]

    def _holders(self, plan: Plan, memo: SearchMemo) -> tuple[list[int], int]:
        """How many findings of the whole index hold each group (then the polarity, the answer
        and each part, as index.query.Plan.weights reads them), and how many findings there are.

        Counted over the whole index, whatever the query's filters, so one plan's are the same
        for every request of a search: the composed search (pipeline/search.py) hands one plan
        to each (the pool, the place's own findings, the page past the pool), and a place typed
        asked the same counts twice. So they are kept in the search's memo (SearchMemo)."""
        holders: tuple[list[int], int] | None = memo.get(_HOLDERS, plan)
        if holders is None:
            holders = self._count_holders(plan)
            memo.keep(_HOLDERS, plan, holders)
        return holders

    def _count_holders(self, plan: Plan) -> tuple[list[int], int]:
        """The counts `_holders` reads: one size-0 request of a filters aggregation."""
        clauses = {str(i): group_clause(g) for i, g in enumerate(plan.groups)}
        if plan.polarity_group and plan.polarity is not None:
            clauses[str(len(clauses))] = {"term": {"polarity": plan.polarity}}
        if plan.answer:
            clauses[str(len(clauses))] = {"bool": {"should": [alternative_clause(a) for a in plan.answer],
                                                   "minimum_should_match": 1}}
        for part in plan.parts:
            clauses[str(len(clauses))] = alternative_clause(part.alternative)
        response = self._call("weighing query words", self.client.search, index=self.alias, size=0,
                              track_total_hits=True, aggs={"df": {"filters": {"filters": clauses}}})
        buckets = response["aggregations"]["df"]["buckets"]
        holders = [int(buckets[str(i)]["doc_count"]) for i in range(len(clauses))]
        return holders, int(response["hits"]["total"]["value"])

    def similar(self, finding_id: str, limit: int = 5) -> list[Hit]:
        """More-like-this on the folded text: wording, not accents, makes findings alike; equal
        scores in the browse order, then by finding id, as every search (`_by_score`) and SQLite."""
        source = self._call("looking up a finding", self.client.options(ignore_status=404).get,
                            index=self.alias, id=finding_id, source_includes=["text"])
        if not source.get("found"):
            raise BackendError(f"no indexed finding {finding_id}", path=self.url)
        mlt = {"more_like_this": {
            "fields": ["text_folded"],
            "like": [{"_index": self.alias, "_id": finding_id}],
            "min_term_freq": 1, "min_doc_freq": 2, "min_word_length": 2,
            # The words SQLite's `similar` never picks either (index/base.py: similar_stopwords).
            "stop_words": sorted(similar_stopwords()),
            "max_query_terms": SIMILAR_TERMS,
            "minimum_should_match": f"{round(SIMILAR_MIN_SHARE * 100)}%",
        }}
        query = {"bool": {"must": [mlt], "must_not": [{"ids": {"values": [finding_id]}}]}}
        response = self._call("similar", self.client.search, index=self.alias, query=query,
                              size=max(limit, 0), sort=_by_score(),
                              highlight=HIGHLIGHT, source=_RECORD_SOURCE)
        self._note_answered(response)
        # Marked where they write the words as this finding does (kept_marks), not by fold.
        text = source["_source"]["text"]
        return [dataclasses.replace(_hit(raw, ()),
                                    snippet=kept_marks(_snippet(raw, raw["_source"]["text"]), text))
                for raw in response["hits"]["hits"]]

    def count(self) -> int:
        return int(self._call("count", self.client.count, index=self.alias)["count"])

    def _note_answered(self, response: Any) -> None:
        """Remember which physical index answered (a hit's `_index`): when it is the one outdated()
        already knows, the answer needs no request; no hits tell nothing."""
        hits = response["hits"]["hits"]
        self._answered.index = hits[0]["_index"] if hits else None

    def outdated(self) -> int:
        """Findings written with an older layout than this version's (SearchBackend.outdated,
        index.base.LAYOUT_VERSION).

        Why it is cheap: the CLI and the web page ask after every search. The answer belongs to
        the physical indices behind the alias (a reindex, in any process, swaps in a new one), so
        it is learnt once per generation: an index created with this layout says so in its
        mapping's `_meta` (new_index_mappings) and is never counted; an older one is counted once. When this
        thread's last search was answered by the generation already known, no request at all;
        otherwise one mapping read finds the generation (a search that found nothing, or the first
        after a reindex elsewhere)."""
        known = self._outdated
        answered = getattr(self._answered, "index", None)
        if known is not None and answered is not None and known[0] == (answered,):
            return known[1]
        mappings = self._call("reading the mapping", self.client.indices.get_mapping, index=self.alias).body
        generation = tuple(sorted(mappings))
        if known is not None and known[0] == generation:
            return known[1]
        findings = (0 if all(written_whole(m) for m in mappings.values())
                    else self.count() if not all(_shingled(m) for m in mappings.values())
                    else self._count_outdated())
        self._outdated = (generation, findings)
        return findings

    def _count_outdated(self) -> int:
        """Findings whose `layout` is older than this version's, or missing: an older index may
        hold findings this version wrote into it since (_extend_mapping adds the fields, not the
        findings). A finding without the field was written before kiemtra recorded layouts: whether
        it lacks the title fields cannot be asked (a finding without a title has none either, and
        `title` is not indexed), so each is counted (a field this index never mapped exists nowhere)."""
        query = {"bool": {"must_not": [{"range": {"layout": {"gte": LAYOUT_VERSION}}}]}}
        return int(self._call("counting outdated findings", self.client.count, index=self.alias,
                              query=query)["count"])

    def close(self) -> None:
        self.client.close()
