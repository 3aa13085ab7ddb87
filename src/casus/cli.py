"""The `casus` command: parses arguments, calls the library, prints. No logic of its own."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, overload

import click

from casus.errors import CasusError
from casus.outputs.terminal import TerminalWriter, json_line, one_line, visible

DEFAULT_DB = os.environ.get("CASUS_DB", "casus.db")

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="SQLite database file (env CASUS_DB).",
)


class CasusGroup(click.Group):
    """Turns library errors into one line; a traceback only with --traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CasusError as exc:
            if ctx.meta.get("casus.traceback"):
                raise
            error = click.ClickException(one_line(exc))
            error.exit_code = getattr(exc, "exit_code", 1)  # casus.store.database.NoStore: 2
            raise error from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError:  # output piped into head & co.: stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except KeyboardInterrupt:
            raise click.ClickException("interrupted; every document stored so far is complete") from None
        except Exception as exc:
            if ctx.meta.get("casus.traceback"):
                raise
            raise click.ClickException(
                one_line(f"internal error: {type(exc).__name__}: {exc} (rerun with --traceback and report it)")
            ) from None


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """--version: the package version and whether the event coder is compiled (mypyc) or pure Python."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    from casus.native import coder_build

    click.echo(f"casus, version {version('casus')} (coder: {coder_build()})")
    ctx.exit()


@click.group(cls=CasusGroup)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and the coder build (mypyc or pure Python), then exit.")
@click.option("--traceback", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def main(ctx: click.Context, traceback: bool) -> None:
    """casus: will this state come to that state's defence? Answers from evidence you can check.

    Ingest articles, see the events and claims read from them, and assess a
    patron's likely response to an attack on its client.
    """
    ctx.meta["casus.traceback"] = traceback


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def open_store(db: str, readonly: bool = False, missing_ok: bool = False) -> Any:
    """The store at `db`; read-only ones never create, migrate or write (NoStore, exit 2, if absent)."""
    from casus.store.database import Store

    return Store(db, readonly=readonly, missing_ok=missing_ok)


def write_store(db: str, force: bool = False) -> Any:
    """A writable store; the folder must exist; another program's database only with `force`."""
    from casus.store.database import Store

    return Store(db, force=force)


# -- ingest -------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--allow-private", is_flag=True, help="Allow URLs that resolve to loopback or private addresses.")
@click.option("--max-bytes", default=20 * 1024 * 1024, show_default=True, help="Largest file or page to read.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; summary only.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
              help="Processes that read and analyse (default: the machine's cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: a Dask cluster, via Parquet.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (e.g. tcp://10.0.0.5:8786); default: a local cluster.")
@click.option("--out", "out", type=click.Path(file_okay=False),
              help="With --engine dask: keep the Parquet partitions in this folder and do not load them.")
