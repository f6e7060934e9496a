"""The `unspin` command: a thin layer that parses, calls the API and renders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from unspin.cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "reuters21578-write-through"
LATER, EARLIER = str(EXAMPLE / "later.json"), str(EXAMPLE / "earlier.json")


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_compare_prints_a_terminal_report_with_the_verdict() -> None:
    result = run("compare", LATER, EARLIER)
    assert result.exit_code == 0
    assert "Faithful copy: a near-verbatim copy" in result.output
    assert "omitted_sentence" in result.output


def test_compare_json_follows_the_report_schema() -> None:
    result = run("compare", LATER, EARLIER, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema"] == "unspin.report/1"
    assert data["summary"]["counts"] == {"omitted_sentence": 18}
    assert data["sources"][0]["id"] == "reuters21578-5163"


def test_compare_writes_a_self_contained_html_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("compare", LATER, EARLIER, "--json", "--html", str(out))
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Panel Head Says Marcos Still Controls Large Funds" in page


def test_compare_reads_the_copy_from_stdin() -> None:
    text = json.loads(Path(LATER).read_text())["text"]
    result = run("compare", "-", EARLIER, "--json", stdin=text)
    assert result.exit_code == 0
    assert json.loads(result.output)["summary"]["verbatim_share"] == 1.0


def test_bad_input_is_one_line_on_stderr_and_exit_status_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "page.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    for bad, message in [
        (str(empty), "empty"),
        (str(binary), "binary"),
        (str(tmp_path / "missing.txt"), "no such file"),
    ]:
        # A real process: what a user sees, with no traceback anywhere.
        proc = subprocess.run(
            [sys.executable, "-m", "unspin.cli", "compare", bad, EARLIER],
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("unspin: error: "), proc.stderr
        assert message in lines[0].lower()


def test_two_inputs_cannot_both_come_from_stdin() -> None:
    result = run("compare", "-", "-")
    assert result.exit_code == 2
    assert "only one input can be read from stdin" in result.output
