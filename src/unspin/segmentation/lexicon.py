"""Word lists shared by the segmenters, and the gazetteers under unspin/data (loaded once)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data"

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Personal pronouns as subjects: a speaker given as one ("he said") is named elsewhere.
SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
# Those a story's own attributions use ("he said", "we" of a company), not quoted speech's "I"
# and "you": the spinner (unspin.testing) makes "pronoun" attributions of them.
REPORTED_PRONOUNS = SUBJECT_PRONOUNS - {"i", "you"}
# Those that stand for one person, as subject or object: a quotation's speaker given as one
# is the person named last before it.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})

# Title words: stripped from the front of a name, and they mark the rest as a person.
TITLES = frozenset(
    """
mr mr. mrs mrs. ms ms. dr dr. prof prof. gen gen. sen sen. rep rep. gov gov. lt lt. col col.
capt capt. sgt sgt. maj maj. adm adm. cmdr cmdr. rev rev. sir dame lord lady
president vice minister ministers secretary premier chancellor prime deputy acting
senator congressman congresswoman governor mayor ambassador general admiral colonel
captain commander lieutenant sergeant major marshal king queen prince princess pope
sheikh emir ayatollah judge justice chairman chairwoman chair spokesman spokeswoman
spokesperson director chief executive ceo envoy foreign defense defence interior
finance economy economic trade health energy justice state treasury home agriculture
attorney district speaker leader commissioner inspector detective officer coach analyst
""".split()
)
# The titles the spinner (unspin.testing) strips from a speaker's name: a shorter list of its
# own, with three TITLES lacks (economist, professor, treasurer); kept as it is, since any
# change to it would change every generated test case.
SPINNER_TITLES = frozenset(
    """
president minister secretary chairman governor senator sen rep gen judge mayor prime chief
director spokesman spokeswoman analyst economist ambassador commissioner premier chancellor
king queen prince general admiral colonel professor vice deputy executive treasurer
""".split()
)
TITLE_HEADS = frozenset(
    """
president minister secretary premier chancellor senator congressman congresswoman
governor mayor ambassador general admiral colonel captain commander lieutenant sergeant
marshal king queen prince princess pope sheikh emir ayatollah judge chairman chairwoman
spokesman spokeswoman spokesperson director envoy speaker leader commissioner analyst
attorney mr mr. mrs mrs. ms ms. dr dr. prof prof. gen gen. sen sen. rep rep. gov gov. lt lt.
col col. capt capt. sgt sgt. maj maj. adm adm. cmdr cmdr. rev rev. sir dame lord lady
""".split()
)

# A capitalised run containing one of these is an organisation.
ORG_WORDS = frozenset(
    """
department ministry institute institution university college school academy party
council committee commission agency bank bancorp corp corp. corporation inc inc. co co.
ltd ltd. plc llc company companies group holdings association union organization
organisation court parliament congress senate assembly cabinet government administration
army navy forces force guard police service services office bureau board authority fund
foundation centre center alliance federation exchange trust times post news press
journal network television radio church kremlin pentagon nato reuters hospital clinic
""".split()
)
ORGS = frozenset(
    (
        "NATO",
        "EU",
        "UN",
        "U.N.",
        "E.U.",
        "OPEC",
        "IMF",
        "WHO",
        "FBI",
        "CIA",
        "NSA",
        "KGB",
        "FSB",
        "SBU",
        "OSCE",
        "BBC",
        "CNN",
        "AP",
        "AFP",
        "ECB",
        "WTO",
        "Kremlin",
        "Pentagon",
        "Reuters",
        "Congress",
        "Parliament",
        "Senate",
        "White House",
        "Downing Street",
        "Associated Press",
        "Interfax",
        "TASS",
        "RIA",
        "Gazprom",
        "Rada",
        "Verkhovna Rada",
        "Duma",
        "Bundestag",
        "Knesset",
        "Hamas",
        "Hezbollah",
        "Taliban",
    )
)
# Common nouns that house styles capitalise on their own ("the Government said", "News",
# "the State"): alone, they name no one; in a longer name they stay ("Home Office", "State
# Department").
CAPITALISED_NOUNS = frozenset(
    """
