"""What the copy added with no source, and what it left out.

An unsourced sentence is a medium finding when it brings something a reader can check: a
name, a figure, a date or a quotation the source lacks, or mostly words of its own. One made
of the source's words with nothing of its own to check is low: as often a retelling too loose
to align as an addition. A sentence that says what a source sentence says (same_fact) but
quotes words no source has brought that quotation from elsewhere: medium, at the quotation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from unspin.detect.base import Comparison, detector, is_title, quoted
from unspin.detect.names import ShortForms, name_key
from unspin.model import (
    Doc,
    Finding,
    Quantity,
    Quote,
    Sentence,
    SentenceMatch,
    SourceRef,
    SpanIndex,
)
from unspin.segmentation.names import is_heading
from unspin.segmentation.quotes import DOUBLE_MARKS
from unspin.text import STOPWORDS, Token, content_stems, stem

# Share of a sentence's content words that no source holds, below which it restates the
# source in other words (spread over its sentences, or rewritten past matching) rather than adds.
NEW_WORDS = 0.3
# A lone figure below this ("one", "five") is too common to tie a sentence to the one source
# sentence that also has it; two figures, or one this large ("16 counts", "672 injuries"), are not.
TELLING_FIGURE = 10
# ... and a sentence tied by one figure with more of its content words its own than this share
# adds a claim of its own to it ("Rescuers said 672 soldiers had been sent to the Atlas
# Mountains.": 5 of 6). Two figures of one source sentence tie a sentence however it words them.
OWN_SHARE_WITH_ONE_FIGURE = 2 / 3
# A quotation in a same_fact sentence is the copy's own when it has this many content words
# ("a thorough search and investigation": a statement, not a title or a catchphrase) and at
# least this share of them are words no source uses, and the source sentence it retells quotes
# no one. On the real-page set (358 pairs): 4 sentences labelled added, none clean or distorted.
QUOTE_CONTENT_WORDS = 5
NEW_QUOTED_WORDS = 0.5


@detector("unsourced_sentence")
def unsourced_sentences(comparison: Comparison) -> Iterator[Finding]:
    copy = comparison.copy
    given: _Given | None = None  # what the sources give, read once if needed
    quotes = SpanIndex(copy.quotes)
    for match in comparison.alignment.matches:
        if match.label == "same_fact":
            if given is None:
                given = _Given.of(comparison)
            if not _quotes_anyone(given, comparison.sources, match):
                yield from _quoting_others(copy, copy.sentences[match.copy_sentence], given, quotes)
        elif match.label == "unsourced":
            sentence = copy.sentences[match.copy_sentence]
            words = copy.tokens(sentence.start, sentence.end)
            if len(words) < MIN_CLAIM_WORDS:
                continue  # ".", "Preston.": debris of a page, no claim to have added
            if is_heading(copy.text, sentence):
                continue  # a headline, subhead or summary bullet sums up; it adds no claim
            if given is None:
                given = _Given.of(comparison)
            if _continues_sourced_quotation(comparison, match.copy_sentence, given, quotes):
                continue  # the quotes detector judges the quotation whole
            content = [t for t in words if t.lower not in STOPWORDS]
            new = sum(t.stem not in given.stems for t in content)
            if content and new < NEW_WORDS * len(content):
                continue  # its words are the source's: a rewrite too loose to align, no addition
            # Words of its own, a compound of the sources' words not one ("a 10-hour trip" for
            # "a drive of about 10 hours"). Not for the test above: a compound's parts may
            # join anew ("on-duty" from "on duty earlier" and "not on duty").
            own = sum(not given.uses(t) for t in content)
            few_own = own <= OWN_SHARE_WITH_ONE_FIGURE * len(content) + 1e-9
            if _restates_figures(copy, sentence, given.figures, few_own):
                continue  # "There were also 672 injuries.": split off the sentence with its figures
            if few_own and not _brings_own(copy, sentence, given, quotes):
                yield Finding(
                    "unsourced_sentence",
                    "low",
                    (sentence.start, sentence.end),
                    None,
                    None,
                    "no sentence of the source says this, but it brings no name, figure, date or "
                    "quotation the source lacks: a comment, or a retelling too loose to align",
                )
                continue
            yield Finding(
                "unsourced_sentence",
                "medium",
                (sentence.start, sentence.end),
                None,
                None,
                "no sentence of the source says this; the copy added it",
            )


MIN_CLAIM_WORDS = 3
_JOINING = frozenset("a an the of and to".split())  # the words a compound may drop ("X-to-Y")
SHORT_FORM_CHARS = 6  # "us", "nyt", "unesco": names short enough to abbreviate another
TITLE_WORDS = 20  # capitalised words a title in quote marks may have (a law's name)


def _quotes_anyone(given: _Given, sources: Sequence[Doc], match: SentenceMatch) -> bool:
    """Does a source sentence of the match quote someone? A quotation retelling it may be
    that quotation reworded, a spinner's synonyms leaving few of its words ("doing nicely
    sufficient" for "doing well enough"): the quotes detector's to judge, not an addition."""
    for ref in match.sources:
        sentence = sources[ref.source].sentences[ref.sentence]
        if given.quotes[ref.source].overlapping(sentence.start, sentence.end):
            return True
    return False