@click.option("--force", is_flag=True, help="Add casus's tables even to an SQLite database that holds other tables.")
def ingest(paths: tuple[str, ...], db: str, allow_private: bool, max_bytes: int, quiet: bool, workers: int | None,
           engine: str, scheduler: str | None, out: str | None, force: bool) -> None:
    """Read articles (files, folders, http(s) URLs) into the database.

    Plain text, Markdown and HTML. Web junk is removed, sentences are split and
    coded into events and claims. Documents are keyed by a hash of their clean
    text, so ingesting again adds nothing. --workers processes analyse while one
    writes; the database ends up the same for any number of workers.

    --engine dask runs the same stages on a Dask cluster and writes Parquet
    (documents, sentences, events, claims): with --out FOLDER they stay there
    (query them with DuckDB, load them with `casus load FOLDER`); without, they
    are loaded into --db.

    Exit status: 0 when every input was ingested or already known, 1 when some
    were skipped, 2 when nothing could be ingested.

    Example: casus ingest articles/ https://example.org/story.html --db casus.db --workers 4
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from casus.run.ingest import default_workers
    from casus.run.ingest import ingest as run_ingest

    if engine == "local" and (scheduler or out):
        raise click.UsageError("--scheduler and --out go with --engine dask")
    err = Console(stderr=True)
    with Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.description}"), console=err, disable=quiet or not err.is_terminal, transient=True,
    ) as progress:
        task = progress.add_task("", total=None)
        on_start = lambda n: progress.update(task, total=n)  # noqa: E731
        if engine == "dask":
            report, target = _ingest_dask(paths, db, out, scheduler, workers, allow_private, max_bytes, on_start,
                                          lambda n: progress.update(task, advance=n), force)
        else:
            store = write_store(db, force)
            report = run_ingest(
                store, paths, allow_private=allow_private, max_bytes=max_bytes, workers=workers or default_workers(),
                on_start=on_start,
                on_item=lambda loc: progress.update(task, advance=1, description=one_line(Path(loc).name[:40])),
            )
            store.close()
            target = db
    for skip in report.skipped:
        click.echo(f"skipped {one_line(skip.location)}: {one_line(skip.reason)}", err=True)
    click.echo(f"{len(report.new)} new, {len(report.known)} already known, {len(report.skipped)} skipped"
               f" -> {one_line(target)}")
    sys.exit(report.exit_code)


def _ingest_dask(paths: tuple[str, ...], db: str, out: str | None, scheduler: str | None, workers: int | None,
                 allow_private: bool, max_bytes: int, on_start: Any, on_item: Any,
                 force: bool = False) -> tuple[Any, str]:
    """Run the Dask engine into `out`, or into the store at `db`; the report and where it went."""
    from casus.run.distributed import ingest_on_dask, ingest_to_parquet

    opts = {"scheduler": scheduler, "workers": workers, "allow_private": allow_private, "max_bytes": max_bytes,
            "on_start": on_start, "on_item": on_item}
    if out:
        return ingest_to_parquet(paths, out, **opts), out
    store = write_store(db, force)
    try:
        return ingest_on_dask(store, paths, **opts), db
    finally:
        store.close()


@main.command()
@click.argument("folder", type=click.Path(file_okay=False))
@db_option
@click.option("--force", is_flag=True, help="Add casus's tables even to an SQLite database that holds other tables.")
def load(folder: str, db: str, force: bool) -> None:
    """Load a Parquet folder written by `casus ingest --engine dask --out FOLDER` into the database.

    Documents already in the database only gain a location. Exit status as for ingest.

    Example: casus load parquet-out/ --db casus.db
    """
    from casus.run.load import load_parquet

    store = write_store(db, force)
    try:
        report = load_parquet(store, folder)
    finally:
        store.close()
    click.echo(f"{len(report.new)} new, {len(report.known)} already known, {len(report.skipped)} skipped"
               f" in the Dask run -> {db}")
    sys.exit(report.exit_code)


# -- browse -------------------------------------------------------------------------


@main.command()
@db_option
def docs(db: str) -> None:
    """List the documents in the database.

    Example: casus docs --db casus.db
    """
    from rich.console import Console

    from casus.outputs.tables import docs_table

    store = open_store(db, readonly=True)
    console = Console()
    console.print(docs_table(store.iter_documents(), width=console.width))


@main.command()
@click.argument("doc")
@db_option
@click.option("--junk", is_flag=True, help="Also show the web junk that was removed.")
@click.option("--sentences", is_flag=True, help="Show the text one numbered sentence a line, with offsets.")
def show(doc: str, db: str, junk: bool, sentences: bool) -> None:
    """Print one document: clean text by default. DOC is an id, id prefix, file name or location.

    Example: casus show 3f2a --junk
    """
    store = open_store(db, readonly=True)
    d = store.find_document(doc)
    click.echo(f"id:        {d['id']}")
    click.echo(f"title:     {one_line(d['title'] or '')}")
    click.echo(f"published: {one_line(d['published'] or 'unknown')}")
    click.echo(f"site:      {one_line(d['site'] or 'unknown')}")
    for loc in d["locations"]:
        click.echo(f"location:  {one_line(loc)}")
    click.echo("")
    if sentences:
        for s in store.iter_sentences(d["id"]):
            click.echo(f"[{s['sent_index']}] {s['start']}-{s['end']}  {one_line(s['sentence'])}")
    else:
        click.echo(visible(d["text"]))
    if junk:
        click.echo("\n--- junk removed ---")
        for j in d["junk"]:
            click.echo(f"[{j['kind']}] {visible(j['text'])}")


@main.command()
@click.argument("kind", type=click.Choice(["documents", "sentences", "events", "claims"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "polecat", "graphml"]), default="jsonl",
              show_default=True, help="polecat: PLOVER/POLECAT-style JSON Lines; graphml: the actor network (events only).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default stdout).")
@db_option
def export(kind: str, fmt: str, output: str | None, db: str) -> None:
    """Export documents, sentences, events or claims as JSON Lines or CSV.

    Field names follow the evidence schema, so exports compare with gold files.

    Also Parquet (-o required), PLOVER/POLECAT-style JSON (`polecat`) and the
    actor network as GraphML for Gephi or networkx (`graphml`).

    Example: casus export events --format csv -o events.csv
    """
    from casus.outputs import export as ex

    store = open_store(db, readonly=True)
    if fmt in ex.EXTRA_FORMATS:
        n = ex.write_extra(store, kind, fmt, output)
        if output:
            click.echo(f"{n} {'edges' if fmt == 'graphml' else kind} -> {output}", err=True)
        return
    if output:
        from casus.outputs.atomic import atomic_open

        try:
            with atomic_open(output, "w", encoding="utf-8", newline="") as out:  # old file kept on any failure
                n = ex.write(ex.records(store, kind), kind, fmt, out)
        except OSError as exc:
            raise CasusError(f"cannot write {output}: {exc.strerror}; choose another path with -o") from exc
        click.echo(f"{n} {kind} -> {output}", err=True)
    else:
        stream: Any = TerminalWriter(sys.stdout) if _stdout_is_terminal() else sys.stdout  # a pipe gets the data
        ex.write(ex.records(store, kind), kind, fmt, stream)


@main.command()
@db_option
@click.option("--source", help="Actor code that acts (e.g. RUS).")
@click.option("--target", help="Actor code acted upon (e.g. IRN).")
@click.option("--type", "event", help="PLOVER event type (e.g. AID).")
@click.option("--mode", help="Event mode (e.g. military).")
@click.option("--modality", type=click.Choice(["asserted", "reported", "hedged", "future"]))
@click.option("--since", help="Earliest date, YYYY[-MM[-DD]] (event date, else published date).")
@click.option("--until", help="Latest date, YYYY[-MM[-DD]].")
@click.option("--include-undated", is_flag=True,
              help="With --since/--until, also list events with neither an event date nor a published date.")
@click.option("--limit", type=int, default=200, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def events(db: str, source: str | None, target: str | None, event: str | None, mode: str | None,
           modality: str | None, since: str | None, until: str | None, include_undated: bool, limit: int,
           fmt: str) -> None:
    """List coded events with their sentence and document.

    --since and --until compare on the event's date, else its document's
    published date; events with neither are left out (the count is printed)
    unless --include-undated is given.

    Example: casus events --source RUS --target IRN --type AID --since 2024-01
    """
    from casus.validate import check_iso_date

    for value in (since, until):
        if value:
            check_iso_date(value)
    store = open_store(db, readonly=True)
    filters = {"source": _code(source), "target": _code(target), "event": event.upper() if event else None,
               "mode": mode, "modality": modality}
    rows = store.iter_events(**filters, since=since, until=until, limit=limit, undated=include_undated)
    if fmt == "jsonl":
        for r in rows:
            click.echo(json_line(r))
    else:
        from rich.console import Console

        from casus.outputs.tables import events_table

        console = Console()
        console.print(events_table(rows, width=console.width))
    if (since or until) and not include_undated:
        left_out = store.count_undated_events(**filters)
        if left_out:
            click.echo(f"note: {left_out} undated event{'s' if left_out != 1 else ''} (no event date, no published "
                       "date) left out by --since/--until; add --include-undated to list them", err=True)


@overload
def _code(name: str) -> str: ...
@overload
def _code(name: None) -> None: ...
@overload
def _code(name: str | None) -> str | None: ...
def _code(name: str | None) -> str | None:
    """An actor name or code as a code; CasusError with suggestions if unknown (casus.events.actors.actor_code)."""
    from casus.events.actors import actor_code

    return actor_code(name)


# -- assess -------------------------------------------------------------------------


@main.command()
@click.argument("patron", required=False)
@click.argument("client", required=False)
@click.option("--attacker", help="Who attacks the client (code or name), e.g. ISR or Israel.")
@click.option("--as-of", help="See only what was known on this day (YYYY-MM-DD): cases, knowledge, documents, events.")
@click.option("--include-undated", is_flag=True, help="With --as-of, also count documents that have no published date.")
@click.option("--scenario", type=click.Path(dir_okay=False),
              help="Score a case given as features in a JSON file (see --scenario-template).")
@click.option("--scenario-template", is_flag=True,
              help="Print a scenario file for PATRON CLIENT --attacker (default: Russia, Iran, Israel), "
                   "its features from shipped knowledge; edit it and pass it to --scenario.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def assess(patron: str | None, client: str | None, attacker: str | None, as_of: str | None, include_undated: bool,
           scenario: str | None, scenario_template: bool, fmt: str, db: str) -> None:
    """Will PATRON come to CLIENT's defence? Probability of each rung of the response ladder.

    Ladder: statement < diplomatic < economic < materiel < intelligence < direct;
    each probability is that the patron's highest response reaches that rung or
    above. Answers from shipped knowledge (treaties, reference cases, a curated
    ledger) even on an empty database; ingested articles add cited evidence.
    Names work as well as codes.

    --scenario FILE scores a case given as features instead (a JSON object:
    patron, client, attacker, year and the five features, each 0, 1 or a
    probability; `casus assess --scenario-template > case.json` writes one).

    Example: casus assess Russia Iran --attacker Israel --as-of 2025-06-12
    """
    from casus.assess import answer as assessment

    if scenario_template:
        if as_of:
            from casus.validate import check_iso_date

            check_iso_date(as_of)
        if bool(patron) != bool(client) or (patron and not attacker):
            raise click.UsageError("--scenario-template takes PATRON CLIENT --attacker ATTACKER, or nothing")
        dyad = ({"patron": _code(patron), "client": _code(client), "attacker": _code(attacker)}
                if patron and client and attacker else {})
        click.echo(json.dumps(assessment.scenario_template(**dyad, as_of=as_of), indent=2, ensure_ascii=False))
        return
    if scenario:
        from casus.assess.model import load_scenario

        out = assessment.assess_scenario(load_scenario(scenario))
        click.echo(json.dumps(out, indent=2) if fmt == "json" else assessment.render_scenario_text(out))
        return
    if not patron or not client:
        raise click.UsageError("give PATRON and CLIENT (e.g. casus assess RUS IRN), or --scenario FILE.json")
    if as_of:
        from casus.validate import check_iso_date

        check_iso_date(as_of)
    from casus.assess.knowledge import attacker_code as _attacker_code

    patron_code, client_code, attacker_code = _code(patron), _code(client), _attacker_code(attacker)
    assert patron_code and client_code  # both given, and _code raises on an unknown name
    default_db = click.get_current_context().get_parameter_source("db") == click.core.ParameterSource.DEFAULT
    store = open_store(db, readonly=True, missing_ok=default_db)  # no store at all: shipped knowledge alone
    result = assessment.assess(store, patron_code, client_code, attacker=attacker_code, as_of=as_of,
                               include_undated=include_undated)
    if fmt == "json":
        click.echo(json_line(result.to_dict(), indent=2))
    else:
        click.echo(visible(assessment.render_text(result)))


@main.command()
@click.argument("patron")
@click.argument("client")
@click.option("--attacker", help="Who attacks the client (code or name), e.g. ISR or Israel.")
@click.option("--as-of", help="Use only evidence dated on or before this day (YYYY-MM-DD).")
@click.option("-o", "--output", help="HTML file to write [default: casus-PATRON-CLIENT.html].")
@db_option
def report(patron: str, client: str, attacker: str | None, as_of: str | None, output: str | None, db: str) -> None:
    """Write one self-contained HTML report: verdict, ladder, factors, timeline, evidence, corroboration.

    The file works offline (scripts and styles inlined) and prints cleanly.
    With nothing in the database about the pair, the report says so and shows
    the shipped knowledge. Names work as well as codes.

    Example: casus report Russia Iran --attacker Israel -o report.html
    """
    from casus.outputs.report import check_output
    from casus.outputs.report import report as write_report

    if as_of:
        from casus.validate import check_iso_date

        check_iso_date(as_of)
    p, c, att = _code(patron), _code(client), _code(attacker)
    output = output or f"casus-{p}-{c}.html"
    check_output(output)
    missing = not Path(db).exists()
    if missing:
        click.echo(f"note: no database at {db}; the report rests on shipped knowledge (ingest articles with `casus ingest`)",
                   err=True)
    store = open_store(db, readonly=True, missing_ok=True)
    ctx = write_report(store, p, c, output, attacker=att, as_of=as_of, db_label=None if missing else Path(db).name)
    if ctx["empty"] and not missing:
        click.echo(f"note: {db} holds nothing about {p} and {c}; the report rests on shipped knowledge", err=True)
    click.echo(f"report -> {output}")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; other than loopback, anyone who reaches it can read the database.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
def serve(db: str, host: str, port: int) -> None:
    """Browse documents, events and claims in a local web UI; run an assessment and open its report.

    Tables, facets, SQL and CSV/JSON export come from Datasette; /assess and
    /report are casus's own pages. Stop it with Ctrl+C.

    Example: casus serve --db casus.db --port 8001
    """
    from casus.outputs.serve import serve as run

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: anyone who can reach it can read {db}", err=True)
    run(db, host=host, port=port, on_ready=lambda url: click.echo(f"casus serve: {url} (Ctrl+C to stop)", err=True))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def backtest(fmt: str) -> None:
    """Backtest of the ladder model on both reference classes (docs/reference-class.md).

    Prints the base rates of the hand-coded cases and of the systematic episodes beside
    the literature's; then, per population and rung, the Brier score of the model and of
    the training data's base rate, held out by twin group and forward in time; and a
    calibration table per rung. Cached on disk after the first run.

    Example: casus backtest --format json
    """
    from casus.assess.model import backtest_report

    click.echo(backtest_report(fmt))


# -- measure ------------------------------------------------------------------------


@main.group(name="eval")
def eval_group() -> None:
    """Measure casus against gold files (evidence-schema JSON Lines)."""


def _load_jsonl(path: str) -> list[dict[str, Any]]:
    from casus.evaluate.common import read_jsonl

    try:
        return read_jsonl(path)
    except OSError as exc:
        raise CasusError(f"cannot read {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise CasusError(f"{path} is not JSON Lines (line {exc.lineno}: {exc.msg})") from exc


_eval_docs_option = click.option(
    "--docs", "docs", metavar="REGEX", default=None,
    help="Only gold documents whose file name matches, e.g. '^dev-[A-C]' for one batch.")
_eval_extras_option = click.option(
    "--extras/--no-extras", default=True, show_default=True,
    help="After the scorer's figures, F1 per document (and for events the error kinds).")


def _eval(kind: str, gold: str, db: str, docs: str | None, fmt: str, extras: bool) -> None:
    from casus.evaluate.judged import format_report, public, score_store

    store = open_store(db, readonly=True)
    result = score_store(kind, _load_jsonl(gold), store, docs)
    if not result["gold"]:
        raise CasusError(f"no gold record in {gold}" + (f" for documents matching {docs!r}" if docs else ""))
    click.echo(json.dumps(public(result), indent=2) if fmt == "json" else visible(format_report(kind, result, extras)))


@eval_group.command(name="events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@db_option
@_eval_docs_option
@_eval_extras_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def eval_events(gold: str, db: str, docs: str | None, extras: bool, fmt: str) -> None:
    """Precision, recall and F1 of the stored events against a gold file, as the project's scorer gives them.

    Events match one to one on document, sentence, source, event, target and
    negation; mode, modality, negation and date are compared on the events whose
    roles match. Gold documents missing from the store count as missed.

    Example: casus ingest ../shared/corpus/seeds && casus eval events ../shared/gold/seeds.events.jsonl
    """
    _eval("events", gold, db, docs, fmt, extras)


@eval_group.command(name="claims")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@db_option
@_eval_docs_option
@_eval_extras_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def eval_claims(gold: str, db: str, docs: str | None, extras: bool, fmt: str) -> None:
    """Stance F1 (for and against), detection and factor accuracy of the stored claims, as the scorer gives them.

    Example: casus eval claims ../shared/gold/seeds.claims.jsonl
    """
    _eval("claims", gold, db, docs, fmt, extras)


@eval_group.command(name="junk")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
def eval_junk(gold: str, corpus: str) -> None:
    """Junk recall and article-text loss of the cleaner on a corpus folder with gold junk.

    Example: casus eval junk ../shared/gold/seeds.junk.jsonl ../shared/corpus/seeds
    """
    from casus.evaluate.junk import format_scores, score_junk

    click.echo(visible(format_scores(score_junk(gold, corpus))))


# -- benchmarks ---------------------------------------------------------------------


@main.group()
def bench() -> None:
    """Benchmarks on a synthetic corpus written by casus's own generator."""


