"""Paragraphs and sentences, as character spans.

Written by hand rather than taken from a library, by measurement (see the report in
tests/test_segment_sentences.py's module docstring): on our abbreviation and quotation
cases pysbd (char_span) got 14/15 in 12 ms for the seed article, syntok 14/15 in 6 ms,
blingfire 14/15 in 0.8 ms ("Mr. Smith" split); none knows our paragraph rules (blank
lines, Reuters' indented paragraphs with hard-wrapped lines). This splitter gets all the
cases in well under 1 ms.
"""

from __future__ import annotations

import re
from itertools import pairwise

from unspin.model import Sentence, Span
from unspin.segmentation.lexicon import MONTHS, STARTERS

_LINE = re.compile(r"[^\n]*\n?")
_TERMINAL = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
# A sentence glued to the next with no space ("... Claude Joseph.READ MORE: ...", a page's
# inline link spliced in; "... violence.The ..."): a period right after a word in lower case
# (capitalised or not), before a usual sentence opener or a word of four capitals or more.
# Not a market code ("DCXGn.DE", "0005.HK") nor a name ("Euronext.Liffe").
_GLUED = re.compile(r"(?<![\w.’'-])[A-Z]?[a-z]+\.(?=([A-Z][a-z]+|[A-Z]{4,})\b)")
# The word after a sentence end, without its opening and closing marks. The closing marks stop
# at a space: across spaces, a run of ". . . " was read afresh after each of its periods, the
# square of its length (a review timed 70,000 characters of it at 1.2 s).
_NEXT_WORD = re.compile(r"[\"“‘'(\[]*(\S+?)[^\w\s]*(?:\s|$)")
_TOKEN_BEFORE = re.compile(r"[\w.’'-]*$")
_END_PUNCT = ".!?…\"”’:'"

# Period after these never ends a sentence ("Mr. Smith", "Gen. Milley", "e.g. this").
_NEVER_FINAL = frozenset(
    """
mr mrs ms dr prof gen sen sens rep reps gov lt col capt sgt maj adm cmdr rev hon gens
mt ft st vs e.g i.e cf approx
""".split()
)
# ... and after these, as written: South Asian honorifics ("Sh. Hasina"), not "SH." (a state
# highway) or "sh." ending a line.
_HONORIFICS = frozenset({"Sh", "Smt"})
# Period after these ends a sentence only if a usual sentence opener follows.
_AMBIGUOUS = frozenset(
    """
inc corp co ltd plc llc bros jr sr etc a.m p.m u.s u.k u.n e.u d.c u.s.a
""".split()
)


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans, stripped: blank lines always separate paragraphs; a single newline
    does too, unless the text is hard-wrapped (wire copy), where only an indented line or
    a line after a short, finished line starts one. Neither separates a sentence a page's
    layout broke in two: a line ending with a comma, then one opening in lower case."""
    lines = [
        Span(m.start(), m.end() - (1 if m.group().endswith("\n") else 0))
        for m in _LINE.finditer(text)
        if m.group()
    ]
    wrapped = _is_hard_wrapped(text, lines)
    width = max((e - s for s, e in lines), default=0)
    spans: list[Span] = []
    cur: Span | None = None
    blank = False  # a blank line since the current paragraph's last line
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            blank = True
            continue
        ends = cur is not None and (blank or not (wrapped and _continues(text, cur, line, width)))
        if ends and not _broken_sentence(text, cur, line):
            cur = _flush(text, spans, cur)
        blank = False
        cur = Span(s, e) if cur is None else Span(cur.start, e)
    _flush(text, spans, cur)
    return spans


def _broken_sentence(text: str, cur: Span | None, line: str) -> bool:
    """ "..., Tesla is recalling all 363,000 vehicles with the software," then, after a blank
    line, "dealing another setback to ...": one sentence the page's layout broke."""
    return (
        cur is not None
        and text[cur.start : cur.end].rstrip().endswith(",")
        and line.lstrip()[:1].islower()
    )


def _flush(text: str, spans: list[Span], cur: Span | None) -> None:
    if cur is not None:
        s, e = _strip(text, *cur)
        if s < e:
            spans.append(Span(s, e))
    return None


def _continues(text: str, cur: Span, line: str, width: int) -> bool:
    """In wrapped text, does this line continue the current paragraph?"""
    if line[:1].isspace():
        return False
    last = text[cur[0] : cur[1]].rsplit("\n", 1)[-1].rstrip()
    return not (last.endswith(tuple(_END_PUNCT)) and len(last) < 0.6 * width)


