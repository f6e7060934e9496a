"""The meaning-changing edits the test bed injects, one per sentence, each returning its `Mark`.

Each function takes one copy sentence (still in source order and wording), edits its tokens in
place when the sentence offers a clean opportunity, and returns the Mark (None when it does not;
then the sentence is left as it was). The edits are plain pattern rules on purpose: a gold label
has to be right, so a rule fires only where its effect is unambiguous.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import partial

from unspin.segmentation import lexicon
from unspin.testing.edit import Mark, Sent, Tok, capitalize, fix_article, new_toks, source_span
from unspin.testing.thesaurus import NUMBERS

REPORT_VERBS = frozenset({"said", "says", "told", "added"})
_CAP_STOP = frozenset(
    """The A An He She It They We I You This That These Those But And Or In On At As If When While
    After Before Since Although Though Officials Analysts Sources Police Mr Mrs Ms Dr""".split()
)
_ORG_WORDS = frozenset(
    """Ministry Department Bank Fund Agency Council Commission Committee Office Group Corp Inc Co
    Ltd Company Association Union Party Reuters Institute Organization Organisation Exchange Board
    Authority Court Parliament Congress Senate Government Administration Service Reserve Kremlin
    Pentagon Treasury Army Police Federation Corporation Holdings Airlines Motors Industries
    University Network News Times Post Journal Programme Program Alliance""".split()
)
COUNTRIES = [
    *"""Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain
    Bangladesh Belarus Belgium Bolivia Brazil Britain Bulgaria Cambodia Canada Chile China Colombia
    Croatia Cuba Cyprus Denmark Ecuador Egypt Estonia Ethiopia Finland France Georgia Germany
    Ghana Greece Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan
    Kazakhstan Kenya Kuwait Latvia Lebanon Libya Lithuania Luxembourg Malaysia Mexico Moldova
    Morocco Netherlands Nigeria Norway Oman Pakistan Peru Philippines Poland Portugal Qatar
    Romania Russia Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland
    Syria Taiwan Thailand Tunisia Turkey Ukraine Uruguay Venezuela Vietnam Yemen
    Zimbabwe""".split(),
    *"United_States United_Kingdom Saudi_Arabia South_Korea North_Korea New_Zealand".split(),
    *"South_Africa Czech_Republic Sri_Lanka".split(),
]
CITIES = [
    *"""London Paris Berlin Moscow Kyiv Kiev Beijing Tokyo Washington Brussels Rome Madrid Lisbon
