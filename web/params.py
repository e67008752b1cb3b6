"""Request parameters → typed values, or a BadRequest that names the parameter in Vietnamese.

Why strict: every page's state lives in its URL, so a link someone edited by hand or a scanner
probing the site must get a clear 400 page, never a traceback or a silently different search.
Unknown parameters are ignored (a shared link with a tracking tag still works).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from core.doc_kinds import kind_names
from core.levels import Level
from core.models import AREAS, POLARITIES
from index.base import Query
from pipeline.query_rules import (
    LEVELS,
    Rule,
    comparison_level,
    level_problem,
    query_problem,
    unit_problem,
    worded,
    years_problem,
)
from reports.compare import close_themes, one_theme, themes_named
from web.labels import AREA_LABELS, POLARITY_LABELS, SORT_LABELS

PAGE_SIZE = 20
MAX_PAGE = 500  # 10,000 findings deep: nobody reads further, and offsets stay cheap
MAX_NAME = 120
YEARS = range(1945, 2101)
SORTS = ("relevance", "date")
MEASURES = ("documents", "units")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def theme_labels() -> dict[str, str]:
    """Each theme code's label, as the facets show it."""
    from nlp.themes import load_taxonomy

    return load_taxonomy().labels


class BadRequest(Exception):
    """A parameter the page cannot use; the message is shown to the user as it is."""


def text_param(
    params: Mapping[str, str], name: str, label: str, *, max_chars: int | None = MAX_NAME
) -> str | None:
    """A free-text parameter, spaces collapsed; None when absent or blank. `max_chars` None: the
    caller's rule limits it (the search words: pipeline/query_rules.py, as on the CLI)."""
    raw = params.get(name)
    if raw is None:
        return None
    if _CONTROL.search(raw):
        raise BadRequest(f"Tham số «{label}» chứa ký tự điều khiển không hợp lệ.")
    value = " ".join(raw.split())
    if max_chars is not None and len(value) > max_chars:
        raise BadRequest(f"Tham số «{label}» dài quá {max_chars} ký tự.")
    return value or None


def int_param(params: Mapping[str, str], name: str, label: str, allowed: range) -> int | None:
    """A whole number within `allowed`; None when absent or blank."""
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        raise BadRequest(f"Tham số «{label}» phải là một số nguyên, không phải «{raw[:40]}».")
    value = int(raw)
    if value not in allowed:
        raise BadRequest(f"Tham số «{label}» phải nằm trong khoảng {allowed.start}–{allowed.stop - 1}.")
    return value


CHOICES_LISTED = 8  # more choices than this (the themes) are not listed whole in a 400


def choice_param(params: Mapping[str, str], name: str, label: str, choices: tuple[str, ...],
                 names: Mapping[str, str] | None = None) -> str | None:
    """One of `choices`; None when absent or blank. A value not among them is a 400 that names
    the choices as a reader knows them (`names`: "strength (Ưu điểm)"), all of a few, the close
    ones of many (the themes, a hundred codes). Why: the codes alone ("strength, shortcoming,
    recommendation"; every theme code) were what a staff member who edited a link read (ux20)."""
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    if raw not in choices:
        raise BadRequest(choice_problem(raw, label, choices, names or {}))
    return raw


def choice_problem(raw: str, label: str, choices: tuple[str, ...], names: Mapping[str, str]) -> str:
    """The sentence of a 400 for a value `raw` not among `choices` (`choice_param`)."""
    import difflib

    listed = choices if len(choices) <= CHOICES_LISTED else tuple(
        difflib.get_close_matches(raw, choices, n=3, cutoff=0.6))
    shown = ", ".join(f"{c} ({names[c]})" if c in names else c for c in listed)
    if len(choices) <= CHOICES_LISTED:
        return f"Tham số «{label}» không hợp lệ: chọn một trong {shown}."
    hint = f" Có phải: {shown}?" if shown else " Hãy chọn trong bộ lọc của trang tìm kiếm."
    return f"Tham số «{label}» không hợp lệ: «{raw}» không có trong {len(choices)} giá trị của nó.{hint}"


