"""Editable sentences: tokens that remember where in the source they came from.

Every edit works on a list of tokens; each keeps the source span it was copied from (None when
the spinner made it up), so after any amount of moving and swapping we can still say which
source characters a copy span stands for, and render the copy with exact offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from unspin.text import edit_pieces

QUOTE_MARKS = frozenset('"“”„«»‘’')
Span = tuple[int, int]


@dataclass(eq=False, slots=True)
class Tok:
    text: str
    src: Span | None  # where it came from in the source; None if inserted
    space: bool  # whitespace before it
    quoted: bool = False  # inside a quotation (marks included) in the source
    locked: bool = False  # part of a distortion: later edits leave it alone
    start: int = -1  # offsets in the copy, set when rendered
    end: int = -1

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_mark(self) -> bool:
        return self.text in QUOTE_MARKS


@dataclass(eq=False, slots=True)
class Mark:
    """A distortion: which copy tokens show it and which source characters it changed."""

    type: str
    first: Tok
    last: Tok
    source: Span
    note: str


@dataclass(eq=False, slots=True)
class Sent:
    """One copy sentence being built."""

    toks: list[Tok]
    sources: list[Span]  # the source sentences it was made from; [] for an added sentence
    paragraph: float  # copy paragraphs are ordered by this key
    mark: Mark | None = None
    restructured: bool = False  # reordered, split or merged

    @property
    def quoted(self) -> bool:
        return any(t.quoted for t in self.toks)


def tokenize(text: str, start: int, end: int, quotes: list[Span]) -> list[Tok]:
    out = []
    for m in edit_pieces(text, start, end):
        s = m.start()
        out.append(
            Tok(
                m.group(),
                (s, m.end()),
                s > start and text[s - 1].isspace(),
                any(a <= s < b for a, b in quotes),
            )
        )
    return out


def new_toks(words: str, space: bool, locked: bool = True) -> list[Tok]:
    """Tokens for text the spinner writes; the first gets `space` before it."""
    out = []
    for m in edit_pieces(words):
        first = not out
        gap = space if first else m.start() > 0 and words[m.start() - 1].isspace()
        out.append(Tok(m.group(), None, gap, locked=locked))
    return out


def render(toks: list[Tok], offset: int = 0) -> str:
    """The tokens as text; sets each token's copy offsets, counting from `offset`."""
    parts, at = [], offset
    for i, t in enumerate(toks):
        if i and t.space:
            parts.append(" ")
            at += 1
        t.start, t.end = at, at + len(t.text)
        parts.append(t.text)
        at = t.end
    return "".join(parts)


def source_span(toks: list[Tok]) -> Span:
    spans = [t.src for t in toks if t.src]
    return spans[0][0], spans[-1][1]


def capitalize(t: Tok) -> None:
    t.text = t.text[:1].upper() + t.text[1:]


def decapitalize(toks: list[Tok], names: set[str]) -> None:
    """Lower-case the first word of `toks` (a sentence start moving inside a sentence) unless it
    is a name: capitalized mid-sentence in the article, "I", an acronym, or followed by another
    capitalized word ("Defense Minister ...")."""
    t, nxt = toks[0], toks[1] if len(toks) > 1 else None
    if nxt is not None and nxt.text[:1].isupper():
        return
    if t.text[:1].isupper() and t.text not in names and not t.text.isupper():
        t.text = t.text[:1].lower() + t.text[1:]


def fix_article(toks: list[Tok], i: int) -> None:
    """After toks[i] changed, make a preceding "a"/"an" agree with it."""
    if i > 0 and toks[i - 1].lower in ("a", "an") and not toks[i - 1].locked:
        article = "an" if toks[i].text[:1].lower() in "aeiou" else "a"
        toks[i - 1].text = article.capitalize() if toks[i - 1].text[0].isupper() else article
