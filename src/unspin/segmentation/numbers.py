"""Numbers written in words: "forty-six", "two hundred", "a dozen", "one-billion"."""

from __future__ import annotations

import re

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "dozen": 12,
}

_WORD = "|".join(sorted([*VALUES, *SCALES], key=len, reverse=True))
# "and" joins number words after a scale word only, and before a number below it: "two hundred
# and fifty" is one number; "between four and six" and "a hundred and two hundred" are two.
_AND = "|".join(rf"(?<={scale})" for scale in SCALES)  # one lookbehind each: fixed widths
_NO_SCALE_NEXT = r"(?!(?:[a-z]+-)*[a-z]+[\s-]+(?:hundred|thousand|million|billion|trillion)\b)"
# A run of number words: "twenty-one", "two hundred and fifty", "a dozen", "one-billion".
WORD_RUN = re.compile(
    rf"\b(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_WORD})(?:(?:(?:{_AND})\s+and\s+{_NO_SCALE_NEXT}|\s+|-)(?:{_WORD}))*\b",
    re.IGNORECASE,
)


# Orders of magnitude in words and their least value ("hundreds" of people: 100 or more).
VAGUE_ORDERS = {
    "dozens": 12,
    "scores": 12,  # "scores of" and "dozens of" are one order
    "hundreds": 100,
    "thousands": 1_000,
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "millions": 1_000_000,
    "tens of millions": 10_000_000,
    "hundreds of millions": 100_000_000,
    "billions": 1_000_000_000,
}
VAGUE_RUN = re.compile(
    r"\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions"
    r"|billions|scores(?=\s+of\b))\b(?!\s+of\s+(?:thousands|millions|billions)\b)",
    re.IGNORECASE,
)


# No number in words says more; a hostile run ("hundred hundred hundred ...") would otherwise
# grow past what a float holds.
MOST_IN_WORDS = 10**15


def word_value(run: str) -> int:
    """The value of a run matched by WORD_RUN ("a" and "and" count as nothing), at most
    MOST_IN_WORDS."""
    total = current = 0
    for word in re.split(r"[\s-]+", run.lower()):
        if word in VALUES:
            current += VALUES[word]
        elif word in ("hundred", "dozen"):
            current = min(max(current, 1) * SCALES[word], MOST_IN_WORDS)
        elif word in SCALES:
            total = min(total + max(current, 1) * SCALES[word], MOST_IN_WORDS)
            current = 0
    return min(total + current, MOST_IN_WORDS)
