"""Quotations reworded, invented or given to someone else.

Words inside quote marks promise the speaker's exact words, so any change to them is a finding;
a copy may still quote a shorter run of the same words, or lose a closing mark at a paragraph end.
"""

from __future__ import annotations

from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.model import Doc, Finding, Quote
from unspin.text import STOPWORDS, tokens

# A copy quote and a source quote are the same statement when they share this share of the
# copy quote's content words (or when they are the only quote on each side of a group).
SAME_STATEMENT = 0.5


def _words(doc: Doc, quote: Quote) -> list[str]:
    return [t.lower for t in tokens(doc.text, quote.start, quote.end)]


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in STOPWORDS}


def _is_run(short: list[str], long: list[str]) -> bool:
    """`short` is a contiguous run of `long` (the copy quotes part of the statement verbatim)."""
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _overlap(a: list[str], b: list[str]) -> float:
    ca = _content(a) or set(a)
    return len(ca & (_content(b) or set(b))) / max(len(ca), 1)


_NOT_NAMES = {"he", "she", "they", "it", "we", "i", "you", "the", "a", "an"}


def _surname(name: str) -> str | None:
    """The last capitalised word of a speaker, or None when the speaker is not a name."""
    parts = [p for p in name.replace("’s", "").split() if p[:1].isupper()]
    last = parts[-1].lower() if parts else ""
    return None if not last or last in _NOT_NAMES else last


@detector("quote_altered", "quote_fabricated", "quote_misattributed")
def quotes(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.groups:
        copy_quotes = group.copy_items(group.copy.quotes)
        source_quotes = group.source_items(group.source.quotes)
        for quote in copy_quotes:
            yield from _check(group, quote, source_quotes, len(copy_quotes) == 1)


def _check(group: Group, quote: Quote, local: list[Quote], only_one: bool) -> Iterator[Finding]:
    copy_words = _words(group.copy, quote)
    if not copy_words:
        return
    candidates = [(q, _words(group.source, q)) for q in group.source.quotes]
    scored = [(_overlap(copy_words, words), q, words) for q, words in candidates]
    score, match, match_words = max(scored, key=lambda x: x[0], default=(0.0, None, []))
    if score < SAME_STATEMENT and only_one and len(local) == 1:
        # One quote on each side of aligned sentences: the same statement, however reworded.
        match, match_words = local[0], _words(group.source, local[0])
    elif score < SAME_STATEMENT:
        match = None
    if match is None:
        yield group.finding(
            "quote_fabricated",
            "high",
            (quote.start, quote.end),
            group.source_range,
            f"the copy puts {quoted(group.copy.span_text(quote))} in quote marks; "
            "the source quotes no such words",
        )
        return
    faithful = _is_run(copy_words, match_words) or (
        not quote.closed and _is_run(match_words, copy_words[: len(match_words)])
    )
    if not faithful:
        yield group.finding(
            "quote_altered",
            "high",
            (quote.start, quote.end),
            (match.start, match.end),
            f"the quotation is reworded; the source quotes {quoted(group.source.span_text(match))}",
        )
    ours, theirs = _surname(quote.speaker), _surname(match.speaker)
    if ours and theirs and ours != theirs:
        yield group.finding(
            "quote_misattributed",
            "high",
            _speaker_span(quote),
            _speaker_span(match),
            f"the copy gives these words to {quoted(quote.speaker)}; "
            f"the source quotes {quoted(match.speaker)}",
        )


def _speaker_span(quote: Quote) -> tuple[int, int]:
    if quote.speaker_start >= 0:
        return (quote.speaker_start, quote.speaker_end)
    return (quote.start, quote.end)
