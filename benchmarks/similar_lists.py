"""Dump every finding's "similar findings" list from a store's SQLite index, and compare two dumps.

Why: a change to how `similar` is computed (index/sqlite_fts.py) must not make its lists worse.
Run it with the old code and with the new one on the same store, then compare: the share of the
old top-k each new list keeps (order ignored), how many lists are identical, and the lists that
differ, printed with their texts so an engineer can judge whether both are about the same matter.

    .venv/bin/python -m benchmarks.similar_lists --store /tmp/sq/store.db --out before.json
    .venv/bin/python -m benchmarks.similar_lists --store /tmp/sq/store.db --out after.json \
        --against before.json
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

# This checkout first on sys.path, as benchmarks/search.py says why.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.sqlite_fts import SqliteFtsBackend  # noqa: E402


def similar_lists(backend: SqliteFtsBackend, finding_ids: list[str], limit: int) -> dict[str, list[str]]:
    """finding id → the ids of its similar findings, best first."""
    return {fid: [hit.record.finding_id for hit in backend.similar(fid, limit=limit)] for fid in finding_ids}


def overlap(before: dict[str, list[str]], after: dict[str, list[str]]) -> tuple[float, int, list[str]]:
    """Mean share of each old list the new one keeps (1.0 for two empty lists), how many lists
    are identical in order, and the ids whose lists differ as sets."""
    shares, same, differ = [], 0, []
    for fid, old in before.items():
        new = after.get(fid, [])
        shares.append(len(set(old) & set(new)) / len(old) if old else float(not new))
        same += old == new
        if set(old) != set(new):
            differ.append(fid)
    return (statistics.mean(shares) if shares else 1.0), same, differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True, help="a database holding the fts_ tables")
    parser.add_argument("--out", type=Path, required=True, help="where to write the lists (JSON)")
    parser.add_argument("--against", type=Path, help="an earlier dump to compare with")
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--sample", type=int, default=0, help="this many findings at random (0: all)")
    parser.add_argument("--show", type=int, default=5, help="differing lists to print with their texts")
    args = parser.parse_args()
    backend = SqliteFtsBackend(args.store, readonly=True)
    try:
        rows = backend._rows("SELECT finding_id, substr(json_extract(record, '$.text'), 1, 160)"
                             " FROM fts_records ORDER BY rowid")
        texts: dict[str, str] = {row[0]: row[1] for row in rows}
        ids = sorted(texts)
        if args.sample:
            ids = sorted(random.Random(11).sample(ids, min(args.sample, len(ids))))
        started = time.perf_counter()
        lists = similar_lists(backend, ids, args.limit)
        elapsed = (time.perf_counter() - started) * 1000 / max(len(ids), 1)
    finally:
        backend.close()
    args.out.write_text(json.dumps(lists, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(lists)} lists, {elapsed:.1f} ms each on average, written to {args.out}")
    if args.against is None:
        return
    before = json.loads(args.against.read_text(encoding="utf-8"))
    share, same, differ = overlap(before, lists)
    print(f"top-{args.limit} overlap with {args.against}: {share:.1%} of the old lists' findings kept;"
          f" {same}/{len(before)} lists identical in order; {len(differ)} differ as sets")
    for fid in differ[:args.show]:
        print(f"\n{fid}: {texts[fid]}")
        for label, chosen in (("before", before[fid]), ("after", lists.get(fid, []))):
            for other in chosen:
                print(f"  {label:>6} {other}: {texts.get(other, '?')}")


if __name__ == "__main__":
    main()
