"""Numbers changed, added or dropped between aligned sentences.

An order of magnitude in words ("hundreds", "tens of thousands") is a number too: it changes
when the copy puts another order in its place ("hundreds" for "tens of thousands") or a number
outside it ("dozens" for 150 is fine, for 8,500 is not).

A measure given with its conversion ("195 kilometres (120 miles)") is one figure, compared in
the unit the other text uses; a conversion is a rounded figure, so one rounded another way is
no change.

A bound is part of a figure: "over 1,000" for "under 1,000" changes it (high), and so does a
strict bound the copy puts on a figure the source gives exactly ("more than 62" for "62",
medium); a bound dropped ("1,000" for "under 1,000") only says less, and a floor raised a
little ("at least 23" for "more than 20", as a toll rises from one version of a story to the
next) is low: more than the source says, nothing it denies.

A number added or dropped is low severity, a lead to check by eye. On real pages an added
number is mostly background the source never gives (an age, "Biden, 79,"; "its 1.4 billion
population"), a figure the source wrote in words no rule reads ("a full percentage point"), or
a write-through's later figure: of added numbers found at medium severity, 1 in 4 was a labelled
distortion (benchmarks/real, 2026-12-05).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.detect.lexicon import ANTONYMS
from unspin.model import VAGUE_SPREAD, Doc, Finding, Quantity
from unspin.segmentation.lexicon import names_a_thing
from unspin.segmentation.numbers import VALUES
from unspin.text import STOPWORDS, Token, stem

# "about 1,200" for "1,205 participants" rounds the number; it does not change it. A number
# marked approximate on either side matches one this close to it (share of the larger).
ROUNDING = 0.05
MAX_CHANGE = 10  # with nothing else to pair them by, two numbers this far apart count apart


def _same(a: Quantity, b: Quantity) -> bool:
    # A bare count matches any unit ("8,500" vs "8,500 troops" is the same number written twice).
    if not (a.unit == b.unit or not a.unit or not b.unit):
        return False
    if a.vague or b.vague:
        if a.vague and b.vague:
            return a.value == b.value
        order, exact = (a, b) if a.vague else (b, a)
        return order.value <= exact.value < order.value * VAGUE_SPREAD
    gap = abs(a.value - b.value)
    if gap <= 1e-9 * max(1.0, abs(a.value)):
        return True
    return (a.approximate or b.approximate) and _close(a, b)


def _close(a: Quantity, b: Quantity) -> bool:
    """Within ROUNDING of each other: one figure rounded."""
    return abs(a.value - b.value) <= ROUNDING * max(abs(a.value), abs(b.value))


PAIRS_WEIGHED = 10_000  # figure pairs of a group weighed by place; past it, reading order


def _unmatched(ours: list[Quantity], theirs: list[Quantity]) -> list[Quantity]:
    """Our quantities that none of theirs gives. As many figures pair as can ("about 100
    people were hurt and 100 evacuated" against "100 evacuated and 104 hurt" pairs both), the
    nearest in their order first: "Exports rose 7 percent, while imports rose 3 percent"
    against "... 3 percent, ... 3 percent" leaves the exports' 3 percent unmatched, the
    evidence beside the copy's 7 (in reading order the copy's 3 took it). Past PAIRS_WEIGHED
    pairs of figures (a hostile run of them), in reading order."""
    if len(ours) * len(theirs) > PAIRS_WEIGHED:
        left = list(theirs)
        out = []
        for q in ours:
            twin = next((t for t in left if _same(q, t)), None)
            if twin is None:
                out.append(q)
            else:
                left.remove(twin)
        return out
    pairs = [(i, j) for i, q in enumerate(ours) for j, t in enumerate(theirs) if _same(q, t)]
    pairs.sort(key=lambda p: abs(_place(p[0], len(ours)) - _place(p[1], len(theirs))))
    partner: dict[int, int] = {}  # their index -> ours
    taken: set[int] = set()
    for i, j in pairs:  # nearest first
        if j not in partner and i not in taken:
            partner[j] = i
            taken.add(i)
    options: dict[int, list[int]] = {}
    for i, j in pairs:
        options.setdefault(i, []).append(j)

    def paired(i: int, tried: set[int]) -> bool:
        """Pair ours[i], moving another of ours to its next option if need be (an augmenting
        path; at most PAIRS_WEIGHED pairs leave the shorter side 100 figures: no deeper)."""
        for j in options.get(i, []):
            if j not in tried:
                tried.add(j)
                if j not in partner or paired(partner[j], tried):
                    partner[j] = i
                    return True
        return False

    for i in sorted(set(options) - taken):
        paired(i, set())
    matched = set(partner.values())
    return [q for i, q in enumerate(ours) if i not in matched]


def _place(index: int, count: int) -> float:
    """Where the index-th of `count` figures stands among them, from 0 (first) to 1 (last):
    its order, which a copy's own words before or between them do not move."""
    return index / max(1, count - 1)


