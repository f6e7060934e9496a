"""The report for a terminal, with rich.

Article text is attacker-controlled: it only ever reaches rich inside `Text` objects (never
parsed as markup), with control characters shown as escapes so it cannot drive the terminal.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from unspin.model import Finding, Report, Search, Span, SpanIndex
from unspin.report.diff import word_diff
from unspin.report.schema import copy_order, excerpts, kind_line, parts_line, percent

SEVERITY_STYLE = {
    "high": "bold white on red",
    "medium": "bold black on yellow",
    "low": "black on cyan",
}
LABEL_STYLE = {
    "verbatim": "green",
    "paraphrase": "yellow",
    "same_fact": "cyan",
    "unsourced": "magenta",
}
COPY_CHANGE = "bold red underline"
SOURCE_CHANGE = "bold green underline"

# C0/C1 controls (ESC starts terminal escape sequences) and bidi overrides, but not \t or \n.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe(s: str) -> str:
    return _UNSAFE.sub(lambda m: ascii(m.group())[1:-1], s)


def marked(s: str, ranges: list[tuple[int, int]], style: str) -> Text:
    """`s` as Text with the character ranges styled (ranges may overlap)."""
    text, pos = Text(), 0
    for start, end in sorted(ranges):
        start = max(start, pos)
        if start >= end:
            continue
        text.append(_safe(s[pos:start]))
        text.append(_safe(s[start:end]), style)
        pos = end
    text.append(_safe(s[pos:]))
    return text


def _header(report: Report, console: Console, *, verbose: bool) -> None:
    article = report.copy.article
    console.print(Rule(Text("unspin report", "bold")))
    console.print(Text.assemble(("Copy  ", "bold"), marked(article.title or "(untitled)", [], "")))
    meta = " · ".join(x for x in (article.url, article.date, article.site, article.author) if x)
    if meta:
        console.print(Text.assemble("      ", marked(meta, [], "")), style="dim")
    table = Table(title=Text("Sources", "bold"), title_justify="left", expand=False)
    for name, justify in (
        ("id", "left"),
        ("title", "left"),
        ("date", "left"),
        ("score", "right"),
        ("share", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for source in report.sources:
        a = source.doc.article
        table.add_row(
            marked(source.id, [], ""),
            marked(a.title or a.url, [], ""),
            marked(a.date, [], ""),
            Text(f"{source.score:.2f}"),
            Text(percent(source.share)),
        )
    if report.sources:
        console.print(table)
    for source in report.sources:
        if source.carriers:
            names = ", ".join(f"{a.id} ({a.date or 'undated'})" for a in source.carriers)
            console.print(marked(f"{source.id} is also carried, later, by {names}", [], ""))
    if report.search is not None:
        _search(report, report.search, console, verbose=verbose)


def _search(report: Report, search: Search, console: Console, *, verbose: bool) -> None:
    """The corpus search: always its size; the closest stories when none was taken as a source
    (the evidence for "no source"), or with --verbose."""
    shown = [c for c in search.candidates if c.score > 0][:_CANDIDATES_SHOWN]
    if report.sources and not verbose:
        shown = []
    title = f"Searched {search.corpus_size:,} stories"
    if not shown:
        console.print(Text(title, "dim"))
        return
    table = Table(title=Text(f"{title}; the closest", "bold"), title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("title", ratio=2)
    table.add_column("date", no_wrap=True)
    table.add_column("score", justify="right")
    table.add_column("what became of it", ratio=2)
    for c in shown:
        table.add_row(
            marked(c.article.id, [], ""),
            marked(c.article.title, [], ""),
            marked(c.article.date, [], ""),
            Text(f"{c.score:.2f}"),
            marked(c.note, [], ""),
        )
    console.print(table)


_CANDIDATES_SHOWN = 5


def _summary(report: Report, console: Console) -> None:
    s = report.summary
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row(Text("Verdict"), marked(s.verdict, [], ""))
    if not report.sources:
        console.print(Rule(Text("Summary", "bold")))
        console.print(grid)
        return
    grid.add_row(Text("Kind"), marked(kind_line(report), [], ""))
    for k, source in enumerate(report.sources):
        grid.add_row(
            Text("From" if k == 0 else ""),
            marked(f"{source.id}: {parts_line(report, k)}", [], ""),
        )
    grid.add_row(
        Text("Reuse"),
        Text(
            f"{percent(s.reuse_share)} of the copy (verbatim "
            f"{percent(s.verbatim_share)}, paraphrase "
            f"{percent(s.paraphrase_share)})"
        ),
    )
    if s.same_fact_share:
        grid.add_row(
            Text("Same fact"),
            Text(f"{percent(s.same_fact_share)} says what a source says, not copied"),
        )
    grid.add_row(Text("Unsourced"), Text(percent(s.unsourced_share)))
    grid.add_row(Text("Coverage"), Text(f"{percent(s.source_coverage)} of the source text used"))
    grid.add_row(
        Text("Fidelity"), Text(f"{percent(s.fidelity)} of aligned sentences unchanged in substance")
    )
    counts = ", ".join(f"{k} {v}" for k, v in sorted(s.counts.items())) or "none"
    grid.add_row(Text("Findings"), marked(counts, [], ""))
    console.print(Rule(Text("Summary", "bold")))
    console.print(grid)


def _source_label(report: Report, source: int) -> Text:
    return marked(report.sources[source].id, [], "")


def _finding(report: Report, f: Finding, sentence: tuple[int, int] | None) -> Group:
    copy_ex, source_ex = excerpts(report, f)
    in_copy, in_source = word_diff(copy_ex, source_ex) if copy_ex and source_ex else ([], [])
    head = Text.assemble(
        (f" {f.severity.upper():<6} ", SEVERITY_STYLE.get(f.severity, "bold")),
        " ",
        (f.type, "bold"),
        "  ",
        marked(f.reason, [], ""),
    )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True, min_width=7)
    grid.add_column()
    # A whole-sentence finding with nothing to compare repeats the sentence just shown.
    if copy_ex and (source_ex or f.copy_span != sentence):
        grid.add_row(Text("copy"), marked(copy_ex, in_copy, COPY_CHANGE))
    if source_ex and f.source is not None:
        grid.add_row(_source_label(report, f.source), marked(source_ex, in_source, SOURCE_CHANGE))
    return Group(head, Padding(grid, (0, 0, 0, 9))) if grid.rows else Group(head)


def _sentence_header(report: Report, index: int) -> Text:
    title = Text(f"Copy sentence {index + 1}")
    match = next((m for m in report.alignment.matches if m.copy_sentence == index), None)
    if match:
        title.append(" · ")
        title.append(match.label, LABEL_STYLE.get(match.label, ""))
        if match.sources:
            ids = dict.fromkeys(report.sources[ref.source].id for ref in match.sources)
            title.append_text(Text.assemble(" of ", marked(", ".join(ids), [], "")))
            title.append(f" · similarity {match.similarity:.2f}")
    return title


def _findings(report: Report, console: Console) -> None:
    copy = report.copy
    starts = [s.start for s in copy.sentences]

    console.print(Rule(Text(f"Findings ({len(report.findings)})", "bold")))
    if not report.findings:
        console.print(Text("No findings."))
    group: int | None = -2  # no group yet; -1 is "before the first sentence", None "not in it"
    # Looked up, not scanned, per sentence: a page of 3,000 findings would cost 3,000 squared.
    marks = SpanIndex(sorted(Span(*f.copy_span) for f in report.findings if f.copy_span))
    for f in sorted(report.findings, key=copy_order):
        index = bisect_right(starts, f.copy_span[0]) - 1 if f.copy_span else None
        sentence = None
        if index is not None and index >= 0:
            sentence = (copy.sentences[index].start, copy.sentences[index].end)
        if index != group:
            group = index
            if index is None or sentence is None:
                console.print(Rule(Text("Left out of the copy"), align="left", style="dim"))
            else:
                console.print(Rule(_sentence_header(report, index), align="left", style="dim"))
                start, end = sentence
                spans = [
                    (max(m.start, start) - start, min(m.end, end) - start)
                    for m in marks.overlapping(start, end)
                ]
                console.print(marked(copy.text[start:end], spans, "underline"))
        console.print(_finding(report, f, sentence))


def _aligned(report: Report, console: Console) -> None:
    console.print(Rule(Text("Aligned sentences", "bold")))
    copy = report.copy
    for match in report.alignment.matches:
        s = copy.sentences[match.copy_sentence]
        copy_text = copy.text[s.start : s.end]
        head = Text.assemble(
            f"{match.copy_sentence + 1:>3} ", (match.label, LABEL_STYLE.get(match.label, ""))
        )
        if match.sources:
            head.append(f" {match.similarity:.2f}")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True, min_width=7)
        grid.add_column()
        sources = [
            report.sources[ref.source].doc.sentence_text(ref.sentence) for ref in match.sources
        ]
        joined = "\n".join(sources)
        in_copy, in_source = word_diff(copy_text, joined) if sources else ([], [])
        grid.add_row(Text("copy"), marked(copy_text, in_copy, COPY_CHANGE))
        if sources:
            ids = dict.fromkeys(report.sources[ref.source].id for ref in match.sources)
            grid.add_row(marked(", ".join(ids), [], ""), marked(joined, in_source, SOURCE_CHANGE))
        console.print(head, Padding(grid, (0, 0, 0, 4)))
    if report.alignment.omitted:
        console.print(Rule(Text("Source sentences left out"), align="left", style="dim"))
        for ref in report.alignment.omitted:
            text = report.sources[ref.source].doc.sentence_text(ref.sentence)
            console.print(
                Text.assemble(_source_label(report, ref.source), "  ", marked(text, [], ""))
            )


def render_terminal(report: Report, console: Console, *, verbose: bool = False) -> None:
    """Print the report; `verbose` adds every aligned sentence pair after the findings."""
    _header(report, console, verbose=verbose)
    _summary(report, console)
    _findings(report, console)
    if verbose:
        _aligned(report, console)
