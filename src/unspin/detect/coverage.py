"""What the copy added with no source, and what it left out."""

from __future__ import annotations

from collections.abc import Iterator

from unspin.detect.base import Comparison, detector, quoted
from unspin.model import Finding
from unspin.segmentation.names import is_heading
from unspin.text import STOPWORDS, content_stems

# Share of a sentence's content words that no source holds, below which it restates the
# source in other words (spread over its sentences, or rewritten past matching) rather than adds.
NEW_WORDS = 0.3


@detector("unsourced_sentence")
def unsourced_sentences(comparison: Comparison) -> Iterator[Finding]:
    copy = comparison.copy
    known: set[str] | None = None  # the sources' content words, read once if needed
    for match in comparison.alignment.matches:
        if match.label == "unsourced":
            sentence = copy.sentences[match.copy_sentence]
            words = copy.tokens(sentence.start, sentence.end)
            if len(words) < MIN_CLAIM_WORDS:
                continue  # ".", "Preston.": debris of a page, no claim to have added
            if is_heading(copy.text, sentence):
                continue  # a headline, subhead or summary bullet sums up; it adds no claim
            if known is None:
                known = set().union(*(content_stems(doc.text) for doc in comparison.sources))
            content = [t.stem for t in words if t.lower not in STOPWORDS]
            if content and sum(w not in known for w in content) < NEW_WORDS * len(content):
                continue  # its words are the source's: a rewrite too loose to align, no addition
            yield Finding(
                "unsourced_sentence",
                "medium",
                (sentence.start, sentence.end),
                None,
                None,
                "no sentence of the source says this; the copy added it",
            )


MIN_CLAIM_WORDS = 3


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
