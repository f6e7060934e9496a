"""Hedges removed or added: "may" becomes "will", "possible" disappears, "reportedly" is dropped,
"is expected to" becomes "will"; and verbs of knowing weakened or strengthened: "concluded"
becomes "alleged" or "believes", "suspected" becomes "found" (not by a verb of suspicion that
renders a hedge of the source on its claim, nor a verb negated). A hedge put on the same claim
in other words, or a verb of suspicion on it, keeps it hedged; an "allegedly" added where the
source speaks of a charge is how reports speak of the act charged, not doubt; a hedge in a
clause describing the speaker ("an official who allegedly refused to be named told") is not
on the claim.

A verb of knowing swapped is medium, and so is a hedge of evidence dropped ("apparently",
"appeared", "reportedly": an appearance or a report made a fact; 5 of 5 such findings were
labelled distortions on real pages). Any other hedge removed or added is low, a lead to check
by eye: real pages put a hedge in words no list holds ("the predicted rainfall" for
"possible"), and of those findings at medium severity 2 in 12 were labelled distortions
(benchmarks/real, 2026-12-05)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import pairwise

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.detect.lexicon import (
    APPROXIMATIONS,
    BE_FORMS,
    BOOSTERS,
    CHARGES,
    DETERMINERS,
    DOUBTS,
    ESTABLISHED,
    EVIDENTIAL,
    HEDGES,
    MODALS,
    NEGATORS,
    SOFTENERS,
    SUSPECTED,
    hedge_family,
    opens_noun_phrase,
)
from unspin.model import Attribution, Doc, Finding
from unspin.segmentation.lexicon import WEEKDAYS
from unspin.text import STOPWORDS, Token, capitalised_mid_sentence, next_lower

CLAIM_WORDS = 3  # a hedge bears on this many content words after it
CLAIM_HELD = 2  # ... of which a text must hold this many to state the claim


def _cues(doc: Doc, toks: list[Token], lexicon: frozenset[str]) -> list[int]:
    out = []
    for i, t in enumerate(toks):
        # "is expected to pass" and "it is expected that" hedge, as do "is anticipated to" and
        # "was projected to"; "more than expected" does not, nor "analysts predicted that".
        forecast = (
            lexicon >= HEDGES
            and next_lower(toks, i) in ("to", "that")
            and (
                t.lower == "expected"
                or (
                    t.lower in _FORECASTS
                    and i > 0
                    and toks[i - 1].lower in BE_FORMS
                    and next_lower(toks, i + 1) not in DETERMINERS  # "projected to the screen"
                )
            )
        )
        # "the alleged stabbing" hedges the act; "the lawsuit alleged that" reports a claim.
        if (
            lexicon >= HEDGES
            and t.lower == "alleged"
            and not (i > 0 and toks[i - 1].lower in DETERMINERS)
        ):
            continue
        # "was due to retire" keeps "had been expected to resign" (a schedule for a forecast).
        scheduled = lexicon >= SOFTENERS and t.lower == "due" and next_lower(toks, i) == "to"
        # "are thought to have" hedges as "are believed to have" does, and "is said to have
        # been" as "reportedly" does; "was said to him" (or "to reporters") is no hedge.
        passive_hedge = (
            lexicon >= HEDGES
            and next_lower(toks, i) == "to"
            and i > 0
            and toks[i - 1].lower in BE_FORMS
            and (
                (t.lower == "thought" and next_lower(toks, i + 1) not in DETERMINERS)
                or (t.lower == "said" and next_lower(toks, i + 1) in ("be", "have"))
            )
        )
        if t.lower not in lexicon and not (forecast or scheduled or passive_hedge):
            continue
        # Capitalised mid-sentence, it is a name or a month ("May 4", "Will Smith"), or a
        # spinner's garble of one ("Could 4" for "May 4").
        if capitalised_mid_sentence(doc.text, t.start):
            continue
        if _not_a_hedge(toks, i):
            continue
        out.append(i)
    return out


_FORECASTS = frozenset("anticipated projected predicted forecast".split())  # passive only
_NO_DOUBT_BEFORE_POSSIBLE = frozenset({"no", "any", "every", "all", "as", "where", "if", "best"})
_PLACES = frozenset({"in", "on", "at", "before", "alongside", "with"})


def _not_a_hedge(toks: list[Token], i: int) -> bool:
    """A hedge word used for something else: a purpose ("so she could recover", "so that it
    can"), a possibility ruled out or made a measure ("no possible appeal", "as soon as
    possible"), an appearance ("the results appeared in the Proceedings", "soldiers appeared
    Wednesday on state television", "failed to appear for a hearing")."""
    word, before = toks[i].lower, [t.lower for t in toks[max(0, i - 3) : i]]
    if word in ("could", "can", "may", "might") and "so" in before[:-1]:  # not "to do so could"
        return True
    if word == "possible" and before and before[-1] in _NO_DOUBT_BEFORE_POSSIBLE:
        return True
    if not word.startswith("appear"):
        return False
    if len(before) >= 2 and before[-1] == "to" and before[-2].startswith("fail"):
        return True  # "his failure to appear for a July court hearing": in person
    after = i + 1 if next_lower(toks, i) in _WHEN else i
    return next_lower(toks, after) in _PLACES


_WHEN = frozenset((*WEEKDAYS, "today", "yesterday", "tonight", "again", "briefly", "later"))


def _approximations(toks: list[Token]) -> list[int]:
    """ "about", "nearly" ... before a number: a figure's hedge in other words."""
    return [
        i
        for i, t in enumerate(toks[:-1])
        if t.lower in APPROXIMATIONS and toks[i + 1].lower[:1].isdigit()
    ]


def _bears_on(toks: list[Token], i: int) -> set[str]:
    """The claim a hedge bears on: the first few content words after it."""
    content = [
        t.stem
        for k, t in enumerate(toks[i + 1 : i + 7], start=i + 1)
        if t.lower not in STOPWORDS and not _partitive(toks, k)
    ]
    return set(content[:CLAIM_WORDS])


def _partitive(toks: list[Token], k: int) -> bool:
    """Is toks[k] the "one" of "one of the deadliest strikes" (or "among" of "among the"):
    words before a claim's own, which a copy saying "the deadliest strike" has no need of?"""
    return (toks[k].lower, next_lower(toks, k)) in (("one", "of"), ("among", "the"))


def _appearance_held(toks: list[Token], i: int, stems: frozenset[str] | set[str]) -> bool:
    """For "appeared to be" a thing ("what appeared to be captured Israeli military vehicles"),
    does the text name that thing (the last word of the noun phrase)? The hedge is on what the
    thing was, not on words the text uses of something else ("soldiers were captured")."""
    if not (
        toks[i].lower.startswith("appear")
        and [t.lower for t in toks[i + 1 : i + 3]] == ["to", "be"]
    ):
        return True
    phrase = []
    for k, t in enumerate(toks[i + 3 : i + 10], start=i + 3):
        if t.lower in STOPWORDS or _partitive(toks, k):
            if phrase:
                break
            continue
        phrase.append(t.stem)
    return not phrase or phrase[-1] in stems


def _subject_held(toks: list[Token], i: int, stems: frozenset[str] | set[str]) -> bool:
    """For an appearance ("the victims appeared to be all from Botswana") whose claim is one
    word, does the text also name what appeared so, the word just before the hedge? One word
    says little: "the bus bore a Botswana license plate" is another claim. After "there" or
    "it" ("there appeared to be a leak") the claim is all after the hedge; other hedges stand
    after a time or a place as often as after their subject ("The minister on Tuesday
    reportedly resigned"), so only appearances are asked."""
    if (
        not toks[i].lower.startswith(("appear", "seem"))
        or len(_bears_on(toks, i)) >= CLAIM_HELD
        or i == 0
        or toks[i - 1].lower in STOPWORDS
    ):
        return True
    return toks[i - 1].stem in stems


REWORDED_REACH = 10  # words after a hedge where a reworded claim may hold the other's words


def _follows(toks: list[Token], i: int) -> set[str]:
    """The content words in reach after a hedge: its claim, however the copy reworded it."""
    return {t.stem for t in toks[i + 1 : i + 1 + REWORDED_REACH] if t.lower not in STOPWORDS}


def _holds(claim: set[str], stems: frozenset[str] | set[str]) -> bool:
    """Does a text state the claim: CLAIM_HELD of its words, or all of a shorter claim (one
    shared word, "economic" in "could weigh on economic output", is another claim)?"""
    return len(claim & stems) >= min(CLAIM_HELD, len(claim)) > 0


@detector("certainty_shifted")
def certainty(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.changed_groups:
        finding = _knowing(group) or _shift(group)
        if finding is not None:
            yield finding


def _knowing(group: Group) -> Finding | None:
    """A verb of knowing put in the place of one of the other kind, outside the runs of words
    both sentences share ("investigators concluded" -> "investigators alleged")."""
    copy_changed, source_changed = group.prose_changes
    # "was found guilty", "were found dead": a verdict or a discovery, not a finding of fact.
    source_changed = _verbs_of_knowing(group.source_tokens, source_changed)
    copy_changed = _verbs_of_knowing(group.copy_tokens, copy_changed)
    # "discovered" for the source's "found": a verb of its own kind renders it, one for one
    # (a source's "found ... and suspect" licenses one "confirmed", not two), all pairs first.
    unpaired, left = list(source_changed), []
    for c in copy_changed:
        same = next((s for s in unpaired if _kind(s.lower) == _kind(c.lower)), None)
        if same is not None:
            unpaired.remove(same)
        else:
            left.append(c)
    # A participle before a noun ("a suspected strike") is compared with one so placed ("a
    # confirmed strike"), not with a verb ("Police believe the gunman" is no "determined
    # gunman").
    if not left or not unpaired:
        return None
    ours, theirs = _attributive(group.copy_tokens), _attributive(group.source_tokens)
    for c in left:
        if _renders_a_hedge(group, c):
            continue
        for s in unpaired:
            if (c.start in ours) != (s.start in theirs):
                continue
            if s.lower in ESTABLISHED and c.lower in SUSPECTED:
                how = "weakens it to"
            elif s.lower in SUSPECTED and c.lower in ESTABLISHED:
                how = "strengthens it to"
            else:
                continue
            return group.finding(
                "certainty_shifted",
                "medium",
                (c.start, c.end),
                (s.start, s.end),
                f"the source says {quoted(group.source.span_text(s))}; the copy {how} "
                f"{quoted(group.copy.span_text(c))}",
            )
    return None


def _renders_a_hedge(group: Group, c: Token) -> bool:
    """Is the copy's verb of suspicion the source's hedge on the same claim in other words
    ("Officials suspect that the blaze is linked to code violations" for "officials said the
    blaze appeared to be linked to code violations", a spun copy of AP on a fire in Kuwait,
    2024, merging that sentence with the next one's "confirmed the toll")? Then it weakens no
    verb of knowing of the source."""
    if c.lower not in SUSPECTED:
        return False
    ct, st = group.copy_tokens, group.source_tokens
    i = next(k for k, t in enumerate(ct) if t.start == c.start)
    claim = _bears_on(ct, i)
    return any(claim & _bears_on(st, j) for j in _cues(group.source, st, HEDGES))


def _verbs_of_knowing(toks: list[Token], changed: list[Token]) -> list[Token]:
    """The verbs of knowing of `changed`, less a verdict or a discovery ("was found guilty",
    "were found dead": a "found" in the passive before one of VERDICTS) and a noun ("to
    claims that", "multiple claims", "the suspect", "Trump's claims"). "It was found that",
    "was found to have", "was confirmed" stay verbs of knowing."""
    at = {u.start: k for k, u in enumerate(toks)}
    return [
        t
        for t in changed
        if _kind(t.lower) is not None
        and not _verdict(toks, at.get(t.start, -1))
        and not _a_noun(toks, at.get(t.start, -1))
        and not _denied(toks, at.get(t.start, -1))
    ]


def _denied(toks: list[Token], k: int) -> bool:
    """Is the verb negated ("JLR hasn't confirmed exactly who might be affected", "police did
    not immediately confirm")? Then it establishes nothing, and suspects nothing. Only a
    negation of the verb itself, right before it or before one adverb: not one of the claim
    before it ("The man was not armed, police confirmed")."""

    def negator(t: Token) -> bool:
        return t.lower in NEGATORS or t.lower.endswith("n't")

    if k >= 1 and negator(toks[k - 1]):
        return True
    return k >= 2 and toks[k - 1].lower in _BETWEEN_NOT_AND_VERB and negator(toks[k - 2])


_BETWEEN_NOT_AND_VERB = frozenset(
    "yet immediately independently publicly officially fully formally already".split()
)


def _attributive(toks: list[Token]) -> set[int]:
    """Where a word stands after an article or a possessive: a participle there describes a
    noun ("a suspected strike", "the determined gunman")."""
    return {t.start for before, t in pairwise(toks) if opens_noun_phrase(before.lower)}


def _kind(lower: str) -> str | None:
    return "established" if lower in ESTABLISHED else "suspected" if lower in SUSPECTED else None


def _a_noun(toks: list[Token], k: int) -> bool:
    """Is the word one that can be a noun (NOUN_FORMS), and a noun here: after an article or a
    possessive ("the suspect", "Trump's claims"), or a plural after a preposition or a
    quantifier ("dismissing multiple claims", "truth to claims that")? Not "a confirmed
    strike" (a participle), nor "it's believed", "some believe" (verbs)."""
    if k <= 0 or toks[k].lower not in NOUN_FORMS:
        return False
    before, word = toks[k - 1].lower, toks[k].lower
    if opens_noun_phrase(before):
        return True
    # Before a plural only: "to" and a quantifier also stand before verbs ("many believe").
    return word.endswith("s") and before in _BEFORE_PLURALS


# The verbs of knowing that are also nouns.
NOUN_FORMS = frozenset("claims suspect suspects finds shows thought".split())
_BEFORE_PLURALS = frozenset(
    """to of on about against over with for by from into such multiple many several some all
    any no new false similar other earlier previous these those""".split()
)


def _verdict(toks: list[Token], k: int) -> bool:
    return (
        0 < k < len(toks) - 1
        and toks[k].lower == "found"
        and toks[k - 1].lower in BE_FORMS
        and toks[k + 1].lower in VERDICTS
    )


VERDICTS = frozenset(
    "guilty innocent liable responsible dead alive unconscious unharmed safe not".split()
)


def _shift(group: Group) -> Finding | None:
    # All words, quoted or not: a spinner may move a hedged clause into or out of a quote, and
    # a hedge dropped inside a quote is reported as the more specific quote_altered.
    ct, st = group.copy_tokens, group.source_tokens
    copy_hedges = _cues(group.copy, ct, HEDGES)
    source_hedges = _cues(group.source, st, HEDGES)
    new_boosters = [
        i for i in _cues(group.copy, ct, BOOSTERS) if ct[i].stem not in group.source_stems
    ]
    # A hedge put in other words is kept, one way or the other: "approximately" for "an
    # estimated", "polls indicate" for "polls suggest", "could" for "can" or "threatens".
    added, _ = _unpaired(ct, copy_hedges, st, _cues(group.source, st, HEDGES | SOFTENERS | MODALS))
    # ... and so does a verb of suspicion on the claim ("Officials suspect that the blaze is
    # linked to code violations" for "officials said the blaze appeared to be linked").
    suspicions = [i for i, t in enumerate(ct) if t.lower in SUSPECTED and not _a_noun(ct, i)]
    copy_soft = _cues(group.copy, ct, HEDGES | SOFTENERS) + _approximations(ct) + suspicions
    _, removed = _unpaired(ct, copy_soft, st, source_hedges)
    if removed:
        for i in removed:
            # The hedged claim must still be in the copy, now without its hedge.
            if new_boosters or (
                _holds(_bears_on(st, i), group.copy_stems)
                and _appearance_held(st, i, group.copy_stems)
                and _subject_held(st, i, group.copy_stems)
            ):
                booster = ct[new_boosters[0]] if new_boosters else None
                return group.finding(
                    "certainty_shifted",
                    "medium" if st[i].lower in EVIDENTIAL else "low",
                    (booster.start, booster.end) if booster else group.copy_range,
                    (st[i].start, st[i].end),
                    f"the source hedges with {quoted(st[i].lower)}; the copy states it "
                    + (f"as certain ({quoted(booster.lower)})" if booster else "without the hedge"),
                )
    if len(copy_hedges) > len(source_hedges):
        speakers = group.copy_items(group.copy.attributions)
        for i in added:
            if ct[i].lower == "allegedly" and CHARGES & group.source_stems:
                continue  # "charged with murder ... shot her" -> "allegedly shooting her"
            if any(_describes_speaker(group.copy, a, ct[i]) for a in speakers):
                continue  # "an official who allegedly refused to be named told": who speaks
            if ct[i].lower == "could" and next_lower(ct, i) == "not":
                continue  # "could not be verified" for "was unable to verify": no doubt added
            if ct[i].lower in DOUBTS and _holds(_bears_on(ct, i), group.source_stems):
                return group.finding(
                    "certainty_shifted",
                    "low",
                    (ct[i].start, ct[i].end),
                    group.source_range,
                    f"the copy adds doubt ({quoted(ct[i].lower)}) that the source does not express",
                )
    return None


_RELATIVE = re.compile(r"\b(?:who|which)\b", re.IGNORECASE)


def _describes_speaker(doc: Doc, a: Attribution, hedge: Token) -> bool:
    """Is the hedge in a relative clause on the speaker, between its name and the verb ("an
    official who allegedly refused to be named told")? "X reportedly said" hedges the saying."""
    after = a.speaker_span.end
    return after <= hedge.start < a.cue_span.start and bool(
        _RELATIVE.search(doc.text, after, hedge.start)
    )


def _unpaired(
    ct: list[Token], copy_hedges: list[int], st: list[Token], source_hedges: list[int]
) -> tuple[list[int], list[int]]:
    """The copy's hedges and the source's with no counterpart on the other side. The same
    hedge word on the same claim pairs first, one with one; a hedge left over is kept by any
    left-over hedge on the same claim ("may take" keeps both of "could possibly take"); what
    is left pairs by the same word anywhere in the sentences."""
    copy_left, source_left = list(copy_hedges), list(source_hedges)
    _pair(ct, copy_left, st, source_left, lambda i, j: bool(_bears_on(ct, i) & _bears_on(st, j)))
    added = [
        i for i in copy_left if not any(_bears_on(ct, i) & _bears_on(st, j) for j in source_left)
    ]
    # A hedge on the claim reworded: "presumed to be situated 7 to 12 miles (11.5 to 20
    # kilometers) below" keeps "believed to be 11.5 kilometres to 20 kilometres down".
    removed = [
        j
        for j in source_left
        if not any(_bears_on(st, j) & _bears_on(ct, i) for i in copy_left)
        and not any(
            ct[i].lower in HEDGES and _holds(_bears_on(st, j), _follows(ct, i)) for i in copy_left
        )
    ]
    _pair(ct, added, st, removed, lambda i, j: True)
    return added, removed


def _pair(
    ct: list[Token],
    copy_left: list[int],
    st: list[Token],
    source_left: list[int],
    also: Callable[[int, int], bool],
) -> None:
    """Take out of both lists, one with one, the hedges of the same word (or family: "appears"
    keeps "apparently") that also satisfy `also`."""
    for i in list(copy_left):
        family = hedge_family(ct[i].lower)
        j = next(
            (j for j in source_left if hedge_family(st[j].lower) == family and also(i, j)), None
        )
        if j is not None:
            copy_left.remove(i)
            source_left.remove(j)
