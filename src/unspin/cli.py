"""The `unspin` command: parse arguments, call the Python API, render. Nothing else lives here."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from unspin.errors import UnspinError


class _Group(click.Group):
    """Turn every UnspinError into one line on stderr and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UnspinError as error:
            click.echo(f"unspin: error: {error}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("unspin: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Group)
@click.version_option(package_name="unspin")
def main() -> None:
    """Find what a rewritten news article changed from its source, with evidence."""


@main.command()
@click.argument("copy")
@click.argument("sources", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (unspin.report/1).")
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a self-contained side-by-side HTML report to this file.",
)
@click.option("-v", "--verbose", is_flag=True, help="Show every aligned sentence pair.")
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
    from unspin.compare import compare as run_compare

    if list(sources).count("-") + (copy == "-") > 1:
        raise click.UsageError("only one input can be read from stdin")
    options = {"encoder": None} if lexical else {}
    report = run_compare(copy, list(sources), **options)
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


@main.command("eval")
@click.argument("cases", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--lexical", is_flag=True, help="Align on words only, without the embedding model.")
def eval_command(cases: Path, as_json: bool, lexical: bool) -> None:
    """Score unspin on labelled CASES (JSON Lines, docs/eval-format.md)."""
    from rich.console import Console
    from rich.progress import Progress

    from unspin.evaluate import evaluate, render_evaluation
    from unspin.testing.cases import read_cases

    encoder = second_opinion = None
    if not lexical:
        from unspin.compare import default_encoders

        encoder, second_opinion = default_encoders()
    total = sum(1 for line in cases.open(encoding="utf-8") if line.strip())
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("evaluating", total=total)
        try:
            result = evaluate(
                read_cases(cases), encoder, lambda: progress.advance(task), second_opinion
            )
        except ValueError as error:  # a malformed line: read_cases names file and line
            raise UnspinError(str(error)) from None
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
