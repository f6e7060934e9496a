"""Proper names: runs of capitalised words, each given a kind by rules and gazetteers.

A run is split off at a possessive ("Ukraine’s"), a lowercase hyphen tail ("NATO-planned"
-> "NATO"), a time word ("Tuesday", "January": those are times) and punctuation; "of"/"for"
join only after an organisation, place or title word ("Kyiv International Institute of
Sociology", "Secretary of State"). Leading articles are dropped: "the Black Sea" gives
"Black Sea". A title is dropped too and marks a person: "Defense Minister Oleksii Reznikov"
gives "Oleksii Reznikov" (person). Not names: a capitalised ordinary word opening a sentence
("Despite", "Analysts"; one is kept if the text also capitalises it mid-sentence or a
gazetteer knows it), the words of a title-case headline other than known names, bare titles,
a kicker before a colon ("Next Steps:").
Kinds, first rule that applies:
- place: in data/places.txt (countries, capitals, cities, US states, regions, seas), or
  ending in a place word ("Crimean Peninsula", "Baltic Sea region" is "Baltic Sea");
- organisation: a known organisation (NATO, Kremlin...), an acronym not a place ("NATO",
  "SEC"), or containing an organisation word ("State Department", "Bank of England");
- person: after a title, starting with a given name from data/given_names.txt, a surname
  already seen in a person's name, or two or three words followed by a speech verb;
- other: demonyms from data/demonyms.txt ("Ukrainian", "Russians") and anything else
  ("West", "F-16").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from unspin.model import Name, Sentence, Span
from unspin.segmentation.lexicon import (
    CAPITALISED_NOUNS,
    FUNCTION_WORDS,
    MONTHS,
    ORG_WORDS,
    ORGS,
    PLACE_WORDS,
    TITLE_HEADS,
    TITLES,
    WEEKDAYS,
    demonyms,
    given_names,
    places,
)

# The parts a name is made of, not a tokenizer of all words (so not text.tokens): abbreviations
# keep their full stop ("Gen.", "U.S."), a capitalised word its possessive and hyphen tail
# (cut off by `_cut`), and of the lowercase words only those that may join a name's words.
_NAME_PART = re.compile(
    r"\b(?:(?:[A-Z]\.){2,}"  # U.S., U.K.
    r"|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Maj|Adm|Prof|Jr|Sr|Rev|Mt|Ft)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: John F. Kennedy
    r"|[^\W\d_a-z][\w’'&-]*"  # a capitalised word (or one in a non-ASCII script)
    r"|(?:of|for|de|da|van|von|bin|al|du|del|der|la|le|di)\b)"  # may join a name's words
)
_PARTICLES = frozenset("de da van von bin al du del der la le di".split())
_POSSESSIVE = ("’s", "'s", "’", "'")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}[A-Z0-9]*")
_SPEECH_AFTER = re.compile(r"\s*(?:,\s*)?(?:said|says|told|added|wrote|insisted|argued|warned)\b")
_OPEN_QUOTES = "“\"‘'(["
# Word shapes, not tokenizers: the longer words a title-case headline capitalises, and the
# lowercase words that tell an ordinary word opening a sentence from a name.
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]*")


@dataclass(frozen=True, slots=True)
class _W:
    start: int
    end: int
    text: str
    initial: bool  # first word of its sentence or of a quotation
    joined: bool  # only whitespace separates it from the word before


def name_start(words: list[str]) -> int:
    """Index where the name proper starts after a title: "Defense Minister Oleksii Reznikov"
    -> 2, "Secretary of State Antony Blinken" -> 3, "Ukraine’s President Volodymyr Zelensky"
    -> 2; 0 when there is no title or nothing name-like follows it."""
    last = -1
    for k, w in enumerate(words):
        if w.lower() in TITLE_HEADS or w.endswith(_POSSESSIVE[:2]):
            last = k
    if last < 0:
        return 0
    k = last + 1
    while k < len(words) and (words[k].lower() in TITLES or words[k] == "of"):
        k += 1
    rest = words[k:]
    if rest and rest[0][:1].isupper() and not any(_is_org_word(w) for w in rest):
        return k
    return 0


def find_names(text: str, sents: list[Sentence], times: list[Span]) -> list[Name]:
    time_starts = [t[0] for t in times]
    per_sentence = [_words(text, s, times, time_starts) for s in sents]
    headline = [_is_headline(text, s) for s in sents]
    seen = {
        w.text
        for ws, h in zip(per_sentence, headline, strict=True)
        if not h
        for w in ws
        if not w.initial
    }
    seen = {w for w in seen if w[:1].isupper()}
    lower = set(_LOWER_WORD.findall(text))
    found: list[tuple[list[_W], bool]] = []
    for ws, is_headline in zip(per_sentence, headline, strict=True):
        for run in _runs(ws):
            if not _is_label(text, run):
                found += _names_in_run(run, is_headline, seen, lower)
    first = [_kind(run, titled) for run, titled in found]
    surnames = {
        run[-1].text for (run, _), kind in zip(found, first, strict=True) if kind == "person"
    }
    return [_name(text, run, titled, surnames) for run, titled in found]


def _is_label(text: str, run: list[_W]) -> bool:
    """A kicker of a few title-case words and a colon opening a sentence ("Next Steps:",
    "Read More:"), unless a word of it is a known name ("Joe Biden: ...")."""
    return (
        run[0].initial
        and len(run) >= 2
        and text[run[-1].end : run[-1].end + 1] == ":"
        and not any(_known(w.text, set()) for w in run)
    )


def _words(text: str, s: Sentence, times: list[Span], time_starts: list[int]) -> list[_W]:
    """The capitalised words of a sentence, and the lowercase words that may join them."""
    out: list[_W] = []
    prev_end = s.start
    after_time = False
    for m in _NAME_PART.finditer(text, s.start, s.end):
        start, word = m.start(), m.group()
        joined = not after_time and start > prev_end and text[prev_end:start].isspace()
        prev_end = m.end()
        after_time = _in_time(start, times, time_starts) or word.lower().rstrip(".") in MONTHS
        if after_time:
            continue  # times are not names, and the gap they leave breaks a run
        cut = _cut(word)
        prev_end = start + len(cut)
        j = start - 1
        while j >= s.start and text[j].isspace():
            j -= 1
        # After a dateline's dash ("SINGAPORE – Oil prices ...") or a colon ("Next Steps:
        # Sentencing ...") a word opens the sentence.
        initial = j < s.start or text[j] in _OPEN_QUOTES or text[j] in "—–:"
        out.append(_W(start, start + len(cut), cut, initial, joined))
    return out


def _cut(word: str) -> str:
    """ "Ukraine’s" -> "Ukraine", "NATO-planned" -> "NATO", "U.S.-based" -> "U.S."."""
    for p in _POSSESSIVE:
        if word.endswith(p) and len(word) > len(p):
            return word[: -len(p)]
    parts = word.split("-")
    if len(parts) > 1 and parts[0][:1].isupper() and not parts[-1][:1].isupper():
        return parts[0]
    return word


def _in_time(start: int, times: list[Span], time_starts: list[int]) -> bool:
    k = bisect_right(time_starts, start) - 1
    return k >= 0 and times[k][0] <= start < times[k][1]


def is_heading(text: str, s: Sentence) -> bool:
    """A headline, subhead or summary bullet: title case, or a short line with no closing
    punctuation, or a line opening with a bullet ("- Oil prices rise with the election")."""
    words = text[s.start : s.end].rstrip()
    if words[:1] in "-–•*" and words[1:2] == " ":
        return True
    line_start = s.start == 0 or text[s.start - 1] == "\n"
    unfinished = not words.endswith((".", "!", "?", '"', "”", "’", ":"))
    return _is_headline(text, s) or (line_start and unfinished and len(words.split()) <= 15)


def _is_headline(text: str, s: Sentence) -> bool:
    """Title case ("Russia’s Invasion of Ukraine Is Not Imminent, Ukraine Insists."; "Latest
    News!"): every longer word that is not a function word capitalised, and four of them or
    no full stop at the end ("Mr. Smith met Gen. Milley in St. Petersburg." is a sentence)."""
    long = [w for w in _LONG_WORD.findall(text, s.start, s.end) if w.lower() not in FUNCTION_WORDS]
    if len(long) < 2 or not all(w[0].isupper() for w in long):
        return False
    return len(long) >= 4 or not text[s.start : s.end].rstrip("”’\"'").endswith(".")


def _runs(ws: list[_W]) -> list[list[_W]]:
    """Maximal runs of capitalised words, adjacent or joined by a particle or "of"/"for"."""
    runs: list[list[_W]] = []
    cur: list[_W] = []
    for k, w in enumerate(ws):
        nxt = ws[k + 1] if k + 1 < len(ws) else None
        if cur and w.joined and (w.text[:1].isupper() or _joins(w, cur[-1], nxt)):
            cur.append(w)
        else:
            if cur:
                runs.append(cur)
            cur = [w] if w.text[:1].isupper() else []
    if cur:
        runs.append(cur)
    return [run[:-1] if run[-1].text[:1].islower() else run for run in runs]


def _joins(w: _W, before: _W, after: _W | None) -> bool:
    """Does lowercase w join two capitalised words into one name ("Bank of England")?"""
    if after is None or not after.joined or not after.text[:1].isupper():
        return False
    return w.text in _PARTICLES or (w.text in ("of", "for") and _heads(before.text))


def _heads(word: str) -> bool:
    lw = word.lower()
    return lw in ORG_WORDS or lw in PLACE_WORDS or lw in TITLE_HEADS


def _names_in_run(
    run: list[_W], headline: bool, seen: set[str], lower: set[str]
) -> list[tuple[list[_W], bool]]:
    """The names a run holds, each with whether a title marked it as a person."""
    while run and (_function_word(run[0].text) or run[-1].text in _PARTICLES):
        run = run[1:] if _function_word(run[0].text) else run[:-1]
    run = [w for w in run if w.text.lower() not in WEEKDAYS]
    if not run:
        return []
    if headline:
        return [([w], False) for w in run if _known(w.text, seen)]
    first = run[0].text
    ordinary = len(run) == 1 or first.lower() in lower
    if run[0].initial and ordinary and not _known(first, seen) and first.lower() not in TITLES:
        run = run[1:]  # "Despite", "Equipment": ordinary words that open a sentence
    if not run:
        return []
    if len(run) > 1 and run[0].text in demonyms() and _demonym_apart(run):
        return [([run[0]], False), *_names_in_run(run[1:], False, seen, lower)]
    k = name_start([w.text for w in run])
    if k:
        return [(run[k:], True)]
    if all(w.text.lower() in TITLES for w in run) or len(run[0].text) == 1:
        return []  # "Defense Minister", "I"
    if len(run) == 1 and run[0].text.lower() in CAPITALISED_NOUNS:
        return []  # "the Government", "News"
    return [(run, False)]


def _function_word(word: str) -> bool:
    """ "The", "Despite"; not "WHO" or "US", abbreviations spelled like function words."""
    return word.lower() in FUNCTION_WORDS and not (len(word) > 1 and word.isupper())


def _demonym_apart(run: list[_W]) -> bool:
    """ "Russian Foreign Minister Sergei Lavrov" and "Ukrainian Kyiv" split after the
    demonym; "Russian Federation", "British Airways", "Ukrainian Catholic University" do not."""
    if _kind(run, False) in ("organisation", "place"):
        return False
    rest = [w.text for w in run[1:]]
    return rest[0].lower() in TITLES or rest[0] in given_names() or " ".join(rest) in places()


def _known(word: str, seen: set[str]) -> bool:
    return (
        word in places()
        or word in ORGS
        or word in demonyms()
        or word in given_names()
        or word in seen
        or bool(_ACRONYM.fullmatch(word))
    )


def _name(text: str, run: list[_W], titled: bool, surnames: set[str]) -> Name:
    kind = _kind(run, titled)
    if kind == "other" and (run[-1].text in surnames or _speaks(text, run)):
        kind = "person"
    return Name(run[0].start, run[-1].end, kind)


def _kind(run: list[_W], titled: bool) -> str:
    words = [w.text for w in run]
    full = " ".join(words)
    if full in places():
        return "place"
    if full in ORGS or any(_is_org_word(w) for w in words):
        return "organisation"
    if len(words) == 1 and _ACRONYM.fullmatch(full):
        return "organisation"
    if (
        words[-1].lower() in PLACE_WORDS
        or words[-1] in places()
        or " ".join(words[-2:]) in places()
    ):
        return "place"
    if titled or words[0] in given_names():
        return "person"
    return "other"


def _is_org_word(word: str) -> bool:
    return any(part.lower() in ORG_WORDS for part in word.split("-")) or word in ORGS


def _speaks(text: str, run: list[_W]) -> bool:
    """ "Dmitry Peskov said", "Dmitry Peskov, a spokesman ...": two or three words and a verb."""
    return 2 <= len(run) <= 3 and bool(_SPEECH_AFTER.match(text, run[-1].end))
