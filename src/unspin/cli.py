"""The `unspin` command: parse arguments, call the Python API, render. Nothing else lives here."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from unspin import finding_types
from unspin.errors import UnspinError
from unspin.model import KINDS

if TYPE_CHECKING:
    from rich.console import Console

    from unspin.batch import ScanStats
    from unspin.corpus import Corpus, CorpusStats
    from unspin.model import Report


class _Group(click.Group):
    """Turn every UnspinError into one line on stderr and exit status 2, never a traceback; an
    operating-system error (a full disk, a closed pipe, an unreachable cluster) too; any other
    exception, a bug, into one line and exit status 70, with its traceback if UNSPIN_DEBUG is
    set."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UnspinError as error:
            click.echo(f"unspin: error: {error}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("unspin: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as error:
            where = f": {error.filename}" if error.filename else ""
            click.echo(f"unspin: error: {error.strerror or error}{where}", err=True)
            ctx.exit(2)
        except Exception as error:  # a bug: say so in one line, keep the traceback on request
            if os.environ.get("UNSPIN_DEBUG"):
                raise
            message = " ".join(str(error).split())[:200]
            click.echo(
                f"unspin: internal error ({type(error).__name__}: {message}); "
                "run again with UNSPIN_DEBUG=1 for the traceback, and please report it",
                err=True,
            )
            ctx.exit(70)


@click.group(cls=_Group)
@click.version_option(package_name="unspin")
def main() -> None:
    """Find what a rewritten news article changed from its source, with evidence."""
    from unspin.pipeline import use_one_thread

    use_one_thread()


def _report_options(command: Callable[..., None]) -> Callable[..., None]:
    """--json, --html and --verbose: how `compare` and `check` show their report."""
    options = (
        click.option(
            "--json", "as_json", is_flag=True, help="Print the report as JSON (unspin.report/1)."
        ),
        click.option(
            "--html",
            "html_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Also write a self-contained side-by-side HTML report to this file.",
        ),
        click.option("-v", "--verbose", is_flag=True, help="Show every aligned sentence pair."),
    )
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("copy")
@click.argument("sources", nargs=-1, required=True)
@_report_options
@click.option("--lexical", is_flag=True, help="Align on words only, without the embedding model.")
def compare(
    copy: str,
    sources: tuple[str, ...],
    as_json: bool,
    html_path: Path | None,
    verbose: bool,
    lexical: bool,
) -> None:
    """Compare COPY with its SOURCE(S): each a path (.html, .txt, .json), - for stdin, or a URL."""
    from unspin import compare as run_compare

    if list(sources).count("-") + (copy == "-") > 1:
        raise click.UsageError("only one input can be read from stdin")
    options = {"encoder": None} if lexical else {}
    report = run_compare(copy, list(sources), **options)
    _emit(report, as_json=as_json, html_path=html_path, verbose=verbose)


def _emit(report: Report, *, as_json: bool, html_path: Path | None, verbose: bool) -> None:
    """Print the report (terminal or JSON) and write the HTML report if asked."""
    if html_path is not None:
        from unspin.report.html import render_html

        try:
            html_path.write_text(render_html(report), encoding="utf-8")
        except OSError as error:
            raise UnspinError(f"cannot write {html_path}: {error.strerror}") from None
    if as_json:
        from unspin.report.schema import report_to_json

        click.echo(report_to_json(report))
    else:
        from rich.console import Console

        from unspin.report.terminal import render_terminal

        render_terminal(report, Console(), verbose=verbose)
        if html_path is not None:
            click.echo(f"HTML report written to {html_path}", err=True)


_DB_OPTION = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The corpus database (default: $UNSPIN_DB, else ~/.local/share/unspin/corpus.db).",
)


def _open_corpus(db_path: Path | None, *, create: bool = False) -> Corpus:
    from unspin.corpus import Corpus, default_path

    path = db_path or default_path()
    if not create and not path.is_file():
        raise UnspinError(f"{path}: no corpus there; build one with `unspin corpus add`")
    return Corpus(path)


@main.command()
@click.argument("copy")
@_DB_OPTION
@_report_options
def check(
    copy: str, db_path: Path | None, as_json: bool, html_path: Path | None, verbose: bool
) -> None:
    """Find the source(s) of COPY in the corpus and show what the copy changed.

    COPY is a path (.html, .txt, .json), - for stdin, or a URL.
    """
    from unspin import check as run_check

    with _open_corpus(db_path) as corpus:
        report = run_check(copy, corpus)
    _emit(report, as_json=as_json, html_path=html_path, verbose=verbose)


