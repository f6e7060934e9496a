"""The data model's span search and token layer: what every stage uses to find the spans and
the words of a sentence."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unspin.model
from unspin.model import Article, Doc, Name, Span, SpanIndex, spans_overlap
from unspin.segmentation import segment
from unspin.text import TextTokens, tokens


@given(
    spans=st.lists(
        st.tuples(st.integers(0, 200), st.integers(0, 60)).map(lambda p: (p[0], p[0] + p[1])),
        max_size=30,
    ),
    start=st.integers(0, 260),
    length=st.integers(1, 80),
)
def test_a_span_index_finds_exactly_the_spans_a_full_scan_finds(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    items = tuple(Name(a, b) for a, b in sorted(spans))
    end = start + length
    expected = [x for x in items if x.start < end and start < x.end]
    assert SpanIndex(items).overlapping(start, end) == expected


def test_within_gives_the_spans_wholly_inside_a_range() -> None:
    names = (Name(0, 5), Name(3, 9), Name(10, 12), Name(12, 20))
    doc = Doc(Article(text="x" * 20), (), names=names)
    assert doc.within(doc.names, 3, 12) == [Name(3, 9), Name(10, 12)]
    assert doc.within(doc.names, 13, 20) == []


@given(
    spans=st.lists(
        st.tuples(st.integers(0, 200), st.integers(1, 60)).map(lambda p: (p[0], p[0] + p[1])),
        max_size=30,
    ),
    offset=st.integers(0, 260),
)
def test_a_span_index_says_whether_a_span_holds_an_offset(
    spans: list[tuple[int, int]], offset: int
) -> None:
    items = tuple(Name(a, b) for a, b in sorted(spans))
    assert SpanIndex(items).inside(offset) == any(x.start <= offset < x.end for x in items)


def test_a_doc_reads_its_words_once_and_gives_each_range_what_the_tokenizer_gives() -> None:
    doc = segment(Article("Kyiv said on Tuesday. “We won’t,” Reznikov told reporters.\n\nF-16s."))
    with patch.object(unspin.model, "TextTokens", wraps=TextTokens) as read:
        for s in doc.sentences:
            assert doc.tokens(s.start, s.end) == tokens(doc.text, s.start, s.end)
        assert [t.lower for t in doc.tokens(0, 21)] == ["kyiv", "said", "on", "tuesday"]
        assert doc.tokens() == tokens(doc.text)
    read.assert_called_once_with(doc.text)


def test_a_span_is_a_pair_of_offsets_a_doc_gives_the_text_of() -> None:
    doc = Doc(Article(text="Oleksii Reznikov said."), ())
    span = Span(8, 16)
    assert span == (8, 16)
    assert doc.span_text(span) == "Reznikov"


def test_sentence_at_gives_the_sentence_holding_an_offset() -> None:
    doc = segment(Article("Troopers said the bear was shot. Its cubs were not found."))
    second = doc.sentences[1].start
    assert [doc.sentence_at(at) for at in (0, second - 1, second, len(doc.text) - 1)] == [
        0,
        0,
        1,
        1,
    ]
    assert segment(Article("  Troopers said so.")).sentence_at(0) == -1


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        ((0, 5), (4, 9), True),  # one character in common
        ((0, 5), (5, 9), False),  # ends are exclusive: touching is not overlapping
        ((2, 3), (0, 9), True),  # one inside the other
        ((0, 5), None, False),  # a finding without a span on that side overlaps nothing
        (None, None, False),
    ],
)
def test_spans_overlap_when_they_share_a_character(
    a: tuple[int, int] | None, b: tuple[int, int] | None, shared: bool
) -> None:
    assert spans_overlap(a, b) is shared
    assert spans_overlap(b, a) is shared
