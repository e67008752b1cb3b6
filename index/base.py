"""The search-backend contract: what SQLite FTS5 and Elasticsearch both promise.

Why an ABC: the CLI, the flows and one contract test suite talk to `SearchBackend` only, so
switching engines is configuration, and both engines are held to the same observable behaviour
(same filters, same facets, diacritic-insensitive matching, exact accents ranked first).
The store (index/store.py) is the system of record; a backend is a rebuildable view of it.
"""

from __future__ import annotations

import html
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.agencies import agencies
from index.query import Alternative, Parsed, Plan, match_spans

FACET_FIELDS: tuple[str, ...] = ("year", "area", "polarity", "province", "unit", "theme", "inspector")

# Ranking and display, the same on every engine (each fact once):
EXACT_BONUS = 100.0  # the whole query as typed: above any bm25 a finding-sized text reaches
GROUP_BONUS = 1000.0  # per required group matched, so a finding matching more groups ranks first
# The polarity the query asks for (index.query.Plan.polarity): above the exact phrase and bm25
# (EXACT_BONUS + any bm25 stays below it), below one more group matched.
POLARITY_BONUS = 300.0
# Within the matter tier (Query.matters), a finding of the query's first (strongest) matter:
# below one more group matched, above the polarity, the exact phrase and bm25 together.
MATTER_BONUS = 500.0
FACET_SIZE = 20  # values per facet, most frequent first
SNIPPET_CHARS = 240  # characters of a snippet around the first match
SIMILAR_TERMS = 10  # a finding's most distinctive words that "similar findings" look for
SIMILAR_MIN_SHARE = 0.3  # share of those words a similar finding must hold
SIMILAR_STOPWORDS_FILE = Path(__file__).with_name("vi") / "similar_stopwords.txt"


@lru_cache(maxsize=1)
def similar_stopwords() -> frozenset[str]:
    """The folded words `similar` never picks as a finding's own (index/vi/similar_stopwords.txt):
    one list for both engines, so two engines' similar findings differ by their scoring, not by
    the words each chose (Elasticsearch's more-like-this used none, and picked "cho", "bi")."""
    lines = SIMILAR_STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#"))

