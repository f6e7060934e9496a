"""Is this the same name? Names as compared (`name_key`) and told apart or matched
(`same_name`): spelling variants, accents, abbreviations with or without periods, full names
of abbreviations, metonyms, nicknames. Shared by the entity, attribution and quote detectors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from unspin.detect.base import per_document
from unspin.model import Doc, Name
from unspin.segmentation.lexicon import places
from unspin.text import without_accents

# Names that stand for one another in news prose. Hand-written because no package maps
# capitals, abbreviations and institutions to their countries for this purpose.
_ALIASES = [
    {
        "us",
        "u.s",
        "usa",
        "u.s.a",
        "united states",
        "america",
        "washington",
        "white house",
        "american",
        "americans",
    },
    {
        "uk",
        "u.k",
        "britain",
        "great britain",
        "united kingdom",
        "london",
        "downing street",
        "british",
    },
    {"russia", "moscow", "kremlin", "russian federation", "russian", "russians"},
    {"ukraine", "kyiv", "kiev", "ukrainian", "ukrainians"},
    {"china", "beijing", "people's republic of china", "chinese"},
    {"eu", "european union", "brussels"},
    {"un", "u.n", "united nations"},
    {"fed", "federal reserve", "us federal reserve", "u.s. federal reserve"},
    {"nato", "north atlantic treaty organization", "alliance"},
    {"france", "paris", "elysee", "french"},
    {"germany", "berlin", "german", "germans"},
    {"japan", "tokyo", "japanese"},
    {"israel", "jerusalem", "israeli", "israelis"},
    {"iran", "tehran", "iranian", "iranians"},
    {"india", "new delhi", "indian", "indians"},
    {"philippines", "manila", "philippine", "filipino", "filipinos"},
    {"iraq", "baghdad", "iraqi", "iraqis"},
    {"syria", "damascus", "syrian", "syrians"},
    {"turkey", "turkiye", "ankara", "turkish"},
    {"egypt", "cairo", "egyptian", "egyptians"},
    {"saudi arabia", "riyadh", "saudi", "saudis"},
    {"pakistan", "islamabad", "pakistani", "pakistanis"},
    {"afghanistan", "kabul", "afghan", "afghans"},
    {"north korea", "pyongyang", "north korean", "north koreans"},
    {"south korea", "seoul", "south korean", "south koreans"},
    {"taiwan", "taipei", "taiwanese"},
    {"belarus", "minsk", "belarusian", "belarusians"},
    {"poland", "warsaw", "polish"},
    {"italy", "rome", "italian", "italians"},
    {"spain", "madrid", "spanish"},
    {"canada", "ottawa", "canadian", "canadians"},
    {"mexico", "mexican", "mexicans"},
    {"brazil", "brasilia", "brazilian", "brazilians"},
    {"argentina", "buenos aires", "argentine", "argentinian", "argentines"},
    {"venezuela", "caracas", "venezuelan", "venezuelans"},
    {"south africa", "pretoria", "south african", "south africans"},
    {"ecuador", "quito", "ecuadorean", "ecuadorian"},
    # One group's names in wire style and in a copy's ("al Qaeda and Islamic State" for "al-Qaeda
    # and ISIS", a spin of Reuters on Niger, 2023).
    {"islamic state", "isis", "isil", "daesh", "islamic state group"},
]
# AP style's abbreviations of US states ("Kansas City, Mo.").
_STATES = {
    "alabama": "ala",
    "arizona": "ariz",
    "arkansas": "ark",
    "california": "calif",
    "colorado": "colo",
    "connecticut": "conn",
    "delaware": "del",
    "florida": "fla",
    "georgia": "ga",
    "illinois": "ill",
    "indiana": "ind",
    "kansas": "kan",
    "kentucky": "ky",
    "louisiana": "la",
    "maryland": "md",
    "massachusetts": "mass",
    "michigan": "mich",
    "minnesota": "minn",
    "mississippi": "miss",
    "missouri": "mo",
    "montana": "mont",
    "nebraska": "neb",
    "nevada": "nev",
    "new hampshire": "nh",
    "new jersey": "nj",
    "new mexico": "nm",
    "new york": "ny",
    "north carolina": "nc",
    "north dakota": "nd",
    "oklahoma": "okla",
    "oregon": "ore",
    "pennsylvania": "pa",
    "rhode island": "ri",
    "south carolina": "sc",
    "south dakota": "sd",
    "tennessee": "tenn",
    "vermont": "vt",
    "virginia": "va",
    "washington state": "wash",
    "west virginia": "wva",
    "wisconsin": "wis",
    "wyoming": "wyo",
}
_ALIASES += [{state, short} for state, short in _STATES.items()]
_ALIAS_OF = {name: i for i, group in enumerate(_ALIASES) for name in group}
# Words a name may be written with in their place ("the Aussie Open", "the Second World War").
_WORD_VARIANTS = {
    "aussie": "australian",
    "brit": "british",
    "brits": "british",
    "yank": "american",
    "yanks": "american",
    "kiwi": "new zealand",
    "kiwis": "new zealand",
    "first world war": "world war i",
    "great war": "world war i",
    "second world war": "world war ii",
    "world war one": "world war i",
    "world war two": "world war ii",
    "world war 1": "world war i",
    "world war 2": "world war ii",
    "ww1": "world war i",
    "ww2": "world war ii",
    "wwi": "world war i",
    "wwii": "world war ii",
    # Words of names written short.
    "lab": "laboratory",
    "labs": "laboratories",
    "dept": "department",
    "univ": "university",
    "govt": "government",
    "intl": "international",
    "natl": "national",
    "assn": "association",
    "corp": "corporation",
}
_VARIANT = re.compile(r"\b(?:" + "|".join(sorted(_WORD_VARIANTS, key=len, reverse=True)) + r")\b")
_POSSESSIVE = re.compile(r"'s(?=\s|$)|(?<=s)'(?=\s|$)")  # "Biden's", "the Joneses'"
_INITIAL_PERIOD = re.compile(r"(?<=\b\w)\.")  # "u.n." -> "un", "c.i.a" -> "cia"
_FUNCTION = frozenset("of the and for on in at to &".split())
SAME_WORD = 0.86  # Jaro-Winkler similarity at or above which two spellings are one word of a name


@lru_cache(maxsize=65_536)
def name_key(text: str) -> str:
    """A name as compared: lower case without accents (Mbappé / Mbappe), one apostrophe, no
    possessive, no leading "the", no periods in abbreviations, usual variants spelled one way."""
    text = " ".join(without_accents(text).lower().replace("’", "'").split())
    text = _POSSESSIVE.sub("", text)
    text = _INITIAL_PERIOD.sub("", text)
    text = _VARIANT.sub(lambda m: _WORD_VARIANTS[m[0]], text)
    return text.removeprefix("the ").strip(" .")


def _abbreviates(short: str, long: str) -> bool:
    """ "nyt" abbreviates "new york times", "boe" "bank of england", "ap" "associated press",
    "us wti" "us west texas intermediate" (words both share set aside)."""
    a, b = short.split(), long.split()
    while len(a) > 1 and len(b) > 1 and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while len(a) > 1 and len(b) > 1 and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    short, long = " ".join(a), " ".join(b)
    words = long.split()
    if " " in short or len(words) < 2 or not 2 <= len(short) <= 6:
        return False
    initials = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w not in _FUNCTION)
    return short in (initials, content)


@lru_cache(maxsize=65_536)  # a long story compares the same few names over and over
def same_name(a: str, b: str) -> bool:
    """Two name keys stand for one entity: equal, aliases, or spellings of one name."""
    if a == b or a.replace(" ", "") == b.replace(" ", ""):
        return True  # "Amir Abdollahian" / "Amirabdollahian"
    ia, ib = _ALIAS_OF.get(a), _ALIAS_OF.get(b)
    if ia is not None and ib is not None:
        return ia == ib  # both known: Iraq and Iran, North and South Korea, stay apart
    if _abbreviates(a, b) or _abbreviates(b, a):
        return True
    a, b = _given_names(a), _given_names(b)
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return True  # "Xi" / "Xi Jinping", "Gold Fields" / "Gold Fields of South Africa Ltd"
    if min(len(a), len(b)) <= 3:
        return False  # acronyms (INA, IRNA) are alike only when equal
    # Every distinctive word of the shorter name stands, perhaps spelled otherwise, in the
    # longer: "Zelensky" / "Volodymyr Zelenskyy" are one person; "Volodymyr Zelensky" /
    # "Volodymyr Fesenko" two; "New York Stock Exchange" / "Beijing Stock Exchange" two.
    short, long = sorted((_distinctive(a), _distinctive(b)), key=len)
    return all(any(_spelled_alike(w, v) for v in long) for w in short)


def glued(speaker: str, surname: str, names: AbstractSet[str]) -> bool:
    """Does the speaker, as written, end with `surname` (a name key's last word) glued to a
    word of a name the other text gives (`names`, from `name_words`), a page's lost space ("In
    the letter addressed to TrudeauFreeland wrote:" for "addressed to Trudeau, Freeland
    wrote", a spun copy of Global News, 2024)? The capital where the words meet shows it;
    "MacDonald" is no "Donald", and "BlackRock" no "Chris Rock" however black his coat."""
    word = speaker.split()[-1] if speaker.split() else ""
    surname = surname.split()[-1] if surname.split() else ""
    head = word[: len(word) - len(surname)]
    return (
        bool(surname)
        and len(head) >= GLUED_WORD
        and word.lower().endswith(surname)
        and head[-1].islower()
        and word[len(head)].isupper()
        and head.lower() in names
    )


def name_words(doc: Doc, names: Iterable[Name]) -> set[str]:
    """The words of the names' keys ("trudeau", "chrystia", "freeland")."""
    return {w for n in names for w in name_key(doc.span_text(n)).split()}


GLUED_WORD = 4  # letters of the word a lost space left before it ("Mc", "Mac" are prefixes)


class ShortForms:
    """The one-word short forms of a set of names, for lookups in O(1): each name's initials
    ("us" for "united states", "nyt" for "new york times"), its words ("xi" of "xi jinping")
    and its aliases ("uk" for "britain"). What `same_name` accepts of a one-word name and a
    longer one, without comparing the word with every name (a long page has thousands)."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.forms: set[str] = set()
        self.aliases: set[int] = set()
        for key in keys:
            words = key.split()
            self.forms.add(key.replace(" ", ""))
            # Its words as written ("joe") and as `same_name` reads them ("joseph").
            self.forms.update(w for w in words if w not in _SUFFIXES and len(w) > 1)
            self.forms.update(_given_names(key).split())
            if len(words) >= 2:
                self.forms.add("".join(w[0] for w in words))
                self.forms.add("".join(w[0] for w in words if w not in _FUNCTION))
            alias = _ALIAS_OF.get(key)
            if alias is not None:
                self.aliases.add(alias)

    def holds(self, key: str) -> bool:
        """Is the one-word name key a short form of one of the names?"""
        alias = _ALIAS_OF.get(key)
        return key in self.forms or (alias is not None and alias in self.aliases)


def _spelled_alike(a: str, b: str) -> bool:
    """One word of a name spelled two ways: transliterations and a spinner's or a scraper's
    garbles ("Izium" / "Izyum", "Talanci" / "Talensi", "Bucha" / "Buha", "Wehner" /
    "Weiner"): the same first letter and close in Jaro-Winkler similarity. Two known places
    stay apart however alike ("Austria" / "Australia")."""
    if a == b:
        return True
    if a.capitalize() in places() and b.capitalize() in places():
        return False
    return any(_alike(x, y) for x in _without_article(a, b) for y in _without_article(b, a))


def _alike(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 4:
        return False
    vowels = a[0] in "aeiou" and b[0] in "aeiou"  # "Ebrahim" / "Ibrahim"
    if a[0] != b[0] and not vowels:
        return _one_core(a, b)
    return JaroWinkler.similarity(a, b) >= SAME_WORD or _one_vowel_apart(a, b)


LONG_WORD = 10  # letters of a name word long enough for its core alone to tell it
CORE_SHARE = 0.6  # of the shorter word, the run of letters both spellings share


def _one_core(a: str, b: str) -> bool:
    """A long name written from another script two ways, its first sounds too ("Suriya
    Juangroongruangkit", Reuters, 2024, "Surya Zhuangroongkit" in a spun copy): both words of
    LONG_WORD letters or more, sharing a run of CORE_SHARE of the shorter ("uangroong") that
    ends neither word both ways. A shared ending is a family of names: Tymoshenko and
    Poroshenko, Dissanayake and Karunanayake, Wallenberg and Schellenberg are not one."""
    if min(len(a), len(b)) < LONG_WORD:
        return False
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match()
    ending = run.a + run.size == len(a) and run.b + run.size == len(b)
    return run.size >= CORE_SHARE * min(len(a), len(b)) and not ending


def _one_vowel_apart(a: str, b: str) -> bool:
    """ "Mahari" / "Muhari" (a spun copy of Reuters on Semeru, 2021): one vowel transliterated
    otherwise, early in the word where Jaro-Winkler, which weighs the first letters, drops
    below SAME_WORD. Five letters at least: "Dunn" / "Dann" may be two people; and no known
    place, whose spelling is settled ("Grenada" is no "Granada")."""
    if len(a) != len(b) or len(a) < 5 or a.capitalize() in places() or b.capitalize() in places():
        return False
    apart = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(apart) == 1 and apart[0][0] in "aeiou" and apart[0][1] in "aeiou"


def _without_article(word: str, other: str) -> list[str]:
    """The word, and without the Arabic article one transliteration writes and the other
    leaves out or joins on ("Al-Ikhbariya" / "Elekhbariya", "el-Sisi" / "Sisi"): joined on,
    only when the other word has it apart ("Alexander" keeps its "Al")."""
    if word[:3] in _ARTICLES and len(word) > 5:
        return [word, word[3:]]
    if word[:2] in ("al", "el") and other[:3] in _ARTICLES and len(word) > 7:
        return [word, word[2:]]
    return [word]


_ARTICLES = ("al-", "el-")


# Given names people are called by ("Joe Biden" is "Joseph R. Biden Jr.").
_NICKNAMES = {
    "joe": "joseph",
    "bob": "robert",
    "rob": "robert",
    "bill": "william",
    "will": "william",
    "mike": "michael",
    "jim": "james",
    "jimmy": "james",
    "tom": "thomas",
    "dick": "richard",
    "rick": "richard",
    "dan": "daniel",
    "dave": "david",
    "chris": "christopher",
    "tony": "anthony",
    "alex": "alexander",
    "ben": "benjamin",
    "sam": "samuel",
    "matt": "matthew",
    "nick": "nicholas",
    "steve": "stephen",
    "liz": "elizabeth",
    "kate": "katherine",
    "andy": "andrew",
    "ed": "edward",
    "ted": "edward",
    "greg": "gregory",
    "jon": "jonathan",
    "ken": "kenneth",
    "larry": "lawrence",
    "pete": "peter",
    "ron": "ronald",
    "tim": "timothy",
    "vlad": "vladimir",
}
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _given_names(key: str) -> str:
    """A name with nicknames spelled out and initials and suffixes left out."""
    words = [_NICKNAMES.get(w, w) for w in key.split() if w not in _SUFFIXES and len(w) > 1]
    return " ".join(words) or key


# Words that many organisations' names share: they do not tell two entities apart.
_GENERIC = frozenset(
    "the of and & corp corporation inc co company ltd plc group bank banking exchange stock "
    "holdings holding international sa ag nv llc lp association committee".split()
)


def _distinctive(name: str) -> list[str]:
    words = name.split()
    return [w for w in words if w not in _GENERIC] or words


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


@per_document
def full_names(doc: Doc) -> FullNames:
    """The document's FullNames, made once per document (detectors ask for them group by
    group)."""
    return FullNames(doc)


class FullNames:
    """The keys of a document's people (and names of no known kind, such as people whose given
    name is not on the list: "Adinun Kittiratanapaibool") named in two or three words, by
    word: "Hunter" and "Biden" are "Hunter Biden" in a story that names him so ("Biden" is
    also "Joe Biden" if it names him too)."""

    LIMIT = 8  # fuller names a name may stand for (bounds the work on a hostile text)

    def __init__(self, doc: Doc) -> None:
        # Not a name after "the": "the Trump Vance campaign", "the Putin Xi summit" join two
        # people's names, they name no one.
        keys = dict.fromkeys(
            name_key(doc.span_text(n))
            for n in doc.names
            if n.kind in ("person", "other")
            and not _THE_BEFORE.search(doc.text, max(0, n.start - 5), n.start)
        )
        self.by_word: dict[str, list[str]] = {}
        self._expanded: dict[str, list[str]] = {}
        for key in keys:
            words = key.split()
            if 2 <= len(words) <= 3:
                for word in set(words):
                    self.by_word.setdefault(word, []).append(key)

    def expand(self, key: str) -> list[str]:
        """The name and the fuller names its document gives it (each name worked out once)."""
        if key not in self._expanded:
            self._expanded[key] = self._expand(key)
        return self._expanded[key]

    def _expand(self, key: str) -> list[str]:
        words = set(key.split())
        if not words:
            return [key]
        fewest = min(words, key=lambda w: len(self.by_word.get(w, ())))
        fuller = [f for f in self.by_word.get(fewest, ()) if words < set(f.split())]
        return [key, *fuller[: self.LIMIT]]
