"""Size limits shared by every way unspin reads input."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

from unspin.model import Article

MAX_BYTES = 5_000_000  # the largest file, page or stdin unspin reads
# Markup tags ("<") in a page unspin extracts: trafilatura's cost grows faster than the page
# (a review: 100,000 "<p>x</p>" took 6 s to extract, 300,000 links 21 s and 863 MB), and a
# news page has a few thousand.
MAX_TAGS = 100_000
# The longest article text (after extraction) unspin compares: about 50,000 words, past the
# longest news features (about 20,000). Work grows about linearly with length below it; a
# pair at the limit compares in about 2.6 s and 0.3 GB (benchmarks/limits.py).
MAX_ARTICLE_CHARS = 300_000
# The most sentences an article may have: comparing two texts weighs every pair of their
# sentences, so the work grows with the square of this (3,000 each: about 0.3 GB, a second or
# two). News has tens to hundreds; 300,000 characters of "Go now. " would be 37,500.
MAX_SENTENCES = 3_000
# Work kept between pages (a story's words, its segmented Doc) is kept for stories no longer
# than this, news length: caches bounded by count alone would grow with the longest texts.
STORY_KEPT_CHARS = 20_000

P = ParamSpec("P")
R = TypeVar("R")


def kept_per_story(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """`lru_cache(maxsize)` for a function of a corpus story (its first argument: the story's
    text or its Article), bypassed for stories longer than STORY_KEPT_CHARS. A crawl meets one
    wire story on many pages. What it returns is shared: callers must not change it."""

    def wrap(function: Callable[P, R]) -> Callable[P, R]:
        kept = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            story = args[0]
            text = story.text if isinstance(story, Article) else str(story)
            return (function if len(text) > STORY_KEPT_CHARS else kept)(*args, **kwargs)

        return call

    return wrap


def describe_size(n_bytes: int) -> str:
    """A size limit as people say it: "5 MB", or "1,000 bytes" for limits that are not whole MB."""
    if n_bytes >= 1_000_000 and n_bytes % 1_000_000 == 0:
        return f"{n_bytes // 1_000_000} MB"
    return f"{n_bytes:,} bytes"