_POINTED = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _points_as_thousands(doc: Doc, q: Quantity, theirs: list[Quantity]) -> Quantity:
    """The copy's "63.509" read as 63,509 where the source has 63,509 and not 63.509."""
    if not _POINTED.fullmatch(doc.span_text(q)):
        return q
    grouped = replace(q, value=float(doc.span_text(q).replace(".", "")))
    mine = any(_same(q, t) for t in theirs)
    return grouped if not mine and any(_same(grouped, t) for t in theirs) else q


def _after(doc: Doc, q: Quantity) -> list[Token]:
    """The (at most three) words right after a number, in its sentence: "13 states." counts
    no "sample" of the sentence after it."""
    at = doc.sentence_at(q.start)
    end = doc.sentences[at].end if at >= 0 else len(doc.text)
    return doc.tokens(q.end, min(end, q.end + 40))[:3]


def _context(doc: Doc, q: Quantity) -> set[str]:
    """Content words right after a number ("troops", "people"): what it counts."""
    return {t.stem for t in _after(doc, q) if t.lower not in STOPWORDS}


def _unbroken_after(doc: Doc, q: Quantity) -> list[Token]:
    """The words right after a number up to the first punctuation mark (a hyphen joins:
    "a 20-year career")."""
    out, at = [], q.end
    for t in _after(doc, q):
        if doc.text[at : t.start].strip(" -"):
            break
        out.append(t)
        at = t.end
    return out


# A count of units of time, in days (by stem): "two glittering decades", "a 20-year career".
_DAYS = {"second": 1 / 86400, "minut": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7}
_DAYS |= {"month": 365 / 12, "year": 365, "decad": 3650, "centuri": 36500}


def _days(doc: Doc, q: Quantity) -> tuple[float, float] | None:
    """How many days the number counts and how many days its unit is, None if it counts no
    time: "a 20-year career" and "two decades" are one span of time; "five rings" and "5.8
    percent in the second quarter" are none (the unit of time must be what the number counts,
    before any punctuation or function word)."""
    if q.unit not in ("", "year"):
        return None
    for t in _unbroken_after(doc, q):
        if t.lower in STOPWORDS:
            return None
        if t.stem in _DAYS:
            return q.value * _DAYS[t.stem] + _days_before(doc, q), _DAYS[t.stem]
    return None


# The larger part of a span of time told in two units: "a year and three months" is 15 months
# (AP's sentence of a judge, "15 months" on the pages that copied it).
_SPAN_BEFORE = re.compile(
    r"\b(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
    r"(?P<unit>years?|months?|weeks?|days?|hours?)\s+and\s+$",
    re.IGNORECASE,
)


def _days_before(doc: Doc, q: Quantity) -> float:
    """The days of a span's larger part told before it ("a year and" three months), or 0."""
    m = _SPAN_BEFORE.search(doc.text, max(0, q.start - 30), q.start)
    if m is None:
        return 0.0
    count = m["count"].lower()
    n = int(count) if count.isdigit() else VALUES.get(count, 1)  # "a", "an": one
    return n * _DAYS[stem(m["unit"].lower())]


ROUNDED = 0.1  # a round figure in a coarser unit stays this close to the other


def _same_span(group: Group, q: Quantity, theirs: Quantity) -> bool:
    """One span of time in other units: the same days, or a count of a coarser unit that
    rounds the other to it, within half that unit and ROUNDED of it ("nearly five decades" of
    a "49-year rule", "two decades" for "21 years"; not "a year" for "six months" nor "two
    decades" for "15 years"): a writer's round figure, not a changed one."""
    ours, other = _days(group.copy, q), _days(group.source, theirs)
    if ours is None or other is None:
        return False
    (days, unit), (other_days, other_unit) = ours, other
    gap = abs(days - other_days)
    if gap < 1e-6 * days:
        return True
    return unit != other_unit and gap <= max(unit, other_unit) / 2 and gap <= ROUNDED * other_days


