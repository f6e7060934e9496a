"""Quantities: numbers as written, with a normalised value and unit.

Conventions (what `detect` compares):
- value is the full number: "$200 million" = 200_000_000 usd, "1.5 mln dlrs" = 1_500_000 usd.
- unit: "" for a count; "percent" for "48%", "48 percent", "48 per cent", "48 pct";
  "percentage point"; "basis point"; a currency code ("usd", "eur", "gbp", "jpy", ...);
  "year" for an age ("46-year-old", "46 years old", "aged 46").
- Fractions of a whole are percentages: "half of the population" = 50 percent, "a third of"
  = 33.33.. percent, "two-thirds" = 66.66.. percent, so "half" and "50 percent" compare equal.
- A range gives two quantities; the second one's unit and scale carry back to the first
  ("21 to 22", "1,750 to 1,780 dlrs", "$1 to 2 billion").
- The span covers the number with its currency sign, scale and unit, not the hedge before it:
  "more than 14,000" is the span "14,000" with approximate=True.
- Orders of magnitude in words ("dozens", "hundreds", "tens of thousands") are vague
  quantities: value is the order's least value (see model.Quantity.vague).
- A race time or a date written with points ("14.31.02", "28.05.2023") is one figure with
  unit "dotted", its digits run together, so that two such figures compare only as written.
- Not quantities: years and dates (those are times), ordinals ("21st", "first"), numbers in
  names ("F-16", "G7", "Boeing 737", "Form 10-K", "Article 5"), ranks ("No. 1"), clock
  times, and "one" used as a pronoun ("one of the", "no one", "one another").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from unspin.model import Quantity
from unspin.segmentation.lexicon import CURRENCY_CODES, WordIndex, names_a_thing
from unspin.segmentation.numbers import (
    SCALES,
    VAGUE_ORDERS,
    VAGUE_RUN,
    VALUES,
    WORD_RUN,
    word_value,
)

# Thousands grouped in threes, or in the Indian way ("2,21,000" is 221,000; "1,50,00,000"), or
# by a no-break, narrow no-break or thin space, as SI style and some outlets print them ("12 000":
# read at the space, it gave "12" and "000"). Not by a plain space: "in 2019 100 people died".
_SPACES_IN_NUMBERS = "\u00a0\u202f\u2009"
_DIGITS = re.compile(
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:[{_SPACES_IN_NUMBERS}]\d{{3}})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"
)


def _digits_value(digits: str) -> float:
    """The value of a `_DIGITS` match, its group separators left out."""
    return float(re.sub(rf"[,{_SPACES_IN_NUMBERS}]", "", digits))


# With the Indian scales that Indian English pages use ("33.7 lakh" is 3.37 million, "500
# crore" 5 billion, "1.5 lakh crore" 1.5 trillion; "cr" only after a currency: "Rs 500 cr").
_SCALE_WORDS = {
    **SCALES,
    "mln": 10**6,
    "bln": 10**9,
    "bn": 10**9,
    "m": 10**6,
    "k": 1_000,
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
    "cr": 10**7,
    "crs": 10**7,
}
_SCALE = re.compile(
    r"(?:\s+|-)(thousand|million|billion|trillion|mln|bln|bn|lakhs?|lacs?|crores?)\b"
    r"|(m|bn|k)\b|\s+(crs?)\b",
    re.IGNORECASE,
)
_CRORE = re.compile(r"\s+(crores?)\b", re.IGNORECASE)  # "1.5 lakh crore", "20 thousand crore"
_CURRENCY_ADJ = {
    "canadian": "cad",
    "australian": "aud",
    "hong kong": "hkd",
    "new zealand": "nzd",
    "singapore": "sgd",
    "u.s.": "usd",
    "us": "usd",
}
_UNIT = re.compile(
    r"(?P<pct>\s?%)"
    r"|[\s-]+(?:"
    r"(?P<pp>percentage[\s-]points?|pct[\s-]points?)"
    r"|(?P<pc>per\s?cent|pct)"
    r"|(?P<bp>basis\s+points?|bps)"
    r"|(?:(?P<adj>Canadian|Australian|Hong\s+Kong|New\s+Zealand|Singapore|U\.S\.|US)\s+)?"
    r"(?P<usd>dollars?|dlrs?)"
    r"|(?P<eur>euros?)|(?P<gbp>pounds?\s+sterling|pounds?|sterling)|(?P<jpy>yen)"
    r"|(?P<cny>yuan|renminbi)|(?P<rub>roubles?|rubles?)|(?P<uah>hryvnias?)|(?P<inr>rupees?)"
    r")\b"
    r"|(?P<age>-years?-old|\s+years?\s+old)\b",
    re.IGNORECASE,
)
_UNIT_NAMES = {
    "pct": "percent",
    "pc": "percent",
    "pp": "percentage point",
    "bp": "basis point",
    "age": "year",
}
# A currency's code before the figure, glued or not ("USD26.8 billion", "Rs. 500 crore"): a
# price, not a code ("USD3M"); not a pair's second code ("EUR/USD 1.08").
_CODE = rf"(?<!/)\b(?:{'|'.join(CURRENCY_CODES)})\.?"
_CODE_BEFORE = re.compile(rf"(?:{_CODE})\s?$")
# "$US450 million" and "$A675 million": Australian and New Zealand papers put the country after
# the sign (an SMH page gives "$US450 million ($675 million)", the second in its own dollars).
_PREFIX = re.compile(
    rf"(US\$|U\.S\.\s?\$|C\$|A\$|HK\$|NZ\$|\$US|\$A|\$NZ|\$HK|\$C|\$S|\$|€|£|¥|{_CODE})\s?$"
)
_COUNTRY_AFTER_SIGN = re.compile(r"\$(?:US|A|NZ|HK|C|S)$")
_PREFIX_UNITS = {
    "US$": "usd",
    "U.S.$": "usd",
    "U.S. $": "usd",
    "C$": "cad",
    "A$": "aud",
    "HK$": "hkd",
    "NZ$": "nzd",
    "$US": "usd",
    "$A": "aud",
    "$NZ": "nzd",
    "$HK": "hkd",
    "$C": "cad",
    "$S": "sgd",
    "$": "usd",
    "€": "eur",
    "£": "gbp",
    "¥": "jpy",
    **CURRENCY_CODES,
}
_HEDGE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|some|more\s+than|over|up\s+to|an\s+estimated|"
    r"estimated|less\s+than|fewer\s+than|approximately|at\s+least|close\s+to|as\s+many\s+as|"
    r"as\s+much\s+as|just\s+over|just\s+under|under|upwards\s+of|well\s+over|greater\s+than)"
    r"\s+$",
    re.IGNORECASE,
)
_AGED = re.compile(r"\baged\s+$", re.IGNORECASE)
# "Joe Biden, 79, said": a person's age set off by commas after the name.
_APPOSED_AGE = re.compile(r"[A-Z][\w’'-]+,\s$")
_RANK = re.compile(r"(?:\bNo\.?|\bnumber|#)\s*$", re.IGNORECASE)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_SHARE_OF = re.compile(r"\b(?:portion|fraction|proportion)s?\s+of\s+$", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\band[\s-]+(?:a[\s-]+)?$", re.IGNORECASE)
_CURRENCIES = frozenset("usd eur gbp jpy cny rub uah inr cad aud hkd nzd sgd".split())
_FRACTION = re.compile(
    r"\b(?P<num>a|one|two|three|four)(?P<sep>[\s-])(?P<den>thirds?|quarters?|fifths?)\b"
    r"|\b(?:(?:a|one)\s+)?half\b(?!-)",
    re.IGNORECASE,
)
_FRACTION_TRIGGERS = frozenset("a one two three four half".split())
_WORD_TRIGGERS = frozenset([*VALUES, *SCALES, "a", "an"])
TRIGGERS = _FRACTION_TRIGGERS | _WORD_TRIGGERS
_FRACTION_OF = re.compile(r"\s+(?:of|the|its|their|his|her|our|all|those|these|them|that)\b")
_NOT_HALF_BEFORE = re.compile(r"\b(?:first|second|latter|other|and\s+a|a)\s+$|-$", re.I)
_HALF_BEFORE = re.compile(r"\bhalf(?:-|\s+)$", re.IGNORECASE)
_DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5}
# "one" as a pronoun or in set phrases is not a count.
_ONE_BEFORE = re.compile(
    r"\b(?:no|any|every|each|some|the|this|that|which|what|only\s+the)"
    r"\s+$",
    re.IGNORECASE,
)
_ONE_AFTER = re.compile(
    r"(?:\s+(?:of|another|day|time|point|way|thing|hand|side|more|or|and|"
    r"such|who|which|that|after|by|else|in|on|at|to|is|was|has|can|could|"
    r"would|will|must|should|may|might)\b|[’']s\b|-(?!(?:hundred|thousand|"
    r"million|billion|trillion|dozen|year)\b)[a-z])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Num:
    start: int
    end: int
    value: float
    unit: str = ""
    scaled: bool = False  # a scale word ("million") was applied
    words: bool = False  # written in words
    vague: bool = False  # an order of magnitude ("hundreds")


def find_quantities(
    text: str, taken: list[tuple[int, int]], index: WordIndex | None = None
) -> list[Quantity]:
    """Quantities in text, skipping anything that overlaps `taken` (time expressions)."""
    index = index or WordIndex(text, TRIGGERS)
    found: list[_Num] = []
    busy = _Busy(taken)
    candidates = [
        *_fractions(text, index),
        *_grouped_words(text),
        *_digit_numbers(text),
        *_word_numbers(text, index),
        *_vague_numbers(text),
    ]
    for num in candidates:
        if busy.free(num.start, num.end):
            found.append(num)
            busy.add(num.start, num.end)
    found.sort(key=lambda n: n.start)
    found = _carry_range_units(text, found)
    return [
        Quantity(n.start, n.end, n.value, n.unit, n.vague or _hedged(text, n.start), n.vague)
        for n in found
    ]


class _Busy:
    """Spans already claimed, kept as sorted disjoint intervals (their union), so a test is a
    binary search: a long text has thousands of numbers."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def free(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start)
        before_clear = k == 0 or self.ends[k - 1] <= start
        after_clear = k == len(self.starts) or self.starts[k] >= end
        return before_clear and after_clear

    def add(self, start: int, end: int) -> None:
        # Merge with every interval it overlaps, then insert the union.
        lo = bisect_left(self.ends, start)  # the first interval ending after start ...
        hi = bisect_right(self.starts, end)  # ... up to the last starting before end
        if lo < hi:
            start, end = min(start, self.starts[lo]), max(end, self.ends[hi - 1])
        self.starts[lo:hi] = [start]
        self.ends[lo:hi] = [end]


