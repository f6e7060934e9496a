"""Reports made in worker processes.

Comparing is CPU-bound Python: threads of one process take turns on one interpreter lock, so
two analysis threads ran 18 compares/s on 2 cores where two processes run 30 (benchmarks/
serve.py). Inputs are fetched on the server's threads, which mostly wait on the network; what
was given (a page's bytes, HTML or text) goes to a process, which extracts the articles,
compares, renders and sends back text: extraction, whose cost grows faster than a page, is
under the job's time and memory budget with the comparing.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

from unspin.corpus import shared_corpus
from unspin.fetch import FetchedPage
from unspin.model import Article
from unspin.read import MIN_WORDS


@dataclass(frozen=True, slots=True)
class GivenArticle:
    """One input as a worker reads it: a fetched page, or HTML or text as the client sent it."""

    name: str  # as errors call it: "the copy", "source 1"
    page: FetchedPage | None = None
    html: str = ""
    text: str = ""
    title: str | None = None
    min_words: int = MIN_WORDS

    def read(self) -> Article:
        from unspin.read import read_fetched, read_input

        if self.page is not None:
            return read_fetched(self.page, self.name, self.min_words)
        return read_input(
            html=self.html,
            text=self.text,
            title=self.title,
            name=self.name,
            min_words=self.min_words,
        )


@dataclass(frozen=True, slots=True)
class RenderedReport:
    title: str
    verdict: str
    json: str  # schema unspin.report/1
    html: str  # the report page


def make_report(
    report_id: str, given: GivenArticle, given_sources: list[GivenArticle], corpus_path: str
) -> RenderedReport:
    """Read the copy and the sources, then compare the copy with them, or without sources find
    them in the corpus first."""
    from unspin.pipeline import check, compare
    from unspin.report import render_html, report_to_json

    copy, sources = given.read(), [s.read() for s in given_sources]
    report = compare(copy, sources) if sources else check(copy, shared_corpus(corpus_path))
    page = render_html(
        report,
        script_src="/static/report.js",
        style_href="/static/report.css",
        links=[
            ("New check", "/"),
            ("Corpus", "/corpus"),
            ("Permanent link", f"/reports/{report_id}"),
            ("JSON", f"/api/reports/{report_id}"),
        ],
    )
    return RenderedReport(
        report.copy.article.title, report.summary.verdict, report_to_json(report), page
    )


def start_worker() -> None:
    """In a new worker process: end with the server, however it ends (a pool's workers outlive
    a parent killed or exiting without waiting for them), and load the embedding models now
    rather than in the first request."""
    from unspin.pipeline import default_encoders, use_one_thread

    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="unspin-watch-server").start()
    use_one_thread()  # one analysis per worker process, one worker per core
    default_encoders()
