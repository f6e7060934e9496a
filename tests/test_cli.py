"""The `unspin` command: a thin layer that parses, calls the API and renders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from repo_paths import CORPUS_SAMPLE, SPUN_EXAMPLE, WRITE_THROUGH
from unspin.cli import main

LATER, EARLIER = str(WRITE_THROUGH / "later.json"), str(WRITE_THROUGH / "earlier.json")


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


def unspin(*args: str) -> subprocess.CompletedProcess[str]:
    """`unspin ARGS` in a real process, as a user runs it."""
    command = [sys.executable, "-m", "unspin.cli", *args]
    return subprocess.run(command, capture_output=True, text=True)


def one_line_error(proc: subprocess.CompletedProcess[str], status: int = 2) -> str:
    """The one line a failed run wrote to stderr (no traceback)."""
    assert proc.returncode == status, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


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
        proc = unspin("compare", bad, EARLIER)
        line = one_line_error(proc)
        assert proc.stdout == ""
        assert line.startswith("unspin: error: ") and message in line.lower()


def test_two_inputs_cannot_both_come_from_stdin() -> None:
    result = run("compare", "-", "-")
    assert result.exit_code == 2
    assert "only one input can be read from stdin" in result.output


# --- the corpus and `check` ------------------------------------------------------------------

SPUN = str(SPUN_EXAMPLE / "copy.json")


def feed(tmp_path: Path, n: int) -> Path:
    """The first n stories of the demo corpus, a malformed line and a story without text."""
    lines = CORPUS_SAMPLE.read_text(encoding="utf-8").splitlines()[:n]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([*lines, "{not json", '{"id": "x", "title": "no body"}']) + "\n")
    return path


def test_corpus_add_reports_what_it_added_and_skipped(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    result = run("corpus", "add", str(feed(tmp_path, 20)), "--db", db)
    assert result.exit_code == 0, result.output
    assert "added 20 stories (0 already there, 2 skipped)" in result.output
    assert "feed.jsonl:21: not valid JSON" in result.output
    assert 'feed.jsonl:22: no "text", "body" or "html" field' in result.output
    again = run("corpus", "add", str(feed(tmp_path, 20)), "--db", db)
    assert "added 0 stories (20 already there, 2 skipped)" in again.output


def test_corpus_add_writes_every_skipped_record_to_the_errors_file(tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    result = run(
        "corpus", "add", str(feed(tmp_path, 3)), "--db", str(tmp_path / "c.db"), "--errors",
        str(errors),
    )  # fmt: skip
    assert result.exit_code == 0
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [r["record"].rsplit("/", 1)[1] for r in records] == ["feed.jsonl:4", "feed.jsonl:5"]


def test_corpus_info_and_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("corpus", "add", str(feed(tmp_path, 5)), "--db", db)
    info = run("corpus", "info", "--db", db, "--json")
    assert json.loads(info.output)["articles"] == 5
    first = json.loads(CORPUS_SAMPLE.read_text().splitlines()[0])["id"]
    assert run("corpus", "remove", first, "--db", db).exit_code == 0
    assert json.loads(run("corpus", "info", "--db", db, "--json").output)["articles"] == 4
    missing = run("corpus", "remove", first, "--db", db)
    assert missing.exit_code == 2
    assert "1 of the ids are not in the corpus" in missing.output


def test_check_finds_the_source_of_the_spun_example(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("corpus", "add", str(CORPUS_SAMPLE), "--db", db)
    result = run("check", SPUN, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [s["id"] for s in data["sources"]] == ["reuters21578/192"]
    assert data["search"]["corpus_size"] == 499  # one story of the sample is not English


def test_check_without_a_corpus_says_how_to_build_one(tmp_path: Path) -> None:
    result = run("check", SPUN, "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert "no corpus there; build one with `unspin corpus add`" in result.output


def test_corpus_add_of_a_missing_path_fails_in_one_line(tmp_path: Path) -> None:
    result = run("corpus", "add", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "no such file" in result.output


def test_a_damaged_vector_index_is_one_line_and_deleting_it_mends_the_corpus(
    tmp_path: Path,
) -> None:
    db = tmp_path / "c.db"
    run("corpus", "add", str(feed(tmp_path, 5)), "--db", str(db))
    (index,) = tmp_path.glob("c.db.vectors-*.faiss")
    index.write_bytes(b"\xf1\x0f:\x0c" * 750)
    assert one_line_error(unspin("check", SPUN, "--db", str(db))) == (
        f"unspin: error: {index}: the corpus's vector index is damaged; delete it, and unspin "
        "rebuilds it from the stories"
    )
    index.unlink()
    assert unspin("check", SPUN, "--db", str(db)).returncode == 0


def test_scan_resume_without_db_in_a_new_folder_uses_the_default_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A script that always passes --resume: the first run starts the scan on $UNSPIN_DB.
    db = tmp_path / "c.db"
    run("corpus", "add", str(feed(tmp_path, 5)), "--db", str(db))
    monkeypatch.setenv("UNSPIN_DB", str(db))
    out = tmp_path / "scan"
    first = run("scan", str(feed(tmp_path, 3)), "--out", str(out), "--resume")
    assert first.exit_code == 0, first.output
    assert "checked 3 pages" in first.output
    again = run("scan", "--out", str(out), "--resume")
    assert "checked 0 pages" in again.output and "5 done before" in again.output
    # Nothing to resume and nothing to start with: a mistyped folder is not made a scan.
    typo = run("scan", "--out", str(tmp_path / "scna"), "--resume")
    assert typo.exit_code == 2 and "no scan to resume there" in typo.output
    assert not (tmp_path / "scna").exists()


def test_a_damaged_scan_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "scan.json").write_text("{bad")
    (tmp_path / "pages").mkdir()
    message = one_line_error(unspin("report", str(tmp_path), "--html", str(tmp_path / "r.html")))
    assert message == (
        f"unspin: error: {tmp_path / 'scan.json'}: damaged (not JSON); the scan cannot be read"
    )


def test_a_closed_stdin_and_a_full_disk_are_one_line() -> None:
    closed = subprocess.run(
        ["sh", "-c", f'exec "{sys.executable}" -m unspin.cli compare - "{EARLIER}" <&-'],
        capture_output=True,
        text=True,
    )
    assert one_line_error(closed) == "unspin: error: stdin: closed, nothing to read"
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "unspin.cli", "compare", SPUN, EARLIER, "--json", "--lexical"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert one_line_error(proc) == "unspin: error: No space left on device"


def test_a_bug_is_one_line_with_exit_status_70_and_its_traceback_on_request() -> None:
    # An exception no code expects: here, from a compare broken on purpose.
    script = (
        "import sys, unspin, unspin.cli\n"
        "def broken(*args, **kwargs): raise KeyError('boom')\n"
        "unspin.compare = broken\n"
        "sys.argv = ['unspin', 'compare', *sys.argv[1:]]\n"
        "unspin.cli.main()\n"
    )
    command = [sys.executable, "-c", script, SPUN, EARLIER]
    proc = subprocess.run(command, capture_output=True, text=True)
    assert one_line_error(proc, 70) == (
        "unspin: internal error (KeyError: 'boom'); run again with UNSPIN_DEBUG=1 for the "
        "traceback, and please report it"
    )
    debug = subprocess.run(
        command, capture_output=True, text=True, env=os.environ | {"UNSPIN_DEBUG": "1"}
    )
    assert "Traceback" in debug.stderr and "KeyError: 'boom'" in debug.stderr