def unknown_theme(typed: str, otherwise: str = " Xóa chủ đề để xem các chủ đề có trong bảng so sánh.") -> str:
    """The sentence of a 400 for a theme filter naming no theme (reports.compare.themes_named),
    with the closest themes by their labels (`close_themes`, the rule the CLI's --theme says them
    by, search and comparison alike), else `otherwise`: an empty matrix "with this filter" read as
    if no unit had that shortcoming."""
    close = close_themes(typed)
    labels = theme_labels()
    hint = " Có phải: " + "; ".join(f"{labels[c]} ({c})" for c in close) + "?" if close else otherwise
    return (f"Tham số «chủ đề» không khớp chủ đề nào: «{typed}» không là mã, cũng không có trong tên"
            f" chủ đề nào.{hint}")


def theme_param(params: Mapping[str, str], name: str) -> str | None:
    """The one theme code the search page's chủ đề names: a code (its list), or a label's words
    naming one theme (as the comparison and the CLI read them: reports.compare.one_theme); None
    when absent. A value naming none is a 400 with the close themes, several a 400 listing them.
    Why: the search's own difflib over the codes was a second rule beside `close_themes`."""
    raw = text_param(params, name, QUERY_LABELS["theme"])
    if raw is None:
        return None
    code = one_theme(raw)
    if code is not None:
        return code
    named = sorted(themes_named(raw))
    if not named:
        raise BadRequest(unknown_theme(raw, " Hãy chọn trong bộ lọc của trang tìm kiếm."))
    labels = theme_labels()
    raise BadRequest(f"Tham số «chủ đề»: «{raw}» khớp {len(named)} chủ đề, trang tìm kiếm lọc theo một: "
                     + "; ".join(f"{labels[c]} ({c})" for c in named) + ".")


def link(path: str, values: Mapping[str, object]) -> str:
    """`path` with the non-empty values as its query string (the URL is the page's state)."""
    query = urlencode([(k, str(v)) for k, v in values.items() if v is not None and v != ""])
    return f"{path}?{query}" if query else path


# The search's Query fields as the page names them: in its form, and in a broken rule's message.
QUERY_LABELS: dict[str, str] = {
    "text": "từ khóa",
    "unit": "đơn vị",
    "unit_place": "đơn vị (tỉnh)",
    "within": "gồm cả đơn vị trực thuộc",
    "province": "tỉnh",
    "inspector": "cơ quan kiểm tra",
    "level": "cấp",
    "year": "năm",
    "year_from": "từ năm",
    "year_to": "đến năm",
    "area": "lĩnh vực",
    "polarity": "loại",
    "theme": "chủ đề",
    "doc_kind": "loại văn bản",
    "doc_number": "số hiệu văn bản",
    "sort": "sắp xếp",
    "limit": "số kết quả",
    "offset": "vị trí bắt đầu",
}
CHECKED = "1"  # the value a ticked checkbox sends


# A broken search rule (pipeline/query_rules.py, the CLI's too) in the page's words; the fields are
# those of pipeline.query_rules.worded.
MESSAGES: dict[Rule, str] = {
    Rule.TOO_LONG: "Tham số «{name}» dài {value} ký tự, quá {limit} ký tự cho phép.",
    Rule.BLANK: "Tham số «{name}» không được để trống.",
    Rule.NEEDS_UNIT: "Tham số «{name}» cần có «{names[unit]}» để tìm trong đó.",
    Rule.REVERSED: "Tham số «{name}» ({value}) không được lớn hơn «{names[year_to]}» ({limit}).",
    Rule.UNKNOWN_LEVEL: "Tham số «{name}» không phải một cấp đơn vị: «{value}»; chọn một trong "
                        + ", ".join(LEVELS) + ".",
    Rule.LEVEL_ALONE: ("Tham số «{name}» chỉ ghi cấp «{value}», chưa phải tên một đơn vị: hãy ghi cả tên"
                       " đơn vị sau cấp, hoặc chọn «{names[level]}» «{value}» để xem mọi đơn vị cấp đó."),
}
INVALID = "Tham số «{name}» không hợp lệ: {value}."  # a rule the page has no sentence of its own for


