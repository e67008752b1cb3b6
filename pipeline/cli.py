"""The `kiemtra` command line: parse, delegate, print.

Why thin: every command calls functions from pipeline.process, index and flows that are tested
on their own; here we only turn options into Settings, results into lines, and KiemtraErrors
into one clear line on stderr and an exit code (0 all good, 1 something failed, 2 usage).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from core.errors import ConfigError, KiemtraError
from core.models import Area, Polarity
from core.settings import Settings, load_settings, parse_assignments
from pipeline.console import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    PrintableFormatter,
    err,
    errors_as_lines,
    rule_line,
    settings_of,
)

# Loggers that speak once per HTTP request: Prefect's client talks to its server dozens of times
# per run, and the fetcher's own log already names every page it gets.
CHATTY_LOGGERS = ("httpx", "httpcore", "prefect.client", "urllib3")


# Commands that live in pipeline/commands/<module>.py as `command`; one line each.
COMMAND_MODULES: tuple[str, ...] = ("compare", "nightly", "quarantine", "runs", "serve", "show")


def _command_of(module: str) -> click.Command:
    import importlib

    command: click.Command = importlib.import_module(f"pipeline.commands.{module}").command
    return command


class _Commands(click.Group):
    """The `kiemtra` group, whose larger commands are imported when they are named.

    Why: a one-off `kiemtra search` imported every command's modules before it searched:
    `compare`'s rich tables, reports and spreadsheet writers alone were 0.1 s of each search
    (benchmarks/cli_search.py). A command's module is now imported only when that command runs,
    or when `--help` lists every command (so the list still shows each one's first line)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES and cmd_name not in self.commands:
            self.add_command(_command_of(cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", type=click.Path(dir_okay=False),
              help="SQLite store (default: per-user data dir).")
@click.option("--backend", type=click.Choice(["sqlite", "elasticsearch"]), help="Search backend.")
@click.option("--es-url", help="Elasticsearch URL, e.g. http://127.0.0.1:9200.")
@click.option("--set", "assignments", multiple=True, metavar="KEY=VALUE", help="Override any setting.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, backend: str | None, es_url: str | None,
        assignments: tuple[str, ...], verbose: bool) -> None:
    """kiemtra: searchable, comparable findings from Vietnamese CCHC inspection reports."""
    level = logging.INFO if verbose else logging.ERROR
    # The level on the handler too: Prefect sets its own loggers to INFO, and without -v its
    # per-task "Finished in state Completed()" lines are noise beside the progress lines.
    handler = logging.StreamHandler()
    handler.setFormatter(PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    logging.basicConfig(level=level, handlers=[handler])
    for chatty in CHATTY_LOGGERS:  # -v is for kiemtra's progress, not for every HTTP request
        logging.getLogger(chatty).setLevel(logging.WARNING)
    with errors_as_lines():
        overrides: dict[str, Any] = parse_assignments(list(assignments))
        if db_path == "":
            raise ConfigError("--db needs a file name (leave it out for the default store)")
        for key, value in (("db_path", db_path), ("backend", backend), ("es_url", es_url)):
            if value:
                overrides[key] = value
        ctx.obj = load_settings(overrides)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "text"]), default="jsonl",
              show_default=True,
              help="text: the normalised text that was read, with page markers, instead of the extraction.")
