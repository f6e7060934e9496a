"""Days, dates and years that differ between aligned sentences.

One time said less (or more) precisely is not a change: "February 2" for "February 2, 2021",
"February" or "2021" for it, "this month" for "earlier this month".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.model import Finding, TimeExpression
from unspin.segment.lexicon import MONTH_NAMES, WEEKDAYS


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
    for group in comparison.groups:
        yield from _group_times(group)


def _group_times(group: Group) -> Iterator[Finding]:
    copy_times = group.copy_items(group.copy.times)
    source_times = group.source_items(group.source.times)
    dropped = [t for t in source_times if not any(same_time(t.value, c.value) for c in copy_times)]
    everywhere_in_source = {t.value for t in group.source.times}
    for t in copy_times:
        if any(same_time(t.value, v) for v in everywhere_in_source):
            continue
        counterpart = _counterpart(t, dropped)
        if counterpart is None:
            continue
        dropped.remove(counterpart)
        yield group.finding(
            "time_changed",
            "medium",
            (t.start, t.end),
            (counterpart.start, counterpart.end),
            f"the copy says {quoted(group.copy.span_text(t))} "
            f"where the source says {quoted(group.source.span_text(counterpart))}",
        )


_MODIFIER = re.compile(r"^(?:earlier|later|early|late) ")
_MONTHS = {name: f"{k:02d}" for k, name in enumerate(MONTH_NAMES, 1)}


def same_time(a: str, b: str) -> bool:
    """Two time values name the same time, one perhaps less precisely than the other."""
    a, b = _MODIFIER.sub("", a), _MODIFIER.sub("", b)
    if a == b:
        return True
    parts_a, parts_b = _date_parts(a), _date_parts(b)
    if parts_a is None or parts_b is None:
        return False
    # Every part both give agrees: (year, month, day), None where a value does not say.
    return all(x == y for x, y in zip(parts_a, parts_b, strict=True) if x and y) and any(
        x and y for x, y in zip(parts_a, parts_b, strict=True)
    )


def _date_parts(value: str) -> tuple[str | None, str | None, str | None] | None:
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
    return next((c for c in candidates if _kind(c.value) == kind), None)
