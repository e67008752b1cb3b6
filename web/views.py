"""What each page shows, as plain data built from the store, the search backend and the reports.

Why separate from the routes: a page's content is a function of its parameters and the data,
testable without HTTP; the routes in web/app.py only parse, call one of these and render. No
SQL and no ranking here: searching is `SearchBackend.search`, reading is `Store`, comparing is
reports/compare.py.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import PurePath
from typing import Any

from markupsafe import Markup

from core.models import Unit, spoken, where
from core.normalize import match_key
from index.base import FILTERS, TIER_SYLLABLES, Hit, SearchBackend, SearchResult
from index.store import Failure, RunRecord, Store, Withdrawn
from nlp.themes import load_taxonomy
from pipeline.hints import (
    SPREAD_FACET,
    UNITS_MEANT,
    Emptied,
    emptied_by,
    empty_alone,
    inside_total,
    names_like,
    units_meant,
)
from pipeline.search import (
    Phrasing,
    Reading,
    came_by_area,
    came_by_headline,
    corrections_shown,
    inspector_suggestions,
    matter_label,
    province_suggestions,
    reading,
    said,
    search,
    without_year,
)
from reports.compare import (
    Comparison,
    Filters,
    Recurrence,
    ThemedFinding,
    Turnaround,
    cell_findings,
    compare_findings,
    filter_findings,
    link_findings,
    load_findings,
)
from web.document import Mark, Segment, segments
from web.labels import (
    AREA_LABELS,
    FACET_LABELS,
    POLARITY_LABELS,
    REMOVAL_LABELS,
    ROLE_LABELS,
    RUN_STATUS_LABELS,
    label,
)
from web.params import PAGE_SIZE, QUERY_LABELS, SORTS, CompareParams, SearchParams
from web.snippets import safe_snippet

# Which search parameter each facet of the backend narrows.
FACET_PARAMS: dict[str, str] = {
    "year": "nam",
    "area": "linh_vuc",
    "polarity": "loai",
    "province": "tinh",
    "unit": "don_vi_chon",  # the facet's value: one unit placed (index.base.Query.unit_place)
    "theme": "chu_de",
    "inspector": "co_quan_kiem_tra",  # the facet's value (one body placed) or a body typed in the form
}
# The filters of the form that are no facet: their parameter and the Query field it sets.
FORM_FILTERS: dict[str, str] = {"cap": "level", "tu_nam": "year_from", "den_nam": "year_to",
                                "loai_van_ban": "doc_kind", "so_hieu": "doc_number"}
# Each page parameter that filters and the Query field it sets, from the two tables above: a facet's
# parameter sets the field of its name but the unit's, which sets one unit placed (unit_place); the
# unit typed in the form sets `unit`.
_PARAM_FIELDS: dict[str, str] = {
    **{param: "unit_place" if facet == "unit" else facet for facet, param in FACET_PARAMS.items()},
    "don_vi": "unit", **FORM_FILTERS}
# Each filter (index.base.FILTERS, by its first Query field) as the page's parameters that set it.
FILTER_PARAMS: dict[str, tuple[str, ...]] = {
    fields[0]: tuple(param for param, field in _PARAM_FIELDS.items() if field in fields)
    for fields in FILTERS}
FACET_VALUE_LABELS: dict[str, dict[str, str]] = {"area": AREA_LABELS, "polarity": POLARITY_LABELS}
HEAT_LEVELS = 6  # CSS classes heat-0 … heat-5 in web/static/style.css
SIMILAR = 5


class NotFound(Exception):
    """What the URL names does not exist (404 page); the message is shown as it is."""


# --------------------------------------------------------------------------- search


@dataclass(frozen=True, slots=True)
class HitView:
    finding_id: str
    snippet: Markup
    polarity: str
    polarity_label: str
    area_label: str
    doc_id: str
    title: str | None
    when: str
    units: tuple[str, ...]
    page: int | None
    # The theme label when the hit came in the matter tier (the query's matter, other words)
    matter: str | None = None
    # Beside the units, as the CLI prints them: many communes share a name (xã Tân Thạnh)
    provinces: tuple[str, ...] = ()
    # Came by the area of the query's matter alone (pipeline.search.came_by_area)
    by_area: bool = False
    # Came by some syllables of the query's words, no finding holding any of its terms
    # (index.query.Plan.loosened)
    by_syllables: bool = False
    # Came by its document's headline, not its text: "title", "lead" (a title-less document's
    # opening paragraph), None (pipeline.search.came_by_headline)
    by_headline: str | None = None

    @property
    def where(self) -> str:
        """The units and provinces as the CLI's result line and the unit facet write them."""
        return where(self.units, self.provinces)


