"""End-to-end scan throughput: in this process, and on a local Dask cluster of 1 and 2 workers,
against a corpus of real wire stories; then random kills of the command and resumes. Run by hand:

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/scan.py [--corpus-size 100000] [--pages 1500]
    ... --kills 20                   # also kill `unspin scan` 20 times at random and resume it
    ... --stages 400                 # only: where a check's CPU goes, over 400 pages

Corpus: the first --corpus-size stories of ../shared/data/reuters_ding2014 (Reuters
2006-2013; read at run time, never copied into the repository) but 400 prose stories held out,
built once and kept in --db (default /tmp/unspin-scan-bench/corpus-<size>.db). Crawl: one
WARC.gz of --pages HTML pages on 20 made-up sites: 40% spun copies of the corpus's prose
stories (unspin.testing.spin, medium or heavy), 15% verbatim copies, 15% spun copies crediting
"(Reuters)", 20% held-out stories (original to the corpus), 10% that are not articles (images,
pages of navigation only).

Printed as markdown: per run, pages per second end to end (reading the WARC, extracting,
finding sources, comparing, writing the tables; every record counted, skipped ones too),
seconds, peak RSS of the scanning process and of each Dask worker (VmHWM), and the ratios the
issue asks for: Dask overhead (1 - rate on 1 worker / rate in-process, one core each) and
parallel efficiency (rate on 2 workers / twice the rate on 1). With --kills: records lost or
counted twice after the kills, compared with the in-process run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from unspin.batch import local_cluster, scan
from unspin.batch.output import ScanOutput
from unspin.corpus import Corpus
from unspin.model import Article
from unspin.testing.crawl import write_warc
from unspin.testing.datasets import is_prose, reuters_ding2014_articles
from unspin.testing.spin import spin

SITES = [f"news-{n:02d}.example" for n in range(20)]
HELD_OUT = 400  # prose stories kept out of the corpus: the crawl's original pages


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def vm_hwm_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def split(corpus_size: int, held_out: int) -> tuple[list[Article], list[Article]]:
    """The corpus (the first corpus_size stories but the held-out ones) and the held-out prose
    stories (every 4th prose story, up to held_out), never in the corpus."""
    corpus, outside, prose = [], [], 0
    for article in reuters_ding2014_articles():
        if is_prose(article):
            prose += 1
            if prose % 4 == 0 and len(outside) < held_out:
                outside.append(article)
                continue
        if len(corpus) < corpus_size:
            corpus.append(article)
    return corpus, outside


def build_corpus(path: Path, stories: list[Article]) -> None:
    if path.is_file():
        say(f"using the corpus in {path}")
        return
    say(f"building a corpus of {len(stories):,} stories in {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with Corpus(path) as corpus:
        corpus.add(stories)
    say(f"built in {time.perf_counter() - started:.0f} s")


def page(article: Article, site: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in article.text.split("\n\n"))
    return (
        f'<html><head><title>{article.title}</title><meta property="og:site_name" '
        f'content="{site}"></head><body><nav><a href="/">Home</a></nav><article>'
        f"<h1>{article.title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def write_crawl(
    path: Path, corpus: list[Article], outside: list[Article], n_pages: int, seed: int
) -> None:
    rng = random.Random(seed)
    pool = [a for a in corpus if is_prose(a)]  # sources: the corpus's prose stories
    pages = []
    for n in range(n_pages):
        site = rng.choice(SITES)
        roll = rng.random()
        source = rng.choice(pool)
        if roll < 0.40:
            intensity = rng.choice(["medium", "heavy"])
            body = page(spin(source, seed=n, intensity=intensity).copy, site)
        elif roll < 0.55:
            body = page(source, site)
        elif roll < 0.70:
            copy = spin(source, seed=n, intensity="medium").copy
            body = page(Article(f"(Reuters) - {copy.text}", title=copy.title), site)
        elif roll < 0.90:
            body = page(rng.choice(outside), site)
        elif roll < 0.95:
            body = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(100, 5000))
        else:
            body = b"<html><body><nav><a href=/>Home</a> <a href=/a>About</a></nav></body>"
        kind = "image/png" if body.startswith(b"\x89PNG") else "text/html"
        pages.append((f"https://{site}/story/{n}", body, kind))
    write_warc(path, pages)


def run(crawl: Path, db: Path, out: Path, workers: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    worker_rss: list[float] = []
    if workers == 0:
        stats = scan([str(crawl)], str(db), out)
    else:
        with local_cluster(workers) as client:  # the cluster `unspin scan --workers N` starts
            stats = scan([str(crawl)], str(db), out, dask=client)
            worker_rss = list(client.run(vm_hwm_mb).values())
    seconds = time.perf_counter() - started
    records = stats.pages + stats.skipped
    return {
        "run": "in-process" if workers == 0 else f"dask, {workers} worker{'s' * (workers > 1)}",
        "records": records,
        "pages": stats.pages,
        "skipped": stats.skipped,
        "kinds": stats.kinds,
        "seconds": seconds,
        "rate": records / seconds,
        "driver_rss_mb": vm_hwm_mb(),
        "worker_rss_mb": worker_rss,
    }


# Where a check's CPU goes: (label, module, function). Each is timed wherever it is called
# from (pipeline.align also for the partial-copy test); nested ones are counted in their parent.
STAGES = (
    ("check, all of it", "unspin.pipeline", "check"),
    ("finding the source", "unspin.find", "find_sources"),
    ("  candidate searches", "unspin.find", "_candidates"),
    ("  judging candidates", "unspin.find", "_judged"),
    ("aligning", "unspin.pipeline", "align"),
    ("  the accurate model's second opinion", "unspin.align", "_second_opinion"),
    ("segmenting the copy and its sources", "unspin.pipeline", "segment"),
    ("detecting", "unspin.pipeline", "detect"),
)


KIND_COLUMNS = ("verbatim copy", "spun copy", "not a copy")  # the kinds of nine pages in ten


def stage_times(
    crawl: Path, db: Path, n_pages: int
) -> tuple[dict[str, dict[str, float]], Counter[str]]:
    """CPU milliseconds per checked page in each of STAGES, over the crawl's first n_pages
    articles (after 20 more to warm the caches), in this process on one thread, as a scan
    checks them: for all pages ("all") and for each kind the check gave a page. Also the
    pages of each kind."""
    import importlib

    from unspin import pipeline
    from unspin.corpus import shared_corpus
    from unspin.corpus.ingest import input_files, read_records

    pipeline.use_one_thread()
    articles = []
    for record in read_records(input_files([str(crawl)])[0]):
        if record.article is not None:
            articles.append(record.article)
        if len(articles) == n_pages + 20:
            break
    corpus = shared_corpus(str(db))
    spent: Counter[str] = Counter()  # the page being checked, by stage

    def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def measured(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - started

        return measured

    for label, module_name, name in STAGES:
        module = importlib.import_module(module_name)
        setattr(module, name, timed(label, getattr(module, name)))
    for article in articles[:20]:
        pipeline.check(article, corpus)
    by_kind: dict[str, Counter[str]] = {"all": Counter()}
    pages: Counter[str] = Counter()
    for article in articles[20:]:
        spent.clear()
        kind = pipeline.check(article, corpus).summary.kind
        for key in ("all", kind):
            by_kind.setdefault(key, Counter()).update(spent)
            pages[key] += 1
    table = {
        kind: {label: 1000 * times[label] / pages[kind] for label, _, _ in STAGES}
        for kind, times in by_kind.items()
    }
    return table, pages


def kills(crawl: Path, db: Path, out: Path, n: int, seed: int) -> int:
    """Kill `unspin scan` n times at random moments (after it has started committing), then
    resume to the end; return how many runs it took."""
    shutil.rmtree(out, ignore_errors=True)
    rng = random.Random(seed)
    command = [sys.executable, "-m", "unspin.cli", "scan", str(crawl), "--db", str(db)]
    command += ["--out", str(out), "--part-size", "8"]
    for k in range(n):
        process = subprocess.Popen(
            command + (["--resume"] if k else []),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(3.0, 8.0))  # start-up takes ~2-3 s; then parts commit
        if process.poll() is not None:
            say(f"kill {k + 1}: the scan had already finished")
            break
        process.send_signal(signal.SIGKILL)
        process.wait()
        say(f"kill {k + 1}/{n}")
    subprocess.run([*command, "--resume"], check=True, capture_output=True)
    return n


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus-size", type=int, default=100_000)
    p.add_argument("--pages", type=int, default=1500)
    p.add_argument("--db", type=Path)
    p.add_argument("--kills", type=int, default=0)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--json", type=Path)
    p.add_argument(
        "--stages", type=int, metavar="N", help="only: a check's CPU by stage over N pages"
    )
    a = p.parse_args()
    work = Path("/tmp/unspin-scan-bench")
    db = a.db or work / f"corpus-{a.corpus_size}.db"
    corpus, outside = split(a.corpus_size, HELD_OUT)
    build_corpus(db, corpus)
    crawl = work / f"crawl-{a.pages}-{a.seed}.warc.gz"
    if not crawl.is_file():
        say(f"writing a crawl of {a.pages:,} pages")
        write_crawl(crawl, corpus, outside, a.pages, a.seed)
    if a.stages:
        table, pages = stage_times(crawl, db, a.stages)
        columns = ["all", *(k for k in KIND_COLUMNS if k in table)]
        print(f"\n## A check's CPU by stage, {a.stages} pages, {a.corpus_size:,} stories\n")
        print("ms of CPU per page, for all pages and by the kind the check gave them:\n")
        print("| stage | " + " | ".join(f"{k} ({pages[k]})" for k in columns) + " |")
        print("|---" * (len(columns) + 1) + "|")
        for label, _, _ in STAGES:
            print(f"| {label} | " + " | ".join(f"{table[k][label]:.1f}" for k in columns) + " |")
        return
    results = []
    for workers in (0, 1, 2):
        say(f"scanning: {'in-process' if workers == 0 else f'{workers} Dask workers'}")
        results.append(run(crawl, db, work / f"out-{workers}", workers))
    print(f"\n## Scan of {a.pages:,} records against {a.corpus_size:,} stories, 2 cores\n")
    print(
        "| run | records | pages checked | skipped | seconds | records/s | peak RSS scanner "
        "| peak RSS per worker |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        workers = ", ".join(f"{m:,.0f} MB" for m in r["worker_rss_mb"]) or "n/a"
        print(
            f"| {r['run']} | {r['records']:,} | {r['pages']:,} | {r['skipped']:,} | "
            f"{r['seconds']:.1f} | {r['rate']:.1f} | {r['driver_rss_mb']:,.0f} MB | {workers} |"
        )
    here, one, two = (r["rate"] for r in results)
    print(f"\nKinds found in-process: {json.dumps(results[0]['kinds'])}")
    print(
        f"Dask overhead at one core: {1 - one / here:+.1%} (target <= 10%); parallel efficiency "
        f"on 2 workers: {two / (2 * one):.0%}; best rate {max(here, one, two):.1f} records/s "
        "(target >= 50 pages/s)."
    )
    report = {"args": {k: str(v) for k, v in vars(a).items()}, "runs": results}
    if a.kills:
        out = work / "out-kills"
        kills(crawl, db, out, a.kills, a.seed)
        reference = ScanOutput(work / "out-0")
        killed = ScanOutput(out)
        expected = {record for record, _hash in reference.done().values()}  # by record
        got_pages = killed.table("pages").column("record").to_pylist()
        got_errors = killed.table("errors").column("record").to_pylist()
        got = got_pages + got_errors
        lost, repeated = len(expected - set(got)), len(got) - len(set(got))
        print(
            f"\nAfter {a.kills} random kills and resumes: {len(set(got)):,} of {len(expected):,} "
            f"records, {lost} lost, {repeated} counted twice (target: none)."
        )
        report["kills"] = {"kills": a.kills, "lost": lost, "repeated": repeated}
    if a.json:
        a.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
