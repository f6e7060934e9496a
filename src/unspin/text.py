"""Word-level helpers shared by the aligner and the detectors: tokens with offsets, stems.

The one home of tokenizers: `tokens` (words, what every stage compares) and, for the few
readers that need pieces `tokens` drops, `words_and_marks`, `chunks` and `edit_pieces`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import snowballstemmer

# Letters/digits with inner apostrophes, hyphens and number separators ("don't", "F-16", "8,500").
_WORD = re.compile(r"[^\W_]+(?:[’'\-.,][^\W_]+)*", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})

STOPWORDS = frozenset(
    """a an the and or but if of at by for with about against between into through during before
    after above below to from up down in out on off over under again further then once here there
    when where why how all any both each few more most other some such only own same so than too
    very s t can will just don should now i me my myself we our ours you your he him his she her
    it its they them their what which who whom this that these those am is are was were be been
    being have has had having do does did doing would could also as while since until because
    though although even yet however said says say told""".split()
)

_RE_STEMS = "calib|cent|theat|met|lit|fib|somb|spect|lust|meag|sab|manoeuv"
_DOUBLED_L = (
    "travel|cancel|label|model|fuel|counsel|signal|level|channel|tunnel|marshal|total|dial|"
    "duel|equal|quarrel|rival|marvel|panel|pencil|barrel|shovel|unravel|jewel"
)
# Spinners often switch to British spelling; fold the common ones before stemming so
# "defences"/"defenses" and "neighbouring"/"neighboring" count as the same word.
_BRITISH = (
    (re.compile(r"(?<=[a-z]{2})our(?=s?$|ed$|ing$|ite|able|hoods?$|als?$)"), "or"),
    (re.compile(r"(?<=def|off|lic)ence"), "ense"),
    (re.compile(r"(?<=[a-z]{4})is(?=e$|es$|ed$|ing$|ation)"), "iz"),
    (re.compile(r"(?<=[a-z]{3})yse"), "yze"),
    (re.compile(r"aeroplane"), "airplane"),
    # -re for -er, in a closed list: "genre", "acre" and "massacre" have no -er form.
    (re.compile(rf"({_RE_STEMS})re(?=s?$)"), r"\1er"),
    (re.compile(rf"({_RE_STEMS})r(ed|ing)$"), r"\1er\2"),
    (re.compile(r"manoeuv"), "maneuv"),
    # A doubled l before an ending ("travelled", "cancelling"), in a closed list: "filled",
    # "controlled" and "compelled" double it in American spelling too.
    (re.compile(rf"^({_DOUBLED_L})l(?=ed$|ing$|er$|ers$)"), r"\1"),
    (re.compile(r"^programme(?=s?$)"), "program"),
    (re.compile(r"^grey(?=s?$|er$|est$|ish$)"), "gray"),
    (re.compile(r"dgement"), "dgment"),  # judgement, acknowledgement
    (re.compile(r"^ageing$"), "aging"),
    (re.compile(r"^sceptic"), "skeptic"),
    (re.compile(r"^(fulfil|enrol|instal)(?=ment|s$|$)"), r"\1l"),
    (re.compile(r"^(catalog|analog)ue(?=s?$)"), r"\1"),
    (re.compile(r"^(catalog|analog)u(?=ed$|ing$)"), r"\1"),
    (re.compile(r"^(ski|wi)lful"), r"\1llful"),  # skilful, wilfully
    (re.compile(r"^gynaec"), "gynec"),
    (re.compile(r"^oesoph"), "esoph"),
    (re.compile(r"^(p|orthop|encyclop)aed"), r"\1ed"),  # paediatric, orthopaedic
    (re.compile(r"^(an|h|leuk)ae(?=sth|m)"), r"\1e"),  # anaesthetic, haemorrhage, leukaemia
    (re.compile(r"^foet(?=us|al)"), "fet"),
    (re.compile(r"^oestr"), "estr"),
    (re.compile(r"^diarrhoea"), "diarrhea"),
)
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    lower: str  # lowercased, apostrophes unified
    stem: str


# Unicode's "stream-safe" bound: no real script stacks more combining marks on one letter.
# Normalising sorts each run of marks, in time that grows with the square of its length (a
# hostile 300,000-character run took 71 s), so a longer run is left as written.
COMBINING_RUN = 30
# Characters of combining class 0 that decompose into combining marks (Tibetan vowel signs):
# a run of them is a run of marks to normalise. The only three, by a scan of every code point.
_DECOMPOSING_TO_MARKS = frozenset("\u0f73\u0f75\u0f81")


def composed(text: str) -> str:
    """The text with its characters composed (Unicode NFC): "e" and a combining acute accent
    read as the "é" a source writes. A run of more than COMBINING_RUN combining marks stays as
    written, the rest of the text composed all the same (one run of "zalgo" text must not
    leave a page's accents apart)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    pieces: list[str] = []
    start = run = 0  # where the piece to compose starts; marks in a row before `at`
    for at, char in enumerate([*text, ""]):  # "" ends the last run
        if char and (unicodedata.combining(char) or char in _DECOMPOSING_TO_MARKS):
            run += 1
            continue
        if run > COMBINING_RUN:
            pieces += [unicodedata.normalize("NFC", text[start : at - run]), text[at - run : at]]
            start = at
        run = 0
    pieces.append(unicodedata.normalize("NFC", text[start:]))
    return "".join(pieces)


def one_line(text: str, limit: int) -> str:
    """Untrusted text for one line of a message or a label: every character that is not
    printable (a line break, a tab, a control character that breaks a terminal or an SVG)
    as "?", cut to `limit` characters with "…"."""
    text = "".join(char if char.isprintable() else "?" for char in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def next_lower(toks: Sequence[Token], i: int) -> str:
    """The lowered word after toks[i] ("" after the last)."""
    return toks[i + 1].lower if i + 1 < len(toks) else ""


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of text[start:end] with offsets into `text`, read afresh: a `Doc`'s text is
    read once, by `Doc.tokens`."""
    return _scan(text, start, len(text) if end is None else end)


class TextTokens:
    """Every word token of one text, read once, so that a range's are sliced out by binary
    search: every stage reads the same sentences' words (the aligner, then each detector),
    about eight times a sentence."""

    __slots__ = ("ends", "every", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.every = tuple(_scan(text, 0, len(text)))
        self.starts = [t.start for t in self.every]
        self.ends = [t.end for t in self.every]

    def within(self, start: int = 0, end: int | None = None) -> list[Token]:
        """`tokens(text, start, end)`, the same tokens."""
        end = len(self.text) if end is None else end
        lo = bisect_right(self.ends, start)  # the first token ending past start ...
        hi = bisect_left(self.starts, end)  # ... to the last starting before end
        if lo < hi and (self.every[lo].start < start or self.every[hi - 1].end > end):
            return _scan(self.text, start, end)  # a word cut by the range: read as the range has it
        return list(self.every[lo:hi])


def _scan(text: str, start: int, end: int) -> list[Token]:
    out = []
    forms = _forms()
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        form = forms.get(word) or _form(forms, word)
        out.append(Token(m.start(), m.end(), *form))
    return out


FORMS_KEPT = 200_000  # distinct words (a hostile page's made-up words cannot grow it forever)
_FORMS: dict[str, tuple[str, str]] = {}


def _forms() -> dict[str, tuple[str, str]]:
    """Each word as written -> its (lower, stem): a check reads its texts' words four times
    (source finding, segmenting, the aligner, the detectors) and a crawl repeats its words;
    looking a word up is a third of reading it afresh."""
    if len(_FORMS) > FORMS_KEPT:
        _FORMS.clear()
    return _FORMS


def _form(forms: dict[str, tuple[str, str]], word: str) -> tuple[str, str]:
    lower = word.lower().translate(_APOSTROPHES)
    form = forms[word] = (lower, stem(lower))
    return form


def lower_words_at(text: str) -> Iterator[tuple[int, str]]:
    """Each word of `tokens(text)` as (start, lower), without a Token or a stem: for a reader
    of a whole text that needs neither (source finding's rare words)."""
    for m in _WORD.finditer(text):
        yield m.start(), m.group().lower().translate(_APOSTROPHES)


# Other cuts of a text, each for a reader that needs what `tokens` leaves out.

# A mark is one symbol as a reader sees it: a flag (two regional indicators), a symbol with
# the skin tone, variation selector, keycap, tag or combining characters that follow it, and
# symbols joined into one (ZWJ sequences). Cut a code point at a time, a diff showed half a
# flag changed ("🇺" kept, "🇸" bold). (A word's own combining accents are composed as a text
# is read: `composed`.)
_MARK = (
    r"[\U0001F1E6-\U0001F1FF]{2}"
    r"|[^\w\s](?:[\u0300-\u036f\ufe0e\ufe0f\u20e3\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]"
    r"|\u200d[^\w\s])*"
)
_WORD_OR_MARK = re.compile(_WORD.pattern + "|" + _MARK)
_CHUNK = re.compile(r"\S+")
# Not `_WORD`: \w keeps "snake_case" whole and "/", ":", "&" join ("24/7", "10:30", "AT&T").
_EDIT_PIECE = re.compile(r"\w+(?:[’'\-.,/:&]\w+)*|\S")


def words_and_marks(text: str) -> list[re.Match[str]]:
    """The words of `tokens` and each punctuation mark alone, for a word diff: a changed comma
    or quotation mark is a change to show."""
    return list(_WORD_OR_MARK.finditer(text))


def chunks(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Runs of non-space characters in text[start:end], punctuation attached ("Peskov,",
    "“We"): the attribution parser reads a comma or quote mark on a word as a boundary."""
    return _CHUNK.finditer(text, start, end)


def edit_pieces(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The spinner's pieces (unspin.testing.edit): words, and every other non-space character
    alone, so rendering the pieces back puts each character of the source in place. Its own
    cut, not `tokens`': a change to it would change every generated test case."""
    return _EDIT_PIECE.finditer(text, start, len(text) if end is None else end)


def opens_sentence(text: str, at: int) -> bool:
    """Does the word at `at` open a sentence, a quotation or a dateline's text (so its capital
    says nothing of a name)?"""
    before = text[max(0, at - 4) : at].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n—–"


def capitalised_mid_sentence(text: str, at: int) -> bool:
    """Is the word at `at` capitalised where no sentence, quotation or dateline opens: a
    name's word ("Crew Dragon", "Will Smith"), not the word it spells?"""
    return text[at].isupper() and not opens_sentence(text, at)


# What `content_stems` makes of a text, by version: a corpus stores its sentences' stems with
# this number and uses them only while it matches. Change STOPWORDS, the stemmer or `american`
# and bump it (tests/test_text.py pins the stems of a probe text to it).
STEMS_VERSION = 2


def content_stems(text: str) -> set[str]:
    """The stems of the words of `text` that are not stopwords (no offsets: for scoring)."""
    forms = _forms()
    out = set()
    for word in _WORD.findall(text):
        form = forms.get(word) or _form(forms, word)
        if form[0] not in STOPWORDS:
            out.add(form[1])
    return out


@lru_cache(maxsize=200_000)
def stem(lower: str) -> str:
    if lower.endswith("'s"):
        lower = lower[:-2]
    return _STEMMER.stemWord(american(lower))


@lru_cache(maxsize=200_000)
def without_accents(text: str) -> str:
    """The text with each Latin letter's accents taken off ("Rodríguez" -> "Rodriguez",
    "Mbappé" -> "Mbappe"), character for character: its length stays, so offsets into it are
    offsets into the text. Other scripts' marks (a Hindi virama, Thai tones) are part of their
    letters and stay, as do ligatures ("ﬁ") and letters with no accent to take off ("ø")."""
    if text.isascii():
        return text
    return "".join(map(_unaccented, text))


@lru_cache(maxsize=4096)
def _unaccented(character: str) -> str:
    base, *marks = unicodedata.normalize("NFD", character)
    if base.isascii() and base.isalpha() and all(unicodedata.combining(m) for m in marks):
        return base
    return character


@lru_cache(maxsize=200_000)
def american(lower: str) -> str:
    """A lowercased word in American spelling ("defences" -> "defenses")."""
    for pattern, replacement in _BRITISH:
        lower = pattern.sub(replacement, lower)
    return lower


def word_trigrams(text: str) -> set[tuple[str, str, str]]:
    """The text's runs of three words (lowercased): its wording, for measures of copying."""
    words = _lower_words(text)
    return set(zip(words, words[1:], words[2:], strict=False))


def _lower_words(text: str) -> list[str]:
    """The `lower` of each of the text's tokens, without offsets or stems: source finding
    reads a dozen whole stories per page, and a Token each was most of its time. Lowered
    and unified in one call over the words joined (no word holds a space)."""
    words = _WORD.findall(text)
    return " ".join(words).lower().translate(_APOSTROPHES).split(" ") if words else []


# Words (of the second sequence) from which `word_matcher` lets difflib skip frequent words as
# the seeds of matches. News sentences and their groups stay well below it.
LONG_SEQUENCE = 400


def word_matcher(a: Sequence[Hashable], b: Sequence[Hashable]) -> SequenceMatcher:
    """difflib's matcher of two word sequences, every word a seed of a match (its "autojunk"
    off), but for sequences of LONG_SEQUENCE words or more: there difflib's heuristic skips
    words frequent in `b` ("the", "kilometres"), since without it a "sentence" of thousands of
    repeated words costs about the cube of its length (a review measured 174 s for one sentence
    of 1,000 measures, 1.7 s with the heuristic)."""
    return SequenceMatcher(None, a, b, autojunk=len(b) >= LONG_SEQUENCE)