def _continues_sourced_quotation(
    comparison: Comparison, index: int, given: _Given, quotes: SpanIndex[Quote]
) -> bool:
    """Is copy sentence `index`, mostly, the rest of a quotation opened in an earlier sentence
    made from (or saying the same fact as) a source sentence whose quotation runs on into
    sentences no other copy sentence was made from, at most as many as the copy's quotation
    runs on? A spun copy rewords a statement of two sentences ("The outcomes have not met our
    expectations. Undoubtedly, it is an exceedingly intricate issue, ...") past aligning the
    second, or moves the second out of a sentence it merged with the first: the statement is
    the source's, and the quotes detector compares the whole quotation with it. Sentences
    beyond what the source's quotation has left ("We ask for privacy ...") lengthen it: added."""
    copy = comparison.copy
    sentence = copy.sentences[index]
    for quote in quotes.overlapping(sentence.start, sentence.end):
        inside = min(quote.end, sentence.end) - max(quote.start, sentence.start)
        if quote.start >= sentence.start or 2 * inside < sentence.end - sentence.start:
            continue
        at = copy.sentence_at(quote.start)
        opening = comparison.alignment.matches[at]  # one match per copy sentence, in order
        made = opening.label in ("verbatim", "paraphrase")
        ours: set[str] | None = None
        for ref in opening.sources:
            source = comparison.sources[ref.source]
            said = source.sentences[ref.sentence]
            for theirs in given.quotes[ref.source].overlapping(said.start, said.end):
                left = 0  # the source's sentences of the quotation left for the copy's to retell
                for k in range(ref.sentence + 1, len(source.sentences))[:QUOTED_SENTENCES]:
                    later = SourceRef(ref.source, k)
                    if source.sentences[k].start >= theirs.end:
                        break
                    if made and later in given.omitted:
                        left += 1  # made nothing else of, after a sentence made from the source
                    elif later in given.omitted or later in opening.sources:
                        # After a retelling, or merged into the opening: only a sentence that
                        # shares a word with it ("This wound cannot be healed." for "The wound
                        # is incurable"), not a threat the statement never made.
                        ours = ours if ours is not None else content_stems(copy.span_text(sentence))
                        left += bool(ours & content_stems(source.span_text(source.sentences[k])))
                if index - at <= left:
                    return True
    return False


# Sentences of a source's quotation read past the one a copy sentence was made from: a
# statement runs to a few; a bound keeps a page of one endless quotation from costing its
# length squared.
QUOTED_SENTENCES = 10


def _quoting_others(
    copy: Doc, sentence: Sentence, given: _Given, quotes: SpanIndex[Quote]
) -> Iterator[Finding]:
    """The quotations of a same_fact sentence made mostly of words no source uses: the
    sentence retells a fact of the source, but the statement it quotes is not in it (a search
    warrant's words, a second speaker). A quotation the source gives in its own voice shares
    its words and is the quotes detector's to judge."""
    for quote in quotes.overlapping(sentence.start, sentence.end):
        start, end = max(quote.start, sentence.start), min(quote.end, sentence.end)
        words = content_stems(copy.text[start:end])
        if len(words) < QUOTE_CONTENT_WORDS or is_title(copy.text[start:end], TITLE_WORDS):
            continue  # a phrase, or a title ("the “Protecting Americans from ... Act”")
        new = words - given.stems
        if len(new) >= NEW_QUOTED_WORDS * len(words):
            yield Finding(
                "unsourced_sentence",
                "medium",
                (start, end),
                None,
                None,
                f"the sentence retells the source, but {len(new)} of the {len(words)} words of "
                "this quotation are in no source: the copy quotes a statement the source lacks",
            )


Figure = tuple[float, str]  # a value and its unit, an age taken as a count


def _figure(q: Quantity) -> Figure:
    """ "41" and "41 years old" are one age; "15%" and "15 jobs" are two figures."""
    return (q.value, "" if q.unit == "year" else q.unit)


def _figures(sources: Sequence[Doc]) -> dict[Figure, set[tuple[int, int]]]:
    """Each figure of the sources and the sentences that give it, as (source, sentence)."""
    found: dict[Figure, set[tuple[int, int]]] = defaultdict(set)
    for k, doc in enumerate(sources):
        for i, sentence in enumerate(doc.sentences):
            for q in doc.within(doc.quantities, sentence.start, sentence.end):
                if not q.vague:
                    found[_figure(q)].add((k, i))
    return found


