"""Days, dates and years that differ between aligned sentences.

One time said less (or more) precisely is not a change: "February 2" for "February 2, 2021",
"February" or "2021" for it, "this month" for "earlier this month"; nor a year for its season
("last year" for "last spring") or "this week" for "the past week", right or wrong by the
page's date; nor years told from another current year ("$210 million in 2025 and $300 million
next year" for "this year ... in 2026").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from unspin.detect.base import Comparison, Group, detector, swapped
from unspin.model import Doc, Finding, TimeExpression
from unspin.segmentation.lexicon import MONTH_NAMES, WEEKDAYS


def _kind(value: str) -> str:
    if value in WEEKDAYS:
        return "weekday"
    if value in MONTH_NAMES:
        return "month"
    if re.fullmatch(r"(\d{4}-)?\d{2}-\d{2}", value):
        return "date"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "relative"


@detector("time_changed")
def times(comparison: Comparison) -> Iterator[Finding]:
    everywhere = [{t.value for t in doc.times} for doc in comparison.sources]
    for group in comparison.changed_groups:
        yield from _group_times(group, everywhere[group.source_index])


def _group_times(group: Group, everywhere_in_source: set[str]) -> Iterator[Finding]:
    copy_times = group.copy_items(group.copy.times)
    source_times = group.source_items(group.source.times)
    # A source time the copy keeps, perhaps less precisely, was not replaced.
    dropped = [
        t
        for t in source_times
        if not any(
            says_as_much(c.value, t.value) or _said_from_nearby(c.value, t.value)
            for c in copy_times
        )
    ]
    # Which copy times say as much as each source time (read once: a sentence may hold many).
    told_by = [[c for c in copy_times if says_as_much(c.value, s.value)] for s in source_times]
    years_agree = _same_years(group, copy_times, source_times)
    for t in copy_times:
        if years_agree and (_kind(t.value) == "year" or t.value in _YEAR_OFFSETS):
            continue
        counterpart = _same_part_of_day(group, t, source_times, told_by)
        if counterpart is not None:  # "Saturday night" where the source's night is Sunday's
            if counterpart in dropped:
                dropped.remove(counterpart)
            yield swapped(group, "time_changed", t, counterpart)
            continue
        if t.value in everywhere_in_source or any(
            says_as_much(t.value, v) for v in everywhere_in_source
        ):
            continue  # the source's time, or said less precisely, or moved from elsewhere
        if any(_said_from_nearby(t.value, s.value) for s in source_times):
            continue  # "this week" for the sentence's "past week": not another time's stand-in
        counterpart = _counterpart(t, dropped)
        if counterpart is None:
            continue
        dropped.remove(counterpart)
        if (
            _one_moment(group, t, counterpart)
            or _said_plainly(group, t, counterpart)
            or _datelines_a_day_apart(group, t, counterpart)
        ):
            continue
        yield swapped(group, "time_changed", t, counterpart)


_YEAR_OFFSETS = {"last year": -1, "this year": 0, "next year": 1}
# "over the weekend", "during the week": a span of time no segmenter reads as a time, which a
# copy may tell as "this weekend" or "last week".
_THE_SPAN = re.compile(
    r"\b(?:over|during|at|on|through|throughout|earlier\s+in|later\s+in)\s+the\s+"
    r"(week|weekend|month|year|morning|afternoon|evening|night)\b",
    re.IGNORECASE,
)


def _said_plainly(group: Group, t: TimeExpression, counterpart: TimeExpression) -> bool:
    """Is the copy's "this weekend" the source sentences' "over the weekend", its counterpart a
    span of another length ("the past week" beside it: Bloomberg on Credit Suisse, 2023)? Not
    where the counterpart is one of the same length ("this weekend" for "next weekend")."""
    when, _, unit = t.value.partition(" ")
    if when not in ("this", "last", "past") or not unit or counterpart.value.endswith(unit):
        return False
    source = group.source.text[slice(*group.source_range)]
    return any(m[1].lower() == unit for m in _THE_SPAN.finditer(source))


# A clock time's conversion to GMT in parentheses, after any zone it names: "3:02 am CET (0102
# GMT)", "10:31 a.m. (0131 GMT)".
_IN_GMT = re.compile(
    r"\s*(?:(?P<zone>local\s+time|[A-Z]{2,4})\s*)?\(\s*(?P<h>\d{1,2})[:.]?(?P<m>\d{2})\s*"
    r"(?:GMT|UTC)\s*\)"
)


def _in_gmt(doc: Doc, t: TimeExpression) -> tuple[str, str] | None:
    """The zone a clock time names ("" for none, "local" for local time) and its time in GMT."""
    m = _IN_GMT.match(doc.text, t.end)
    if m is None:
        return None
    zone = "" if m["zone"] is None else "local" if m["zone"].startswith("local") else m["zone"]
    return zone, f"{int(m['h']):02d}:{m['m']}"


def _one_moment(group: Group, t: TimeExpression, counterpart: TimeExpression) -> bool:
    """Two clock times with one time in GMT, one in a zone it names and the other in none or
    another named zone: one moment told in another zone ("3:02 am CET (0102 GMT)" for "4.02am
    (0102 GMT)", a rewrite of AFP on the Madleen, 2025). Not the same zone, nor local time,
    with another hour ("8 pm (1800 GMT)" for "7 pm (1800 GMT)", "8 pm local time" for "7 pm
    CET": the local hour changed). The zone's offset is not checked: pages write CET for
    summer time."""
    ours, theirs = _in_gmt(group.copy, t), _in_gmt(group.source, counterpart)
    return (
        ours is not None
        and theirs is not None
        and ours[1] == theirs[1]
        and ours[0] != theirs[0]
        and "local" not in (ours[0], theirs[0])
    )


def _datelines_a_day_apart(group: Group, t: TimeExpression, counterpart: TimeExpression) -> bool:
    """Two datelines a day apart in one year ("NEW YORK, May 12 —" for "May 11 (Reuters) -"):
    a page dated where it was published, a day ahead of the wire's time zone (Malay Mail's
    reprint of Reuters, 2022), not another day of the events."""
    ours, theirs = date_parts(t.value), date_parts(counterpart.value)
    if ours is None or theirs is None or not (ours[2] and theirs[2]) or ours[1] != theirs[1]:
        return False
    if ours[0] and theirs[0] and ours[0] != theirs[0]:
        return False  # "May 12, 2023" for "May 11, 2022": another year too
    return (
        abs(int(ours[2]) - int(theirs[2])) == 1
        and _dateline(group.copy, t)
        and _dateline(group.source, counterpart)
    )


# A dateline: the date opens its line or follows a city in capitals and a comma, and a dash
# follows it, after any credit in brackets ("NEW YORK, May 12 —", "May 11 (Reuters) -").
_CITY_BEFORE = re.compile(r"(?P<city>[A-Z][A-Z .’'-]*,\s*)?")
_DASH_AFTER = re.compile(r"\s*(?P<credit>\([^()\n]{1,30}\)\s*)?[-—–]")


def _dateline(doc: Doc, t: TimeExpression) -> bool:
    """Is the date a dateline proper, with a city or a credit: not a timeline's line ("May 12
    — Police arrest ...")?"""
    line = doc.text.rfind("\n", 0, t.start) + 1
    before = _CITY_BEFORE.fullmatch(doc.text, line, t.start)
    after = _DASH_AFTER.match(doc.text, t.end)
    return before is not None and after is not None and bool(before["city"] or after["credit"])


def _same_years(group: Group, copy: list[TimeExpression], source: list[TimeExpression]) -> bool:
    """Do the sentences give the same years in the same order once their relative years are
    read from the current year: each page's own where its date is known, else one year for
    both that makes them agree ("in 2025 ... next year" for "this year ... in 2026")? Not
    when both tell them alike, nor when neither gives a year in figures to read them by."""
    ours, theirs = _years(copy), _years(source)
    if sorted(o for _, o in ours if o is not None) == sorted(o for _, o in theirs if o is not None):
        return False  # nothing told another way: the sentences' years are compared as given
    copy_now, source_now = _year_of(group.copy), _year_of(group.source)
    if copy_now and source_now:
        return _read(ours, copy_now) == _read(theirs, source_now)
    if copy_now or source_now:
        nows = {copy_now or source_now}
    else:
        figures = [f for f, _ in ours + theirs if f is not None]
        offsets = [o for _, o in ours + theirs if o is not None]
        nows = {f - o for f in figures for o in offsets}
    return any(_read(ours, now) == _read(theirs, now) for now in nows)


Year = tuple[int | None, int | None]  # a year in figures, or a relative year's offset


def _years(times: list[TimeExpression]) -> list[Year]:
    """The years a sentence gives, in its order: in figures, or relative ("next year": +1)."""
    return [
        (int(t.value), None) if _kind(t.value) == "year" else (None, _YEAR_OFFSETS[t.value])
        for t in times
        if _kind(t.value) == "year" or t.value in _YEAR_OFFSETS
    ]


def _read(years: list[Year], now: int) -> list[int]:
    return [figure if figure is not None else now + (offset or 0) for figure, offset in years]


def _year_of(doc: Doc) -> int | None:
    """The year of the page's date, if it has one."""
    date = doc.article.date
    return int(date[:4]) if re.match(r"\d{4}", date) else None


_PART_OF_DAY = re.compile(r"\s+(night|morning|afternoon|evening)\b", re.IGNORECASE)


def _part_of_day(doc: Doc, t: TimeExpression) -> str | None:
    m = _PART_OF_DAY.match(doc.text, t.end)
    return m[1].lower() if m else None


def _same_part_of_day(
    group: Group,
    t: TimeExpression,
    source_times: list[TimeExpression],
    told_by: list[list[TimeExpression]],
) -> TimeExpression | None:
    """The source's time of the same part of the day as the copy's ("Sunday night" for the
    copy's "Saturday night"), when it is another day and the source gives the copy's day
    only for something else ("announced Saturday that the hearing will be held Sunday
    night"): a time the source gives elsewhere in the sentence is no licence to move one.
    Not a source time another copy time tells (`told_by`, for each source time): a night the
    copy gives as its own ("... on Saturday night, and fighting went on until Sunday night")
    is told, not moved."""
    part = _part_of_day(group.copy, t)
    if part is None:
        return None
    nights = [
        s
        for s, by in zip(source_times, told_by, strict=True)
        if _part_of_day(group.source, s) == part and all(c is t for c in by)
    ]
    if any(says_as_much(t.value, s.value) for s in nights):
        return None
    kind = _kind(t.value)
    return next(
        (s for s in nights if _kind(s.value) == kind and _conflicts(t.value, s.value)), None
    )


_MODIFIER = re.compile(r"^(?:earlier|later|early|late) ")
_MONTHS = {name: f"{k:02d}" for k, name in enumerate(MONTH_NAMES, 1)}


@lru_cache(maxsize=8192)  # a long text says the same dates over and over
def says_as_much(copy: str, source: str) -> bool:
    """The copy's time value is the source's, perhaps said less precisely: "February 2" or
    "February" for "February 2, 2021", "this month" for "earlier this month"."""
    copy, source = _MODIFIER.sub("", copy), _MODIFIER.sub("", source)
    if copy == source:
        return True
    parts_c, parts_s = date_parts(copy), date_parts(source)
    if parts_c is None or parts_s is None or not any(parts_c):
        return False
    return all(s == c for c, s in zip(parts_c, parts_s, strict=True) if c)


def _conflicts(copy: str, source: str) -> bool:
    """Some part both values give differs (a more precise copy is not a change: "February 2,
    2021" where the source says "February 2" may be right)."""
    parts_c, parts_s = date_parts(copy), date_parts(source)
    if parts_c is None or parts_s is None:
        return True  # weekdays, clock times, relative phrases: different values differ
    return any(c and s and c != s for c, s in zip(parts_c, parts_s, strict=True))


def date_parts(value: str) -> tuple[str | None, str | None, str | None] | None:
    """(year, month, day) of a date-like value ("2021-02-02", "02-02", "2021-02", "february",
    "2021"; a range by its first day); None for weekdays, clock times and relative phrases."""
    value = value.split("/")[0]
    if value in _MONTHS:
        return (None, _MONTHS[value], None)
    if m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value):
        return (m[1], m[2], m[3])
    if m := re.fullmatch(r"(\d{2})-(\d{2})", value):
        return (None, m[1], m[2])
    return None


def _counterpart(t: TimeExpression, candidates: list[TimeExpression]) -> TimeExpression | None:
    kind = _kind(t.value)
    return next(
        (c for c in candidates if _kind(c.value) == kind and _conflicts(t.value, c.value)), None
    )


_SEASON = frozenset("spring summer autumn fall winter".split())
_THIS_OR_LAST = frozenset({"this", "last", "past"})


def _said_from_nearby(a: str, b: str) -> bool:
    """Could the two be one span of time said from a page written at another moment: a season
    and its year ("last year" for "last spring", "next year" for "next spring"; "this year" for
    "last spring" in the autumn after), or "the past week" and this or last week? Which one it
    was depends on the page's date, not a change to accuse. Not "next" against "last", nor a
    quarter against a year (a company's quarter is not its year)."""
    (da, _, ua), (db, _, ub) = (_MODIFIER.sub("", v).partition(" ") for v in (a, b))
    if not (da == db or {da, db} <= _THIS_OR_LAST):
        return False
    if ua == ub:
        return "past" in (da, db)
    return {ua, ub} & _SEASON != set() and "year" in (ua, ub)