@bench.command(name="ingest")
@click.option("--docs", "n_docs", default=10_000, show_default=True, help="Synthetic articles to generate.")
@click.option("--seed", default=7, show_default=True)
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that read and analyse.")
@click.option("--corpus", type=click.Path(file_okay=False), help="Keep the generated corpus here and reuse it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def bench_ingest(n_docs: int, seed: int, workers: int, corpus: str | None, fmt: str, quiet: bool) -> None:
    """Generate a synthetic corpus, ingest it into a fresh database, print docs/s, seconds and memory per stage.

    Stage seconds add up over the workers; *_rss_mb is the most resident memory
    seen right after each stage (writer for store, workers for the rest). On a
    terminal a progress bar on stderr follows the generating and the ingest
    (--quiet: none).

    Example: casus bench ingest --docs 10000 --workers 2
    """
    from casus.run.bench import run_ingest_bench

    with _bench_progress(quiet) as progress:
        result = run_ingest_bench(n_docs, seed=seed, workers=workers, corpus=Path(corpus) if corpus else None,
                                  progress=progress)
    click.echo(json.dumps(result, indent=2) if fmt == "json" else _format_bench(result))


@bench.command(name="speedup")
@click.option("--docs", "n_docs", default=2_000, show_default=True, help="Synthetic articles to generate.")
@click.option("--seed", default=7, show_default=True)
@click.option("--workers", "-j", type=click.IntRange(min=2), default=None, help="Default: the machine's cores.")
@click.option("--corpus", type=click.Path(file_okay=False), help="Keep the generated corpus here and reuse it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def bench_speedup(n_docs: int, seed: int, workers: int | None, corpus: str | None, fmt: str, quiet: bool) -> None:
    """Ingest one synthetic corpus with one worker and with N; print the speedup and whether the stores are equal.

    Example: casus bench speedup --docs 2000 --workers 2
    """
    from casus.run.bench import run_speedup_bench
    from casus.run.ingest import default_workers

    with _bench_progress(quiet) as progress:
        result = run_speedup_bench(n_docs, workers or max(2, default_workers()), seed=seed,
                                   corpus=Path(corpus) if corpus else None, progress=progress)
    click.echo(json.dumps(result, indent=2) if fmt == "json" else _format_bench(result))


@bench.command(name="code")
@click.option("--sentences", "n", default=50_000, show_default=True, help="Sentences to code (per corpus).")
@click.option("--seed", default=7, show_default=True)
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), default=None,
              help="Also time the sentences of the articles in this folder (read and split as ingest does), "
                   "repeated to --sentences.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def bench_code(n: int, seed: int, corpus: str | None, fmt: str) -> None:
    """Time the event coder (sentences/s per core, peak memory) and a spaCy PhraseMatcher baseline.

    On the synthetic corpus, and with --corpus on real articles beside it.

    Example: casus bench code --corpus ../shared/corpus/dev --sentences 50000
    """
    from pathlib import Path

    from casus.run.bench import synthetic_sentences
    from casus.run.bench_code import corpus_documents, run

    results: dict[str, Any] = {"synthetic": run(synthetic_sentences(n, seed=seed))}
    if corpus:
        docs, info = corpus_documents(Path(corpus), n)
        if not docs:
            raise CasusError(f"no article text in {corpus}: nothing to time")
        results["corpus"] = {**info, **run([], documents=docs)}
    if fmt == "json":
        click.echo(json.dumps(results if corpus else results["synthetic"], indent=2))
    elif not corpus:
        click.echo(_format_bench(results["synthetic"]))
    else:
        click.echo("\n\n".join(f"== {name}\n{_format_bench(r)}" for name, r in results.items()))


@contextlib.contextmanager
def _bench_progress(quiet: bool) -> Iterator[Any]:
    """A progress(phase, done, total) callback drawing a bar on stderr (a terminal only), as `ingest` does."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    err = Console(stderr=True)
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, disable=quiet or not err.is_terminal, transient=True) as bar:
        tasks: dict[str, Any] = {}

        def progress(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.update(tasks[phase], completed=done, total=total)

        yield progress


def _format_bench(result: dict[str, Any]) -> str:
    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"  # a ratio keeps its digits, a rate its thousands
        return str(v)

    return "\n".join(f"{k:>28}: {fmt(v)}" for k, v in result.items())


if __name__ == "__main__":
    main()
