"""Another person, organisation, place or country in the copy than in the source.

A swap is a name in the copy that the aligned source sentences do not contain, paired with a
name of the same kind in the source that the copy's sentences dropped. One entity named two
ways is no swap: spelling variants (Zelensky / Zelenskyy, O'Brien / O’Brien), abbreviations
with or without periods (U.N. / UN) and for their full names (AP / The Associated Press, NYT /
The New York Times), common metonyms (Moscow for Russia, Washington for the U.S.), a few
nicknames and alternative names (the Aussie Open, the Second World War). News outlets are never
swapped entities: a page that names one credits the story to it (segment/credits.py).

A place named by a common noun changes too: "searched his home" for "searched his office"
(medium: "house" and "home", "jail" and "prison" are one place, other swaps may be loose); not
one that modifies the next word ("the court hearing"). A name in a title in quote marks (a song)
is swapped only for another title's.

A body of people named by a common noun changes too ("soldiers" for "troopers", bodies.py),
and a person's office moved in time ("Former President Donald Trump" for "President Donald
Trump"): both medium.

A name swap is a low finding, a lead to check by eye: on real pages most are one thing named
another way that no rule foresaw (a spinner's garble, "Ozi" for "Ozzy"; a league for its
initials; a company for its chief; an airport for its country). Of the swaps found at high
severity, 3 in 9 were labelled distortions (benchmarks/real, 2026-12-05).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, is_title, quoted, swapped
from unspin.detect.bodies import body_swaps
from unspin.detect.names import FullNames, full_names, name_key, same_name
from unspin.model import Doc, Finding, Name, Quote, SpanIndex
from unspin.segmentation.lexicon import ORG_WORDS, demonyms, outlet_of
from unspin.text import STOPWORDS, Token, capitalised_mid_sentence, word_matcher


def _key(doc: Doc, name: Name) -> str:
    return name_key(doc.span_text(name))


# Places named by common nouns, in groups of words that name one kind of place.
_PLACE_NOUNS = [
    "home house residence apartment flat mansion villa",
    "office offices headquarters",
    "embassy consulate",
    "hotel",
    "hospital clinic",
    "school",
    "university college campus",
    "college",
    "church cathedral",
    "mosque",
    "synagogue",
    "temple",
    "prison jail",
    "court courthouse courtroom",
    "parliament",
    "airport",
    "station",
    "factory plant",
    "mine",
    "farm",
    "restaurant cafe bar",
    "store shop supermarket",
    "stadium arena",
    "port harbour harbor",
]
# As written, not stemmed: "harboured" is no harbour. A word may name two kinds ("college" is
# a university, and a college).
_PLACE_KIND = {
    form: frozenset(k for k, group in enumerate(_PLACE_NOUNS) if w in group.split())
    for words in _PLACE_NOUNS
    for w in words.split()
    for form in (w, w + "s")
}
# A school of a discipline is a college ("regulation college" in a spun copy of AP's "UCLA law
# school"), not a university; an elementary, high or primary school is neither.
_DISCIPLINES = frozenset(
    """law medical business nursing journalism dental graduate art arts film divinity
    engineering veterinary""".split()
)
_COLLEGE = _PLACE_NOUNS.index("college")


def _kind_compatible(group: Group, a: Name, b: Name) -> bool:
    """Could one stand where the other stood? A demonym ("Palestinian", "British") only for
    another: it is not swapped for a person, a place or "Government"."""
    demonym_a = group.copy.span_text(a) in demonyms()
    demonym_b = group.source.span_text(b) in demonyms()
    if demonym_a or demonym_b:
        return demonym_a and demonym_b
    return a.kind == b.kind or "other" in (a.kind, b.kind)


@detector("entity_changed")
def entities(comparison: Comparison) -> Iterator[Finding]:
    copy_full = full_names(comparison.copy)
    source_full = [full_names(doc) for doc in comparison.sources]
    for group in comparison.changed_groups:
        yield from _group_entities(group, copy_full, source_full[group.source_index])
        yield from _place_nouns(group)
        # A body that acted ("soldiers" for "troopers"); one that spoke is attribution.py's.
        yield from (swapped(group, "entity_changed", c, s) for c, s, _ in body_swaps(group))
    # A sentence that only says the source's fact (same_fact) counts for an office too:
    # whoever wrote it, it gives the same person at the same event another office.
    people = [_titled_people(doc) for doc in comparison.sources]
    for group in (*comparison.changed_groups, *comparison.fact_groups):
        yield from _roles(group, people[group.source_index])


def _place_nouns(group: Group) -> Iterator[Finding]:
    """A place noun put in the place of another kind of place, outside the runs of words both
    sentences share, and not said elsewhere in the other's sentences."""
    copy_changed, source_changed = group.prose_changes
    copy_places = [
        t
        for t in copy_changed
        if _a_place(group.copy, t, group.copy_range) and t.stem not in group.source_stems
    ]
    source_places = [
        t
        for t in source_changed
        if _a_place(group.source, t, group.source_range) and t.stem not in group.copy_stems
    ]
    for c, s in zip(copy_places, source_places, strict=False):
        if not _kind_of_place(group.copy, c) & _kind_of_place(group.source, s):
            yield swapped(group, "entity_changed", c, s)