@click.option("--timings", is_flag=True, help="Add seconds per stage to each object.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[Path, ...], fmt: str, timings: bool) -> None:
    """Print the extraction of each document (a folder means every supported file in it)."""
    from extractors import discover, read, unsupported, unsupported_reason
    from pipeline.process import process
    from pipeline.textdump import document_text

    settings = settings_of(ctx)
    failed = 0
    with errors_as_lines():
        files = discover(paths)
        for path in unsupported(paths):
            err(unsupported_reason(path))
    for path in files:
        try:
            if fmt == "text":
                click.echo(document_text(read(path, settings=settings)))
                continue
            _, extraction = process(path, settings=settings)
        except KiemtraError as e:
            err(str(e))
            failed += 1
            continue
        obj = extraction.to_dict(with_timings=timings)
        indent = 1 if fmt == "json" else None
        click.echo(json.dumps(obj, ensure_ascii=False, indent=indent))
    sys.exit(EXIT_FAILED if failed or not files else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--progress/--no-progress", default=None,
              help="Progress: a bar on a terminal, a line every progress_every_s otherwise"
                   " (default: on a terminal).")
@click.option("--wait", is_flag=True, help="Wait for a run already in progress instead of refusing.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], progress: bool | None, wait: bool) -> None:
    """Read, extract, store and index documents; unchanged files are skipped."""
    from pipeline.ingest import ingest_paths

    settings = settings_of(ctx)
    with errors_as_lines():
        summary = ingest_paths(list(paths), settings=settings,
                               progress=sys.stderr.isatty() if progress is None else progress, wait=wait)
    for line in summary.problems():
        err(line)
    click.echo(summary.line())
    sys.exit(EXIT_FAILED if summary.failed else EXIT_OK)  # new failures only


class _QueryCommand(click.Command):
    """A command whose free words may start with a dash: `kiemtra search phiếu hẹn -sổ` excludes
    "sổ" (the query language's -word and -"phrase", index/query), so a single-dash word that
    is none of the command's options is a query word, not an unknown option. Such words are
    handed to click after "--" (an exclusion's place in the query does not matter); a value
    after an option that takes one stays its value ("--limit -5"), and an unknown "--option"
    stays a usage error, so a typo never becomes a query word."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value: dict[str, bool] = {}
        for param in self.get_params(ctx):
            for name in (*param.opts, *param.secondary_opts):
                takes_value[name] = isinstance(param, click.Option) and not param.is_flag and not param.count
        kept: list[str] = []
        words: list[str] = []
        rest: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                rest = args[i + 1:]
                break
            if arg in takes_value:
                kept.append(arg)
                if takes_value[arg] and i + 1 < len(args):
                    kept.append(args[i + 1])
                    i += 1
            elif len(arg) > 1 and arg.startswith("-") and not arg.startswith("--"):
                words.append(arg)
            else:
                kept.append(arg)
            i += 1
        return super().parse_args(ctx, [*kept, "--", *words, *rest] if words or rest else kept)


@cli.command(cls=_QueryCommand)
@click.argument("query", nargs=-1)
@click.option("--unit", help="Only findings about this unit, named or inherited (accents optional).")
@click.option("--within", is_flag=True, help="With --unit: also findings about units inside it.")
@click.option("--unit-place", help='Only findings about this one unit, as --facets names it'
              ' ("huyện Châu Thành — An Giang"): not its namesakes of other provinces.')
@click.option("--province",
              help='Only findings in this province ("Quảng Trị", "tỉnh Quảng Trị", "TP Hà Nội").')
@click.option("--inspector", help='Only findings of this body\'s inspections, the body its document names as'
              ' the inspector ("Sở Nội vụ", "UBND tỉnh Quảng Trị", as --facets names it; accents optional).')
@click.option("--level", help="Only findings about units of this level (xã, phường, huyện ...).")
@click.option("--year", type=int, help="Inspection year.")
@click.option("--from", "year_from", type=int, help="From this year on.")
@click.option("--to", "year_to", type=int, help="Up to this year.")
@click.option("--area", type=click.Choice([a.value for a in Area]))
@click.option("--polarity", type=click.Choice([p.value for p in Polarity]))
@click.option("--theme", help="Only findings speaking of this theme, as their own or besides it"
              " (a code of nlp/vi/themes.toml, tthc.phieu_hen, or words of one theme's label: phieu hen).")
@click.option("--doc-kind", help="Only findings of documents that bear or cite a numbered document of this"
              " kind (Báo cáo, Kế hoạch, Quyết định: a name of core/doc_kinds.toml, or its code: QĐ).")
@click.option("--doc-number", help="Only findings of the document with this number (139/QĐ-UBND).")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--offset", type=int, default=0, show_default=True, help="Skip this many results (paging).")
@click.option("--facets", is_flag=True,
              help="Also count the results by year, area, polarity, province, unit, theme, inspector.")
@click.option("--similar", "similar_to", metavar="FINDING_ID",
              help="Findings like this one instead of a query.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], unit: str | None, within: bool, unit_place: str | None,
           province: str | None, inspector: str | None,
           level: str | None, year: int | None, year_from: int | None, year_to: int | None, area: str | None,
           polarity: str | None, theme: str | None, doc_kind: str | None, doc_number: str | None, sort: str,
           limit: int,
           offset: int, facets: bool, similar_to: str | None, fmt: str) -> None:
    """Findings ranked by relevance; "phieu hen" finds "phiếu hẹn", "phiếu hẹn" only that spelling."""
    from index.backends import open_backend
    from index.base import TIER_SYLLABLES, Query, SearchResult
    from pipeline.hints import emptied_by, empty_alone
    from pipeline.query_rules import query_problem
    from pipeline.search import (
        came_by_area,
        came_by_headline,
        corrections_shown,
        matter_label,
        reading,
        without_year,
    )
    from pipeline.search import search as composed

    settings = settings_of(ctx)
    q = Query(text=" ".join(query), unit=unit, within=within, unit_place=unit_place, province=province,
              inspector=inspector, level=level, year=year, year_from=year_from, year_to=year_to, area=area,
              polarity=polarity,
              theme=_theme_code(theme), doc_kind=_kind_named(doc_kind), doc_number=doc_number,
              limit=limit, offset=offset, sort=sort, facets=facets)
    broken = query_problem(q, max_chars=settings.max_query_chars)
    problem = rule_line(broken) if broken else _theme_problem(theme) or _kind_problem(doc_kind)
    problem = problem or _similar_usage_problem(similar_to, query=" ".join(query), options={
        "--unit": unit, "--unit-place": unit_place, "--province": province, "--inspector": inspector,
        "--level": level, "--year": year,
        "--from": year_from, "--to": year_to, "--area": area, "--polarity": polarity, "--theme": theme,
        "--doc-kind": doc_kind, "--doc-number": doc_number, "--sort date": sort == "date" or None,
        "--facets": facets or None})
    if problem:
        err(problem)
        sys.exit(EXIT_USAGE)
    if similar_to is not None:  # "" too: the start of every id, said as such
        similar_to = _finding_named(settings, similar_to)
    with errors_as_lines():
        # Read commands open an existing store read-only (a read-only disk, a copy); a store that
        # does not exist yet is created as before, so a fresh install answers "0 findings".
        backend = open_backend(settings, readonly=settings.database.is_file())
        try:
            if similar_to:
                found = backend.similar(similar_to, limit=offset + limit)  # no offset of its own
                result = SearchResult(total=len(found), hits=tuple(found[offset:]))
            else:
                result = composed(backend, q)
            empty = empty_alone(backend, q) if not result.total and not similar_to else ()
            # The province's own line only when the province alone finds nothing: with another
            # filter at fault ("--province 'Quảng Nam' --year 2030") it said the province had none.
            hint = _province_hint(backend, province) if province and "province" in empty else None
            if inspector and "inspector" in empty:  # the inspectors close to what was typed, likewise
                hint = hint or _inspector_hint(backend, inspector)
            if unit and not within and not result.total:  # --similar takes no --unit: refused above
                hint = hint or _within_hint(backend, q)
            # The unit alone finds nothing: the units meant ("cam" → xã Cam Tuyền), as for a province
            alone = [_units_hint(backend, settings, unit)] if unit and "unit" in empty else []
            alone += _empty_alone_lines(q, empty)
            # Each filter finds findings alone, and the units inside the unit none: which to drop
            asked = not result.total and not similar_to and not hint
            if asked and (emptied := emptied_by(backend, q, empty)):
                alone.append(_emptied_line(q, emptied))
            outdated = backend.outdated()
        finally:
            backend.close()
    if hint:
        err(hint)
    for line in alone:
        err(line)
    if outdated:
        err(_outdated_line(outdated))
    read = reading(result.plan) if not similar_to else None
    if read is not None and read.nothing:  # "0 findings" alone did not say why
        err(f"no word to search in {q.text.strip()!r} (only punctuation or symbols): type words,"
            " with or without accents (phieu hen, hồ sơ quá hạn)")
    elif read is not None and fmt == "text":  # on stderr: stdout stays the findings, for scripts
        err(_read_line(read))
    if fmt == "json":
        data: dict[str, Any] = {"total": result.total, "offset": offset,
                                "hits": [_hit_dict(h) for h in result.hits]}
        if read is not None:
            data["read"] = dataclasses.asdict(read)
        if fixes := corrections_shown(result):  # read otherwise: Plan.corrections
            data["corrected"] = [list(fix) for fix in fixes]
        if facets:
            data["facets"] = {name: [[value, n] for value, n in pairs]
                              for name, pairs in result.facets.items()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    if said := _corrections_line(result):
        click.echo(said)
    shown = f" ({offset + 1}-{offset + len(result.hits)})" if result.hits else ""
    if result.total and not result.hits:  # said, or "104 findings" listed none and seemed broken
        shown = f" (none from {offset + 1}: --offset is past the last)"
    click.echo(f"{_findings(result.total)}{shown}")
    for n, hit in enumerate(result.hits, offset + 1):
        r = hit.record
        click.echo(f"{n:>2}. [{r.polarity}/{r.area}] {r.doc_id}  {r.published or r.year or ''}  {_where(r)}")
        click.echo(f"    {r.text}")
        if matter := matter_label(hit):
            click.echo(f"    same matter as the query, in other words: {matter}")
        elif came_by_area(hit):
            click.echo(f"    same area of the reports as the query's matter: {_area_named(r.area)}")
        elif hit.tier == TIER_SYLLABLES:
            click.echo("    no finding holds the query's terms: this one holds some of their syllables")
        elif headline := came_by_headline(hit):
            click.echo(f"    its document's {_HEADLINE_SAID[headline]} holds the query's words")
        click.echo(f"    finding {r.finding_id}  (kiemtra show {r.finding_id})")
    undated = without_year(result)  # the findings no year counts, said beside the years
    for name, pairs in result.facets.items():
        # "; " between values: a theme's label holds commas ("Phiếu hẹn, sổ theo dõi hồ sơ").
        values = [f"{_facet_named(name, v)} ({n})" for v, n in pairs]
        if name == "year" and undated:
            values.append(f"no year known ({undated})")
        click.echo(f"{name}: " + ("; ".join(values) or "-"))



def _theme_problem(theme: str | None) -> str | None:
    """A --theme naming no one theme, said with the close themes as `compare --theme` says them
    (`unknown_theme_line`: `reports.compare.close_themes`, the one rule), or with the themes it
    names when several: a theme no finding can have answered "0 findings", as if the search had
    run and found nothing (an unknown --level is a rule of pipeline/query_rules.py, the page's too)."""
    if theme is None:  # before the imports: a search without --theme needs none of them
        return None
    from nlp.themes import load_taxonomy
    from pipeline.commands.compare import unknown_theme_line
    from reports.compare import one_theme, themes_named

    if one_theme(theme):
        return None
    named = sorted(themes_named(theme))
    if not named:
        return unknown_theme_line(theme)
    labels = load_taxonomy().labels
    return (f"--theme {theme!r} names {len(named)} themes, the search takes one: "
            + "; ".join(f"{code} ({labels[code]})" for code in named))


def _theme_code(theme: str | None) -> str | None:
    """The code of the one theme --theme names (a code, or a label's words: "phieu hen"), as
    `compare --theme` reads it; as typed when it names none (`_theme_problem` refuses it)."""
    if theme is None:
        return None
    from reports.compare import one_theme

    return one_theme(theme) or theme


def _kind_named(doc_kind: str | None) -> str | None:
    """The table's name of a --doc-kind typed with any case or tone placement; an unknown word as
    typed (`_kind_problem` refuses it before the search runs)."""
    from core.doc_kinds import known_kind

    return None if doc_kind is None else known_kind(doc_kind) or doc_kind


def _kind_problem(doc_kind: str | None) -> str | None:
    """An unknown --doc-kind, named with the close kinds of the table: a kind no document number
    can have answered "0 findings", as if the search had run and found nothing."""
    import difflib

    from core.doc_kinds import kind_names, known_kind

    if doc_kind is None or known_kind(doc_kind):
        return None
    close = difflib.get_close_matches(doc_kind, kind_names(), n=3, cutoff=0.6)
    return f"--doc-kind {doc_kind!r} is no kind of document" + (
        f"; did you mean: {', '.join(close)}" if close else "; the kinds are in core/doc_kinds.toml")


def _finding_named(settings: Settings, typed: str) -> str:
    """The whole id of the one finding `typed` names, its whole id or a start of it, as `kiemtra
    show` reads it (`Store.finding_named`); else one line and exit 1. Why: `--similar` took only a
    whole id, so the short id `show` had just taken was "no indexed finding" here."""
    from index.store import Store
    from pipeline.commands.show import not_one_line

    with errors_as_lines(), Store(settings.database, readonly=settings.database.is_file()) as store:
        named = store.finding_named(typed)
    if named.finding_id is None:
        err(not_one_line(named, settings.database))
        sys.exit(EXIT_FAILED)
    return named.finding_id


def _similar_usage_problem(similar_to: str | None, *, query: str, options: dict[str, object]) -> str | None:
    """`--similar` ranks by one finding and takes no filter, query or other order (the backends'
    `similar`): given with one, that one was silently dropped, so the user read unfiltered
    findings as filtered. Refuse it with one line instead."""
    if similar_to is None:
        return None
    if query.strip():
        return "--similar takes no query: search either for the words or for findings like one"
    given = [name for name, value in options.items() if value is not None]
    if given:
        return f"--similar cannot be combined with {', '.join(given)}: similar findings are not filtered"
    return None


def _outdated_line(findings: int) -> str:
    """What an index an older kiemtra wrote means for a search (SearchBackend.outdated), in one line."""
    return (f"{findings} findings in the index were written by an older kiemtra, without all of their"
            " themes, best-known date, document title, phrase shingles, placed units or inspecting bodies:"
            " theme and inspector filters, the theme, unit and inspector facets, the date order and title"
            " matches may miss them, and phrases rank them otherwise; run `kiemtra reindex`")


def _province_hint(backend: Any, province: str) -> str:
    """When a province filter finds nothing: the indexed provinces closest to what was typed."""
    from pipeline.search import province_suggestions

    suggested = _suggested(*province_suggestions(backend, province), "provinces")
    return f"no findings in province {province!r}; {suggested}"


def _inspector_hint(backend: Any, inspector: str) -> str:
    """When an inspector filter finds nothing: the indexed inspecting bodies closest to what was typed
    (pipeline.search.inspector_suggestions), as the province's hint names the provinces."""
    from pipeline.search import inspector_suggestions

    suggested = _suggested(*inspector_suggestions(backend, inspector), "inspecting bodies")
    return f"no findings of inspections by {inspector!r}; {suggested}"


def _suggested(names: tuple[str, ...], close: bool, kind: str) -> str:
    """The values a filter that found nothing may have meant, in words: the close matches, else the
    index's `kind` (plural). The index's values come from its facet, which lists the FACET_SIZE with
    the most findings: "provinces in the index" over a cut list said the others were not there."""
    from index.base import FACET_SIZE

    what = ("close matches" if close else f"{kind} in the index" if len(names) < FACET_SIZE
            else f"the {FACET_SIZE} {kind} with the most findings")
    return f"{what}: {', '.join(names) or 'none'}"


def _units_hint(backend: Any, settings: Any, unit: str) -> str:
    """When --unit alone finds nothing: the stored units the user may have meant, with their
    counts (pipeline.hints.units_meant), or that none is near: names are matched whole."""
    from index.store import Store
    from pipeline.hints import units_meant

    labels: list[str] = []
    if settings.database.is_file():
        with Store(settings.database, readonly=True) as store:
            labels = store.unit_labels()
    meant = units_meant(backend, unit, labels)
    said = ", ".join(f"{name} ({n})" for name, n in meant)
    return (f"no findings about a unit named {unit!r} or one inside it (a unit's name is matched whole);"
            f" {f'units meant: {said}' if meant else 'no stored unit has a name like it'}")


def _within_hint(backend: Any, query: Any) -> str | None:
    """When --unit finds nothing of the unit's own (a huyện whose reports judge its communes),
    how many --within would find: the strict filter is not a dead end."""
    from pipeline.hints import inside_total

    inside = inside_total(backend, query)
    if not inside:
        return None
    return f"no findings about {query.unit!r} itself; {inside} about the units inside it: add --within"


def _empty_alone_lines(query: Any, empty: tuple[str, ...]) -> list[str]:
    """One line per filter that no finding of the index meets on its own (`empty`, of
    pipeline.hints.empty_alone): "0 findings" alone read as if the words had found nothing."""
    said = {
        "unit_place": lambda: f"is about the unit {query.unit_place!r}",
        "level": lambda: f"is about a unit of level {query.level!r}",
        "year": lambda: f"is of the year {query.year}",
        "year_from": lambda: f"is of the years {query.year_from or '…'}-{query.year_to or '…'}",
        "area": lambda: f"is of the area {query.area!r}",
        "polarity": lambda: f"is a {query.polarity}",
        "theme": lambda: f"speaks of the theme {query.theme!r}",
        "doc_kind": lambda: f"comes from a document bearing or citing a {query.doc_kind!r}",
        "doc_number": lambda: f"comes from a document numbered {query.doc_number!r}",
    }
    # The province, the inspector and the unit have their own lines (`_province_hint`,
    # `_inspector_hint`, `_units_hint`: the names meant).
    return [f"no finding in the index {said[name]()}, whatever the words: check that filter"
            for name in empty if name not in ("province", "inspector", "unit")]


def _findings(n: int) -> str:
    """ "1 finding", "0 findings", "34 findings": the result line said "1 findings (1-1)"."""
    return f"{n} finding" if n == 1 else f"{n} findings"


def _option_said(query: Any, name: str) -> str:
    """A filter of `query` (a FILTERS entry's first field) as the options that set it:
    "--year 2021", "--from 2019 --to 2020", "--unit 'Hải Lệ' --within"."""
    if name == "year_from":
        ends = (("--from", query.year_from), ("--to", query.year_to))
        return " ".join(f"{option} {value}" for option, value in ends if value is not None)
    value = getattr(query, name)
    option = "--" + name.replace("_", "-")
    plain = isinstance(value, int) or name in ("area", "polarity")  # a number or a code: no quotes
    said = f"{option} {value}" if plain else f"{option} {value!r}"
    return f"{said} --within" if name == "unit" and query.within else said


def _emptied_line(query: Any, emptied: Any) -> str:
    """Which filter emptied a search whose filters each find findings alone, and what the search
    finds without it (`emptied`, of pipeline.hints.emptied_by), in one line: "0 findings" alone
    said nothing of which to drop. "34 findings for 'phiếu hẹn', none with --year 2021; by year:
    2019: 12, 2020: 10, 2022: 6, …"."""
    from pipeline.hints import SPREAD_FACET

    def spread(w: Any) -> str:
        return ", ".join(f"{_facet_named(SPREAD_FACET[w.name], v)}: {n}" for v, n in w.spread) + (
            ", …" if w.more else "")

    words = query.text.strip()
    if emptied.words == 0:
        return f"no finding holds {words!r}, with the filters or without them: the words find nothing"
    head = f"{_findings(emptied.words)} for {words!r}, none" if emptied.words else "none"
    if len(emptied.filters) == 1 and emptied.without:
        [w] = emptied.without
        return f"{head} with {_option_said(query, w.name)}" + (
            f"; by {SPREAD_FACET[w.name]}: {spread(w)}" if w.spread else "")
    said = [f"{head} with all the filters together"]
    said += [f"without {_option_said(query, w.name)}: {w.total}" + (f" ({spread(w)})" if w.spread else "")
             for w in emptied.without]
    if not emptied.without:
        said.append("nor without any one of them: drop more than one")
    return "; ".join(said)


def _area_named(area: str) -> str:
    """An area code with its name, "tthc (Cải cách thủ tục hành chính)": the why-line explains a hit
    to a person, who knows the programme's name; the code is what --area takes."""
    from core.models import AREA_NAMES, Area

    try:
        return f"{area} ({AREA_NAMES[Area(area)]})"
    except ValueError:  # an area this kiemtra does not know: its code alone
        return area


def _facet_named(name: str, value: str) -> str:
    """A facet's value as a person reads it beside the code a filter takes: an area with its
    name (`_area_named`), a theme with its label ("tthc.phieu_hen: Phiếu hẹn, sổ theo dõi hồ
    sơ"); "tthc.giai_quyet (62)" alone said nothing to staff who know the reports' headings.
    Called once per value of one page's facets: the taxonomy is loaded once per process."""
    if name == "area":
        return _area_named(value)
    if name == "theme":
        from nlp.themes import load_taxonomy

        label = load_taxonomy().labels.get(value)
        return f"{value}: {label}" if label else value
    if name == "polarity":  # "shortcoming (Thiếu sót)", as --polarity takes the code
        from core.models import POLARITY_NAMES, Polarity

        try:
            return f"{value} ({POLARITY_NAMES[Polarity(value)]})"
        except (ValueError, KeyError):  # a code this kiemtra does not know: as stored
            return value
    if name == "unit":  # an agency without "cơ quan", as --unit-place takes it too
        from core.models import spoken

        return spoken(value)
    return value


def _where(record: Any) -> str:
    """The finding's units with their level, and the provinces: "xã Tân Lộc, huyện Lạc Sơn — Hòa Bình"."""
    from core.models import spoken, where

    return where(tuple(map(spoken, record.unit_levels or record.units)) or ("-",), record.provinces)


# How the "why it came" line names the headline a fill came by (pipeline.search.came_by_headline):
# a title-less document's lead is its opening paragraph, not a title.
_HEADLINE_SAID = {"title": "title", "lead": "opening paragraph (it has no title)"}


def _read_line(r: Any) -> str:
    """What the search understood of the words (pipeline.search.Reading), in one line, as the
    page's "Đã hiểu" says it (pipeline.search.said): "read as: «chưa» (or «không») and «phiếu
    hẹn» (or «giấy hẹn», …, 3 more), about the unit «Cam Lộ», then findings holding part of it;
    year 2021 first; …"."""
    from pipeline.search import Phrasing, said

    return "read as: " + said(r, Phrasing(
        terms="{}", terms_first="{}", others="or {}", more=", {} more", both=" and ",
        units="about the unit {}", documents="of the document {}",
        partial=", then findings holding part of it", excluded="without {}", year="year {} first",
        polarity="{} first", place="asks which unit: findings naming one first", ranked="{} only ranks",
        left_out="not searched {}"))


def _corrections_line(result: Any) -> str | None:
    """The syllables the engine read otherwise (index.query.Plan.corrections), said before the
    findings: "searched for nhân (typed nhâm)"; None when it read the query as typed."""
    from pipeline.search import corrections_shown

    fixes = corrections_shown(result)
    if not fixes:
        return None
    return "searched for " + ", ".join(f"{read} (typed {typed})" for typed, read in fixes)


def _hit_dict(hit: Any) -> dict[str, Any]:
    from pipeline.search import came_by_headline

    r = hit.record
    return {"finding_id": r.finding_id, "doc_id": r.doc_id, "path": r.path, "published": r.published,
            "year": r.year, "units": list(r.units), "unit_levels": list(r.unit_levels),
            "provinces": list(r.provinces), "polarity": r.polarity, "area": r.area,
            "text": r.text, "snippet": hit.snippet, "score": round(hit.score, 4), "page": r.page,
            "start": r.start, "end": r.end, "theme": r.theme, "themes": list(r.themes),
            # why it came: the query's words, the same matter in other words (which; None in the
            # matter tier: by the matter's area, came_by_area), some words, or, no finding holding
            # any of its terms, some of their syllables ("syllables": index.query.Plan.loosened)
            "tier": hit.tier, "matter": hit.matter,
            # came by its document's headline, not its text: "title", "lead" (pipeline.search
            # came_by_headline), else None
            "headline": came_by_headline(hit)}


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Counts of findings by year, area and polarity, and documents by extractor version."""
    from index.store import Store
    from pipeline.fingerprint import extractor_version, versions_line

    settings = settings_of(ctx)
    with errors_as_lines(), Store(settings.database, readonly=settings.database.is_file()) as store:
        st = store.stats()
        failed = len(store.failures())
    current = extractor_version(settings)
    by = {"year": {str(k or "?"): v for k, v in st.findings_by_year.items()},
          "area": st.findings_by_area, "polarity": st.findings_by_polarity}
    if fmt == "json":
        data = {"documents": st.documents, "findings": st.findings, "failed": failed,
                "extractor_version": current, "documents_by_extractor_version": st.documents_by_version,
                **{f"by_{k}": v for k, v in by.items()}}
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(f"{st.documents} documents, {st.findings} findings, {failed} failed files")
    click.echo(versions_line(st.documents_by_version, current))
    for title, counts in by.items():
        click.echo(f"findings by {title}:")
        # The JSON keeps the codes and "?" (scripts read them); a person reads the names beside the
        # codes --area and --polarity take, as the facets say them, and which findings "?" holds.
        named = {key: _stat_named(title, key) for key in counts}
        width = max((len(shown) for shown in named.values()), default=0)
        for key, count in counts.items():
            click.echo(f"  {named[key]:<{max(width, 16)}} {count:>6}")


def _stat_named(title: str, key: str) -> str:
    """A count's key as `stats` prints it: an area or polarity named as the facets name it
    (`_facet_named`), the year's "?" as "no year known"."""
    if title == "year":
        return "no year known" if key == "?" else key
    return _facet_named(title, key)


@cli.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Rebuild the search index from the store."""
    from pipeline.ingest import rebuild_index

    settings = settings_of(ctx)
    with errors_as_lines():
        n = rebuild_index(settings)
    click.echo(f"reindexed {n} documents into {settings.backend}")


def main() -> None:
    cli(prog_name="kiemtra")


if __name__ == "__main__":
    main()
