"""Time expressions, each with a normalised value so one time written two ways compares equal.

Values:
- a date: "2022-01-21" with a year, "01-21" without; a day range "01-21/01-22"
  ("Jan. 21-22", "January 21 to 22", "21-22 January" all give that);
- a month: "2022-01" with a year, else the month's name "january";
- a weekday: its name, "tuesday" ("on Tuesday", "last Tuesday" too: rewrites drop "last");
- a year "2014", a decade "1990s", a clock time "17:00" ("5 p.m.", "5pm", "five o'clock in
  the afternoon"; "1:56 p.m." and British "1.56pm" both "13:56");
- a relative phrase: its words lower-cased, one space apart ("this week", "earlier this
  month", "yesterday", "2 weeks ago" with the count in digits; "autumn" as "fall").
"""

from __future__ import annotations

import re

from unspin.model import TimeExpression
from unspin.segmentation.lexicon import MONTH_NAMES, MONTHS, WEEKDAYS, WordIndex, names_a_thing
from unspin.segmentation.numbers import word_value

_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_TO = r"\s*(?:-|–|—|to|and|through|until)\s*"
_RE = re.compile(
    rf"(?P<md>(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:{_TO}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY}))?"
    rf"(?:,?\s+(?P<y1>{_YEAR}))?)"
    rf"|(?P<dm>(?<![\d.,])(?P<d3>{_DAY})(?:{_TO}(?P<d4>{_DAY}))?\s+(?P<m3>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?)"
    rf"|(?P<my>(?P<m4>{_MONTH})\s+(?P<y3>{_YEAR}))"
    r"|(?P<clock>(?<![£$€¥\d.,])\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap])\.?m\b\.?)"
    # Only with a part of the day: "2 o'clock" alone could be either.
    r"|(?P<oclock>\b(?P<hours>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve)\s+o[’']clock\s+in\s+the\s+(?P<part>morning|afternoon|evening)\b)"
    r"|(?P<rel>\b(?:(?:earlier|later|early|late)\s+)?(?:this|last|next|past|coming)\s+"
    r"(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall"
    r"|winter|quarter|decade|century)\b)"
    r"|(?P<day>\b(?:yesterday|today|tomorrow|tonight)\b)"
    r"|(?P<ago>\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a few|several|some)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b)"
    r"|(?P<wd>\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|(?P<decade>\b(?:1[89]\d|20\d)0s\b)"
    rf"|(?P<year>(?<![\w$£€.,/-]){_YEAR}(?![\w/]|[.,]\d))"
    rf"|(?P<mon>\b{_MONTH})",
    re.IGNORECASE,
)
# A capitalised month name standing alone ("in January"); "May" needs a time word before it.
_MONTH_ALONE = re.compile(
    r"(?:January|February|March|April|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|"
    r"Oct|Nov|Dec)\.?$"
)
_MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|by|early|late|mid|last|next|this|of|from|to|"
    r"through|before|after|during|for)\s+$",
    re.IGNORECASE,
)
# A four-digit number is a year unless it counts something: "2000 troops", "$2014".
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|to|through|of|during|before|"
    r"after|early|late|mid|year|fiscal|season|the|and|or|between|around|"
    r"circa|summer|winter|spring|autumn|fall)\s+$|[’'`-]s?\s*$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(
    r"\s*(?:$|[^\w\s]|[A-Z]|(?:and|or|to|when|after|before|in|on|at|"
    r"for|with|as|was|were|is|had|has|that|which|by|from|through|until|"
    r"of|the|a|an|but|while|because|year|budget|season|election|elections)\b)"
)


# Words a time expression can start with ("0": any number).
TRIGGERS = frozenset(
    (
        *MONTHS,
        *WEEKDAYS,
        "0",
        *"earlier later early late this last next past coming yesterday today".split(),
        *"tomorrow tonight a an several some one two three four five six seven".split(),
        *"eight nine ten eleven twelve".split(),
    )
)


def find_times(text: str, index: WordIndex | None = None) -> list[TimeExpression]:
    out = []
    for m in (index or WordIndex(text, TRIGGERS)).scan(_RE, TRIGGERS):
        value = _value(text, m)
        if value:
            out.append(TimeExpression(m.start(), m.end(), value))
    return out


