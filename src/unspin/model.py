"""The plain data model every stage shares.

Like spaCy's Doc/Span: an `Article` holds one immutable text; everything found in it
(sentences, quotations, numbers, attributions, time expressions, names, credits) is a span of
character offsets into that text, in Unicode code points, end exclusive. Stages never copy
or edit text: they add spans. A `Doc` is an article with its spans, made by `segment`.

read -> Article -> segment -> Doc -> align -> Alignment -> detect -> [Finding] -> Report
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Generic, Literal, NamedTuple, Protocol, TypeVar

from unspin.text import TextTokens, Token


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as read: its main text and what is known about it."""

    text: str
    title: str = ""
    url: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD or full timestamp) when known, else ""
    author: str = ""
    site: str = ""
    id: str = ""  # the caller's id for it (corpus id, file name); "" if none
    # When a crawler captured the page (a WARC record's date), for a page read from a crawl:
    # not its date, but one it was published by.
    crawled: str = ""


class Spanned(Protocol):
    start: int
    end: int


class Span(NamedTuple):
    """A range of character offsets into a text, end exclusive: a (start, end) pair with names,
    so `Doc.span_text` gives its text as it gives any span's."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (blank-line separated block) it starts in


@dataclass(frozen=True, slots=True)
class Quote:
    """Words inside quotation marks; start/end exclude the marks themselves."""

    start: int
    end: int
    speaker: str = ""  # surface form of who is quoted, "" when the text does not say
    speaker_span: Span | None = None  # where the text names them, None when it does not
    closed: bool = True  # False when the closing mark is missing (common in spun copies)
    # True when the text credits the quote to a he or she, and `speaker` is our guess of whom
    # (the last person named before): no ground to accuse a copy of giving it to another.
    by_pronoun: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written ("8,500 troops", "48 percent", "half") and its normalised value."""

    start: int
    end: int
    value: float
    unit: str = ""  # "" (a count), "percent", "percentage point", "usd", "eur", "gbp", ...
    approximate: bool = False  # "about", "nearly", "more than" stood before it
    # An order of magnitude in words ("dozens", "hundreds", "tens of thousands"): value is the
    # order's least value, and the quantity stands for any up to VAGUE_SPREAD times that.
    vague: bool = False


VAGUE_SPREAD = 20


@dataclass(frozen=True, slots=True)
class Attribution:
    """A statement credited to someone: "X said", "according to X", "X accused ... of"."""

    start: int  # the whole cue phrase, speaker included
    end: int
    cue: str  # canonical verb or phrase: "say", "according to", "tell", "accuse", "claim", ...
    cue_span: Span  # the cue's words: "said", "according to"
    speaker: str  # as written, reduced to its head: "Oleksii Reznikov", "the State Department"
    speaker_span: Span  # every attribution names a speaker (one without is no attribution)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    value: str  # normalised: "tuesday", "2022-01-21", "january", "this week", "2014", "17:00"

    @property
    def is_clock(self) -> bool:
        """A clock time: "5 p.m.", "5pm" and "five o'clock in the afternoon" are all "17:00"."""
        return len(self.value) == 5 and self.value[2] == ":"


@dataclass(frozen=True, slots=True)
class Name:
    """A proper name: a person, organisation, place or country."""

    start: int
    end: int
    kind: Literal["person", "organisation", "place", "other"] = "other"


@dataclass(frozen=True, slots=True)
class Credit:
    """The page naming a news outlet as its story's source: "(AP)", "the BBC reported"."""

    start: int
    end: int
    outlet: str  # canonical name: "Associated Press", "Reuters", "BBC"


S = TypeVar("S", bound=Spanned)