@main.group()
def corpus() -> None:
    """Build and inspect the corpus of original stories that `unspin check` searches."""


@corpus.command("add")
@click.argument("paths", nargs=-1, required=True)
@_DB_OPTION
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every skipped record (location and reason) to this JSON Lines file.",
)
def corpus_add(paths: tuple[str, ...], db_path: Path | None, errors_path: Path | None) -> None:
    """Add the stories in PATHS: JSON Lines, CSV, WARC crawls, .html / .txt / .json files, or
    folders of them. Adding a story twice is a no-op, so an interrupted add can be re-run."""
    import json

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[stories]} stories"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    bar = Progress(*columns, console=Console(stderr=True))
    task = bar.add_task("adding", total=None, stories=0)

    def progress(done: int, total: int, stories: int) -> None:
        bar.start()  # at the first record: a bad path is refused in one line, without a bar
        bar.update(task, completed=done, total=total, stories=f"{stories:,}")

    with _open_corpus(db_path, create=True) as store:
        try:
            result = store.add_files(paths, progress=progress)
        finally:
            if bar.live.is_started:
                bar.stop()
        summary = store.stats()
    if errors_path is not None:
        with errors_path.open("w", encoding="utf-8") as out:
            for skip in result.skipped:
                out.write(json.dumps({"record": skip.record, "reason": skip.reason}) + "\n")
    for skip in result.skipped[:_SHOWN_ERRORS]:
        click.echo(f"skipped {skip.record}: {skip.reason}", err=True)
    if len(result.skipped) > _SHOWN_ERRORS:
        more = f"{len(result.skipped) - _SHOWN_ERRORS:,} more skipped"
        click.echo(
            f"... {more}"
            + (f" (all in {errors_path})" if errors_path else " (list them with --errors FILE)"),
            err=True,
        )
    click.echo(
        f"added {result.added:,} stories ({result.duplicates:,} already there, "
        f"{len(result.skipped):,} skipped) in {result.seconds:.1f} s, "
        f"{result.rate:,.0f} stories/s"
    )
    click.echo(_describe(summary, db_path))


_SHOWN_ERRORS = 10


def _describe(stats: CorpusStats, db_path: Path | None) -> str:
    from unspin.corpus import default_path

    dates = f", {stats.first_date} to {stats.last_date}" if stats.first_date else ""
    return (
        f"corpus {db_path or default_path()}: {stats.articles:,} stories{dates}, "
        f"{stats.sentences:,} sentences, {stats.sites:,} sites, "
        f"{stats.bytes_on_disk / 1e6:,.1f} MB"
    )


@corpus.command("info")
@_DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def corpus_info(db_path: Path | None, as_json: bool) -> None:
    """How many stories the corpus holds, their dates, sites and size on disk."""
    with _open_corpus(db_path) as store:
        stats = store.stats()
    if as_json:
        import dataclasses
        import json

        click.echo(json.dumps(dataclasses.asdict(stats), indent=2))
    else:
        click.echo(_describe(stats, db_path))


@corpus.command("remove")
@click.argument("ids", nargs=-1, required=True)
@_DB_OPTION
def corpus_remove(ids: tuple[str, ...], db_path: Path | None) -> None:
    """Remove the stories with these IDS from the corpus."""
    with _open_corpus(db_path) as store:
        removed = store.remove(ids)
    click.echo(f"removed {removed:,} of {len(ids):,} stories")
    if removed < len(ids):
        raise UnspinError(f"{len(ids) - removed:,} of the ids are not in the corpus")