def _anywhere(doc: Doc, q: Quantity) -> bool:
    return any(_same(q, other) for other in doc.quantities)


ELSEWHERE_LOOKS = 8  # figures of the same value `_counted_elsewhere` reads the context of


def _counted_elsewhere(doc: Doc, span: tuple[int, int], q: Quantity, counts: set[str]) -> bool:
    """Does the text give the number outside these sentences, counting what `counts` says
    ("killed 130 people" in a copy's lede; "24 major titles" in another sentence of the
    source)? Not the same figure counting another thing ("About 40 firefighters" beside the
    "40 homes" a copy made 400)."""
    start, end = span
    same = (o for o in doc.quantities if _same(q, o) and not start <= o.start < end)
    # The first few only: a page repeating one figure in every sentence stays linear.
    return any(counts & _context(doc, other) for other in islice(same, ELSEWHERE_LOOKS))


@detector("number_changed", "number_added", "number_dropped")
def numbers(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.changed_groups:
        yield from _group_numbers(group)
        yield from _named_numbers(group)


# A number that is part of a name ("Chapter 11", "Boeing 737", "Article 5") is not a quantity;
# another number after the same word is still another thing ("Chapter 7" bankruptcy).
_NAMED_NUMBER = re.compile(r"\b([A-Z][\w&’'-]*)\s(\d+(?:[.,]\d+)*)\b")


def _named(doc: Doc, start: int, end: int) -> dict[str, list[re.Match[str]]]:
    found: dict[str, list[re.Match[str]]] = {}
    for m in _NAMED_NUMBER.finditer(doc.text, start, end):
        if names_a_thing(doc.text, m.start(2)):
            found.setdefault(m[1], []).append(m)
    return found


def _named_numbers(group: Group) -> Iterator[Finding]:
    copy, source = _named(group.copy, *group.copy_range), _named(group.source, *group.source_range)
    for word in copy.keys() & source.keys():
        ours, theirs = {m[2] for m in copy[word]}, {m[2] for m in source[word]}
        if ours & theirs:
            continue
        c, s = copy[word][0], source[word][0]
        yield group.finding(
            "number_changed",
            "high",
            c.span(),
            s.span(),
            f"the copy says {quoted(c[0])} where the source says {quoted(s[0])}",
        )


def _group_numbers(group: Group) -> Iterator[Finding]:
    copy_q = group.copy_items(group.copy.quantities)
    source_q = group.source_items(group.source.quantities)
    # A measure given in other units ("7 to 12 miles" for "11.5 to 20 kilometres") or with its
    # conversion added ("1.6 degrees Celsius (2.89 degrees Fahrenheit)") is not changed: each
    # text's measure told twice counts once, in the unit the other text uses if it uses one.
    copy_units = {_measure(group.copy, q) for q in copy_q} - {None}
    source_units = {_measure(group.source, q) for q in source_q} - {None}
    copy_q, copy_conversions = _told_once(group.copy, copy_q, source_units)
    source_q, source_conversions = _told_once(group.source, source_q, copy_units)
    copy_q = [
        q for q in copy_q if not _converted(_measure(group.copy, q), source_units, copy_units)
    ]
    source_q = [
        q for q in source_q if not _converted(_measure(group.source, q), copy_units, source_units)
    ]
    # "63.509" in a page translated from a language that groups thousands with points.
    copy_q = [_points_as_thousands(group.copy, q, source_q) for q in copy_q]
    yield from _bounds_flipped(group, copy_q, source_q)
    yield from _bound_added(group, copy_q, source_q)
    copy_text, source_text = group.copy.text, group.source.text
    added = [
        q
        for q in _unmatched(copy_q, source_q)
        if not _said_otherwise(source_text[slice(*group.source_range)], source_text, q)
    ]
    dropped = [
        q
        for q in _unmatched(source_q, copy_q)
        if not _said_otherwise(copy_text[slice(*group.copy_range)], copy_text, q)
    ]
    for q in list(added):
        # One span of time in other units ("a 20-year career" for "two decades") is not changed.
        span = next((c for c in dropped if _same_span(group, q, c)), None)
        if span is not None:
            added.remove(q)
            dropped.remove(span)
            continue
        counterpart = _counterpart(group, q, dropped)
        if counterpart is None:
            continue
        # A conversion rounded another way ("121.56 kg" for "122 kilograms"), or plain degrees
        # in the other scale ("113 degrees" for "45 degrees Celsius"): one measure.
        rounded = id(q) in copy_conversions or id(counterpart) in source_conversions
        if (rounded and _close(q, counterpart)) or _one_heat(
            _measure(group.copy, q), q.value, _measure(group.source, counterpart), counterpart.value
        ):
            added.remove(q)
            dropped.remove(counterpart)
            continue
        # Both kept, each where the other text has it: moved, not put for one another ("his
        # record of 24 Grand Slam titles" from another sentence of the source, whose "all four
        # Grand Slam titles" the copy gives too). Not the Texas toll given to Oklahoma, whose
        # own the copy drops.
        if _anywhere(group.copy, counterpart) and _counted_elsewhere(
            group.source, group.source_range, q, _context(group.copy, q)
        ):
            continue
        added.remove(q)
        dropped.remove(counterpart)
        said = (
            f"the copy says {quoted(group.copy.span_text(q))} "
            f"where the source says {quoted(group.source.span_text(counterpart))}"
        )
        sharper = _sharper_floor(group, q, counterpart)
        yield group.finding(
            "number_changed",
            "low" if sharper else "high",
            (q.start, q.end),
            (counterpart.start, counterpart.end),
            f"{said}: a closer floor the source's allows, as a later version of a story gives"
            if sharper
            else said,
        )
    for q in added:
        # Moved from another sentence of the source is not added. "One" in words is as often
        # a pronoun or an idiom ("at one stage", "one of the greatest") as a count.
        if not _anywhere(group.source, q) and not _one_in_words(group.copy, q):
            yield group.finding(
                "number_added",
                "low",
                (q.start, q.end),
                group.source_range,
                f"the number {quoted(group.copy.span_text(q))} is not in the source",
            )
    for q in dropped:
        if not _anywhere(group.copy, q) and not _one_in_words(group.source, q):
            yield group.finding(
                "number_dropped",
                "low",
                group.copy_range,
                (q.start, q.end),
                f"the copy leaves out the number {quoted(group.source.span_text(q))}",
            )


# The side of a number a bound puts the true figure on: "over 1,000" for "under 1,000" says
# the opposite, though the number is the same; so does "as many as 55" (at most) for "at least
# 55" (a real spun copy of AFP, 2024). ("About" and "some" say neither.) A bound denied is the
# other one: "not less than three" is "at least three" (a spun copy of AFP, 2023); a search
# finds the leftmost bound, so "not less than" is read before the "less than" inside it.
_ABOVE = (
    r"(?:not|no)\s+(?:(?:less|fewer)\s+than|under|below)|more\s+than|(?:just\s+|well\s+)?over|"
    r"at\s+least|upwards\s+of|greater\s+than|above"
)
_BELOW = (
    r"(?:not|no)\s+(?:(?:more|greater)\s+than|over|above)|less\s+than|fewer\s+than|"
    r"(?:just\s+)?under|nearly|almost|up\s+to|below|close\s+to|as\s+many\s+as|as\s+much\s+as"
)
_BOUND = re.compile(rf"\b(?:(?P<above>{_ABOVE})|(?P<below>{_BELOW}))\s+$", re.IGNORECASE)


SHARPER_FLOOR = 1.25  # a toll's floor raised by at most this factor is updated, not inflated


def _sharper_floor(group: Group, q: Quantity, theirs: Quantity) -> bool:
    """Does the copy give a floor a little above the source's, which the source's allows ("at
    least 23 people injured" for "more than 20")? Tolls rise as a story is written through;
    the copy says more than its source, but nothing the source denies (a lead, low)."""
    ours, source = _bound(group.copy, q), _bound(group.source, theirs)
    return (
        ours is not None
        and source is not None
        and ours["above"] is not None
        and source["above"] is not None
        and TOLL_FLOOR <= theirs.value < q.value <= SHARPER_FLOOR * theirs.value
        and _counts_people(group.copy, q)
        and _counts_people(group.source, theirs)
    )


TOLL_FLOOR = 10  # "at least five killed" for "at least four" is another toll, not a closer one
# What a toll counts: the word after its number ("more than 20 people", "at least 23 injured").
_PEOPLE = frozenset(
    """people persons injured wounded hurt dead killed deaths casualties victims civilians
    migrants passengers workers children students soldiers""".split()
)


def _counts_people(doc: Doc, q: Quantity) -> bool:
    """Is the number a count of people (a toll), not a sum, a share or a measure?"""
    after = _after(doc, q)[:1]
    return bool(after) and q.unit == "" and after[0].lower in _PEOPLE


def _bound(doc: Doc, q: Quantity) -> re.Match[str] | None:
    return _BOUND.search(doc.text, max(0, q.start - 20), q.start)


def _antonyms(ours: str, theirs: str) -> bool:
    """Bounds that are opposite words ("more" / "less", "above" / "below"): negation_flipped
    reads those, as it reads any antonym put in a word's place."""
    first, other = stem(ours.split()[0].lower()), stem(theirs.split()[0].lower())
    return other in ANTONYMS.get(first, frozenset())


def _bounds_flipped(
    group: Group, copy_q: list[Quantity], source_q: list[Quantity]
) -> Iterator[Finding]:
    """The same number bounded the other way: "over 1,000" where the source says "under".
    Paired one for one, bounds kept first: a sentence that gives "as many as 100 people" and
    "more than 100 homes" in both texts turned neither."""
    bounded = [(t, b) for t in source_q if (b := _bound(group.source, t)) is not None]
    ours_bounded = [(q, b) for q in copy_q if (b := _bound(group.copy, q)) is not None]
    flipped = []
    for q, ours in ours_bounded:
        kept = next(
            (
                pair
                for pair in bounded
                if pair[1].lastgroup == ours.lastgroup
                and abs(q.value - pair[0].value) <= 1e-9
                and _same(q, pair[0])
            ),
            None,
        )
        if kept is not None:
            bounded.remove(kept)
        else:
            flipped.append((q, ours))
    for q, ours in flipped:
        for pair in bounded:
            t, theirs = pair
            if abs(q.value - t.value) > 1e-9 or not _same(q, t):
                continue
            if {ours.lastgroup, theirs.lastgroup} == {"above", "below"} and not _antonyms(
                ours[0], theirs[0]
            ):
                bounded.remove(pair)
                yield group.finding(
                    "number_changed",
                    "high",
                    (ours.start(), q.end),
                    (theirs.start(), t.end),
                    f"the copy says {quoted(group.copy.text[ours.start() : q.end])} "
                    f"where the source says {quoted(group.source.text[theirs.start() : t.end])}",
                )
                break


# A bound that leaves out the number it bounds: "more than 62" is not 62 ("no more than 62"
# may be).
_STRICT_BOUND = re.compile(
    r"(?<!\bno )(?<!\bnot )\b(?:more|greater|fewer|less)\s+than\s+$", re.IGNORECASE
)


def _bound_added(
    group: Group, copy_q: list[Quantity], source_q: list[Quantity]
) -> Iterator[Finding]:
    """A strict bound put on a figure the source gives exactly: "more than 62 people on board"
    for "carrying 62 people" (a copy of AP, 2021), "more than 4,000 people" for "4,000 more
    people". Not where the source bounds or rounds that figure itself ("under 1,000", "about
    1,000"), nor where it gives the same bound for it elsewhere in the sentences."""
    for q in copy_q:
        bound = _STRICT_BOUND.search(group.copy.text, max(0, q.start - 20), q.start)
        if bound is None or q.vague:
            continue
        same = [t for t in source_q if abs(q.value - t.value) <= 1e-9 and _same(q, t)]
        if not same or any(t.approximate or t.vague or _bound(group.source, t) for t in same):
            continue
        t = same[0]
        yield group.finding(
            "number_changed",
            "medium",
            (bound.start(), q.end),
            (t.start, t.end),
            f"the copy says {quoted(group.copy.text[bound.start() : q.end])} where the source "
            f"gives the figure exactly: {quoted(group.source.span_text(t))}",
        )


# Units by dimension; each group is one unit written several ways, named by its first word.
_UNITS = {
    "length": "km kms kilometre kilometres kilometer kilometers|mi mile miles|m metre metres "
    "meter meters|ft feet foot|yard yards|inch inches|cm centimetres centimeters|mm",
    "temperature": "c celsius|f fahrenheit|degree degrees",
    "weight": "kg kgs kilogram kilograms|tonne tonnes|ton tons|lb lbs pound pounds|ounce ounces"
    "|gram grams",
    "area": "acre acres|hectare hectares",
    "volume": "litre litres liter liters|gallon gallons",
    "speed": "mph|kph km/h",
}
_UNIT_OF = {
    word: (dimension, group.split()[0])
    for dimension, groups in _UNITS.items()
    for group in groups.split("|")
    for word in group.split()
}
# The unit word after a number, or after the range it opens ("7 to 12 miles"), and the word
# after it: an area is a length squared ("8 square kilometers", "3 sq mi"), a temperature may
# be told in degrees ("2.89 degrees Fahrenheit").
_UNIT_AFTER = re.compile(
    r"(?:\s*(?:to|-|–)\s*[\d.,]+)?\s*(?:-|\s)?(?P<first>[A-Za-z/.]+)(?:\s+(?P<second>[A-Za-z/]+))?"
)


def _measure(doc: Doc, q: Quantity) -> tuple[str, str] | None:
    """What the number measures and in what unit ("20 kilometres": length, km; "3 sq mi":
    area, square mi; "1.6 degrees Celsius": temperature, c)."""
    m = _UNIT_AFTER.match(doc.text, q.end)
    if m is None:
        return None
    first, second = m["first"].lower().rstrip("."), (m["second"] or "").lower()
    then = _UNIT_OF.get(second)
    if first in ("square", "sq") and then and then[0] == "length":
        return "area", f"square {then[1]}"
    if first in ("degree", "degrees") and then and then[0] == "temperature":
        return then
    return _UNIT_OF.get(first)


def _same_unit(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One unit, or plain degrees beside a scale of them ("40 degrees" may be Celsius)."""
    return a == b or (a[0] == b[0] == "temperature" and "degree" in (a[1], b[1]))


def _one_heat(
    a: tuple[str, str] | None, a_value: float, b: tuple[str, str] | None, b_value: float
) -> bool:
    """Plain degrees beside a scale of them, the one the other converted: "113 degrees" for
    "45 degrees Celsius", "40 degrees" for "104 degrees Fahrenheit"."""
    if a is None or b is None or {a[1], b[1]} not in ({"degree", "c"}, {"degree", "f"}):
        return False
    (scale, value), plain = (b[1], b_value), a_value
    if scale == "degree":
        (scale, value), plain = (a[1], a_value), b_value
    other = value * 9 / 5 + 32 if scale == "c" else (value - 32) * 5 / 9
    return abs(plain - other) <= 1


def _used(measure: tuple[str, str] | None, units: set[tuple[str, str]]) -> bool:
    return measure is not None and any(_same_unit(measure, u) for u in units)


def _converted(
    measure: tuple[str, str] | None, theirs: set[tuple[str, str]], ours: set[tuple[str, str]]
) -> bool:
    """The other text measures this in another unit, one this text does not use, and never in
    this one."""
    return (
        measure is not None
        and not _used(measure, theirs)
        and any(u[0] == measure[0] and not _used(u, ours) for u in theirs)
    )


_CONVERSION_GAP = re.compile(r"[\w\s.%-]{0,30}\(\s*(?:about\s+|some\s+)?")
CONVERSION_REACH = 45  # characters before a conversion where the measure it converts ends


def _converts(doc: Doc, q: Quantity) -> Quantity | None:
    """The measure `q` converts: a number in parentheses right after another measure, in other
    units of the same dimension ("195 kilometres (120 miles)", "1.6 degrees Celsius (2.89
    degrees Fahrenheit)", "15 billion miles (24 billion kilometres)", "268 pounds (121.56
    kg)"). Not "1,200 km (300 km of it through Poland)", a figure of its own."""
    measure = _measure(doc, q)
    if measure is None:
        return None
    before = doc.within(doc.quantities, max(0, q.start - CONVERSION_REACH), q.start)[-1:]
    if not before or not _CONVERSION_GAP.fullmatch(doc.text, before[0].end, q.start):
        return None
    theirs = _primary_measure(doc, before[0])
    return before[0] if theirs and theirs[0] == measure[0] and theirs != measure else None


def _primary_measure(doc: Doc, q: Quantity) -> tuple[str, str] | None:
    """The unit of a measure a conversion follows: after it, or the last word of its span,
    where the reader took a unit in ("268 pounds", read as money, is a weight before "(121.56
    kg)")."""
    words = doc.span_text(q).split()
    last = words[-1].lower() if len(words) > 1 else ""
    return _measure(doc, q) or _UNIT_OF.get(last)


def _told_once(
    doc: Doc, qs: list[Quantity], other_units: set[tuple[str, str]]
) -> tuple[list[Quantity], set[int]]:
    """The quantities with each measure told with its conversion counted once, in the unit the
    other text uses ("17,300 acres" of "7,000 hectares (17,300 acres)" beside "17,300 acres"),
    else in its own; both where the other text uses both units ("900 kilometres (560 miles)"
    beside "560 miles (900 kilometres)"). Also the ids of the conversions kept: a conversion
    is a rounded figure, and one rounded another way is no changed figure."""
    dropped, conversions = set(), set()
    for q in qs:
        measure = _converts(doc, q)
        if measure is None:
            continue
        ours, theirs = _measure(doc, q), _primary_measure(doc, measure)
        if _used(ours, other_units) and _used(theirs, other_units):
            conversions.add(id(q))
        elif _used(ours, other_units):
            conversions.add(id(q))
            dropped.add(id(measure))
        else:
            dropped.add(id(q))
    return [q for q in qs if id(q) not in dropped], conversions


def _a_count_for_a_measure(group: Group, q: Quantity, theirs: Quantity) -> bool:
    """Is one a count in words and the other a figure with decimals, neither with a unit and
    no word around one around the other ("Piñera served two terms" beside "an 8.8 magnitude
    earthquake", a spun copy of AP, 2024)? Then they count different things; not "a magnitude
    eight earthquake" for "a magnitude 7.4 quake", nor "two percent" for "2.6 percent"."""
    if q.unit or theirs.unit:
        return False
    ours_in_words = group.copy.span_text(q)[:1].isalpha()
    theirs_in_words = group.source.span_text(theirs)[:1].isalpha()
    decimals = (ours_in_words and not float(theirs.value).is_integer()) or (
        theirs_in_words and not float(q.value).is_integer()
    )
    return decimals and not _around(group.copy, q) & _around(group.source, theirs)


AROUND = 2  # words either side of a number that say what it measures ("magnitude")


def _around(doc: Doc, q: Quantity) -> set[str]:
    """The content words just before and after a number, in its sentence."""
    k = doc.sentence_at(q.start)
    start, end = (doc.sentences[k].start, doc.sentences[k].end) if k >= 0 else (0, len(doc.text))
    before = doc.tokens(max(start, q.start - 40), q.start)[-AROUND:]
    after = doc.tokens(q.end, min(end, q.end + 40))[:AROUND]
    return {t.stem for t in (*before, *after) if t.lower not in STOPWORDS}


def _comparable(a: float, b: float) -> bool:
    """Close enough in size to be one figure changed: 8,500 for 50,000, not 18 for 401,993."""
    low, high = sorted((abs(a), abs(b)))
    return low > 0 and high / low <= MAX_CHANGE


_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)
_ADULTS = re.compile(r"\badults?\b", re.IGNORECASE)


def _said_otherwise(sentences: str, whole: str, q: Quantity) -> bool:
    """The other text says this number, though not as a quantity: "two" for "both" in its
    sentences, "over 18" for "adults"; a year it gives as a date anywhere ("his 2018 gun
    purchase" for "a revolver bought in 2018")."""
    if q.unit or q.vague:
        return False
    if (q.value == 2 and _BOTH.search(sentences)) or (q.value == 18 and _ADULTS.search(sentences)):
        return True
    year = q.value.is_integer() and 1800 <= q.value <= 2100
    return year and re.search(rf"\b{int(q.value)}\b", whole) is not None


def _one_in_words(doc: Doc, q: Quantity) -> bool:
    return doc.span_text(q).lower() in ("one", "a", "an")


_NEAR_WORDS = 6  # words after a number in which what it counts is told ("... have been killed")
_WHO = re.compile(r"\s+(?:who|that|which)\b", re.IGNORECASE)


def _uncounted_in_source(group: Group, q: Quantity, theirs: Quantity) -> bool:
    """Is the copy's number the count of a clause ("thousands who fled") whose content words
    the source's side of the group all uses, none of them in the words after its own number
    ("hundreds reportedly have been killed")? A count the copy gives as a noun ("Thousands
    were killed" for "120 people were confirmed dead") is compared as ever."""
    if not _WHO.match(group.copy.text, q.end):
        return False
    counted = _context(group.copy, q)
    source = group.source
    at = source.sentence_at(theirs.start)
    end = source.sentences[at].end if at >= 0 else len(source.text)
    near = {t.stem for t in source.tokens(theirs.end, end)[:_NEAR_WORDS]}
    return bool(counted) and counted <= group.source_stems and not counted & near


def _other_things(group: Group, q: Quantity, theirs: Quantity) -> bool:
    """Do both vague counts say what they count with "of" ("hundreds of mammal species",
    "scores of countries"), the copy's a thing the source's side tells of too, the source's
    one the copy's side does not?"""
    if not (_OF.match(group.copy.text, q.end) and _OF.match(group.source.text, theirs.end)):
        return False
    ours, others = _context(group.copy, q), _context(group.source, theirs)
    return bool(ours & group.source_stems) and bool(others) and not others & group.copy_stems


_OF = re.compile(r"\s+of\b", re.IGNORECASE)


def _counts_its_list(group: Group, q: Quantity) -> bool:
    """Is the copy's count of times ("five times") the number of years its sentence lists
    after it, each a year the source's side gives, where the source counts no times of its own
    ("contest the presidency five times — in 1997, 2007, 2013, 2017, and 2022" for "ran in
    1997, 2007, 2013, 2017 and 2022, claiming to have been cheated in the last four", AFP on
    Raila Odinga, 2025)? The copy counted what both texts list."""
    copy = group.copy
    at = copy.sentence_at(q.start)
    if q.unit or q.vague or at < 0 or not q.value.is_integer() or q.value < 2:
        return False
    if not _TIMES.match(copy.text, q.end) or any(
        _TIMES.match(group.source.text, t.end) for t in group.source_items(group.source.quantities)
    ):
        return False
    years = [copy.span_text(t) for t in copy.within(copy.times, q.end, copy.sentences[at].end)]
    listed = [y for y in years if _YEAR.fullmatch(y)]
    source_years = {group.source.span_text(t) for t in group.source_items(group.source.times)}
    return len(listed) == len(years) == int(q.value) and set(listed) <= source_years


_YEAR = re.compile(r"(?:19|20)\d\d")
_TIMES = re.compile(r"\s+times\b", re.IGNORECASE)


def _counterpart(group: Group, q: Quantity, candidates: list[Quantity]) -> Quantity | None:
    """The source number the copy's number replaced: the same value in another unit, or the same
    unit and counting the same thing when either side says what it counts."""
    if _counts_its_list(group, q):
        return None
    # The same value in another unit ("3.2 percent" for "3.2 percentage points") is a change.
    relabelled = [c for c in candidates if c.unit != q.unit and abs(c.value - q.value) < 1e-9]
    if relabelled:
        return relabelled[0]
    same_unit = [c for c in candidates if c.unit == q.unit]
    if not same_unit:
        return None
    context = _context(group.copy, q)
    scored = [(len(context & _context(group.source, c)), c) for c in same_unit]
    best_overlap, best = max(scored, key=lambda pair: pair[0])
    # Alone on both sides, it is the same number changed; but two ages are two people's, a
    # span of time is not a count of things ("five NBA championship rings" for "two glittering
    # decades"), a source number the copy gives elsewhere, counting the same, was not
    # replaced ("19 other men" beside "130 people", which the copy's lede keeps), and a copy
    # number the source gives elsewhere, counting what it counts here, was moved in, not put
    # for one that says it counts something else ("the death of two people" from "Two people
    # died." beside the "13 states" the copy drops; not "killing 12 people" for "killing
    # three.", which says nothing of what it counts).
    alone = (
        len(same_unit) == 1
        and len(candidates) == 1
        and q.unit != "year"
        and _comparable(q.value, best.value)
        and not _a_count_for_a_measure(group, q, best)
        and (_days(group.copy, q) is None) == (_days(group.source, best) is None)
        and not _counted_elsewhere(group.copy, group.copy_range, best, _context(group.source, best))
        and not (
            _context(group.source, best)
            and _counted_elsewhere(group.source, group.source_range, q, _context(group.copy, q))
        )
    )
    # A vague count of another thing ("Hundreds of families are still awaiting word") is no
    # figure the copy put its own for, when that is a figure the source gives too: "the
    # current count of 39 fatalities" took the "39 dead" of another sentence (a spin of AP,
    # 2023). "About 300 residents" for "Thousands of residents" counts the same: changed.
    if best.vague and not q.vague and not best_overlap and _anywhere(group.source, q):
        return None
    # A vague count of what the source tells of without counting it is no other count put for
    # the source's: "the fate of thousands who fled" where the source's "hundreds" were killed
    # and "the people believed to have fled" go uncounted (a spin of AP, 2025).
    if q.vague and best.vague and not best_overlap and _uncounted_in_source(group, q, best):
        return None
    # Two vague counts of two things, each side telling the other's thing uncounted or not at
    # all: "hundreds of mammal species" beside "more animal species ... in scores of
    # countries" (a station's page around AP's bird-flu story, 2024).
    if q.vague and best.vague and not best_overlap and _other_things(group, q, best):
        return None
    if best_overlap or alone:
        return best
    return None
