"""unspin.batch.sites: the site report's tables, exact on a hand-made scan, and its page.

The scan is written as `unspin scan` writes one (ScanOutput, Parts of rows), with six pages on
three sites, so every figure below can be worked out by hand.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from report_sample import sample_report
from unspin.batch import sites
from unspin.batch.output import Part, ScanOutput
from unspin.cli import main
from unspin.model import KINDS
from unspin.report import report_to_dict

# page id, site, kind, credited, sentences, date, main source (id, outlet)
PAGES = [
    ("p1", "a.example", "spun copy", False, 10, "2024-01-02", ("S1", "Reuters")),
    ("p2", "a.example", "verbatim copy", True, 10, "2024-01-08T10:00:00Z", ("S2", "AP")),
    ("p3", "a.example", "not a copy", False, 5, "", None),
    ("p4", "b.example", "spun copy", False, 20, "2024-01-03", ("S1", "Reuters")),
    ("p5", "b.example", "not a copy", False, 7, "not a date", None),
    ("p6", "c.example", "verbatim copy", False, 10, "2023-12-31", ("S1", "Reuters")),
]
# page id, type, severity, copy text, source text
FINDINGS = [
    ("p1", "number_changed", "high", "rose 5%", "rose 3%"),
    ("p1", "loaded_wording", "low", "soared", "rose"),
    ("p4", "attribution_dropped", "medium", "prices will fall", "prices will fall, he said"),
    ("p4", "omitted_sentence", "high", "", "The figures are provisional."),
]


def write_scan(
    folder: Path, pages: list[tuple] = PAGES, *, settings: dict | None = None, errors: bool = True
) -> Path:
    part = Part()
    for pid, site, kind, credited, sentences, date, source in pages:
        part.add(
            "pages",
            [
                {
                    "page_id": pid,
                    "record": f"crawl.warc.gz@{pid}",
                    "url": f"https://{site}/{pid}",
                    "site": site,
                    "title": f"Story {pid}",
                    "date": date,
                    "sentences": sentences,
                    "kind": kind,
                    "credited": credited,
                    "report": "",
                }
            ],
        )
        if source:
            row = {"page_id": pid, "rank": 0, "source_id": source[0], "site": source[1]}
            part.add("sources", [row | {"title": f"Wire story {source[0]}", "date": "2024-01-01"}])
    for n, (pid, type_, severity, copy_text, source_text) in enumerate(FINDINGS):
        part.add(
            "findings",
            [
                {
                    "page_id": pid,
                    "finding": n,
                    "type": type_,
                    "severity": severity,
                    "reason": f"reason {n}",
                    "copy_text": copy_text,
                    "source_text": source_text,
                }
            ],
        )
    if errors:
        part.add(
            "errors",
            [
                {
                    "page_id": "e1",
                    "record": "crawl.warc.gz@e1",
                    "url": "https://a.example/logo.png",
                    "site": "a.example",
                    "reason": "not HTML (image/png)",
                },
                {
                    "page_id": "e2",
                    "record": "crawl.warc.gz@e2",
                    "url": "",
                    "site": "",
                    "reason": "x",
                },
            ],
        )
    output = ScanOutput(folder)
    folder.mkdir(parents=True)
    (folder / "scan.json").write_text(
        json.dumps(
            settings
            or {
                "inputs": ["crawl.warc.gz"],
                "corpus": "wire.db",
                "corpus_stories": 1234,
                "corpus_first_date": "2006-10-20",
                "corpus_last_date": "2013-11-20",
                "unspin": "0.1.0",
                "started": "2024-02-01T10:00:00+00:00",
                "finished": "2024-02-01T11:00:00+00:00",
                "completed": True,
            }
        )
    )
    output.commit(part)
    return folder


@pytest.fixture
def scan_folder(tmp_path: Path) -> Path:
    return write_scan(tmp_path / "scan")


def test_the_overview_ranks_sites_by_meaning_changes_per_copied_sentence(
    scan_folder: Path,
) -> None:
    table = sites.overview(sites.load(scan_folder))
    assert list(table.index) == ["a.example", "b.example", "c.example"]
    a, b, c = (table.loc[s] for s in table.index)
    # a: 2 copies of 10 sentences each; 2 meaning changes (loaded wording counts, omitted not)
    assert (a["pages"], a["copied"], a["spun copy"], a["not a copy"]) == (3, 2 / 3, 1 / 3, 1 / 3)
    assert (a["credited"], a["changes"], a["per_1000"], a["high"]) == (0.5, 2, 100.0, 0.5)
    assert a["outlets"] == "AP (1), Reuters (1)"
    # b: an omitted sentence is high severity but not a meaning change
    assert (b["pages"], b["changes"], b["per_1000"], b["high"]) == (2, 1, 50.0, 1.0)
    assert (c["pages"], c["copied"], c["per_1000"], c["outlets"]) == (1, 1.0, 0.0, "Reuters (1)")


def test_the_page_table_filters_by_site_kind_and_finding_type(scan_folder: Path) -> None:
    t = sites.load(scan_folder)
    everything = sites.page_table(t)
    assert list(everything.columns) == [
        *sites.PAGE_COLUMNS,
        "attribution_dropped",
        "number_changed",
        "loaded_wording",
        "omitted_sentence",
    ]
    assert list(everything["page_id"]) == ["p1", "p2", "p3", "p4", "p5", "p6"]  # site, changes, url
    assert everything.loc[0, ["source", "outlet", "credited", "changes"]].tolist() == [
        "S1",
        "Reuters",
        "no",
        2,
    ]
    assert list(sites.page_table(t, kind="spun copy")["page_id"]) == ["p1", "p4"]
    assert list(sites.page_table(t, finding="omitted_sentence")["page_id"]) == ["p4"]
    assert list(sites.page_table(t, site="a.example", kind="verbatim copy")["page_id"]) == ["p2"]
    assert sites.page_table(t, finding="quote_altered").empty  # a type this scan never found


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_the_export_is_the_page_table_with_the_same_filters(
    scan_folder: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"pages{suffix}"
    args = ["report", str(scan_folder), "--export", str(out), "--kind", "spun copy"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    shown = sites.page_table(sites.load(scan_folder), kind="spun copy")
    read = pd.read_csv(out, keep_default_na=False) if suffix == ".csv" else pd.read_parquet(out)
    pd.testing.assert_frame_equal(read, shown, check_dtype=False)


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(tmp_path: Path) -> None:
    table = pd.DataFrame(
        {"title": ["=HYPERLINK(1)", "+1", "-x", "@a", "plain"], "n": [1, 2, 3, 4, 5]}
    )
    sites.export(table, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text().splitlines() == [
        "title,n",
        "'=HYPERLINK(1),1",
        "'+1,2",
        "'-x,3",
        "'@a,4",
        "plain,5",
    ]


def test_examples_give_each_sites_worst_finding_of_each_type(scan_folder: Path) -> None:
    table = sites.examples(sites.load(scan_folder))
    assert table[["site", "type", "pages", "findings", "copy_text"]].values.tolist() == [
        ["a.example", "number_changed", 1, 1, "rose 5%"],
        ["a.example", "loaded_wording", 1, 1, "soared"],
        ["b.example", "attribution_dropped", 1, 1, "prices will fall"],
        ["b.example", "omitted_sentence", 1, 1, ""],
    ]


def test_weeks_are_iso_weeks_and_undated_pages_are_counted(scan_folder: Path) -> None:
    weeks, undated = sites.weekly(sites.load(scan_folder))
    assert undated == 2  # "" and "not a date"
    columns = ["site", "week", "week_start", "pages", "copies", "changes", "per_1000"]
    assert weeks[columns].values.tolist() == [
        ["a.example", "2024-W01", "2024-01-01", 1, 1, 2, 200.0],
        ["a.example", "2024-W02", "2024-01-08", 1, 1, 0, 0.0],
        ["b.example", "2024-W01", "2024-01-01", 1, 1, 1, 50.0],
        ["c.example", "2023-W52", "2023-12-25", 1, 1, 0, 0.0],  # a Sunday: the week before
    ]


def test_a_story_copied_by_several_sites_shows_each_sites_changes(scan_folder: Path) -> None:
    table = sites.shared_stories(sites.load(scan_folder))
    assert set(table["source_id"]) == {"S1"}  # S2 is copied by one site only
    columns = ["site", "sites", "kinds", "changes", "types", "type", "reason", "copy_text"]
    assert table[[*columns, "page_id"]].values.tolist() == [
        ["a.example", 3, "spun copy", 2, "number_changed 1, loaded_wording 1", "number_changed",
         "reason 0", "rose 5%", "p1"],
        ["b.example", 3, "spun copy", 1, "attribution_dropped 1, omitted_sentence 1",
         "attribution_dropped", "reason 2", "prices will fall", "p4"],
        ["c.example", 3, "verbatim copy", 0, "", "", "", "", "p6"],
    ]  # fmt: skip
    # The worst finding's reason is shown with its words: a word alone says little.
    page = sites.render_sites(scan_folder, scan_folder.parent / "sites.html", page_reports=False)
    assert "<b>number_changed</b>: <q>rose 5%</q><br><small>reason 0</small>" in page


def test_skipped_records_by_reason(scan_folder: Path) -> None:
    table = sites.skipped(sites.load(scan_folder))
    assert table.values.tolist() == [["not HTML", 1], ["x", 1]]


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("an exact duplicate of crawl.warc.gz@14958", "an exact duplicate"),
        ("an exact duplicate of feed (1).jsonl:3", "an exact duplicate"),
        ("not HTML (image/png)", "not HTML"),
        (
            "the article is in French (fr); unspin reads English only",
            "the article is in French; unspin reads English only",
        ),
        ("internal error (ValueError: bad value (here))", "internal error"),
        (
            "cannot fetch https://x.example/a?b=1: timed out after 10 s",
            "cannot fetch URL: timed out after 10 s",
        ),
        ("https://x.example/a: HTTP 404 (Not Found)", "URL: HTTP 404"),
        ("HTTP status 404, not 200", "HTTP status 404, not 200"),
        ("(x)", "(x)"),  # nothing left: the reason as it is
    ],
)
def test_a_skipped_records_reason_kind_leaves_out_what_is_its_own(reason: str, kind: str) -> None:
    assert sites.reason_kind(reason) == kind


def _render(folder: Path, tmp_path: Path) -> str:
    return sites.render_sites(folder, tmp_path / "sites.html", page_reports=False)


def test_the_page_says_what_was_scanned_and_that_it_completed(
    scan_folder: Path, tmp_path: Path
) -> None:
    page = _render(scan_folder, tmp_path)
    assert "<h1>unspin scan: 6 pages from 3 sites</h1>" in page
    assert "<dt>Status</dt><dd>completed</dd>" in page
    assert "<code>wire.db</code>: 1,234 stories, 2006-10-20 to 2013-11-20" in page
    assert "<dt>unspin</dt><dd>0.1.0</dd>" in page
    assert "<dt>Started</dt><dd>2024-02-01T10:00:00+00:00</dd>" in page
    assert '<a href="https://a.example/logo.png" rel="noopener noreferrer nofollow">' in page
    assert "<h3>Skipped records (2)</h3>" in page and "did not complete" not in page
    assert "2 pages have no date that can be read" in page
    assert page.count('src="data:image/svg+xml;base64,') == 2  # the overview and the weeks


def test_an_interrupted_scan_says_so_with_the_command_that_resumes_it(tmp_path: Path) -> None:
    folder = write_scan(
        tmp_path / "scan",
        settings={"inputs": ["a.warc"], "corpus": "w.db", "started": "t0", "completed": False},
    )
    page = _render(folder, tmp_path)
    assert '<p class="warning" role="alert"><b>This scan did not complete</b>' in page
    assert f"<code>unspin scan --resume --out {folder}</code>" in page
    assert "<dt>Finished</dt><dd>(not finished)</dd>" in page


def test_the_commands_to_copy_name_the_folder_absolute_and_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_scan(
        tmp_path / "my scans" / "nov",
        settings={"inputs": ["a.warc"], "corpus": "w.db", "started": "t0", "completed": False},
    )
    monkeypatch.chdir(tmp_path)
    page = _render(Path("my scans/nov"), tmp_path)  # the folder as typed, from its parent
    assert f"<code>unspin scan --resume --out &#39;{folder}&#39;</code>" in page
    assert f"<code>unspin report &#39;{folder}&#39; --export pages.csv" in page


def test_a_completed_scan_of_no_records_renders_empty(tmp_path: Path) -> None:
    folder = tmp_path / "scan"
    folder.mkdir()
    (folder / "scan.json").write_text(json.dumps({"inputs": ["empty.jsonl"], "completed": True}))
    result = CliRunner().invoke(
        main, ["report", str(folder), "--html", str(tmp_path / "sites.html")]
    )
    assert result.exit_code == 0, result.output
    page = (tmp_path / "sites.html").read_text()
    assert "<h1>unspin scan: 0 pages from 0 sites</h1>" in page


def test_an_old_scan_without_the_new_columns_and_settings_renders(tmp_path: Path) -> None:
    folder = write_scan(
        tmp_path / "scan", settings={"inputs": ["a.warc"], "corpus": "w.db"}, errors=False
    )
    [part] = (folder / "pages").glob("part-*.parquet")
    (folder / "errors").mkdir(exist_ok=True)
    old = pa.table({"page_id": ["e1"], "record": ["a.warc@9"], "reason": ["not HTML"]})
    pq.write_table(old, folder / "errors" / part.name)  # errors as older versions wrote them
    page = _render(folder, tmp_path)
    assert "<tr><td>a.warc@9</td><td></td><td></td><td>not HTML</td></tr>" in page
    assert "not recorded (a scan of an older version)" in page
    assert "(its size and dates were not recorded)" in page


def test_an_old_scans_kinds_are_read_as_todays(tmp_path: Path) -> None:
    # Before 2026-12-04 a scan called pages "original" and "attributed rewrite".
    pages = [
        ("p1", "a.example", "spun copy", False, 10, "2024-01-02", ("S1", "Reuters")),
        ("p2", "a.example", "original", False, 10, "2024-01-02", None),
        ("p3", "a.example", "attributed rewrite", False, 10, "2024-01-02", ("S2", "AP")),
    ]
    t = sites.load(write_scan(tmp_path / "scan", pages))
    assert t.pages[["kind", "credited"]].values.tolist() == [
        ["spun copy", False],
        ["not a copy", False],
        ["spun copy", True],
    ]
    row = sites.overview(t).loc["a.example"]
    assert (row["pages"], row["not a copy"], row["spun copy"], row["credited"]) == (
        3,
        1 / 3,
        2 / 3,
        0.5,
    )


def test_hostile_names_titles_and_urls_are_text_and_run_nothing(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    pages = [(pid, hostile, *rest) for pid, _, *rest in PAGES[:2]]
    folder = write_scan(tmp_path / "scan", pages)
    part = Part()
    part.add(
        "pages",
        [
            {
                "page_id": "p9",
                "record": "r",
                "url": "javascript:alert(2)",
                "site": '"><img src=x onerror=alert(3)>',
                "title": "<img src=x onerror=alert(4)>",
                "kind": "not a copy",
                "sentences": 1,
                "credited": False,
            }
        ],
    )
    ScanOutput(folder).commit(part)
    page = _render(folder, tmp_path)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert 'href="javascript:' not in page and "<td>javascript:alert(2)</td>" in page
    assert page.count("<script") == 1  # the page's own


def _chart_texts(chart: str) -> list[str]:
    """The text of a chart's data: URL, read as XML (an SVG that is not well formed fails)."""
    svg = base64.b64decode(chart.split(",", 1)[1]).decode("utf-8")
    return [e.text or "" for e in ElementTree.fromstring(svg).iter() if e.tag.endswith("text")]


