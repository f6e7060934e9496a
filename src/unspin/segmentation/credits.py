"""Credits and datelines: where a page says whose story it runs.

A credit names a news outlet as the story's source, not as a party to it:
- a dateline's parentheses: "KYIV, Ukraine (AP) —", "LONDON, Sept 28 (Reuters) -", "(CNN) —",
  "ISLAMABAD (AP) A Pakistani court", "Jeddah, Apr 19 (AP) Formula 1 champion";
- a reporting phrase: "..., the Associated Press reported", "according to Reuters", "according
  to a Reuters report", "according to a report from the AP", "in an AP report", "as reported
  by the BBC", "citing AFP", "per the AP", "reports The New York Times", "Reuters yesterday
  reported", "as quoted by news agency AFP", "BBC quoted Carini as saying";
- a website's address in such a phrase or line: "Money.usnews.com reported", "read the full
  article on phys.org", "Source: phys.org" (not "according to Amazon.com", a company);
- a credit line, a short paragraph of its own: "Source: BBC", "By ASSOCIATED PRESS", "By Jane
  Doe, Associated Press", "— The Associated Press", "AP contributed to this report", "© 2022
  The Associated Press. All rights reserved.", "This story was originally published by CNN",
  "By contributor AP Reporter", "Read more: AP", "Additional reporting from Press Association";
- a credit closing the last paragraph: "... were acquitted. (AP)", "... at his home. -AP",
  "... down her cheeks. - Additional reporting from Press Association".
An outlet that is a party to the story is not a credit: "a spokesman told Reuters", "in an
interview with the BBC", "according to a Reuters tally".

A dateline opens a paragraph: a place in capitals, perhaps a region, country or date, perhaps a
credit, then a dash ("KYIV, Ukraine (AP) —", "WASHINGTON —"; after a credit, perhaps none). It is
the wire's furniture, not part of the story: its words are not the story's names (see
`find_names`).
"""

from __future__ import annotations

import re

from unspin.model import Credit, Span
from unspin.segmentation.lexicon import AMBIGUOUS_OUTLET_FORMS, OUTLETS, outlet_of


