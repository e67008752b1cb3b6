"""A count per judged set and class as a markdown table, and a run's detail as JSON lines.

Why a module: the scripts that class what search does on each judged set (`misses.py`: the
relevant findings users never see; `wasted.py`: the first-ten slots that earn nothing) print the
same table, one column per set and a total, and write the same detail file for reading.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any


def set_label(name: str) -> str:
    """A judged set's short name in a column head: "search_judgments_ninth.json" → "_ninth"."""
    return name.removeprefix("search_judgments").removesuffix(".json") or "_first"


def print_counts(label: str, names: Sequence[str], classes: Iterable[str],
                 counts: Mapping[str, Mapping[str, int]]) -> None:
    """One row per class, one column per set (in `names`' order), and the row's total."""
    print(f"| {label} | " + " | ".join(set_label(n) for n in names) + " | all |")
    print("|---|" + "---|" * (len(names) + 1))
    for c in classes:
        row = [counts[n][c] for n in names]
        print(f"| {c} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")


def write_detail(path: Path | None, items: Iterable[Mapping[str, Any]]) -> None:
    """Every item as one JSON line (UTF-8, accents kept), when a path is given."""
    if path is None:
        return
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