government news state police army navy military court minister ministry president premier
administration council cabinet opposition budget city county province region republic
kingdom federation constitution election elections church commission committee agency
department company group party union capital
""".split()
)

# A capitalised run ending with one of these is a place.
PLACE_WORDS = frozenset(
    """
sea ocean river lake mountains mountain peninsula island islands gulf bay valley strait
street square avenue county province region oblast district city town village border
coast desert canal airport port harbour harbor heights plain plains
""".split()
)

# Ambiguous abbreviations (and initials) end a sentence only before one of these.
STARTERS = frozenset(
    """
the a an it its he she they we i you his her their our my this that these those there
but and or so yet however in on at as for with by from after before while when if
although though since meanwhile also some many most other others one two no not last
next then still both all each such what who why how where only even despite under
""".split()
)

# Lowercase function words that never start a name (sentence-initial capitals of these
# are ordinary words).
FUNCTION_WORDS = STARTERS | frozenset(
    """
according to into over about against among between during until unless because whether
than here now today yesterday tomorrow just again already ever never always often
perhaps maybe indeed instead rather thus therefore hence moreover furthermore
nevertheless nonetheless otherwise besides amid amidst following unlike like near
within without across along around behind beyond toward towards upon via per
""".split()
)


# A capitalised word right before a bare number or year names a thing the number belongs to
# ("Boeing 737", "Chapter 11", "Euro 2020"), unless it opens the sentence or is a time word
# ("Tuesday 12 people", "January 2022").
def names_a_thing(text: str, at: int) -> bool:
    """Is the number or year at `at` part of a name, after a capitalised word ("Boeing 737",
    "Chapter 11", "Euro 2020")? Not after a place, a nationality or a person: "gave London 10
    days", "the Ukrainian 100 tanks" count."""
    m = NAME_BEFORE.search(text, max(0, at - 30), at)
    if m is None or m.group().strip() in CURRENCY_CODES:
        return False  # "Rs 500", "USD 26.8 billion": a price
    word = m.group().strip().rstrip("’'s")
    return word not in places() and word not in demonyms() and word not in given_names()


# Currency codes written before a figure, as a sign is ("USD 26.8 billion", "Rs 500 crore"),
# with the currency each names.
CURRENCY_CODES = {"USD": "usd", "EUR": "eur", "GBP": "gbp", "INR": "inr", "Rs": "inr"}

NAME_BEFORE = re.compile(
    r"(?<![.!?:;\n]\s)(?<!^)\b(?!(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An"
    r"|In|On|At|By|Of|And|Or|But|For|With|About|Some|Over|Nearly|Almost|Only|All)\b)"
    r"[A-Z][\w&’'-]*\s$"
)


@cache
def _cased(words: frozenset[str]) -> frozenset[str]:
    return frozenset(v for w in words for v in (w, w.capitalize(), w.upper()))


