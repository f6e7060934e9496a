"""Meaning reversed: a negation added or removed, or a word swapped for its antonym.

A low finding, a lead to check by eye: real pages say "no" in words no rule foresaw ("devoid
of", "unmanned", "with out" split by a spinner), and of the flips found at high severity on
real pages 2 in 5 were labelled distortions (benchmarks/real, 2026-12-05)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.detect.lexicon import ANTONYMS, DENIALS, NEGATIVE_VERBS, NEGATORS
from unspin.model import Finding
from unspin.text import STOPWORDS, Token, capitalised_mid_sentence, next_lower

# How far a negation reaches within its clause: "no grounds to believe Russia is preparing to
# invade" negates "preparing" and "invade" too.
SCOPE = 8
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")


def _is_negator(token: Token) -> bool:
    return token.lower in NEGATORS or token.lower.endswith("n't")


def _negated_words(toks: list[Token], i: int) -> list[Token]:
    """The content words the negation at i bears on: the next few ("not" -> "imminent"),
    nearest first."""
    after = [t for t in toks[i + 1 : i + 5] if t.lower not in STOPWORDS and not _is_negator(t)]
    return after[:2]


def _unnegated(text: str, toks: list[Token], negated: list[str], named: bool) -> bool:
    """The first of these stems (the word the negation bears on) stands somewhere outside every
    negation's scope: the text asserts what was negated ("was enough") rather than denies it
    ("no grounds to believe ... preparing", "denied it is preparing"). The first: "wasn't part
    of the research" is not asserted by a copy that only mentions "this research". A common
    word is not asserted by a name that holds it ("without any crew" by "Crew Dragon"); a
    name's word is asserted however it is written ("not with the Food and Drug
    Administration", "no Government funding")."""
    negators = _negators(text, toks) + [i for i, t in enumerate(toks) if t.stem in DENIALS]
    asserted = set()
    for k, t in enumerate(toks):
        if t.stem not in negated or (not named and _in_name(text, t)):
            continue
        in_scope = any(
            0 < k - i <= SCOPE and not _CLAUSE_BREAK.search(text, toks[i].end, t.start)
            for i in negators
        )
        if not in_scope:
            asserted.add(t.stem)
    return bool(negated) and negated[0] in asserted


def _in_name(text: str, t: Token) -> bool:
    """A word capitalised mid-sentence is a name's ("Crew Dragon"), not the word it spells; one
    in capitals throughout is emphasis ("found him GUILTY")."""
    return capitalised_mid_sentence(text, t.start) and not text[t.start : t.end].isupper()


# "(not pictured)", "(not seen)": a photo caption's aside, not a negated claim.
_CAPTION_ASIDE = re.compile(r"\(\s*not\s+(?:pictured|seen|shown|visible|in\s+picture)\s*\)", re.I)


def _negators(text: str, toks: list[Token]) -> list[int]:
    """Where the tokens negate: "not", "no", "never", "n't" ... and the verbs that say no
    before "to" ("declined to comment" is "would not comment", "refused to be named" is
    "asked not to be"; prices that "declined" fell); not "(not pictured)" in a caption, nor
    "No" of a rank ("world No. 1", "No 3")."""
    asides = (
        [m.span() for m in _CAPTION_ASIDE.finditer(text, toks[0].start, toks[-1].end + 2)]
        if toks
        else []
    )
    return [
        i
        for i, t in enumerate(toks)
        if (_is_negator(t) or (t.stem in NEGATIVE_VERBS and next_lower(toks, i) == "to"))
        and not any(a <= t.start < b for a, b in asides)
        and not _RANK.match(text, t.start)
    ]


_RANK = re.compile(r"No\.?\s?\d")  # "world No. 1", "No 3 on the Billboard Hot 100"


@detector("negation_flipped")
def negation(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.changed_groups:
        yield from _negations(group)
        yield from _antonyms(group)


def _negations(group: Group) -> Iterator[Finding]:
    # Count over all words: a spinner may drop the quote marks around a negated phrase.
    copy_neg = _negators(group.copy.text, group.copy_tokens)
    source_neg = _negators(group.source.text, group.source_tokens)
    if (len(copy_neg) - len(source_neg)) % 2 == 0:
        return
    # The side with more negations holds the flip; it counts only if what it negates is also
    # in the other side, asserted there (else the sentences were reworded around different
    # words, or the other side denies it another way).
    if len(copy_neg) > len(source_neg):
        extra, text, toks = copy_neg, group.copy.text, group.copy_tokens
        other_text, other_toks = group.source.text, group.source_tokens
    else:
        extra, text, toks = source_neg, group.source.text, group.source_tokens
        other_text, other_toks = group.copy.text, group.copy_tokens
    for i in extra:
        negated = _negated_words(toks, i)
        named = bool(negated) and _in_name(text, negated[0])
        if _unnegated(other_text, other_toks, [t.stem for t in negated], named):
            token = toks[i]
            if toks is group.copy_tokens:
                copy_span, source_span = (token.start, token.end), group.source_range
                reason = f"the copy adds {quoted(token.lower)}; the source says the opposite"
            else:
                copy_span, source_span = group.copy_range, (token.start, token.end)
                reason = f"the copy drops the source's {quoted(token.lower)}, reversing the meaning"
            yield group.finding("negation_flipped", "low", copy_span, source_span, reason)
            return


def _antonyms(group: Group) -> Iterator[Finding]:
    """A word the copy has more often than the source, whose opposite the source has more
    often than the copy ("rose" for "fell", even when the sentence also keeps a "fell";
    "seeded" for "unseeded"). The spans point at occurrences outside the runs of words both
    texts share, where there are. A negated word says what its opposite says ("was not
    seeded" for "unseeded", "did not rise" for "fell"): no flip."""
    copy_extra = Counter(t.stem for t in group.copy_prose)
    copy_extra.subtract(t.stem for t in group.source_prose)
    source_only = {stem for stem, n in copy_extra.items() if n < 0}
    changed_copy, changed_source = group.prose_changes
    copy_at = _first_of_each(changed_copy + group.copy_prose)
    source_at = _first_of_each(changed_source + group.source_prose)
    for stem in sorted(copy_at, key=lambda s: copy_at[s].start):
        if copy_extra[stem] <= 0:
            continue
        opposite = next((o for o in ANTONYMS.get(stem, ()) if o in source_only), None)
        if opposite is None:
            continue
        token, other = copy_at[stem], source_at[opposite]
        if _negated(group.copy.text, group.copy_tokens, token) or _negated(
            group.source.text, group.source_tokens, other
        ):
            continue
        yield group.finding(
            "negation_flipped",
            "low",
            (token.start, token.end),
            (other.start, other.end),
            f"the copy says {quoted(group.copy.span_text(token))} where the source "
            f"says the opposite, {quoted(group.source.span_text(other))}",
        )


def _negated(text: str, toks: list[Token], token: Token) -> bool:
    """Is the token in the reach (SCOPE) of a negator of its clause: "was not seeded", "none of
    the 150 passengers were armed"?"""
    k = next((i for i, t in enumerate(toks) if t.start == token.start), None)
    if k is None:
        return False
    first = max(0, k - SCOPE)
    return any(
        not _CLAUSE_BREAK.search(text, toks[first + i].end, token.start)
        for i in _negators(text, toks[first:k])
    )


def _first_of_each(toks: list[Token]) -> dict[str, Token]:
    """Each stem's first token in `toks`."""
    first: dict[str, Token] = {}
    for t in toks:
        first.setdefault(t.stem, t)
    return first