def _a_place(doc: Doc, t: Token, within: tuple[int, int]) -> bool:
    """Does the word name a place by a common noun: not a word of a name ("the International
    Space Station"), nor a modifier or subject ("the court ruled")?"""
    if t.lower not in _PLACE_KIND or capitalised_mid_sentence(doc.text, t.start):
        return False
    return not _modifies(doc, t, within[1]) and not _office_held(doc, t)


# Words before a bare "office" that make it a post held, not a room: "removed from office",
# "took office", "his term in office", "ran for office".
_BEFORE_THE_POST = frozenset(
    """from in out of for took take takes taking left leave leaves leaving assumed assume
    assumes assuming held hold holds holding seek seeks sought seeking""".split()
)


def _office_held(doc: Doc, t: Token) -> bool:
    """Is "office" the post ("removed from office in April 2022 via a no-confidence vote"),
    not a place ("searched his office")? A post is bare: no article or owner before it, and
    no owner after it ("a fire broke out in office of the deputy commissioner" is a place)."""
    if t.lower != "office":
        return False
    before = doc.tokens(max(0, t.start - 20), t.start)[-1:]
    after = doc.tokens(t.end, min(len(doc.text), t.end + 20))[:1]
    return (
        bool(before)
        and before[0].lower in _BEFORE_THE_POST
        and not (after and after[0].lower == "of")
    )


_BEHIND = re.compile(r"\bbehind\s+(?:the\s+|prison\s+|jail\s+|iron\s+)?$", re.IGNORECASE)


def _kind_of_place(doc: Doc, t: Token) -> frozenset[int]:
    """The kinds of place a place noun may name: "behind (prison) bars" is prison, not a bar;
    a law school is a school and a college (no university)."""
    if t.lower == "bars" and _BEHIND.search(doc.text, max(0, t.start - 20), t.start):
        return _PLACE_KIND["prison"]
    before = doc.tokens(max(0, t.start - 20), t.start)[-1:]
    if t.lower.startswith("school") and before and before[0].lower in _DISCIPLINES:
        return _PLACE_KIND[t.lower] | {_COLLEGE}
    return _PLACE_KIND[t.lower]


def _modifies(doc: Doc, t: Token, end: int) -> bool:
    """Is the place noun a modifier or a subject, not a place: followed straight away, before
    `end`, by a content word ("the court hearing", "a prison sentence", "the court ruled"),
    not a word of where it stands ("a rental home near campus")?"""
    after = doc.tokens(t.end, end)[:1]
    return (
        bool(after)
        and not doc.text[t.end : after[0].start].strip()
        and after[0].lower not in STOPWORDS
        and after[0].lower not in _WHERE
    )


# Prepositions of place that are no stopwords (STOPWORDS is the scorer's list).
_WHERE = frozenset(
    "near outside inside beside behind opposite across along amid among within around".split()
)


def _names(doc: Doc, names: list[Name]) -> list[tuple[Name, str]]:
    """The names with their keys, less news outlets (credits, not parties to the story) and
    scraps of two letters that are not abbreviations ("Ye" of a name cut short)."""
    keyed = [(n, _key(doc, n)) for n in names]
    return [
        (n, k)
        for n, k in keyed
        if k not in outlet_of() and (len(k) > 2 or doc.span_text(n).isupper())
    ]