def _fractions(text: str, index: WordIndex) -> list[_Num]:
    out = []
    for m in index.scan(_FRACTION, _FRACTION_TRIGGERS):
        follows_of = _FRACTION_OF.match(text, m.end()) is not None
        if m["den"]:
            if not (m["sep"] == "-" or follows_of):
                continue  # "the third quarter" is a period, not a fraction
            den = _DENOMINATORS[m["den"].lower().rstrip("s")]
            num = 1 if m["num"].lower() in ("a", "one") else word_value(m["num"])
            out.append(_Num(m.start(), m.end(), 100 * num / den, "percent", words=True))
        elif follows_of and not _NOT_HALF_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            out.append(_Num(m.start(), m.end(), 50.0, "percent", words=True))
    return out


# "7,18 million": a decimal comma (pages translated from languages that write one) before a
# scale word; "2-1/2" and "2 1/2": a whole number and a fraction; "6-3, 6-0": scores.
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}(?=\s+(?:thousand|million|billion|trillion)\b)")
_MIXED = re.compile(r"(\d{1,3})[-\s](\d)/(\d{1,2})\b")
# Three or more runs of digits joined by points: a race time ("14.31.02"), a date
# ("12.05.2023"), or thousands grouped with points ("1.234.567", left as it was read before:
# "1.234" and "567").
_DOTTED = re.compile(r"(?<![\d.])\d+(?:\.\d+){2,}")
DOTTED_GROUPS, DOTTED_CHARACTERS = 4, 14  # longer dotted runs are no figure at all
_SCORE = re.compile(r"\b(\d{1,2})-(\d{1,2})\b(?![/.,]?\d)(?!\s*(?:%|percent|per\s+cent))")


