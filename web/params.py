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

from core.models import AREAS, POLARITIES
from index.base import Query

PAGE_SIZE = 20
MAX_PAGE = 500  # 10,000 findings deep: nobody reads further, and offsets stay cheap
MAX_TEXT = 300
MAX_NAME = 120
YEARS = range(1945, 2101)
SORTS = ("relevance", "date")
MEASURES = ("documents", "units")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def theme_codes() -> tuple[str, ...]:
    """The codes of the comparison's themes, the values a theme filter may take."""
    from nlp.themes import load_taxonomy

    return tuple(t.code for t in load_taxonomy().themes)


class BadRequest(Exception):
    """A parameter the page cannot use; the message is shown to the user as it is."""


def text_param(params: Mapping[str, str], name: str, label: str, *, max_chars: int = MAX_NAME) -> str | None:
    """A free-text parameter, spaces collapsed; None when absent or blank."""
    raw = params.get(name)
    if raw is None:
        return None
    if _CONTROL.search(raw):
        raise BadRequest(f"Tham số «{label}» chứa ký tự điều khiển không hợp lệ.")
    value = " ".join(raw.split())
    if len(value) > max_chars:
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


def choice_param(params: Mapping[str, str], name: str, label: str, choices: tuple[str, ...]) -> str | None:
    """One of `choices`; None when absent or blank."""
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    if raw not in choices:
        raise BadRequest(f"Tham số «{label}» không hợp lệ: chọn một trong {', '.join(choices)}.")
    return raw


def link(path: str, values: Mapping[str, object]) -> str:
    """`path` with the non-empty values as its query string (the URL is the page's state)."""
    query = urlencode([(k, str(v)) for k, v in values.items() if v is not None and v != ""])
    return f"{path}?{query}" if query else path


@dataclass(frozen=True, slots=True)
class SearchParams:
    """The search page's state; field names are the URL's parameter names."""

    q: str = ""
    nam: int | None = None  # year
    linh_vuc: str | None = None  # area code
    loai: str | None = None  # polarity code
    tinh: str | None = None  # province
    don_vi: str | None = None  # unit
    chu_de: str | None = None  # theme code (nlp/vi/themes.toml)
    sap_xep: str = "relevance"
    trang: int = 1

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> SearchParams:
        return cls(
            q=text_param(params, "q", "từ khóa", max_chars=MAX_TEXT) or "",
            nam=int_param(params, "nam", "năm", YEARS),
            linh_vuc=choice_param(params, "linh_vuc", "lĩnh vực", AREAS),
            loai=choice_param(params, "loai", "loại", POLARITIES),
            tinh=text_param(params, "tinh", "tỉnh"),
            don_vi=text_param(params, "don_vi", "đơn vị"),
            chu_de=choice_param(params, "chu_de", "chủ đề", theme_codes()),
            sap_xep=choice_param(params, "sap_xep", "sắp xếp", SORTS) or "relevance",
            trang=int_param(params, "trang", "trang", range(1, MAX_PAGE + 1)) or 1,
        )

    def query(self) -> Query:
        return Query(
            text=self.q,
            year=self.nam,
            area=self.linh_vuc,
            polarity=self.loai,
            province=self.tinh,
            unit=self.don_vi,
            theme=self.chu_de,
            sort=self.sap_xep,
            limit=PAGE_SIZE,
            offset=(self.trang - 1) * PAGE_SIZE,
            facets=True,
        )

    def values(self) -> dict[str, object]:
        """As URL parameters, defaults left out so links stay short."""
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        if out["sap_xep"] == "relevance":
            out["sap_xep"] = None
        if out["trang"] == 1:
            out["trang"] = None
        return out

    def url(self, **changes: object) -> str:
        """This search with `changes`; any change but the page goes back to page 1."""
        if "trang" not in changes:
            changes["trang"] = 1
        return link("/", replace(self, **changes).values())  # type: ignore[arg-type]

    @property
    def filtered(self) -> bool:
        return any(
            v is not None for v in (self.nam, self.linh_vuc, self.loai, self.tinh, self.don_vi, self.chu_de)
        )


@dataclass(frozen=True, slots=True)
class CompareParams:
    """The comparison page's state: the report filters and what the matrix counts."""

    chu_de: str | None = None  # theme code or words of its label
    don_vi: str | None = None
    tu_nam: int | None = None
    den_nam: int | None = None
    do_do: str = "documents"

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> CompareParams:
        parsed = cls(
            chu_de=text_param(params, "chu_de", "chủ đề"),
            don_vi=text_param(params, "don_vi", "đơn vị"),
            tu_nam=int_param(params, "tu_nam", "từ năm", YEARS),
            den_nam=int_param(params, "den_nam", "đến năm", YEARS),
            do_do=choice_param(params, "do_do", "đếm theo", MEASURES) or "documents",
        )
        if parsed.tu_nam is not None and parsed.den_nam is not None and parsed.tu_nam > parsed.den_nam:
            raise BadRequest("«Từ năm» phải không lớn hơn «đến năm».")
        return parsed

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        if out["do_do"] == "documents":
            out["do_do"] = None
        return out

    def url(self, path: str = "/so-sanh", **extra: object) -> str:
        """This comparison's URL (or a page under it, `path`), `extra` parameters added or replaced."""
        return link(path, {**self.values(), **extra})