def _alternation(forms: set[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


_FORMS = {f for outlet, forms in OUTLETS.items() for f in (outlet, *forms)}
_PLAIN = {f for f in _FORMS if f not in AMBIGUOUS_OUTLET_FORMS}
_OUTLET = rf"(?:[Tt]he\s+)?(?P<outlet>{_alternation(_PLAIN)})\b"
# Credit lines and bylines are often in capitals ("By ASSOCIATED PRESS").
_SHOUTED = {f.upper() for f in _PLAIN if len(f) > 3}
# Every form, the ambiguous ones too: for phrases that can only name an outlet.
_EVERY_FORM = _alternation(_FORMS | _SHOUTED)
_ANY_FORM = rf"(?:[Tt]he\s+)?(?P<outlet>{_EVERY_FORM})\b"
# "Additional reporting by Reuters and AFP": after that phrase any form names the outlet, "PA"
# too. Other outlets may follow the first, but nothing else: "Additional reporting by the
# Guardian and the Observer exposed the payments." is a sentence of the story.
_ADDITIONAL_REPORTING = (
    rf"(?i:additional\s+reporting)\s+(?:by|from)\s+{_ANY_FORM}"
    rf"(?:(?:,\s*|\s+and\s+)(?:[Tt]he\s+)?(?:{_EVERY_FORM}|agencies|staff)\b)*"
)
_OUTLET_ANY_CASE = rf"(?:[Tt]he\s+|THE\s+)?(?P<outlet>{_alternation(_PLAIN | _SHOUTED)})\b"

# A website named as the story's source, by its address ("Money.usnews.com reported"). Not
# after "according to", where the address is often a company's name ("according to Amazon.com").
_SITE = r"(?P<outlet>(?:[A-Za-z0-9-]+\.)+(?:com|org|net|co\.uk|com\.au|news|info|tv))\b"

_FULL_STORY = (
    r"\b(?:[Rr]ead|[Ss]ee)\s+(?:the\s+)?(?:full|original|complete)\s+(?:article|story|report)"
    r"\s+(?:on|at)\s+"
)

# What an outlet is, before its name: "reports news agency Reuters", "according to the French
# news agency AFP", "according to Russian state news agency TASS".
_AGENCY = (
    r"(?:(?:[Tt]he\s+)?(?:(?:[A-Z][a-z]+|state|official)\s+){0,2}(?:news|wire)\s+"
    r"(?:agency|service)\s+)?"
)

# One outlet group per pattern (Python's re allows a group name once per pattern).
_REPORTING = [
    re.compile(
        r"\b(?:[Aa]ccording\s+to|[Aa]s\s+reported\s+by|[Rr]eported\s+by|[Cc]iting|[Cc]ited\s+by|"
        rf"[Cc]ourtesy\s+of|[Pp]er)\s+{_AGENCY}{_OUTLET}"
        # Not "according to Reuters calculations", "Reuters Estimates", "a Reuters tally".
        r"(?![’']s\s|\s+(?!(?:on|in|at|and|as|which|that|who|report|reports|news)\b)[A-Za-z])"
    ),
    # "according to a Reuters report": the outlet's report of the story, not its tally or poll.
    re.compile(
        r"\b(?:[Aa]ccording\s+to|[Cc]iting)\s+an?\s+(?:new\s+|recent\s+|separate\s+)?"
        rf"{_OUTLET}\s+(?:report|story|article)\b"
    ),
    # "said ..., in an AP report." closing its clause (not "made in an AP report in May").
    re.compile(rf"\bin\s+an?\s+{_OUTLET}\s+(?:report|story|article)(?=\s*[.;]|\s*$)"),
    # "according to a report from the Associated Press" (not "from the Reuters Institute").
    re.compile(
        r"\b(?:[Aa]ccording\s+to|[Cc]iting)\s+an?\s+(?:report|story|article)\s+(?:from|by)\s+"
        rf"{_OUTLET}(?![’']s\s|\s+[A-Z]|-)"
    ),
    # "as quoted by news agency AFP", "BBC quoted Carini as saying": the speaker's words as
    # the outlet gave them.
    re.compile(rf"\b[Aa]s\s+quoted\s+by\s+{_AGENCY}{_OUTLET}"),
    # The credit is the outlet and its verb: the speaker's name after it stays a name.
    re.compile(
        rf"\b(?=\w){_OUTLET}\s+quoted(?=\s+(?!(?:a|an|him|her|them|sources?|officials?)\b)"
        r"[\w.’'\- ]{1,60}?\s+as\s+saying\b)"
    ),
    # Opening at a word's start (\b(?=\w)): trying the outlets' alternation at every
    # character was a tenth of segmenting a page.
    re.compile(
        rf"\b(?=\w){_OUTLET}\s+(?:has\s+|had\s+|first\s+)?"
        r"(?:(?:yesterday|today|earlier|on\s+[A-Z][a-z]+day)\s+)?"  # "Reuters yesterday reported"
        r"(?:reported|reports|said\s+in\s+a\s+report)\b"
    ),
    re.compile(
        rf"(?:\b(?:reported|reports)|(?<=, )(?:Reported|Reports))\s+{_AGENCY}{_OUTLET}(?![’']s\s)"
    ),
    re.compile(rf"\b(?=\w){_SITE}\s+(?:has\s+|had\s+|first\s+)?(?:reported|reports)\b"),
    re.compile(rf"\b(?:[Aa]s\s+reported\s+by|[Rr]eported\s+by)\s+{_SITE}"),
    # "For more information, you can read the full article on phys.org."
    re.compile(_FULL_STORY + _SITE),
    re.compile(_FULL_STORY + _OUTLET),
]
# Words one of the _REPORTING patterns needs: most paragraphs have none, and searching for
# them is much cheaper than running the patterns' long alternation of outlet names (about a
# millisecond a page of the scan benchmark).
_REPORTING_HINT = re.compile(
    r"ccording|[Rr]eport|[Cc]it(?:ing|ed)|[Cc]ourtesy|\b[Pp]er\b|\b(?:full|original|complete)\b"
    r"|quoted"
)
_CREDIT_LINES = [
    re.compile(
        r"(?:[Ss]ource|SOURCE|[Ss]ources|[Vv]ia|[Cc]redits?|[Cc]ourtesy|[Ww]ritten\s+by|[Bb]y|BY|"
        rf"[Cc]opyright|©|\([Cc]\))\s*[:\-–—|]?\s*(?:\d{{4}}\s+)?{_OUTLET_ANY_CASE}"
    ),
    # "Read more: AP", "ALSO READ: Reuters" as the whole line (not "Read more: BBC apologises
    # for ...")
    re.compile(
        rf"(?i:read\s+more|also\s+read|read\s+also)\s*[:\-–—|]?\s*{_OUTLET_ANY_CASE}\s*\.?$"
    ),
    # "By contributor AP Reporter", "By AFP Staff"
    re.compile(
        rf"[Bb]y\s+(?:[a-z]+\s+)?{_OUTLET_ANY_CASE}\s+(?:[Rr]eporters?|[Ss]taff|[Cc]orrespondents?)"
    ),
    re.compile(rf"(?:[Ss]ource|SOURCE|[Vv]ia|[Cc]redits?|[Cc]ourtesy)\s*[:\-–—|]?\s*{_SITE}"),
    re.compile(rf"[Bb]y\s+[A-Z][\w.’'\- ]{{1,60}}?\s*[,|/]\s*{_OUTLET_ANY_CASE}"),
    re.compile(rf"[—–-]*\s*{_OUTLET_ANY_CASE}\s*\.?$"),
    re.compile(rf"{_OUTLET}\s+contributed\s+to\s+this\s+(?:report|story)"),
    # "- Additional reporting from Press Association" (a spin of PA on a rescue, 2023)
    re.compile(rf"[—–-]*\s*{_ADDITIONAL_REPORTING}\s*\.?$"),
    re.compile(rf"(?:originally|first)\s+(?:published|appeared)\s+(?:by|on|in|at)\s+{_OUTLET}"),
]
CREDIT_LINE_WORDS = 15  # a credit line is a short paragraph of its own
# A credit closing the last paragraph: "... were acquitted. (AP)", "... at his home. -AP" (not
# a photo credit, "(AP Photo/Lindsey Wasson)", nor a hyphenated word, "pro-AP"). Closing
# another paragraph, either form is as often a photo caption's ("... in Qaraqosh.—AFP", Dawn).
_TRAILING_CREDIT = re.compile(rf"[.!?”\"']\s*(?P<mark>(?:\(|[—–-])\s?{_OUTLET}(?:\s*\))?)\s*$")
# "... down her cheeks. - Additional reporting from Press Association" (The Echo, Cork, on PA's
# obituary of Sinéad O'Connor).
_TRAILING_ADDITIONAL = re.compile(
    rf"[.!?”\"']\s*(?P<mark>(?:[—–-]+\s*)?{_ADDITIONAL_REPORTING})\s*(?:\.\s*)?$"
)

_CAPS_WORD = r"[A-Z][A-Z.'’\-]+"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD})*)"
    r"(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z\d][\w.'’\-]*){0,3})*"  # ", Ukraine", ", Sept 28"
    # "ISLAMABAD (AP) A Pakistani court": after a credit, the dash may be left out.
    r"(?:\s*\((?P<credit>[^()\n]{1,40})\)\s*(?P<dash>[—–]|--?)?|\s*(?:[—–]|--?))"
)
_BARE_CREDIT = re.compile(r"\((?P<credit>[^()\n]{1,40})\)\s*(?:[—–]|--?)?")
# A dateline in the style of Indian agencies' feeds, the place not in capitals but a date
# before the credit: "Jeddah, Apr 19 (AP) Formula 1 champion ..." (a reprint of AP, 2024).
_DATED_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s*"  # "Jeddah", "New Delhi"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*"
    r"\((?P<credit>[^()\n]{1,40})\)\s*(?:[—–]|--?)?"
)