# The version of the layout a finding is indexed with: which fields derived from its record an
# engine's index holds for search. It moves when today's search reads something an index written
# before lacks: 6, every theme a finding speaks of (FindingRecord.themes) and, in Elasticsearch,
# its best-known date (`dated`); 7, its document's title as a field of its own
# (`SearchBackend.titled`); 8, in Elasticsearch, the text's shingles (index.elastic._SHINGLES: a
# phrase ranked by its own idf), nothing new in SQLite. (Cutting them to the folded text's 2–3
# syllables moved nothing: an index of 8 made before holds those and more, searched the same.)
# 9, the abbreviations its document defines (FindingRecord.definitions): an index written before
# answers no definition, and a query typing a text's own abbreviation misses the findings
# writing its name, and back.
# 10, the document's headline field holds its lead where it has no title (FindingRecord.headline):
# an index written before fills no empty place from a title-less article's findings.
# 11, each unit placed, "level name — province" (FindingRecord.unit_places): the unit facet and
# the filter taking its value; an index written before counts none (its unit facet is empty).
# 12, the kind of each agency a finding is about ("sở": `agency_kinds`), which a query typing the
# kind's head alone asks by (index.query.Group.kind); an index written before finds no finding by it.
# 13, the inspecting bodies whose inspection found it (FindingRecord.inspectors, inspector_places):
# the inspector filter and facet; an index written before has neither (nothing is filtered in).
# Numbered as the SQLite search tables' schema counted those steps (SQLite reads the date from
# the record): that schema (index.sqlite_fts.FTS_SCHEMA_VERSION) moves with every layout and
# with storage changes of its own, and migrates in place (which schema version first holds each layout:
# index.sqlite_fts.SCHEMA_HOLDING_LAYOUT); an index
# that cannot migrate in place (Elasticsearch's) records the layout it was written with and
# reports its findings of an older one (`SearchBackend.outdated`) until `kiemtra reindex`.
LAYOUT_VERSION = 13


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """One finding as indexed: its text plus what a search filters and facets on.

    `doc_key` is the document's sha256 (identity); `doc_id` its display name. `words` is the
    underthesea-segmented text ("phiếu_hẹn"), computed once at indexing time, for word-aware
    matching; folding (đ→d, no tone marks) is done by each backend from `text`.
    """

    finding_id: str
    doc_key: str
    doc_id: str
    text: str
    polarity: str
    area: str
    theme: str | None = None
    title: str | None = None  # the document's title (its headline, kind and subject): shown, searched
    # The document's lead paragraph (core.headline.lead): the context its findings are said in,
    # its headline where it has no title (`headline`: searched and read by the reranker)
    lead: str | None = None
    path: str | None = None
    published: str | None = None
    year: int | None = None
    units: tuple[str, ...] = ()  # the units the finding is about (named, else inherited)
    # "level name" strings ("xã Tân Thạnh"); Query.level matches the level word
    unit_levels: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    doc_kinds: tuple[str, ...] = ()
    doc_numbers: tuple[str, ...] = ()
    page: int | None = None
    start: int = 0
    end: int = 0
    words: str = ""
    # "level name" of today's units holding the finding's units after the 2025 reorganisation,
    # so a query for the new unit finds findings about the old ones (--unit matches these too)
    unit_aliases: tuple[str, ...] = ()
    # "level name" of the units containing the finding's units (district, province): --within
    unit_parents: tuple[str, ...] = ()
    # Every theme the finding clearly speaks of, `theme` (its one theme, what comparison counts)
    # first, then the others its text names strongly (nlp.themes.Taxonomy.mentioned): the matter
    # tier, the theme filter and facet read these. Left empty, it is `theme` alone.
    themes: tuple[str, ...] = ()
    # The abbreviations its document defines in its text, "long form (ABBR)" (index/definitions.py):
    # the query reads a typed abbreviation as its name and a name as its abbreviation when the
    # indexed texts define them (index/query, Vocabulary.defined).
    definitions: tuple[str, ...] = ()
    # Each of its units placed, "level name — province" (core.models.Unit.placed: "huyện Châu
    # Thành — An Giang"), a name no unit is attributed as kept bare: the unit facet counts these,
    # so two units of one name in two provinces are two values, and Query.unit_place selects one.
    unit_places: tuple[str, ...] = ()
    # The inspecting bodies whose inspection found it (core.attribution.Attribution.inspectors: the
    # units and agencies its sentence names as the inspector, else its document's of role
    # inspector), as a unit is filed: each name, "level name" and today's unit since the 2025
    # reorganisation (`inspectors`: Query.inspector matches these, a level word typed or not), and
    # each placed (`inspector_places`: the inspector facet, and the filter taking its value).
    inspectors: tuple[str, ...] = ()
    inspector_places: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.themes and self.theme:
            object.__setattr__(self, "themes", (self.theme,))

    @property
    def headline(self) -> str | None:
        """The document's headline: its title, else its lead paragraph; None without either.

        Why the lead stands in for a missing title: an article or report of the genre states its
        occasion once, first ("… sau sắp xếp đơn vị hành chính cấp xã", "Đoàn kiểm tra … đã
        kiểm tra đột xuất tại …"), and each finding below it is one detail of that occasion, as it is under a
        title; 25 of the 51 dev documents have no title (the portal's page copied from below it, a
        letter without one). The one definition every reader of a finding's headline uses: the
        headline search (`SearchBackend.titled`, each engine's headline field) and the reranker's
        `heading` feature (index.rerank.heading_held)."""
        if self.title and self.title.strip():
            return self.title
        return self.lead if self.lead and self.lead.strip() else None


def agency_kinds(record: FindingRecord) -> tuple[str, ...]:
    """The kinds of body of the agencies the finding is about ("sở" of "Sở Tài chính", folded:
    core.agencies.AgencyTable.kind_of), each once: one term per kind that both engines store and
    match a query's Group.kind against, so "các sở, ngành" finds every department's findings by one
    term, not by every department's names (session 23, sector23b)."""
    table = agencies()
    return tuple(dict.fromkeys(k for k in (table.kind_of(u) for u in record.units) if k))


# The record's field names, which each engine stores flat (getattr per name: no asdict deep copy).
RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(FindingRecord))