def _load(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@cache
def places() -> frozenset[str]:
    return frozenset(_load("places.txt"))


@cache
def demonyms() -> frozenset[str]:
    words = _load("demonyms.txt")
    return frozenset(words + [w + "s" for w in words])


@cache
def given_names() -> frozenset[str]:
    return frozenset(_load("given_names.txt"))


_SPLIT = re.compile(r"(\W+)")


class WordIndex:
    """Where each trigger word (lower-cased; "0" for any number) starts in a text. Built once
    per text, it lets a long alternation be tried only where it can match (see `scan`)."""

    def __init__(self, text: str, triggers: frozenset[str]) -> None:
        self.text = text
        self.at: dict[str, list[int]] = {}
        cased = _cased(triggers)
        pos = 0
        for part in _SPLIT.split(text):  # words and the gaps between them, alternately
            if part in cased or (part and "0" <= part[0] <= "9"):
                key = "0" if part[0] <= "9" else part.lower()
                self.at.setdefault(key, []).append(pos)
            pos += len(part)

    def scan(self, pattern: re.Pattern[str], triggers: frozenset[str]) -> Iterator[re.Match[str]]:
        """Non-overlapping matches of pattern in the text that start at a trigger word."""
        starts = sorted(p for t in triggers for p in self.at.get(t, ()))
        pos = 0
        for p in starts:
            if p < pos:
                continue
            m = pattern.match(self.text, p)
            if m is not None and m.end() > p:
                pos = m.end()
                yield m


# News outlets and agencies, each with the ways pages name it. A page that names one in a
# dateline, a byline or "..., the BBC reported" credits it; the detectors never read an
# outlet's name as a changed entity or speaker. Short forms that are also ordinary
# abbreviations ("PA", "FT", "RT") are given only where nothing else could be meant: in a
# dateline's parentheses (see segment/credits.py).
OUTLETS: dict[str, tuple[str, ...]] = {
    "Associated Press": ("Associated Press", "AP", "A.P."),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Agence France-Presse": (
        "Agence France-Presse",
        "Agence France Presse",
        "France-Presse",
        "AFP",
    ),
    "BBC": ("BBC", "BBC News", "British Broadcasting Corporation"),
    "CNN": ("CNN",),
    "NBC News": ("NBC News", "NBC"),
    "ABC News": ("ABC News", "ABC"),
    "CBS News": ("CBS News", "CBS"),
    "Fox News": ("Fox News",),
    "NPR": ("NPR", "National Public Radio"),
    "CNBC": ("CNBC",),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "The New York Times": ("New York Times", "NYT"),
    "The Washington Post": ("Washington Post",),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "Financial Times": ("Financial Times",),
    "The Guardian": ("Guardian",),
    "The Telegraph": ("Daily Telegraph", "Telegraph"),
    "The Independent": ("Independent",),
    "Daily Mail": ("Daily Mail", "MailOnline"),
    "Sky News": ("Sky News",),
    "USA Today": ("USA Today", "USA TODAY"),
    "Los Angeles Times": ("Los Angeles Times", "LA Times"),
    "Politico": ("Politico", "POLITICO"),
    "Axios": ("Axios",),
    "The Hill": ("The Hill",),
    "Newsweek": ("Newsweek",),
    "U.S. News & World Report": ("US News & World Report", "U.S. News", "US News"),
    "Al Jazeera": ("Al Jazeera",),
    "CBC News": ("CBC News", "CBC"),
    "Xinhua": ("Xinhua News Agency", "Xinhua"),
    "TASS": ("TASS", "Tass"),
    "RIA Novosti": ("RIA Novosti",),
    "Interfax": ("Interfax-Ukraine", "Interfax"),
    "Ukrinform": ("Ukrinform",),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu"),
    "TRT World": ("TRT World", "TRT"),
    "PA Media": ("PA Media", "Press Association", "PA"),
    "dpa": ("Deutsche Presse-Agentur", "dpa", "DPA"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Kyodo News": ("Kyodo News", "Kyodo"),
    "Yonhap": ("Yonhap News Agency", "Yonhap"),
    "Press Trust of India": ("Press Trust of India", "PTI"),
    "ANI": ("Asian News International", "ANI"),
    "UPI": ("United Press International", "UPI"),
    "IRNA": ("IRNA",),
    "KCNA": ("Korean Central News Agency", "KCNA"),
    "Voice of America": ("Voice of America", "VOA"),
    "Deutsche Welle": ("Deutsche Welle",),
    "France 24": ("France 24",),
    "Euronews": ("Euronews",),
    "Times of Israel": ("Times of Israel",),
    "The Kyiv Independent": ("Kyiv Independent",),
    "Radio Free Europe/Radio Liberty": (
        "Radio Free Europe/Radio Liberty",
        "Radio Free Europe",
        "RFE/RL",
    ),
}
# Forms too ambiguous to count outside a dateline's parentheses.
AMBIGUOUS_OUTLET_FORMS = frozenset({"PA", "Independent", "Guardian", "Telegraph", "The Hill"})


@cache
def outlet_of() -> dict[str, str]:
    """Each way of naming an outlet, case-folded and without "the ", -> its canonical name."""
    return {
        form.lower().removeprefix("the "): outlet
        for outlet, forms in OUTLETS.items()
        for form in (outlet, *forms)
    }