def find_credits(text: str, paragraphs: list[Span]) -> tuple[list[Credit], list[Span]]:
    """The credits in text, and the datelines (spans of their place words) to keep out of names."""
    credits: list[Credit] = []
    datelines: list[Span] = []
    last = tuple(paragraphs[-1]) if paragraphs else None  # where a closing "(AP)" credits
    for start, end in paragraphs:
        at = start
        m = _DATELINE.match(text, start, end)
        if m and m["credit"] and not m["dash"] and not _undashed_dateline(text, m):
            m = None  # "NATO (North Atlantic Treaty Organization) said": no dateline
        if m:
            if m["credit"] or len(m["place"]) >= 3:
                datelines.append(Span(*m.span("place")))
                at = m.end()
            if m["credit"]:
                _credit_in_parentheses(m, credits)
        elif (m := _BARE_CREDIT.match(text, start, end)) and _credit_in_parentheses(m, credits):
            at = m.end()
        elif (m := _DATED_DATELINE.match(text, start, end)) and _credit_in_parentheses(m, credits):
            datelines.append(Span(*m.span("place")))
            at = m.end()
        line = credit_line(text, at, end)
        if line is not None:
            credits.append(Credit(start, end, line))
            continue
        if (start, end) == last and (
            m := _TRAILING_CREDIT.search(text, at, end)
            or _TRAILING_ADDITIONAL.search(text, at, end)
        ):
            credits.append(Credit(m.start("mark"), m.end("mark"), _named(m["outlet"])))
        if not _REPORTING_HINT.search(text, at, end):
            continue
        taken = at
        for m in sorted(
            (m for pattern in _REPORTING for m in pattern.finditer(text, at, end)),
            key=lambda m: m.start(),
        ):
            if m.start() >= taken:
                credits.append(Credit(m.start(), m.end(), _named(m["outlet"])))
                taken = m.end()
    return sorted(credits, key=lambda c: c.start), datelines


