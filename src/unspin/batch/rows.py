"""A checked page as rows of the scan's tables: pages, sources, findings and errors.

The tables are plain columns (no unspin types) so that pandas, DuckDB or any Parquet reader can
use them; `output.SCHEMAS` lists each table's columns and docs/scan.md says what they mean.
"""

from __future__ import annotations

import hashlib
from typing import Any

from unspin.model import Article, Report
from unspin.read import host_of
from unspin.report.schema import excerpts, report_to_json
from unspin.summary import reuse_level

Row = dict[str, Any]


def page_id(key: str) -> str:
    """A stable id of a scanned record, from its canonical location (the input's resolved path
    and the record's place in it, or its URL): the same on every run, however the input's path
    is spelled."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def content_hash(article: Article) -> str:
    """What makes two captures exact duplicates: the same address and the same article text
    (the same text at another address is another page: another site republishing it)."""
    return hashlib.sha256(f"{article.url}\n{article.text}".encode()).hexdigest()[:20]


def site_of(article: Article) -> str:
    """The page's site: what the page says, else its URL's host."""
    return article.site or host_of(article.url)


def page_rows(record: str, pid: str, report: Report) -> tuple[Row, list[Row], list[Row]]:
    """The page's row, its sources' rows and its findings' rows."""
    copy = report.copy.article
    s = report.summary
    page = {
        "page_id": pid,
        "record": record,
        "url": copy.url,
        "site": site_of(copy),
        "title": copy.title,
        "date": copy.date,
        "crawled": copy.crawled,
        "sentences": len(report.copy.sentences),
        "kind": s.kind,
        "credited": s.credited,
        "reuse_level": reuse_level(s) if report.sources else "",
        "reuse_share": s.reuse_share,
        "verbatim_share": s.verbatim_share,
        "paraphrase_share": s.paraphrase_share,
        "unsourced_share": s.unsourced_share,
        "copied_share": s.copied_share,
        "fidelity": s.fidelity,
        "findings": len(report.findings),
        "verdict": s.verdict,
        "report": report_to_json(report, indent=None),  # the whole report, for its HTML page
        "content_hash": content_hash(copy),
    }
    sources = [
        {
            "page_id": pid,
            "rank": k,
            "source_id": src.id,
            "title": src.doc.article.title,
            "site": site_of(src.doc.article),
            "date": src.doc.article.date,
            "score": src.score,
            "share": src.share,
            "carriers": [c.id for c in src.carriers],
        }
        for k, src in enumerate(report.sources)
    ]
    findings = []
    for n, f in enumerate(report.findings):
        copy_text, source_text = excerpts(report, f)
        findings.append(
            {
                "page_id": pid,
                "finding": n,
                "type": f.type,
                "severity": f.severity,
                "reason": f.reason,
                "copy_start": f.copy_span[0] if f.copy_span else None,
                "copy_end": f.copy_span[1] if f.copy_span else None,
                "source_rank": f.source,
                "source_start": f.source_span[0] if f.source_span else None,
                "source_end": f.source_span[1] if f.source_span else None,
                "copy_text": copy_text,
                "source_text": source_text,
            }
        )
    return page, sources, findings


def error_row(record: str, pid: str, reason: str, url: str = "") -> Row:
    """A skipped record, with its URL where the input gives one and the site of that URL."""
    return {"page_id": pid, "record": record, "url": url, "site": host_of(url), "reason": reason}