@dataclass(frozen=True, slots=True)
class Doc:
    """An article with every span `segment` found in it, each tuple sorted by start."""

    article: Article
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    names: tuple[Name, ...] = ()
    credits: tuple[Credit, ...] = ()
    # The text's word tokens, read on first use (`tokens`): a cache, not part of the value.
    _tokens: TextTokens | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.article.text

    def tokens(self, start: int = 0, end: int | None = None) -> list[Token]:
        """The word tokens of text[start:end], as `text.tokens` gives them; the text is read
        once, however many stages ask for however many ranges."""
        read = self._tokens
        if read is None:
            read = TextTokens(self.text)
            object.__setattr__(self, "_tokens", read)  # a frozen Doc all the same: it is a cache
        return read.within(start, end)

    def span_text(self, span: Spanned) -> str:
        return self.article.text[span.start : span.end]

    def sentence_text(self, index: int) -> str:
        return self.span_text(self.sentences[index])

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding `offset`: the last that starts at or before it
        (-1 before the first)."""
        return bisect_right(self.sentences, offset, key=_start) - 1

    def within(self, items: Sequence[S], start: int, end: int) -> list[S]:
        """The items (sorted by start) that lie wholly inside [start, end), in O(log n)."""
        lo = bisect_left(items, start, key=_start)
        hi = bisect_right(items, end, key=_start)
        return [item for item in items[lo:hi] if item.end <= end]


def spans_overlap(a: Sequence[int] | None, b: Sequence[int] | None) -> bool:
    """Do two (start, end) ranges share a character? None (no span) overlaps nothing."""
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _start(span: Spanned) -> int:
    return span.start


class SpanIndex(Generic[S]):
    """Spans sorted by start, searched for those overlapping a range in O(log n + found):
    a detector asks once per sentence group, and a scan of every span each time would make
    the cost of a long text grow with its square."""

    def __init__(self, items: Sequence[S]) -> None:
        self.items = items
        self.starts = [item.start for item in items]
        self.reach = list(accumulate((item.end for item in items), max))  # max end so far

    def overlapping(self, start: int, end: int) -> list[S]:
        return [self.items[k] for k in self.positions(start, end)]

    def positions(self, start: int, end: int) -> list[int]:
        """The places in `items` of the spans overlapping [start, end)."""
        lo = bisect_right(self.reach, start)  # every span before lo ends by start
        hi = bisect_left(self.starts, end)
        return [k for k in range(lo, hi) if self.items[k].end > start]

    def inside(self, offset: int) -> bool:
        """Does a span hold the offset?"""
        return bool(self.positions(offset, offset + 1))


# verbatim / paraphrase: made from the source (with evidence of it); same_fact: says what a
# source sentence says, without signs of being made from it; unsourced: no source says it.
Label = Literal["verbatim", "paraphrase", "same_fact", "unsourced"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One source sentence: which source document and which sentence in it."""

    source: int  # index into Report.sources / the list of source Docs
    sentence: int


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    """What one copy sentence was made from."""

    copy_sentence: int
    label: Label
    sources: tuple[SourceRef, ...] = ()  # empty when unsourced; several for a merge
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class Alignment:
    matches: tuple[SentenceMatch, ...]  # one per copy sentence, in copy order
    omitted: tuple[SourceRef, ...] = ()  # source sentences no copy sentence was made from


Severity = Literal["high", "medium", "low"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One change the rewrite made, with the evidence in both texts."""

    type: str
    severity: Severity
    copy_span: tuple[int, int] | None  # None only for omitted_sentence
    source: int | None  # index of the source Doc, None only for unsourced_sentence
    source_span: tuple[int, int] | None
    reason: str


@dataclass(frozen=True, slots=True)
class Source:
    doc: Doc
    id: str
    score: float = 1.0  # how sure we are this is a source (1.0 when the user gave it)
    share: float = 0.0  # share of copy sentences drawn from it
    carriers: tuple[Article, ...] = ()  # later near-identical copies of it (syndication)
    # The runs of copy sentences made from it, as (first, last) sentence indexes: "sentences
    # 1-5 of 17 come from X" (a partial or stitched copy draws on each source in parts).
    parts: tuple[tuple[int, int], ...] = ()


def parts_text(parts: tuple[tuple[int, int], ...], total: int) -> str:
    """ "sentences 1-5, 9 of 17": runs of sentence indexes as people count them."""
    if not parts:
        return f"none of its {total} sentences"
    runs = ", ".join(f"{a + 1}" if a == b else f"{a + 1}-{b + 1}" for a, b in parts)
    return f"sentence{'s' * (len(parts) > 1 or parts[0][0] != parts[0][1])} {runs} of {total}"


@dataclass(frozen=True, slots=True)
class SearchCandidate:
    """A story a corpus search weighed, with its score and what became of it."""

    article: Article
    score: float  # share of the copy it explains, 0..1
    note: str  # "source", or why it is not one


@dataclass(frozen=True, slots=True)
class Search:
    """How the sources of a report were found in a corpus (absent when the caller gave them)."""

    corpus_size: int
    threshold: float  # the score a story needs to be named as a source
    candidates: tuple[SearchCandidate, ...]  # best first


@dataclass(frozen=True, slots=True)
class Summary:
    reuse_share: float  # copy sentences drawn from a source (verbatim + paraphrase), by characters
    verbatim_share: float
    paraphrase_share: float
    unsourced_share: float
    copied_share: float  # share of the copy's word trigrams found in the source(s)
    source_coverage: float  # share of source characters the copy drew on
    fidelity: float  # aligned copy sentences with no high or medium finding
    counts: dict[str, int]  # findings by type
    verdict: str  # one line
    credits: tuple[Credit, ...] = ()  # where the copy names an outlet as its story's source
    same_fact_share: float = 0.0  # copy sentences saying what a source says, not made from it
    # How the page copied (KINDS), and, apart from that, whether it credits an outlet.
    kind: str = "not a copy"
    credited: bool = False


# How a page copied its source(s), one of these; whether it credits the source is another
# fact (Summary.credited): a verbatim reprint under "(AP)" is a credited verbatim copy.
KINDS = ("verbatim copy", "spun copy", "partial copy", "stitched copy", "not a copy")


@dataclass(frozen=True, slots=True)
class Report:
    """The result of comparing a copy with its sources (as JSON: `unspin.report_to_dict`)."""

    copy: Doc
    sources: tuple[Source, ...]
    alignment: Alignment
    findings: tuple[Finding, ...]
    summary: Summary
    search: Search | None = None
