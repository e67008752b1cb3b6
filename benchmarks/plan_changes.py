"""The plans of every judged query, saved at one commit and compared at another.

Why: a change to how a query is read (index/query, index/vi/) that moves no judged query's plan
cannot move the judged numbers, so the cross-validation is needed only for the plans it prints; and
the ones it prints are the queries to read. Each distinct text of the judged sets is planned against
the dev store's vocabulary (`train_ranker --store DIR` builds it), as the SQLite engine plans it.

    .venv/bin/python -m benchmarks.plan_changes --store DIR save /tmp/plans-base.json   # at the base
    .venv/bin/python -m benchmarks.plan_changes --store DIR diff /tmp/plans-base.json   # at the head
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.train_ranker import JUDGMENTS

if TYPE_CHECKING:
    from index.query import Plan


def judged_texts(paths: Iterable[Path]) -> list[str]:
    """The distinct query texts of the judged sets, in their order."""
    seen: dict[str, None] = {}
    for path in paths:
        for query in json.loads(path.read_text(encoding="utf-8"))["queries"]:
            seen.setdefault(query["text"], None)
    return list(seen)


def shown(plan: Plan) -> str:
    """A plan as the saved files hold it: its repr with the fields at their defaults left out, so a
    field a change adds to the Plan (its default on every plan that does not use it) moves only the
    plans that set it. Saved at a commit before this rule (every field), a file differs in every plan
    from one saved after; save the base again with this module."""
    set_fields = []
    for f in dataclasses.fields(plan):
        value = getattr(plan, f.name)
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        if value != default:
            set_fields.append(f"{f.name}={value!r}")
    return f"{type(plan).__name__}({', '.join(set_fields)})"


def plans(store: Path, texts: Iterable[str]) -> dict[str, str]:
    """Each text's plan against the store's vocabulary (`shown`: the fields it sets)."""
    from benchmarks import search_quality as sq
    from benchmarks.devcorpus import DEFAULT_CORPUS
    from index.sqlite_fts import SqliteFtsBackend

    backend = SqliteFtsBackend(sq.build_store(DEFAULT_CORPUS, store))
    try:
        return {text: shown(backend.plan(text)) for text in texts}
    finally:
        backend.close()


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The texts whose plan differs, or that only one side planned."""
    return [t for t in {**before, **after} if before.get(t) != after.get(t)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True, help="the dev store's folder")
    parser.add_argument("action", choices=("save", "diff"))
    parser.add_argument("file", type=Path, help="the saved plans (JSON)")
    args = parser.parse_args()
    now = plans(args.store, judged_texts(JUDGMENTS))
    if args.action == "save":
        args.file.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(now)} plans saved to {args.file}")
        return
    before = json.loads(args.file.read_text(encoding="utf-8"))
    moved = changed(before, now)
    for text in moved:
        print(f"{text}\n  before: {before.get(text)}\n  after:  {now.get(text)}\n")
    print(f"{len(moved)} of {len(now)} judged texts' plans changed")


if __name__ == "__main__":
    main()