def _digit_numbers(text: str) -> list[_Num]:
    out = []
    claimed = _Busy([])
    for m in _MIXED.finditer(text):
        whole, numerator, denominator = (int(g) for g in m.groups())
        num = _finish(text, m.start(), m.end(), whole + numerator / denominator, words=False)
        if numerator < denominator and num is not None:
            out.append(num)
            claimed.add(m.start(), m.end())
    for m in _SCORE.finditer(text):
        if int(m[1]) >= int(m[2]) and claimed.free(m.start(), m.end()):
            claimed.add(m.start(), m.end())  # a score ("6-3", "2-1"), not a range ("10-20")
    for m in _DOTTED.finditer(text):
        groups = m[0].split(".")
        if all(len(group) == 3 for group in groups[1:]):
            continue  # "1.234.567"
        # A race time or a date: one figure, compared only as written ("14.31.02").
        claimed.add(m.start(), m.end())
        if len(groups) <= DOTTED_GROUPS and len(m[0]) <= DOTTED_CHARACTERS:
            out.append(_Num(m.start(), m.end(), float("".join(groups)), "dotted"))
    for m in _DECIMAL_COMMA.finditer(text):
        num = _finish(text, m.start(), m.end(), float(m.group().replace(",", ".")), words=False)
        if num is not None and claimed.free(m.start(), m.end()):
            out.append(num)
            claimed.add(m.start(), m.end())
    for m in _DIGITS.finditer(text):
        if not claimed.free(m.start(), m.end()) or not _plain_number(text, m.start(), m.end()):
            continue
        value = _digits_value(m.group())
        num = _finish(text, m.start(), m.end(), value, words=False)
        if num is not None:
            out.append(num)
    return out


