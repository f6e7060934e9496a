"""Meaning reversed: a negation added or removed, or a word swapped for its antonym."""

from __future__ import annotations

from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.detect.lexicon import ANTONYMS, NEGATORS
from unspin.model import Finding
from unspin.text import STOPWORDS, Token


def _is_negator(token: Token) -> bool:
    return token.lower in NEGATORS or token.lower.endswith("n't")


def _negated_words(toks: list[Token], i: int) -> set[str]:
    """Content stems the negation at i bears on: the next few words ("not" -> "imminent")."""
    after = [t.stem for t in toks[i + 1 : i + 5] if t.lower not in STOPWORDS and not _is_negator(t)]
    return set(after[:2])


@detector("negation_flipped")
def negation(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.groups:
        yield from _negations(group)
        yield from _antonyms(group)


def _negations(group: Group) -> Iterator[Finding]:
    # Count over all words: a spinner may drop the quote marks around a negated phrase.
    copy_neg = [i for i, t in enumerate(group.copy_tokens) if _is_negator(t)]
    source_neg = [i for i, t in enumerate(group.source_tokens) if _is_negator(t)]
    if (len(copy_neg) - len(source_neg)) % 2 == 0:
        return
    # The side with more negations holds the flip; it counts only if what it negates is also
    # in the other side (else the sentences were reworded around different words).
    if len(copy_neg) > len(source_neg):
        extra, toks, other = copy_neg, group.copy_tokens, group.source_stems
    else:
        extra, toks, other = source_neg, group.source_tokens, group.copy_stems
    for i in extra:
        if _negated_words(toks, i) & other:
            token = toks[i]
            if toks is group.copy_tokens:
                copy_span, source_span = (token.start, token.end), group.source_range
                reason = f"the copy adds {quoted(token.lower)}; the source says the opposite"
            else:
                copy_span, source_span = group.copy_range, (token.start, token.end)
                reason = f"the copy drops the source's {quoted(token.lower)}, reversing the meaning"
            yield group.finding("negation_flipped", "high", copy_span, source_span, reason)
            return


def _antonyms(group: Group) -> Iterator[Finding]:
    copy_only = {t.stem: t for t in group.copy_prose if t.stem not in group.source_stems}
    source_only = {t.stem: t for t in group.source_prose if t.stem not in group.copy_stems}
    for stem, token in copy_only.items():
        opposite = next((source_only[o] for o in ANTONYMS.get(stem, ()) if o in source_only), None)
        if opposite is not None:
            yield group.finding(
                "negation_flipped",
                "high",
                (token.start, token.end),
                (opposite.start, opposite.end),
                f"the copy says {quoted(group.copy.span_text(token))} where the source "
                f"says the opposite, {quoted(group.source.span_text(opposite))}",
            )
