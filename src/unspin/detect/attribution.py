"""Claims the source credits to someone that the copy states as fact, or credits to another.

"Russia has accused Kyiv of massing forces" says who claims it; "Kyiv has massed forces" turns
the claim into a fact. Quotes with a named speaker count as attributed.
"""

from __future__ import annotations

from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.model import Attribution, Finding
from unspin.text import STOPWORDS, tokens

_VAGUE = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}


def _speaker_words(group: Group, a: Attribution, doc_is_copy: bool) -> set[str]:
    doc = group.copy if doc_is_copy else group.source
    if a.speaker_start < 0:
        return set()
    words = tokens(doc.text, a.speaker_start, a.speaker_end)
    return {t.stem for t in words if len(t.lower) > 2 and t.lower not in STOPWORDS | _VAGUE}


@detector("attribution_dropped", "attribution_changed")
def attributions(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.groups:
        source_attr = group.source_items(group.source.attributions)
        if not source_attr:
            continue
        copy_attr = group.copy_items(group.copy.attributions)
        copy_speakers = {q.speaker for q in group.copy_items(group.copy.quotes) if q.speaker}
        if not copy_attr and not copy_speakers:
            # "despite Russia's denials" still says who denies: a claim stays attributed while
            # the copy names its speaker. Precision first: only a speaker gone from the copy counts.
            gone = [
                a for a in source_attr if not _speaker_words(group, a, False) & group.copy_stems
            ]
            if not gone:
                continue
            first = gone[0]
            yield group.finding(
                "attribution_dropped",
                "high",
                group.copy_range,
                (first.start, first.end),
                f"the source attributes this ({quoted(group.source.span_text(first))}); "
                "the copy states it as fact",
            )
            continue
        yield from _changed(group, source_attr, copy_attr)


def _changed(
    group: Group, source_attr: list[Attribution], copy_attr: list[Attribution]
) -> Iterator[Finding]:
    source_named = [a for a in source_attr if _named(a)]
    if not source_named:
        return
    source_words = set().union(*(_speaker_words(group, a, False) for a in source_named))
    for a in copy_attr:
        if not _named(a):
            continue
        words = _speaker_words(group, a, True)
        if words and not words & source_words and not words & group.source_stems:
            other = source_named[0]
            yield group.finding(
                "attribution_changed",
                "high",
                (a.speaker_start, a.speaker_end),
                (other.speaker_start, other.speaker_end),
                f"the copy credits {quoted(a.speaker)}; the source credits {quoted(other.speaker)}",
            )


def _named(a: Attribution) -> bool:
    return bool(a.speaker) and a.speaker_start >= 0 and a.speaker.split()[0].lower() not in _VAGUE