# A leading digit a spinner wrote as a word, its thousands kept ("three,408" in a spun copy of
# AP's "3,408 injured"): one figure, not "three" and "408"; not the end of a compound
# ("twenty-three,408"). At most four groups (below 10^13), so a hostile run of them stays a
# figure a float holds.
_GROUPED_WORD = re.compile(
    r"(?<![\w-])(one|two|three|four|five|six|seven|eight|nine)((?:,\d{3}){1,4})(?!\d|[,.]\d)",
    re.IGNORECASE,
)


def _grouped_words(text: str) -> list[_Num]:
    out = []
    for m in _GROUPED_WORD.finditer(text):
        groups = m[2].replace(",", "")
        value = VALUES[m[1].lower()] * 10 ** len(groups) + int(groups)
        num = _finish(text, m.start(), m.end(), float(value), words=False)
        if num is not None:
            out.append(num)
    return out


def _plain_number(text: str, start: int, end: int) -> bool:
    """Not part of a code, a model name, a date, a clock time or a rank."""
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    if (
        before.isalnum()
        and not _CODE_BEFORE.search(text, max(0, start - 4), start)  # "USD26.8"
        and not _COUNTRY_AFTER_SIGN.search(text, max(0, start - 3), start)
    ) or (before in "/:" or (before == "-" and before2.isalpha())):
        return False
    if after in "/:" and text[end + 1 : end + 2].isdigit():
        return False
    if re.match(r"-\d+/\d", text[end : end + 4]):
        return False  # "11-1/2" (a price in fractions)
    if after.isalpha() and not re.match(r"(?:m|bn|k)\b", text[end : end + 3]):
        return False  # "21st", "1990s", "3D"
    if re.match(r"-[A-Z]", text[end : end + 2]):
        return False  # "Form 10-K", "737-MAX"
    if names_a_thing(text, start) and not _UNIT.match(text, end):
        return False  # "Boeing 737", "Article 5", "Section 230", "Apollo 11": part of a name
    return not _RANK.search(text, max(0, start - 8), start)


def _word_numbers(text: str, index: WordIndex) -> list[_Num]:
    out = []
    for m in index.scan(WORD_RUN, _WORD_TRIGGERS):
        run = m.group().lower()
        words = run.split()
        start, value = m.start(), float(word_value(run))
        half = (
            _HALF_BEFORE.search(text, max(0, start - 8), start)
            if words[-1] in SCALES and words[:-1] in ([], ["a"], ["an"])
            else None
        )
        if half is not None and _AND_BEFORE.search(text, max(0, half.start() - 8), half.start()):
            continue  # "one and a half million": more than this reader reads, so no figure
        if half is not None:
            # "a half-dozen", "half a dozen", "half a billion euros" (a spun copy's "500
            # million euros" is the same figure)
            start, value = half.start(), value / 2
        elif (first := words[0].split("-")[0]) in SCALES and first != "dozen":
            continue  # "hundreds", "a few hundred thousand": vague
        if words[0] in ("a", "an") and _SHARE_OF.search(text, max(0, start - 20), start):
            continue  # "a large portion of a million people" counts no million of them
        if run in ("one", "zero") and not _one_is_count(text, m.start(), m.end()):
            continue
        num = _finish(text, start, m.end(), value, words=True)
        if num is not None:
            out.append(num)
    return out