def _value(text: str, m: re.Match[str]) -> str:
    kind = (
        m.lastgroup
        if m.lastgroup in ("clock", "oclock", "rel", "day", "ago", "wd", "decade", "year", "mon")
        else _date_kind(m)
    )
    if kind in ("md", "dm"):
        return _date(m)
    if kind == "my":
        return f"{m['y3']}-{_month(m['m4']):02d}"
    if kind == "clock":
        hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower() == "p" else 0)
        return f"{hour:02d}:{m['min'] or '00'}"
    if kind == "oclock":
        return _oclock(text, m)
    if kind in ("rel", "day"):
        # "last autumn" and "last fall" are one season, in British and American English.
        return " ".join(m.group().lower().split()).replace("autumn", "fall")
    if kind == "ago":
        return _ago(m)
    if kind == "wd":
        return m.group().lower() if m.group()[0].isupper() else ""
    if kind == "decade":
        return m.group()
    if kind == "year":
        return m.group() if _is_year(text, m) else ""
    return _month_alone(text, m)


# Minutes said before the hour ("quarter past two o'clock"): a time this reading would get wrong.
_MINUTES_BEFORE = re.compile(r"\b(?:past|to|after|before)\s+$", re.IGNORECASE)


def _oclock(text: str, m: re.Match[str]) -> str:
    """ "two o'clock in the morning" as "02:00"; nothing for one with minutes before it, nor
    for "twelve o'clock in the evening" (midnight, or noon by a careless hand)."""
    if _MINUTES_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return ""
    hours, part = m["hours"].lower(), m["part"].lower()
    hour = (int(hours) if hours.isdigit() else word_value(hours)) % 12
    if part == "evening" and hour == 0:
        return ""
    return f"{hour + (0 if part == 'morning' else 12):02d}:00"


def _date_kind(m: re.Match[str]) -> str:
    return "md" if m["md"] else "dm" if m["dm"] else "my"


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _date(m: re.Match[str]) -> str:
    if m["md"]:
        m1, d1, m2, d2, year = m["m1"], m["d1"], m["m2"] or m["m1"], m["d2"], m["y1"]
    else:
        m1, d1, m2, d2, year = m["m3"], m["d3"], m["m3"], m["d4"], m["y2"]
    if not m1[0].isupper():
        return ""
    prefix = f"{year}-" if year else ""
    first = f"{prefix}{_month(m1):02d}-{_day(d1):02d}"
    if d2 is None:
        return first
    return f"{first}/{prefix}{_month(m2):02d}-{_day(d2):02d}"


def _ago(m: re.Match[str]) -> str:
    n = " ".join(m["n"].lower().split())
    if n in ("a few", "several", "some"):
        n = "a few"  # one vague count however it is said: "several years ago" is "a few"
    count = n if n.isdigit() or n == "a few" else "1" if n in ("a", "an") else str(word_value(n))
    unit = m["unit"].lower().rstrip("s")
    if unit == "decade" and count != "a few":
        count, unit = str(10 * int(count)), "year"  # "two decades ago" is "20 years ago"
    return f"{count} {unit}{'' if count == '1' else 's'} ago"


def _is_year(text: str, m: re.Match[str]) -> bool:
    if names_a_thing(text, m.start()):
        return False  # "Euro 2020" (played in 2021), "Tokyo 2020", "Vision 2030": names
    before = text[max(0, m.start() - 20) : m.start()]
    return bool(_YEAR_BEFORE.search(before) or _YEAR_AFTER.match(text, m.end()))


# A short form between two capitalised words is part of a name ("Yeap Jun Rong").
_BEFORE_IN_NAME = re.compile(r"\b[A-Z][\w’'-]*\s+$")
_AFTER_IN_NAME = re.compile(r"\s+[A-Z][a-z]")


def _month_alone(text: str, m: re.Match[str]) -> str:
    word = m.group()
    short = len(word) <= 4 and not word.endswith(".")
    before = max(0, m.start() - 30)
    if (
        short
        and _BEFORE_IN_NAME.search(text, before, m.start())
        and not _MAY_CONTEXT.search(text, before, m.start())  # "In Jun", "By Dec"
        and _AFTER_IN_NAME.match(text, m.end())
    ):
        return ""
    if _MONTH_ALONE.match(word) and word[0].isupper():
        return MONTH_NAMES[_month(word) - 1]
    if word.rstrip(".") == "May" and _MAY_CONTEXT.search(text, max(0, m.start() - 12), m.start()):
        return "may"
    return ""
