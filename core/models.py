"""The data that flows between stages: Document (what a reader produced) and Extraction
(what the NLP found), as plain frozen dataclasses.

Why dataclasses and not dicts: every stage is a plain function, and its signature is the
contract; a typo in a field name is a type error, not a silently empty column. `Extraction`
serialises exactly to shared/schema/extraction.schema.json (version 1); fields the schema does
not name (finding ids, spans, the unit's current parent) are extra keys the schema allows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from core.levels import PROVINCE_LEVELS, Level, split_level
from core.normalize import nfc, strip_controls
from core.wrapping import join_wrapped_lines, wrap_width

SCHEMA_VERSION = 1


# --------------------------------------------------------------------------- domain values
# The schema's strings, defined once. StrEnum members are str: they compare, hash and
# serialise (json, SQLite, Elasticsearch) as the schema's spelling, and mypy rejects a value
# the pipeline never produces. Level lives with its table in core/levels.py.


class Polarity(StrEnum):
    """What a finding says about the inspected unit."""

    STRENGTH = "strength"
    SHORTCOMING = "shortcoming"
    RECOMMENDATION = "recommendation"


# The names of the three kinds of finding as the reports write them (the codes above are what the
# store, scripts and the CLI keep): the web page's labels and the comparison's tables say these.
POLARITY_NAMES: dict[Polarity, str] = {
    Polarity.STRENGTH: "Ưu điểm",
    Polarity.SHORTCOMING: "Thiếu sót",
    Polarity.RECOMMENDATION: "Kiến nghị",
}


class Area(StrEnum):
    """The reform area a finding is about (the annotation guide's codes); CHUNG: overall."""

    CHI_DAO = "chi_dao"
    THE_CHE = "the_che"
    TTHC = "tthc"
    BO_MAY = "bo_may"
    CONG_VU = "cong_vu"
    TAI_CHINH = "tai_chinh"
    SO_HOA = "so_hoa"
    CHUNG = "chung"


class Role(StrEnum):
    """A unit's part in the document: the one inspected, the one inspecting, or mentioned."""

    INSPECTED = "inspected"
    INSPECTOR = "inspector"
    OTHER = "other"


POLARITIES: tuple[Polarity, ...] = tuple(Polarity)
AREAS: tuple[Area, ...] = tuple(Area)

# The names the CCHC programme gives its areas, as a person reads them (the codes above are what
# the store, scripts and the CLI keep): the web page's labels and the "Khác (...)" theme of each
# area (nlp/themes.py) say the same name.
AREA_NAMES: dict[Area, str] = {
    Area.CHI_DAO: "Công tác chỉ đạo, điều hành",
    Area.THE_CHE: "Cải cách thể chế",
    Area.TTHC: "Cải cách thủ tục hành chính",
    Area.BO_MAY: "Cải cách tổ chức bộ máy",
    Area.CONG_VU: "Cải cách chế độ công vụ",
    Area.TAI_CHINH: "Cải cách tài chính công",
    Area.SO_HOA: "Chính phủ điện tử, chính phủ số",
    Area.CHUNG: "Chung",
}


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text on one page: `text[start:end]` of its Document is this block's text.

    `page` is 1-based (None for formats without pages); `confidence` is the mean OCR word
    confidence (0-100) when the block came from OCR, so a reader can weigh a finding's source.
    """

    start: int
    end: int
    page: int | None = None
    kind: str = "paragraph"  # paragraph | heading | table | list_item | caption
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where a Document came from; `sha256` of the file's bytes is the document's identity."""

    path: str
    sha256: str
    format: str  # txt | html | docx | pdf | image
    reader: str  # which reader and path ran, e.g. "pdf.text", "pdf.ocr", "html.trafilatura"
    size: int = 0
    title: str | None = None
    published: str | None = None  # ISO date from the source's own metadata, if it has one
    url: str | None = None
    pages: int | None = None
    ocr_pages: int = 0


@dataclass(frozen=True, slots=True)
class Document:
    """The clean text of one file with its blocks and provenance.

    `text` is NFC; blocks are separated by blank lines in it, so paragraph splitting downstream
    never merges two blocks.
    """

    doc_id: str
    text: str
    blocks: tuple[Block, ...]
    source: Source
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page holding character `offset`, so a finding can cite its page."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block.page
        return None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_from_blocks(
    doc_id: str, parts: list[tuple[str, int | None, str, float | None]], source: Source,
    warnings: tuple[str, ...] = (),
) -> Document:
    """Join (text, page, kind, confidence) parts into one Document with exact block offsets.

    Every reader ends here, so offsets are computed in one place and always agree with `text`,
    and hard-wrapped lines are joined here once for all of them (`core.wrapping`).
    """
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0
    parts = [(strip_controls(nfc(text)).strip(), page, kind, conf)
             for text, page, kind, conf in parts]
    width = wrap_width("\n".join(text for text, _page, kind, _conf in parts if kind != "table"))
    for text, page, kind, confidence in parts:
        if not text:
            continue
        if kind != "table":
            text = join_wrapped_lines(text, width)  # same length: PDF line breaks inside sentences go
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(text)
        blocks.append(Block(pos, pos + len(text), page, kind, confidence))
        pos += len(text)
    return Document(strip_controls(doc_id), "".join(pieces), tuple(blocks), source, warnings)


# --------------------------------------------------------------------------- extraction


def where(units: Sequence[str], provinces: Sequence[str]) -> str:
    """Units with their level, then their provinces: "xã Tân Lộc, huyện Lạc Sơn — Hòa Bình".

    Why one function: a result says where its finding is so (the CLI's search lines), and the
    unit facet names each of its units so (`Unit.placed`), so a facet value reads as the results
    it selects do."""
    named, placed = ", ".join(units), ", ".join(provinces)
    return f"{named} — {placed}" if named and placed else named or placed


# The level word an agency's "level name" starts with (Unit.label: "cơ quan Sở Nội vụ"): a key, not
# how anyone writes it. An agency's name says what kind of body it is (a "Sở", a "Phòng", a "Văn
# phòng", a "Trung tâm"), so a person reads it without the word (`spoken`).
AGENCY_WORD = f"{Level.CO_QUAN} "


def spoken(label: str) -> str:
    """A "level name" (Unit.label) or a unit placed (Unit.placed) as a person reads it: an
    agency's without its level word ("cơ quan Sở Nội vụ — Quảng Trị" → "Sở Nội vụ — Quảng Trị"),
    every other as it is ("xã Tân Lộc"). Why not in Unit.label: the level word is what the level
    filter and the stored unit facet read (`--level "cơ quan"`), so the key keeps it and every
    place showing a unit (result lines, facets, reports) says it so."""
    return label[len(AGENCY_WORD):] if label.startswith(AGENCY_WORD) else label


def place_forms(typed: str) -> tuple[str, ...]:
    """The units placed a value typed for one (`--unit-place`, the page's facet link) may be: as
    typed, and, when it starts with no level word, the agency it names as the unit facet stores
    it ("Sở Nội vụ — Quảng Trị" → also "cơ quan Sở Nội vụ — Quảng Trị"), since the facet shows it
    `spoken`. A name written without a level (an unplaced one) stays one of the forms."""
    return (typed,) if split_level(typed)[0] is not None else (typed, AGENCY_WORD + typed)


@dataclass(frozen=True, slots=True)
class Unit:
    level: Level
    name: str
    role: Role = Role.OTHER
    province: str | None = None
    current: str | None = None  # the unit it belongs to after the 2025 reorganisation (extra field)

    @property
    def label(self) -> str:
        """"level name" ("thị trấn Cam Lộ"): how a unit is named apart from another of its name
        ("huyện Cam Lộ"), in search records, passage units and reports alike."""
        return f"{self.level} {self.name}"

    @property
    def home_province(self) -> str | None:
        """The unit's province; a province-level unit is its own province (None if unknown)."""
        return self.province or (self.name if self.level in PROVINCE_LEVELS else None) or None

    @property
    def placed(self) -> str:
        """"level name — province" ("huyện Châu Thành — An Giang"), as a result says where it is
        (`where`): one unit apart from every other of its name and level in other provinces. The
        unit facet's value (index.records) and the filter taking it (index.base.Query.unit_place)."""
        province = self.home_province
        return where((self.label,), (province,) if province else ())

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"level": str(self.level), "name": self.name, "role": str(self.role),
                             "province": self.province}
        if self.current is not None:
            d["current"] = self.current
        return d


