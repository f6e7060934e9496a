"""Claims the source credits to someone that the copy states as fact, or credits to another.

"Russia has accused Kyiv of massing forces" says who claims it; "Kyiv has massed forces" turns
the claim into a fact. Quotes with a named speaker count as attributed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.detect.entities import name_key, same_name
from unspin.model import Attribution, Doc, Finding
from unspin.text import STOPWORDS, Token, tokens

_VAGUE = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
_DETERMINERS = {"the", "a", "an", "this", "these", "its", "their", "his", "her"}


def _speaker_words(group: Group, a: Attribution, doc_is_copy: bool) -> set[str]:
    doc = group.copy if doc_is_copy else group.source
    if a.speaker_start < 0:
        return set()
    words = tokens(doc.text, a.speaker_start, a.speaker_end)
    return {t.stem for t in words if len(t.lower) > 2 and t.lower not in STOPWORDS | _VAGUE}


def _proper(doc: Doc, a: Attribution) -> list[Token]:
    """The capitalised words of a speaker ("Gold Fields", "Morbelli"): what names it. "The
    company", "a spokesman" or "Analysts" (capitalised only as a sentence's first word, an
    inflected common noun) describe a speaker without naming one."""
    if a.speaker_start < 0:
        return []
    names = doc.within(doc.names, a.speaker_start, a.speaker_end)
    return [
        t
        for t in tokens(doc.text, a.speaker_start, a.speaker_end)
        if doc.text[t.start].isupper()
        and t.lower not in _VAGUE | _DETERMINERS
        and (
            not _opens_sentence(doc, t)
            or t.stem == t.lower
            or any(n.start <= t.start < n.end for n in names)
        )
    ]


def _opens_sentence(doc: Doc, t: Token) -> bool:
    starts = [s.start for s in doc.sentences]
    k = bisect_right(starts, t.start) - 1
    return k >= 0 and not any(c.isalnum() for c in doc.text[starts[k] : t.start])


def _key(doc: Doc, a: Attribution) -> str:
    """The name a speaker gives, as `entities` compares names ("gold fields south africa ltd")."""
    return name_key(" ".join(t.lower for t in _proper(doc, a)))


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
            # the copy names its speaker (or an alias: "Moscow" for "Russia"). Precision first:
            # only a speaker gone from the copy counts.
            gone = [a for a in source_attr if not _still_named(group, a)]
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


def _still_named(group: Group, a: Attribution) -> bool:
    if _speaker_words(group, a, False) & group.copy_stems:
        return True
    if not _proper(group.source, a):
        return False
    key = _key(group.source, a)
    return any(
        same_name(key, name_key(group.copy.span_text(n)))
        for n in group.copy_items(group.copy.names)
    )


def _changed(
    group: Group, source_attr: list[Attribution], copy_attr: list[Attribution]
) -> Iterator[Finding]:
    source_named = [a for a in source_attr if _proper(group.source, a)]
    if not source_named:
        return
    source_words = set().union(*(_speaker_words(group, a, False) for a in source_named))
    # The copy may credit the same speaker by another form of the name ("Baghdad" for "Iraq").
    source_keys = [_key(group.source, a) for a in source_named]
    for a in copy_attr:
        proper = _proper(group.copy, a)
        if not proper:
            continue  # "the company said": a description, not another speaker
        words = _speaker_words(group, a, True)
        if not words or words & source_words or words & group.source_stems:
            continue
        key = _key(group.copy, a)
        if any(same_name(key, k) for k in source_keys):
            continue
        other = source_named[0]
        yield group.finding(
            "attribution_changed",
            "high",
            (a.speaker_start, a.speaker_end),
            (other.speaker_start, other.speaker_end),
            f"the copy credits {quoted(a.speaker)}; the source credits {quoted(other.speaker)}",
        )
