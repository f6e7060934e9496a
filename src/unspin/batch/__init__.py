"""`unspin scan`: check every page of crawls, feeds, folders or lists of URLs against a corpus and
record what was found, in Parquet tables that survive interruption (output.py), in this process
or on a Dask cluster.

Work is cut into parts (`part_size_for`). A part is checked by `check_part` (in this process,
or as a Dask task on a worker that opens the corpus once) and committed atomically by the
process that runs the scan, so a killed scan resumes with every committed part kept and none
repeated.
"""

from __future__ import annotations

import itertools
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from unspin.errors import InputError, UnspinError, require_extra

# Before anything imports them: without the extra, one line saying what to install.
require_extra(
    "scan",
    "scanning (unspin scan, unspin report)",
    "pyarrow",
    "pandas",
    "matplotlib",
    "distributed",
)

from unspin.batch.output import Part, ScanOutput  # noqa: E402
from unspin.batch.rows import content_hash, error_row, page_id, page_rows  # noqa: E402
from unspin.corpus import shared_corpus  # noqa: E402
from unspin.model import KINDS, Article  # noqa: E402

PART_SIZE = 64  # records per part in this process: a commit every few seconds on 2 cores
IN_FLIGHT = 2  # parts queued per Dask worker thread, so none waits for work
SMALLEST_PART = 8