def facet_values(record: FindingRecord, name: str) -> tuple[str, ...]:
    """A finding's values of one facet (FACET_FIELDS), as the engines count them: what a result
    counts beside the engine's own facets (pipeline/search.py with_counted)."""
    if name == "year":
        return (str(record.year),) if record.year is not None else ()
    if name in ("area", "polarity"):
        value = getattr(record, name)
        return (str(value),) if value else ()
    many = {"province": record.provinces, "unit": record.unit_places, "theme": record.themes,
            "inspector": record.inspector_places}
    return tuple(many.get(name, ()))


@dataclass(frozen=True, slots=True)
class Query:
    text: str = ""
    unit: str | None = None
    within: bool = False  # with `unit`: also findings about units inside it
    # One unit as the unit facet names it ("huyện Châu Thành — An Giang", FindingRecord.unit_places):
    # findings about exactly that unit, not its namesakes of other provinces or levels.
    unit_place: str | None = None
    province: str | None = None
    # An inspecting body ("Sở Nội vụ", "UBND tỉnh Quảng Trị", as the inspector facet names it too):
    # the findings its inspections found (FindingRecord.inspectors), not those about it
    inspector: str | None = None
    level: str | None = None
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    area: str | None = None
    polarity: str | None = None
    theme: str | None = None  # a theme code of nlp/vi/themes.toml ("tthc.phieu_hen")
    # The matters (theme codes) the query's text names, strongest first: a ranking hint, not a
    # filter. When the words find less than a page, findings of these themes follow (the matter
    # tier), whatever their wording. Filled by the pipeline (pipeline/search.py), which owns
    # the theme vocabulary; index/ knows only the codes stored on the records.
    matters: tuple[str, ...] = ()
    # The areas (core.models.Area codes) the query names by their whole names ("hạn chế trong
    # công tác chỉ đạo điều hành"): a ranking hint too. The matter tier also admits findings of
    # these areas, ranked below those of the matters. Filled by the pipeline, like `matters`.
    areas: tuple[str, ...] = ()
    doc_kind: str | None = None
    doc_number: str | None = None
    limit: int = 10
    offset: int = 0
    sort: str = "relevance"  # relevance | date
    facets: bool = False
    # The page size the engine decides its tiers on (index.query.Plan.falls_back, fills,
    # matter_tier) when it differs from `limit`: the composed search asks for a rerank pool
    # (index/rerank.py) of more findings than a page, and the tiers must stay the page's.
    page_size: int = 0
    # False: the hits' snippets may be left empty, the caller marking only the hits it shows
    # (SearchBackend.highlighted). Why: the composed search asks for a rerank pool three times
    # a page, and an engine marking the matches in Python (SQLite) would mark every one of them.
    snippets: bool = True

    @property
    def tier_page(self) -> int:
        """The page size the tiers are decided on: `page_size`, else `limit`."""
        return max(self.page_size or self.limit, 0)

    @property
    def filtered(self) -> bool:
        """Whether a filter narrows the search (`FILTERS`: unit, place, level, years, area,
        polarity, theme, document); the text, the ranking hints, the page and the order narrow
        nothing."""
        return any(getattr(self, name) is not None for fields in FILTERS for name in fields)


def asked_query(query: Query, plan: Plan) -> Query:
    """`query` with the filter its words name for certain: the inspecting body of a frame
    ("tồn tại do Sở Nội vụ kiểm tra chỉ ra": index.query.Plan.inspector) as the inspector filter,
    unless the query sets its own. Both engines read their filters from this, so a plan's reading
    narrows alike on each."""
    if plan.inspector is None or query.inspector is not None:
        return query
    return replace(query, inspector=plan.inspector)


# The filters a Query can set, each as the Query fields it sets (a year range is one filter): the
# fields the engines' filters read, named once. `Query.filtered` reads them, and so does what a
# search that found nothing says of each filter alone (pipeline/hints.py ALONE_FILTERS), so a
# filter added here must be given its sentence there (tests/index/test_loosened.py asks that every
# Query field but those it names is one of these).
FILTERS: tuple[tuple[str, ...], ...] = (
    ("unit",), ("unit_place",), ("province",), ("inspector",), ("level",), ("year",),
    ("year_from", "year_to"), ("area",), ("polarity",), ("theme",), ("doc_kind",), ("doc_number",),
)