def test_the_overview_chart_draws_a_row_for_each_site_whatever_its_name() -> None:
    names = [
        "content-farm-network-of-many-sites-a.example",
        "content-farm-network-of-many-sites-b.example",
    ]
    table = pd.DataFrame(0.0, index=[*names, "farm\x0b.example"], columns=[*KINDS, "per_1000"])
    table["spun copy"] = [1.0, 0.0, 1.0]
    table["verbatim copy"] = [0.0, 1.0, 0.0]
    table["per_1000"] = [100.0, 0.0, 5.0]
    table["pages"] = 1
    texts = _chart_texts(sites.overview_chart(table))
    # Listed bottom up; the two names cut to one label are still two rows, with their rates.
    assert [t for t in texts if "example" in t or "…" in t] == [
        "farm?.example",
        "content-farm-network-of-many-si…",
        "content-farm-network-of-many-si…",
    ]
    assert texts[-3:] == ["5.0", "0.0", "100.0"]


def test_the_overview_chart_shows_the_sites_with_most_pages_in_the_tables_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sites, "TOP_SITES", 3)
    rates = {"one-a.example": 300.0, "one-b.example": 200.0, "one-c.example": 100.0}
    table = pd.DataFrame(0.0, index=[*rates, "farm.example"], columns=[*KINDS, "per_1000"])
    table["spun copy"] = 1.0
    table["per_1000"] = [*rates.values(), 50.0]  # the farm ranks last by rate ...
    table["pages"] = [1, 1, 1, 400]  # ... with 400 pages
    texts = _chart_texts(sites.overview_chart(table))
    assert [t for t in texts if t.endswith(".example")] == [
        "farm.example",
        "one-b.example",
        "one-a.example",
    ]  # bottom up: the table's order, the farm and the two with most pages after it


