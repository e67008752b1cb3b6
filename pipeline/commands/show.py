"""`kiemtra show FINDING_ID`: a finding back in its context, from the store.

Why: a search result is one sentence; an inspector must read the paragraph around it and
know which document, file, page and characters it came from before quoting it. Everything is
read from the store (the system of record), so it works whichever search engine found the id.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import click

from core.errors import KiemtraError, printable
from core.models import spoken
from pipeline.console import EXIT_FAILED, err, settings_of, several_line

if TYPE_CHECKING:
    from index.store import FindingNamed

CONTEXT_CHARS = 1200  # at most this much of the paragraph around the finding


def not_one_line(named: FindingNamed, database: object) -> str:
    """One line for a typed finding id naming no single finding (`Store.finding_named`): none, or
    how many start with it, listed when they are few enough to pick from. Why: "no finding" for a
    start that names several sent the user to check the store; 300 ids listed are no help."""
    if not named.count:
        return f"no finding {named.typed!r} in {database}"
    return several_line("findings", named.typed, named.count, named.candidates)


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


ELLIPSES = ("...", "…")


def cut_marks(text: str, begin: int, stop: int) -> tuple[str, str]:
    """The marks before and after text[begin:stop] saying the text goes on: "…" where it was cut,
    none where it ends or begins there, and none where the shown text already ends (or begins)
    with an ellipsis of its own ("còn chậm..." was shown as "còn chậm...…"): one ellipsis reads
    as one, two as a typo."""
    shown = text[begin:stop]
    lead = "…" if begin > 0 and not shown.lstrip().startswith(ELLIPSES) else ""
    tail = "…" if stop < len(text) and not shown.rstrip().endswith(ELLIPSES) else ""
    return lead, tail


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
    try:
        with Store(settings.database, readonly=settings.database.is_file()) as store:
            named = store.finding_named(finding_id)
            shown = store.finding_in_context(named.finding_id) if named.finding_id else None
    except KiemtraError as e:
        err(str(e))
        sys.exit(EXIT_FAILED)
    if shown is None:  # (an id stored without its document's record: "no finding" too)
        err(not_one_line(named if named.finding_id is None else replace(named, count=0), settings.database))
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
    lead, tail = cut_marks(document.text, begin, stop)
    click.echo(lead + before + click.style(found, bold=True) + after + tail)
