"""Hedges removed or added: "may" becomes "will", "possible" disappears, "reportedly" is dropped."""

from __future__ import annotations

from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.detect.lexicon import BOOSTERS, HEDGES
from unspin.model import Doc, Finding
from unspin.text import STOPWORDS, Token


def _cues(doc: Doc, toks: list[Token], lexicon: frozenset[str]) -> list[int]:
    out = []
    for i, t in enumerate(toks):
        if t.stem not in lexicon:
            continue
        # "May" capitalised mid-sentence is the month.
        if t.lower == "may" and doc.text[t.start].isupper() and i > 0:
            continue
        out.append(i)
    return out


def _bears_on(toks: list[Token], i: int) -> set[str]:
    return {t.stem for t in toks[i + 1 : i + 4] if t.lower not in STOPWORDS}


@detector("certainty_shifted")
def certainty(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.groups:
        finding = _shift(group)
        if finding is not None:
            yield finding


def _shift(group: Group) -> Finding | None:
    ct, st = group.copy_prose, group.source_prose
    copy_hedges = _cues(group.copy, ct, HEDGES)
    source_hedges = _cues(group.source, st, HEDGES)
    copy_hedge_stems = {ct[i].stem for i in copy_hedges}
    source_hedge_stems = {st[i].stem for i in source_hedges}
    new_boosters = [
        i for i in _cues(group.copy, ct, BOOSTERS) if ct[i].stem not in group.source_stems
    ]
    if len(copy_hedges) < len(source_hedges):
        for i in source_hedges:
            if st[i].stem in copy_hedge_stems:
                continue
            # The hedged claim must still be in the copy, now without its hedge.
            if new_boosters or _bears_on(st, i) & group.copy_stems:
                booster = ct[new_boosters[0]] if new_boosters else None
                return group.finding(
                    "certainty_shifted",
                    "medium",
                    (booster.start, booster.end) if booster else group.copy_range,
                    (st[i].start, st[i].end),
                    f"the source hedges with {quoted(st[i].lower)}; the copy states it "
                    + (f"as certain ({quoted(booster.lower)})" if booster else "without the hedge"),
                )
    if len(copy_hedges) > len(source_hedges):
        for i in copy_hedges:
            if ct[i].stem not in source_hedge_stems and _bears_on(ct, i) & group.source_stems:
                return group.finding(
                    "certainty_shifted",
                    "medium",
                    (ct[i].start, ct[i].end),
                    group.source_range,
                    f"the copy adds doubt ({quoted(ct[i].lower)}) that the source does not express",
                )
    return None
