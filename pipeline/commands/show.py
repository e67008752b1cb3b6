"""`kiemtra show FINDING_ID`: a finding back in its context, from the store.

Why: a search result is one sentence; an inspector must read the paragraph around it and
know which document, file, page and characters it came from before quoting it. Everything is
read from the store (the system of record), so it works whichever search engine found the id.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from core.errors import KiemtraError, printable
from core.models import spoken
from pipeline.console import EXIT_FAILED, err, settings_of

CONTEXT_CHARS = 1200  # at most this much of the paragraph around the finding
CANDIDATES = 5  # the finding ids a short id matching several lists, enough to pick one from


def ambiguous_line(prefix: str, count: int, ids: list[str]) -> str:
    """One line for a short id that starts several findings' ids: how many, the first few, what to
    type. Why: "no finding" for a prefix that names several sent the user to check the store."""
    more = f", … ({count - len(ids)} more)" if count > len(ids) else ""
    return f"{count} findings start with {prefix!r}: {', '.join(ids)}{more}; give more of the id"


def paragraph_around(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> tuple[int, int]:
    """The (start, end) of the blank-line paragraph holding text[start:end], cut to about
    `limit` characters around the finding when the paragraph is longer."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    begin = text.rfind("\n\n", 0, start)
    begin = 0 if begin < 0 else begin + 2
    stop = text.find("\n\n", end)
    stop = len(text) if stop < 0 else stop
    spare = max(0, limit - (end - start)) // 2
    return max(begin, start - spare), min(stop, end + spare)


@click.command(name="show")
@click.argument("finding_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def command(ctx: click.Context, finding_id: str, fmt: str) -> None:
    """A finding with the paragraph around it, its document, path, page, offsets, units and dates;
    a finding withdrawn from search (its file left the inbox) says so and since when. FINDING_ID
    may be shortened to any start of it naming one finding, as `kiemtra runs` takes a run's."""
    from index.store import Store

    settings = settings_of(ctx)
    count, ids = 0, list[str]()
    try:
        with Store(settings.database, readonly=settings.database.is_file()) as store:
            shown = store.finding_in_context(finding_id)
            if shown is None:  # a short id, as `kiemtra runs` takes a run's
                count, ids = store.finding_ids_starting(finding_id, CANDIDATES)
                if count == 1:
                    shown = store.finding_in_context(ids[0])
    except KiemtraError as e:
        err(str(e))
        sys.exit(EXIT_FAILED)
    if shown is None:
        err(ambiguous_line(finding_id, count, ids) if count > 1
            else f"no finding {finding_id!r} in {settings.database}")
        sys.exit(EXIT_FAILED)
    record, document, extraction = shown.record, shown.stored.document, shown.stored.extraction
    begin, stop = paragraph_around(document.text, record.start, record.end)
    units = [u.to_dict() for u in extraction.units]
    data: dict[str, Any] = {
        "finding_id": record.finding_id, "polarity": record.polarity, "area": record.area,
        "theme": record.theme,
        "text": record.text, "doc_id": record.doc_id, "title": record.title, "path": record.path,
        "page": record.page, "start": record.start, "end": record.end, "published": record.published,
        "year": record.year, "finding_units": list(record.unit_levels or record.units),
        "document_units": units, "dates": list(extraction.dates),
        "document_numbers": [ref.to_dict() for ref in extraction.documents],
        "context": {"start": begin, "end": stop, "text": document.text[begin:stop]},
        "withdrawn_at": shown.stored.withdrawn_at,
    }
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(f"finding {record.finding_id}  [{record.polarity}/{record.area}]"
               + (f"  theme: {record.theme}" if record.theme else ""))
    # The path is a file name from outside and the title may be a file's metadata: controls escaped.
    click.echo(f"document: {record.doc_id}" + (f" — {printable(record.title)}" if record.title else ""))
    page = record.page if record.page is not None else "-"
    click.echo(f"path: {printable(record.path or '-')}  page {page}  characters {record.start}-{record.end}")
    click.echo(f"published: {record.published or '-'}  year: {record.year or '-'}")
    if shown.stored.withdrawn_at:
        click.echo(f"withdrawn from search since {shown.stored.withdrawn_at}: its file left the inbox"
                   " (removed_files = withdraw); the store keeps it, the file coming back restores it")
    click.echo("about: " + (", ".join(map(spoken, data["finding_units"])) or "-"))
    click.echo("document units: " + (", ".join(
        f"{spoken(u['level'] + ' ' + u['name'])} ({u['role']}"
        + (f", {u['province']}" if u.get("province") else "") + ")"
        for u in units) or "-"))
    click.echo("document numbers: " + (", ".join(ref.number for ref in extraction.documents) or "-"))
    click.echo("dates: " + (", ".join(extraction.dates) or "-"))
    click.echo("")
    before, found, after = (document.text[begin:record.start], document.text[record.start:record.end],
                            document.text[record.end:stop])
    click.echo(("…" if begin > 0 else "") + before + click.style(found, bold=True) + after
               + ("…" if stop < len(document.text) else ""))
