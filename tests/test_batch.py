"""unspin.batch: a crawl checked against a corpus, recorded in Parquet tables that survive being
killed at any moment, the same in this process and on a Dask cluster."""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from repo_paths import CORPUS_SAMPLE, SPUN_EXAMPLE
from unspin.batch import PROFILER, URL_BYTES, _dask_client, read_inputs, scan
from unspin.batch.output import ScanOutput
from unspin.corpus import Corpus, ingest
from unspin.errors import InputError
from unspin.model import Article
from unspin.testing.crawl import article_page, write_warc

SPUN = json.loads((SPUN_EXAMPLE / "copy.json").read_text(encoding="utf-8"))
STORIES = [json.loads(line) for line in CORPUS_SAMPLE.read_text(encoding="utf-8").splitlines()[:40]]
OUTSIDE = json.loads(
    CORPUS_SAMPLE.read_text(encoding="utf-8").splitlines()[300]
)  # not in the corpus


def html(story: dict) -> bytes:
    return article_page(Article(story["text"], title=story["title"], date=story.get("date", "")))


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Corpus(path) as corpus:
        corpus.add(
            Article(s["text"], title=s["title"], date=s["date"], site="Reuters", id=s["id"])
            for s in STORIES
        )
    return str(path)


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """A crawl of a content farm: the spun copy, a verbatim copy, the same copy again at another
    address, an original story, an image, broken HTML with too little text."""
    verbatim = STORIES[10]
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            ("https://farm.example/dow-verdict", html(SPUN), "text/html"),
            ("https://farm.example/copied", html(verbatim), "text/html"),
            ("https://mirror.example/copied", html(verbatim), "text/html"),
            ("https://blog.example/original", html(OUTSIDE), "text/html"),
            ("https://farm.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
            ("https://farm.example/broken", b"<html><body><div><p>Click <b>here", "text/html"),
        ],
    )
    return path


def tables(out: Path) -> dict[str, list[dict]]:
    output = ScanOutput(out)
    return {name: output.table(name).to_pylist() for name in ("pages", "sources", "findings")}


def test_a_crawl_becomes_pages_sources_findings_and_errors(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    stats = scan([str(crawl)], corpus_path, out)
    assert (stats.pages, stats.skipped) == (4, 2)
    pages = {p["url"]: p for p in tables(out)["pages"]}
    assert {url: p["kind"] for url, p in pages.items()} == {
        "https://farm.example/dow-verdict": "spun copy",
        "https://farm.example/copied": "verbatim copy",
        "https://mirror.example/copied": "verbatim copy",
        "https://blog.example/original": "not a copy",
    }
    assert not any(p["credited"] for p in pages.values())
    assert pages["https://farm.example/dow-verdict"]["site"] == "farm.example"
    sources = tables(out)["sources"]
    spun_id = pages["https://farm.example/dow-verdict"]["page_id"]
    assert [s["source_id"] for s in sources if s["page_id"] == spun_id] == ["reuters21578/192"]
    findings = [f for f in tables(out)["findings"] if f["page_id"] == spun_id]
    assert findings and all(f["reason"] for f in findings)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["record"].rsplit("@", 1)[0] for e in errors] == [str(crawl)] * 2
    assert all(e["reason"] for e in errors)


def test_skipped_records_say_where_they_were_and_scan_json_which_corpus(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["url"], e["site"]) for e in errors] == [
        ("https://farm.example/logo.png", "farm.example"),  # not HTML: refused before extraction
        ("https://farm.example/broken", "farm.example"),  # extracted, too little text
    ]
    assert ScanOutput(out).table("errors").column_names == [
        "page_id",
        "record",
        "url",
        "site",
        "reason",
    ]
    settings = ScanOutput(out).settings()
    first, last = min(s["date"] for s in STORIES), max(s["date"] for s in STORIES)
    assert (settings["corpus_stories"], settings["corpus_first_date"]) == (40, first[:10])
    assert settings["corpus_last_date"] == last[:10]