def _in_titles(doc: Doc, names: list[tuple[Name, str]], quotes: list[Quote]) -> set[Name]:
    """The names inside a title in quote marks (a song, “Let's Stay Together”): a work's name
    is swapped only for another work's, never for a party to the story."""
    titles = [q for q in quotes if is_title(doc.span_text(q))]
    return {n for n, _ in names if any(q.start <= n.start and n.end <= q.end for q in titles)}


def _group_entities(
    group: Group, copy_full: FullNames, source_full: FullNames
) -> Iterator[Finding]:
    copy_names = _names(group.copy, group.copy_items(group.copy.names))
    source_names = _names(group.source, group.source_items(group.source.names))
    copy_titles = _in_titles(group.copy, copy_names, group.copy_items(group.copy.quotes))
    source_titles = _in_titles(group.source, source_names, group.source_items(group.source.quotes))

    def one(copy_key: str, source_key: str) -> bool:
        return any(
            same_name(a, b)
            for a in copy_full.expand(copy_key)
            for b in source_full.expand(source_key)
        )

    copy_words = _joined(group.copy_tokens)  # the group's sentences, not what lies between
    source_words = _joined(group.source_tokens)
    added = [
        (n, k)
        for n, k in copy_names
        if not any(one(k, sk) for _, sk in source_names) and not _said(group.copy, n, source_words)
    ]
    dropped = [
        (n, k)
        for n, k in source_names
        if not any(one(ck, k) for _, ck in copy_names) and not _said(group.source, n, copy_words)
    ]
    slots = _replacements(group)
    for name, _ in added:
        candidates = [
            s
            for s, _ in dropped
            if _kind_compatible(group, name, s)
            and (name in copy_titles) == (s in source_titles)
            and _owner_of_a_company(group.source, s) <= _owner_of_a_company(group.copy, name)
        ]
        # The name in the place of the copy's: in the run of words the copy replaced; else,
        # where one name came in and one went out, the one of the very same kind (two names
        # in for one out, "the former Napoli and Boca Juniors player" for "Maradona", is a
        # description, not a swap).
        counterpart = next((s for s in candidates if _same_slot(slots, name, s)), None)
        one_for_one = len(added) == 1 and len(candidates) == 1
        if counterpart is None and one_for_one and candidates[0].kind == name.kind:
            counterpart = candidates[0]
        if counterpart is None:
            continue
        dropped = [(s, k) for s, k in dropped if s is not counterpart]
        yield group.finding(
            "entity_changed",
            "low",
            (name.start, name.end),
            (counterpart.start, counterpart.end),
            f"the copy names {quoted(group.copy.span_text(name))} "
            f"where the source names {quoted(group.source.span_text(counterpart))}",
        )


# What a company may be called after its owner's name ("Elon Musk's electric car maker").
_COMPANY_NOUNS = frozenset(
    "company companies firm maker makers carmaker automaker business group startup airline "
    "bank brand platform network outlet newspaper channel label team club empire".split()
)
OWNED_WORDS = 4  # words after the possessive in which the company noun may stand


def _owner_of_a_company(doc: Doc, name: Name) -> bool:
    """A name in the possessive before a company noun ("Elon Musk's electric car maker"): the
    company, not its owner, is what another name may stand for ("Tesla's turnover"), unless
    that name owns a company too ("Jeff Bezos's electric car maker")."""
    if doc.text[name.end : name.end + 2] not in ("'s", "’s"):
        return False
    after = doc.tokens(name.end + 2, min(len(doc.text), name.end + 80))[:OWNED_WORDS]
    return any(t.lower in _COMPANY_NOUNS for t in after)


def _joined(toks: list[Token]) -> str:
    return f" {' '.join(t.lower for t in toks)} "


def _said(doc: Doc, name: Name, other_words: str) -> bool:
    """Do the other text's sentences say the name's words, though not as a name its segmenter
    found (a title in quote marks, "the Showtime tradition"; "rock" in "Queen of Rock 'n'
    Roll"; "Pfizer" opening a sentence for "Pfizer Inc PFE.N": a company by its first word)?"""
    words = _joined(doc.tokens(name.start, name.end))
    first = words.split()[0] if words.strip() else ""
    company = name.kind == "organisation" and len(first) > 3 and first not in ORG_WORDS
    return words in other_words or (company and f" {first} " in other_words)


Slot = tuple[tuple[int, int], tuple[int, int]]