@dataclass(frozen=True, slots=True)
class SearchParams:
    """The search page's state; field names are the URL's parameter names. The Query it stands
    for (`query`) is the one the CLI builds, checked by the same rules (pipeline/query_rules.py)."""

    q: str = ""
    nam: int | None = None  # year
    tu_nam: int | None = None  # from this year on
    den_nam: int | None = None  # up to this year
    linh_vuc: str | None = None  # area code
    loai: str | None = None  # polarity code
    tinh: str | None = None  # province
    don_vi: str | None = None  # unit
    truc_thuoc: bool = False  # with don_vi: also the units inside it (the CLI's --within)
    # One unit as the unit facet names it, "huyện Châu Thành — An Giang" (the CLI's --unit-place)
    don_vi_chon: str | None = None
    # the findings of this body's inspections (the CLI's --inspector: "Sở Nội vụ", or the inspector
    # facet's value, "Sở Nội vụ — Quảng Trị")
    co_quan_kiem_tra: str | None = None
    cap: str | None = None  # only findings about units of this level (the CLI's --level: xã, huyện ...)
    # the kind of a numbered document the findings' document bears or cites (the CLI's --doc-kind:
    # a name of core/doc_kinds.toml, "Báo cáo")
    loai_van_ban: str | None = None
    so_hieu: str | None = None  # the number of a document the findings come from (139/QĐ-UBND)
    chu_de: str | None = None  # theme code (nlp/vi/themes.toml)
    sap_xep: str = "relevance"
    trang: int = 1

    @classmethod
    def parse(cls, params: Mapping[str, str], *, max_query_chars: int) -> SearchParams:
        """The page's state from its URL, or a BadRequest; `max_query_chars` is the setting of
        that name, the CLI's limit too."""
        parsed = cls(
            q=text_param(params, "q", QUERY_LABELS["text"], max_chars=None) or "",
            nam=int_param(params, "nam", QUERY_LABELS["year"], YEARS),
            tu_nam=int_param(params, "tu_nam", QUERY_LABELS["year_from"], YEARS),
            den_nam=int_param(params, "den_nam", QUERY_LABELS["year_to"], YEARS),
            linh_vuc=choice_param(params, "linh_vuc", QUERY_LABELS["area"], AREAS, AREA_LABELS),
            loai=choice_param(params, "loai", QUERY_LABELS["polarity"], POLARITIES, POLARITY_LABELS),
            tinh=text_param(params, "tinh", QUERY_LABELS["province"]),
            don_vi=text_param(params, "don_vi", QUERY_LABELS["unit"]),
            truc_thuoc=choice_param(params, "truc_thuoc", QUERY_LABELS["within"], (CHECKED,)) == CHECKED,
            don_vi_chon=text_param(params, "don_vi_chon", QUERY_LABELS["unit_place"]),
            co_quan_kiem_tra=text_param(params, "co_quan_kiem_tra", QUERY_LABELS["inspector"]),
            cap=text_param(params, "cap", QUERY_LABELS["level"]),  # checked by the rules, as --level
            loai_van_ban=choice_param(params, "loai_van_ban", QUERY_LABELS["doc_kind"], kind_names()),
            so_hieu=text_param(params, "so_hieu", QUERY_LABELS["doc_number"]),
            chu_de=theme_param(params, "chu_de"),
            sap_xep=choice_param(params, "sap_xep", QUERY_LABELS["sort"], SORTS, SORT_LABELS) or "relevance",
            trang=int_param(params, "trang", "trang", range(1, MAX_PAGE + 1)) or 1,
        )
        problem = query_problem(parsed.query(), max_chars=max_query_chars)
        if problem:
            raise BadRequest(worded(problem, MESSAGES, QUERY_LABELS, otherwise=INVALID))
        return parsed

    def query(self) -> Query:
        return Query(
            text=self.q,
            year=self.nam,
            year_from=self.tu_nam,
            year_to=self.den_nam,
            area=self.linh_vuc,
            polarity=self.loai,
            province=self.tinh,
            unit=self.don_vi,
            within=self.truc_thuoc,
            unit_place=self.don_vi_chon,
            inspector=self.co_quan_kiem_tra,
            level=self.cap,
            doc_kind=self.loai_van_ban,
            doc_number=self.so_hieu,
            theme=self.chu_de,
            sort=self.sap_xep,
            limit=PAGE_SIZE,
            offset=(self.trang - 1) * PAGE_SIZE,
            facets=True,
        )

    def values(self) -> dict[str, object]:
        """As URL parameters, defaults left out so links stay short."""
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["truc_thuoc"] = CHECKED if self.truc_thuoc else None
        if out["sap_xep"] == "relevance":
            out["sap_xep"] = None
        if out["trang"] == 1:
            out["trang"] = None
        return out

    def url(self, **changes: object) -> str:
        """This search with `changes`; any change but the page goes back to page 1. Dropping the
        unit drops "the units inside it" with it: alone it would be a broken rule."""
        if "trang" not in changes:
            changes["trang"] = 1
        if "don_vi" in changes and changes["don_vi"] is None:
            changes["truc_thuoc"] = False
        return link("/", replace(self, **changes).values())  # type: ignore[arg-type]

    @property
    def filtered(self) -> bool:
        """Whether any filter narrows the words' findings (the words, order and page do not): the
        Query's own answer (index.base.Query.filtered), so the page and the engines read one list."""
        return self.query().filtered