def test_the_trend_chart_names_every_site_in_its_legend() -> None:
    weeks = pd.DataFrame(
        {
            "site": ["_news.example", "other.example"],
            "week_start": ["2024-01-01", "2024-01-01"],
            "pages": [3, 4],
            "per_1000": [10.0, 20.0],
        }
    )
    texts = _chart_texts(sites.trend_chart(weeks, ["_news.example", "other.example"]))
    assert {"_news.example", "other.example"} <= set(texts)  # "_..." is no hidden label


def test_the_csp_allows_exactly_the_pages_own_script(scan_folder: Path, tmp_path: Path) -> None:
    page = _render(scan_folder, tmp_path)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    policy = html.unescape(csp.group(1))
    [script] = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}';" in policy
    assert policy.startswith("default-src 'none';") and "img-src data:" in policy
    assert "unsafe-inline" not in policy and "http" not in policy


def test_the_report_command_needs_html_or_export(scan_folder: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(scan_folder)])
    assert result.exit_code == 2 and "give --html FILE, --export" in result.output


@pytest.mark.parametrize("pages", [[], PAGES[2:3], PAGES[5:6]], ids=["none", "original", "copy"])
def test_a_scan_with_few_pages_renders(tmp_path: Path, pages: list[tuple]) -> None:
    folder = write_scan(tmp_path / "scan", pages)
    page = _render(folder, tmp_path)
    assert f"<h1>unspin scan: {len(pages)} pages from {len(pages)} sites</h1>" in page