Vienna Warsaw Prague Budapest Athens Ankara Istanbul Cairo Tehran Baghdad Damascus Beirut Jerusalem
Riyadh Dubai Delhi Mumbai Karachi Kabul Islamabad Dhaka Bangkok Jakarta Manila Seoul Shanghai Sydney
Melbourne Toronto Ottawa Montreal Chicago Boston Houston Frankfurt Zurich Geneva Stockholm Oslo
Copenhagen Helsinki Dublin Edinburgh Amsterdam Milan Lagos Nairobi Johannesburg Caracas Lima Bogota
Santiago""".split(),
    *"New_York Los_Angeles San_Francisco Hong_Kong New_Delhi Mexico_City Buenos_Aires".split(),
    *"Tel_Aviv Abu_Dhabi Kuala_Lumpur Sao_Paulo".split(),
]
COUNTRIES = [name.replace("_", " ") for name in COUNTRIES]
CITIES = [name.replace("_", " ") for name in CITIES]
# As a sentence writes them.
WEEKDAYS = [day.capitalize() for day in lexicon.WEEKDAYS]
MONTHS = frozenset(month.capitalize() for month in lexicon.MONTHS)
_SMALL_NUMBERS = "two three four five six seven eight nine ten eleven twelve".split()
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PLURAL_EXCEPT = frozenset(
    """news series species means politics economics headquarters always perhaps sometimes this
    thus plus yes less unless across various previous serious famous ones others hers ours yours
    theirs whereas afterwards towards besides overseas lens gas bus""".split()
)
_IRREGULAR_PLURALS = frozenset("people children men women police personnel".split())
_UNITS = frozenset(
    """percent points years months weeks days hours minutes seconds times cents dollars euros
    pounds yen tonnes tons barrels ounces miles kilometres kilometers metres meters feet acres
    hectares dlrs cts pct mln bln""".split()
)
_APPROX = frozenset("about nearly some over around almost roughly approximately just only".split())
_APPROX_PAIRS = {
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("up", "to"),
}
_DETERMINERS = frozenset("the its their his her our of with for by from some".split())
AUX = frozenset("is are was were will would could can should has have had did does do must".split())
_CONTRACTIONS = {
    "don't": "do",
    "doesn't": "does",
    "didn't": "did",
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "won't": "will",
    "can't": "can",
    "couldn't": "could",
    "wouldn't": "would",
    "shouldn't": "should",
}
ANTONYMS = {
    "rose": "fell",
    "fell": "rose",
    "rise": "fall",
    "fall": "rise",
    "rises": "falls",
    "falls": "rises",
    "rising": "falling",
    "falling": "rising",
    "risen": "fallen",
    "fallen": "risen",
    "increased": "decreased",
    "decreased": "increased",
    "increase": "decrease",
    "decrease": "increase",
    "increases": "decreases",
    "decreases": "increases",
    "higher": "lower",
    "lower": "higher",
    "above": "below",
    "below": "above",
    "strengthened": "weakened",
    "weakened": "strengthened",
    "accepted": "rejected",
    "approved": "rejected",
    "rejected": "accepted",
    "surplus": "deficit",
    "deficit": "surplus",
    "profit": "loss",
    "profits": "losses",
    "losses": "profits",
    "expanded": "contracted",
}
LOADED = {
    "killed": ("murdered", "slaughtered"),
    "kill": ("murder", "slaughter"),
    "killing": ("murdering", "slaughtering"),
    "protesters": ("rioters",),
    "protester": ("rioter",),
    "demonstrators": ("rioters", "mobs"),
    "militants": ("terrorists",),
    "insurgents": ("terrorists",),
    "rebels": ("terrorists",),
    "separatists": ("terrorists",),
    "government": ("regime",),
    "criticised": ("slammed", "blasted"),
    "criticized": ("slammed", "blasted"),
    "said": ("admitted", "conceded", "claimed"),
    "says": ("admits", "claims"),
    "rose": ("soared", "skyrocketed"),
    "fell": ("plunged", "crashed"),
    "dispute": ("feud",),
    "murdered": ("killed",),
    "slaughtered": ("killed",),
    "rioters": ("protesters",),
    "terrorists": ("militants",),
    "regime": ("government",),
    "slammed": ("criticised",),
    "soared": ("rose",),
    "plunged": ("fell",),
    "admitted": ("said",),
    "claimed": ("said",),
}
_PLACES = frozenset(COUNTRIES + CITIES)
_NOT_VERBS = frozenset(
    """not never to no also the a an this that these those it he she they we you i its their
    his her""".split()
)
_NOT_MODAL = frozenset(("", "the", "a", "his", "her", "their", "its", "political"))  # "the will"
_HEDGE_ADVERBS = frozenset("reportedly allegedly apparently possibly probably perhaps".split())
_QUOTE_DROPPABLE = frozenset("very really just also still already now even so".split())
_NEW_NUMBERS = ("12", "40", "150", "300", "2,500", "5,000")


_TITLES = frozenset(title.capitalize() for title in lexicon.SPINNER_TITLES)
_NOT_ACRONYMS = frozenset(
    """REUTER REUTERS FOB CIF NV PLC INC CO LTD CORP CEO GMT EST EDT AM PM TV OK UPDATE US USA
    UK""".split()
)
# The kinds of name a distortion may swap for another of the same kind.
SPEAKER_KINDS = ("person", "org", "acronym", "group", "country", "city")


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: tuple[int, int]  # token range of who is credited
    verb: int  # index of the cue (said/says/told/added, or "according")
    kind: str  # one of SPEAKER_KINDS, "pronoun" ("he said") or "unknown" ("Dealers said")

    @property
    def extent(self) -> tuple[int, int]:
        """Token range of the whole attribution, speaker and verb, in either order."""
        return min(self.speaker[0], self.verb), max(self.speaker[1], self.verb + 1)


@dataclass(slots=True)
class Context:
    """What the distortions may draw on: names from the article, then from other stories."""

    thesaurus: Mapping[str, tuple[str, ...]]
    people: frozenset[str]  # person names in the article, full and surname alone
    pools: dict[str, list[list[str]]] = field(default_factory=dict)  # kind -> tiers of names

    def add(self, kind: str, names: Iterable[str], tier: int) -> None:
        tiers = self.pools.setdefault(kind, [[], [], []])
        for name in names:
            if not any(name in t for t in tiers):
                tiers[tier].append(name)

    def other(self, kind: str, avoid: str, rng: random.Random) -> str | None:
        """Another name of this kind, from the nearest tier that has one; never one that shares
        a word with `avoid` or is spelt much like it ("Malmann"/"Mahlmann")."""
        avoid_words = set(avoid.lower().split()) - {"the"}
        for tier in self.pools.get(kind, []):
            options = [
                n
                for n in tier
                if not avoid_words & set(n.lower().split())
                and SequenceMatcher(None, n.lower(), avoid.lower()).ratio() < 0.7
            ]
            if options:
                return rng.choice(options)
        return None


def attributions(toks: Sequence[Tok], people: frozenset[str]) -> list[Attribution]:
    """Who a sentence credits: "X said", "said X", "according to X" (outside quotes)."""
    out = []
    for v, t in enumerate(toks):
        if t.quoted:
            continue
        low = t.lower
        if low in REPORT_VERBS:
            i = v
            while i > 0 and v - i < 4 and _capital(toks[i - 1]):
                i -= 1
            if i < v:
                out.append(_named(toks, i, v, v, people))
            elif v >= 1 and toks[v - 1].lower in lexicon.REPORTED_PRONOUNS:
                out.append(Attribution((v - 1, v), v, "pronoun"))
            elif v >= 2 and toks[v - 2].lower == "the" and toks[v - 1].text.isalpha():
                if toks[v - 1].text.islower():
                    out.append(Attribution((v - 2, v), v, "group"))  # "the ministry said"
            elif low in ("said", "says") and v + 1 < len(toks) and _capital(toks[v + 1]):
                j = v + 1
                while j < len(toks) and j - v <= 4 and _capital(toks[j]):
                    j += 1
                out.append(_named(toks, v + 1, j, v, people))
        elif low == "according" and v + 2 < len(toks) and toks[v + 1].lower == "to":
            i = v + 3 if toks[v + 2].lower == "the" else v + 2
            j = i
            while j < len(toks) and j - i < 4 and _capital(toks[j]):
                j += 1
            if j > i:
                out.append(_named(toks, i, j, v, people))
    return out


def _capital(t: Tok) -> bool:
    return (
        t.is_word
        and t.text[0].isupper()
        and t.text not in _CAP_STOP
        and not t.quoted
        and not re.search(r"['’]s$", t.text)
        and t.text not in WEEKDAYS
        and t.text not in MONTHS
    )


def _named(toks: Sequence[Tok], i: int, j: int, verb: int, people: frozenset[str]) -> Attribution:
    words = [t.text for t in toks[i:j]]
    before = verb > i  # "Defense Minister Oleksii Reznikov said": the name ends the run
    for size in (2, 1):
        part = words[-size:] if before else words[:size]
        if len(part) == size and " ".join(part) in people:
            return Attribution((j - size, j) if before else (i, i + size), verb, "person")
    return Attribution((i, j), verb, _kind(" ".join(words)))


def _kind(name: str) -> str:
    if name in COUNTRIES:
        return "country"
    if name in CITIES:
        return "city"
    if name.isalpha() and name.isupper() and 2 <= len(name) <= 6 and name not in _NOT_ACRONYMS:
        return "acronym"
    if name.split()[-1] in _ORG_WORDS and len(name.split()) > 1:
        return "org"
    return "unknown"


def people(token_lists: Iterable[Sequence[Tok]]) -> frozenset[str]:
    """Person names the wire way: "First Last" on first mention, then "Last" alone. A sentence's
    first word counts only if it is capitalized mid-sentence somewhere too."""
    token_lists = list(token_lists)
    mid = {t.text for toks in token_lists for t in toks[1:] if t.text[:1].isupper()}
    full, alone = set(), set()
    for toks in token_lists:
        run: list[str] = []
        for k, t in enumerate([*toks, None]):
            if t is not None and _capital(t) and t.text.isalpha() and (k or t.text in mid):
                run.append(t.text)
                continue
            titled = 0
            while titled < len(run) and run[titled] in _TITLES:
                titled += 1
            name = run[titled:]
            if len(name) == 2 and _kind(" ".join(name)) == "unknown" and name[0] not in _ORG_WORDS:
                full.add(" ".join(name))
            elif len(name) == 1:
                alone.add(name[0])
            run = []
    persons = {n for n in full if n.split()[1] in alone}
    return frozenset(persons | {n.split()[1] for n in persons})


def speaker_names(toks: Sequence[Tok], people: frozenset[str]) -> list[tuple[str, str]]:
    out = []
    for a in attributions(toks, people):
        name = _text(toks[a.speaker[0] : a.speaker[1]])
        if a.kind in SPEAKER_KINDS:
            out.append((a.kind, name.lower() if a.kind == "group" else name))
    return out


_PLACE_INDEX: dict[str, list[tuple[list[str], str]]] = {}
for _kind_name, _names in (("country", COUNTRIES), ("city", CITIES)):
    for _name in _names:
        _PLACE_INDEX.setdefault(_name.split()[0], []).append((_name.split(), _kind_name))


def entity_names(toks: Sequence[Tok], people: frozenset[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, name) for each country, city, organisation, acronym and known person
    named outside quotes."""
    out = []
    for i, t in enumerate(toks):
        core = _core(t.text)
        if t.quoted:
            continue
        for words, kind in _PLACE_INDEX.get(core, []):
            j = i + len(words)
            if [_core(x.text) for x in toks[i:j]] == words and not any(x.quoted for x in toks[i:j]):
                out.append((i, j, kind, " ".join(words)))
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if _kind(core) == "acronym" and not (i and toks[i - 1].text == "<") and nxt != ">":
            out.append((i, i + 1, "acronym", core))  # "<CHEM>" is a ticker, not a name
        elif core in _ORG_WORDS and i > 0 and _capital(toks[i - 1]):
            j = i
            while j > 0 and i - j < 5 and _capital(toks[j - 1]):
                j -= 1
            out.append((j, i + 1, "org", " ".join([*(x.text for x in toks[j:i]), core])))
        elif core in people and _capital(t):
            pair = f"{toks[i - 1].text} {core}" if i else ""
            if pair not in people and not (nxt and f"{core} {_core(nxt)}" in people):
                out.append((i, i + 1, "person", core))
            elif pair in people:
                out.append((i - 1, i + 1, "person", pair))
    return out