def _replacements(group: Group) -> list[Slot]:
    """Each run of words the copy put in place of other words, holding little besides its
    names (at most LOOSE more words): a name swapped for a name ("Actual Madrid" for "Real
    Madrid"). Where a whole clause was rewritten ("The former Napoli and Boca Juniors player"
    for "Maradona"), which name stands for which is a guess, not evidence."""
    a, b = group.copy_tokens, group.source_tokens
    matcher = word_matcher([t.stem for t in a], [t.stem for t in b])
    slots = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace":
            continue
        copy_span, source_span = (a[i1].start, a[i2 - 1].end), (b[j1].start, b[j2 - 1].end)
        # The copy's run only: the source's may also hold words the copy dropped ("10 in
        # Canada" for "10 in the U.S. and two in West Germany").
        if i2 - i1 <= _name_words(group.indexes.of(group.copy.names), a[i1:i2]) + LOOSE:
            slots.append((copy_span, source_span))
    return slots


LOOSE = 2  # words besides the names that a run the copy replaced may hold


def _name_words(names: SpanIndex[Name], toks: list[Token]) -> int:
    """How many of the run's words belong to a name."""
    return sum(1 for t in toks if names.inside(t.start))


def _same_slot(slots: list[Slot], name: Name, other: Name) -> bool:
    """Do the two names stand at the same end of a run the copy replaced: both open it ("10
    in Canada" for "10 in the U.S. and two in West Germany"), or both close it?"""
    return any(
        c[0] <= name.start < c[1]
        and s[0] <= other.start < s[1]
        and (
            (name.start == c[0] and other.start == s[0]) or (name.end >= c[1] and other.end >= s[1])
        )
        for c, s in slots
    )


# --- offices moved in time -----------------------------------------------------------------
# "Former President Donald Trump" where the source has "President Donald Trump", or the
# reverse: the same name, another role. A sitting president called a former one (a rewrite
# from a model's older picture of the world) misstates who acted. Only a title written just
# before the name counts, the same title in both texts ("President", "U.S. President"), and
# only when the source nowhere gives the copy's form for that person. "then-President" and
# "the late" say when, not what.

_TITLE = (
    r"vice[ -]president|prime minister|president|premier|chancellor|governor|senator"
    r"|minister|secretary(?: of state)?|mayor|king|queen|chief executive|ceo|chairman"
    r"|chairwoman|ambassador|speaker|commissioner|attorney general|leader"
)
# Words that describe the office's holder between "former" and the title ("the former
# right-wing President Jair Bolsonaro", BBC, 2025): hyphenated words and a few of politics.
_DESCRIBING = r"(?:[a-z]+-[a-z]+|conservative|leftist|populist|nationalist|socialist|longtime)"
# Before a name: an optional "former"/"ex-"/"ousted" (or "then-", "the late") and up to two
# describing words, up to two capitalised words ("U.S.", "Syrian"), the title, the name's first
# letter next.
_ROLE = re.compile(
    r"(?:\b(?P<when>(?i:former|ex|then|late|ousted|deposed|toppled|overthrown))[\s-]+"
    r"(?:" + _DESCRIBING + r"\s+){0,2})?"
    r"(?P<title>(?:[A-Z][\w.’'-]*\s+){0,2}(?i:" + _TITLE + r"))\s+$"
)
# An office held no more: "former", "ex-", and one taken away ("ousted President Mohamed
# Bazoum", Reuters on Niger, 2023, which a copy calls "former President").
_PAST = frozenset({"former", "ex", "ousted", "deposed", "toppled", "overthrown"})
_TAKEN = frozenset({"ousted", "deposed", "toppled", "overthrown"})
# What stands before "ousted" when it describes the holder ("the ousted President", "Niger's
# ousted President", "under ousted President"), not when it is the verb of a sentence ("rebels
# who toppled President X", "the junta, which ousted President X").
_DESCRIBES = re.compile(
    r"(?:\b(?i:the|an?|its|his|her|their|under|of|with|for|to|by|from|against|and)|['’]s|,)\s+$"
    r"|^\s*$"
)
_LOOK_BACK = 60  # characters before a name where its title stands


Role = tuple[bool, str, int]  # past?, the title compared, where the role's words start


