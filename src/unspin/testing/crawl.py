"""Made-up crawls of news pages, for the scan tests, the scan benchmark and the screenshots:
an article as a page, and a WARC.gz of pages."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from unspin.model import Article


def article_page(article: Article) -> bytes:
    """The article as a plain news page: its title, date (a published-time meta) and text."""
    paragraphs = "".join(f"<p>{p}</p>" for p in article.text.split("\n\n"))
    return (
        f"<html><head><title>{article.title}</title>"
        f'<meta property="article:published_time" content="{article.date}"></head>'
        f"<body><article><h1>{article.title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def write_warc(path: Path, pages: Iterable[tuple[str, bytes, str]]) -> None:
    """A WARC.gz of response records, one per (URL, body, content type)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, content_type in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http
            )
            writer.write_record(record)