@dataclass(frozen=True, slots=True)
class DocRef:
    """A numbered official document referred to ("Quyết định số 139/QĐ-UBND ngày 20/01/2020")."""

    kind: str
    number: str
    date: str | None = None
    issuer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "number": self.number, "date": self.date, "issuer": self.issuer}


@dataclass(frozen=True, slots=True)
class Period:
    start: str | None
    end: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Finding:
    polarity: Polarity
    area: Area
    text: str
    start: int
    end: int
    units: tuple[str, ...] = ()
    theme: str | None = None
    words: str | None = None  # underthesea segmentation ("phiếu_hẹn hồ_sơ"), reused by the index
    # The inspected units the passage around it is about, when it names none (nlp.finding_units.
    # carried_units): carried from where the report named them, never named by the finding. As
    # "level name" (Unit.label): a district and its seat town often share a name ("huyện Cam Lộ",
    # "thị trấn Cam Lộ"), and the passage is about one of them.
    passage_units: tuple[str, ...] = ()
    # Where the finding before it in its sentence starts, when a rule that says both have one
    # subject split them at a comma (nlp.findings: the negation or the verb said again, a run of
    # short faults): it judges the units that one names unless it names its own (nlp.components).
    # Read and cleared while units are assigned: an extraction holds only the schema's fields, so it
    # round-trips through the store equal; the units it gave are what is kept.
    subject_of: int | None = None

    def finding_id(self, doc_id: str) -> str:
        """Derived from the document and the span, so re-extraction replaces, never duplicates."""
        return hashlib.sha1(f"{doc_id}:{self.start}:{self.end}".encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"polarity": str(self.polarity), "area": str(self.area), "text": self.text,
                             "units": list(self.units), "start": self.start, "end": self.end}
        if self.theme is not None:
            d["theme"] = self.theme
        if self.words is not None:
            d["words"] = self.words
        if self.passage_units:
            d["passage_units"] = list(self.passage_units)
        return d


