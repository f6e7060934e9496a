"""The site report in a real browser: Debian's chromium, headless, driven by Playwright, opening
the report as a file, as a reader would.

Skipped where chromium is missing, except under `.ci/run` (see tests/chromium.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from chromium import launched, sync_api
from test_batch_sites import PAGES, write_scan
from unspin.cli import main


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sites")
    scan = write_scan(folder / "scan")
    html = folder / "sites.html"
    result = CliRunner().invoke(main, ["report", str(scan), "--html", str(html)])
    assert result.exit_code == 0, result.output
    return html


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    yield from launched()


@pytest.fixture
def page(browser: sync_api.Browser) -> Iterator[sync_api.Page]:
    context = browser.new_context(accept_downloads=True)
    yield context.new_page()
    context.close()


def visible_rows(page: sync_api.Page) -> list[list[str]]:
    return page.locator("#pages-table tbody tr:visible").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells, c => c.textContent))"
    )


def test_the_report_ranks_filters_and_exports_the_rows_shown(
    report: Path, page: sync_api.Page, tmp_path: Path
) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    page.goto(report.as_uri())
    first = page.locator("#overview-table tbody tr").first.locator("td").nth(1)
    assert first.inner_text() == "a.example"  # most meaning changes per copied sentence
    # The script ran (the CSP allowed it by its hash): the filters it shows are there.
    assert page.locator("#filters").is_visible()
    assert len(visible_rows(page)) == 6
    page.select_option("select[data-filter=kind]", "spun copy")
    shown = visible_rows(page)
    assert [row[0] for row in shown] == ["p1", "p4"]
    assert page.locator("#shown").inner_text() == "2"
    with page.expect_download() as download:
        page.click("#export")
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    header, *rows = list(csv.reader(io.StringIO(exported)))
    columns = page.locator("#pages-table thead th").evaluate_all(
        "ths => ths.map(th => th.dataset.col)"
    )
    assert header == columns and rows == shown
    # ... and it is what the command line exports with the same filter, byte for byte.
    cli = tmp_path / "spun.csv"
    args = ["report", str(report.parent / "scan"), "--export", str(cli), "--kind", "spun copy"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert exported == cli.read_text(encoding="utf-8")
    # A second filter narrows further; sorting keeps the filter.
    page.select_option("select[data-filter=types]", "omitted_sentence")
    assert [row[0] for row in visible_rows(page)] == ["p4"]
    page.locator("#pages-table thead th[data-col=sentences]").click()
    assert [row[0] for row in visible_rows(page)] == ["p4"]
    assert not [m for m in console if "Content Security Policy" in m or "Error" in m], console


def test_without_script_every_row_shows_and_the_filters_do_not(
    report: Path, browser: sync_api.Browser
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report.as_uri())
    assert not page.locator("#filters").is_visible()
    assert page.locator("#pages-table tbody tr:visible").count() == 6
    context.close()


def test_no_site_is_a_filter_of_its_own_and_missing_rates_sort_last(
    browser: sync_api.Browser, tmp_path: Path
) -> None:
    no_site = ("p7", "", "not a copy", False, 5, "2024-01-09", None)
    scan = write_scan(tmp_path / "scan", [*PAGES, no_site])
    html = tmp_path / "sites.html"
    assert CliRunner().invoke(main, ["report", str(scan), "--html", str(html)]).exit_code == 0
    page = browser.new_page()
    page.goto(html.as_uri())
    page.select_option("select[data-filter=site]", label="(no site)")
    assert [row[0] for row in visible_rows(page)] == ["p7"]  # not every page, as "all" shows
    page.emulate_media(media="print")  # printed, the filtered table says it is one
    assert page.locator("#filters").is_visible() and not page.locator("#export").is_visible()
    assert page.locator("#filters").inner_text().endswith("1 of 7 pages shown")
    page.emulate_media(media="screen")
    rate = page.locator("#weeks-table thead th").last
    rates = "rows => rows.map(r => r.cells[r.cells.length - 1].dataset.v)"
    rate.click()
    ascending = page.locator("#weeks-table tbody tr").evaluate_all(rates)
    rate.click()
    descending = page.locator("#weeks-table tbody tr").evaluate_all(rates)
    figures = sorted(float(v) for v in ascending if v)
    assert [float(v) for v in ascending[:-1]] == figures and ascending[-1] == ""
    assert [float(v) for v in descending[:-1]] == figures[::-1] and descending[-1] == ""
    page.close()