@dataclass(frozen=True, slots=True)
class FacetValue:
    label: str
    count: int
    url: str | None  # None: a count no filter selects (the findings with no year known)
    active: bool


@dataclass(frozen=True, slots=True)
class Facet:
    name: str
    label: str
    values: tuple[FacetValue, ...]


@dataclass(frozen=True, slots=True)
class ActiveFilter:
    label: str
    value: str
    remove_url: str


@dataclass(frozen=True, slots=True)
class DroppedFilter:
    """A filter of a search that found nothing, and what the search finds without it."""

    label: str  # as the chosen filters name it: "Năm: 2021"
    url: str  # this search without it
    total: int
    spread: tuple[tuple[str, int], ...]  # where those findings are, by the filter's own facet: (2019, 12)
    more: bool  # that facet has values beyond `spread`


@dataclass(frozen=True, slots=True)
class EmptiedView:
    """Which filter emptied a search whose filters each find findings alone (pipeline.hints.emptied_by)."""

    words: int | None  # what the words find without any filter; None: no words
    filters: int  # how many filters were given
    without: tuple[DroppedFilter, ...]


@dataclass(frozen=True)
class SearchView:
    params: SearchParams
    total: int
    hits: tuple[HitView, ...]
    facets: tuple[Facet, ...]
    active: tuple[ActiveFilter, ...]
    seconds: float
    page: int
    last_page: int
    prev_url: str | None
    next_url: str | None
    sort_urls: dict[str, str] = field(default_factory=dict)
    # A province filter that found nothing: the close provinces, each with its link
    provinces_meant: tuple[tuple[str, str], ...] = ()
    # Findings an older kiemtra indexed with an older layout (SearchBackend.outdated)
    outdated: int = 0
    # A unit filter that found nothing of the unit's own: how many about the units inside it, the link
    inside: tuple[int, str] | None = None
    # The syllables the engine read otherwise, (typed, searched) (index.query.Plan.corrections)
    corrected: tuple[tuple[str, str], ...] = ()
    # A search that found nothing: the filters no finding of the index meets on their own, said
    # in a sentence each (pipeline.hints.empty_alone)
    empty_alone: tuple[str, ...] = ()
    # A unit filter that alone found nothing: the stored units meant, each with its count and link
    # (pipeline.hints.units_meant), as the CLI lists them
    units_meant: tuple[tuple[str, int, str], ...] = ()
    # A search that found nothing under filters each finding findings alone: which to drop
    emptied: EmptiedView | None = None
    # An inspector filter that found nothing: the close inspecting bodies, each with its link
    inspectors_meant: tuple[tuple[str, str], ...] = ()
    # What the search understood of the words (pipeline.search.reading), the CLI's "read as" too
    reading: Reading | None = None

    @property
    def understood(self) -> str:
        """`reading` in a sentence (`understood`), empty without one."""
        return understood(self.reading) if self.reading else ""

    @property
    def first_rank(self) -> int:
        """The rank of the page's first hit, where its numbered list starts."""
        return (self.page - 1) * PAGE_SIZE + 1


# What the search understood (pipeline.search.said), as the page says it after "Đã hiểu:", in the
# words of the reports rather than of the engine: "tìm trước phát hiện có «chưa» (hoặc «không») và
# «phiếu hẹn» (hoặc «giấy hẹn», …), về đơn vị «Cam Lộ», rồi đến phát hiện chỉ có một phần; …".
UNDERSTOOD = Phrasing(
    terms="tìm phát hiện có {}", terms_first="tìm trước phát hiện có {}", others="hoặc {}",
    more=" và {} cách nói khác", both=" và ", units="về đơn vị {}", documents="của văn bản {}",
    partial=", rồi đến phát hiện chỉ có một phần", excluded="bỏ phát hiện có {}",
    year="phát hiện năm {} xếp trước", polarity="hỏi về {}: loại này xếp trước",
    place="hỏi đơn vị nào: phát hiện nêu tên đơn vị xếp trước",
    ranked="{} chỉ để xếp hạng, không bắt buộc", left_out="không tìm {}", end=".")