@dataclass(frozen=True, slots=True)
class Extraction:
    doc_id: str
    title: str | None = None
    published: str | None = None
    inspection_year: int | None = None
    inspection_period: Period | None = None
    units: tuple[Unit, ...] = ()
    documents: tuple[DocRef, ...] = ()
    dates: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def to_dict(self, *, with_timings: bool = False) -> dict[str, Any]:
        """The schema's shape; `timings` (seconds per stage) only when asked for."""
        d: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "inspection_year": self.inspection_year,
            "inspection_period": self.inspection_period.to_dict() if self.inspection_period else None,
            "units": [u.to_dict() for u in self.units],
            "documents": [d.to_dict() for d in self.documents],
            "dates": list(self.dates),
            "findings": [f.to_dict() for f in self.findings],
        }
        if with_timings:
            d["timings"] = {k: round(v, 4) for k, v in self.timings.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Extraction:
        """Inverse of `to_dict`, used when the store hands an extraction back."""
        period = d.get("inspection_period")
        return cls(
            doc_id=d["doc_id"],
            title=d.get("title"),
            published=d.get("published"),
            inspection_year=d.get("inspection_year"),
            inspection_period=Period(period.get("start"), period.get("end")) if period else None,
            units=tuple(Unit(Level(u["level"]), u["name"], Role(u.get("role", "other")), u.get("province"),
                             u.get("current")) for u in d.get("units", [])),
            documents=tuple(DocRef(x["kind"], x["number"], x.get("date"), x.get("issuer"))
                            for x in d.get("documents", [])),
            dates=tuple(d.get("dates", [])),
            findings=tuple(Finding(Polarity(f["polarity"]), Area(f["area"]), f["text"], f.get("start") or 0,
                                   f.get("end") or 0, tuple(f.get("units", [])), f.get("theme"),
                                   f.get("words"), tuple(f.get("passage_units", [])))
                           for f in d.get("findings", [])),
        )
