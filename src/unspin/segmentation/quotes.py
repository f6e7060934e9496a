"""Quotations: the words between quotation marks, and who said them.

Marks: curly double “ ” (and „ « »), straight double " (and '', as wire feeds print it:
closing, or opening before a word after a space), and single quotes used as quotation marks:
curly ‘ ’ (headline style) and straight ' (British papers quote with it). A single mark opens
only before a letter, after a space or bracket; it closes only after a non-space and before a
non-letter ("Ukraine’s", "don’t", "'90s" are apostrophes), and a plural possessive ("the
workers' union") closes only if no later mark in the paragraph can.
Rules, all within one paragraph (a quote never crosses a paragraph break):
- an opening mark with no closing mark before the paragraph ends (spun copies drop them)
  gives a quote to the paragraph end with closed=False; so does one cut short by the next
  opening mark ("“things that “might happen”");
- a closing mark with no opening mark gives a quote that starts at the first sentence
  after the previous quote that has no speech verb before the mark (`nation,” X said, ...
  This snowball ... people.”` quotes "This snowball ... people."); but a closing mark glued
  to a word and followed by one, before another closing mark with no speech verb between, is
  a spinner's opening mark ('investigated for” cooperation with foreign causes,”');
- a straight mark with a space on each side (a page's slip) closes the quote it is in, or
  opens one, after a comma ('crying for help, " Tiwari said, " but ...'); elsewhere it opens
  only inside a quote;
- single quotes inside a double quote (quotes within quotes) are left out, as are single
  quotes never closed (too likely a misused apostrophe), except one that opens its paragraph
  or follows a colon:
  a statement quoted over several paragraphs, each opening with a mark and only the last
  closing (British papers).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from unspin.model import Attribution, Name, Quote, Sentence, Span, SpanIndex
from unspin.segmentation.attributions import CUE_RE
from unspin.segmentation.lexicon import PERSON_PRONOUNS

DOUBLE_MARKS = '“”"„«»'  # every double quote mark, curly, straight or angled
_DOUBLE = re.compile(f"''|[{DOUBLE_MARKS}]")
_OPENERS, _CLOSERS = "“„«", "”»"
_SINGLE_OPEN = re.compile(
    r"(?<![^\s(\[“\"—–-])"
    r"(?:‘(?=\w)(?!\d\ds\b)|'(?=[^\W\d_])(?!(?:em|til|cause|n|tis|twas)\b))"
)
_SINGLE_CLOSE = re.compile(r"(?<=\S)[’'](?!\w)")
_PAIRS = {"‘": "’", "'": "'"}
_POSSESSIVE = re.compile(r"s[’'] [a-z]")
# Cues that report speech, so may speak for a quotation in the next sentence.
_SPEECH = frozenset(
    """say tell add reassure insist stress warn explain write declare reply ask