def test_refused_records_of_a_feed_keep_their_url_and_site(
    corpus_path: str, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    short = {"url": "https://short.example/a", "title": "Short", "text": "Too short to read."}
    feed.write_text(json.dumps(short) + "\n" + json.dumps({"url": "https://x.example/b"}) + "\n")
    table = tmp_path / "feed.csv"
    table.write_text("url,title,text\nhttps://www.csv.example/c,Short,Too short.\n")
    out = tmp_path / "scan"
    scan([str(feed), str(table)], corpus_path, out)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["record"].rsplit("/", 1)[1], e["url"], e["site"]) for e in errors] == [
        ("feed.jsonl:1", "https://short.example/a", "short.example"),
        ("feed.jsonl:2", "https://x.example/b", "x.example"),  # no text at all
        ("feed.csv:2", "https://www.csv.example/c", "csv.example"),
    ]


def test_a_page_with_no_date_keeps_the_crawls_date_apart(corpus_path: str, tmp_path: Path) -> None:
    undated = ("https://farm.example/undated", html(STORIES[10] | {"date": ""}), "text/html")
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [undated])  # captured today
    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out)
    [page] = tables(out)["pages"]
    assert page["date"] == "" and page["crawled"] == json.loads(page["report"])["copy"]["crawled"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", page["crawled"])


def test_tables_read_with_plain_pyarrow_and_pandas(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out)
    pages = pq.read_table(out / "pages").to_pandas()  # a folder of parts is one dataset
    assert len(pages) == 4 and pages["page_id"].is_unique


def test_a_finished_scan_resumes_to_nothing_and_refuses_a_fresh_start(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out)
    again = scan([], "", out, resume=True)  # inputs and corpus from scan.json
    assert (again.pages, again.skipped, again.already_done) == (0, 0, 6)
    with pytest.raises(InputError, match="holds a scan already; add --resume"):
        scan([str(crawl)], corpus_path, out)


def test_resume_in_a_folder_without_a_scan_starts_one(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    # A script may always pass --resume: the first run starts the scan it later goes on with.
    out = tmp_path / "scan"
    first = scan([str(crawl)], corpus_path, out, resume=True)
    assert (first.pages, first.already_done) == (4, 0)
    again = scan([], "", out, resume=True)
    assert (again.pages, again.already_done) == (0, 6)


def test_a_resumed_scan_does_not_extract_the_pages_it_has_already_checked(
    crawl: Path, corpus_path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out)
    extracted: list[str] = []
    checked = ingest.check_article
    monkeypatch.setattr(
        ingest, "check_article", lambda a, where: extracted.append(where) or checked(a, where)
    )
    again = scan([], "", out, resume=True)
    assert (again.pages, again.already_done, extracted) == (0, 6, [])


def test_progress_in_a_log_is_whole_lines_counting_pages_from_the_first(
    crawl: Path, corpus_path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from unspin import cli

    monkeypatch.setattr(cli, "PROGRESS_EVERY", 0.0)  # a line at every step
    out = tmp_path / "scan"
    result = CliRunner().invoke(
        cli.main, ["scan", str(crawl), "--db", corpus_path, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("scan: ")]
    # Pages are counted as they are checked, before their part (of 64) is committed.
    pages = [int(line.split(" done, ")[1].split(" pages")[0]) for line in lines]
    assert pages[:6] == [1, 2, 3, 4, 4, 4] and set(pages[6:]) <= {4}  # then 2 skipped records
    done = [int(line.split("%")[0].removeprefix("scan: ")) for line in lines]
    assert done[:6] == [17, 33, 50, 67, 83, 100]  # 6 records: each counts when checked
    assert lines[-1].startswith("scan: 100% done, 4 pages (2 verbatim copy, 1 spun copy, 1 not")
    assert lines[-1].endswith(" 00:00:00 left") and "\r" not in result.stderr


class Killed(BaseException):
    """What a kill looks like to the scan: it stops wherever it is."""


@pytest.mark.parametrize("seed", range(5))
def test_killed_at_random_and_resumed_loses_nothing_and_repeats_nothing(
    seed: int, crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    rng = random.Random(seed)
    kills = 0
    while True:
        countdown = rng.randint(1, 3)

        def maybe_kill(_stats: object, countdown: list[int] = [countdown]) -> None:  # noqa: B006
            countdown[0] -= 1
            if countdown[0] == 0:
                raise Killed

        try:
            scan([str(crawl)], corpus_path, out, resume=True, part_size=1, on_progress=maybe_kill)
            break
        except Killed:
            kills += 1
    assert kills >= 1
    everything = tables(out)
    records = [p["record"] for p in everything["pages"]]
    assert len(records) == len(set(records)) == 4
    errors = (out / "errors.jsonl").read_text().splitlines()
    assert len(errors) == 2


def test_files_of_a_part_without_its_pages_file_are_removed_on_resume(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out, part_size=2)
    # A kill between moving a part's sources file and its pages file leaves this behind:
    orphan = out / "sources" / "part-orphan.parquet"
    orphan.write_bytes((next((out / "sources").glob("part-*.parquet"))).read_bytes())
    (out / ".part-staging").mkdir()
    assert len(tables(out)["sources"]) == 3  # readers of committed parts never see it
    scan([], "", out, resume=True)
    assert not orphan.exists() and not (out / ".part-staging").exists()


def test_a_list_of_urls_is_fetched_page_by_page(corpus_path: str, tmp_path: Path) -> None:
    urls = tmp_path / "suspects.txt"
    urls.write_text("http://127.0.0.1:9/nothing-listens-here\n")
    stats = scan([str(urls)], corpus_path, tmp_path / "scan")
    assert (stats.pages, stats.skipped) == (0, 1)
    [error] = [json.loads(x) for x in (tmp_path / "scan" / "errors.jsonl").read_text().splitlines()]
    assert error["record"] == error["url"] == "http://127.0.0.1:9/nothing-listens-here"
    assert error["site"] == "127.0.0.1"
    assert "connection refused" in error["reason"]


def test_a_listed_url_weighs_in_the_share_done_as_a_crawled_page(
    crawl: Path, tmp_path: Path
) -> None:
    urls = tmp_path / "suspects.urls"
    urls.write_text("https://a.example/1\nhttps://a.example/2\n")
    total, records = read_inputs([str(urls), str(crawl)])
    assert total == 2 * URL_BYTES + crawl.stat().st_size
    positions = [position for position, _ in records]
    assert positions[:2] == [URL_BYTES, 2 * URL_BYTES]  # not 1 and 2 bytes of a 100 kB total
    assert positions[-1] <= total


def test_a_local_dask_cluster_gives_the_same_tables(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    scan([str(crawl)], corpus_path, tmp_path / "here", part_size=2)
    scan([str(crawl)], corpus_path, tmp_path / "dask", part_size=2, workers=2)

    def by_record(out: Path) -> dict[str, list[dict]]:
        return {
            name: sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
            for name, rows in tables(out).items()
        }

    assert by_record(tmp_path / "here") == by_record(tmp_path / "dask")


def test_the_local_clusters_workers_run_without_dasks_sampling_profiler() -> None:
    # It reads the running task's stack every 10 ms: 7 ms of CPU a page (docs/scan.md).
    pytest.importorskip("distributed")
    import dask.config

    with _dask_client(1, None) as client:
        settings = client.run(lambda: dask.config.get(PROFILER))
    assert list(settings.values()) == [False]
    assert dask.config.get(PROFILER) is True  # this process's setting is left as it was


def test_the_command_killed_with_sigkill_at_random_resumes_exactly(
    corpus_path: str, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import sys
    import time

    crawl = tmp_path / "crawl.warc.gz"
    write_warc(
        crawl, [(f"https://farm.example/{n}", html(s), "text/html") for n, s in enumerate(STORIES)]
    )
    out = tmp_path / "scan"
    unspin = [sys.executable, "-m", "unspin.cli"]
    command = [*unspin, "scan", str(crawl), "--db", corpus_path, "--out", str(out)]
    command += ["--part-size", "3"]
    rng = random.Random(7)
    for kill in range(3):  # each run killed once it has committed a part more, at a random point
        before = len(list((out / "pages").glob("*.parquet")))
        process = subprocess.Popen(
            command + (["--resume"] if kill else []),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while len(list((out / "pages").glob("*.parquet"))) == before:
            assert process.poll() is None, "the scan ended before it was killed"
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.1))  # within the next part or two (~0.1 s for 3 pages)
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert len(tables(out)["pages"]) < len(STORIES)  # the kills came before the end
    finished = subprocess.run([*command, "--resume"], capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    records = [p["record"] for p in tables(out)["pages"]]
    assert len(records) == len(set(records)) == len(STORIES)


def test_the_site_report_links_every_pages_side_by_side_report(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from unspin.cli import main

    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out)
    page = tmp_path / "sites.html"
    result = CliRunner().invoke(main, ["report", str(out), "--html", str(page)])
    assert result.exit_code == 0, result.output
    text = page.read_text()
    assert "<h1>unspin scan: 4 pages from 3 sites</h1>" in text
    assert text.count('src="data:image/svg+xml;base64,') == 2  # the overview, the weeks
    assert '<a href="#site-0">farm.example</a>' in text  # ranked first: the spun copy's site
    links = re.findall(r'href="(sites-pages/page-[0-9a-f]+\.html)"', text)
    assert len(set(links)) == 4  # every page, not only the worst
    reports = "".join((tmp_path / link).read_text() for link in set(links))
    assert "Jury Finds for Dow" in reports
    assert "<td>https://farm.example/logo.png</td>" not in text  # a skipped record, linked:
    assert '<a href="https://farm.example/logo.png" rel="noopener noreferrer nofollow">' in text


# --- scans that cannot be corrupted -------------------------------------------------------------


def test_a_second_scan_writing_the_same_folder_is_refused(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    with ScanOutput(out).locked():  # a scan at work in the folder
        for resume in (False, True):
            with pytest.raises(InputError, match=r"another scan is writing to this folder \(pid"):
                scan([str(crawl)], corpus_path, out, resume=resume)
    assert not (out / "pages").exists()  # the refused scans wrote nothing
    assert scan([str(crawl)], corpus_path, out).pages == 4  # once it is free


def test_resume_with_a_new_input_scans_it_too(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out)
    later = tmp_path / "later.warc.gz"
    write_warc(later, [("https://farm.example/later", html(STORIES[20]), "text/html")])
    again = scan([str(later)], "", out, resume=True)
    assert (again.pages, again.skipped, again.already_done) == (1, 0, 6)
    assert ScanOutput(out).settings()["inputs"] == [str(crawl), str(later)]
    with pytest.raises(
        InputError, match=r"that scan checks against \S+corpus\.db, not \S+other\.db;"
    ):
        scan([], str(tmp_path / "other.db"), out, resume=True)


def test_a_scan_records_absolute_paths_so_it_resumes_from_any_folder(
    crawl: Path, corpus_path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "scan"
    scan([crawl.name], os.path.relpath(corpus_path), out)  # paths as a user types them
    assert ScanOutput(out).settings()["inputs"] == [str(crawl)]
    assert ScanOutput(out).settings()["corpus"] == str(Path(corpus_path).resolve())
    later = tmp_path / "later.warc.gz"
    write_warc(later, [("https://farm.example/later", html(STORIES[20]), "text/html")])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    again = scan([str(later)], "", out, resume=True)  # the scan's own corpus, found from here
    assert (again.pages, again.already_done, dict(again.kinds)["verbatim copy"]) == (1, 6, 1)
    assert list(elsewhere.iterdir()) == []  # no empty corpus made here


def test_a_mistyped_corpus_stops_the_scan_before_it_records_anything(
    crawl: Path, tmp_path: Path
) -> None:
    # Opened, a corpus at a mistyped path would be created empty: every page "not a copy".
    with pytest.raises(InputError, match=r"typo\.db: no corpus there; build one"):
        scan([str(crawl)], str(tmp_path / "typo.db"), tmp_path / "scan")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crawl.warc.gz", "scan"]
    assert not (tmp_path / "scan" / "scan.json").exists()


def test_a_mistyped_new_input_leaves_a_finished_scan_as_it_was(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "scan"
    scan([str(crawl)], corpus_path, out)
    before = ScanOutput(out).settings()
    with pytest.raises(InputError, match=r"later\.warcgz: no such file or folder"):
        scan([str(tmp_path / "later.warcgz")], "", out, resume=True)
    assert ScanOutput(out).settings() == before  # still completed, its inputs as they were
    assert scan([], "", out, resume=True).already_done == 6  # and it resumes


def test_an_exact_duplicate_capture_is_recorded_once(corpus_path: str, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    page = ("https://farm.example/copied", html(STORIES[10]), "text/html")
    elsewhere = ("https://mirror.example/copied", html(STORIES[10]), "text/html")
    write_warc(crawl, [page, page, elsewhere])  # captured twice; the mirror is another page
    out = tmp_path / "scan"
    stats = scan([str(crawl)], corpus_path, out)
    assert (stats.pages, stats.skipped) == (2, 1)
    [first, mirror] = tables(out)["pages"]
    [duplicate] = ScanOutput(out).table("errors").to_pylist()
    assert duplicate["reason"] == f"an exact duplicate of {first['record']}"
    assert mirror["url"] == "https://mirror.example/copied"


def test_page_ids_do_not_depend_on_how_the_input_path_is_spelled(
    crawl: Path, corpus_path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan([str(crawl)], corpus_path, tmp_path / "absolute")
    monkeypatch.chdir(crawl.parent)
    scan([f"./{crawl.name}"], corpus_path, tmp_path / "relative")
    ids = [
        sorted(p["page_id"] for p in tables(tmp_path / f)["pages"])
        for f in ("absolute", "relative")
    ]
    assert ids[0] == ids[1] and len(ids[0]) == 4


def test_an_interrupted_scan_says_so_in_its_report_until_it_is_resumed(
    crawl: Path, corpus_path: str, tmp_path: Path
) -> None:
    from unspin.batch.sites import render_sites

    out = tmp_path / "scan"

    def killed(_stats: object) -> None:
        raise Killed

    with pytest.raises(Killed):
        scan([str(crawl)], corpus_path, out, part_size=1, on_progress=killed)
    assert ScanOutput(out).settings()["completed"] is False
    report = render_sites(out, tmp_path / "sites.html")
    assert "<b>This scan did not complete</b>" in report
    assert f"unspin scan --resume --out {out}" in report
    scan([], "", out, resume=True)
    settings = ScanOutput(out).settings()
    assert settings["completed"] is True and settings["finished"] >= settings["started"]
    assert "did not complete" not in render_sites(out, tmp_path / "sites.html")


def test_parts_shrink_as_a_cluster_has_more_worker_threads() -> None:
    from unspin.batch import part_size_for

    assert [part_size_for(t) for t in (0, 1, 2, 4, 16)] == [64, 32, 16, 8, 8]


def test_a_resumed_scan_finds_a_records_file_by_lookup_whatever_its_path_holds() -> None:
    from unspin.batch import _Done
    from unspin.batch.rows import page_id

    files = {"in/a:b.jsonl": "/abs/in/a:b.jsonl", "c@d.warc": "/abs/c@d.warc", "p.html": "/p.html"}
    done = frozenset(page_id(k) for k in ("/abs/in/a:b.jsonl:7", "/abs/c@d.warc@123", "/p.html"))
    is_done = _Done(done, files)
    assert [is_done(x) for x in ("in/a:b.jsonl:7", "c@d.warc@123", "p.html")] == [True] * 3
    assert [is_done(x) for x in ("in/a:b.jsonl:8", "c@d.warc@9", "other.html")] == [False] * 3
