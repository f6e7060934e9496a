"""The terminal report: golden output, escaping of hostile text, highlighted changes.

Goldens are rendered without colour (stable across terminals and rich versions); regenerate
them after an intended change with
    UNSPIN_REGEN_GOLDEN=1 pytest tests/test_report_terminal.py
and review the diff.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

from rich.console import Console

from report_sample import COPY, check_golden, sample_report
from unspin.model import Report
from unspin.report.diff import word_diff
from unspin.report.terminal import COPY_CHANGE, marked, render_terminal


def render(report: Report, *, verbose: bool = False, color: bool = False) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=100,
        force_terminal=True,
        legacy_windows=False,
        color_system="truecolor" if color else None,
    )
    render_terminal(report, console, verbose=verbose)
    return out.getvalue()


def test_golden() -> None:
    check_golden("terminal.txt", render(sample_report()))


def test_golden_verbose() -> None:
    check_golden("terminal_verbose.txt", render(sample_report(), verbose=True))


def test_findings_are_in_copy_order_with_omissions_last() -> None:
    text = render(sample_report())
    text = text[text.index("Findings (8)") :]
    order = [
        text.index(t)
        for t in (
            "number_changed",
            "quote_altered",
            "certainty_shifted",
            "unsourced_sentence",
            "Left out of the copy",
        )
    ]
    assert order == sorted(order)


def test_hostile_markup_is_printed_literally() -> None:
    hostile = "[bold red]x[/] [link=https://evil.example]click[/link] :smile:"
    report = sample_report(copy_text=hostile + " " + COPY, title=hostile)
    report = replace(
        report,
        findings=tuple(replace(f, reason=hostile) for f in report.findings),
        summary=replace(report.summary, verdict=hostile),
    )
    for color in (False, True):
        text = render(report, verbose=True, color=color)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", text)  # rich's own style codes
        assert plain.count(hostile) >= 2 + len(report.findings)
        assert "\x1b]8;" not in text  # no terminal hyperlink was made
        assert "😄" not in text


def test_control_characters_are_shown_not_sent() -> None:
    # ESC could clear the screen or forge a hyperlink; bidi overrides could reorder the line.
    evil = "\x1b[2J\x1b]8;;https://evil.example\x1b\\x\u202e"
    report = sample_report(copy_text=evil + " " + COPY, title=evil)
    text = render(report, verbose=True)
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\x1b[2J\\x1b]8;;https://evil.example\\x1b\\x\\u202e" in text


def test_changed_words_are_highlighted() -> None:
    a, b = "We will never invade anyone", "We are not going to invade anyone"
    in_a, in_b = word_diff(a, b)
    assert [a[s:e] for s, e in in_a] == ["will never"]
    assert [b[s:e] for s, e in in_b] == ["are not going to"]
    text = marked(a, in_a, COPY_CHANGE)
    assert text.plain == a
    assert [(a[s.start : s.end], str(s.style)) for s in text.spans] == [("will never", COPY_CHANGE)]
    colored = render(sample_report(), color=True)
    assert re.search(r"\x1b\[[0-9;]+m50,000\x1b\[0m", colored)
    assert re.search(r"\x1b\[[0-9;]+mwill never\x1b\[0m", colored)


def test_marked_handles_overlaps_and_bounds() -> None:
    assert marked("abcdef", [(1, 4), (2, 5), (9, 12)], "bold").plain == "abcdef"
    spans = marked("abcdef", [(1, 4), (2, 5)], "bold").spans
    assert {i for s in spans for i in range(s.start, s.end)} == {1, 2, 3, 4}


def test_no_findings() -> None:
    report = sample_report()
    report = replace(report, findings=(), summary=replace(report.summary, counts={}))
    text = render(report)
    assert "No findings." in text and "Findings   none" in text