def part_size_for(threads: int) -> int:
    """Records per part: PART_SIZE in this process (threads=0); on a cluster, smaller as it
    has more worker threads, so that the last parts do not leave most workers idle while one
    finishes (the tail costs up to one part per worker) and each worker starts on its first
    part early. Measured in benchmarks/scan.py (docs/scan.md, "Speed")."""
    if threads <= 0:
        return PART_SIZE
    return max(SMALLEST_PART, PART_SIZE // (2 * threads))


log = logging.getLogger(__name__)


class PageInput(NamedTuple):
    """One record to check: its article, or a URL to fetch, or why it cannot be read."""

    record: str  # its location: "crawl.warc.gz@1834", "feed.jsonl:12", a URL
    article: Article | None
    error: str = ""
    url: str = ""  # for records of a list of URLs: fetched by the worker
    key: str = ""  # its canonical location (resolved path), from which its page id is made
    address: str = ""  # the page's URL as the input gives it ("" if none), for a skipped record

    @property
    def page_id(self) -> str:
        return page_id(self.key or self.record)


@dataclass
class ScanStats:
    """How far a scan has got: passed to `on_progress` after each part, and returned."""

    pages: int = 0  # checked in this run
    skipped: int = 0  # records that could not be read or checked, this run
    already_done: int = 0  # records of earlier runs, not checked again
    kinds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    bytes_total: int = 0  # of all the inputs
    bytes_done: float = 0  # of the records checked, or done by an earlier run
    bytes_done_before: float = 0  # of those, the records an earlier run did
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        """Pages checked per second, in this run."""
        return self.pages / max(self.seconds, 1e-9)

    @property
    def share_done(self) -> float:
        """The share of the inputs' bytes whose records are checked: parts run out of order
        on a cluster, so this counts each part's bytes when it is committed, not as read."""
        return min(self.bytes_done / self.bytes_total, 1.0) if self.bytes_total else 1.0

    @property
    def seconds_left(self) -> float | None:
        """The time left at this run's pace (None until it has checked something)."""
        checked = self.bytes_done - self.bytes_done_before
        if checked <= 0:
            return None
        return max(0.0, self.seconds * (self.bytes_total - self.bytes_done) / checked)


# --- inputs ---------------------------------------------------------------------------------------

_URL = re.compile(r"https?://\S+$", re.IGNORECASE)


def _url_list(path: Path) -> list[str] | None:
    """The URLs of a list of URLs (a .urls file, or a .txt file of nothing but URLs)."""
    if path.suffix.lower() not in (".urls", ".txt") or not path.is_file():
        return None
    with path.open(encoding="utf-8", errors="replace") as f:
        lines = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    if path.suffix.lower() == ".urls" or (lines and all(_URL.match(line) for line in lines)):
        return lines
    return None


# What a URL of a list weighs in the share of the inputs done: a page as a crawl stores it (an
# HTML page and its headers, ~50 kB). Counted as one byte, 10,000 URLs before a 1 GB crawl sat
# at 0% done while they were fetched, with hours "left".
URL_BYTES = 50_000

# Inputs past this size are read (extracted, checked as articles) in a child process while this
# one checks pages, as `corpus add` does; smaller ones are not worth starting a process for.
READ_AHEAD_BYTES = 1_000_000


class _Done:
    """Is the record at a location one a resumed scan has committed? Given to the reader
    (maybe in a child process, so a class that pickles) so that it skips extracting it."""

    def __init__(self, done: frozenset[str], files: dict[str, str]) -> None:
        self.done = done
        self.files = files  # each file's path as given -> as resolved (what page ids use)

    def __call__(self, location: str) -> bool:
        # A location is a file's path, or "path:line" or "path@offset": found by dictionary
        # lookups, since a folder of a million pages is a million files.
        for given in (location, location.rpartition(":")[0], location.rpartition("@")[0]):
            if given in self.files:
                return page_id(self.files[given] + location.removeprefix(given)) in self.done
        return False


def read_inputs(
    paths: Sequence[str], done: frozenset[str] = frozenset()
) -> tuple[int, Iterator[tuple[int, PageInput]]]:
    """The total bytes of the inputs, and (bytes read so far, record) for every record.
    Records whose page id is in `done` come without their article (they are not extracted)."""
    from unspin.corpus.ingest import input_files, read_ahead, read_records

    url_lists = {p: urls for p in paths if (urls := _url_list(Path(p))) is not None}
    files = input_files([p for p in paths if p not in url_lists])
    total = sum(f.size for f in files) + URL_BYTES * sum(len(u) for u in url_lists.values())
    resolved = {str(f.path): str(f.path.resolve()) for f in files}
    skip = _Done(done, resolved) if done else None

    def records() -> Iterator[tuple[int, PageInput]]:
        done_bytes = 0
        for urls in url_lists.values():
            for url in urls:
                done_bytes += URL_BYTES
                yield done_bytes, PageInput(url, None, url=url, key=url)
        before = list(itertools.accumulate((f.size for f in files), initial=done_bytes))
        if sum(f.size for f in files) > READ_AHEAD_BYTES:
            read = read_ahead(files, skip=skip)
        else:
            read = ((k, r) for k, file in enumerate(files) for r in read_records(file, skip))
        for index, record in read:
            given = str(files[index].path)
            key = resolved[given] + record.location.removeprefix(given)
            address = record.article.url if record.article else record.url
            page = PageInput(
                record.location, record.article, record.error, key=key, address=address
            )
            yield before[index] + record.position, page

    return total, records()


# --- checking a part (in this process or on a Dask worker) -------------------------------------


def check_part(
    corpus_path: str, pages: list[PageInput], on_page: Callable[[str], None] | None = None
) -> Part:
    """Check every page of a part against the corpus; a page that fails becomes an error row.
    `on_page` is told each page's kind ("" for a failed page) as soon as it is checked."""
    from unspin.pipeline import check, use_one_thread
    from unspin.read import read_input

    use_one_thread()  # one part per worker process (or this one), one worker per core
    corpus = shared_corpus(corpus_path)
    part = Part()
    for page in pages:
        kind = ""
        url = page.url or page.address
        try:
            if page.article is None and not page.url:
                raise UnspinError(page.error or "unreadable")
            article = page.article or read_input(url=page.url, name=page.record)
            report = check(article, corpus)
        except UnspinError as error:
            part.add("errors", [error_row(page.record, page.page_id, str(error), url)])
        except Exception as error:  # a bug must not stop a crawl: the page is recorded as failed
            log.exception("checking %s failed", page.record)
            reason = f"internal error ({type(error).__name__}: {error})"[:300]
            part.add("errors", [error_row(page.record, page.page_id, reason, url)])
        else:
            row, sources, findings = page_rows(page.record, page.page_id, report)
            part.add("pages", [row])
            part.add("sources", sources)
            part.add("findings", findings)
            kind = row["kind"]
        if on_page is not None:
            on_page(kind)
    return part


# --- the scan -------------------------------------------------------------------------------------

Progress = Callable[[ScanStats], None]


def scan(
    inputs: Sequence[str],
    corpus_path: str | Path,
    out: str | Path,
    *,
    resume: bool = False,
    workers: int | None = None,
    dask: str | Any = None,
    part_size: int | None = None,
    on_progress: Progress | None = None,
) -> ScanStats:
    """Check every record of `inputs` against the corpus and write the tables into `out`.

    With `resume`, the scan in `out` goes on: its inputs are scanned again (records already
    committed are skipped) together with any new `inputs` given; `corpus_path` may be empty,
    and must be the scan's own corpus if given. Parts are checked in this process, or on Dask:
    a local cluster of `workers` processes, or the cluster of `dask` (a scheduler's address,
    or a distributed.Client). The folder is locked for the run: a second scan writing it is
    refused. Exact duplicate captures (the same URL and article text) are recorded once, the later
    ones as skipped records naming the first. scan.json says whether the run completed.
    """
    if workers and dask is not None:
        raise InputError("a local cluster of workers, or a Dask cluster: choose one")
    output = ScanOutput(Path(out))
    with output.locked():
        if resume and (output.folder / "scan.json").exists():
            inputs, corpus_path = _resumed(output.settings(), inputs, corpus_path, output.folder)
        inputs, corpus_path = _usable(inputs, corpus_path)
        with _dask_client(workers, dask) as client:
            corpus_stats = shared_corpus(corpus_path).stats()  # parts checked here reuse it
            output.start(inputs, corpus_path, resume=resume, corpus_stats=corpus_stats)
            if part_size is None:
                part_size = part_size_for(sum(client.nthreads().values()) if client else 0)
            stats = _run(output, inputs, corpus_path, client, part_size, on_progress)
            output.finish()
    return stats


def _usable(inputs: Sequence[str], corpus_path: str | Path) -> tuple[list[str], str]:
    """The inputs and the corpus as absolute paths, each checked before the scan records
    them: scan.json keeps them for a resume, which may run in another folder, and a missing
    one must stop the run first (an input that cannot be opened would stop every resume after
    it; a corpus opened at a mistyped path would be created empty, and every page called
    "not a copy")."""
    from unspin.corpus.ingest import input_files

    if not Path(corpus_path).is_file():
        raise InputError(f"{corpus_path}: no corpus there; build one with `unspin corpus add`")
    for given in inputs:
        path = Path(given)
        if not path.is_dir() and _url_list(path) is None:
            input_files([given])  # a missing file, or one of no kind unspin reads: one line
    return [str(Path(p).resolve()) for p in inputs], str(Path(corpus_path).resolve())


PROFILER = "distributed.worker.profile.enabled"  # Dask's setting for its workers' profiler


@contextmanager
def local_cluster(workers: int) -> Iterator[Any]:
    """A client of the local Dask cluster `unspin scan --workers N` runs on (benchmarks/scan.py
    measures this one). One thread per worker: checking is CPU-bound Python, and a process per
    core is what gives it the cores. Without Dask's sampling profiler, which reads the task's
    stack every 10 ms: it cost a worker 7 ms of CPU a page (61 -> 54 ms, docs/scan.md)."""
    import dask.config
    from distributed import Client, LocalCluster

    with (
        dask.config.set({PROFILER: False}),
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


@contextmanager
def _dask_client(workers: int | None, dask: str | Any) -> Iterator[Any]:
    """A Dask client for the scan's parts, or None to check them in this process."""
    if not workers and dask is None:
        yield None
        return
    from distributed import Client

    if not isinstance(dask, str | None):  # the caller's own client
        yield dask
    elif workers:
        with local_cluster(workers) as client:
            yield client
    else:
        try:
            client = Client(dask)
        except (OSError, ValueError, TimeoutError) as error:
            raise InputError(f"cannot reach the Dask scheduler at {dask}: {error}") from None
        with client:
            yield client


def _resumed(
    settings: dict, inputs: Sequence[str], corpus_path: str | Path, folder: Path
) -> tuple[list[str], str]:
    """The inputs and corpus of a resumed scan: its own, and the new inputs given."""
    if corpus_path and Path(corpus_path).resolve() != Path(settings["corpus"]).resolve():
        raise InputError(
            f"{folder}: that scan checks against {settings['corpus']}, not {corpus_path}; "
            "resume it with its own corpus, or pick another --out"
        )
    recorded = list(settings["inputs"])
    known = {Path(p).resolve() for p in recorded}
    new = [p for p in inputs if Path(p).resolve() not in known]
    return recorded + new, settings["corpus"]


def _run(
    output: ScanOutput,
    inputs: Sequence[str],
    corpus_path: str,
    client: Any,
    part_size: int,
    on_progress: Progress | None,
) -> ScanStats:
    done = output.done()
    first_with = {h: record for record, h in done.values() if h}  # text hash -> first capture
    stats = ScanStats(already_done=len(done))
    total, records = read_inputs(inputs, frozenset(done))
    stats.bytes_total = total

    def parts() -> Iterator[tuple[list[PageInput], int]]:
        """The parts to check, each with the bytes of input its records span."""
        batch: list[PageInput] = []
        at = extent = 0  # where the last record ended; bytes the batch spans
        for position, page in records:
            extent, at = extent + position - at, position
            if page.page_id in done:
                if not batch:  # done before: its bytes count as done (not if inside a batch)
                    stats.bytes_done += extent
                    stats.bytes_done_before += extent
                    extent = 0
                continue
            done[page.page_id] = (page.record, "")  # a record repeated in the inputs: once
            if page.article is not None:
                text = content_hash(page.article)
                if text in first_with:
                    duplicate = f"an exact duplicate of {first_with[text]}"
                    page = page._replace(article=None, error=duplicate)
                else:
                    first_with[text] = page.record
            batch.append(page)
            if len(batch) == part_size:
                yield batch, extent
                batch, extent = [], 0
        if batch:
            yield batch, extent
        stats.bytes_done += stats.bytes_total - at  # what no record holds (a file's tail)

    def counted(kind: str, extent: float) -> None:
        """One page checked here: counted at once (it is committed with its part), with its
        share of the part's bytes."""
        stats.bytes_done += extent
        if kind:
            stats.pages += 1
            stats.kinds[kind] += 1
        else:
            stats.skipped += 1
        if on_progress is not None:
            on_progress(stats)

    def committed(part: Part, extent: float, *, count: bool) -> None:
        output.commit(part)
        stats.bytes_done += extent
        if count:  # a part checked elsewhere: its pages are counted now
            for row in part.rows["pages"]:
                stats.pages += 1
                stats.kinds[row["kind"]] += 1
            stats.skipped += len(part.rows["errors"])
        if on_progress is not None:
            on_progress(stats)

    if client is None:
        for batch, extent in parts():
            part = check_part(corpus_path, batch, partial(counted, extent=extent / len(batch)))
            committed(part, 0, count=False)
    else:
        _scan_on_dask(client, corpus_path, parts(), partial(committed, count=True))
    output.write_errors_jsonl()
    if on_progress is not None:
        on_progress(stats)
    return stats


def _scan_on_dask(
    client: Any,
    corpus_path: str,
    parts: Iterator[tuple[list[PageInput], int]],
    commit: Callable[[Part, int], None],
) -> None:
    """Run the parts as Dask tasks, a few per worker thread at a time (memory stays bounded
    however big the crawl), committing each as it finishes."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    queue = as_completed()
    extents: dict[str, int] = {}  # future's key -> bytes its part spans
    for batch, extent in parts:
        future = client.submit(check_part, corpus_path, batch, pure=False)
        extents[future.key] = extent
        queue.add(future)
        while queue.count() >= IN_FLIGHT * threads:
            finished = next(queue)
            commit(finished.result(), extents.pop(finished.key))
    for future in queue:
        commit(future.result(), extents.pop(future.key))
