"""The made-up crawls read back as the articles they were made from."""

from __future__ import annotations

import json
from pathlib import Path

from repo_paths import CORPUS_SAMPLE
from unspin.corpus.ingest import input_files, read_records
from unspin.model import Article
from unspin.testing.crawl import article_page, write_warc


def test_a_crawl_of_article_pages_reads_back_as_the_articles(tmp_path: Path) -> None:
    story = json.loads(CORPUS_SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    article = Article(story["text"], title=story["title"], date=story["date"])
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(
        crawl,
        [
            ("https://farm.example/a", article_page(article), "text/html"),
            ("https://farm.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        ],
    )
    [page, image] = read_records(input_files([crawl])[0])
    assert page.article is not None and page.url == "https://farm.example/a"
    assert (page.article.title, page.article.date[:10], page.article.text) == (
        article.title,
        article.date[:10],
        article.text,
    )
    assert (image.article, image.error) == (None, "not HTML (image/png)")