def best_date(published: str | None, year: int | None) -> str | None:
    """A finding's best-known date, the key of the newest-first order on every engine: its
    publication date, else its year ("2023": a finding known only by its year sorts as that
    year, after the dated findings of 2023 and before those of 2022, not after every dated
    one), else None (sorted last).

    The same order breaks equal scores on every engine: best date newest first (none last), then
    the year (none last), then the finding id. Why one rule: the engines' tiers give whole runs
    of findings one constant score (the matter tier), and which of them fill a page or the
    reranker's pool (pipeline/search.py) must not depend on the engine: SQLite's rowid (the
    order of ingest) is its own, the finding id (a hash of document and text) is on both."""
    return published or (str(year) if year else None)


# Why a hit came: the query's words (all of them, or most: the stages), the same matter as the
# query in other words (Query.matters), or some of its words (the fill); or, when those found
# nothing at all, some syllables of its words (index.query.Plan.loosened, pipeline/search.py).
TIER_WORDS, TIER_MATTER, TIER_SOME_WORDS = "words", "matter", "some_words"
TIER_SYLLABLES = "syllables"


@dataclass(frozen=True, slots=True)
class Hit:
    record: FindingRecord
    # What ranked the hit. From an engine's `search`: its relevance score (tier bonuses and bm25;
    # under the date order still the relevance, the date being what orders). From the composed
    # search (pipeline/search.py `reranked`): the reranker's score in its pool, and past the pool
    # the engine's order counted down below the pool's lowest, so scores fall with the rank.
    score: float
    snippet: str  # HTML-safe, matches wrapped in <mark>…</mark>
    tier: str = TIER_WORDS  # TIER_WORDS, TIER_MATTER, TIER_SOME_WORDS or TIER_SYLLABLES
    matter: str | None = None  # in the matter tier: the query's matter it came by (a theme code)
    # Came by its document's headline, not by its own text (pipeline/search.py `with_titled`): what
    # the CLI and the web page say of it, a list past the words' findings reading otherwise as if
    # those held the words. Read by no ranking.
    by_headline: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # The plan the engine searched by (index.query.plan_query against its own words and units),
    # so a second stage (index/rerank.py) reads the query exactly as the engine did.
    plan: Plan | None = None


@dataclass(slots=True)
class SearchMemo:
    """What one search's requests learnt of the index that its later requests may read again,
    each entry an engine's own (its key), of one plan (by identity). The caller makes one per
    search and hands it to each request of that search (`SearchBackend.search`): the composed
    search (pipeline/search.py reranked) asks the engine for the pool, the place's own findings
    and the page past the pool with one plan, and Elasticsearch counted that plan's words for
    each (index/elastic.py: ElasticBackend._holders).

    Why carried by the call, not kept by the engine: kept between searches, a count is stale
    once another process or backend object writes, and an engine keeping what one call learnt
    for the next is state no caller sees. A memo lives as long as the search that made it."""

    entries: dict[str, tuple[Plan, Any]] = field(default_factory=dict)

    def get(self, key: str, plan: Plan) -> Any:
        """What was kept under `key` for this very plan, else None."""
        entry = self.entries.get(key)
        return entry[1] if entry is not None and entry[0] is plan else None

    def keep(self, key: str, plan: Plan, value: Any) -> None:
        self.entries[key] = (plan, value)


def highlight(text: str, alternatives: Iterable[Alternative], max_chars: int = SNIPPET_CHARS) -> str:
    """HTML-safe snippet of `text` around its first match, matches wrapped in <mark>: every
    engine's snippet (the query's words and synonyms, Plan.alternatives, under the matching rule).

    Why one function, not each engine's highlighter: Elasticsearch's marked what any clause of
    the query that found a hit matched, the ranking clauses too (single syllables of the synonyms:
    "Bình <mark>Định</mark>", "phối hợp <mark>với</mark>" for "hồ sơ quá hạn"), and cut its
    fragment around them (ux23)."""
    spans = match_spans(text, list(alternatives))
    start, end = 0, len(text)
    if len(text) > max_chars:
        first = spans[0][0] if spans else 0
        start = max(0, first - max_chars // 4)
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + max_chars)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > max(start, spans[0][1] if spans else start) else end
    pieces = ["…"] if start > 0 else []
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        pieces.append(html.escape(text[pos:s]))
        pieces.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    pieces.append(html.escape(text[pos:end]))
    if end < len(text):
        pieces.append("…")
    return "".join(pieces)


