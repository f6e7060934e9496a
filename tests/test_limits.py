"""The cache of work per corpus story (sizes as people say them: tests/test_fetch.py)."""

from __future__ import annotations

from unspin.limits import STORY_KEPT_CHARS, kept_per_story
from unspin.model import Article


def test_work_on_a_news_length_story_is_kept_and_on_a_longer_one_done_afresh() -> None:
    calls: list[str] = []

    @kept_per_story(2)
    def words(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    short, long = "a short story", "x " * STORY_KEPT_CHARS
    assert words(short) is words(short)
    assert words(long) is not words(long)
    assert calls == [short, long, long]


def test_a_story_may_be_given_as_its_article() -> None:
    @kept_per_story(2)
    def title(article: Article) -> list[str]:
        return [article.title]

    story = Article("Some text.", title="A title")
    assert title(story) is title(story)