note argue claim admit state confirm deny acknowledge emphasise assert""".split()
)


def find_quotes(text: str, paras: list[Span], sents: list[Sentence]) -> list[Quote]:
    starts = [s.start for s in sents]
    quotes: list[Quote] = []
    for ps, pe in paras:
        doubles = _doubles(text, ps, pe, starts)
        quotes += doubles
        quotes += _singles(text, ps, pe, doubles)
    return sorted(quotes, key=lambda q: q.start)


def _doubles(text: str, ps: int, pe: int, starts: list[int]) -> list[Quote]:
    out: list[Quote] = []
    open_at: int | None = None  # where the open quote's words begin, after its mark
    last_end = ps  # end of the previous quote's closing mark
    marks = list(_DOUBLE.finditer(text, ps, pe))
    for k, m in enumerate(marks):
        i = m.start()
        if m.group() == "''":
            opens = _apostrophes_open(text, i, ps, open_at is not None)
        else:
            opens = _opens(text, i, ps, pe, open_at is not None) or (
                open_at is None and k + 1 < len(marks) and _closer_for_opener(text, i, marks[k + 1])
            )
        if opens:
            if open_at is not None:
                _add(text, out, open_at, i, closed=False)
            open_at = m.end()
        elif open_at is not None:
            _add(text, out, open_at, i, closed=True)
            open_at, last_end = None, m.end()
        elif (start := _missing_opener(text, starts, last_end, i)) is not None:
            _add(text, out, start, i, closed=True)
            last_end = m.end()
    if open_at is not None:
        _add(text, out, open_at, pe, closed=False)
    return out


def _opens(text: str, i: int, ps: int, pe: int, inside: bool) -> bool:
    """Is the mark at i an opening mark? Curly marks say so, unless the context is plain."""
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    # '... to the polls."I believe ...': a page that lost the space after a sentence opens
    # the next one's quotation right at its full stop.
    glued = prev in ".!?" and nxt.isupper()
    can_open = (prev.isspace() or prev in "([{—–-/" or glued) and not nxt.isspace()
    can_close = not prev.isspace()
    mark = text[i]
    if mark in _OPENERS:
        return not (inside and can_close and not can_open)
    if mark in _CLOSERS:
        return not inside and can_open and not can_close
    if prev.isspace() and nxt.isspace():
        # A page's stray space beside a mark: after a comma it closes the quote it is in
        # ('crying for help, " Tiwari said') or opens one ('Tiwari said, " but'); elsewhere
        # it opens inside a quote ('We are ready, he said. " The army') and not outside.
        return _after_comma(text, i, ps) != inside
    return can_open if not inside else not can_close


def opening_mark(text: str, start: int) -> int:
    """Where the opening mark of a quotation whose words begin at `start` begins: one
    character before, two for a pair of apostrophes ('' as AP's feed prints it)."""
    return start - 2 if text[max(0, start - 2) : start] == "''" else start - 1


def _apostrophes_open(text: str, i: int, ps: int, inside: bool) -> bool:
    """Does a pair of straight apostrophes at i open a quote? AP's feed as the Star Tribune
    runs it opens and closes with them ("the judge suggested the Trump administration was
    ''manufacturing'' chaos", 2025); other feeds close with them only ("...,'' said
    Djokovic"). One opens outside a quote, after a space or a bracket, before a word."""
    prev = text[i - 1] if i > ps else " "
    return not inside and (prev.isspace() or prev in "([{—–-/") and text[i + 2 : i + 3].isalnum()


def _after_comma(text: str, i: int, ps: int) -> bool:
    """Is the mark at i right after a comma and a few spaces?"""
    j = i - 1
    while j > max(ps, i - 8) and text[j].isspace():
        j -= 1
    return text[j] == ","


def _closer_for_opener(text: str, i: int, following: re.Match[str]) -> bool:
    """Is the closing mark at i, outside a quote, a spinner's opening mark: glued to a word and
    followed by a word, the next mark closing too with no speech verb between ('investigated
    for” cooperation with foreign causes,” Ms. Chow')? Not one after punctuation ('nation,” X
    said'), nor one before who said it ('in good shape” Powell said ... coming down,” he
    added'): a quote's end. (The last mark of a paragraph has no mark following.)"""
    return (
        text[i] in _CLOSERS
        and following.group() in _CLOSERS
        and text[i - 1 : i].isalpha()
        and text[i + 1 : i + 2] == " "
        and text[i + 2 : i + 3].isalpha()
        and CUE_RE.search(text, i, following.start()) is None
    )


def _missing_opener(text: str, starts: list[int], lo: int, close: int) -> int | None:
    """Where a quote whose opening mark was dropped begins (None if nowhere sensible)."""
    first = bisect_right(starts, lo - 1)
    for k in range(first, bisect_right(starts, close - 1)):
        if CUE_RE.search(text, starts[k], close) is None:
            return starts[k]
    return None


def _add(text: str, out: list[Quote], start: int, end: int, closed: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Quote(start, end, closed=closed))


def _singles(text: str, ps: int, pe: int, doubles: list[Quote]) -> list[Quote]:
    """The single-quoted quotes of a paragraph. Its closing marks are read once, by mark, and
    each opening mark's closer looked up (a paragraph of thousands of marks, each reading every
    later one, took minutes)."""
    out: list[Quote] = []
    in_double = SpanIndex(sorted(doubles, key=lambda q: q.start))
    closers: dict[str, tuple[list[int], list[int]]] = {m: ([], []) for m in _PAIRS.values()}
    for c in _SINGLE_CLOSE.finditer(text, ps, pe):
        every, plain = closers[c.group()]
        every.append(c.start())
        if not _POSSESSIVE.match(text, c.start() - 1):
            plain.append(c.start())
    for m in _SINGLE_OPEN.finditer(text, ps, pe):
        # The quotes found so far are in order and apart: only the last can hold this mark.
        if in_double.inside(m.start()) or (out and out[-1].start <= m.start() < out[-1].end):
            continue
        every, plain = closers[_PAIRS[m.group()]]
        close = _first_from(plain, m.end())
        close = _first_from(every, m.end()) if close is None else close
        if close is not None:
            _add(text, out, m.end(), close, closed=True)
        elif _opens_paragraph_or_follows_colon(text, ps, m.start()):
            _add(text, out, m.end(), pe, closed=False)  # a quote running on to the next paragraph
    return out


def _first_from(positions: list[int], at: int) -> int | None:
    k = bisect_left(positions, at)
    return positions[k] if k < len(positions) else None


def _opens_paragraph_or_follows_colon(text: str, ps: int, at: int) -> bool:
    """Is only space between the paragraph's start and `at`, or a colon its last mark?"""
    k = at
    while k > ps and text[k - 1].isspace():
        k -= 1
    return k == ps or text[k - 1] == ":"


def assign_speakers(
    text: str,
    quotes: list[Quote],
    attributions: list[Attribution],
    sents: list[Sentence],
    names: list[Name],
) -> list[Quote]:
    """Each quote's speaker: the nearest attribution outside quotes in its own sentence; for a
    quote that opens its sentence, else a speech verb in the sentence before ("Don’t worry,
    Reznikov reassured. “There’s no need.”"), else a sentence after that is only the
    attribution ("Reznikov said."). A he/she is taken back to the nearest person named
    before it."""
    quoted = SpanIndex(quotes)
    free = [a for a in attributions if a.speaker and not quoted.inside(a.cue_span.start)]
    starts = [s.start for s in sents]
    # Each sentence's free attributions, and the people named so far: looked up, not scanned
    # for every quote (a long text has thousands of quotes).
    listed: dict[int, list[Attribution]] = {}
    for a in free:
        listed.setdefault(bisect_right(starts, a.cue_span.start) - 1, []).append(a)
    by_sentence = {k: _Cues(found) for k, found in listed.items()}
    # People named outside quotations: a name inside one is what a speaker talks of.
    people = sorted(
        [n for n in names if n.kind == "person" and not quoted.inside(n.start)]
        + _named_speakers(text, free, names),
        key=lambda n: n.end,
    )
    return [_with_speaker(text, q, by_sentence, sents, starts, people) for q in quotes]


def _named_speakers(text: str, attributions: list[Attribution], names: list[Name]) -> list[Name]:
    """The people attributions name, as antecedents of a later he or she: "Rodney Wells ...
    said that ... “fine with it.” / “There's other charges,” he said." is Wells speaking
    again, though the name finder did not tell his name a person's. Only a speaker that is a
    name the finder found, and not an organisation's or a place's: not a description ("The
    company", "officials") nor a capitalised common word ("Reports said")."""
    index = SpanIndex(names)
    found = []
    for a in attributions:
        start, end = a.speaker_span.start, a.speaker_span.end
        named = index.overlapping(start, end)
        if (
            named
            and all(n.kind in ("person", "other") for n in named)
            and not text[start:end].lower().startswith(("the ", "a ", "an "))
        ):
            found.append(Name(start, end, "person"))
    return found


class _Cues:
    """A sentence's attributions, in their order, found by where their cues start."""

    def __init__(self, attributions: list[Attribution]) -> None:
        self.attributions = attributions
        self.by_cue = sorted(range(len(attributions)), key=lambda i: attributions[i].cue_span.start)
        self.cue_starts = [attributions[i].cue_span.start for i in self.by_cue]

    def between(self, first: int, last: int) -> list[Attribution]:
        """Those whose cue starts in [first, last], in their order."""
        lo, hi = bisect_left(self.cue_starts, first), bisect_right(self.cue_starts, last)
        return [self.attributions[i] for i in sorted(self.by_cue[lo:hi])]


# How far from a quotation its speaker's cue is looked for, in characters: further than any
# sentence of news runs, so that only a text of thousands of quotes in one "sentence" is cut
# short (each quote weighing every cue of it cost the square of its length).
SPEAKER_REACH = 6_000


def _with_speaker(
    text: str,
    q: Quote,
    by_sentence: dict[int, _Cues],
    sents: list[Sentence],
    starts: list[int],
    people: list[Name],
) -> Quote:
    first, last = bisect_right(starts, q.start) - 1, bisect_right(starts, q.end - 1) - 1

    def in_sentence(k: int) -> list[Attribution]:
        """Sentence k's attributions whose cue lies within SPEAKER_REACH of the quote."""
        if not 0 <= k < len(sents) or k not in by_sentence:
            return []
        last_cue = min(q.end + SPEAKER_REACH, sents[k].end - 1)
        return by_sentence[k].between(q.start - SPEAKER_REACH, last_cue)

    same = [
        a for a in in_sentence(first) + in_sentence(last) if not q.start <= a.cue_span.start < q.end
    ]
    groups = [same]
    if first >= 0 and opening_mark(text, q.start) <= sents[first].start:  # opens its sentence
        groups.append([a for a in in_sentence(first - 1) if a.cue in _SPEECH])
        groups.append([a for a in in_sentence(last + 1) if _whole_sentence(a, sents[last + 1])])
    for group in groups:
        if group:
            best = min(
                group,
                key=lambda a: min(abs(a.cue_span.start - q.end), abs(a.cue_span.end - q.start)),
            )
            return _resolved(text, q, best, people)
    return q


def _whole_sentence(a: Attribution, s: Sentence) -> bool:
    return a.start == s.start and s.end - a.end <= 2


def _resolved(text: str, q: Quote, a: Attribution, people: list[Name]) -> Quote:
    if a.speaker.lower() in PERSON_PRONOUNS:
        # Named before the quotation and its he or she.
        before = min(a.speaker_span.start, q.start)
        k = bisect_right(people, before, key=lambda n: n.end)  # people: by end
        if k:
            name = people[k - 1]
            span = Span(name.start, name.end)
            return replace(
                q, speaker=text[name.start : name.end], speaker_span=span, by_pronoun=True
            )
    return replace(q, speaker=a.speaker, speaker_span=a.speaker_span)
