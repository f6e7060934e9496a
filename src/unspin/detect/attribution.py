"""Claims the source credits to someone that the copy states as fact, or credits to another.

"Russia has accused Kyiv of massing forces" says who claims it; "Kyiv has massed forces" turns
the claim into a fact. Quotes with a named speaker count as attributed. An attribution the copy
moved is not dropped: the speaker may be named in the next or previous sentence of the
paragraph, in the paragraph's opening "X said:", or in a lead-in paragraph ending with a colon
("Reznikov told lawmakers:"). A source's "he said" names the person it refers to. A credit to a
news outlet ("..., the BBC reported", "(AP)") attributes the story, not a claim in it: it is
neither a dropped nor a changed attribution (segment/credits.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.detect.entities import name_key, same_name
from unspin.model import Attribution, Doc, Finding, Name, Sentence
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


def _not_credits(doc: Doc, items: list[Attribution]) -> list[Attribution]:
    return [a for a in items if not any(c.start < a.end and a.start < c.end for c in doc.credits)]


@detector("attribution_dropped", "attribution_changed")
def attributions(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.groups:
        source_attr = _not_credits(group.source, group.source_items(group.source.attributions))
        if not source_attr:
            continue
        copy_attr = _not_credits(group.copy, group.copy_items(group.copy.attributions))
        copy_speakers = {q.speaker for q in group.copy_items(group.copy.quotes) if q.speaker}
        # "..., according to the Associated Press": the claim is still someone's, not a fact.
        credited = group.copy_items(group.copy.credits)
        if not copy_attr and not copy_speakers and not credited and not _quoted(group):
            # "despite Russia's denials" still says who denies: a claim stays attributed while
            # the copy names its speaker (or an alias: "Moscow" for "Russia") in these
            # sentences or next to them. Precision first: only a speaker gone from the copy
            # counts.
            context = _context(group)
            gone = [
                a
                for a in source_attr
                if _claim_kept(group, a) and not _still_named(group, a, context)
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


# Where a clause ends: its claim does not run on past "..., and the U.S. ordered ...".
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s+(?:and|but|while|although|though|whereas|even\s+as|as|after|before)\s"
)
TRAILING_WORDS = 4  # "..., X said on Tuesday.": words after the cue of a closing attribution
CLAIM_KEPT = 0.5  # share of the claim's content words the copy must state


def _claim_kept(group: Group, a: Attribution) -> bool:
    """Does the copy state the claim this attribution governs? "India posted a record rise,
    although several states warned of shortages": "several states warned" governs "of
    shortages", and a copy saying only the record rise drops nothing of theirs. The claim is
    the clause before a closing attribution ("CLAIM, X said."), else the clause after it ("X
    said CLAIM", "According to X, CLAIM"); a closing attribution follows a comma or a quote
    mark. Too short a claim to judge counts as kept."""
    text = group.source.text
    sentence = next(s for s in group.source_sentences if s.start <= a.start < s.end)
    after = max(a.end, a.cue_end)
    closing = text[sentence.start : a.start].rstrip().endswith((",", "”", '"', "’"))
    if closing and len(text[after : sentence.end].split()) <= TRAILING_WORDS:
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, a.start)]
        start, end = (breaks[-1] if breaks else sentence.start), a.start
    else:
        m = _CLAUSE_BREAK.search(text, after, sentence.end)
        start, end = after, m.start() if m else sentence.end
    claim = {t.stem for t in tokens(text, start, end) if t.lower not in STOPWORDS}
    if len(claim) < 2:
        return True
    return len(claim & group.copy_stems) / len(claim) >= CLAIM_KEPT


def _quoted(group: Group) -> bool:
    """Copy sentences that open with a quote mark keep the claim someone's words."""
    return all(group.copy.text[s.start] in "“\"‘'«" for s in group.copy_sentences)


def _context(group: Group) -> list[Sentence]:
    """The copy sentences where a moved attribution of the group's may stand: its own, the
    sentence before and after in the same paragraph, the paragraph's first sentence, and the
    previous paragraph's last sentence when it ends with a colon (a lead-in)."""
    sentences = group.copy.sentences
    starts = [s.start for s in sentences]
    found: set[int] = set()
    for s in group.copy_sentences:
        i = bisect_right(starts, s.start) - 1
        found.add(i)
        for j in (i - 1, i + 1):
            if 0 <= j < len(sentences) and sentences[j].paragraph == s.paragraph:
                found.add(j)
        first = i
        while first > 0 and sentences[first - 1].paragraph == s.paragraph:
            first -= 1
        found.add(first)
        if first > 0 and group.copy.sentence_text(first - 1).rstrip().endswith(":"):
            found.add(first - 1)
    return [sentences[i] for i in sorted(found)]


def _still_named(group: Group, a: Attribution, context: list[Sentence]) -> bool:
    toks = [t for s in context for t in tokens(group.copy.text, s.start, s.end)]
    speaker, key = (
        _speaker_words(group, a, False),
        _key(group.source, a) if _proper(group.source, a) else "",
    )
    if not speaker and a.speaker.lower() in _VAGUE:
        # "he said": the person named last before it in the source.
        person = _antecedent(group.source, a)
        if person is None:
            return False
        name = group.source.span_text(person)
        speaker = {t.stem for t in tokens(name) if len(t.lower) > 2}
        key = name_key(name)
    if speaker & {t.stem for t in toks}:
        return True
    if not key:
        return False
    names = [n for s in context for n in group.copy.within(group.copy.names, s.start, s.end)]
    return any(same_name(key, name_key(group.copy.span_text(n))) for n in names)


def _antecedent(doc: Doc, a: Attribution) -> Name | None:
    before = [n for n in doc.names if n.kind == "person" and n.end <= a.speaker_start]
    return before[-1] if before else None


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
