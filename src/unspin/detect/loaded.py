"""Neutral wording made charged ("killed" -> "murdered", "said" -> "admitted") or the reverse;
in a sentence that only says the same fact as a source sentence, the charged direction only."""

from __future__ import annotations

import re
from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, per_document, quoted
from unspin.detect.lexicon import ANIMALS, BE_FORMS, DETERMINERS, LOADED, opens_noun_phrase
from unspin.model import Doc, Finding
from unspin.segmentation.lexicon import given_names
from unspin.text import STOPWORDS, Token, capitalised_mid_sentence, stem, word_matcher

SPEECH = frozenset(stem(w) for w in ("said", "says", "stated"))
# The charged verbs of saying that cast doubt on a statement ("claimed", "alleged", "insists"):
# on real pages as often a spinner's synonym for "said" as a framing (of 24 such findings, 10
# were labelled wrong, 4 loaded wording, 9 a changed attribution, 1 a reworded quotation), so a
# lead (low). Not those that tell more ("confessed", "admitted", "boasted"): no such evidence.
DOUBTING = frozenset(stem(w) for w in ("claimed", "alleged", "insisted"))
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
# Nouns that share a stem with a charged verb of speech ("allegations", "insistence",
# "confession").
_NOUN_ENDINGS = ("ation", "ations", "ence", "ences", "sion", "sions")
# Words of killing that are also the plain words for killing livestock.
BUTCHERING = frozenset(stem(w) for w in ("slaughtered", "butchered"))
MURDER = stem("murdered")
# A person's verdict of murder as a source reports it: "Patterson was convicted in July of
# triple murder", "Smith, 42, was found guilty of murdering", "Jones pleaded guilty on Tuesday
# to two counts of murder", "A jury convicted Smith of murder". Not "attempted murder",
# "conspiracy to commit murder", "manslaughter rather than murder", "not found guilty", nor a
# conviction dated by a year ("convicted of murder in 1995": another killing, long before).
# Each name starts a word, so a long capitalised run is not tried from each of its letters.
_NAMED = r"(?<![\w’'-])(?P<{}>(?:[A-Z][\w’'-]*\s+){{0,2}}[A-Z][\w’'-]*)"
_WHEN = r"(?:\s+(?:on|in|last)\s+[A-Z]?[a-z]+|\s+[A-Z][a-z]+day)?"
_OF_MURDER = (
    r"(?:(?:triple|double|quadruple|first-degree|second-degree|\w+\s+counts?\s+of)\s+)?"
    r"murder(?:s|ing)?\b(?!\s+(?:in|of)\s+\d{4})"
)
_CONVICTED = re.compile(
    _NAMED.format("who")
    + r"(?:,\s+\d{1,3},)?\s+(?:was|has\s+been|had\s+been|is|were)\s+(?:convicted|found\s+guilty)"
    + _WHEN
    + r"\s+of\s+"
    + _OF_MURDER
    + "|"
    + _NAMED.format("pleader")
    + r"(?:,\s+\d{1,3},)?\s+(?:pleaded|pled)\s+guilty"
    + _WHEN
    + r"\s+to\s+"
    + _OF_MURDER
    + r"|\bconvicted\s+"
    + _NAMED.format("object")
    + r"\s+of\s+"
    + _OF_MURDER
)
REGIME = stem("regime")
# What a government is called a regime for in plain news English, not a charge: "the Nazi
# regime", "the military regime" (spun copies of the NYT and of AP, 2025 and 2024).
_REGIMES = frozenset("nazi military fascist soviet communist apartheid colonial".split())
# Words before a "murdered" (and either side of a "murderer") where the copy names its doer.
MURDERER_REACH = 8
# A rise or a fall told more strongly ("soared" for "rose", "crashed" for "fell"): charged when
# it sizes a figure ("plunged 0.4 pct"), a matter of degree otherwise. On real pages "Gold
# prices soared to a record high" and a skater who "crashed several times" for "fell" were
# labelled clean, so without a figure it is a lead (low), not an accusation.
CHANGES = frozenset(stem(w) for w in ("rose", "fell"))
SIZED_REACH = 6  # words after the verb where the figure it sizes stands ("by as much as 2")
# A fall the source tells as motion into something ("ten cars fell into the Red River"): a
# body falling, which "plunged" tells as plainly (BBC on Typhoon Yagi, 2024, spun). Not a
# figure's: "fell into negative territory", "into a bear market", "rose into double digits".
_FALLING_INTO = frozenset("into onto overboard".split())
_FIGURE_PLACES = frozenset(
    stem(w)
    for w in """territory market recession red black digits deficit surplus debt decline slump
    correction contraction negative positive range levels lows highs""".split()
)
FALLEN_INTO_REACH = 4  # words after "into" where a figure's place ("negative territory") stands
# "asked" -> "demanded" charges a request; the noun ("the court's demands") names what was
# required, no request told more strongly, when the copy tells the asking in its own words
# ("an emergency request" for "an emergency appeal asking", a spun copy of AP, 2025).
ASKED = stem("asked")
_REQUESTING = frozenset(stem(w) for w in "request requested asked appeal plea petition".split())
# "fled" for "left" is the plain word where the source tells why one left: a danger to them
# ("he left the country claiming his life was in danger", AP on Madagascar, 2025, spun;
# "left fearing arrest"). Not a danger the clause tells of otherwise ("left for Brussels to
# discuss the threat of tariffs", "dismissing fears that he was in danger").
LEFT = stem("left")
_DANGER = frozenset(
    stem(w) for w in "danger dangerous threat threats threatened persecution violence".split()
)
_GIVING_A_REASON = frozenset("claiming saying citing amid".split())
LEFT_REASON_REACH = 12  # words after "left" where its reason stands
DANGER_REACH = 6  # words after "claiming" where the danger stands


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
    # A charged verb of speech, not its noun nor its adverb: "faces allegations of fraud,
    # alleged on Monday", "allegedly took bribes, he alleged".
    speech_by_stem = {
        t.stem: t
        for k, t in reversed(list(enumerate(group.copy_prose)))
        if not t.lower.endswith(_NOUN_ENDINGS)
        and not t.lower.endswith("ly")
        and not _describes_a_noun(group.copy_prose, k)
    }
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
            charging = speech_by_stem if neutral in SPEECH else copy_by_stem
            # "allegedly" shares a stem with "alleged" but hedges; it does not charge.
            if word in charging and charging[word].lower.endswith("ly"):
                continue
            # Not a word the source's sentences use, even inside its quotations: the minister
            # who called protesters "thugs" charged them, not the copy that drops the marks.
            if word in charging and word not in group.source_stems and neutral in source_replaced:
                c, s = charging[word], source_replaced[neutral]
                if _reframed_in_place(group, c, word, charged, source_replaced):
                    continue
                if c.lower.startswith("claim") and _claims_a_thing(group, c):
                    continue
                if c.lower.startswith("admit") and _admitted_somewhere(group, c):
                    continue
                if c.lower.startswith("conced") and _concedes_a_contest(group, c):
                    continue
                if word in BUTCHERING and _of_livestock(group, c):
                    continue
                if word == MURDER and _the_convicted(group, c):
                    continue
                if word == REGIME and _a_regime_by_name(group, c):
                    continue
                if neutral in CHANGES and _fell_into(group, s):
                    continue
                if neutral == ASKED and _demands_beside_the_asking(group, c):
                    continue
                if neutral == LEFT and _left_for_a_danger(group, s):
                    continue
                of_degree = neutral in CHANGES and not _sizes_a_figure(group, c)
                speech = neutral in SPEECH and word in DOUBTING
                yield group.finding(
                    "loaded_wording",
                    "low" if of_degree or speech else "medium",
                    (c.start, c.end),
                    (s.start, s.end),
                    f"the copy says {quoted(group.copy.span_text(c))} where the source "
                    f"says {quoted(group.source.span_text(s))}"
                    + (" (no figure: a matter of degree)" if of_degree else "")
                    + (" (a verb of saying: as often a synonym as a framing)" if speech else ""),
                )
            elif (
                softened
                and word in source_by_stem
                and word not in copy_by_stem
                and neutral in copy_replaced
                and not any(
                    _one_frame(o, word) and o in copy_replaced and o not in group.source_stems
                    for o in charged
                )
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


@per_document
def _convicted_of_murder(doc: Doc) -> dict[str, str]:
    """Those the text reports convicted of murder, read once per text: each surname with the
    given name told with it ("" for none)."""
    convicted = {}
    for m in _CONVICTED.finditer(doc.text):
        words = (m["who"] or m["pleader"] or m["object"]).split()
        given = words[0] if len(words) > 1 and words[0] in given_names() else ""
        if not convicted.get(words[-1].lower()):
            convicted[words[-1].lower()] = given.lower()
    return convicted


def _a_regime_by_name(group: Group, regime: Token) -> bool:
    """Is "regime" said of a kind of government the source names so too ("the military regime"
    for "the military government", "the Nazi regime" beside "the Nazis")? Not a kind the copy
    gives ("Pakistan's military regime" for "Pakistan's elected government")."""
    toks = group.copy_prose
    at = _index(toks, regime)
    return at > 0 and toks[at - 1].lower in _REGIMES and toks[at - 1].stem in group.source_stems


def _the_convicted(group: Group, charged: Token) -> bool:
    """Is the murder the copy names one the source reports a court found: its doer, named in
    the copy before the word ("Patterson was found guilty of murdering ...") or beside a
    "murderer" ("a triple murderer, Erin Patterson"), is someone the source reports convicted
    of murder ("Patterson was convicted in July of triple murder", AP, 2025)? One charged is
    not; nor one murdered ("Jones was murdered in his cell"), nor another of the surname
    ("Mary Smith murdered" beside "John Smith was convicted of murder")."""
    convicted = _convicted_of_murder(group.source)
    if not convicted:
        return False
    toks = group.copy_prose
    at = _index(toks, charged)
    if at > 0 and toks[at - 1].lower in BE_FORMS:
        return False  # the passive's subject is the one murdered
    near = range(max(0, at - MURDERER_REACH), at)
    if charged.lower.startswith("murderer"):
        near = range(max(0, at - MURDERER_REACH), min(len(toks), at + 1 + MURDERER_REACH // 2))
    for k in near:
        given = convicted.get(toks[k].lower)
        if given is None:
            continue
        before = group.copy.span_text(toks[k - 1]) if k > 0 else ""
        if not given or before not in given_names() or before.lower() == given:
            return True
    return False


# Charged words of speech that frame alike: a confession for an admission is no new framing,
# a claim for an admission is (doubt put on a confession).
_FRAMES = [
    frozenset(stem(w) for w in "admitted admits confessed confesses conceded concedes".split()),
    frozenset(stem(w) for w in "claimed claims alleged alleges insisted insists".split()),
]
_FRAMED = frozenset().union(*_FRAMES)


def _one_frame(a: str, b: str) -> bool:
    """Do two charged stems frame alike (any two of one family but speech: "murdered" and
    "massacred" are both killing)?"""
    if a in _FRAMED or b in _FRAMED:
        return any(a in frame and b in frame for frame in _FRAMES)
    return True


def _reframed_in_place(
    group: Group, c: Token, word: str, charged: frozenset[str], source_replaced: dict[str, Token]
) -> bool:
    """Did the copy's charged word take the place of another charged word of the same frame,
    in the run of words it replaced ("no plans to confess regret" for "no plans to admit
    guilt": The Moscow Times on Igor Girkin, 2024, and a spun copy)? Then it reframes
    nothing; the neutral word it is paired with was replaced elsewhere."""
    others = [
        source_replaced[o]
        for o in charged
        if o != word and o in source_replaced and o not in group.copy_stems and _one_frame(o, word)
    ]
    if not others:
        return False
    a, b = group.copy_prose, group.source_prose
    for op, i1, i2, j1, j2 in word_matcher([t.stem for t in a], [t.stem for t in b]).get_opcodes():
        if op == "replace" and any(t is c for t in a[i1:i2]):
            return any(any(t is o for t in b[j1:j2]) for o in others)
    return False


def _claims_a_thing(group: Group, claimed: Token) -> bool:
    """Does "claimed" take a thing rather than a statement: "claimed the lives of", "claimed
    three lives", "claimed victory in" (the noun ends a clause or a preposition follows it),
    not "claimed the win was stolen" or "claimed that lives were lost"?"""
    toks = group.copy_prose
    at = _index(toks, claimed) + 1
    while at < len(toks) and _before_a_noun(toks[at].lower):
        at += 1
    if at == len(toks) or toks[at].lower not in CLAIMED_THINGS:
        return False
    if at + 1 == len(toks):
        return True
    thing, following = toks[at], toks[at + 1]
    between = group.copy.text[thing.end : following.start]
    return following.lower in _THING_FOLLOWERS or any(not c.isspace() for c in between)


def _concedes_a_contest(group: Group, conceded: Token) -> bool:
    """Does "conceded" give up a contest ("Quiroga conceded and urged calm", "conceded to
    Paz", "conceded defeat", "conceded the election"), not grant a statement ("conceded the
    plan had failed", "conceded to reporters that", "..., he conceded.")? A summary on a real
    page (Briefly, of AP's Bolivian runoff story) was taken for "said" made "conceded"."""
    toks = group.copy_prose
    at = _index(toks, conceded) + 1
    if at == len(toks) or group.copy.text[conceded.end : toks[at].start].strip():
        return False  # "..., he conceded.": it closes a statement
    following = toks[at].lower
    after = toks[at + 1] if at + 1 < len(toks) else None
    if following in _CONCEDED:
        return True
    if following == "to":  # to a rival, not to reporters
        return after is not None and group.copy.text[after.start].isupper()
    return following == "the" and after is not None and after.lower in _CONTESTS


_CONCEDED = frozenset("defeat victory and".split())
_CONTESTS = frozenset("election race vote runoff contest title match game seat".split())


def _describes_a_noun(toks: list[Token], k: int) -> bool:
    """Does the participle stand after an article or a possessive ("over the alleged misuse
    of funds", "his claimed victory"): a word describing a noun, no verb framing a statement
    ("a report that alleged fraud", "it's alleged")?"""
    return k > 0 and opens_noun_phrase(toks[k - 1].lower)


def _sizes_a_figure(group: Group, verb: Token) -> bool:
    """Does a figure follow the verb in its clause ("plunged 0.4 pct", "soared two percent",
    "plunged by as much as 2 pct"), not "soared to a record high", "soared in 2024" or
    "crashed 3 times" (a count of falls, not the size of one)?"""
    copy = group.copy
    toks = group.copy_prose
    at = _index(toks, verb)
    end = verb.end
    for t in toks[at + 1 : at + 1 + SIZED_REACH]:
        if any(c in _CLAUSE_END for c in copy.text[end : t.start]):
            break
        end = t.end
    return any(
        not copy.text[q.end : q.end + 7].lstrip().lower().startswith("time")
        for q in copy.within(copy.quantities, verb.end, end)
    )


def _fell_into(group: Group, verb: Token) -> bool:
    """Does the source's "fell" ("rose") move a body into something ("fell into the river",
    "overboard"), not a figure (no figure nor a figure's place after it)?"""
    toks = group.source_prose
    at = _index(toks, verb) + 1
    if at == len(toks) or toks[at].lower not in _FALLING_INTO:
        return False
    place = toks[at + 1 : at + 1 + FALLEN_INTO_REACH]
    text = group.source.text
    return not any(
        (t.stem in _FIGURE_PLACES and not text[t.start].isupper()) or t.lower[:1].isdigit()
        for t in place
    )  # "into the red" is a figure's place, "into the Red River" a body's


def _left_for_a_danger(group: Group, left: Token) -> bool:
    """Does the source give a danger as the reason for leaving, in the words after "left":
    "fearing ...", or "claiming" ("saying", "citing", "amid") and a word of danger?"""
    toks = group.source_prose
    at = _index(toks, left) + 1
    after = toks[at : at + LEFT_REASON_REACH]
    for k, t in enumerate(after):
        if t.lower == "fearing":
            return True
        if t.lower in _GIVING_A_REASON and any(
            u.stem in _DANGER for u in after[k + 1 : k + 1 + DANGER_REACH]
        ):
            return True
    return False


def _demands_beside_the_asking(group: Group, demands: Token) -> bool:
    """Is "demands" a noun (after an article or a possessive) in a copy that tells the
    source's asking with a word of its own ("request", "appeal")? Then it names what was
    required; "renewed his demands to Western allies" for "again asked" hardens the request."""
    toks = group.copy_prose
    return _describes_a_noun(toks, _index(toks, demands)) and any(
        t.stem in _REQUESTING for t in toks if t.start != demands.start
    )


def _admitted_somewhere(group: Group, admitted: Token) -> bool:
    """Is "admitted" said of a place one enters ("was admitted to the hospital", "admitted into
    intensive care"), not of a statement?"""
    toks = group.copy_prose
    at = _index(toks, admitted) + 1
    if at == len(toks) or toks[at].lower not in ("to", "into"):
        return False
    at += 1
    while at < len(toks) and _before_a_noun(toks[at].lower):
        at += 1
    return at < len(toks) and toks[at].lower in _ADMITTING_PLACES


_ADMITTING_PLACES = frozenset(
    """hospital hospitals clinic icu ward intensive emergency care university college school
    bar""".split()
)


def _index(toks: list[Token], token: Token) -> int:
    """Where the token stands among the group's prose tokens (each finding asks once)."""
    return next(k for k, t in enumerate(toks) if t.start == token.start)


def _before_a_noun(lower: str) -> bool:
    """A determiner, a count or a possessive, between "claimed" and the thing it takes ("that"
    is left out: "claimed that lives were lost" reports a statement)."""
    return (
        (lower in DETERMINERS and lower != "that")
        or lower in _COUNTING
        or lower[:1].isdigit()
        or lower.endswith("'s")
    )


_COUNTING = frozenset(
    """one two three four five six seven eight nine ten dozens hundreds thousands many several
    more than at least over nearly almost some""".split()
)
_THING_FOLLOWERS = frozenset(
    "of for in on at after with and from as over against during by".split()
)


def _of_livestock(group: Group, verb: Token) -> bool:
    """Is "slaughtered" said of livestock: its object ("slaughtered 300 sheep") or, in the
    passive, a subject just before it ("sheep, goats and cows will be slaughtered")?"""
    toks = group.copy_prose
    at = _index(toks, verb)
    text = group.copy.text
    if at > 0 and toks[at - 1].lower in BE_FORMS:
        near = toks[max(0, at - PASSIVE_SUBJECT_REACH) : at]
    else:
        after = at + 1
        while after < len(toks) and _before_a_noun(toks[after].lower):
            after += 1
        near = toks[after : after + 1]
    return any(t.stem in ANIMALS and not capitalised_mid_sentence(text, t.start) for t in near)


PASSIVE_SUBJECT_REACH = 6  # words before "be slaughtered" where what was slaughtered stands