def _is_hard_wrapped(text: str, lines: list[Span]) -> bool:
    """Wire copy wraps lines at ~70 characters: lines are short, and many end mid-sentence."""
    body = [text[s:e].strip() for s, e in lines]
    body = [ln for ln in body if ln]
    if len(body) < 4 or sum(len(ln) > 100 for ln in body) > 0.05 * len(body):
        return False
    unfinished = sum(not ln.endswith(tuple(_END_PUNCT)) for ln in body)
    return unfinished >= 0.3 * len(body) and sum(len(ln) >= 40 for ln in body) >= 0.5 * len(body)


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def sentences(text: str, paras: list[Span]) -> list[Sentence]:
    out: list[Sentence] = []
    for index, (ps, pe) in enumerate(paras):
        start = ps
        for cut in _boundaries(text, ps, pe):
            s, e = _strip(text, start, cut)
            if s < e:
                out.append(Sentence(s, e, index))
            start = cut
        s, e = _strip(text, start, pe)
        if s < e:
            out.append(Sentence(s, e, index))
    return out


def _boundaries(text: str, ps: int, pe: int) -> list[int]:
    """Offsets just after each sentence-final punctuation group inside one paragraph (and, in
    a run-on stretch with none, before each usual sentence opener: `_run_on_cuts`)."""
    cuts = []
    for m in _TERMINAL.finditer(text, ps, pe):
        nxt = _NEXT_WORD.match(text, _skip_space(text, m.end(), pe), pe)
        if nxt is not None and _is_boundary(text, m, nxt.group(1)):
            cuts.append(m.end())
    for m in _GLUED.finditer(text, ps, pe):
        token = m.group()[:-1].lower()
        opener = m.group(1).isupper() or m.group(1).lower() in STARTERS
        if opener and token not in _NEVER_FINAL and token not in _AMBIGUOUS and len(token) > 1:
            cuts.append(m.end())
    cuts.sort()
    edges = [ps, *cuts, pe]
    for start, end in pairwise(edges):
        cuts += _run_on_cuts(text, start, end)
    return sorted(cuts)


# A stretch of this many words with no sentence end and no comma, colon or semicolon is a page
# that stripped its punctuation (a content farm's "NEW YORK AP Luigi Mangione was indicted
# Thursday ... death penalty The indictment returned ..."), not a sentence: the rare sentence
# of news prose this long has commas.
RUN_ON_WORDS = 80
_CLAUSE_MARK = re.compile(r"[,;:]")
# ... where a usual opener, capitalised after a word in lower case, starts a sentence.
_RUN_ON_OPENER = re.compile(
    r"(?<=[a-z,;] )(?:" + "|".join(w.capitalize() for w in sorted(STARTERS)) + r")\b"
)
_WORD = re.compile(r"\S+")


def _run_on_cuts(text: str, start: int, end: int) -> list[int]:
    """Cuts before each usual opener ("The", "It", "He") that follows a word in lower case, in
    a stretch of RUN_ON_WORDS words or more that has no sentence end and no clause mark."""
    if _CLAUSE_MARK.search(text, start, end):
        return []
    for count, _ in enumerate(_WORD.finditer(text, start, end), 1):
        if count >= RUN_ON_WORDS:
            return [m.start() for m in _RUN_ON_OPENER.finditer(text, start, end)]
    return []


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _is_boundary(text: str, m: re.Match[str], next_word: str) -> bool:
    if not next_word or next_word[0].islower():
        return False  # "he said. and", "“Why?” he asked", "paused... and"
    punct = m.group().rstrip("\"”’')]")
    if punct != ".":
        return True  # "?", "!", "...", "…"
    written = _TOKEN_BEFORE.search(text, max(0, m.start() - 40), m.start()).group().lstrip("’'-.")
    token = written.lower()
    if token in _NEVER_FINAL or written in _HONORIFICS:
        return False
    if (token in MONTHS or token == "no") and next_word[0].isdigit():
        return False  # "Jan. 24", "No. 1"
    if token in _AMBIGUOUS or (len(token) == 1 and token.isalpha()):
        return next_word.lower() in STARTERS  # "in the U.S. The", not "U.S. Agriculture"
    return True