class SearchBackend(ABC):
    """A search engine over findings. Implementations: index/sqlite_fts.py, index/elastic.py."""

    name: str = "abstract"

    @abstractmethod
    def index(self, records: Iterable[FindingRecord]) -> int:
        """Add or replace records (same finding_id replaces); returns how many were written."""

    @abstractmethod
    def delete_document(self, doc_key: str) -> None:
        """Remove every finding of one document (before re-indexing a changed version)."""

    @abstractmethod
    def search(self, query: Query, plan: Plan | None = None, memo: SearchMemo | None = None) -> SearchResult:
        """Findings ranked by relevance (or date), filtered, with facets when asked. `plan`: this
        engine's own plan of `query.text` (`plan`), when the caller made it already: the
        composed search (pipeline/search.py) asks the engine for the reranker's pool and, past
        it, for the page, and reads the query once for both. `memo`: the search's memo (one per
        search, `SearchMemo`), when the caller asks several requests of one plan."""

    @abstractmethod
    def plan(self, text: str | Parsed) -> Plan:
        """How this engine reads `text` (or its parse, index.query.parse): index.query.plan_query
        against the engine's own words and unit names, what `search` plans by when not given one."""

    @abstractmethod
    def titled(self, query: Query, plan: Plan, limit: int) -> list[Hit]:
        """Up to `limit` findings, in the browse order, whose document's headline
        (FindingRecord.headline: its title, else its lead; indexed as a field of its own, folded
        and accent-checked as the text is) holds every group of `plan` that has words, through
        the query's filters and without its excluded words; tier TIER_SOME_WORDS. Why: an
        article's headline names what the whole article is about ("… sau sáp nhập"), which its
        findings do not repeat; the composed search asks this to fill a pool the text's stages
        leave short (pipeline/search.py engine_pool)."""

    def highlighted(self, hits: Sequence[Hit], plan: Plan | None) -> tuple[Hit, ...]:
        """`hits` with the snippets `search` makes, for hits asked with `Query.snippets` False:
        the same snippet a search with snippets would have given each, marked by `plan`'s words
        (`highlight`, every engine's one rule)."""
        marks = list((plan or Plan()).alternatives)
        return tuple(replace(hit, snippet=highlight(hit.record.text, marks)) for hit in hits)

    @abstractmethod
    def similar(self, finding_id: str, limit: int = 5) -> list[Hit]:
        """Findings most like the given one, itself excluded."""

    @abstractmethod
    def count(self) -> int:
        """How many findings the index holds."""

    @abstractmethod
    def clear(self) -> None:
        """Empty the index (used by `kiemtra reindex`)."""

    def rebuild(self, records: Iterable[FindingRecord]) -> int:
        """Replace the whole index with `records` (`kiemtra reindex`); how many were written.

        Empty-then-fill by default; an engine that can build aside and switch over in one step
        (Elasticsearch's alias) overrides it, so searches never see a half-built index.
        """
        self.clear()
        return self.index(records)

    def outdated(self) -> int:
        """How many findings an older kiemtra indexed with an older layout (LAYOUT_VERSION), or that
        sit in an index it created, without fields today's search reads (their themes, their
        best-known date, their document's title, Elasticsearch's phrase shingles, the abbreviations
        their document defines, their units placed): theme filters, the theme and unit facets, the
        date order and the title matches see them only by what they hold, phrases rank them otherwise
        and a text's own abbreviations are not read as their names, until `kiemtra reindex`. The
        CLI and the web page say so in one line instead of returning partial results in silence.
        They ask after every search,
        so an engine answers from what it learnt of the index it searches, not by a count each
        time. 0 by default: an engine that brings its index up to date when it is opened has none."""
        return 0

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections; a no-op by default."""