@dataclass(frozen=True)
class _Given:
    """What the sources give: their content words, figures (with the sentences that give
    them), dates and times (normalised: "tuesday", "2022-01-21") and quotations; and which of
    their sentences the copy made nothing of."""

    stems: set[str]
    figures: dict[Figure, set[tuple[int, int]]]
    times: set[str]
    quotes: list[SpanIndex[Quote]]  # each source's
    short_forms: ShortForms  # one-word forms of the sources' names ("us", "nyt")
    omitted: frozenset[SourceRef]
    stem_pairs: set[tuple[str, str]]  # the stems of each two words in a row

    @classmethod
    def of(cls, comparison: Comparison) -> _Given:
        sources = comparison.sources
        stems = set().union(*(content_stems(doc.text) for doc in sources))
        times = {t.value for doc in sources for t in doc.times}
        names = ShortForms(name_key(doc.span_text(n)) for doc in sources for n in doc.names)
        quotes = [SpanIndex(doc.quotes) for doc in sources]
        omitted = frozenset(comparison.alignment.omitted)
        pairs = set()
        for doc in sources:
            read = [t.stem for t in doc.tokens()]
            pairs.update(pairwise(read))
        return cls(stems, _figures(sources), times, quotes, names, omitted, pairs)

    def uses(self, word: Token) -> bool:
        """Do the sources use the word: its stem, or each part of a compound the copy joined
        with hyphens ("UN-backed"); a figure and its unit as the sources put them, in a row
        ("a 10-hour trip" for "a drive of about 10 hours", not for "10 a.m." and "an hour")?"""
        if word.stem in self.stems:
            return True
        parts = [stem(p) for p in word.lower.split("-") if p not in _JOINING]
        if "-" not in word.lower or not parts:
            return False
        if any(p[:1].isdigit() for p in parts):
            return all(pair in self.stem_pairs for pair in pairwise(parts))
        return all(p in self.stems for p in parts)

    def short_form(self, name: str) -> bool:
        """Is the name a short form of one the sources give: an abbreviation or a usual alias
        ("the US" for "the United States", "UAE", "NYT")?"""
        key = name_key(name)
        return " " not in key and len(key) <= SHORT_FORM_CHARS and self.short_forms.holds(key)


def _restates_figures(
    copy: Doc, sentence: Sentence, figures: dict[Figure, set[tuple[int, int]]], few_own: bool
) -> bool:
    """Does one source sentence give every figure of this copy sentence, and enough of them to
    tell (two; or one of TELLING_FIGURE or more, in a sentence with `few_own` words of its own)?
    A page splits a fact off a long wire sentence in its own words ("He was 41 years old." from
    "Bryant, killed ... at the age of 41, was not ..."): too few shared words to align, but its
    figures say where it came from. An added sentence brings figures of its own."""
    given = {
        _figure(q)
        for q in copy.within(copy.quantities, sentence.start, sentence.end)
        if not q.vague
    }
    if not given or (
        len(given) < 2 and not (few_own and max(v for v, _ in given) >= TELLING_FIGURE)
    ):
        return False
    return bool(set.intersection(*(figures.get(f, set()) for f in given)))


def _brings_own(copy: Doc, sentence: Sentence, given: _Given, quotes: SpanIndex[Quote]) -> bool:
    """Does the sentence bring something checkable of its own: a name with a word the sources
    do not use, a figure or a date they do not give, or words in quote marks (its own, or a
    quotation it continues)? Without any, a sentence made mostly of the sources' words ("The
    unnamed friend of the survivor is distraught as he reassures Avci that everyone is safe.")
    is as often a retelling too loose to align as an addition: on real pages, 11 of 23 such
    sentences were labelled added, against 113 of 120 other unsourced sentences
    (docs/real-pages.md), so they are no medium-severity accusation."""
    start, end = sentence.start, sentence.end
    if quotes.overlapping(start, end) or any(c in DOUBLE_MARKS for c in copy.span_text(sentence)):
        return True
    for name in copy.within(copy.names, start, end):
        words = copy.tokens(name.start, name.end)
        # Words of two letters name too ("Xi", "UN") when the name has no longer one.
        named = [t for t in words if t.lower not in STOPWORDS]
        stems = {t.stem for t in named if len(t.lower) > 2} or {t.stem for t in named}
        if stems - given.stems and not given.short_form(copy.span_text(name)):
            return True
    if any(t.value not in given.times for t in copy.within(copy.times, start, end)):
        return True
    return any(
        not q.vague and _figure(q) not in given.figures
        for q in copy.within(copy.quantities, start, end)
    )


@detector("omitted_sentence")
def omitted_sentences(comparison: Comparison) -> Iterator[Finding]:
    for ref in comparison.alignment.omitted:
        doc = comparison.sources[ref.source]
        sentence = doc.sentences[ref.sentence]
        if len(doc.tokens(sentence.start, sentence.end)) < MIN_CLAIM_WORDS:
            continue  # "3.", "RELIEF?": table debris and headings state nothing to leave out
        yield Finding(
            "omitted_sentence",
            "low",
            None,
            ref.source,
            (sentence.start, sentence.end),
            f"the copy leaves out this source sentence: {quoted(doc.span_text(sentence), 60)}",
        )