def test_a_week_without_copies_has_no_rate(tmp_path: Path) -> None:
    folder = write_scan(tmp_path / "scan", PAGES[2:3])  # one original page, dated ""
    pages = [("q1", "d.example", "not a copy", False, 9, "2024-03-05", None)]
    weeks, _ = sites.weekly(sites.load(write_scan(tmp_path / "other", pages)))
    assert weeks[["week", "pages", "copies"]].values.tolist() == [["2024-W10", 1, 0]]
    assert weeks["per_1000"].isna().all()
    assert "<td>2024-W10</td>" not in _render(folder, tmp_path)  # undated: no week at all


def test_a_site_named_like_tex_still_renders(tmp_path: Path) -> None:
    tex = r"$\undefinedcmd{x}$ News"  # matplotlib read "$...$" in a label as math, and failed
    pages = [(pid, tex, *rest) for pid, _, *rest in PAGES]
    page = _render(write_scan(tmp_path / "scan", pages), tmp_path)
    assert f">{tex}</a>" in page


def test_a_later_versions_finding_type_and_a_hash_in_the_file_name_render(tmp_path: Path) -> None:
    folder = write_scan(tmp_path / "scan", PAGES[:2])
    part = Part()
    row = {"page_id": "p9", "record": "r", "url": "https://x.example/a", "site": "x.example"}
    report = json.dumps(report_to_dict(sample_report()))
    part.add(
        "pages",
        [
            row
            | {
                "title": "t",
                "kind": "spun copy",
                "sentences": 3,
                "credited": False,
                "report": report,
            }
        ],
    )
    finding = {"page_id": "p9", "finding": 0, "type": "future_type", "severity": "high"}
    part.add("findings", [finding | {"reason": "r", "copy_text": "a", "source_text": "b"}])
    ScanOutput(folder).commit(part)
    page = sites.render_sites(folder, tmp_path / "week #3.html", page_reports=True)
    assert '<abbr title="">future_type</abbr>' in page  # no description, no failure
    assert 'href="week%20%233-pages/page-p9.html"' in page  # "#" would end the path
