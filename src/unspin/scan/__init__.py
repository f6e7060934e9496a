"""`unspin scan`: check every page of crawls, feeds, folders or lists of URLs against a corpus and
record what was found, in Parquet tables that survive interruption (output.py), in this process
or on a Dask cluster.

Work is cut into parts of PART_SIZE records. A part is checked by `check_part` (in this process,
or as a Dask task on a worker that opens the corpus once) and committed atomically by the
process that runs the scan, so a killed scan resumes with every committed part kept and none
repeated.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from unspin.errors import UnspinError
from unspin.model import KINDS, Article
from unspin.scan.output import Part, ScanOutput
from unspin.scan.rows import error_row, page_rows

if TYPE_CHECKING:
    from unspin.corpus import Corpus

PART_SIZE = 64  # records per part: a commit every few seconds on 2 cores
IN_FLIGHT = 2  # parts queued per Dask worker thread, so none waits for work

log = logging.getLogger(__name__)


class PageInput(NamedTuple):
    """One record to check: its article, or a URL to fetch, or why it cannot be read."""

    record: str  # its location: "crawl.warc.gz@1834", "feed.jsonl:12", a URL
    article: Article | None
    error: str = ""
    url: str = ""  # for records of a list of URLs: fetched by the worker


@dataclass
class ScanStats:
    pages: int = 0  # checked in this run
    skipped: int = 0  # records that could not be read or checked, this run
    already_done: int = 0  # records of earlier runs, not checked again
    kinds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    bytes_read: int = 0
    bytes_total: int = 0


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


def read_inputs(paths: Sequence[str]) -> tuple[int, Iterator[tuple[int, PageInput]]]:
    """The total bytes of the inputs, and (bytes read so far, record) for every record."""
    from unspin.corpus.ingest import input_files, read_records

    url_lists = {p: urls for p in paths if (urls := _url_list(Path(p))) is not None}
    files = input_files([p for p in paths if p not in url_lists])
    total = sum(f.size for f in files) + sum(len(u) for u in url_lists.values())

    def records() -> Iterator[tuple[int, PageInput]]:
        done = 0
        for urls in url_lists.values():
            for url in urls:
                done += 1
                yield done, PageInput(url, None, url=url)
        for file in files:
            for record in read_records(file):
                page = PageInput(record.location, record.article, record.error)
                yield done + record.position, page
            done += file.size

    return total, records()


# --- checking a part (in this process or on a Dask worker) -------------------------------------

_CORPORA: dict[str, Corpus] = {}
_CORPORA_LOCK = threading.Lock()


def _corpus(path: str) -> Corpus:
    """The corpus at `path`, opened once per process and thread (a Dask worker runs many tasks;
    its vector index is memory-mapped, so every worker on a host shares its pages)."""
    from unspin.corpus import Corpus

    key = f"{path}#{threading.get_ident()}"  # a SQLite connection belongs to its thread
    with _CORPORA_LOCK:
        if key not in _CORPORA:
            _CORPORA[key] = Corpus(path)
        return _CORPORA[key]


def check_part(corpus_path: str, pages: list[PageInput]) -> Part:
    """Check every page of a part against the corpus; a page that fails becomes an error row."""
    from unspin.compare import check
    from unspin.read import read_article

    corpus = _corpus(corpus_path)
    part = Part()
    for page in pages:
        try:
            if page.article is None and not page.url:
                raise UnspinError(page.error or "unreadable")
            article = page.article or read_article(page.url)
            report = check(article, corpus)
        except UnspinError as error:
            part.add("errors", [error_row(page.record, str(error))])
            continue
        except Exception as error:  # a bug must not stop a crawl: the page is recorded as failed
            log.exception("checking %s failed", page.record)
            reason = f"internal error ({type(error).__name__}: {error})"[:300]
            part.add("errors", [error_row(page.record, reason)])
            continue
        row, sources, findings = page_rows(page.record, report)
        part.add("pages", [row])
        part.add("sources", sources)
        part.add("findings", findings)
    return part


# --- the scan -------------------------------------------------------------------------------------

Progress = Callable[[ScanStats], None]


def scan(
    inputs: Sequence[str],
    corpus_path: str | Path,
    out: str | Path,
    *,
    resume: bool = False,
    dask_client: Any = None,
    part_size: int = PART_SIZE,
    on_progress: Progress | None = None,
) -> ScanStats:
    """Check every record of `inputs` against the corpus and write the tables into `out`.

    With `resume`, `inputs` and `corpus_path` may be empty: those of the scan in `out` are used.
    `dask_client` (a distributed.Client) runs the parts on its cluster.
    """
    output = ScanOutput(Path(out))
    if resume and (output.folder / "scan.json").exists():
        settings = output.settings()
        inputs, corpus_path = settings["inputs"], settings["corpus"]
    output.start(list(inputs), str(corpus_path), resume=resume)
    done = output.done()
    stats = ScanStats(already_done=len(done))
    total, records = read_inputs(inputs)
    stats.bytes_total = total

    def parts() -> Iterator[list[PageInput]]:
        batch: list[PageInput] = []
        for position, page in records:
            stats.bytes_read = position
            if page.record in done:
                continue
            done.add(page.record)  # a record repeated in the inputs is checked once
            batch.append(page)
            if len(batch) == part_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def committed(part: Part) -> None:
        output.commit(part)
        stats.pages += len(part.rows["pages"])
        stats.skipped += len(part.rows["errors"])
        for row in part.rows["pages"]:
            stats.kinds[row["kind"]] += 1
        if on_progress is not None:
            on_progress(stats)

    if dask_client is None:
        for batch in parts():
            committed(check_part(str(corpus_path), batch))
    else:
        _scan_on_dask(dask_client, str(corpus_path), parts(), committed)
    stats.bytes_read = stats.bytes_total
    output.write_errors_jsonl()
    if on_progress is not None:
        on_progress(stats)
    return stats


def _scan_on_dask(
    client: Any, corpus_path: str, parts: Iterator[list[PageInput]], commit: Callable[[Part], None]
) -> None:
    """Run the parts as Dask tasks, a few per worker thread at a time (memory stays bounded
    however big the crawl), committing each as it finishes."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    queue = as_completed()
    for batch in parts:
        queue.add(client.submit(check_part, corpus_path, batch, pure=False))
        while queue.count() >= IN_FLIGHT * threads:
            commit(next(queue).result())
    for future in queue:
        commit(future.result())