def understood(r: Reading) -> str:
    """`r` (pipeline.search.Reading) in the page's sentence (`UNDERSTOOD`)."""
    return said(r, UNDERSTOOD, lambda polarity: label(POLARITY_LABELS, polarity).lower())


def hit_view(hit: Hit) -> HitView:
    r = hit.record
    return HitView(
        r.finding_id,
        safe_snippet(hit.snippet),
        r.polarity,
        label(POLARITY_LABELS, r.polarity),
        label(AREA_LABELS, r.area),
        r.doc_id,
        r.title,
        r.published or (str(r.year) if r.year else ""),
        tuple(map(spoken, r.unit_levels or r.units)),
        r.page,
        matter_label(hit),
        r.provinces,
        came_by_area(hit),
        hit.tier == TIER_SYLLABLES,
        came_by_headline(hit),
    )


def _value_labels(name: str) -> dict[str, str]:
    """How a facet's values are shown: areas and polarities in Vietnamese, themes by their label."""
    if name == "theme":
        return load_taxonomy().labels
    return FACET_VALUE_LABELS.get(name, {})


def _value_shown(name: str, labels: dict[str, str], value: str) -> str:
    """A facet's value as the page shows it, in the facet and in the chosen filter alike: a unit
    as a person reads it (core.models.spoken: an agency without "cơ quan"), others by `labels`."""
    return spoken(value) if name in ("unit", "inspector") else label(labels, value)


def _facets(result: SearchResult, params: SearchParams) -> tuple[Facet, ...]:
    out = []
    for name, param in FACET_PARAMS.items():
        current = getattr(params, param)
        labels = _value_labels(name)
        values = tuple(
            FacetValue(
                _value_shown(name, labels, value),
                count,
                params.url(**{param: int(value) if param == "nam" else value}),
                current is not None and str(current).casefold() == value.casefold(),
            )
            for value, count in result.facets.get(name, [])
        )
        if name == "year" and (undated := without_year(result)):  # the years' counts do not add up
            values = (*values, FacetValue("Không rõ năm", undated, None, False))
        if values:
            out.append(Facet(name, FACET_LABELS[name], values))
    return tuple(out)


def _active(params: SearchParams) -> tuple[ActiveFilter, ...]:
    out = []
    # The unit typed in the form is shown as the one chosen in the facet is.
    for name, param in (*FACET_PARAMS.items(), ("unit", "don_vi")):
        value = getattr(params, param)
        if value is not None:
            shown = _value_shown(name, _value_labels(name), str(value))
            if param == "don_vi" and params.truc_thuoc:
                shown += f", {QUERY_LABELS['within']}"
            out.append(ActiveFilter(FACET_LABELS[name], shown, params.url(**{param: None})))
    for param, field_name in FORM_FILTERS.items():
        value = getattr(params, param)
        if value is not None:
            name = QUERY_LABELS[field_name].capitalize()
            out.append(ActiveFilter(name, str(value), params.url(**{param: None})))
    return tuple(out)


