"""What a search that found nothing could ask instead, for the CLI and the web page alike.

Why here: a strict unit filter that finds nothing (a huyện whose reports judge its communes)
is not a dead end when the units inside it have findings; both edges say how many, each in
its own words (`--within` on the CLI, a link on the page), from this one count.
"""

from __future__ import annotations

from dataclasses import replace

from index.base import Query, SearchBackend
from pipeline.search import search


def inside_total(backend: SearchBackend, query: Query) -> int:
    """How many findings `query` would find with the units inside its unit (Query.within); 0
    when it names no unit or already looks inside."""
    if query.unit is None or query.within:
        return 0
    return search(backend, replace(query, within=True, limit=1, offset=0, facets=False)).total