def _role(doc: Doc, name: Name, floor: int) -> Role | None:
    """(past?, the title, where the role starts) of the title written before `name`, within
    [floor, name.start); None without one, or for "then-" and "the late". The title is
    compared without a country's words ("U.S. President" is "president"), whole ("Defense
    Minister" is no "Prime Minister")."""
    before = doc.text[max(floor, name.start - _LOOK_BACK) : name.start]
    m = _ROLE.search(before)
    when = (m["when"] or "").lower() if m else ""
    if m is None or when in ("then", "late"):
        return None
    start = name.start - len(before) + m.start()
    past = when in _PAST
    if when in _TAKEN and not _DESCRIBES.search(before, 0, m.start()):
        # "the junta, which ousted President Mohamed Bazoum": a verb, the title his at the time.
        start, past = name.start - len(before) + m.start("title"), False
    words = [w for w in m["title"].split() if w not in demonyms() and w.strip(".") not in _LANDS]
    return past, " ".join(words).lower(), start


# A title in lower case after words of a past time ("during the autocratic rule of president
# Daniel arap Moi", AFP, 2025) tells what the holder was then: "former President" says it too.
_PAST_FRAME = re.compile(
    r"\b(?:(?:rule|era|reign|regime|days|time|presidency|government|administration)\s+of"
    r"|under)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _of_their_day(text: str, title_start: int) -> bool:
    """Is the source's title at title_start in lower case, after words of a past time?"""
    before = text[max(0, title_start - 40) : title_start]
    return text[title_start].islower() and _PAST_FRAME.search(before) is not None


_LANDS = frozenset({"U.S", "US", "U.K", "UK", "UN", "U.N", "EU"})
# A name that differs from another by a generation ("Ferdinand Marcos Jr.") or an initial
# ("George W. Bush" beside "George Bush"): a father and a son, both presidents.
_GENERATION = re.compile(r"\b(?:jr|sr|ii|iii|iv)\b")


def _same_person(key: str, source_keys: set[str]) -> set[str]:
    """The source's names for the person the copy calls `key`: that very name if the source
    gives it, else the one name it matches ("Trump" for "Donald Trump"); none when it could
    be two people ("President Aliyev" beside Heydar and Ilham Aliyev) or a generation apart."""
    if key in source_keys:
        return {key}
    like = {k for k in source_keys if same_name(key, k)}
    if len(like) != 1 or any(_GENERATION.search(k) for k in (key, *like)):
        return set()
    apart = set(key.split()) ^ set(next(iter(like)).split())
    return set() if apart and all(len(w) == 1 for w in apart) else like


def _titled_people(doc: Doc) -> list[tuple[Name, str, Role | None]]:
    """Each person `doc` names, with the name's key and the title written before it (read
    once per source, for all of its groups)."""
    people = []
    for n in doc.names:
        if n.kind == "person":
            k = doc.sentence_at(n.start)
            floor = doc.sentences[k].start if k >= 0 else 0
            people.append((n, name_key(doc.span_text(n)), _role(doc, n, floor)))
    return people


def _roles(group: Group, source_people: list[tuple[Name, str, Role | None]]) -> Iterator[Finding]:
    source_keys = {k for _, k, _ in source_people}
    in_group = {id(n) for n in group.source_items(group.source.names)}
    for sentence in group.copy_sentences:
        for name in group.copy.within(group.copy.names, sentence.start, sentence.end):
            if name.kind != "person":
                continue
            copy_role = _role(group.copy, name, sentence.start)
            if copy_role is None:
                continue
            keys = _same_person(name_key(group.copy.span_text(name)), source_keys)
            told = [
                (n, r)
                for n, k, r in source_people
                if k in keys and r is not None and r[1] == copy_role[1]
            ]
            if any(r[0] == copy_role[0] for _, r in told):
                continue  # the source gives the copy's form somewhere
            counterpart = next(((n, r) for n, r in told if id(n) in in_group), None)
            if counterpart is None:
                continue
            n, r = counterpart
            if not r[0] and _of_their_day(group.source.text, r[2]):
                continue
            yield group.finding(
                "entity_changed",
                "medium",
                (copy_role[2], name.end),
                (r[2], n.end),
                f"the copy calls {group.copy.span_text(name)} "
                f"{quoted(group.copy.text[copy_role[2] : name.start].strip())} "
                f"where the source says {quoted(group.source.text[r[2] : n.start].strip())}",
            )
