"""What a search that found nothing could ask instead, for the CLI and the web page alike.

Why here: a strict unit filter that finds nothing (a huyện whose reports judge its communes)
is not a dead end when the units inside it have findings; both edges say how many, each in
its own words (`--within` on the CLI, a link on the page), from this one count.
"""

from __future__ import annotations

from dataclasses import replace

from index.base import FILTERS, Query, SearchBackend
from pipeline.search import search


def inside_total(backend: SearchBackend, query: Query) -> int:
    """How many findings `query` would find with the units inside its unit (Query.within); 0
    when it names no unit or already looks inside."""
    if query.unit is None or query.within:
        return 0
    return search(backend, replace(query, within=True, limit=1, offset=0, facets=False)).total


# The filters that can leave a search empty on their own, each as the Query fields it sets (a year
# range is one filter): every filter (index.base.FILTERS, which Query.filtered reads), so a filter
# added there is asked here and needs its sentence on both edges (pipeline/cli.py, web/views.py;
# tested). The unit is asked with the units inside it, whose findings `inside_total` already offers.
ALONE_FILTERS: tuple[tuple[str, ...], ...] = FILTERS


def empty_alone(backend: SearchBackend, query: Query) -> tuple[str, ...]:
    """The filters of `query` (the first Query field of each ALONE_FILTERS entry) that no finding
    of the index meets even without the query's words and other filters.

    Why: a search that found nothing said only "no findings … with the chosen filters", so a
    misspelt unit ("Xyz"), a year the archive does not reach or a number no stored document bears
    read as if the words were at fault. Asked only when the search found nothing: one count per
    filter given."""
    empty = []
    for fields in ALONE_FILTERS:
        values = {name: getattr(query, name) for name in fields if getattr(query, name) is not None}
        if not values:
            continue
        alone = Query(limit=0, within=True, **values) if "unit" in values else Query(limit=0, **values)
        if not search(backend, alone).total:
            empty.append(fields[0])
    return tuple(empty)