@main.command("eval")
@click.argument("cases", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--lexical", is_flag=True, help="Align on words only, without the embedding model.")
def eval_command(cases: Path, as_json: bool, lexical: bool) -> None:
    """Score unspin on labelled CASES (JSON Lines, docs/eval-format.md)."""
    from rich.console import Console
    from rich.progress import Progress

    from unspin.evaluate import evaluate, read_cases, render_evaluation

    encoder = second_opinion = None
    if not lexical:
        from unspin import default_encoders

        encoder, second_opinion = default_encoders()
    total = sum(1 for line in cases.open("rb") if line.strip())
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("evaluating", total=total)
        try:
            result = evaluate(
                read_cases(cases), encoder, lambda: progress.advance(task), second_opinion
            )
        except ValueError as error:  # a malformed line: read_cases names file and line
            raise UnspinError(str(error)) from None
    if not result.cases and not result.corpus_cases:
        raise UnspinError(f"{cases}: no case in it (one JSON object a line: docs/eval-format.md)")
    if not result.cases:
        raise UnspinError(
            f"{cases}: no case to score: `unspin eval` compares each copy with the sources its "
            f"case gives, and its cases of corpus_refs ({result.corpus_cases}) give none"
        )
    if as_json:
        import json

        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        render_evaluation(result, Console())


@main.command()
@click.option("--force", is_flag=True, help="Rebuild even if the models are already built.")
def setup(force: bool) -> None:
    """Build the fast embedding models from the bundled all-MiniLM-L6-v2 (once, cached)."""
    from unspin.embed import build_models

    path = build_models(force=force)
    click.echo(f"models ready in {path}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@_DB_OPTION
@click.option(
    "--reports",
    "reports_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where reports are saved (default: beside the corpus, <corpus>-reports.db).",
)
@click.option(
    "--token",
    envvar="UNSPIN_TOKEN",
    help="Every request must carry it (Authorization: Bearer, or the login page's cookie). "
    "Required to listen on anything but loopback. Default: $UNSPIN_TOKEN.",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    help="Analyses run at a time (default: one per core, up to 4).",
)
@click.option(
    "--job-seconds",
    type=click.FloatRange(1),
    default=60,
    show_default=True,
    help="Time one analysis may take; past it, it is stopped and its worker replaced.",
)
@click.option(
    "--job-memory",
    type=click.FloatRange(0.5),
    default=3,
    show_default=True,
    help="GB of memory one analysis worker may hold (the models take about 0.5).",
)
def serve(
    host: str,
    port: int,
    db_path: Path | None,
    reports_path: Path | None,
    token: str | None,
    workers: int | None,
    job_seconds: float,
    job_memory: float,
) -> None:
    """Serve the web app and its REST API (described at /openapi.json)."""
    import uvicorn

    from unspin.corpus import default_path
    from unspin.web import Settings, create_app
    from unspin.web.app import reports_path_for
    from unspin.web.workers import Budget

    if not _is_loopback(host) and not token:
        raise click.UsageError(
            f"listening on {host} (not loopback) needs a token: --token or UNSPIN_TOKEN"
        )
    corpus_path = db_path or default_path()
    settings = Settings(
        corpus=corpus_path,
        reports=reports_path or reports_path_for(corpus_path),
        token=token or None,
        budget=Budget(seconds=job_seconds, memory=int(job_memory * 1e9)),
        **({"workers": workers} if workers else {}),
    )
    app = create_app(settings)
    click.echo(f"unspin: serving {corpus_path} at http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


@main.command()
@click.argument("inputs", nargs=-1)
@_DB_OPTION
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the tables (Parquet) and errors.jsonl.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Go on with the scan in --out where it stopped (in a folder with none, start one).",
)
@click.option("--dask", "dask_address", help="Run on this Dask scheduler (tcp://host:8786).")
@click.option(
    "--workers", type=click.IntRange(1), help="Run on a local Dask cluster of N worker processes."
)
@click.option(
    "--part-size",
    type=click.IntRange(1),
    help="Records per part: each part is committed at once, and is what a kill can cost. "
    "Default: 64 in this process; on Dask, 64 / (2 x worker threads), at least 8.",
)
def scan(
    inputs: tuple[str, ...],
    db_path: Path | None,
    out: Path,
    resume: bool,
    dask_address: str | None,
    workers: int | None,
    part_size: int | None,
) -> None:
    """Check every page of INPUTS (WARC crawls, JSON Lines, CSV, folders of pages, files of
    URLs) against the corpus and write what was found into --out. Killed, it resumes with
    --resume, losing and repeating nothing."""
    from rich.console import Console

    from unspin import scan as run_scan
    from unspin.corpus import default_path

    has_scan = (out / "scan.json").exists()
    if not inputs and not resume:
        raise click.UsageError("give the INPUTS to scan (or --resume a scan in --out)")
    if not inputs and not has_scan:
        raise click.UsageError(f"{out}: no scan to resume there; give the INPUTS to start one")
    if dask_address and workers:
        raise click.UsageError("--dask and --workers are two ways to run: choose one")
    # Resumed without --db: the scan's own corpus, from its scan.json (if there is a scan yet).
    corpus_path = db_path or ("" if resume and has_scan else default_path())
    console = Console(stderr=True)
    show = _bar_progress(console) if console.is_terminal else _line_progress()
    with show as progress:
        stats = run_scan(
            list(inputs),
            str(corpus_path),
            out,
            resume=resume,
            workers=workers,
            dask=dask_address,
            part_size=part_size,
            on_progress=progress,
        )
    kinds = ", ".join(f"{n:,} {kind}" for kind, n in stats.kinds.items() if n) or "no pages"
    click.echo(
        f"checked {stats.pages:,} pages ({kinds}; {stats.skipped:,} skipped, "
        f"{stats.already_done:,} done before) in {stats.seconds:.1f} s, "
        f"{stats.rate:.1f} pages/s; tables in {out}, skipped records in {out / 'errors.jsonl'}"
    )


def _clock(seconds: float | None) -> str:
    """Hours (past 24, for a big crawl), minutes and seconds."""
    if seconds is None:
        return "?"
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


@contextlib.contextmanager
def _bar_progress(console: Console) -> Iterator[Callable[[ScanStats], None]]:
    """A bar that fits 80 columns: share done, pages, rate, time spent and left."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        BarColumn(bar_width=20),
        TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[pages]} pages {task.fields[rate]}/s"),
        TimeElapsedColumn(),
        TextColumn("left {task.fields[left]}"),
    )
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("scanning", total=1, pages="0", rate="0.0", left="?")

        def progress(stats: ScanStats) -> None:
            bar.update(
                task,
                completed=stats.share_done,
                pages=f"{stats.pages:,}",
                rate=f"{stats.rate:.1f}",
                left=_clock(stats.seconds_left),
            )

        yield progress


PROGRESS_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal


@contextlib.contextmanager
def _line_progress() -> Iterator[Callable[[ScanStats], None]]:
    """For a log file: a whole line every PROGRESS_EVERY seconds, never a redrawn one."""
    last = {"at": time.perf_counter(), "line": ""}

    def progress(stats: ScanStats) -> None:
        if time.perf_counter() - last["at"] < PROGRESS_EVERY:
            return
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in stats.kinds.items() if n)
        line = (
            f"scan: {stats.share_done:.0%} done, {stats.pages:,} pages"
            + (f" ({kinds})" if kinds else "")
            + f", {stats.skipped:,} skipped, {stats.rate:.1f} pages/s, "
            f"{_clock(stats.seconds)} spent, {_clock(stats.seconds_left)} left"
        )
        if line != last["line"]:
            click.echo(line, err=True)
            last.update(at=time.perf_counter(), line=line)

    yield progress


@main.command("report")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the site report here (every page's report goes in a folder beside it).",
)
@click.option(
    "--export",
    "export_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the site report's page table (.csv or .parquet), filtered as below.",
)
@click.option("--site", help="With --export: only this site's pages.")
@click.option("--kind", type=click.Choice(KINDS), help="With --export: only pages of this kind.")
@click.option(
    "--type",
    "finding_type",
    type=click.Choice(finding_types.NAMES),
    help="With --export: only pages with a finding of this type.",
)
def site_report(
    folder: Path,
    html_path: Path | None,
    export_path: Path | None,
    site: str | None,
    kind: str | None,
    finding_type: str | None,
) -> None:
    """Site-level report of the scan in FOLDER (--html), or its table of pages (--export)."""
    if html_path is None and export_path is None:
        raise click.UsageError("give --html FILE, --export FILE.csv|FILE.parquet, or both")
    if export_path is None and (site or kind or finding_type):
        raise click.UsageError("--site, --kind and --type filter --export")
    if not (folder / "scan.json").is_file():
        raise UnspinError(f"{folder}: no scan there (no scan.json); run `unspin scan` first")
    from unspin.batch import sites

    if export_path is not None:
        table = sites.page_table(sites.load(folder), site, kind, finding_type)
        export_path.parent.mkdir(parents=True, exist_ok=True)
        sites.export(table, export_path)
        click.echo(f"{len(table):,} pages written to {export_path}", err=True)
    if html_path is not None:
        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(sites.render_sites(folder, html_path), encoding="utf-8")
        click.echo(f"site report written to {html_path}", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
