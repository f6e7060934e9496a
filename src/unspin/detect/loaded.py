"""Neutral wording made charged ("killed" -> "murdered", "said" -> "admitted") or the reverse;
in a sentence that only says the same fact as a source sentence, the charged direction only."""

from __future__ import annotations

from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.detect.lexicon import ANIMALS, DETERMINERS, LOADED
from unspin.model import Finding
from unspin.text import STOPWORDS, Token, capitalised_mid_sentence, stem

SPEECH = frozenset(stem(w) for w in ("said", "says", "stated"))
# The charged words of speech ("claimed", "alleged", "admitted"): they frame a statement.
_CLAIMING = frozenset(c for neutral in SPEECH for c in LOADED.get(neutral, frozenset()))
# Verbs, as written: the nouns of "jobless claims" or "allegations" frame nothing.
CONTESTED = frozenset("argued argues contended contends asserted asserts insisted insists".split())
# What "claimed" takes when it says no statement: "a missile strike claimed the lives of 10
# people" (a spun copy of AP, 2024, for "killed 10"), "claimed victory", "claimed the title".
CLAIMED_THINGS = frozenset(
    """life lives victory title titles responsibility credit seat seats win crown medal medals
    asylum ownership""".split()
)
# Words of killing that are also the plain words for killing livestock.
BUTCHERING = frozenset(stem(w) for w in ("slaughtered", "butchered"))


@detector("loaded_wording")
def loaded_wording(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.changed_groups:
        yield from _charged(group)
    # A sentence that only says what a source sentence says (same_fact) is not shown to be made
    # from it, but a statement it calls a claim ("claimed" for "said") or a killing it calls a
    # murder is its framing of the same fact, whoever wrote it: charged words, not softened.
    for group in comparison.fact_groups:
        yield from (f for f in _charged(group, softened=False) if _framed_claim_shared(group, f))


CLAIM_REACH = 20  # words a speech verb governs, after it (or before it, when it closes)
CLAIM_SHARED = 2  # content words of that claim the source's sentences must hold
_CLAUSE_END = tuple(',.;:!?"”')


def _framed_claim_shared(group: Group, finding: Finding) -> bool:
    """In a same_fact sentence, is what the copy calls a claim what the source reports? "...
    but claimed it had a cheaper technology" beside "..., a company source said" of another
    statement is not the same statement framed anew. Other charged words need no such test."""
    assert finding.copy_span is not None
    start, end = finding.copy_span
    if stem(group.copy.text[start:end].lower()) not in _CLAIMING:
        return True
    toks = group.copy_prose
    at = next(k for k, t in enumerate(toks) if t.start == start)
    closing = group.copy.text[end : end + 3].lstrip()[:1] in _CLAUSE_END  # "..., they claimed."
    before, after = toks[max(0, at - CLAIM_REACH) : at], toks[at + 1 : at + 1 + CLAIM_REACH]
    claim = {t.stem for t in (before if closing else after) if t.lower not in STOPWORDS}
    return len(claim & group.source_stems) >= CLAIM_SHARED


def _charged(group: Group, *, softened: bool = True) -> Iterator[Finding]:
    """A charged word that took a neutral word's place: the copy has it and the source does
    not, and a neutral word of the source lies outside the runs of words the two texts share
    (a copy that keeps "left behind" and adds "as they fled" replaced nothing). Or the reverse."""
    copy_by_stem = {t.stem: t for t in reversed(group.copy_prose)}
    source_by_stem = {t.stem: t for t in reversed(group.source_prose)}
    copy_changed, source_changed = group.prose_changes
    copy_replaced = {
        t.stem: t
        for t in reversed(copy_changed)
        if not capitalised_mid_sentence(group.copy.text, t.start)
    }
    source_replaced = {
        t.stem: t
        for t in reversed(source_changed)
        if not capitalised_mid_sentence(group.source.text, t.start)
    }
    # A source that already frames the statement as contested ("prosecutors argued") is not
    # made partial by the copy's "claimed".
    contested = any(t.lower in CONTESTED for t in group.source_prose)
    for neutral, charged in LOADED.items():
        if neutral in SPEECH and contested:
            continue
        for word in charged:
            # "allegedly" shares a stem with "alleged" but hedges; it does not charge.
            if word in copy_by_stem and copy_by_stem[word].lower.endswith("ly"):
                continue
            if word in copy_by_stem and word not in source_by_stem and neutral in source_replaced:
                c, s = copy_by_stem[word], source_replaced[neutral]
                if word in _CLAIMING and _claims_a_thing(group.copy_prose, c):
                    continue
                if word in BUTCHERING and ANIMALS & group.copy_stems:
                    continue
                yield group.finding(
                    "loaded_wording",
                    "medium",
                    (c.start, c.end),
                    (s.start, s.end),
                    f"the copy says {quoted(group.copy.span_text(c))} where the source "
                    f"says {quoted(group.source.span_text(s))}",
                )
            elif (
                softened
                and word in source_by_stem
                and word not in copy_by_stem
                and neutral in copy_replaced
            ):
                c, s = copy_replaced[neutral], source_by_stem[word]
                yield group.finding(
                    "loaded_wording",
                    "low",
                    (c.start, c.end),
                    (s.start, s.end),
                    f"the copy softens the source's {quoted(group.source.span_text(s))} "
                    f"to {quoted(group.copy.span_text(c))}",
                )


def _claims_a_thing(toks: list[Token], claimed: Token) -> bool:
    """Does "claimed" take a thing rather than a statement ("claimed the lives of", "claimed
    three lives", "claimed victory")?"""
    after = [t.lower for t in toks if t.start > claimed.start][:6]
    while after and (
        after[0] in DETERMINERS
        or after[0] in _COUNTING
        or after[0][:1].isdigit()
        or after[0].endswith("'s")
    ):
        after.pop(0)
    return bool(after) and after[0] in CLAIMED_THINGS


_COUNTING = frozenset(
    """one two three four five six seven eight nine ten dozens hundreds thousands many several
    more than at least over nearly almost some""".split()
)
