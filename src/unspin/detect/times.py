"""Days, dates and years that differ between aligned sentences."""

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
    source_values = {t.value for t in source_times}
    copy_values = {t.value for t in copy_times}
    dropped = [t for t in source_times if t.value not in copy_values]
    everywhere_in_source = {t.value for t in group.source.times}
    for t in copy_times:
        if t.value in source_values or t.value in everywhere_in_source:
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


def _counterpart(t: TimeExpression, candidates: list[TimeExpression]) -> TimeExpression | None:
    kind = _kind(t.value)
    return next((c for c in candidates if _kind(c.value) == kind), None)
