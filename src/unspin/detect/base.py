"""What every detector sees: a comparison, cut into groups of aligned sentences.

A group is a connected set of copy and source sentences (one-to-one, a split, a merge).
Detectors compare what lies inside a group, and look at the whole documents only to avoid
false accusations (a number "added" to one sentence may stand elsewhere in the source).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, wraps
from typing import Any, TypeVar

from unspin.finding_types import BY_NAME
from unspin.model import (
    Alignment,
    Doc,
    Finding,
    Sentence,
    Severity,
    SourceRef,
    SpanIndex,
    Spanned,
)
from unspin.text import Token, word_matcher

S = TypeVar("S", bound=Spanned)
R = TypeVar("R")


class SpanIndexes:
    """One `SpanIndex` for each tuple of spans a comparison's detectors search, built on first
    use. Keyed by the tuple's identity: the documents holding the tuples outlive it."""

    def __init__(self) -> None:
        self._built: dict[int, SpanIndex] = {}

    def of(self, items: Sequence[S]) -> SpanIndex[S]:
        index = self._built.get(id(items))
        if index is None or index.items is not items:
            index = self._built[id(items)] = SpanIndex(items)
        return index


@dataclass(frozen=True)
class Group:
    copy: Doc
    source: Doc
    source_index: int
    copy_sentences: tuple[Sentence, ...]
    source_sentences: tuple[Sentence, ...]
    indexes: SpanIndexes = field(default_factory=SpanIndexes, compare=False, repr=False)
    # The spans found for each tuple asked about, by the tuple's identity and the side: every
    # detector asks, once per quote or name, and a group of n sentences (a page repeating one
    # sentence n times close together makes one group of all of them) would cost n steps each
    # time.
    _found: dict[tuple[int, bool], tuple[Sequence[Any], list[Any]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def copy_items(self, items: Sequence[S]) -> list[S]:
        """The copy's spans that overlap the group's sentences (a quotation may run across
        sentences, so "overlap", not "lie inside")."""
        return self._overlapping(items, self.copy_sentences)

    def source_items(self, items: Sequence[S]) -> list[S]:
        return self._overlapping(items, self.source_sentences)

    def _overlapping(self, items: Sequence[S], sentences: Sequence[Sentence]) -> list[S]:
        key = (id(items), sentences is self.copy_sentences)
        kept = self._found.get(key)
        if kept is None or kept[0] is not items:  # an id is reused once its tuple is gone
            index = self.indexes.of(items)
            at = sorted({k for s in sentences for k in index.positions(s.start, s.end)})
            kept = self._found[key] = (items, [items[k] for k in at])
        return list(kept[1])

    @cached_property
    def limits(self) -> tuple[float, float]:
        """(copy offset, source offset) past which nothing is judged. Where a sentence breaks
        off (`is_cut`: the page's text ends mid-sentence, a teaser ends in "…"), what the other
        text says after the words they share last is unknown: a copy may run on past a cut
        source, a source past a cut copy."""
        copy_cut = any(is_cut(self.copy, s) for s in self.copy_sentences)
        source_cut = any(is_cut(self.source, s) for s in self.source_sentences)
        if not (copy_cut or source_cut):
            return (float("inf"), float("inf"))
        a, b = self.copy_tokens, self.source_tokens
        matcher = word_matcher([t.stem for t in a], [t.stem for t in b])
        blocks = matcher.get_matching_blocks()[:-1]
        last = blocks[-1] if blocks else None
        copy_limit = a[last.a + last.size - 1].end if last else self.copy_range[0]
        source_limit = b[last.b + last.size - 1].end if last else self.source_range[0]
        return (
            copy_limit if source_cut else float("inf"),
            source_limit if copy_cut else float("inf"),
        )

    def judged(self, finding: Finding) -> bool:
        """Does the finding point at words both texts hold (see `limits`)?"""
        copy_limit, source_limit = self.limits
        if finding.copy_span is not None and finding.copy_span[0] >= copy_limit:
            return False
        return not (finding.source_span is not None and finding.source_span[0] >= source_limit)

    @property
    def copy_range(self) -> tuple[int, int]:
        return (self.copy_sentences[0].start, self.copy_sentences[-1].end)

    @property
    def source_range(self) -> tuple[int, int]:
        return (self.source_sentences[0].start, self.source_sentences[-1].end)

    @cached_property
    def copy_tokens(self) -> list[Token]:
        return [t for s in self.copy_sentences for t in self.copy.tokens(s.start, s.end)]

    @cached_property
    def source_tokens(self) -> list[Token]:
        return [t for s in self.source_sentences for t in self.source.tokens(s.start, s.end)]

    @property
    def reprinted(self) -> bool:
        """One copy sentence that is its one source sentence, character for character."""
        if len(self.copy_sentences) != 1 or len(self.source_sentences) != 1:
            return False
        return self.copy.span_text(self.copy_sentences[0]) == self.source.span_text(
            self.source_sentences[0]
        )

    @cached_property
    def prose_changes(self) -> tuple[list[Token], list[Token]]:
        """The prose words of each side outside the runs both share (`unshared`), computed
        once: four detectors read them."""
        return unshared(self.copy_prose, self.source_prose)

    @cached_property
    def copy_prose(self) -> list[Token]:
        """Copy tokens outside quote marks (changes inside quotes are the quote detectors' job)."""
        return _outside(self.copy_tokens, self.copy_items(self.copy.quotes))

    @cached_property
    def source_prose(self) -> list[Token]:
        return _outside(self.source_tokens, self.source_items(self.source.quotes))

    @cached_property
    def copy_stems(self) -> frozenset[str]:
        return frozenset(t.stem for t in self.copy_tokens)

    @cached_property
    def source_stems(self) -> frozenset[str]:
        return frozenset(t.stem for t in self.source_tokens)

    def finding(
        self,
        type: str,
        severity: Severity,
        copy_span: tuple[int, int] | None,
        source_span: tuple[int, int] | None,
        reason: str,
    ) -> Finding:
        return Finding(type, severity, copy_span, self.source_index, source_span, reason)


_FINISHED = (".", "!", "?", '"', "”", "’", "'", ")", ":")


def is_cut(doc: Doc, sentence: Sentence) -> bool:
    """A sentence that breaks off: the last of a text of several, without a closing mark
    (excerpts, pages cut by a paywall), or one ending in an ellipsis (a teaser: "... the
    minister said…")."""
    words = doc.text[sentence.start : sentence.end].rstrip()
    if words.endswith(("…", "...")):
        return True
    # A text of one sentence is a claim or a headline, whole without a full stop.
    last = sentence.end >= len(doc.text.rstrip()) and len(doc.sentences) > 1
    return last and not words.endswith(_FINISHED)


def unshared(a: list[Token], b: list[Token]) -> tuple[list[Token], list[Token]]:
    """The tokens of a and of b outside the runs of stems the two sequences share, in order:
    the words one text put where the other had different ones (or added, or dropped)."""
    matcher = word_matcher([t.stem for t in a], [t.stem for t in b])
    out_a: list[Token] = []
    out_b: list[Token] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            out_a += a[i1:i2]
            out_b += b[j1:j2]
    return out_a, out_b


def _outside(toks: list[Token], quotes: Sequence[Spanned]) -> list[Token]:
    """The tokens that start outside every quote (`quotes` sorted by start)."""
    index = SpanIndex(quotes)
    return [t for t in toks if not index.inside(t.start)]


SPLIT_GAP = 1  # copy sentences that may stand between two parts of one split


@dataclass(frozen=True)
class Comparison:
    copy: Doc
    sources: Sequence[Doc]
    alignment: Alignment
    indexes: SpanIndexes = field(default_factory=SpanIndexes, compare=False, repr=False)

    @cached_property
    def groups(self) -> list[Group]:
        """Copy sentences made from the same source sentences, in copy order: a one-to-one
        match, a split (several copy sentences, one source sentence) or a merge (the reverse).
        Keyed by the exact set of source sentences, so a merge never chains distant sentences,
        and by a run of copy sentences close together (SPLIT_GAP), so neither does a split."""
        # Changes are what a rewrite made: only sentences made from the source have them.
        return self._grouped(("verbatim", "paraphrase"))

    @cached_property
    def fact_groups(self) -> list[Group]:
        """The same for copy sentences that say what a source sentence says without evidence
        that they were made from it (same_fact). Only what holds of the copy's wording whoever
        wrote the sentence is checked there: a quotation reworded (quote marks promise the
        speaker's words), a charged word for the source's neutral one."""
        return self._grouped(("same_fact",))

    def _grouped(self, labels: tuple[str, ...]) -> list[Group]:
        # A split's parts stand close (side by side, or with a sentence of the page's own
        # between); the same source sentence told again further on (a summary bullet, then the
        # body) is a group of its own, with all its figures and quotations to compare (on real
        # pages a bullet's "11" for "12" was a changed number, the body's an added one).
        runs: dict[tuple[SourceRef, ...], list[list[int]]] = {}
        for match in self.alignment.matches:
            if match.label in labels:
                of_sources = runs.setdefault(match.sources, [])
                if of_sources and match.copy_sentence - of_sources[-1][-1] <= SPLIT_GAP + 1:
                    of_sources[-1].append(match.copy_sentence)
                else:
                    of_sources.append([match.copy_sentence])
        groups = []
        for refs, copy_runs in runs.items():
            k = refs[0].source
            groups += [
                Group(
                    self.copy,
                    self.sources[k],
                    k,
                    tuple(self.copy.sentences[i] for i in copy_ids),
                    tuple(self.sources[k].sentences[r.sentence] for r in refs),
                    self.indexes,
                )
                for copy_ids in copy_runs
            ]
        groups.sort(key=lambda g: g.copy_sentences[0].start)
        return groups

    def fact_groups_overlapping(self, start: int, end: int) -> list[Group]:
        """The fact groups (`fact_groups`) whose copy sentences overlap [start, end), in order."""
        sentences = self.indexes.of(self.copy.sentences).overlapping(start, end)
        of = self._fact_group_of_sentence
        found = {id(of[s.start]): of[s.start] for s in sentences if s.start in of}
        return sorted(found.values(), key=lambda g: g.copy_sentences[0].start)

    @cached_property
    def _fact_group_of_sentence(self) -> dict[int, Group]:
        return {s.start: g for g in self.fact_groups for s in g.copy_sentences}

    @cached_property
    def changed_groups(self) -> list[Group]:
        """The groups but those of one sentence reprinted as it was: a detector that reads
        only a group's own words finds nothing there (most of a long reprint)."""
        return [g for g in self.groups if not g.reprinted]

    @cached_property
    def _group_of_sentence(self) -> dict[int, int]:
        """Copy sentence start -> the place in `groups` of the group holding it."""
        return {s.start: k for k, g in enumerate(self.groups) for s in g.copy_sentences}

    @cached_property
    def _group_ranges(self) -> SpanIndex[_Range]:
        ranges = [_Range(*g.copy_range, k) for k, g in enumerate(self.groups)]
        return SpanIndex(sorted(ranges, key=lambda r: (r.start, r.end, r.group)))

    def groups_spanning(self, offset: int) -> list[Group]:
        """The groups whose copy range (first sentence to last) holds the offset, in order."""
        ranges = self._group_ranges.overlapping(offset, offset + 1)
        return [self.groups[k] for k in sorted(r.group for r in ranges)]

    def groups_overlapping(self, start: int, end: int) -> list[Group]:
        """The groups whose copy sentences overlap [start, end), in copy order."""
        sentences = self.indexes.of(self.copy.sentences).overlapping(start, end)
        of = self._group_of_sentence
        return [self.groups[k] for k in sorted({of[s.start] for s in sentences if s.start in of})]


@dataclass(frozen=True, slots=True)
class _Range:
    start: int
    end: int
    group: int  # its place in Comparison.groups


Detector = Callable[[Comparison], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class RegisteredDetector:
    name: str
    types: tuple[str, ...]  # the finding types it may emit
    run: Detector


REGISTRY: dict[str, RegisteredDetector] = {}


def detector(*types: str) -> Callable[[Detector], Detector]:
    """Register a detector under its function name, declaring the finding types it emits:
    each a row of `unspin.finding_types.TABLE`, and no name registered twice (a second
    detector of one name would silently replace the first)."""
    undeclared = [t for t in types if t not in BY_NAME]
    if undeclared or not types:
        raise ValueError(f"finding types not in unspin.finding_types.TABLE: {undeclared}")

    def register(function: Detector) -> Detector:
        name = function.__name__
        if name in REGISTRY and REGISTRY[name].run is not function:
            raise ValueError(f"a detector named {name} is registered already")
        REGISTRY[name] = RegisteredDetector(name, types, function)
        return function

    return register


DOCUMENTS_KEPT = 16  # documents per_document keeps (a copy and its sources, a few at once)


def per_document(function: Callable[[Doc], R]) -> Callable[[Doc], R]:
    """`function` of a document, worked out once per document (the last DOCUMENTS_KEPT kept):
    detectors ask group by group, and working it out each time would cost a long text's items
    times its groups. Each result is kept with its document, so no other document can take its
    id meanwhile. What it returns is shared: callers must not change it."""
    kept: dict[int, tuple[Doc, R]] = {}

    @wraps(function)
    def call(doc: Doc) -> R:
        found = kept.get(id(doc))
        if found is None:
            if len(kept) >= DOCUMENTS_KEPT:
                kept.clear()
            found = kept[id(doc)] = (doc, function(doc))
        return found[1]

    return call


def quoted(text: str, limit: int = 80) -> str:
    """A span's text for a one-line reason: whitespace folded, long text shortened."""
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1]}…”"


def swapped(group: Group, type: str, copy: Spanned, source: Spanned) -> Finding:
    """A medium finding of `type`: the copy puts its words where the source has its own (a
    body, a place noun, a time)."""
    return group.finding(
        type,
        "medium",
        (copy.start, copy.end),
        (source.start, source.end),
        f"the copy says {quoted(group.copy.span_text(copy))} "
        f"where the source says {quoted(group.source.span_text(source))}",
    )


TITLE_WORDS = 3  # capitalised words a title in quote marks may hold ("Let's Stay Together")
_TITLE_JOINERS = frozenset("of the and a an in on for to from with by at 'n' n".split())


def is_title(text: str, most: int = TITLE_WORDS) -> bool:
    """ "The Wire", "OPEC+", "Queen of Rock 'n' Roll": a title, name or term in quote marks,
    of at most `most` capitalised words."""
    words = text.strip(" ,.!?").split()
    capitals = [w for w in words if w.lower() not in _TITLE_JOINERS]
    return (
        0 < len(capitals) <= most
        and all(not w[:1].islower() for w in capitals)
        and not words[0][:1].islower()
    )