def search_view(backend: SearchBackend, params: SearchParams,
                units: Callable[[], Iterable[str]] = tuple) -> SearchView:
    """One page of results with facets; `seconds` is the time of the composed search (the query's
    matters found, then the backend asked: pipeline/search.py), what the user waited for. `units`:
    the stored units (index.store.Store.unit_labels), asked only when the unit filter alone finds
    nothing, to name the ones meant."""
    started = time.perf_counter()
    result = search(backend, params.query())
    seconds = time.perf_counter() - started
    empty = empty_alone(backend, params.query()) if not result.total else ()
    inside = _inside(backend, params) if params.don_vi and not result.total else None
    emptied = emptied_by(backend, params.query(), empty) if not result.total and not inside else None
    last_page = max(1, -(-result.total // PAGE_SIZE))
    page = params.trang
    return SearchView(
        params,
        result.total,
        tuple(hit_view(h) for h in result.hits),
        _facets(result, params),
        _active(params),
        seconds,
        page,
        last_page,
        # Past the last page (a link kept from a larger result): "previous" is the last page.
        params.url(trang=min(page - 1, last_page)) if page > 1 else None,
        params.url(trang=page + 1) if page < last_page else None,
        {sort: params.url(sap_xep=sort) for sort in SORTS},
        _provinces_meant(backend, params) if "province" in empty else (),
        backend.outdated(),
        inside,
        corrections_shown(result),
        _empty_alone(params, empty),
        _units_meant(backend, params, units()) if params.don_vi and "unit" in empty else (),
        _emptied(params, emptied) if emptied else None,
        _inspectors_meant(backend, params) if "inspector" in empty else (),
        reading(result.plan),
    )


def _emptied(params: SearchParams, emptied: Emptied) -> EmptiedView:
    """`emptied` (pipeline.hints.emptied_by, the CLI's rule too) as the page says it: each filter
    named as the chosen filters name it, with the link that drops it and where its findings are."""
    chosen = {a.remove_url: f"{a.label}: {a.value}" for a in _active(params)}
    dropped = []
    for w in emptied.without:
        names = FILTER_PARAMS[w.name]
        # A year range is one filter of two parameters, each chosen alone: both named, both dropped
        label_ = ", ".join(chosen[params.url(**{n: None})] for n in names if getattr(params, n) is not None)
        facet = SPREAD_FACET.get(w.name, "")
        labels = _value_labels(facet)
        spread = tuple((_value_shown(facet, labels, v), n) for v, n in w.spread)
        dropped.append(DroppedFilter(label_, params.url(**dict.fromkeys(names)), w.total, spread, w.more))
    return EmptiedView(emptied.words, len(emptied.filters), tuple(dropped))


def _units_meant(backend: SearchBackend, params: SearchParams,
                 labels: Iterable[str]) -> tuple[tuple[str, int, str], ...]:
    """The stored units a unit filter that alone found nothing may have meant ("cam" → xã Cam
    Tuyền), each with its count and link, as the CLI lists them (pipeline.hints.units_meant)."""
    return tuple((name, n, params.url(don_vi=name))
                 for name, n in units_meant(backend, params.don_vi or "", labels))


def _empty_alone(params: SearchParams, empty: tuple[str, ...]) -> tuple[str, ...]:
    """The filters no finding of the index meets on their own (`empty`, of
    pipeline.hints.empty_alone), each in a sentence: "Không có phát hiện nào … với bộ lọc đang
    chọn" alone read as if the words had found nothing."""
    query = params.query()
    said = {
        "unit": lambda: f"về đơn vị «{query.unit}» hay các đơn vị trực thuộc",
        "unit_place": lambda: f"về đơn vị «{query.unit_place}»",
        "province": lambda: f"ở tỉnh, thành phố «{query.province}»",
        "inspector": lambda: f"qua kiểm tra của «{spoken(query.inspector or '')}»",
        "level": lambda: f"về đơn vị cấp «{query.level}»",
        "year": lambda: f"của năm {query.year}",
        "year_from": lambda: " ".join(part for part in (
            f"từ năm {query.year_from}" if query.year_from else "",
            f"đến năm {query.year_to}" if query.year_to else "") if part),
        "area": lambda: f"thuộc lĩnh vực «{label(AREA_LABELS, query.area)}»",
        "polarity": lambda: f"loại «{label(POLARITY_LABELS, query.polarity)}»",
        "theme": lambda: f"về chủ đề «{label(_value_labels('theme'), query.theme)}»",
        "doc_kind": lambda: f"từ văn bản mang hay dẫn một «{query.doc_kind}»",
        "doc_number": lambda: f"từ văn bản số «{query.doc_number}»",
    }
    return tuple(f"Trong kho không có phát hiện nào {said[name]()}, dù tìm từ khóa nào: "
                 "xin xem lại bộ lọc này." for name in empty)


def _inside(backend: SearchBackend, params: SearchParams) -> tuple[int, str] | None:
    """A unit with no findings of its own: those of the units inside it, as the CLI hints."""
    total = inside_total(backend, params.query())
    return (total, params.url(truc_thuoc=True)) if total else None


def _inspectors_meant(backend: SearchBackend, params: SearchParams) -> tuple[tuple[str, str], ...]:
    """The inspecting bodies close to one typed ("So Noi vu"), as the CLI lists them, with links."""
    names, close = inspector_suggestions(backend, params.co_quan_kiem_tra or "")
    return tuple((spoken(name), params.url(co_quan_kiem_tra=name)) for name in names) if close else ()


def _provinces_meant(backend: SearchBackend, params: SearchParams) -> tuple[tuple[str, str], ...]:
    """The provinces close to a misspelt one ("Quang Trj"), as the CLI lists them, with links."""
    names, close = province_suggestions(backend, params.tinh or "")
    return tuple((name, params.url(tinh=name)) for name in names) if close else ()


# --------------------------------------------------------------------------- a finding in its document


@dataclass(frozen=True, slots=True)
class UnitView:
    label: str
    role: str
    province: str | None
    current: str | None


@dataclass(frozen=True)
class FindingView:
    finding_id: str
    doc_key: str
    doc_id: str
    title: str | None
    text: str
    polarity: str
    polarity_label: str
    area_label: str
    theme_label: str | None
    page: int | None
    pages: int | None
    year: int | None
    published: str | None
    file_name: str
    file_format: str
    segments: tuple[Segment, ...]
    marked: dict[str, int]  # polarity label → how many findings of the document are marked
    units: tuple[UnitView, ...]
    finding_units: tuple[str, ...]
    citations: tuple[Any, ...]
    dates: tuple[str, ...]
    period: tuple[str | None, str | None] | None
    withdrawn_at: str | None = None  # out of search since then: its file left the inbox


def _unit_view(unit: Unit) -> UnitView:
    return UnitView(spoken(unit.label), label(ROLE_LABELS, unit.role), unit.province,
                    moved_to(unit.label, unit.current))


def moved_to(unit_label: str, current: str | None) -> str | None:
    """The unit a unit became in the 2025 reorganisation, to say "nay thuộc …"; None when it is
    the unit itself (a province the reorganisation kept, tỉnh Gia Lai, whose gazetteer entry names
    it as its own successor), which the page said as "tỉnh Gia Lai — nay thuộc tỉnh Gia Lai"."""
    return current if current and match_key(current) != match_key(unit_label) else None


def named_finding(store: Store, typed: str) -> str:
    """The whole id of the one finding a URL names by its id or a start of it (Store.finding_named,
    as `kiemtra show` and `search --similar` read one); else a 404 saying how many ids start so,
    listed when they are few. Why: the page took only a whole id, the CLI a start too."""
    named = store.finding_named(typed)
    if named.finding_id is not None:
        return named.finding_id
    if not named.count:
        raise NotFound("Không có phát hiện với mã này (có thể văn bản đã được cập nhật).")
    listed = f": {', '.join(named.candidates)}" if named.candidates else ""
    raise NotFound(f"Có {named.count} phát hiện có mã bắt đầu bằng «{named.typed}»{listed}."
                   " Hãy ghi thêm ký tự của mã.")


def _locate(store: Store, finding_id: str) -> tuple[str, int]:
    located = store.locate_finding(finding_id)
    if located is None:
        raise NotFound("Không có phát hiện với mã này (có thể văn bản đã được cập nhật).")
    return located


def finding_view(store: Store, finding_id: str) -> FindingView:
    """The finding highlighted in its document's text, and the document's facts.

    Similar findings are a page of their own (`similar_view`): ranking them costs more than
    everything else on this page, so the page shows first and a small script inserts them.
    """
    doc_key, seq = _locate(store, finding_id)
    stored = store.get_stored(doc_key)
    document, extraction = stored.document, stored.extraction
    ids = store.finding_ids(doc_key)
    finding = extraction.findings[seq]
    marks = [
        Mark(f.start, f.end, fid, f.polarity, fid == finding_id)
        for fid, f in zip(ids, extraction.findings, strict=False)
    ]
    marked: dict[str, int] = {}
    for f in extraction.findings:
        name = label(POLARITY_LABELS, f.polarity)
        marked[name] = marked.get(name, 0) + 1
    theme = finding.theme
    period = extraction.inspection_period
    return FindingView(
        finding_id,
        doc_key,
        extraction.doc_id or document.doc_id,
        extraction.title or document.source.title,
        finding.text,
        finding.polarity,
        label(POLARITY_LABELS, finding.polarity),
        label(AREA_LABELS, finding.area),
        load_taxonomy().label(theme) if theme else None,
        document.page_at(finding.start),
        document.source.pages,
        extraction.inspection_year,
        extraction.published or document.source.published,
        PurePath(document.source.path).name,
        document.source.format,
        tuple(segments(document.text, marks)),
        marked,
        tuple(_unit_view(u) for u in extraction.units),
        finding.units,
        extraction.documents,
        extraction.dates,
        (period.start, period.end) if period else None,
        stored.withdrawn_at,
    )


@dataclass(frozen=True)
class SimilarView:
    finding_id: str
    text: str
    hits: tuple[HitView, ...]
    error: str | None = None


def similar_view(store: Store, backend: SearchBackend, finding_id: str) -> SimilarView:
    """The findings most like this one (the backend's `similar`), or why there are none."""
    from core.errors import BackendError

    doc_key, seq = _locate(store, finding_id)
    text = store.get_extraction(doc_key).findings[seq].text
    try:
        return SimilarView(finding_id, text, tuple(hit_view(h) for h in backend.similar(finding_id, SIMILAR)))
    except BackendError:
        return SimilarView(
            finding_id,
            text,
            (),
            "Chưa tìm được phát hiện tương tự (chỉ mục tìm kiếm chưa cập nhật văn bản này).",
        )


# --------------------------------------------------------------------------- comparison


@dataclass(frozen=True, slots=True)
class CellView:
    count: int
    heat: int
    url: str | None


@dataclass(frozen=True, slots=True)
class MatrixRow:
    code: str
    label: str
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class ComparisonView:
    params: CompareParams
    comparison: Comparison
    years: tuple[int, ...]
    rows: tuple[MatrixRow, ...]
    recurring: tuple[tuple[Recurrence, str], ...]  # with the URL of its evidence
    turnarounds: tuple[tuple[Turnaround, str], ...]
    xlsx_url: str
    csv_urls: dict[str, str]
    chart_url: str | None
    # A unit that alone leaves the comparison empty: the stored units named like it, each with its
    # link (pipeline.hints.names_like), () when none is; None when not asked (the unit has findings)
    units_meant: tuple[tuple[str, str], ...] | None = None

    @property
    def timeline_of(self) -> str:
        """Whom the timeline's heading names: the units its entries are about, as the reports
        write them ("xã Cam Tuyền"), the first TIMELINE_NAMED and how many more; the unit as typed
        only when no entry names one. Why: "Diễn biến của cam tuyen" repeated the typed words, not
        the unit the auditor was reading about (session 22 left it)."""
        units = list(dict.fromkeys(spoken(e.unit) for e in self.comparison.timeline if e.unit))
        if not units:
            return spoken(self.params.don_vi or "")
        more = f" và {len(units) - TIMELINE_NAMED} đơn vị khác" if len(units) > TIMELINE_NAMED else ""
        return ", ".join(units[:TIMELINE_NAMED]) + more


TIMELINE_NAMED = 3  # the units a timeline's heading names before "và N đơn vị khác"


def filters_of(params: CompareParams) -> Filters:
    """The report filters the comparison page's parameters ask for."""
    return Filters(theme=params.chu_de, unit=params.don_vi, year_from=params.tu_nam, year_to=params.den_nam,
                   level=params.level)


def heat(count: int, peak: int) -> int:
    """0 for an empty cell, else 1 … HEAT_LEVELS-1 in proportion to the largest count."""
    if count <= 0 or peak <= 0:
        return 0
    return max(1, round(count / peak * (HEAT_LEVELS - 1)))


class ComparisonCache:
    """The store's findings loaded for comparing, and the last few comparisons over them, valid
    while the store's data version does not change.

    Why: loading reads every finding of the store (seconds at 100,000 findings), and the page,
    its downloads, its chart and each cell's evidence ask again and again; a nightly run's
    commit changes the version, so the next request loads afresh.
    """

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._loaded: tuple[int, list[ThemedFinding]] | None = None
        self._linked: dict[tuple[int | None, int | None], list[ThemedFinding]] = {}  # per year range
        self._items: OrderedDict[tuple[Filters, int], Comparison] = OrderedDict()
        self._lock = threading.Lock()

    def findings(self, store: Store, filters: Filters) -> list[ThemedFinding]:
        """What `themed_findings(store, filters)` returns, from the loaded findings."""
        version = store.data_version()
        years = (filters.year_from, filters.year_to)
        with self._lock:  # one load at a time: concurrent first requests wait for it
            if self._loaded is None or self._loaded[0] != version:
                self._loaded = (version, load_findings(store))
                self._linked.clear()
                self._items.clear()
            if years not in self._linked:
                if len(self._linked) >= self._size:
                    self._linked.clear()
                self._linked[years] = link_findings(self._loaded[1], filters)
            linked = self._linked[years]
        return filter_findings(linked, filters)

    def get(self, store: Store, filters: Filters) -> Comparison:
        key = (filters, store.data_version())
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        comparison = compare_findings(self.findings(store, filters), filters)
        with self._lock:
            self._items[key] = comparison
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return comparison


def comparison_view(
    store: Store, params: CompareParams, cache: ComparisonCache | None = None
) -> ComparisonView:
    """The matrix with a colour per cell, recurrences and turnarounds, each linked to its evidence."""
    filters = filters_of(params)
    comparison = (cache or ComparisonCache()).get(store, filters)
    matrix = comparison.matrix
    measure = params.do_do
    counts = {(t, y): getattr(matrix.cell(t, y), measure) for t in matrix.themes for y in matrix.years}
    peak = max(counts.values(), default=0)
    rows = tuple(
        MatrixRow(
            code,
            matrix.labels[code],
            tuple(
                CellView(
                    counts[code, year],
                    heat(counts[code, year], peak),
                    params.url("/so-sanh/bang-chung", o_chu_de=code, o_nam=year)
                    if counts[code, year]
                    else None,
                )
                for year in matrix.years
            ),
        )
        for code in matrix.themes
    )
    recurring = tuple(
        (r, params.url("/so-sanh/bang-chung", o_chu_de=r.theme, o_don_vi=r.unit.label, o_loai="shortcoming"))
        for r in comparison.recurring
    )
    turnarounds = tuple(
        (t, params.url("/so-sanh/bang-chung", o_chu_de=t.theme, o_don_vi=t.unit.label))
        for t in comparison.turnarounds
    )
    tables = ["matrix_documents", "matrix_units", "recurring", "improved"] + (
        ["timeline"] if params.don_vi else []
    )
    return ComparisonView(
        params,
        comparison,
        matrix.years,
        rows,
        recurring,
        turnarounds,
        params.url("/so-sanh/xuat.xlsx"),
        {t: params.url("/so-sanh/xuat.csv", bang=t) for t in tables},
        params.url("/so-sanh/bieu-do.png") if rows else None,
        _compared_units_meant(store, params, cache) if params.don_vi and not rows and not comparison.timeline
        else None,
    )


def _compared_units_meant(store: Store, params: CompareParams,
                          cache: ComparisonCache | None) -> tuple[tuple[str, str], ...] | None:
    """The stored units named like a unit that alone leaves the comparison empty ("gia" →
    phường Gia Thụy), at most UNITS_MEANT, each with its link, as `kiemtra compare` lists them;
    None when the unit alone has shortcomings (another filter emptied the page)."""
    alone = (cache or ComparisonCache()).get(store, Filters(unit=params.don_vi))
    if alone.matrix.themes or alone.timeline:
        return None
    like = names_like(params.don_vi or "", store.unit_labels())
    if like is None:  # the unit is there, whole, with no shortcomings
        return None
    return tuple((name, params.url(don_vi=name)) for name in like[:UNITS_MEANT])


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    finding_id: str
    doc_id: str
    year: int | None
    polarity_label: str
    polarity: str
    text: str
    units: tuple[str, ...]
    named: bool


@dataclass(frozen=True)
class EvidenceView:
    params: CompareParams
    theme_label: str
    year: int | None
    unit: str | None
    polarity_label: str | None
    items: tuple[EvidenceItem, ...]
    back_url: str


def evidence_view(
    store: Store,
    params: CompareParams,
    theme: str,
    year: int | None,
    unit: str | None,
    polarity: str | None,
    cache: ComparisonCache | None = None,
) -> EvidenceView:
    """The findings behind one matrix cell (theme and year) or one unit's theme (a recurrence)."""
    taxonomy = load_taxonomy()
    filters = replace(filters_of(params), theme=theme, unit=unit or params.don_vi)
    found = [f for f in (cache or ComparisonCache()).findings(store, filters) if f.theme == theme]
    if year is not None and polarity in (None, "shortcoming"):
        found = cell_findings(found, theme, year)
    elif year is not None:
        found = [f for f in found if f.year == year]
    if polarity is not None:
        found = [f for f in found if f.polarity == polarity]
    found.sort(key=lambda f: (f.year or 0, f.doc_id, f.finding_id))
    items = tuple(
        EvidenceItem(
            f.finding_id,
            f.doc_id,
            f.year,
            label(POLARITY_LABELS, f.polarity),
            f.polarity,
            f.text,
            tuple(spoken(u.label) for u in f.units),
            f.named,
        )
        for f in found
    )
    return EvidenceView(
        params,
        taxonomy.label(theme),
        year,
        unit,
        label(POLARITY_LABELS, polarity) or None,
        items,
        params.url(),
    )


# --------------------------------------------------------------------------- operations


@dataclass(frozen=True, slots=True)
class RunView:
    run_id: str
    flow: str
    started_at: str
    status: str
    status_label: str
    seconds: float | None
    counts: dict[str, int]
    findings: int
    failures: int
    error: str | None
    # The files of a format kiemtra does not read, left in the inbox (RunSummary.unsupported), and
    # the known-bad files not read again: what `kiemtra runs` says beside the counts, so that a run
    # "completed" with nothing failed does not hide a file that is never read.
    unread: tuple[str, ...] = ()
    still_quarantined: int = 0
    # The documents stored with a reader's warning (RunSummary.warned: a text still mis-decoded,
    # HTML lost past the parser's limit), each "file: warning", as `kiemtra runs RUN` lists them:
    # a run "hoàn thành" said nothing of the files whose findings may be incomplete.
    warned: tuple[str, ...] = ()
    # The files stored whose bytes another file holds (RunSummary.copies), "copy = original":
    # "2 new" stored one document, and the page said nothing of it (ux29's sweep).
    copies: tuple[str, ...] = ()
    # What changed since the run before: the files whose bytes changed (RunSummary.changed_files)
    # and those that left the inbox, "file: what was done" (RunSummary.removed). The page counted
    # "1 changed" and said nothing of a removed file, nor named either (ux29's sweep).
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @staticmethod
    def cut(names: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
        """The first UNREAD_SHOWN of `names` (the files not read, the documents warned of) and how
        many more: a cell, not a list."""
        return names[:UNREAD_SHOWN], max(0, len(names) - UNREAD_SHOWN)


UNREAD_SHOWN = 3


@dataclass(frozen=True)
class OperationsView:
    documents: int
    findings: int
    indexed: int
    pending: int
    runs: tuple[RunView, ...]
    failures: tuple[Failure, ...]
    withdrawn: tuple[Withdrawn, ...] = ()  # out of search since their files left the inbox

    @property
    def withdrawn_findings(self) -> int:
        return sum(w.findings for w in self.withdrawn)


def _seconds(started: str, finished: str | None) -> float | None:
    if not finished:
        return None
    try:
        return (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds()
    except ValueError:
        return None


def run_view(record: RunRecord) -> RunView:
    summary = record.summary
    counts = summary.get("counts") if isinstance(summary.get("counts"), dict) else {}
    failures = summary.get("failures")
    unread, quarantined = summary.get("unsupported"), summary.get("quarantined")
    warned: list[Any] = summary["warned"] if isinstance(summary.get("warned"), list) else []
    copies: list[Any] = summary["copies"] if isinstance(summary.get("copies"), list) else []
    changed: list[Any] = summary["changed_files"] if isinstance(summary.get("changed_files"), list) else []
    removed: list[Any] = summary["removed"] if isinstance(summary.get("removed"), list) else []
    return RunView(
        record.run_id,
        record.flow,
        record.started_at,
        record.status,
        label(RUN_STATUS_LABELS, record.status),
        _seconds(record.started_at, record.finished_at),
        {str(k): int(v) for k, v in (counts or {}).items() if isinstance(v, int)},
        int(summary.get("findings") or 0),
        len(failures) if isinstance(failures, list) else 0,
        summary.get("error") or summary.get("index_error"),
        tuple(str(p) for p in unread) if isinstance(unread, list) else (),
        len(quarantined) if isinstance(quarantined, list) else 0,
        tuple(str(w.get("warning", "")) for w in warned if isinstance(w, dict)),
        tuple(f"{c.get('path', '')} = {c.get('same_as', '')}" for c in copies if isinstance(c, dict)),
        tuple(str(path) for path in changed),
        tuple(f"{r.get('path', '')} ({label(REMOVAL_LABELS, str(r.get('action', '')))})"
              for r in removed if isinstance(r, dict)),
    )


def operations_view(store: Store, backend: SearchBackend, runs: int = 20) -> OperationsView:
    """Counts, the latest runs with their durations, every quarantined file with its reason, and
    the documents withdrawn from search (kept in the store, so their findings can still be read)."""
    stats = store.stats()
    return OperationsView(
        stats.documents,
        stats.findings,
        backend.count(),
        len(store.pending_index()),
        tuple(run_view(r) for r in store.runs(limit=runs)),
        tuple(store.failures()),
        tuple(store.withdrawn()),
    )