def _core(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _text(toks: Sequence[Tok]) -> str:
    return " ".join(t.text for t in toks)


def _case_like(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _swap(s: Sent, i: int, j: int, words: str, kind: str, note: str) -> Mark:
    """Replace tokens i..j-1 by `words`; the Mark spans the new tokens."""
    old = s.toks[i:j]
    new = new_toks(words, old[0].space)
    s.toks[i:j] = new
    return Mark(kind, new[0], new[-1], source_span(old), note)


def _lock(toks: Sequence[Tok]) -> None:
    for t in toks:
        t.locked = True


def _end(s: Sent) -> int:
    """Index just past the sentence's words: its final punctuation is left out."""
    n = len(s.toks)
    while n > 0 and not s.toks[n - 1].is_word:
        n -= 1
    return n


def _is_number(toks: Sequence[Tok], i: int) -> bool:
    t = toks[i]
    return (
        not t.quoted
        and _NUMBER.fullmatch(t.text) is not None
        and not _YEAR.fullmatch(t.text)
        and float(t.text.replace(",", "")) > 0
        and not (i > 0 and toks[i - 1].text in MONTHS)
        and not (i + 1 < len(toks) and toks[i + 1].text == ":")
    )


def _plural(t: Tok) -> bool:
    w = t.text
    if w in _IRREGULAR_PLURALS:
        return True
    return (
        w.isalpha()
        and w.islower()
        and len(w) >= 4
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is"))
        and w not in _PLURAL_EXCEPT
        and w not in NUMBERS
    )


def other_number(text: str, rng: random.Random) -> str:
    """A different number in the same style: 8,500 -> 4,250; 3.2 -> 4.8; 4 -> 7."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    value = float(text.replace(",", ""))
    if not decimals and value < 13:
        new = float(rng.choice([n for n in range(2, 13) if n != value]))
    else:
        digits = str(int(value))
        zeros = min(len(digits) - len(digits.rstrip("0")), len(digits) - 1)
        step = 1 if decimals else 10**zeros  # keep round numbers round: 8,500 -> 4,300
        new = value
        while new == value:
            new = value * rng.choice((0.5, 0.6, 0.75, 1.25, 1.5, 2.0, 3.0))
            new = round(new, decimals) if decimals else max(step, round(new / step) * step)
    return f"{new:,.{decimals}f}" if "," in text else f"{new:.{decimals}f}"


# --- the distortions -------------------------------------------------------------------------


def number_changed(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    toks = s.toks
    options = [i for i in range(len(toks)) if _is_number(toks, i)]
    options += [i for i, t in enumerate(toks) if t.lower in _SMALL_NUMBERS and not t.quoted]
    if not options:
        return None
    i = rng.choice(options)
    old = toks[i].text
    if old.lower() in _SMALL_NUMBERS:
        new = _case_like(rng.choice([w for w in _SMALL_NUMBERS if w != old.lower()]), old)
    else:
        new = other_number(old, rng)
    return _swap(s, i, i + 1, new, "number_changed", f"{old} -> {new}")


def number_added(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    toks = s.toks
    options = [
        i
        for i in range(1, len(toks))
        if _plural(toks[i])
        and not toks[i].quoted
        and toks[i - 1].lower in _DETERMINERS
        and not (i > 1 and _NUMBER.fullmatch(toks[i - 2].text))
        and toks[i].lower not in _UNITS
    ]
    if not options:
        return None
    i = rng.choice(options)
    number = new_toks(rng.choice(_NEW_NUMBERS), toks[i].space)[0]
    toks[i].space = True
    toks.insert(i, number)
    _lock(toks[i : i + 2])
    return Mark("number_added", number, toks[i + 1], toks[i + 1].src, f"added {number.text}")


def number_dropped(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    toks = s.toks
    options = [
        i
        for i in range(len(toks) - 1)
        if _is_number(toks, i)
        and _plural(toks[i + 1])
        and not toks[i + 1].quoted
        and toks[i + 1].lower not in _UNITS
        and not (i > 0 and toks[i - 1].lower in ("a", "an", "$", "£", "€"))
    ]
    if not options:
        return None
    i = rng.choice(options)
    start = i
    if start >= 2 and (toks[start - 2].lower, toks[start - 1].lower) in _APPROX_PAIRS:
        start -= 2
    elif start >= 1 and toks[start - 1].lower in _APPROX:
        start -= 1
    noun, removed = toks[i + 1], toks[start : i + 1]
    noun.space = removed[0].space
    del toks[start : i + 1]
    if start == 0:
        capitalize(noun)
    noun.locked = True
    note = f"dropped {_text(removed)}"
    return Mark("number_dropped", noun, noun, (removed[0].src[0], noun.src[1]), note)


def _replace(s: Sent, i: int, new: str, kind: str, note: str = "") -> Mark:
    return _swap(s, i, i + 1, new, kind, note or f"{s.toks[i].text} -> {new}")


def time_changed(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    toks = s.toks
    options: list[Callable[[], Mark]] = []
    for i, t in enumerate(toks):
        if t.quoted:
            continue
        if t.text in WEEKDAYS:
            new = WEEKDAYS[(WEEKDAYS.index(t.text) + rng.choice((1, 2, -1, -2))) % 7]
            options.append(partial(_replace, s, i, new, "time_changed"))
        elif t.text in MONTHS:
            j = i + 2 if i + 2 < len(toks) and toks[i + 1].text == "." else i + 1
            if j < len(toks) and toks[j].text.isdigit() and 1 <= int(toks[j].text) <= 31:
                options.append(partial(_change_day, s, i, j, rng))
        elif _YEAR.fullmatch(t.text) and i > 0 and toks[i - 1].lower in ("in", "since", "until"):
            new = str(int(t.text) + rng.choice((1, 2, 3, -1, -2)))
            options.append(partial(_replace, s, i, new, "time_changed"))
    return rng.choice(options)() if options else None


def _change_day(s: Sent, month: int, day: int, rng: random.Random) -> Mark:
    old = int(s.toks[day].text)
    new = min(28, max(1, old + rng.choice((1, 2, 3, -1, -2, -3))))
    new = new if new != old else old + 1
    first, old_day = s.toks[month], s.toks[day]
    mark = _replace(s, day, str(new), "time_changed", f"day {old} -> {new}")
    first.locked = True
    return Mark(mark.type, first, mark.first, (first.src[0], old_day.src[1]), mark.note)


def negation_flipped(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    toks, kind = s.toks, "negation_flipped"
    options: list[Callable[[], Mark]] = []
    for i, t in enumerate(toks):
        if t.quoted:
            continue
        low = t.lower.replace("’", "'")
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if low == "not" and i > 0 and toks[i - 1].lower in AUX:
            options.append(partial(_drop_word, s, i, i - 1, kind, "removed not"))
        elif low in _CONTRACTIONS:
            options.append(partial(_replace, s, i, _case_like(_CONTRACTIONS[low], t.text), kind))
        elif low == "never" and nxt is not None and nxt.is_word and not nxt.quoted:
            options.append(partial(_drop_word, s, i, i + 1, kind, "removed never"))
        elif low in AUX and i > 0 and nxt is not None and _negatable(low, nxt):
            options.append(partial(_insert_after, s, i, "not", kind, "added not"))
        elif low in ANTONYMS and not (i > 0 and toks[i - 1].lower == "to"):
            options.append(partial(_replace, s, i, _case_like(ANTONYMS[low], t.text), kind))
    return rng.choice(options)() if options else None


def _negatable(aux: str, nxt: Tok) -> bool:
    if not (nxt.text.isalpha() and nxt.text.islower()) or nxt.quoted:
        return False
    if nxt.lower in _NOT_VERBS:
        return False  # "should the company decide" is a question or a condition
    if aux in ("has", "have", "had"):
        return nxt.lower == "been" or nxt.lower.endswith(("ed", "en"))
    return True


def _drop_word(s: Sent, i: int, keep: int, kind: str, note: str) -> Mark:
    """Remove token i; the Mark shows the neighbour `keep` (the copy span may not be empty)."""
    gone, kept = s.toks[i], s.toks[keep]
    span = (min(gone.src[0], kept.src[0]), max(gone.src[1], kept.src[1]))
    if keep > i:
        kept.space = gone.space
    del s.toks[i]
    kept.locked = True
    return Mark(kind, kept, kept, span, note)


def _insert_after(s: Sent, i: int, word: str, kind: str, note: str) -> Mark:
    anchor = s.toks[i]
    new = new_toks(word, True)[0]
    s.toks.insert(i + 1, new)
    anchor.locked = True
    return Mark(kind, anchor, new, anchor.src, note)


def certainty_shifted(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    toks, kind = s.toks, "certainty_shifted"
    options: list[Callable[[], Mark]] = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.quoted or nxt is None or nxt.quoted:
            continue
        verb_follows = nxt.text.isalpha() and nxt.text.islower()
        prev = toks[i - 1].lower if i else ""
        if t.text in ("may", "might", "could") and verb_follows:
            note = f"hedge removed: {t.text} -> will"
            options.append(partial(_replace, s, i, "will", kind, note))
        elif t.text == "will" and verb_follows and nxt.lower != "not" and prev not in _NOT_MODAL:
            new = rng.choice(("may", "might", "could"))
            options.append(partial(_replace, s, i, new, kind, f"hedge added: will -> {new}"))
        elif t.text == "likely" and prev in ("is", "are", "was", "were", "be"):
            note = "hedge removed: likely -> certain"
            options.append(partial(_replace, s, i, "certain", kind, note))
        elif t.lower in _HEDGE_ADVERBS and nxt.is_word and i > 0:
            options.append(partial(_drop_word, s, i, i + 1, kind, f"hedge removed: {t.text}"))
        elif i and _capital(t) and re.fullmatch(r"[a-z]{3,}ed", nxt.text):
            word = rng.choice(("reportedly", "allegedly"))
            options.append(partial(_insert_before, s, i + 1, word, kind, f"hedge added: {word}"))
    return rng.choice(options)() if options else None


def _insert_before(s: Sent, i: int, word: str, kind: str, note: str) -> Mark:
    anchor = s.toks[i]
    new = new_toks(word, anchor.space)[0]
    anchor.space = True
    s.toks.insert(i, new)
    anchor.locked = True
    return Mark(kind, new, anchor, anchor.src, note)


def loaded_wording(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    options = [i for i, t in enumerate(s.toks) if t.lower in LOADED and not t.quoted]
    if not options:
        return None
    i = rng.choice(options)
    old = s.toks[i].text
    new = _case_like(rng.choice(LOADED[old.lower()]), old)
    return _swap(s, i, i + 1, new, "loaded_wording", f"{old} -> {new}")


def entity_changed(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    toks = s.toks
    speakers = {k for a in attributions(toks, ctx.people) for k in range(*a.speaker)}
    sentence = _text(toks)
    options = []
    for i, j, kind, name in entity_names(toks, ctx.people):
        other = _another(ctx, kind, name, rng)
        if other and other not in sentence and not speakers & set(range(i, j)):
            options.append((i, j, name, other))
    if not options:
        return None
    i, j, name, other = rng.choice(options)
    suffix = toks[j - 1].text[len(_core(toks[j - 1].text)) :]  # keep a possessive 's
    return _swap(s, i, j, other + suffix, "entity_changed", f"{name} -> {other}")


def _another(ctx: Context, kind: str, name: str, rng: random.Random) -> str | None:
    other = ctx.other(kind, name, rng)
    if other and kind == "person" and " " not in name:
        return other.split()[-1]  # "Reznikov" -> "Peskov", not "Dmitry Peskov"
    if other and kind == "group":
        return _case_like(other, name)
    return other


def attribution_changed(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    return None if s.quoted else _respeaker(s, ctx, rng, "attribution_changed", SPEAKER_KINDS)


def quote_misattributed(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    return _respeaker(s, ctx, rng, "quote_misattributed", ("person",)) if s.quoted else None


def _respeaker(
    s: Sent, ctx: Context, rng: random.Random, kind: str, speaker_kinds: tuple[str, ...]
) -> Mark | None:
    options = []
    for a in attributions(s.toks, ctx.people):
        if a.kind in speaker_kinds:
            name = _text(s.toks[a.speaker[0] : a.speaker[1]])
            other = _another(ctx, a.kind, name, rng)
            if other:
                options.append((*a.speaker, name, other))
    if not options:
        return None
    i, j, name, other = rng.choice(options)
    return _swap(s, i, j, other, kind, f"{name} -> {other}")


def attribution_dropped(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    if s.quoted:
        return None
    toks, end = s.toks, _end(s)
    options = []
    for a in attributions(toks, ctx.people):
        (_, j), (lo, hi) = a.speaker, a.extent
        tail = [t.lower for t in toks[hi:end]]
        if lo > 1 and toks[lo - 1].text == "," and len(tail) <= 4 and "that" not in tail:
            options.append((lo - 1, end, lo, end))  # "..., the ministry said on Tuesday."
        elif lo == 0 and toks[a.verb].lower in ("said", "says") and hi == a.verb + 1:
            cut = hi + 1 if hi < end and toks[hi].lower == "that" else hi
            options.append((0, cut, 0, cut))  # "Reznikov said (that) ..."
        elif a.verb == 0 and j < end and toks[j].text == ",":
            options.append((0, j + 1, 0, j))  # "According to X, ..."
    options = [o for o in options if end - (o[1] - o[0]) >= 4]
    if not options:
        return None
    cut_from, cut_to, src_from, src_to = rng.choice(options)
    removed = toks[src_from:src_to]
    span = (removed[0].src[0], removed[-1].src[1])
    head = toks[:cut_from] + toks[cut_to:]
    if cut_from == 0:
        head[0].space = toks[0].space
        capitalize(head[0])
    s.toks[:] = head
    words = [t for t in head if t.is_word]
    note = f"dropped: {_text(removed)}"
    return Mark("attribution_dropped", words[0], words[-1], span, note)


def quote_fabricated(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    if s.quoted:
        return None
    toks, end = s.toks, _end(s)
    options = []
    for a in attributions(toks, ctx.people):
        lo, hi = a.extent
        if lo >= 5 and toks[lo - 1].text == "," and end - hi <= 4:
            options.append(("tail", lo))
        elif lo == 0 and toks[a.verb].lower in ("said", "says") and hi == a.verb + 1:
            body = hi + 1 if hi < end and toks[hi].lower == "that" else hi
            if end - body >= 4:
                options.append(("head", body))
    if not options:
        return None
    form, at = rng.choice(options)
    if form == "tail":  # "Prices will rise, he said." -> "“Prices will rise,” he said."
        clause = toks[: at - 1]
        opening = new_toks("“", clause[0].space)[0]
        clause[0].space = False
        toks[at:at] = new_toks("”", False)
        toks.insert(0, opening)
    else:  # "He said that prices will rise." -> "He said, “Prices will rise.”"
        clause = toks[at:end]
        if toks[at - 1].lower == "that":
            del toks[at - 1]
        start = toks.index(clause[0])
        toks[start:start] = new_toks(", “", False)
        clause[0].space = False
        capitalize(clause[0])
        toks.append(new_toks("”", False)[0])
    _lock(clause)
    return Mark("quote_fabricated", clause[0], clause[-1], source_span(clause), "quote marks added")


def quote_altered(s: Sent, ctx: Context, rng: random.Random) -> Mark | None:
    toks = s.toks
    inside = [i for i, t in enumerate(toks) if t.quoted and t.is_word]
    swaps = [i for i in inside if toks[i].text in ctx.thesaurus]
    drops = [i for i in inside[1:-1] if toks[i].lower in _QUOTE_DROPPABLE]
    if not swaps and not drops:
        return None
    at = rng.choice(swaps or drops)
    lo = hi = at
    while lo > 0 and toks[lo - 1].quoted and not toks[lo - 1].is_mark:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].quoted and not toks[hi + 1].is_mark:
        hi += 1
    run = toks[lo : hi + 1]
    span = source_span(run)
    old = toks[at].text
    if swaps:
        toks[at].text = rng.choice(ctx.thesaurus[old])
        fix_article(toks, at)
        note = f"{old} -> {toks[at].text}"
    else:
        run.remove(toks[at])
        del toks[at]
        note = f"dropped {old}"
    words = [t for t in run if t.is_word]
    _lock(run)
    return Mark("quote_altered", words[0], words[-1], span, note)


DISTORTIONS: dict[str, Callable[[Sent, Context, random.Random], Mark | None]] = {
    f.__name__: f
    for f in (
        quote_altered,
        quote_fabricated,
        quote_misattributed,
        attribution_dropped,
        attribution_changed,
        number_changed,
        number_added,
        number_dropped,
        entity_changed,
        negation_flipped,
        certainty_shifted,
        loaded_wording,
        time_changed,
    )
}