@dataclass(frozen=True, slots=True)
class CompareParams:
    """The comparison page's state: the report filters and what the matrix counts."""

    chu_de: str | None = None  # theme code or words of its label
    don_vi: str | None = None
    cap: str | None = None  # only units of this level, as typed or chosen (the CLI's --level)
    tu_nam: int | None = None
    den_nam: int | None = None
    do_do: str = "documents"

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> CompareParams:
        parsed = cls(
            chu_de=text_param(params, "chu_de", "chủ đề"),
            don_vi=text_param(params, "don_vi", "đơn vị"),
            cap=text_param(params, "cap", QUERY_LABELS["level"]),  # checked by the rules, as --level
            tu_nam=int_param(params, "tu_nam", QUERY_LABELS["year_from"], YEARS),
            den_nam=int_param(params, "den_nam", QUERY_LABELS["year_to"], YEARS),
            do_do=choice_param(params, "do_do", "đếm theo", MEASURES) or "documents",
        )
        # The search's rules and words.
        problem = (years_problem(parsed.tu_nam, parsed.den_nam) or level_problem(parsed.cap)
                   or unit_problem(parsed.don_vi))
        if problem:
            raise BadRequest(worded(problem, MESSAGES, QUERY_LABELS, otherwise=INVALID))
        if parsed.chu_de is not None and not themes_named(parsed.chu_de):
            raise BadRequest(unknown_theme(parsed.chu_de))
        return parsed

    @property
    def level(self) -> Level | None:
        """The level `cap` names, however it was typed ("thi tran", "TP"); None for none."""
        return comparison_level(self.cap)

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        if out["do_do"] == "documents":
            out["do_do"] = None
        return out

    def url(self, path: str = "/so-sanh", **extra: object) -> str:
        """This comparison's URL (or a page under it, `path`), `extra` parameters added or replaced."""
        return link(path, {**self.values(), **extra})