def _undashed_dateline(text: str, m: re.Match[str]) -> bool:
    """Is a dateline without its dash one ("ISLAMABAD (AP) A Pakistani court"): an outlet in
    the parentheses, a place that is none ("AP (Associated Press) journalists were barred" is
    the outlet as the story's subject), and a sentence opening after it?"""
    after = text[m.end() : m.end() + 1]
    return (
        _fold(m["credit"]) in outlet_of()
        and _fold(m["place"]) not in outlet_of()
        and (after.isupper() or (after != "" and after in "“\"'‘"))
    )


def credit_line(text: str, start: int, end: int) -> str | None:
    """The outlet a short paragraph of its own credits ("Source: BBC"), if it is one."""
    if len(text[start:end].split()) > CREDIT_LINE_WORDS:
        return None
    for pattern in _CREDIT_LINES:
        if m := pattern.match(text, start, end):
            return _named(m["outlet"])
    return None


def _credit_in_parentheses(m: re.Match[str], credits: list[Credit]) -> bool:
    outlet = outlet_of().get(_fold(m["credit"].strip()))
    if outlet is not None:
        credits.append(Credit(m.start("credit") - 1, m.end("credit") + 1, outlet))
    return outlet is not None


def _named(outlet: str) -> str:
    """The name a credit gives: a known outlet's canonical name, or a website's address."""
    return outlet_of().get(_fold(outlet)) or outlet.lower().removeprefix("www.")


def _fold(name: str) -> str:
    """An outlet's name as `outlet_of` keys it: case-folded, without "the "."""
    return " ".join(name.split()).lower().removeprefix("the ")
