"""The one table of Vietnamese document kinds (core/doc_kinds.toml), and the lists drawn from it.

Why here, on the floor: the kind words were written twice, as headings for title detection
(extractors/) and as cited kinds with their number codes (nlp/), and the two lists had begun to
differ in ways nobody chose. extractors/ and nlp/ may not import each other; both may read core/.
The table is data a linguist extends; this module only loads it, checks it and selects from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.normalize import fold, match_key
from core.tables import read_table

DOC_KINDS_FILE = Path(__file__).with_name("doc_kinds.toml")


@dataclass(frozen=True, slots=True)
class DocKind:
    """One kind: its name as running text writes it, its symbol codes, and where it stands
    (the meaning of each flag is in the table file's header)."""

    name: str
    codes: tuple[str, ...] = ()
    heading: bool = False
    cited: bool = False
    bare_number: bool = False


_FIELDS = frozenset(DocKind.__dataclass_fields__)


def parse_doc_kinds(data: dict[str, Any], source: Path | str = DOC_KINDS_FILE) -> tuple[DocKind, ...]:
    """The rows of a loaded table, checked: known fields, a name each, no name or code twice."""
    kinds: list[DocKind] = []
    names: set[str] = set()
    codes: set[str] = set()
    for row in data.get("kinds", []):
        unknown = set(row) - _FIELDS
        if unknown or not str(row.get("name", "")).strip():
            raise ConfigError(f"a kind row needs a name and only {sorted(_FIELDS)}: {row}", path=source)
        kind = DocKind(str(row["name"]), tuple(str(c) for c in row.get("codes", ())),
                       bool(row.get("heading")), bool(row.get("cited")), bool(row.get("bare_number")))
        twice = ({kind.name.lower()} & names) | (set(kind.codes) & codes)
        if twice:
            raise ConfigError(f"{', '.join(sorted(twice))} stands in two rows", path=source)
        names.add(kind.name.lower())
        codes.update(kind.codes)
        kinds.append(kind)
    return tuple(kinds)


@lru_cache(maxsize=1)
def doc_kinds() -> tuple[DocKind, ...]:
    """Every kind of the table, in its order."""
    return parse_doc_kinds(read_table(DOC_KINDS_FILE, "the document kinds"))


def heading_kinds() -> tuple[str, ...]:
    """Kind lines as a document's heading writes them, in capitals ("BÁO CÁO")."""
    return tuple(k.name.upper() for k in doc_kinds() if k.heading)


def cited_kinds() -> tuple[str, ...]:
    """Kind words that cite a document in running text ("Quyết định", "Văn bản")."""
    return tuple(k.name for k in doc_kinds() if k.cited)


@lru_cache(maxsize=1)
def cited_codes() -> frozenset[str]:
    """The symbol codes of the kinds cited in running text, folded ("kh", "qd",
    "ct"): typed before a document number ("KH 115/KH-UBND"), staff cite the kind by its code as
    the documents cite it by its name, and a code before a number names nothing else (a plan's
    "KH", a directive's "CT", never khách hàng or chủ tịch there)."""
    return frozenset(fold(code) for k in doc_kinds() if k.cited for code in k.codes)


def bare_number_kinds() -> tuple[str, ...]:
    """Kinds cited by a bare number as well ("Chỉ thị 26")."""
    return tuple(k.name for k in doc_kinds() if k.bare_number)


def kind_codes() -> dict[str, str]:
    """Each symbol code and the kind it stands for ("QĐ" → "Quyết định")."""
    return {code: k.name for k in doc_kinds() for code in k.codes}


def kind_names() -> tuple[str, ...]:
    """Every kind's name, in the table's order: the kinds a stored document number can have (the
    document-number rules name a number's kind from its kind word, its heading or its code, each a
    row here), so the values a search's document-kind filter accepts (`kiemtra search --doc-kind`,
    the page's «loại văn bản»)."""
    return tuple(k.name for k in doc_kinds())


def known_kind(value: str) -> str | None:
    """The table's name for a kind typed with any case or tone placement ("kế hoạch", "Kế Hoạch"
    → "Kế hoạch") or as its symbol code ("QĐ", "kh": `kind_codes`, what staff type for a kind
    as they read it in a number); None for a word that is no kind of the table."""
    key = match_key(value)
    named = next((name for name in kind_names() if match_key(name) == key), None)
    return named or next((name for code, name in kind_codes().items() if match_key(code) == key), None)