def _vague_numbers(text: str) -> list[_Num]:
    return [
        _Num(
            m.start(),
            m.end(),
            VAGUE_ORDERS[" ".join(m.group().lower().split())],
            words=True,
            vague=True,
        )
        for m in VAGUE_RUN.finditer(text)
    ]


def _one_is_count(text: str, start: int, end: int) -> bool:
    if _UNIT.match(text, end):
        return True  # "one percent"
    before = _ONE_BEFORE.search(text, max(0, start - 12), start)
    return before is None and _ONE_AFTER.match(text, end) is None


def _finish(text: str, start: int, end: int, value: float, words: bool) -> _Num | None:
    """Extend a bare number with "and a half", a scale, a unit and a currency sign."""
    said = re.split(r"[\s-]+", text[start:end].lower())
    scaled = words and any(w in SCALES for w in said)
    if m := _AND_A_HALF.match(text, end):
        # Half of the last word's scale: "a million and a half" is 1.5 million, "two and a half" 2.5
        value, end = value + 0.5 * SCALES.get(said[-1], 1), m.end()
    if (m := _SCALE.match(text, end)) and (m[1] or _PREFIX.search(text, max(0, start - 6), start)):
        value, end, scaled = value * _SCALE_WORDS[(m[1] or m[2] or m[3]).lower()], m.end(), True
        if (
            m[1]
            and m[1].lower() in ("thousand", "lakh", "lakhs")
            and (m := _CRORE.match(text, end))
        ):
            value, end = value * 10**7, m.end()
    elif text[end : end + 1].isalpha():
        return None
    unit = ""
    if m := _PREFIX.search(text, max(0, start - 6), start):
        unit, start = _PREFIX_UNITS[m.group(1).removesuffix(".")], m.start()  # "Rs." is "Rs"
    if m := _UNIT.match(text, end):
        unit, end = unit or _unit_of(m), m.end()
    elif _AGED.search(text, max(0, start - 8), start) or _apposed_age(text, start, end, value):
        unit = "year"
    return _Num(start, end, value, unit, scaled, words)


def _apposed_age(text: str, start: int, end: int, value: float) -> bool:
    return (
        value < 120
        and text[end : end + 1] == ","
        and _APPOSED_AGE.search(text, max(0, start - 40), start) is not None
    )


def _unit_of(m: re.Match[str]) -> str:
    kind = m.lastgroup or ""
    if kind == "usd" and m["adj"]:
        return _CURRENCY_ADJ[" ".join(m["adj"].lower().split())]
    return _UNIT_NAMES.get(kind, kind)


def _carry_range_units(text: str, nums: list[_Num]) -> list[_Num]:
    """A range's ends share unit and scale: "21 to 22 percent", "1,750 to 1,780 dlrs" (the
    first takes the second's), "$1 to 2 billion" (the second takes the first's currency)."""
    out = list(nums)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
        if gap is None or b.start - a.end > 5:
            continue
        if gap.group().strip() == "and" and not _BETWEEN.search(text, max(0, a.start - 9), a.start):
            continue  # "27.7 pct and 138,543" is two numbers, "between 5 and 10 pct" a range
        if a.unit and b.unit and a.unit != b.unit:
            continue  # "rose 12 percent to $4 billion": a change and a level, no range
        if not a.unit and b.unit:
            a = replace(a, unit=b.unit)
        elif a.unit in _CURRENCIES and not b.unit and gap.group().strip() != "and":
            out[i] = replace(b, unit=a.unit)
        # "$1 to 2 billion" shares the scale; "rose 3.5 percent to 1.2 million barrels" (two
        # units) and "fell 12,000 to 1.3 million" (a change as large as the level's base) do not.
        shares_scale = (
            a.unit == out[i].unit and a.value < _base(text, b) and "," not in text[a.start : a.end]
        )
        if b.scaled and not a.scaled and not a.words and shares_scale:
            a = replace(a, value=a.value * b.value / _base(text, b), scaled=True)
        out[i - 1] = a
    return out


def _base(text: str, num: _Num) -> float:
    """The unscaled number at the start of a scaled quantity ("2" in "2 billion")."""
    m = _DIGITS.search(text, num.start, num.end)
    return _digits_value(m.group()) if m else num.value


def _hedged(text: str, start: int) -> bool:
    return _HEDGE.search(text, max(0, start - 25), start) is not None
